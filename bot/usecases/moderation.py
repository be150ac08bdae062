"""Moderator actions on the queue: answer, next, dismiss, hold, pin, merge, split, retag, votes.

Each action reads what it decides on and writes the result in one unit of work, so two
moderators (or a moderator and the bot's intake) never act on a stale question.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.model import THEMES, ChatMessage, Question, QuestionState, check_transition
from bot.errors import BarazaError
from bot.usecases.context import Context, require_question
from bot.usecases.people import People, is_forgotten
from bot.usecases.queue import Queue
from bot.usecases.undo import last_label, question_step, remember, setting_step, undo_last

#: kept under its first name, so paused events of older databases stay paused
PAUSED_SETTING = "discord.paused"


class Moderation:
    """What a moderator (or a participant's vote) does to the queue."""

    def __init__(self, ctx: Context, people: People, queue: Queue) -> None:
        self.ctx = ctx
        self.people = people
        self.queue = queue

    async def set_state(self, question_id: int, state: QuestionState) -> Question:
        """Answered, dismissed, held or back to the queue, following the life cycle."""
        async with self.ctx.store.unit() as uow:
            q = await require_question(uow, question_id)
            if q.state is state:
                return q
            check_transition(q.state, state)
            await remember(uow, q.event_id, f"{state.value} Q{q.id}", [question_step(q)])
            await uow.questions.set_state(question_id, state)
        await self.ctx.changed(q.event_id)
        return await self.queue.question(question_id)

    async def pin(self, question_id: int, pinned: bool = True) -> Question:
        """Pin a question to the top of the queue (or unpin it)."""
        async with self.ctx.store.unit() as uow:
            q = await require_question(uow, question_id)
            if q.pinned is pinned:
                return q
            label = f"{'pinned' if pinned else 'unpinned'} Q{q.id}"
            await remember(uow, q.event_id, label, [question_step(q)])
            await uow.questions.set_pinned(question_id, pinned)
        await self.ctx.changed(q.event_id)
        return await self.queue.question(question_id)

    async def next_question(self, event_id: int) -> Question | None:
        """Mark the top question answered and return the new top (the moderator's "next")."""
        async with self.ctx.store.unit() as uow:
            top = await self.queue.ranked(event_id, top=1, repos=uow)
            if not top:
                return None
            answered = top[0].question
            await remember(uow, event_id, f"answered Q{answered.id}", [question_step(answered)])
            await uow.questions.set_state(answered.id, QuestionState.ANSWERED)
        await self.ctx.changed(event_id)
        after = await self.queue.ranked(event_id, top=1)
        return after[0].question if after else None

    async def merge(self, child_id: int, into_id: int) -> Question:
        """Merge a question into another: one entry, votes and askers combined."""
        if child_id == into_id:
            raise BarazaError("a question cannot be merged into itself")
        async with self.ctx.store.unit() as uow:
            child = await require_question(uow, child_id)
            parent = await require_question(uow, into_id)
            if child.event_id != parent.event_id:
                raise BarazaError("questions from different events cannot be merged")
            while parent.merged_into is not None:
                parent = await require_question(uow, parent.merged_into)
            if parent.id == child_id:
                raise BarazaError("a question cannot be merged into its own duplicate")
            check_transition(child.state, QuestionState.MERGED)
            grandchildren = await uow.questions.children_of(child_id)
            steps = [question_step(child)]
            for grandchild in grandchildren:
                steps.append(question_step(await require_question(uow, grandchild)))
            label = f"merged Q{child_id} into Q{parent.id}"
            await remember(uow, parent.event_id, label, steps)
            await uow.questions.set_state(child_id, QuestionState.MERGED, merged_into=parent.id)
            for grandchild in grandchildren:
                await uow.questions.set_state(
                    grandchild, QuestionState.MERGED, merged_into=parent.id
                )
        await self.ctx.changed(parent.event_id)
        return await self.queue.question(parent.id)

    async def split(self, question_id: int) -> Question:
        """Undo a merge: the question goes back on the queue on its own."""
        async with self.ctx.store.unit() as uow:
            q = await require_question(uow, question_id)
            if q.merged_into is None:
                raise BarazaError(f"question {question_id} is not merged into another")
            await remember(uow, q.event_id, f"split Q{q.id}", [question_step(q)])
            await uow.questions.set_state(question_id, QuestionState.QUEUED, merged_into=None)
        await self.ctx.changed(q.event_id)
        return await self.queue.question(question_id)

    async def retag(self, question_id: int, theme: str) -> Question:
        """A moderator corrects a question's theme."""
        if theme not in THEMES:
            raise BarazaError(f"unknown theme {theme!r} (one of {', '.join(THEMES)})")
        async with self.ctx.store.unit() as uow:
            q = await require_question(uow, question_id)
            if q.theme == theme:
                return q
            await remember(uow, q.event_id, f"retagged Q{q.id} {theme}", [question_step(q)])
            await uow.questions.set_theme(question_id, theme, None, "moderator")
            await uow.questions.record_retag(question_id, q.theme, theme)
        await self.ctx.changed(q.event_id)
        return await self.queue.question(question_id)

    async def vote(
        self, question_id: int, person_key: str, display_name: str, add: bool = True
    ) -> int:
        """Add (or take back) one person's vote; returns the question's pooled vote count."""
        message = ChatMessage("", "", self.ctx.now(), display_name, "", author_key=person_key)
        async with self.ctx.store.unit() as uow:
            q = await require_question(uow, question_id)
            participant = await self.people.participant_for(uow, q.event_id, message)
            if is_forgotten(participant):
                pass  # they asked to be forgotten in this event: no vote is recorded
            elif add:
                await uow.questions.add_vote(question_id, participant.id, self.ctx.now())
            else:
                await uow.questions.remove_vote(question_id, participant.id)
            voters = await uow.questions.pooled_voters(q.event_id)
        await self.ctx.changed(q.event_id)
        return len(voters.get(q.merged_into or q.id, ()))

    async def record_report_votes(self, question_id: int, votes: int) -> None:
        """Votes a report counted without saying who gave them (Zoom Q&A upvotes)."""
        async with self.ctx.store.unit() as uow:
            q = await require_question(uow, question_id)
            await uow.questions.set_report_votes(question_id, max(0, votes))
        await self.ctx.changed(q.event_id)

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
        ref = await self.ctx.store.read.messages.by_source_id(event_id, source, source_message_id)
        if ref is None or ref.question_id is None:
            return None
        return await self.vote(ref.question_id, person_key, display_name, add=add)

    async def message_voters(
        self, event_id: int, source: str, source_message_id: str | None = None
    ) -> dict[str, set[str]]:
        """Source message id -> person keys of the votes its open question holds (every such
        message of the event, or only ``source_message_id``); see :meth:`set_message_voters`."""
        found = await self.ctx.store.read.questions.voters_by_source(
            event_id, source, source_message_id
        )
        return {message_id: voters for message_id, (_, voters) in found.items()}

    async def set_message_voters(
        self,
        event_id: int,
        source: str,
        source_message_id: str,
        voters: Mapping[str, str],
        *,
        key_prefix: str,
    ) -> tuple[int, int] | None:
        """Make the votes of a message's open question those of exactly ``voters`` (person key
        -> display name): the reactions the message has now, read back after the bot was away.

        Only votes whose person key starts with ``key_prefix`` (the source's own people) are
        taken back; a vote given elsewhere is no reaction of this message. Each change goes
        through :meth:`vote`, the path of a live reaction, so calling it again changes nothing.
        Returns (votes added, votes taken back); None when the message holds no open question.
        """
        found = await self.ctx.store.read.questions.voters_by_source(
            event_id, source, source_message_id
        )
        if source_message_id not in found:
            return None
        question_id, stored = found[source_message_id]
        stored = {key for key in stored if key.startswith(key_prefix)}
        added = sorted(set(voters) - stored)
        removed = sorted(stored - set(voters))
        for key in added:
            await self.vote(question_id, key, voters[key], add=True)
        for key in removed:
            await self.vote(question_id, key, "", add=False)
        return len(added), len(removed)

    async def paused(self, event_id: int) -> bool:
        """Whether the moderator paused the queue (``/pause``)."""
        return await self.ctx.store.read.events.setting(event_id, PAUSED_SETTING) == "1"

    async def set_paused(self, event_id: int, paused: bool) -> None:
        """Pause or resume the queue."""
        async with self.ctx.store.unit() as uow:
            was = "1" if await uow.events.setting(event_id, PAUSED_SETTING) == "1" else "0"
            label = "paused" if paused else "resumed"
            await remember(uow, event_id, label, [setting_step(PAUSED_SETTING, was)])
            await uow.events.set_setting(event_id, PAUSED_SETTING, "1" if paused else "0")
        await self.ctx.changed(event_id)

    async def undo(self, event_id: int) -> str | None:
        """Reverse the last moderator action on this event (any moderator's, any front end).

        Returns what was undone (``"answered Q12"``), or None when there is nothing to undo.
        """
        async with self.ctx.store.unit() as uow:
            label = await undo_last(uow, event_id)
        if label is not None:
            await self.ctx.changed(event_id)
        return label

    async def last_action(self, event_id: int) -> str | None:
        """What :meth:`undo` would reverse now."""
        return await last_label(self.ctx.store.read, event_id)
