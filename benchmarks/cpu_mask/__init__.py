"""Run processes on an *emulated* AVX2-only CPU (AVX-512, VNNI, BF16, AMX feature bits masked).

``avx2_only_env()`` compiles ``avx2_only.c`` (once, with gcc, into a cache directory keyed by
the source's hash), checks that the kernel lets it trap ``cpuid`` (CPUID faulting) and returns an
environment with ``LD_PRELOAD`` set: every process started with it, and every program those
execute, sees a CPU without AVX-512/VNNI/BF16/AMX in ``cpuid``. ONNX Runtime (MLAS), torch
(ATen and oneDNN) and numpy pick their kernels from ``cpuid`` when they load, so they run the
AVX2 kernels a Zen 2 EPYC would. See the C file's header for what is and is not masked (glibc's
own string functions still use AVX-512; cores, caches and clocks are this machine's).

    from benchmarks.cpu_mask import avx2_only_env
    subprocess.run(cmd, env=avx2_only_env())

Where gcc is missing, the platform is not Linux x86-64 or the kernel refuses CPUID faulting,
:class:`CpuMaskUnavailable` is raised with one line saying which.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

SOURCE = Path(__file__).with_name("avx2_only.c")
#: Printed by the benchmark beside every number measured under the shim.
DESCRIPTION = (
    "emulated AVX2-only CPU: AVX-512/VNNI/BF16/AMX cpuid bits masked (LD_PRELOAD + CPUID"
    " faulting) on this machine's cores, caches and clocks; an approximation of a real"
    " AVX2-only EPYC, not one (glibc's own routines still use AVX-512)"
)


class CpuMaskUnavailable(RuntimeError):
    """The AVX2-only emulation cannot run here (the message is one line saying why)."""


class NoCompiler(CpuMaskUnavailable):
    """No gcc (or cc) on PATH to build the shim."""


class CpuidFaultingRefused(CpuMaskUnavailable):
    """The kernel or CPU does not support CPUID faulting (``arch_prctl(ARCH_SET_CPUID)``)."""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "baraza" / "cpu_mask"


def build_shim(cache_dir: Path | None = None) -> Path:
    """The compiled shim (``avx2_only-<hash>.so``), built with gcc if not cached yet."""
    if sys.platform != "linux" or platform.machine() not in ("x86_64", "AMD64"):
        raise CpuMaskUnavailable(
            f"AVX2-only emulation needs Linux x86-64, not {sys.platform} {platform.machine()}"
        )
    source = SOURCE.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:16]
    directory = cache_dir or _cache_dir()
    target = directory / f"avx2_only-{digest}.so"
    if target.exists():
        return target
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        raise NoCompiler("AVX2-only emulation needs gcc to build its shim; none on PATH")
    directory.mkdir(parents=True, exist_ok=True)
    partial = directory / f".{target.name}.{os.getpid()}"
    cmd = [gcc, "-O2", "-shared", "-fPIC", "-Wall", "-Wextra", "-o", str(partial), str(SOURCE)]
    done = subprocess.run([*cmd, "-ldl"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise CpuMaskUnavailable(f"gcc could not build the AVX2-only shim: {last}")
    partial.replace(target)  # atomic: concurrent builders never load a half-written file
    return target


def check_shim(shim: Path) -> str:
    """Run the shim's self-test in a tiny process; its ``avx2_only: ok ...`` line.

    Raises :class:`CpuMaskUnavailable` where CPUID faulting is refused or a bit leaks."""
    env = dict(os.environ, LD_PRELOAD=str(shim), AVX2_ONLY_SELFTEST="1")
    true = shutil.which("true") or sys.executable
    args = [true] if true != sys.executable else [true, "-c", ""]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    lines = [line for line in done.stderr.splitlines() if line.startswith("avx2_only:")]
    if done.returncode != 0 or not lines or not lines[-1].startswith("avx2_only: ok"):
        why = (lines[-1] if lines else f"self-test exited {done.returncode}").strip()
        if "refuses CPUID faulting" in why:
            raise CpuidFaultingRefused(why.removeprefix("avx2_only: "))
        raise CpuMaskUnavailable(why.removeprefix("avx2_only: "))
    return lines[-1]


def avx2_only_env(
    base: Mapping[str, str] | None = None, *, cache_dir: Path | None = None
) -> dict[str, str]:
    """``base`` (default: this process's environment) plus ``LD_PRELOAD`` of the checked shim,
    ahead of any ``LD_PRELOAD`` already there."""
    shim = build_shim(cache_dir)
    check_shim(shim)
    return preload_env(shim, base)


def preload_env(shim: Path, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with ``shim`` first in ``LD_PRELOAD``
    (no build, no check: for a shim :func:`check_shim` already passed)."""
    env = dict(os.environ if base is None else base)
    env["LD_PRELOAD"] = " ".join(filter(None, [str(shim), env.get("LD_PRELOAD")]))
    return env


def main() -> int:
    """``python -m benchmarks.cpu_mask [command ...]``: build and check the shim, then run
    ``command`` under it (without one, print the shim's path and self-test line)."""
    try:
        env = avx2_only_env()
    except CpuMaskUnavailable as exc:
        print(f"cpu_mask: {exc}", file=sys.stderr)
        return 2
    if len(sys.argv) > 1:
        return subprocess.run(sys.argv[1:], env=env, check=False).returncode
    shim = Path(env["LD_PRELOAD"].split()[0])
    print(f"{shim}\n{check_shim(shim)}")
    return 0
