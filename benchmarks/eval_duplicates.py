"""Near-duplicate precision/recall on the held-out hard-negative split (``models/dup_holdout``):
the shipped setting (learned score + wording checks) against the one before (score >= 0.60 of the
old projection), each also without the wording checks; plus the demo's known wrong merges.

    nice -n 10 python benchmarks/eval_duplicates.py [--engine auto|torch|onnx|onnx-int8] [--json]

On the int8 engine (what ``auto`` runs where onnxruntime is installed) the shipped scorer is
``duplicates_int8.npz``; the bfloat16 one is reported beside it.

Embeddings are cached under the user cache folder (``baraza/duplicates``), so only the first run
runs the encoder.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.dup_eval import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
