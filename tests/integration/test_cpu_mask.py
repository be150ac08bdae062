"""The AVX2-only CPU emulation of ``benchmarks/cpu_mask`` (``bench_classifier.py --cpu avx2``).

Compiles the shim and checks that a masked process's numpy sees no AVX-512 and that a program's
own SIGSEGV handler (Python's faulthandler) still gets real crashes. Skipped only where gcc is
missing or the kernel refuses CPUID faulting; CI's machines (AVX-512 EPYCs) support it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.cpu_mask import (
    CpuidFaultingRefused,
    NoCompiler,
    build_shim,
    check_shim,
    preload_env,
)

FEATURES = (
    "from numpy._core._multiarray_umath import __cpu_features__ as f;"
    "print(f['AVX2'], f['AVX512F'], f['AVX512VNNI'], f['AVX512BF16'])"
)


@pytest.fixture(scope="module")
def masked_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment whose processes see an AVX2-only CPU (shim freshly compiled)."""
    try:
        shim = build_shim(tmp_path_factory.mktemp("shim"))
        check_shim(shim)
    except (NoCompiler, CpuidFaultingRefused) as exc:
        pytest.skip(str(exc))
    return preload_env(shim)


def test_the_shim_is_compiled_into_the_cache_dir(tmp_path: Path) -> None:
    try:
        shim = build_shim(tmp_path)
    except NoCompiler as exc:
        pytest.skip(str(exc))
    assert shim.parent == tmp_path and shim.suffix == ".so"
    assert build_shim(tmp_path) == shim  # cached, keyed by the source's hash


def test_numpy_in_a_masked_process_sees_avx2_and_no_avx512(masked_env: dict[str, str]) -> None:
    native = subprocess.run(
        [sys.executable, "-c", FEATURES], capture_output=True, text=True, check=True
    )
    masked = subprocess.run(
        [sys.executable, "-c", FEATURES], env=masked_env, capture_output=True, text=True, check=True
    )
    assert masked.stdout.split() == ["True", "False", "False", "False"]
    assert native.stdout.split()[0] == "True"  # the parent process is not masked


def test_faulthandler_is_chained_and_real_crashes_still_crash(masked_env: dict[str, str]) -> None:
    """faulthandler installs its SIGSEGV handler after the shim's: cpuid keeps being emulated,
    and a real segfault still reaches faulthandler and kills the process."""
    code = f"{FEATURES}; import ctypes; ctypes.string_at(0)"
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", code],
        env=masked_env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["True", "False", "False", "False"]
    assert "Fatal Python error: Segmentation fault" in done.stderr
    assert done.returncode == -11  # SIGSEGV


PROBE = r"""
#include <cpuid.h>
#include <stdio.h>
int main(void) {
    unsigned a, b, c, d;
    __cpuid_count(7, 0, a, b, c, d);
    printf("%u %u %u %u\n", (b >> 5) & 1, (b >> 16) & 1, (b >> 30) & 1, (c >> 11) & 1);
    __cpuid_count(7, 1, a, b, c, d);
    printf("%u\n", (a >> 5) & 1);
    return 0;
}
"""


def test_a_c_programs_cpuid_shows_avx2_and_no_avx512(
    masked_env: dict[str, str], tmp_path: Path
) -> None:
    """The raw instruction, not a library's reading of it: AVX2 set; AVX512F, AVX512BW,
    AVX512-VNNI (leaf 7.0) and AVX512-BF16 (leaf 7.1) cleared."""
    (tmp_path / "probe.c").write_text(PROBE)
    probe = tmp_path / "probe"
    subprocess.run(["gcc", "-O2", "-o", str(probe), str(tmp_path / "probe.c")], check=True)
    done = subprocess.run([str(probe)], env=masked_env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "0", "0", "0", "0"]


@pytest.mark.slow
def test_torch_in_a_masked_process_runs_avx2_kernels(masked_env: dict[str, str]) -> None:
    """ATen's kernel choice and torch's bfloat16 check follow the masked cpuid (imports torch)."""
    code = (
        "import torch; print(torch.backends.cpu.get_cpu_capability(),"
        " torch.cpu._is_avx512_bf16_supported(), float(torch.ones(4) @ torch.ones(4)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=masked_env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["AVX2", "False", "4.0"]
