"""The ranking's inputs, settings and outputs (see :mod:`bot.core.ranking`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from bot.core.model import Region

MODES: frozenset[str] = frozenset({"floor", "fair", "off"})


_LN2 = math.log(2.0)


#: Questions beyond this many per person all get the same (already negligible) penalty.
_SEQ_LIMIT = 1024


#: Log-keys this far apart always give strictly ordered scores (float noise is ~1e-13 here).
_EPS = 1e-9


#: Below this log-key ``exp`` nears underflow; such cells are ranked by exact scores.
_SAFE_LOG = -700.0


#: Absorbs binary rounding of ``p`` in ``floor(p*k)`` (0.29 * 100 == 28.999...96).
_FLOOR_SLACK = 1e-9


_SOUTH = "south"


_HISTORY = "history"  # Southern pick forced only by the answered-so-far + list rule


_THEME = "theme"


# (-score, asked_at timestamp, id, item): sorts best first, ties by earlier asked_at, lower id.
_Entry = tuple[float, float, int, "RankItem"]


@dataclass(frozen=True, slots=True)
class RankItem:
    """One queued question as the ranking sees it."""

    id: int
    author_key: str  # one person (participant id as str)
    region: Region  # UNKNOWN counts as not Southern
    theme: str  # "policy" | "civic" | "system" | "other"
    votes: int  # distinct voters (merged duplicates already pooled by the caller)
    asked_at: datetime  # timezone-aware
    pinned: bool = False
    held: bool = False  # held questions are not ranked
    author_seq: int = 0  # 0 = this person's first question in the event, 1 = second, ...
    # Derived once here so that ranking 10,000 items stays within a few milliseconds.
    _ts: float = field(init=False, repr=False, compare=False)
    _lv: float = field(init=False, repr=False, compare=False)
    _seqc: int = field(init=False, repr=False, compare=False)
    _south: bool = field(init=False, repr=False, compare=False)
    _plain: bool = field(init=False, repr=False, compare=False)
    _plain_south: bool = field(init=False, repr=False, compare=False)
    _plain_north: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.asked_at.utcoffset() is None:
            raise ValueError(f"RankItem {self.id}: asked_at must be timezone-aware")
        if self.votes < 0:
            raise ValueError(f"RankItem {self.id}: votes must be >= 0, got {self.votes}")
        if self.author_seq < 0:
            raise ValueError(f"RankItem {self.id}: author_seq must be >= 0, got {self.author_seq}")
        setattr_ = object.__setattr__
        setattr_(self, "_ts", self.asked_at.timestamp())
        setattr_(self, "_lv", math.log(1.0 + math.log2(1.0 + self.votes)))
        setattr_(self, "_seqc", min(self.author_seq, _SEQ_LIMIT))
        south = self.region == Region.SOUTH
        plain = not (self.pinned or self.held)
        setattr_(self, "_south", south)
        setattr_(self, "_plain", plain)
        setattr_(self, "_plain_south", plain and south)
        setattr_(self, "_plain_north", plain and not south)


@dataclass(frozen=True, slots=True)
class RankingSettings:
    """How the queue is ranked; every field is validated on construction."""

    southern_share: float = 0.5  # p
    mode: str = "floor"  # "floor" | "fair" | "off"
    alpha: float = 0.1
    half_life_minutes: float = 15.0  # recency decay
    per_person_cap: int = 2  # from this person's (cap+1)-th question on, a penalty applies
    balance_themes: bool = False  # optional theme balance (DetConstSort style, >2 groups)

    def __post_init__(self) -> None:
        p = self.southern_share
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"RankingSettings.southern_share must be between 0 and 1, got {p!r}")
        if self.mode not in MODES:
            raise ValueError(
                f"RankingSettings.mode must be one of {', '.join(sorted(MODES))}, got {self.mode!r}"
            )
        if not 0.0 < self.alpha < 1.0:
            raise ValueError(
                f"RankingSettings.alpha must be strictly between 0 and 1, got {self.alpha!r}"
            )
        h = self.half_life_minutes
        if not (h > 0.0 and math.isfinite(h)):
            raise ValueError(
                f"RankingSettings.half_life_minutes must be a positive number, got {h!r}"
            )
        cap = self.per_person_cap
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
            raise ValueError(f"RankingSettings.per_person_cap must be an integer >= 1, got {cap!r}")


@dataclass(frozen=True, slots=True)
class Ranked:
    """One line of the ranked queue."""

    item: RankItem
    rank: int  # 1-based
    score: float  # base score
    base_rank: int  # 1-based position in the plain base order (pins first)
    why: str  # one line a moderator understands at a glance


@dataclass(frozen=True, slots=True)
class Answered:
    """The questions already answered in this session: how many, and how many of them Southern."""

    total: int = 0
    south: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.south <= self.total:
            raise ValueError(f"Answered needs 0 <= south <= total, got {self.south}/{self.total}")
