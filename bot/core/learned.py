"""A learned layer on top of the detection rules (issue 10): logistic regression, numpy only.

The rules (:func:`bot.core.detect.detect_rules`) decide first and name their rule in a one-word
reason. This layer looks again at what the rules call a question: a small L2 logistic regression
over the rules' reason, a few shape flags (question mark after links are removed, length, an
opening @mention or addressed name, host sender) and hashed character 2-4-grams and words of the
casefolded text gives the probability that the message is a question for the panel. A rules
question whose probability is below the demotion threshold becomes chatter with the reason
``learned``; every other decision is the rules' own, reason unchanged.

The weights (``models/heads/detect_layer.npz``) are written by ``benchmarks/train_detection.py``
from the labelled detection sets, each described by the rules as they were *before* that set was
seen (so the model learns from the rules' errors on fresh chat). The layer costs a few tens of
microseconds per question and nothing for other messages.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.core.address import addressed_name, addressed_peer
from bot.core.detect import Detection, detect
from bot.core.hosts import Peers
from bot.core.model import ChatMessage, MessageKind

#: Where the shipped weights live.
WEIGHTS = Path(__file__).resolve().parents[2] / "models" / "heads" / "detect_layer.npz"

#: Hashed feature space (a power of two).
DIM = 1 << 15

#: The reason word of a question the layer turned down.
REASON = "learned"

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)@[\w.-]+", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_QMARK = re.compile(r"[?？¿؟፧⸮]")
_SPACE = re.compile(r"\s+")
_SENTENCE = re.compile(r"[.!?？。]\s+\S")
_YOU = re.compile(
    r"\b(?:you|your|vous|votre|vos|tu|usted|ustedes|voc[eê]s?|jij|u|uw|je|wewe|ninyi|unaweza|"
    r"mnaweza|anda|kamu|du|ihr|sie)\b",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Casefolded text without links, e-mail addresses and @mentions, spaces collapsed."""
    return _SPACE.sub(" ", _URL.sub(" ", text.casefold())).strip()


def _shape(
    text: str,
    plain: str,
    words: list[str],
    kind: str,
    reason: str,
    *,
    from_host: bool,
    peers: Collection[str],
    prior: int,
    reply: bool,
) -> list[str]:
    """The names of the one-hot features that are on."""
    marks = len(_QMARK.findall(plain))
    out = [
        "bias",
        f"kind={kind}",
        f"reason={reason}",
        f"len={min(len(words) // 4, 8)}",
        f"marks={min(marks, 3)}",
        f"reason={reason}|marks={min(marks, 1)}",
        f"prior={min(prior, 4)}",
    ]
    flags = {
        "mark_end": plain.endswith(("?", "？", "؟")),
        "host": from_host,
        "reply": reply,
        "mention": text.lstrip().startswith("@"),
        "named": addressed_name(text) is not None,
        "peer": bool(peers) and addressed_peer(text, peers),
        "link": _URL.search(text) is not None,
        "you": _YOU.search(plain) is not None,
        "sentences": len(_SENTENCE.findall(plain)) >= 2,
    }
    out.extend(name for name, on in flags.items() if on)
    return out


def _grams(plain: str) -> set[str]:
    padded = f" {plain} "
    return {padded[i : i + n] for n in (2, 3, 4) for i in range(len(padded) - n + 1)}


def features(
    text: str,
    kind: str,
    reason: str,
    *,
    from_host: bool,
    peers: Collection[str] = (),
    prior: int = 0,
    reply: bool = False,
) -> dict[str, float]:
    """The named features of one public message, given the rules' kind and reason word.

    Character 2-4-grams (``c:``) and words (``w:``) of :func:`normalise` d text share weight 1
    each (L2 norm); the rules' kind and reason and the shape flags are one-hot. ``prior``: how
    many public messages the sender posted before this one; ``reply``: the message quotes another.
    """
    plain = normalise(text)
    words = _WORD.findall(plain)
    shape = _shape(
        text, plain, words, kind, reason, from_host=from_host, peers=peers, prior=prior, reply=reply
    )
    out = dict.fromkeys(shape, 1.0)
    for prefix, items in (("c:", _grams(plain)), ("w:", set(words))):
        if items:
            scale = 1.0 / math.sqrt(len(items))
            for item in items:
                out[prefix + item] = scale
    return out


def index(name: str) -> int:
    """The hashed column of a feature name (CRC-32, stable across runs and machines)."""
    return zlib.crc32(name.encode("utf-8")) & (DIM - 1)


_SEED_C = zlib.crc32(b"c:")
_SEED_W = zlib.crc32(b"w:")


@dataclass(frozen=True)
class Layer:
    """Weights over the hashed features and the probability below which a question is demoted."""

    weights: np.ndarray
    demote_below: float

    def probability(self, feats: dict[str, float]) -> float:
        """P(question for the panel) of one message's features."""
        cols = np.fromiter((index(name) for name in feats), dtype=np.int64, count=len(feats))
        values = np.fromiter(feats.values(), dtype=np.float64, count=len(feats))
        z = float(self.weights[cols] @ values)
        return 1.0 / (1.0 + math.exp(-z))

    def score(
        self,
        text: str,
        kind: str,
        reason: str,
        *,
        from_host: bool,
        peers: Collection[str] = (),
        prior: int = 0,
        reply: bool = False,
    ) -> float:
        """:meth:`probability` of :func:`features`, without building the feature names: the
        n-grams are hashed by continuing the CRC of their prefix (the same columns)."""
        plain = normalise(text)
        words = _WORD.findall(plain)
        w = self.weights
        z = sum(
            float(w[index(name)])
            for name in _shape(
                text,
                plain,
                words,
                kind,
                reason,
                from_host=from_host,
                peers=peers,
                prior=prior,
                reply=reply,
            )
        )
        for seed, items in ((_SEED_C, _grams(plain)), (_SEED_W, set(words))):
            if items:
                cols = np.fromiter(
                    (zlib.crc32(item.encode("utf-8"), seed) & (DIM - 1) for item in items),
                    dtype=np.int64,
                    count=len(items),
                )
                z += float(w[cols].sum()) / math.sqrt(len(items))
        return 1.0 / (1.0 + math.exp(-z))

    def save(self, path: Path) -> None:
        """Write the weights (float32) and threshold as a compressed ``.npz``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                weights=self.weights.astype(np.float32),
                demote_below=np.float64(self.demote_below),
            )

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Layer:
        """Read weights written by :meth:`save`."""
        with np.load(path) as data:
            return cls(np.asarray(data["weights"], dtype=np.float64), float(data["demote_below"]))


@lru_cache(maxsize=1)
def shipped() -> Layer | None:
    """The shipped layer, or None when the weights file is missing."""
    return Layer.load(WEIGHTS) if WEIGHTS.exists() else None


def refine(
    detection: Detection,
    text: str,
    *,
    from_host: bool,
    peers: Collection[str] = (),
    prior: int = 0,
    reply: bool = False,
    to_speaker: bool = False,
    layer: Layer | None = None,
) -> Detection:
    """The rules' ``detection`` of ``text``, or chatter with the reason ``learned`` when the
    rules call it a question and the layer (default: :func:`shipped`) gives it a probability
    below its threshold. Anything the rules do not call a question is returned unchanged, and
    so is everything when no weights are shipped, and a question that opens by addressing a
    known speaker (``to_speaker``: :meth:`bot.core.hosts.Peers.addresses_speaker`; the
    organiser's ``[event] speakers`` or what the chat showed), which the layer cannot know."""
    if detection.kind is not MessageKind.QUESTION or to_speaker:
        return detection
    layer = layer if layer is not None else shipped()
    if layer is None or layer.demote_below <= 0.0:
        return detection
    p = layer.score(
        text,
        detection.kind.value,
        detection.reason,
        from_host=from_host,
        peers=peers,
        prior=prior,
        reply=reply,
    )
    if p >= layer.demote_below:
        return detection
    return Detection(MessageKind.CHATTER, detection.text, REASON)


def detect_chat(
    message: ChatMessage, host: bool, peers: Peers, prior: int, learned: bool = True
) -> Detection:
    """Detection of one public chat message as intake runs it: the rules, then (``learned``,
    ``[detection] learned``) this layer. ``peers``: who has chatted so far; ``prior``: how many
    public messages the sender posted before this one."""
    others = peers.without(message.author_name)
    found = detect(message.text, from_host=host, peers=others)
    if not learned:
        return found
    return refine(
        found,
        message.text,
        from_host=host,
        peers=others,
        prior=prior,
        reply=bool(message.reply_to_snippet or message.reply_to_source_id),
        to_speaker=peers.addresses_speaker(message.text),
    )
