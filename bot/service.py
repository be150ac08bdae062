"""The use-cases of Baraza: the one API that the CLI, the Zoom sources and the Discord cogs call.

``ingest`` takes normalised chat messages from any source and, for each new one, decides what it
is (question, logistics, chatter, reaction, private), who said it and from which region, which
theme it has and whether it repeats an open question, then writes the whole batch in one
transaction. Listeners hear about every change so boards can re-render.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
from collections.abc import Awaitable, Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

from bot.classifier import DuplicateScorer, ThemeScores, top_theme
from bot.classify_runner import Analysis, ClassifierRunner
from bot.config import Config, RankingConfig
from bot.core.detect import Detection, detect, strip_prefix
from bot.core.model import (
    THEMES,
    ChatMessage,
    Event,
    MessageKind,
    Participant,
    Question,
    QuestionState,
    Region,
    check_transition,
)
from bot.core.moderation import hold_reason, is_flooding, is_vote_emoji
from bot.core.ranking import Answered, RankingSettings, RankItem, rank_queue
from bot.core.regions import (
    Country,
    CountryTable,
    RegionRules,
    base_display_name,
    country_from_display_name,
    region_of_country,
)
from bot.core.text import clean_text, name_key, snippet_key
from bot.errors import BarazaError
from bot.export.document import ExportData, ParticipantProfile, build_document
from bot.language import LanguageDetector
from bot.store import Store

log = logging.getLogger(__name__)

#: How far down a moderator's board counts as "seen" for the export's summary.
SEEN_TOP = 10
#: Event setting listing the classifiers that tagged its questions (JSON list of names).
CLASSIFIERS_SETTING = "classifier.models"

#: Strength of each way of knowing where someone speaks from; a weaker one never overrides.
REGION_SOURCE_RANK = {
    "none": 0,
    "name": 1,
    "self": 2,
    "registration": 3,
    "organiser": 4,
    "moderator": 5,
}

Listener = Callable[[int], Awaitable[None] | None]


@dataclass
class IngestResult:
    """What one ingest call did."""

    received: int = 0
    new: int = 0
    already_known: int = 0
    questions: int = 0
    logistics: int = 0
    held: int = 0
    merged: int = 0
    chatter: int = 0
    private: int = 0
    votes_added: int = 0
    votes_removed: int = 0
    question_ids: list[int] = field(default_factory=list)

    def add(self, other: IngestResult) -> None:
        """Accumulate another result into this one."""
        for name in self.__dataclass_fields__:
            value = getattr(other, name)
            if isinstance(value, list):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True, slots=True)
class BoardEntry:
    """One ranked question as the moderator sees it (and as ``baraza queue --json`` prints it)."""

    rank: int
    question: Question
    votes: int
    why: str
    score: float
    age_minutes: float

    def as_json(self) -> dict[str, object]:
        """The documented JSON shape of a queue entry."""
        q = self.question
        return {
            "rank": self.rank,
            "id": q.id,
            "text": q.text,
            "author": q.author,
            "region": q.region.value,
            "country": q.country,
            "language": q.language,
            "theme": q.theme,
            "theme_scores": {t: round(q.theme_scores.get(t, 0.0), 4) for t in THEMES},
            "votes": self.votes,
            "state": q.state.value,
            "pinned": q.pinned,
            "why": self.why,
            "asked_at": q.asked_at.isoformat(),
            "age_minutes": round(self.age_minutes, 1),
            "merged": list(q.merged_ids),
            "reply_to": q.reply_to,
        }


@dataclass(frozen=True, slots=True)
class _Analysed:
    message: ChatMessage
    detection: Detection | None
    language: str
    person_key: str


class Service:
    """Baraza's use-cases over one store, one classifier and one configuration.

    ``duplicates`` scores whether two questions ask the same thing (None: identical texts only).
    """

    def __init__(
        self,
        store: Store,
        runner: ClassifierRunner,
        config: Config,
        countries: CountryTable,
        languages: LanguageDetector,
        clock: Callable[[], datetime] | None = None,
        duplicates: DuplicateScorer | None = None,
    ) -> None:
        self.store = store
        self.runner = runner
        self.duplicates = duplicates
        self._duplicates_warned = False
        self.config = config
        self.countries = countries
        self.languages = languages
        self.clock = clock or (lambda: datetime.now(UTC))
        self._listeners: list[Listener] = []
        self._hosts = {name_key(h) for h in config.event.hosts}
        self._rules = self._region_rules(config)
        self._ingest_lock = asyncio.Lock()
        self._noted_classifiers: set[tuple[int, str]] = set()

    # -- wiring ----------------------------------------------------------------------------

    def _region_rules(self, config: Config) -> RegionRules:
        by_country: dict[str, Region] = {}
        for name, region in config.regions.countries.items():
            country = self.countries.lookup(name)
            if country is None:
                raise BarazaError(f"regions.countries: unknown country {name!r}")
            by_country[country.iso2] = Region(region)
        by_participant: dict[str, Region] = {}
        for person, value in config.regions.participants.items():
            if value in ("south", "north", "unknown"):
                by_participant[name_key(person)] = Region(value)
        return RegionRules(by_country=by_country, by_participant=by_participant)

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(event_id)`` after every change to an event's queue."""
        self._listeners.append(listener)

    async def _changed(self, event_id: int) -> None:
        for listener in list(self._listeners):
            try:
                result = listener(event_id)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("a queue listener failed for event %s", event_id)

    # -- events ----------------------------------------------------------------------------

    async def open_event(self, name: str, source: str, event_date: date | None = None) -> Event:
        """The event called ``name`` (created on first use)."""
        name = name.strip()
        if not name:
            raise BarazaError("an event needs a name")
        return await self.store.get_or_create_event(name, source, event_date or self.clock().date())

    async def event(self, event_id: int | None = None) -> Event:
        """An event by id, or the most recent one; a clear error when there is none."""
        found = await self.store.get_event(event_id)
        if found is None:
            if event_id is None:
                raise BarazaError("no event yet: import a chat first (baraza import-zoom CHAT.txt)")
            raise BarazaError(f"no event with id {event_id}")
        return found

    # -- participants and regions ----------------------------------------------------------

    def _person_key(self, message: ChatMessage) -> str:
        return message.author_key or name_key(message.author_name) or "anonymous"

    async def _participant_for(self, event_id: int, message: ChatMessage) -> Participant:
        key = self._person_key(message)
        found = await self.store.find_participant(event_id, key)
        if found is not None:
            return found
        country, source, organisation = await self._where_from(event_id, message)
        region = region_of_country(country, self._rules)
        override = self._rules.by_participant.get(name_key(base_display_name(message.author_name)))
        if override is None:
            override = self._rules.by_participant.get(name_key(message.author_name))
        if override is not None:
            region, source = override, "organiser"
        return await self.store.insert_participant(
            event_id,
            key,
            message.author_name,
            email=message.author_email,
            organisation=organisation,
            country=country.iso2 if country else None,
            region=region,
            region_source=source if (country or override) else "none",
            is_host=message.is_host or name_key(message.author_name) in self._hosts,
        )

    async def _where_from(
        self, event_id: int, message: ChatMessage
    ) -> tuple[Country | None, str, str | None]:
        """(country, how we know, organisation) for a new participant, strongest source first."""
        for person, value in self.config.regions.participants.items():
            if name_key(person) in (
                name_key(message.author_name),
                name_key(base_display_name(message.author_name)),
            ):
                country = self.countries.lookup(value)
                if country is not None:
                    return country, "organiser", None
        keys = [
            name_key(base_display_name(message.author_name)),
            name_key(message.author_name),
        ]
        registrant = await self.store.find_registrant(event_id, keys)
        if registrant is not None:
            _, country_name, organisation = registrant
            country = self.countries.lookup(country_name) if country_name else None
            if country is None and organisation:
                country = self.countries.find_in(organisation)
            if country is not None:
                return country, "registration", organisation
        country = country_from_display_name(message.author_name, self.countries)
        if country is not None:
            return country, "name", None
        return None, "none", registrant[2] if registrant else None

    async def import_registrants(
        self,
        event_id: int,
        registrants: Sequence[tuple[str, str | None, str | None, str | None]],
        consenting: Collection[str] = (),
    ) -> int:
        """Store (display name, email, country, organisation) rows from a registration report.

        ``consenting``: display names of registrants who agreed to be named in exports.
        Participants already seen whose region came from a weaker source are updated.
        """
        rows = [(name_key(n), n, e, c, o) for n, e, c, o in registrants if name_key(n)]
        consent_keys = {name_key(n) for n in consenting}
        count = await self.store.add_registrants(event_id, rows, consent_keys)
        changed = False
        for participant in await self.store.participants(event_id):
            if (
                REGION_SOURCE_RANK.get(participant.region_source, 0)
                >= REGION_SOURCE_RANK["registration"]
            ):
                continue
            fake = ChatMessage("", "", self.clock(), participant.display_name, "")
            country, source, organisation = await self._where_from(event_id, fake)
            if source == "registration" and country is not None:
                await self.store.update_participant_region(
                    participant.id,
                    country=country.iso2,
                    region=region_of_country(country, self._rules),
                    region_source="registration",
                    organisation=organisation,
                )
                changed = True
        if changed:
            await self._changed(event_id)
        return count

    async def declare_country(
        self,
        event_id: int,
        person_key: str,
        display_name: str,
        country_name: str,
        *,
        organisation: str | None = None,
        by_moderator: bool = False,
        name_consent: bool | None = None,
    ) -> Participant:
        """A participant says where they are from (``/iam``), or a moderator sets it.

        ``name_consent`` (participants only): whether they agree to be named in exports.
        """
        country = self.countries.lookup(country_name)
        if country is None:
            raise BarazaError(f"unknown country {country_name!r}")
        message = ChatMessage("", "", self.clock(), display_name, "", author_key=person_key)
        participant = await self._participant_for(event_id, message)
        source = "moderator" if by_moderator else "self"
        if REGION_SOURCE_RANK[source] >= REGION_SOURCE_RANK.get(participant.region_source, 0):
            await self.store.update_participant_region(
                participant.id,
                country=country.iso2,
                region=region_of_country(country, self._rules),
                region_source=source,
                organisation=organisation,
            )
            await self._changed(event_id)
        if name_consent is not None and not by_moderator:
            await self.store.set_name_consent(participant.id, name_consent)
        updated = await self.store.get_participant(participant.id)
        assert updated is not None
        return updated

    # -- ingest ----------------------------------------------------------------------------

    def _analyse(self, messages: Sequence[ChatMessage]) -> list[_Analysed]:
        out = []
        for message in messages:
            detection = None
            language = "und"
            if not message.is_private and message.reaction is None:
                host = message.is_host or name_key(message.author_name) in self._hosts
                detection = detect(message.text, from_host=host)
                language = self.languages.detect(detection.text or message.text)
            out.append(_Analysed(message, detection, language, self._person_key(message)))
        return out

    async def ingest(self, event_id: int, messages: Sequence[ChatMessage]) -> IngestResult:
        """Take a batch of chat messages into the record and the queue, in one transaction.

        Idempotent on (source, source_message_id): messages already stored are skipped.
        """
        result = IngestResult(received=len(messages))
        async with self._ingest_lock:
            fresh = await self._fresh(event_id, messages)
            result.already_known = len(messages) - len(fresh)
            if not fresh:
                return result
            analysed = await asyncio.to_thread(self._analyse, fresh)
            to_classify = [
                a.detection.text
                for a in analysed
                if a.detection and a.detection.kind in (MessageKind.QUESTION, MessageKind.LOGISTICS)
            ]
            analyses = iter(await self.runner.analyse(to_classify))
            if to_classify:
                await self._note_classifier(event_id)
            async with self.store.transaction():
                for item in analysed:
                    await self._apply(event_id, item, analyses, result)
        await self._changed(event_id)
        return result

    async def _note_classifier(self, event_id: int) -> None:
        """Remember which classifier tagged this event's questions (for the export's method note)."""
        name = self.runner.classifier.name
        if (event_id, name) in self._noted_classifiers:
            return
        raw = await self.store.get_setting(event_id, CLASSIFIERS_SETTING)
        names = json.loads(raw) if raw else []
        if name not in names:
            await self.store.set_setting(event_id, CLASSIFIERS_SETTING, json.dumps([*names, name]))
        self._noted_classifiers.add((event_id, name))

    async def _fresh(self, event_id: int, messages: Sequence[ChatMessage]) -> list[ChatMessage]:
        fresh: list[ChatMessage] = []
        by_source: dict[str, list[ChatMessage]] = {}
        for message in messages:
            by_source.setdefault(message.source, []).append(message)
        for source, group in by_source.items():
            known = await self.store.known_source_ids(
                event_id, source, [m.source_message_id for m in group]
            )
            seen: set[str] = set()
            for message in group:
                if message.source_message_id in known or message.source_message_id in seen:
                    continue
                seen.add(message.source_message_id)
                fresh.append(message)
        fresh.sort(key=lambda m: m.sent_at)
        return fresh

    async def _apply(
        self, event_id: int, item: _Analysed, analyses: object, result: IngestResult
    ) -> None:
        message = item.message
        participant = await self._participant_for(event_id, message)
        result.new += 1
        if message.is_private:
            await self._store_message(
                event_id, message, participant, MessageKind.PRIVATE, "private"
            )
            result.private += 1
            return
        if message.reaction is not None:
            await self._apply_reaction(event_id, message, participant, result)
            return
        detection = item.detection
        assert detection is not None
        reply_to_message = None
        reply_to_question = None
        if message.reply_to_snippet or message.reply_to_source_id:
            target = await self._target(
                event_id, message.reply_to_snippet, message.reply_to_source_id, message.source
            )
            if target is not None:
                reply_to_message, reply_to_question = target.message_id, target.question_id
        message_id = await self._store_message(
            event_id,
            message,
            participant,
            detection.kind,
            detection.reason,
            language=item.language,
            reply_to=reply_to_message,
        )
        if message_id is None:
            return
        if detection.kind not in (MessageKind.QUESTION, MessageKind.LOGISTICS):
            result.chatter += 1
            return
        analysis: Analysis = next(analyses)  # type: ignore[call-overload]
        await self._store_question(
            event_id,
            message,
            participant,
            detection,
            item.language,
            analysis,
            message_id,
            reply_to_question,
            result,
        )

    async def _store_message(
        self,
        event_id: int,
        message: ChatMessage,
        participant: Participant,
        kind: MessageKind,
        reason: str,
        *,
        language: str = "und",
        reply_to: int | None = None,
    ) -> int | None:
        return await self.store.insert_message(
            event_id=event_id,
            source=message.source,
            source_message_id=message.source_message_id,
            participant_id=participant.id,
            sent_at=message.sent_at,
            text=message.text,
            match_key=snippet_key(message.text) if not message.is_private else "",
            is_private=message.is_private,
            recipient=message.recipient,
            kind=kind,
            reason=reason,
            language=language,
            reply_to_message=reply_to,
        )

    async def _target(self, event_id: int, snippet: str | None, source_id: str | None, source: str):  # type: ignore[no-untyped-def]
        if source_id:
            return await self.store.message_by_source_id(event_id, source, source_id)
        return await self.store.message_by_snippet(event_id, snippet_key(snippet or ""))

    async def _apply_reaction(
        self, event_id: int, message: ChatMessage, participant: Participant, result: IngestResult
    ) -> None:
        reaction = message.reaction
        assert reaction is not None
        await self._store_message(
            event_id, message, participant, MessageKind.REACTION, reaction.emoji
        )
        if not is_vote_emoji(reaction.emoji):
            return
        target = await self._target(
            event_id, reaction.target_snippet, reaction.target_source_id, message.source
        )
        if target is None or target.question_id is None:
            return
        if reaction.removed:
            result.votes_removed += await self.store.remove_vote(target.question_id, participant.id)
        else:
            result.votes_added += await self.store.add_vote(
                target.question_id, participant.id, message.sent_at
            )

    async def _store_question(
        self,
        event_id: int,
        message: ChatMessage,
        participant: Participant,
        detection: Detection,
        language: str,
        analysis: Analysis,
        message_id: int,
        reply_to: int | None,
        result: IngestResult,
    ) -> None:
        moderation = self.config.moderation
        state = QuestionState.QUEUED
        reason = hold_reason(
            detection.text,
            hold_links=moderation.hold_links,
            hold_mass_mentions=moderation.hold_mass_mentions,
        )
        if reason is None and detection.kind is MessageKind.QUESTION:
            previous = await self.store.question_times(participant.id)
            if is_flooding(
                previous,
                message.sent_at,
                max_questions=moderation.flood_max_questions,
                window_seconds=moderation.flood_window_seconds,
            ):
                reason = "flood: many questions in a short time"
        merged_into = None
        if reason is not None:
            state = QuestionState.HELD
        elif detection.kind is MessageKind.QUESTION:
            merged_into = await self._duplicate_of(event_id, detection.text, analysis.embedding)
            if merged_into is not None:
                state = QuestionState.MERGED
        scores, embedding = _stored_form(analysis)
        question_id = await self.store.insert_question(
            event_id=event_id,
            message_id=message_id,
            participant_id=participant.id,
            text=detection.text,
            asked_at=message.sent_at,
            language=language,
            kind=detection.kind,
            theme=top_theme(scores),
            theme_scores=scores,
            state=state,
            merged_into=merged_into,
            reply_to=reply_to,
            hold_reason=reason,
            embedding=embedding,
        )
        result.question_ids.append(question_id)
        if detection.kind is MessageKind.LOGISTICS:
            result.logistics += 1
        elif state is QuestionState.HELD:
            result.held += 1
        elif state is QuestionState.MERGED:
            result.merged += 1
        else:
            result.questions += 1

    async def _duplicate_of(
        self, event_id: int, text: str, embedding: np.ndarray | None
    ) -> int | None:
        """An open question that asks the same thing: the same text, or, in any language, the
        best-scoring open question when the learned duplicate score reaches
        ``duplicate_threshold``.

        Without a scorer, or without embeddings (the n-gram fallback), only the same text counts
        (one warning). No theme check: on held-out pairs it cost recall without adding precision
        a higher threshold would not give (see ``python -m models.duplicates evaluate``). A wrong
        merge is undone with ``split``.
        """
        same = await self.store.find_same_text(event_id, snippet_key(text))
        if same is not None:
            return same
        scorer = self.duplicates
        if scorer is None or embedding is None:
            if scorer is not None:
                self._warn_duplicates("the theme classifier gives no sentence embeddings")
            return None
        vector = np.asarray(embedding, dtype=np.float32)
        if vector.shape != (scorer.dim,):
            self._warn_duplicates(
                f"the scorer expects {scorer.dim}-dimensional embeddings, the classifier gives"
                f" {vector.size}"
            )
            return None
        width = scorer.dim * np.dtype(np.float16).itemsize
        # rows stored by another encoder (an older database) have another size: not comparable
        rows = [(qid, blob) for qid, blob, _ in await self.store.question_embeddings(event_id)]
        rows = [(qid, blob) for qid, blob in rows if len(blob) == width]
        if not rows:
            return None
        matrix = np.stack([np.frombuffer(blob, dtype=np.float16) for _, blob in rows])
        scores = scorer.similarity(vector, matrix.astype(np.float32))
        best = int(np.argmax(scores))
        if scores[best] >= self.config.classifier.duplicate_threshold:
            return rows[best][0]
        return None

    def _warn_duplicates(self, reason: str) -> None:
        if not self._duplicates_warned:
            self._duplicates_warned = True
            log.warning("near-duplicates: only questions with the same text are merged: %s", reason)

    # -- the moderator's queue -------------------------------------------------------------

    async def ranking_settings(self, event_id: int) -> RankingSettings:
        """Config defaults, overridden by what a moderator set for this event (``/balance``)."""
        cfg: RankingConfig = self.config.ranking
        share = await self.store.get_setting(event_id, "ranking.southern_share")
        mode = await self.store.get_setting(event_id, "ranking.mode")
        return RankingSettings(
            southern_share=float(share) if share is not None else cfg.southern_share,
            mode=mode or cfg.mode,
            alpha=cfg.alpha,
            half_life_minutes=cfg.half_life_minutes,
            per_person_cap=cfg.per_person_cap,
            balance_themes=cfg.balance_themes,
        )

    async def set_balance(
        self, event_id: int, share: float | None, mode: str | None
    ) -> RankingSettings:
        """Change the Southern target share and/or the balance mode for an event."""
        if share is not None:
            if not 0.0 <= share <= 1.0:
                raise BarazaError("the Southern share must be between 0 and 1")
            await self.store.set_setting(event_id, "ranking.southern_share", repr(float(share)))
        if mode is not None:
            if mode not in ("floor", "fair", "off"):
                raise BarazaError("the balance mode must be floor, fair or off")
            await self.store.set_setting(event_id, "ranking.mode", mode)
        await self._changed(event_id)
        return await self.ranking_settings(event_id)

    async def now_for(self, event_id: int) -> datetime:
        """The ranking clock: real time while the webinar runs, its last message once it is over."""
        now = self.clock()
        questions = await self.store.questions(event_id)
        if not questions:
            return now
        last = max(q.asked_at for q in questions)
        return now if now - last < timedelta(hours=3) else last + timedelta(minutes=1)

    async def ranked(
        self, event_id: int, top: int | None = None, now: datetime | None = None
    ) -> list[BoardEntry]:
        """The moderator's prioritised list: queued questions, best first, each with its why."""
        questions = await self.store.questions(event_id, MessageKind.QUESTION)
        voters = await self.store.pooled_voters(event_id)
        now = now or await self.now_for(event_id)
        children: dict[int, list[int]] = {}
        seq: dict[int, int] = {}
        items: list[RankItem] = []
        by_id: dict[int, Question] = {}
        southern_roots = {
            q.merged_into
            for q in questions
            if q.merged_into is not None and q.region is Region.SOUTH
        }
        for q in sorted(questions, key=lambda q: (q.asked_at, q.id)):
            if q.merged_into is not None:
                children.setdefault(q.merged_into, []).append(q.id)
                continue
            author_seq = seq.get(q.participant_id, 0)
            seq[q.participant_id] = author_seq + 1
            if q.state is not QuestionState.QUEUED:
                continue
            by_id[q.id] = q
            items.append(
                RankItem(
                    id=q.id,
                    author_key=str(q.participant_id),
                    # a merged entry speaks for all its askers: Southern if any of them is
                    region=Region.SOUTH if q.id in southern_roots else q.region,
                    theme=q.theme,
                    votes=len(voters.get(q.id, ())),
                    asked_at=q.asked_at,
                    pinned=q.pinned,
                    author_seq=author_seq,
                )
            )
        answered = [
            q for q in questions if q.merged_into is None and q.state is QuestionState.ANSWERED
        ]
        history = Answered(
            total=len(answered),
            south=sum(1 for q in answered if q.region is Region.SOUTH or q.id in southern_roots),
        )
        settings = await self.ranking_settings(event_id)
        entries = []
        for ranked in rank_queue(items, now, settings, top=top, answered=history):
            q = by_id[ranked.item.id]
            q.merged_ids = tuple(children.get(q.id, ()))
            age = max(0.0, (now - q.asked_at).total_seconds() / 60)
            entries.append(
                BoardEntry(ranked.rank, q, ranked.item.votes, ranked.why, ranked.score, age)
            )
        return entries

    async def moderator_view(self, event_id: int, top: int | None = None) -> list[BoardEntry]:
        """:meth:`ranked` as a moderator's board shows it.

        The questions shown in its top :data:`SEEN_TOP` are remembered (with the best rank each
        reached), so the export can say how Southern the list the moderator saw was.
        """
        entries = await self.ranked(event_id, top=top)
        seen = [(e.question.id, e.rank) for e in entries if e.rank <= SEEN_TOP]
        await self.store.record_board_view(event_id, seen, self.clock())
        return entries

    async def logistics(self, event_id: int) -> list[Question]:
        """Logistics questions (slides, recording, links), oldest first, open ones."""
        return [
            q
            for q in await self.store.questions(event_id, MessageKind.LOGISTICS)
            if q.state in (QuestionState.QUEUED, QuestionState.HELD)
        ]

    async def held(self, event_id: int) -> list[Question]:
        """Questions waiting for a moderator's review."""
        return [
            q
            for q in await self.store.questions(event_id, MessageKind.QUESTION)
            if q.state is QuestionState.HELD
        ]

    # -- moderator actions -----------------------------------------------------------------

    async def question(self, question_id: int) -> Question:
        """A question by id; a clear error when it does not exist."""
        found = await self.store.get_question(question_id)
        if found is None:
            raise BarazaError(f"no question with id {question_id}")
        return found

    async def set_state(self, question_id: int, state: QuestionState) -> Question:
        """Answered, dismissed, held or back to the queue, following the life cycle."""
        q = await self.question(question_id)
        if q.state is state:
            return q
        check_transition(q.state, state)
        await self.store.set_state(question_id, state)
        await self._changed(q.event_id)
        return await self.question(question_id)

    async def pin(self, question_id: int, pinned: bool = True) -> Question:
        """Pin a question to the top of the queue (or unpin it)."""
        q = await self.question(question_id)
        await self.store.set_pinned(question_id, pinned)
        await self._changed(q.event_id)
        return await self.question(question_id)

    async def next_question(self, event_id: int) -> Question | None:
        """Mark the top question answered and return the new top (the moderator's "next")."""
        top = await self.ranked(event_id, top=1)
        if not top:
            return None
        await self.set_state(top[0].question.id, QuestionState.ANSWERED)
        after = await self.ranked(event_id, top=1)
        return after[0].question if after else None

    async def merge(self, child_id: int, into_id: int) -> Question:
        """Merge a question into another: one entry, votes and askers combined."""
        if child_id == into_id:
            raise BarazaError("a question cannot be merged into itself")
        child, parent = await self.question(child_id), await self.question(into_id)
        if child.event_id != parent.event_id:
            raise BarazaError("questions from different events cannot be merged")
        while parent.merged_into is not None:
            parent = await self.question(parent.merged_into)
        check_transition(child.state, QuestionState.MERGED)
        async with self.store.transaction():
            await self.store.set_state(child_id, QuestionState.MERGED, merged_into=parent.id)
            for grandchild in await self.store.children_of(child_id):
                await self.store.set_state(grandchild, QuestionState.MERGED, merged_into=parent.id)
        await self._changed(parent.event_id)
        return await self.question(parent.id)

    async def split(self, question_id: int) -> Question:
        """Undo a merge: the question goes back on the queue on its own."""
        q = await self.question(question_id)
        if q.merged_into is None:
            raise BarazaError(f"question {question_id} is not merged into another")
        await self.store.set_state(question_id, QuestionState.QUEUED, merged_into=None)
        await self._changed(q.event_id)
        return await self.question(question_id)

    async def retag(self, question_id: int, theme: str) -> Question:
        """A moderator corrects a question's theme."""
        if theme not in THEMES:
            raise BarazaError(f"unknown theme {theme!r} (one of {', '.join(THEMES)})")
        q = await self.question(question_id)
        if q.theme == theme:
            return q
        async with self.store.transaction():
            await self.store.set_theme(question_id, theme, None, "moderator")
            await self.store.record_retag(question_id, q.theme, theme)
        await self._changed(q.event_id)
        return await self.question(question_id)

    async def vote(
        self, question_id: int, person_key: str, display_name: str, add: bool = True
    ) -> int:
        """Add (or take back) one person's vote; returns the question's pooled vote count."""
        q = await self.question(question_id)
        participant = await self._participant_for(
            q.event_id, ChatMessage("", "", self.clock(), display_name, "", author_key=person_key)
        )
        if add:
            await self.store.add_vote(question_id, participant.id, self.clock())
        else:
            await self.store.remove_vote(question_id, participant.id)
        await self._changed(q.event_id)
        root = q.merged_into or q.id
        return len((await self.store.pooled_voters(q.event_id)).get(root, ()))

    async def classify_texts(self, texts: Sequence[str]) -> list[tuple[str, ThemeScores, str]]:
        """(theme, scores, language) for free texts (``baraza classify``)."""
        analyses = await self.runner.analyse(list(texts))
        languages = await asyncio.to_thread(lambda: [self.languages.detect(t) for t in texts])
        return [
            (top_theme(a.scores), {t: float(a.scores.get(t, 0.0)) for t in THEMES}, lang)
            for a, lang in zip(analyses, languages, strict=True)
        ]

    # -- export ----------------------------------------------------------------------------

    async def export(
        self, event_id: int | None = None, *, include_names: bool | None = None
    ) -> dict[str, object]:
        """The themed transcript document for the ministry (see :mod:`bot.export.document`).

        Names appear only when the organiser switched them on, and then only of participants
        who consented (``/iam`` or the registration report); everyone else is a pseudonym.
        """
        event = await self.event(event_id)
        names = self.config.export.include_names if include_names is None else include_names
        rows = await self.store.transcript(event.id)
        profiles: dict[int, ParticipantProfile] = {}
        for participant in await self.store.participants(event.id):
            keys = [
                name_key(base_display_name(participant.display_name)),
                name_key(participant.display_name),
            ]
            found = await self.store.registrant_profile(event.id, keys)
            organisation = participant.organisation or (found[0] if found else None)
            profiles[participant.id] = ParticipantProfile(
                display_name=participant.display_name,
                organisation=organisation,
                registration_consent=bool(found and found[1]),
            )
        raw_models = await self.store.get_setting(event.id, CLASSIFIERS_SETTING)
        data = ExportData(
            event=event,
            event_date=await self.store.event_date(event.id),
            rows=rows,
            profiles=profiles,
            registrant_names=await self.store.registrant_names(event.id),
            retags=await self.store.retags(event.id),
            board_views=await self.store.board_views(event.id),
            ranking=await self.ranking_settings(event.id),
            classifiers=json.loads(raw_models) if raw_models else [],
            excluded=await self.store.excluded_counts(event.id),
            countries=self._country_names(r.country for r in rows),
            timezone=self.config.chat_timezone(),
        )
        return build_document(data, include_names=names, generated_at=datetime.now(UTC))

    def _country_names(self, codes: Iterable[str | None]) -> dict[str, str]:
        names = {}
        for code in set(codes):
            country = self.countries.lookup(code) if code else None
            if code and country is not None:
                names[code] = country.name
        return names

    # -- live sources (Discord): edits, deletions, reactions, manual additions -------------

    async def edit_message(
        self, event_id: int, source: str, source_message_id: str, text: str
    ) -> Question | None:
        """The author edited a message: the record and its question follow (theme re-scored)."""
        ref = await self.store.message_by_source_id(event_id, source, source_message_id)
        if ref is None:
            return None
        text = clean_text(text)
        await self.store.update_message_text(ref.message_id, text, snippet_key(text))
        if ref.question_id is None:
            await self._changed(event_id)
            return None
        body, _ = strip_prefix(text)
        (analysis,) = await self.runner.analyse([body])
        q = await self.question(ref.question_id)
        await self.store.update_question_text(ref.question_id, body)
        if not await self.store.theme_set_by_moderator(ref.question_id):
            scores = {t: float(analysis.scores.get(t, 0.0)) for t in THEMES}
            await self.store.set_theme(ref.question_id, top_theme(scores), scores, "model")
        await self._changed(q.event_id)
        return await self.question(ref.question_id)

    async def withdraw_message(
        self, event_id: int, source: str, source_message_id: str
    ) -> Question | None:
        """The author deleted a message: kept as deleted in the record, its question withdrawn."""
        ref = await self.store.message_by_source_id(event_id, source, source_message_id)
        if ref is None:
            return None
        await self.store.mark_message_deleted(ref.message_id)
        if ref.question_id is not None:
            q = await self.question(ref.question_id)
            if q.state is not QuestionState.DISMISSED:
                await self.store.set_state(ref.question_id, QuestionState.DISMISSED)
        await self._changed(event_id)
        return await self.question(ref.question_id) if ref.question_id else None

    async def vote_on_message(
        self,
        event_id: int,
        source: str,
        source_message_id: str,
        person_key: str,
        display_name: str,
        *,
        add: bool,
    ) -> int | None:
        """A reaction on a chat message: the person's vote on its question (None: no question)."""
        ref = await self.store.message_by_source_id(event_id, source, source_message_id)
        if ref is None or ref.question_id is None:
            return None
        return await self.vote(ref.question_id, person_key, display_name, add=add)

    async def force_question(self, event_id: int, source: str, source_message_id: str) -> Question:
        """A moderator puts a stored chat message on the queue (it was not detected as one)."""
        ref = await self.store.message_by_source_id(event_id, source, source_message_id)
        if ref is None:
            raise BarazaError("that message is not in Baraza's record")
        if ref.question_id is not None:
            q = await self.question(ref.question_id)
            if q.state in (QuestionState.DISMISSED, QuestionState.HELD):
                await self.store.set_state(q.id, QuestionState.QUEUED)
                await self._changed(event_id)
            return await self.question(q.id)
        stored = await self.store.message_text(ref.message_id)
        assert stored is not None
        text, _, participant_id = stored
        body, _ = strip_prefix(text)
        (analysis,) = await self.runner.analyse([body])
        language = await asyncio.to_thread(self.languages.detect, body)
        participant = await self.store.get_participant(participant_id)
        assert participant is not None
        scores, embedding = _stored_form(analysis)
        async with self.store.transaction():
            await self.store.set_message_kind(
                ref.message_id, MessageKind.QUESTION, "added by moderator"
            )
            asked = await self.store.message_time(ref.message_id)
            question_id = await self.store.insert_question(
                event_id=event_id,
                message_id=ref.message_id,
                participant_id=participant.id,
                text=body,
                asked_at=asked,
                language=language,
                kind=MessageKind.QUESTION,
                theme=top_theme(scores),
                theme_scores=scores,
                state=QuestionState.QUEUED,
                merged_into=None,
                reply_to=None,
                hold_reason=None,
                embedding=embedding,
            )
        await self._changed(event_id)
        return await self.question(question_id)

    async def questions_of(
        self, event_id: int, person_key: str
    ) -> list[tuple[Question, int | None]]:
        """A participant's own questions with their current rank (None when not queued)."""
        participant = await self.store.find_participant(event_id, person_key)
        if participant is None:
            return []
        ranks = {e.question.id: e.rank for e in await self.ranked(event_id)}
        mine = [
            q for q in await self.store.questions(event_id) if q.participant_id == participant.id
        ]
        return [(q, ranks.get(q.merged_into or q.id)) for q in mine]

    async def forget_person(self, event_id: int, person_key: str) -> bool:
        """Erase one person by their source key (Discord: ``discord:<user id>``)."""
        participant = await self.store.find_participant(event_id, person_key)
        if participant is None:
            return False
        await self.store.forget_participant(participant.id)
        await self._changed(event_id)
        return True

    async def forget(self, event_id: int, display_name: str) -> int:
        """Erase a person (matched by name, ignoring case/accents/suffixes); returns how many."""
        wanted = {name_key(display_name), name_key(base_display_name(display_name))}
        erased = 0
        for participant in await self.store.participants(event_id):
            keys = {
                participant.name_key,
                name_key(participant.display_name),
                name_key(base_display_name(participant.display_name)),
            }
            if wanted & keys:
                await self.store.forget_participant(participant.id)
                erased += 1
        if erased:
            await self._changed(event_id)
        return erased


def _stored_form(analysis: Analysis) -> tuple[dict[str, float], bytes | None]:
    """Scores for every theme and the embedding as float16 bytes, as the store keeps them."""
    scores = {t: float(analysis.scores.get(t, 0.0)) for t in THEMES}
    if analysis.embedding is None:
        return scores, None
    return scores, np.asarray(analysis.embedding, dtype=np.float16).tobytes()
