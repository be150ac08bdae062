"""The moderator's queue: the ranked list with its why, the held and logistics lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.classifier import is_unsure
from bot.config import RankingConfig
from bot.core.model import THEMES, MessageKind, Question, QuestionState, Region
from bot.core.ranking import Answered, RankingSettings, RankItem, rank_queue
from bot.errors import BarazaError
from bot.store import Repos
from bot.usecases.context import Context
from bot.usecases.undo import remember, setting_step

#: How far down a moderator's board counts as "seen" for the export's summary.
SEEN_TOP = 10
SHARE_SETTING = "ranking.southern_share"
MODE_SETTING = "ranking.mode"
BALANCE_MODES = ("floor", "fair", "off")


@dataclass(frozen=True, slots=True)
class BoardEntry:
    """One ranked question as the moderator sees it (and as ``baraza queue --json`` prints it)."""

    rank: int
    question: Question
    votes: int
    why: str
    score: float
    age_minutes: float
    #: the model's theme is weak or unknown (``[classifier] unsure_below``); see ``is_unsure``
    unsure: bool = False

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
            "unsure": self.unsure,
            "votes": self.votes,
            "state": q.state.value,
            "pinned": q.pinned,
            "why": self.why,
            "asked_at": q.asked_at.isoformat(),
            "age_minutes": round(self.age_minutes, 1),
            "merged": list(q.merged_ids),
            "reply_to": q.reply_to,
        }


class Queue:
    """Reads of the queue, the balance settings, and what the moderator was shown."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    async def ranking_settings(self, event_id: int, repos: Repos | None = None) -> RankingSettings:
        """Config defaults, overridden by what a moderator set for this event (``/balance``)."""
        repos = repos or self.ctx.store.read
        cfg: RankingConfig = self.ctx.config.ranking
        share = await repos.events.setting(event_id, SHARE_SETTING)
        mode = await repos.events.setting(event_id, MODE_SETTING)
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
        if share is not None and not 0.0 <= share <= 1.0:
            raise BarazaError("the Southern share must be between 0 and 1")
        if mode is not None and mode not in BALANCE_MODES:
            raise BarazaError("the balance mode must be floor, fair or off")
        async with self.ctx.store.unit() as uow:
            before = await self.ranking_settings(event_id, uow)
            steps = [
                setting_step(SHARE_SETTING, repr(before.southern_share)),
                setting_step(MODE_SETTING, before.mode),
            ]
            await remember(uow, event_id, "balance", steps)
            if share is not None:
                await uow.events.set_setting(event_id, SHARE_SETTING, repr(float(share)))
            if mode is not None:
                await uow.events.set_setting(event_id, MODE_SETTING, mode)
        await self.ctx.changed(event_id)
        return await self.ranking_settings(event_id)

    async def now_for(self, event_id: int, questions: list[Question] | None = None) -> datetime:
        """The ranking clock: real time while the webinar runs, its last message once it is over."""
        now = self.ctx.now()
        if questions is None:
            questions = await self.ctx.store.read.questions.all(event_id)
        if not questions:
            return now
        last = max(q.asked_at for q in questions)
        return now if now - last < timedelta(hours=3) else last + timedelta(minutes=1)

    async def ranked(
        self,
        event_id: int,
        top: int | None = None,
        now: datetime | None = None,
        repos: Repos | None = None,
    ) -> list[BoardEntry]:
        """The moderator's prioritised list: queued questions, best first, each with its why."""
        repos = repos or self.ctx.store.read
        questions = await repos.questions.all(event_id, MessageKind.QUESTION)
        voters = await repos.questions.pooled_voters(event_id)
        counted = await repos.questions.report_votes(event_id)  # Zoom Q&A upvotes: nobody named
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
                    votes=len(voters.get(q.id, ())) + counted.get(q.id, 0),
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
        settings = await self.ranking_settings(event_id, repos)
        entries = []
        for ranked in rank_queue(items, now, settings, top=top, answered=history):
            q = by_id[ranked.item.id]
            q.merged_ids = tuple(children.get(q.id, ()))
            age = max(0.0, (now - q.asked_at).total_seconds() / 60)
            unsure = is_unsure(q.theme, q.theme_scores, self.ctx.config.classifier.unsure_below)
            entries.append(
                BoardEntry(ranked.rank, q, ranked.item.votes, ranked.why, ranked.score, age, unsure)
            )
        return entries

    async def moderator_view(self, event_id: int, top: int | None = None) -> list[BoardEntry]:
        """:meth:`ranked` as a moderator's board shows it.

        The questions shown in its top :data:`SEEN_TOP` are remembered (with the best rank each
        reached), so the export can say how Southern the list the moderator saw was.
        """
        entries = await self.ranked(event_id, top=top)
        seen = [(e.question.id, e.rank) for e in entries if e.rank <= SEEN_TOP]
        if seen:
            async with self.ctx.store.unit() as uow:
                await uow.questions.record_board_view(event_id, seen, self.ctx.now())
        return entries

    async def logistics(self, event_id: int) -> list[Question]:
        """Logistics questions (slides, recording, links), oldest first, open ones."""
        return [
            q
            for q in await self.ctx.store.read.questions.all(event_id, MessageKind.LOGISTICS)
            if q.state in (QuestionState.QUEUED, QuestionState.HELD)
        ]

    async def held(self, event_id: int) -> list[Question]:
        """Questions waiting for a moderator's review."""
        return [
            q
            for q in await self.ctx.store.read.questions.all(event_id, MessageKind.QUESTION)
            if q.state is QuestionState.HELD
        ]

    async def question(self, question_id: int) -> Question:
        """A question by id; a clear error when it does not exist."""
        found = await self.ctx.store.read.questions.get(question_id)
        if found is None:
            raise BarazaError(f"no question with id {question_id}")
        return found

    async def questions_of(
        self, event_id: int, person_key: str
    ) -> list[tuple[Question, int | None]]:
        """A participant's own questions with their current rank (None when not queued)."""
        read = self.ctx.store.read
        participant = await read.people.find(event_id, person_key)
        if participant is None:
            return []
        ranks = {e.question.id: e.rank for e in await self.ranked(event_id)}
        mine = [q for q in await read.questions.all(event_id) if q.participant_id == participant.id]
        return [(q, ranks.get(q.merged_into or q.id)) for q in mine]
