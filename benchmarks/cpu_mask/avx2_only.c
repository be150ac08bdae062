/*
 * avx2_only.c - make a process (and the programs it executes) see an AVX2-only x86-64 CPU.
 *
 * Built as a shared library and loaded with LD_PRELOAD (benchmarks/cpu_mask/__init__.py
 * compiles it on demand). Linux x86-64 only; needs a kernel and CPU with CPUID faulting
 * (`cpuid_fault` in /proc/cpuinfo, arch_prctl(ARCH_SET_CPUID)).
 *
 * How: the constructor turns on CPUID faulting for the thread (threads created later inherit
 * it; execve turns it off again, and LD_PRELOAD, inherited through the environment, turns it
 * back on in the new program). Every `cpuid` instruction then raises SIGSEGV. The handler
 * installed here recognises the faulting instruction (si_code SI_KERNEL, bytes 0F A2 at RIP),
 * turns faulting off for an instant, runs the real cpuid with the guest's EAX/ECX, clears the
 * feature bits below, writes EAX..EDX back into the interrupted context and steps RIP over the
 * 2-byte instruction. Any other SIGSEGV goes to the handler the program installed (see
 * "Chaining") or, by default, kills the process as usual.
 *
 * Masked (what an AVX2 Zen 2 EPYC does not have):
 *   leaf 7.0 EBX: AVX512F(16) DQ(17) IFMA(21) PF(26) ER(27) CD(28) BW(30) VL(31)
 *   leaf 7.0 ECX: AVX512_VBMI(1) VBMI2(6) GFNI(8) VAES(9) VPCLMULQDQ(10) AVX512_VNNI(11)
 *                 BITALG(12) VPOPCNTDQ(14)
 *   leaf 7.0 EDX: 4VNNIW(2) 4FMAPS(3) VP2INTERSECT(8) AMX-BF16(22) AVX512_FP16(23)
 *                 AMX-TILE(24) AMX-INT8(25)
 *   leaf 7.1 EAX: AVX-VNNI(4) AVX512_BF16(5) AVX-IFMA(23)
 *   leaf 7.1 EDX: AVX-VNNI-INT8(4) AVX-NE-CONVERT(5) AVX10(19)
 *   leaf 0xD.0 EAX: XSAVE components opmask/ZMM_Hi256/Hi16_ZMM (5-7) and AMX (17-18), so a
 *                 library that compares XSAVE support with the feature bits sees no AVX-512.
 *
 * Not masked, and what that means:
 *   - `xgetbv` cannot be trapped: XCR0 still says the OS saves ZMM state. Libraries require the
 *     cpuid feature bit as well (MLAS, oneDNN/xbyak, cpuinfo, numpy do), so they pick AVX2.
 *   - glibc's ld.so runs cpuid before any constructor (this one included): glibc's own ifuncs
 *     (memcpy, strlen, ... EVEX/AVX-512 variants), its cached cpu features
 *     (__builtin_cpu_supports in glibc, glibc-hwcaps x86-64-v4 directories) still see the real
 *     CPU. Code that runs before this constructor does too.
 *   - Same cores, caches, clocks and memory: this emulates the instruction set an AVX2-only
 *     CPU offers, not its speed.
 *
 * Chaining: programs may install their own SIGSEGV handler later (Python's faulthandler, which
 * pytest turns on, does). sigaction() and signal() are interposed so that such a handler is
 * recorded and called for every SIGSEGV that is not a cpuid, while this handler stays
 * installed; the program gets its own handler back when it asks for the old one. SIGSEGV is
 * also kept out of blocked-signal masks (sigprocmask / pthread_sigmask): the kernel kills a
 * thread that faults with SIGSEGV blocked, and blocking a synchronous fault has no other effect.
 * Code that calls the rt_sigaction system call directly bypasses this.
 *
 * Environment:
 *   AVX2_ONLY_SELFTEST=1  the constructor runs cpuid leaf 7 itself (through the trap) and prints
 *                         one line "avx2_only: ok ..." (or exits 86 if a bit got through).
 *   AVX2_ONLY_STATS=1     at exit, print how many cpuid instructions were emulated.
 * If the kernel refuses CPUID faulting the constructor prints one line and exits with status 87:
 * a measurement must not silently run on the real CPU.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#if !defined(__x86_64__) || !defined(__linux__)
#error "avx2_only.c is for Linux x86-64"
#endif

#ifndef ARCH_GET_CPUID
#define ARCH_GET_CPUID 0x1011
#endif
#ifndef ARCH_SET_CPUID
#define ARCH_SET_CPUID 0x1012
#endif

#define BIT(n) (1u << (n))

static const uint32_t MASK_7_0_EBX = BIT(16) | BIT(17) | BIT(21) | BIT(26) | BIT(27) |
                                     BIT(28) | BIT(30) | BIT(31);
static const uint32_t MASK_7_0_ECX = BIT(1) | BIT(6) | BIT(8) | BIT(9) | BIT(10) | BIT(11) |
                                     BIT(12) | BIT(14);
static const uint32_t MASK_7_0_EDX = BIT(2) | BIT(3) | BIT(8) | BIT(22) | BIT(23) | BIT(24) |
                                     BIT(25);
static const uint32_t MASK_7_1_EAX = BIT(4) | BIT(5) | BIT(23);
static const uint32_t MASK_7_1_EDX = BIT(4) | BIT(5) | BIT(19);
static const uint32_t MASK_D_0_EAX = BIT(5) | BIT(6) | BIT(7) | BIT(17) | BIT(18);

typedef int (*sigaction_fn)(int, const struct sigaction *, struct sigaction *);
typedef int (*sigmask_fn)(int, const sigset_t *, sigset_t *);

static sigaction_fn real_sigaction;
static sigmask_fn real_sigprocmask;
static sigmask_fn real_pthread_sigmask;
/* The SIGSEGV disposition the program believes it installed (SIG_DFL at first). */
static struct sigaction guest_action;
static volatile int active;
static volatile unsigned long emulated;

static long set_cpuid_enabled(int enabled) {
    return syscall(SYS_arch_prctl, ARCH_SET_CPUID, (unsigned long)enabled);
}

static void real_cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4]) {
    __asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
                     : "a"(leaf), "c"(sub));
}

/* cpuid as the AVX2-only CPU answers it. */
static void masked_cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4]) {
    real_cpuid(leaf, sub, r);
    if (leaf == 7 && sub == 0) {
        r[1] &= ~MASK_7_0_EBX;
        r[2] &= ~MASK_7_0_ECX;
        r[3] &= ~MASK_7_0_EDX;
    } else if (leaf == 7 && sub == 1) {
        r[0] &= ~MASK_7_1_EAX;
        r[3] &= ~MASK_7_1_EDX;
    } else if (leaf == 0xD && sub == 0) {
        r[0] &= ~MASK_D_0_EAX;
    }
}

static void write_str(const char *s) {
    ssize_t ignored = write(2, s, strlen(s));
    (void)ignored;
}

/* Hand a SIGSEGV that is not a cpuid to the program's handler, or die of it. */
static void chain(int sig, siginfo_t *info, void *ctx) {
    struct sigaction guest = guest_action;
    if (guest.sa_flags & SA_SIGINFO) {
        if (guest.sa_sigaction) {
            guest.sa_sigaction(sig, info, ctx);
            return;
        }
    } else if (guest.sa_handler != SIG_DFL && guest.sa_handler != SIG_IGN) {
        guest.sa_handler(sig);
        return;
    }
    /* Default (an ignored SIGSEGV from a fault kills too): restore it and re-raise. A real fault
     * re-executes the instruction after we return and dies of it; a raised one dies now. */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    real_sigaction(SIGSEGV, &dfl, NULL);
    active = 0;
    raise(SIGSEGV);
}

static void on_segv(int sig, siginfo_t *info, void *ctx) {
    ucontext_t *uc = (ucontext_t *)ctx;
    greg_t *regs = uc->uc_mcontext.gregs;
    const unsigned char *rip = (const unsigned char *)regs[REG_RIP];
    if (info->si_code == SI_KERNEL && rip && rip[0] == 0x0F && rip[1] == 0xA2) {
        int saved = errno;
        uint32_t r[4];
        set_cpuid_enabled(1);
        masked_cpuid((uint32_t)regs[REG_RAX], (uint32_t)regs[REG_RCX], r);
        set_cpuid_enabled(0);
        regs[REG_RAX] = r[0]; /* cpuid zero-extends into the 64-bit registers */
        regs[REG_RBX] = r[1];
        regs[REG_RCX] = r[2];
        regs[REG_RDX] = r[3];
        regs[REG_RIP] += 2;
        emulated++;
        errno = saved;
        return;
    }
    chain(sig, info, ctx);
}

static void resolve(void) {
    if (!real_sigaction) real_sigaction = (sigaction_fn)dlsym(RTLD_NEXT, "sigaction");
    if (!real_sigprocmask) real_sigprocmask = (sigmask_fn)dlsym(RTLD_NEXT, "sigprocmask");
    if (!real_pthread_sigmask)
        real_pthread_sigmask = (sigmask_fn)dlsym(RTLD_NEXT, "pthread_sigmask");
}

/* Interposed: the program's SIGSEGV handler is recorded (and chained to), not installed. */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
    resolve();
    if (sig != SIGSEGV || !active) return real_sigaction(sig, act, old);
    if (old) *old = guest_action;
    if (act) guest_action = *act;
    return 0;
}

sighandler_t signal(int sig, sighandler_t handler) {
    struct sigaction act, old;
    memset(&act, 0, sizeof act);
    act.sa_handler = handler;
    act.sa_flags = SA_RESTART;
    sigemptyset(&act.sa_mask);
    if (sigaction(sig, &act, &old) != 0) return SIG_ERR;
    return old.sa_handler;
}

static int unblock_segv(sigmask_fn real, int how, const sigset_t *set, sigset_t *old) {
    if (active && set && (how == SIG_BLOCK || how == SIG_SETMASK) && sigismember(set, SIGSEGV)) {
        sigset_t copy = *set;
        sigdelset(&copy, SIGSEGV);
        return real(how, &copy, old);
    }
    return real(how, set, old);
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
    resolve();
    return unblock_segv(real_sigprocmask, how, set, old);
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old) {
    resolve();
    return unblock_segv(real_pthread_sigmask, how, set, old);
}

static void print_stats(void) {
    char line[96];
    snprintf(line, sizeof line, "avx2_only: %lu cpuid instructions emulated in pid %d\n",
             (unsigned long)emulated, (int)getpid());
    write_str(line);
}

static void selftest(void) {
    uint32_t r[4], s[4];
    __asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(7), "c"(0));
    __asm__ volatile("cpuid" : "=a"(s[0]), "=b"(s[1]), "=c"(s[2]), "=d"(s[3]) : "a"(7), "c"(1));
    int leaked = (r[1] & MASK_7_0_EBX) || (r[2] & MASK_7_0_ECX) || (r[3] & MASK_7_0_EDX) ||
                 (s[0] & MASK_7_1_EAX) || (s[3] & MASK_7_1_EDX);
    char line[160];
    snprintf(line, sizeof line,
             "avx2_only: %s leaf7 ebx=%08x ecx=%08x edx=%08x avx2=%d avx512f=%d emulated=%lu\n",
             leaked ? "LEAK" : "ok", r[1], r[2], r[3], (r[1] >> 5) & 1, (r[1] >> 16) & 1,
             (unsigned long)emulated);
    write_str(line);
    if (leaked || emulated < 2) _exit(86);
}

__attribute__((constructor(101))) static void avx2_only_init(void) {
    resolve();
    if (!real_sigaction || !real_sigprocmask || !real_pthread_sigmask) {
        write_str("avx2_only: cannot find libc's sigaction/sigprocmask (dlsym failed)\n");
        _exit(87);
    }
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_sigaction = on_segv;
    act.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigemptyset(&act.sa_mask);
    if (real_sigaction(SIGSEGV, &act, &guest_action) != 0) {
        write_str("avx2_only: cannot install the SIGSEGV handler\n");
        _exit(87);
    }
    if (set_cpuid_enabled(0) != 0) {
        char line[200];
        snprintf(line, sizeof line,
                 "avx2_only: this kernel/CPU refuses CPUID faulting (arch_prctl(ARCH_SET_CPUID, 0):"
                 " %s); cannot emulate an AVX2-only CPU\n",
                 strerror(errno));
        write_str(line);
        _exit(87);
    }
    active = 1;
    const char *stats = getenv("AVX2_ONLY_STATS");
    if (stats && *stats && strcmp(stats, "0") != 0) atexit(print_stats);
    const char *test = getenv("AVX2_ONLY_SELFTEST");
    if (test && *test && strcmp(test, "0") != 0) selftest();
}
