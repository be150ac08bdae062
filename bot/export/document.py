"""The themed transcript for the ministry, built once as a JSON-ready document.

Every renderer (DOCX, HTML, Markdown, CSV, JSON) reads only this document, so they cannot
disagree and none of them can reach data the document left out.

What goes in: the event (title, date, chat duration), a summary (questions per theme and region;
the Southern share among participants, questions asked, the top 10 the moderator saw and the
questions answered; languages; merged duplicates), every question with its theme, the model's
confidence, the moderator's retags, state, votes, merged duplicates, language, region, country
and the kind of organisation it came from, a method note, and the public chat for the record.

What never goes in:
- private/direct messages (filtered in the store's SQL) and deleted messages;
- spam: questions held for review (links, @everyone/@here, flooding) that no moderator approved;
- emails: not a field anywhere, and email addresses and phone numbers typed into public
  messages are replaced by ``[email removed]`` / ``[phone removed]``;
- names, unless the organiser switches names on, and then only of participants who consented
  (``/iam ... show_name`` or a consent column in the registration report). Everyone else is a
  stable pseudonym ("Participant 7", numbered in order of first appearance in the public chat;
  hosts are "Host 1", ...), and their names are replaced by ``[name]`` where they appear in
  other people's messages. Organisation names follow the same rule; without them the export
  shows the kind of organisation ("civil society", "government", ...).

Decisions: a question merged into another is listed under the entry it was merged into (one
entry, as on the board); an entry counts as Southern if any of its askers is, as in the ranking.
"Questions asked" counts every asker's question (duplicates included); "top 10 seen" and
"answered" count board entries. Times are shown in the event's time zone (``[event] timezone``),
else UTC.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from importlib import metadata

from bot.classifier import is_unknown, is_unsure
from bot.core.model import THEMES, Event
from bot.core.privacy import EMAIL, EMAIL_MARK, NameFinder
from bot.core.ranking import RankingSettings
from bot.store.records import TranscriptRow

FORMAT_VERSION = "baraza-transcript/2"
SEEN_TOP = 10
#: Below this top-theme score a question's theme is flagged as "check" in the method note.
LOW_CONFIDENCE = 0.5
REGIONS = ("south", "north", "unknown")


@dataclass(frozen=True, slots=True)
class ParticipantProfile:
    """What the export needs to know of one participant beyond the chat rows."""

    display_name: str
    organisation: str | None
    registration_consent: bool


@dataclass(frozen=True)
class ExportData:
    """Everything :func:`build_document` reads, gathered by the service from the store."""

    event: Event
    event_date: date
    rows: Sequence[TranscriptRow]
    profiles: Mapping[int, ParticipantProfile]
    registrant_names: Sequence[str]
    retags: Mapping[int, Sequence[tuple[str, str, datetime]]]
    board_views: Mapping[int, int]
    ranking: RankingSettings
    classifiers: Sequence[str]
    excluded: Mapping[str, int]
    countries: Mapping[str, str]
    timezone: tzinfo | None = None
    #: a model theme scoring under this is marked unsure (``[classifier] unsure_below``)
    unsure_below: float = LOW_CONFIDENCE


# -- scrubbing personal data out of free text ------------------------------------------------

#: Characters no report format can carry (XML forbids them; they only hide or garble text).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_PHONE = re.compile(r"(?<![\w+])\+?\d(?:[\d ().-]{7,}\d)(?!\w)")


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML (and so DOCX and HTML) cannot carry."""
    return _CONTROL.sub("", text)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


class Scrubber:
    """Replaces emails, phone numbers and the given people's names in free text.

    Names are found in any case and script (see :mod:`bot.core.privacy`); ``ordinary`` adds name
    parts that are ordinary words to the shipped list.
    """

    def __init__(self, names: Iterable[str], ordinary: Collection[str] = ()) -> None:
        self._names = NameFinder(names, ordinary)

    def __call__(self, text: str) -> str:
        text = _CONTROL.sub("", text)
        text = EMAIL.sub(EMAIL_MARK, text)
        text = _PHONE.sub(
            lambda m: "[phone removed]" if _digits(m.group()) >= 9 else m.group(), text
        )
        return self._names(text)


# -- organisations ---------------------------------------------------------------------------

_ORG_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "government",
        (
            "ministry",
            "ministerie",
            "ministère",
            "ministere",
            "ministerio",
            "ministério",
            "wizara",
            "embassy",
            "ambassade",
            "embajada",
            "embaixada",
            "government",
            "overheid",
            "gouvernement",
            "gobierno",
            "governo",
            "serikali",
            "rvo",
            "parliament",
            "tweede kamer",
            "municipality",
            "gemeente",
        ),
    ),
    (
        "multilateral",
        ("united nations", "undp", "unicef", "unhcr", "world bank", "european union", "oecd"),
    ),
    (
        "research",
        (
            "university",
            "universiteit",
            "université",
            "universite",
            "universidad",
            "universidade",
            "chuo kikuu",
            "institute",
            "instituut",
            "institut",
            "instituto",
            "research",
            "academy",
            "college",
            "school",
        ),
    ),
    (
        "private sector",
        (" b.v.", " bv", " ltd", " inc", " plc", " gmbh", " s.a.", "company", "consult", "bank"),
    ),
)


def organisation_type(organisation: str | None) -> str:
    """The kind of organisation, from its name: government, multilateral, research, private
    sector or civil society (the default for a named organisation); "unknown" without one."""
    if not organisation or not organisation.strip():
        return "unknown"
    lowered = f" {organisation.lower()} "
    for kind, words in _ORG_KINDS:
        if any(word in lowered for word in words):
            return kind
    return "civil society"


# -- the document ----------------------------------------------------------------------------


def _share(south: int, total: int, unknown: int) -> dict[str, object]:
    return {
        "south": south,
        "total": total,
        "unknown": unknown,
        "share": round(south / total, 4) if total else None,
    }


def _is_spam(row: TranscriptRow) -> bool:
    """A question held for review that no moderator approved (links, mass mentions, flood)."""
    if row.question_id is None:
        return False
    return row.state == "held" or (row.state == "dismissed" and row.hold_reason is not None)


def _spam_reason(reason: str | None) -> str:
    if reason and "link" in reason:
        return "link"
    if reason and "mention" in reason:
        return "mass_mention"
    if reason and "flood" in reason:
        return "flood"
    return "other"


class _People:
    """Labels for speakers: a consenting person's name (names on), else a stable pseudonym."""

    def __init__(self, data: ExportData, include_names: bool) -> None:
        self._data = data
        self._include = include_names
        self._labels: dict[int, str] = {}
        self._counts = {"participant": 0, "host": 0}

    def consents(self, row: TranscriptRow) -> bool:
        profile = self._data.profiles.get(row.participant_id)
        return row.name_consent or bool(profile and profile.registration_consent)

    def named(self, row: TranscriptRow) -> bool:
        return self._include and self.consents(row)

    def label(self, row: TranscriptRow) -> str:
        if row.participant_id not in self._labels:
            if self.named(row):
                self._labels[row.participant_id] = row.author
            else:
                kind = "host" if row.is_host else "participant"
                self._counts[kind] += 1
                title = "Host" if row.is_host else "Participant"
                self._labels[row.participant_id] = f"{title} {self._counts[kind]}"
        return self._labels[row.participant_id]

    def organisation(self, row: TranscriptRow) -> str | None:
        profile = self._data.profiles.get(row.participant_id)
        return (profile.organisation if profile else None) or row.organisation

    def shown_names(self, rows: Iterable[TranscriptRow]) -> set[int]:
        return {r.participant_id for r in rows if self.named(r)}


def _clock(value: datetime, zone: tzinfo | None) -> str:
    return value.astimezone(zone or UTC).isoformat(timespec="seconds")


def _question_records(
    data: ExportData, kept: Sequence[TranscriptRow], people: _People, scrub: Scrubber
) -> list[dict[str, object]]:
    """One record per kept question, duplicates included (pointing at their entry)."""
    zone = data.timezone
    question_rows = [r for r in kept if r.kind == "question" and r.question_id is not None]
    by_id = {r.question_id: r for r in question_rows}
    children: dict[int, list[int]] = {}
    for row in question_rows:
        if row.merged_into is not None and row.merged_into in by_id:
            children.setdefault(row.merged_into, []).append(int(row.question_id or 0))

    def entry_region(row: TranscriptRow) -> str:
        """A board entry is Southern if any of its askers is (as in the ranking)."""
        regions = {row.region.value} | {
            by_id[c].region.value for c in children.get(int(row.question_id or 0), [])
        }
        return "south" if "south" in regions else row.region.value

    questions = []
    for row in question_rows:
        qid = int(row.question_id or 0)
        scores = {t: round(float(row.theme_scores.get(t, 0.0)), 4) for t in THEMES}
        retags = list(data.retags.get(qid, ()))
        model_theme = retags[0][0] if retags else (row.theme or "other")
        root = by_id.get(row.merged_into) if row.merged_into is not None else None
        theme = (root.theme if root is not None else row.theme) or "other"
        named = people.named(row)
        organisation = people.organisation(row)
        questions.append(
            {
                "id": qid,
                "time": _clock(row.sent_at, zone),
                "language": row.language,
                "asker": people.label(row),
                "named": named,
                "region": row.region.value,
                "entry_region": entry_region(row) if root is None else None,
                "country_code": row.country,
                "country": data.countries.get(row.country or "", row.country),
                "organisation": organisation if named else None,
                "organisation_type": organisation_type(organisation),
                "theme": theme,
                "model_theme": model_theme,
                "confidence": round(max(scores.values()), 4) if any(scores.values()) else None,
                "theme_scores": scores,
                "theme_unknown": bool(any(scores.values()) and is_unknown(scores)),
                "unsure": not retags and is_unsure(model_theme, scores, data.unsure_below),
                "retags": [
                    {"from": old, "to": new, "at": _clock(at, zone)} for old, new, at in retags
                ],
                "votes": row.votes,
                "state": row.state,
                "answered": row.state == "answered",
                "answered_at": _clock(row.answered_at, zone) if row.answered_at else None,
                "merged_into": row.merged_into if root is not None else None,
                "merged": sorted(children.get(qid, [])),
                "reply_to": row.reply_to,
                "seen_in_top10": qid in data.board_views and data.board_views[qid] <= SEEN_TOP,
                "best_board_rank": data.board_views.get(qid),
                "text": scrub(row.text),
            }
        )
    return questions


def _summary(
    data: ExportData,
    questions: Sequence[dict[str, object]],
    kept: Sequence[TranscriptRow],
    spam: Sequence[TranscriptRow],
) -> dict[str, object]:
    """Counts per theme and region, the Southern shares, languages and duplicates."""
    entries = [q for q in questions if q["merged_into"] is None]
    by_theme_region = {t: dict.fromkeys(REGIONS, 0) for t in THEMES}
    for q in questions:
        by_theme_region[str(q["theme"])][str(q["region"])] += 1
    speakers = {}
    for row in data.rows:  # everyone who took part in the public chat, reactions included
        if not row.is_host and not _is_spam(row):
            speakers[row.participant_id] = row.region.value
    spam_authors = {r.participant_id for r in spam} - {r.participant_id for r in kept}
    for pid in spam_authors:
        speakers.pop(pid, None)

    def share_of(regions: Sequence[str]) -> dict[str, object]:
        return _share(regions.count("south"), len(regions), regions.count("unknown"))

    seen = [q for q in entries if q["seen_in_top10"]]
    answered = [q for q in entries if q["answered"]]
    languages = Counter(str(q["language"]) for q in questions)

    return {
        "questions": len(questions),
        "entries": len(entries),
        "duplicates_merged": len(questions) - len(entries),
        "answered": len(answered),
        "questions_by_theme": {t: sum(1 for q in entries if q["theme"] == t) for t in THEMES},
        "questions_by_theme_and_region": by_theme_region,
        "questions_by_region": {r: sum(1 for q in questions if q["region"] == r) for r in REGIONS},
        "southern_share": {
            "participants": share_of(list(speakers.values())),
            "asked": share_of([str(q["region"]) for q in questions]),
            "top10_seen": share_of([str(q["entry_region"]) for q in seen])
            if data.board_views
            else None,
            "answered": share_of([str(q["entry_region"]) for q in answered]),
            "target": data.ranking.southern_share,
        },
        "languages": dict(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))),
        "chat_languages": dict(
            sorted(Counter(r.language for r in kept).items(), key=lambda kv: (-kv[1], kv[0]))
        ),
        "public_messages": len(kept),
        "logistics": sum(1 for r in kept if r.kind == "logistics"),
    }


def _method(
    data: ExportData,
    questions: Sequence[dict[str, object]],
    spam: Sequence[TranscriptRow],
    include_names: bool,
) -> dict[str, object]:
    """What the method note says: model, confidence, balance, exclusions, names, time zone."""
    zone = data.timezone
    confidences = [float(str(q["confidence"])) for q in questions if q["confidence"] is not None]
    try:
        version = metadata.version("baraza")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        version = "unknown"
    spam_reasons = Counter(_spam_reason(r.hold_reason) for r in spam)
    return {
        "baraza_version": version,
        "classifiers": list(data.classifiers),
        "median_confidence": round(statistics.median(confidences), 4) if confidences else None,
        "low_confidence": sum(1 for q in questions if q["unsure"]),
        "low_confidence_threshold": data.unsure_below,
        "theme_unknown": sum(1 for q in questions if q["theme_unknown"]),
        "retagged": sum(1 for q in questions if q["retags"]),
        "balance": {
            "mode": data.ranking.mode,
            "southern_share": data.ranking.southern_share,
            "alpha": data.ranking.alpha,
            "half_life_minutes": data.ranking.half_life_minutes,
            "per_person_cap": data.ranking.per_person_cap,
        },
        "board_views_recorded": bool(data.board_views),
        "excluded": {
            "private_messages": int(data.excluded.get("private", 0)),
            "deleted_messages": int(data.excluded.get("deleted", 0)),
            "spam": dict(sorted(spam_reasons.items())),
            "reactions_counted_as_votes": sum(1 for r in data.rows if r.kind == "reaction"),
        },
        "names": "consenting" if include_names else "pseudonyms",
        "time_zone": str(zone) if zone is not None else "UTC",
    }


def build_document(
    data: ExportData, *, include_names: bool = False, generated_at: datetime | None = None
) -> dict[str, object]:
    """The export as one JSON-ready document (see the module docstring for what is in it)."""
    zone = data.timezone
    people = _People(data, include_names)
    public = [r for r in data.rows if r.kind != "reaction"]
    spam = [r for r in public if _is_spam(r)]
    kept = [r for r in public if not _is_spam(r)]
    for row in kept:  # number pseudonyms in order of first appearance
        people.label(row)
    shown = people.shown_names(kept)
    hidden_names = [p.display_name for pid, p in data.profiles.items() if pid not in shown] + list(
        data.registrant_names
    )
    shown_keys = {p.display_name for pid, p in data.profiles.items() if pid in shown}
    hidden = [n for n in hidden_names if n not in shown_keys]
    scrub = Scrubber(hidden)

    questions = _question_records(data, kept, people, scrub)
    summary = _summary(data, questions, kept, spam)
    method = _method(data, questions, spam, include_names)
    times = [r.sent_at for r in kept]
    start, end = (min(times), max(times)) if times else (None, None)
    chat = [
        {
            "time": _clock(r.sent_at, zone),
            "speaker": people.label(r),
            "kind": r.kind,
            "language": r.language,
            "question_id": r.question_id,
            "text": scrub(r.text),
        }
        for r in kept
    ]
    return {
        "format": FORMAT_VERSION,
        "generated_at": (generated_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        "event": {
            "id": data.event.id,
            "name": data.event.name,
            "date": data.event_date.isoformat(),
            "start": _clock(start, zone) if start else None,
            "end": _clock(end, zone) if end else None,
            "duration_minutes": round((end - start).total_seconds() / 60) if start and end else 0,
        },
        "names_included": include_names,
        "summary": summary,
        "method": method,
        "questions": questions,
        "chat": chat,
    }


def entries_by_theme(doc: Mapping[str, object]) -> dict[str, list[dict[str, object]]]:
    """The document's board entries (merged duplicates inside them) per theme, in time order."""
    questions = doc["questions"]
    assert isinstance(questions, list)
    grouped: dict[str, list[dict[str, object]]] = {t: [] for t in THEMES}
    for q in questions:
        if q["merged_into"] is None:
            grouped[str(q["theme"])].append(q)
    return grouped


def question_index(doc: Mapping[str, object]) -> dict[int, dict[str, object]]:
    """Questions by id."""
    questions = doc["questions"]
    assert isinstance(questions, list)
    return {int(q["id"]): q for q in questions}
