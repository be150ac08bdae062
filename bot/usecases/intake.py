"""Intake: chat messages from any source into the record and the queue.

``ingest`` takes normalised chat messages and, for each new one, decides what it is (question,
logistics, chatter, reaction, private), who said it and from which region, which theme it has and
whether it repeats an open question, then writes the batch in ONE unit of work. It is idempotent
on (source, source message id) even with other processes writing the same messages: a message
another writer stored first is skipped whole, and a reaction is applied only by whoever stored
the reaction itself, so two imports of one file give the result of one.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from bot.classifier import top_theme
from bot.classify_runner import Analysis
from bot.core.detect import Detection, strip_prefix
from bot.core.hosts import HostSignals, Peers, name_role
from bot.core.hosts import signals as host_signals
from bot.core.learned import detect_chat
from bot.core.model import THEMES, ChatMessage, MessageKind, Participant, Question, QuestionState
from bot.core.moderation import is_flooding, is_repeated, is_vote_emoji, spam_reason
from bot.core.text import clean_text, snippet_key
from bot.errors import BarazaError
from bot.store import MessageRef, Repos
from bot.usecases.context import Context, require_question
from bot.usecases.duplicates import DuplicateFinder, DuplicatePool
from bot.usecases.people import People, is_forgotten, person_key
from bot.usecases.stored import stored_form

#: Event setting listing the classifiers that tagged its questions (JSON list of names).
CLASSIFIERS_SETTING = "classifier.models"


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

    def add(self, other: IngestResult, *, ids: bool = True) -> None:
        """Accumulate another result into this one (without its question ids if not ``ids``:
        a whole file's import keeps only the counts, not an id per question)."""
        for name in self.__dataclass_fields__:
            value = getattr(other, name)
            if isinstance(value, list):
                if ids:
                    getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)


@dataclass(slots=True)
class _Item:
    message: ChatMessage
    detection: Detection | None
    language: str
    analysis: Analysis | None = None
    #: why the message is held for a moderator whatever its kind (a link, a mass mention...)
    spam: str | None = None

    @property
    def needs_theme(self) -> bool:
        """It goes on a list (the queue, logistics, or held for review), so it needs a theme."""
        return self.detection is not None and (
            self.spam is not None
            or self.detection.kind in (MessageKind.QUESTION, MessageKind.LOGISTICS)
        )


class Intake:
    """The intake use cases: ingest, edits, deletions, reactions, a moderator's "add to queue"."""

    def __init__(self, ctx: Context, people: People) -> None:
        self.ctx = ctx
        self.people = people
        self.duplicates = DuplicateFinder(ctx.duplicates, ctx.config.classifier.duplicate_threshold)
        #: one lock per event: an event's batches are analysed and stored in order, while
        #: batches of other events (one process serving many) share the classifier's batches
        self._locks: dict[int, asyncio.Lock] = {}
        self._noted_classifiers: set[tuple[int, str]] = set()

    # -- ingest ----------------------------------------------------------------------------

    def _analyse(
        self,
        messages: Sequence[ChatMessage],
        hosts: HostSignals,
        recent: dict[str, list[str]],
        peers: Peers,
    ) -> list[_Item]:
        """Detection, language and spam of each message, in chat order (pure but for langid).

        ``hosts`` are the host signals counted so far and ``recent`` each sender's latest public
        texts, ``peers`` who has chatted; all are updated as the batch goes, so message n sees
        the messages before it.
        """
        moderation = self.ctx.config.moderation
        items = []
        for message in messages:
            if message.is_private or message.reaction is not None:
                items.append(_Item(message, None, "und"))
                continue
            key = person_key(message)
            trusted = self.people.is_host(message)  # configured, or the source says so
            host = trusted or key in hosts.hosts() or name_role(message.author_name) == "host"
            prior = len(recent.get(key, ()))
            detection = detect_chat(message, host, peers, prior, self.ctx.config.detection.learned)
            peers.add(message.author_name, message.text, host=host)
            language = self.ctx.languages.detect(detection.text or message.text)
            spam = None
            if not trusted:  # an inferred host is not exempt: a spammer can say "welcome"
                spam = spam_reason(
                    message.text,
                    hold_links=moderation.hold_links,
                    hold_mass_mentions=moderation.hold_mass_mentions,
                )
                earlier = recent.setdefault(key, [])
                if spam is None and is_repeated(message.text, earlier):
                    spam = "flood: same text repeated"
                earlier.append(message.text)
            hosts.add(key, message.text)
            items.append(_Item(message, detection, language, spam=spam))
        return items

    async def ingest(
        self,
        event_id: int,
        messages: Sequence[ChatMessage],
        *,
        mark: tuple[str, int] | None = None,
    ) -> IngestResult:
        """Take a batch of chat messages into the record and the queue, in one unit of work.

        ``mark``: (channel, source id) when the batch completes that channel's record up to
        that id (a live message in a channel this run has caught up with); the channel's
        high-water mark moves there in the same unit.
        """
        result = IngestResult(received=len(messages))
        source = messages[0].source if messages else ""
        async with self._locks.setdefault(event_id, asyncio.Lock()):
            fresh = await self._fresh(event_id, messages)
            result.already_known = len(messages) - len(fresh)
            if not fresh:
                if mark is not None:
                    await self.advance_mark(event_id, source, *mark)
                return result
            read = self.ctx.store.read
            hosts = HostSignals(await read.people.host_signals(event_id))
            senders = sorted({person_key(m) for m in fresh if not m.is_private})
            recent = await read.messages.recent_texts(event_id, senders)
            peers = await self.people.peers(event_id, hosts)
            items = await asyncio.to_thread(self._analyse, fresh, hosts, recent, peers)
            themed = [i for i in items if i.needs_theme]
            if themed:
                texts = [
                    i.detection.text or i.message.text for i in themed if i.detection is not None
                ]
                for item, analysis in zip(
                    themed, await self.ctx.runner.analyse(texts), strict=True
                ):
                    item.analysis = analysis
            async with self.ctx.store.unit() as uow:
                if themed:
                    await self._note_classifier(uow, event_id)
                pool = self.duplicates.pool(uow, event_id)
                for item in items:
                    await self._apply(uow, pool, item, result)
                if mark is not None:
                    await uow.messages.advance_mark(event_id, source, *mark)
        if result.new:
            await self.ctx.changed(event_id)
        return result

    async def _note_classifier(self, uow: Repos, event_id: int) -> None:
        """Remember which classifier tagged this event's questions (the export's method note)."""
        name = self.ctx.runner.classifier.name
        if (event_id, name) in self._noted_classifiers:
            return
        raw = await uow.events.setting(event_id, CLASSIFIERS_SETTING)
        names = json.loads(raw) if raw else []
        if name not in names:
            await uow.events.set_setting(event_id, CLASSIFIERS_SETTING, json.dumps([*names, name]))
        self._noted_classifiers.add((event_id, name))

    async def _fresh(self, event_id: int, messages: Sequence[ChatMessage]) -> list[ChatMessage]:
        """The messages not stored yet (a pre-check), forgotten people's names rewritten in them."""
        fresh: list[ChatMessage] = []
        by_source: dict[str, list[ChatMessage]] = {}
        for message in messages:
            by_source.setdefault(message.source, []).append(message)
        for source, group in by_source.items():
            known = await self.ctx.store.read.messages.known_source_ids(
                event_id, source, [m.source_message_id for m in group]
            )
            seen: set[str] = set()
            for message in group:
                if message.source_message_id in known or message.source_message_id in seen:
                    continue
                seen.add(message.source_message_id)
                fresh.append(message)
        return await self.people.without_forgotten(event_id, sorted(fresh, key=lambda m: m.sent_at))

    async def _apply(
        self, uow: Repos, pool: DuplicatePool, item: _Item, result: IngestResult
    ) -> None:
        message, event_id = item.message, pool.event_id
        participant = await self.people.participant_for(uow, event_id, message)
        if is_forgotten(participant):  # kept as forget left their earlier messages, no more
            return await self.people.record_forgotten(uow, event_id, message, participant, result)
        if message.is_private:
            kind, reason = MessageKind.PRIVATE, "private"
        elif message.reaction is not None:
            kind, reason = MessageKind.REACTION, message.reaction.emoji
        else:
            assert item.detection is not None
            kind, reason = item.detection.kind, item.detection.reason
        reply = await self._reply_target(uow, event_id, message)
        message_id = await uow.messages.add(
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
            language=item.language,
            reply_to_message=reply.message_id if reply else None,
        )
        if message_id is None:  # another writer stored it first: it is theirs, whole
            result.already_known += 1
            return
        result.new += 1
        if kind not in (MessageKind.PRIVATE, MessageKind.REACTION):
            opening, announce, links = host_signals(message.text)
            if opening or announce or links:
                await uow.people.add_host_signals(participant.id, opening, announce, links)
        if kind is MessageKind.PRIVATE:
            result.private += 1
        elif kind is MessageKind.REACTION:
            await self._apply_vote(uow, event_id, message, participant, result)
        elif item.needs_theme:
            assert item.detection is not None and item.analysis is not None
            await self._store_question(
                uow,
                pool,
                item,
                participant,
                message_id,
                reply.question_id if reply else None,
                result,
            )
        else:
            result.chatter += 1

    async def _target(
        self,
        uow: Repos,
        event_id: int,
        message: ChatMessage,
        snippet: str | None,
        source_id: str | None,
    ) -> MessageRef | None:
        if source_id:
            return await uow.messages.by_source_id(event_id, message.source, source_id)
        return await uow.messages.by_snippet(event_id, snippet_key(snippet or ""), message.sent_at)

    async def _reply_target(
        self, uow: Repos, event_id: int, message: ChatMessage
    ) -> MessageRef | None:
        if message.is_private or not (message.reply_to_snippet or message.reply_to_source_id):
            return None
        return await self._target(
            uow, event_id, message, message.reply_to_snippet, message.reply_to_source_id
        )

    async def _apply_vote(
        self,
        uow: Repos,
        event_id: int,
        message: ChatMessage,
        participant: Participant,
        result: IngestResult,
    ) -> None:
        reaction = message.reaction
        assert reaction is not None
        if not is_vote_emoji(reaction.emoji):
            return
        target = await self._target(
            uow, event_id, message, reaction.target_snippet, reaction.target_source_id
        )
        if target is None or target.question_id is None:
            return
        if reaction.removed:
            result.votes_removed += await uow.questions.remove_vote(
                target.question_id, participant.id
            )
        else:
            result.votes_added += await uow.questions.add_vote(
                target.question_id, participant.id, message.sent_at
            )

    async def _hold(self, uow: Repos, item: _Item, participant: Participant) -> str | None:
        """Why a new list entry waits for a moderator: spam, or too many questions too fast."""
        moderation = self.ctx.config.moderation
        assert item.detection is not None
        if item.spam is not None:
            return item.spam
        if item.detection.kind is MessageKind.QUESTION:
            since = item.message.sent_at - timedelta(seconds=moderation.flood_window_seconds)
            previous = await uow.questions.times_asked(participant.id, since)
            if is_flooding(
                previous,
                item.message.sent_at,
                max_questions=moderation.flood_max_questions,
                window_seconds=moderation.flood_window_seconds,
            ):
                return "flood: many questions in a short time"
        return None

    async def _store_question(
        self,
        uow: Repos,
        pool: DuplicatePool,
        item: _Item,
        participant: Participant,
        message_id: int,
        reply_to: int | None,
        result: IngestResult,
    ) -> None:
        detection, analysis = item.detection, item.analysis
        assert detection is not None and analysis is not None
        reason = await self._hold(uow, item, participant)
        state, merged_into = QuestionState.QUEUED, None
        if reason is not None:
            state = QuestionState.HELD
        elif detection.kind is MessageKind.QUESTION:
            merged_into = await pool.duplicate_of(detection.text, analysis.embedding)
            if merged_into is not None:
                state = QuestionState.MERGED
        scores, embedding = stored_form(analysis)
        # held chatter (spam) is filed as a question a moderator can approve or dismiss
        kind = detection.kind if detection.kind is MessageKind.LOGISTICS else MessageKind.QUESTION
        question_id = await uow.questions.add(
            event_id=pool.event_id,
            message_id=message_id,
            participant_id=participant.id,
            text=detection.text or item.message.text,
            asked_at=item.message.sent_at,
            language=item.language,
            kind=kind,
            theme=top_theme(scores),
            theme_scores=scores,
            state=state,
            merged_into=merged_into,
            reply_to=reply_to,
            hold_reason=reason,
            embedding=embedding,
        )
        result.question_ids.append(question_id)
        if kind is MessageKind.QUESTION and state is not QuestionState.MERGED:
            pool.added(question_id, detection.text or item.message.text, embedding)
        if state is QuestionState.HELD:
            result.held += 1
        elif kind is MessageKind.LOGISTICS:
            result.logistics += 1
        elif state is QuestionState.MERGED:
            result.merged += 1
        else:
            result.questions += 1

    # -- live sources: edits, deletions, reactions, a moderator's additions ----------------

    async def edit_message(
        self, event_id: int, source: str, source_message_id: str, text: str
    ) -> Question | None:
        """The author edited a message: the record and its question follow (theme re-scored)."""
        text = clean_text(text)
        body, _ = strip_prefix(text)
        ref = await self.ctx.store.read.messages.by_source_id(event_id, source, source_message_id)
        if ref is None:
            return None
        analysis = (await self.ctx.runner.analyse([body]))[0] if ref.question_id else None
        async with self.ctx.store.unit() as uow:
            await uow.messages.set_text(ref.message_id, text, snippet_key(text))
            if ref.question_id is not None and analysis is not None:
                await uow.questions.set_text(ref.question_id, body)
                if not await uow.questions.theme_set_by_moderator(ref.question_id):
                    scores = {t: float(analysis.scores.get(t, 0.0)) for t in THEMES}
                    await uow.questions.set_theme(
                        ref.question_id, top_theme(scores), scores, "model"
                    )
        await self.ctx.changed(event_id)
        if ref.question_id is None:
            return None
        return await require_question(self.ctx.store.read, ref.question_id)

    async def withdraw_message(
        self, event_id: int, source: str, source_message_id: str
    ) -> Question | None:
        """The author deleted a message: kept as deleted in the record, its question withdrawn."""
        async with self.ctx.store.unit() as uow:
            ref = await uow.messages.by_source_id(event_id, source, source_message_id)
            if ref is None:
                return None
            await uow.messages.mark_deleted(ref.message_id)
            if ref.question_id is not None:
                q = await require_question(uow, ref.question_id)
                if q.state is not QuestionState.DISMISSED:
                    await uow.questions.set_state(ref.question_id, QuestionState.DISMISSED)
        await self.ctx.changed(event_id)
        if ref.question_id is None:
            return None
        return await require_question(self.ctx.store.read, ref.question_id)

    async def force_question(self, event_id: int, source: str, source_message_id: str) -> Question:
        """A moderator puts a stored chat message on the queue (it was not detected as one)."""
        read = self.ctx.store.read
        ref = await read.messages.by_source_id(event_id, source, source_message_id)
        if ref is None:
            raise BarazaError("that message is not in Baraza's record")
        if ref.question_id is not None:
            return await self._requeue(event_id, ref.question_id)
        stored = await read.messages.text_of(ref.message_id)
        assert stored is not None
        body, _ = strip_prefix(stored[0])
        (analysis,) = await self.ctx.runner.analyse([body])
        language = await asyncio.to_thread(self.ctx.languages.detect, body)
        scores, embedding = stored_form(analysis)
        async with self.ctx.store.unit() as uow:
            again = await uow.messages.by_source_id(event_id, source, source_message_id)
            if again is not None and again.question_id is not None:
                question_id = again.question_id  # another moderator was quicker
            else:
                await uow.messages.set_kind(
                    ref.message_id, MessageKind.QUESTION, "added by moderator"
                )
                question_id = await uow.questions.add(
                    event_id=event_id,
                    message_id=ref.message_id,
                    participant_id=ref.participant_id,
                    text=body,
                    asked_at=await uow.messages.sent_at(ref.message_id),
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
        await self.ctx.changed(event_id)
        return await require_question(read, question_id)

    async def _requeue(self, event_id: int, question_id: int) -> Question:
        async with self.ctx.store.unit() as uow:
            q = await require_question(uow, question_id)
            requeue = q.state in (QuestionState.DISMISSED, QuestionState.HELD)
            if requeue:
                await uow.questions.set_state(q.id, QuestionState.QUEUED)
        if requeue:
            await self.ctx.changed(event_id)
        return await require_question(self.ctx.store.read, question_id)

    # -- restart-safe catch-up -------------------------------------------------------------

    async def recorded(self, event_id: int, source: str, source_message_id: str) -> bool:
        """Whether this source message is in the record."""
        ref = await self.ctx.store.read.messages.by_source_id(event_id, source, source_message_id)
        return ref is not None

    async def mark(self, event_id: int, source: str, channel: str) -> int | None:
        """The newest source id up to which ``channel`` was read without a gap (None: never)."""
        return await self.ctx.store.read.messages.mark(event_id, source, channel)

    async def advance_mark(self, event_id: int, source: str, channel: str, last_id: int) -> None:
        """Everything in ``channel`` up to ``last_id`` is stored: move its mark there."""
        async with self.ctx.store.unit() as uow:
            await uow.messages.advance_mark(event_id, source, channel, last_id)
