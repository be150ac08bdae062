"""Reading a chat whose header words we do not know, by learning them from the file itself.

When lines start with timestamps of one consistent shape (``[10:02 AM]``, ``10.02.11``,
``05/12/2025 10:02:11``...) but no known header matches, the file tells us its grammar:

* the *from* word is the token that starts (nearly) every stamped line, if there is one;
* headers either end with ``:`` (body on the next lines) or carry the text after ``:``;
* the *to* word is the token found inside (nearly) every name part; the recipient after it that
  occurs most often is the everyone-group, and any other recipient is a private message.

The parser says once, as a warning, that it inferred the format.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.sources.zoom._formats import Who, split_who

STAMP = re.compile(
    r"^\[?(?P<stamp>(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})?[ T,]*"
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?)\]?[ \t]+(?P<rest>\S.*?)[ \t]*$"
)
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[ \t]*([AaPp])\.?[Mm]\.?)?\s*$")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_INLINE = re.compile(r"[ \t]*[:：][ \t]+")
MIN_LINES = 3
SHARE = 0.8


def shape(stamp: str) -> str:
    """The shape of a timestamp: digits runs folded, AM/PM folded."""
    folded = re.sub(r"\d+", "9", stamp.strip())
    return re.sub(r"[AaPp]\.?[Mm]\.?", "AM", folded)


def clock_of(stamp: str) -> tuple[str, date | None]:
    """``'05/12/2025 2:03 PM'`` -> ``('14:03:00', None)``; an ISO date is kept."""
    match = _CLOCK.search(stamp)
    hours, minutes, seconds = (0, 0, 0)
    if match:
        hours, minutes = int(match[1]), int(match[2])
        seconds = int(match[3] or 0)
        if match[4] and match[4].lower() == "p" and hours < 12:
            hours += 12
        elif match[4] and match[4].lower() == "a" and hours == 12:
            hours = 0
    day = None
    if iso := _ISO_DATE.search(stamp):
        try:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            day = None
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}", day


@dataclass(frozen=True, slots=True)
class Dialect:
    """A header grammar learnt from one file."""

    shape: str
    from_word: str | None
    inline: bool
    to_word: str | None
    group: str | None

    def parse(self, line: str) -> tuple[str, date | None, Who, str | None] | None:
        """``(clock, date, who, inline text or None)`` for a header line of this dialect."""
        match = STAMP.match(line)
        if not match or shape(match["stamp"]) != self.shape:
            return None
        parts = _name_part(match["rest"], self.from_word, self.inline)
        if parts is None:
            return None
        who_text, text = parts
        clock, day = clock_of(match["stamp"])
        return clock, day, self.split(who_text), text

    def split(self, who: str) -> Who:
        """Sender and recipient; anything but the everyone-group is private."""
        if self.to_word is None:
            return Who(who.strip(), None, False)
        to = re.compile(rf"(?P<pad>\s+){re.escape(self.to_word)}(?P<pad2>\s+)")
        group = re.compile(rf"^{re.escape(self.group or '')}$") if self.group else re.compile("$^")
        split = split_who(who, to_words=to, group=group)
        private = split.private or (split.recipient is not None and split.recipient != self.group)
        return Who(split.sender, split.recipient, private)


def _name_part(rest: str, from_word: str | None, inline: bool) -> tuple[str, str | None] | None:
    if from_word is not None:
        if not rest.startswith(from_word) or rest[len(from_word) : len(from_word) + 1] not in (
            " ",
            "\t",
        ):
            return None
        rest = rest[len(from_word) :].strip()
    if inline:
        sep = _INLINE.search(rest)
        return (rest[: sep.start()], rest[sep.end() :]) if sep else None
    if rest.endswith((":", "：")):
        return rest[:-1].rstrip(), None
    return None


def infer_dialect(lines: Sequence[str]) -> Dialect | None:
    """Learn a header grammar from the timestamped lines of a file, or None if there is none."""
    stamped = [m for line in lines if (m := STAMP.match(line))]
    if len(stamped) < MIN_LINES:
        return None
    shapes = Counter(shape(m["stamp"]) for m in stamped)
    best_shape, count = shapes.most_common(1)[0]
    if count < SHARE * len(stamped):
        return None
    rests = [m["rest"] for m in stamped if shape(m["stamp"]) == best_shape]
    firsts = Counter(rest.split()[0] for rest in rests)
    first, first_count = firsts.most_common(1)[0]
    from_word = first if first_count >= SHARE * len(rests) and len(firsts) == 1 else None
    if from_word is None and first_count >= SHARE * len(rests) and len(rests) >= 2 * MIN_LINES:
        from_word = first
    ending = sum(1 for rest in rests if rest.endswith((":", "：")))
    inline = ending < 0.6 * len(rests)
    parts = [p for rest in rests if (p := _name_part(rest, from_word, inline)) is not None]
    if len(parts) < SHARE * len(rests) or not parts:
        return None
    whos = [who for who, _ in parts]
    to_word = _infer_to_word(whos)
    group = None
    if to_word is not None:
        pattern = re.compile(rf"\s+{re.escape(to_word)}\s+")
        recipients = Counter(pattern.split(who)[-1].strip() for who in whos if pattern.search(who))
        group = recipients.most_common(1)[0][0] if recipients else None
    return Dialect(best_shape, from_word, inline, to_word, group)


def _infer_to_word(whos: Sequence[str]) -> str | None:
    inner: Counter[str] = Counter()
    for who in whos:
        tokens = who.split()
        inner.update(set(tokens[1:-1]))
    if not inner:
        return None
    word, count = inner.most_common(1)[0]
    return word if count >= 0.6 * len(whos) else None
