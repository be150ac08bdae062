"""Questions, votes, retags and what the moderator's boards showed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.core.model import MessageKind, Question, QuestionState, Region
from bot.store.base import Db, dt, now_text, ts

_SELECT = (
    "SELECT q.id, q.event_id, q.message_id, q.participant_id, q.text, q.asked_at, q.language,"
    " q.theme, q.theme_scores, q.state, q.kind, q.pinned, q.merged_into, q.reply_to,"
    " q.hold_reason, p.display_name, p.region, p.country,"
    " (SELECT COUNT(*) FROM votes v WHERE v.question_id=q.id AND v.participant_id != q.participant_id)"
    " + q.report_votes"
    " FROM questions q JOIN participants p ON p.id=q.participant_id"
)


def _question(row: Sequence[Any]) -> Question:
    return Question(
        id=row[0],
        event_id=row[1],
        message_id=row[2],
        participant_id=row[3],
        text=row[4],
        asked_at=dt(row[5]),
        language=row[6],
        theme=row[7],
        theme_scores=json.loads(row[8]),
        state=QuestionState(row[9]),
        kind=MessageKind(row[10]),
        pinned=bool(row[11]),
        merged_into=row[12],
        reply_to=row[13],
        hold_reason=row[14],
        author=row[15],
        region=Region(row[16]),
        country=row[17],
        votes=row[18],
    )


class QuestionRepo:
    """The queue's rows: questions and the votes, retags and board views about them."""

    def __init__(self, db: Db) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------------

    async def get(self, question_id: int) -> Question | None:
        """One question by id (votes counted on this question alone)."""
        row = await self._db.one(f"{_SELECT} WHERE q.id=?", (question_id,))
        return _question(row) if row else None

    async def all(self, event_id: int, kind: MessageKind | None = None) -> list[Question]:
        """All questions of an event (every state), oldest first."""
        if kind is None:
            rows = await self._db.all(f"{_SELECT} WHERE q.event_id=? ORDER BY q.id", (event_id,))
        else:
            rows = await self._db.all(
                f"{_SELECT} WHERE q.event_id=? AND q.kind=? ORDER BY q.id",
                (event_id, kind.value),
            )
        return [_question(r) for r in rows]

    async def embeddings(self, event_id: int, limit: int) -> list[tuple[int, str, bytes]]:
        """(id, text, embedding) of the event's latest ``limit`` open root questions, oldest
        first.

        Open is queued or held; one ordered index walk per state, so the cost is bounded by
        ``limit`` however many questions the event has.
        """
        found: list[tuple[int, str, bytes]] = []
        for state in ("queued", "held"):
            rows = await self._db.all(
                "SELECT id, text, embedding FROM questions WHERE event_id=? AND kind='question'"
                " AND state=? AND embedding IS NOT NULL ORDER BY id DESC LIMIT ?",
                (event_id, state, limit),
            )
            found.extend((r[0], r[1], r[2]) for r in rows)
        return sorted(found)[-limit:] if found else []

    async def find_same_text(self, event_id: int, match_key: str) -> int | None:
        """An open root question with exactly the same normalised text.

        Found through the messages' match key (only the messages with that very text are
        read), not by walking the event's open questions.
        """
        row = await self._db.one(
            "SELECT q.id FROM messages m JOIN questions q ON q.message_id=m.id"
            " WHERE m.event_id=? AND m.match_key=? AND q.kind='question'"
            " AND q.state IN ('queued','held') ORDER BY q.id LIMIT 1",
            (event_id, match_key),
        )
        return int(row[0]) if row else None

    async def times_asked(self, participant_id: int, since: datetime) -> list[datetime]:
        """When a participant asked their panel questions since ``since`` (flood control)."""
        rows = await self._db.all(
            "SELECT asked_at FROM questions WHERE participant_id=? AND kind='question'"
            " AND asked_at >= ?",
            (participant_id, ts(since)),
        )
        return [dt(r[0]) for r in rows]

    async def children_of(self, question_id: int) -> list[int]:
        """Questions merged into ``question_id``."""
        rows = await self._db.all(
            "SELECT id FROM questions WHERE merged_into=? ORDER BY id", (question_id,)
        )
        return [r[0] for r in rows]

    async def theme_set_by_moderator(self, question_id: int) -> bool:
        """Whether a moderator retagged this question (then the model must not overwrite it)."""
        row = await self._db.one("SELECT theme_source FROM questions WHERE id=?", (question_id,))
        return bool(row and row[0] == "moderator")

    async def pooled_voters(self, event_id: int) -> dict[int, set[int]]:
        """For each root question: the distinct people who support it.

        That is everyone who voted on it or on a question merged into it, plus the askers of the
        merged questions; the root's own asker is not counted.
        """
        rows = await self._db.all(
            "SELECT COALESCE(q.merged_into, q.id), v.participant_id FROM votes v"
            " JOIN questions q ON q.id=v.question_id WHERE q.event_id=?"
            " UNION SELECT q.merged_into, q.participant_id FROM questions q"
            " WHERE q.event_id=? AND q.merged_into IS NOT NULL",
            (event_id, event_id),
        )
        askers = {
            r[0]: r[1]
            for r in await self._db.all(
                "SELECT id, participant_id FROM questions WHERE event_id=?", (event_id,)
            )
        }
        pooled: dict[int, set[int]] = {}
        for root, person in rows:
            if askers.get(root) != person:
                pooled.setdefault(root, set()).add(person)
        return pooled

    async def report_votes(self, event_id: int) -> dict[int, int]:
        """Root question id -> votes a report counted for it and the questions merged into it."""
        rows = await self._db.all(
            "SELECT COALESCE(merged_into, id), SUM(report_votes) FROM questions"
            " WHERE event_id=? AND report_votes > 0 GROUP BY COALESCE(merged_into, id)",
            (event_id,),
        )
        return {int(r[0]): int(r[1]) for r in rows}

    async def retags(self, event_id: int) -> dict[int, list[tuple[str, str, datetime]]]:
        """Each retagged question's retags (from, to, when), oldest first."""
        rows = await self._db.all(
            "SELECT r.question_id, r.from_theme, r.to_theme, r.at FROM retags r"
            " JOIN questions q ON q.id=r.question_id WHERE q.event_id=? ORDER BY r.id",
            (event_id,),
        )
        found: dict[int, list[tuple[str, str, datetime]]] = {}
        for qid, old, new, at in rows:
            found.setdefault(qid, []).append((old, new, dt(at)))
        return found

    async def board_views(self, event_id: int) -> dict[int, int]:
        """Question id -> best rank it reached on a moderator's board."""
        rows = await self._db.all(
            "SELECT question_id, best_rank FROM board_views WHERE event_id=?", (event_id,)
        )
        return {r[0]: r[1] for r in rows}

    async def vote_count(self, event_id: int) -> int:
        """How many votes an event's questions have (each person once per question)."""
        row = await self._db.one(
            "SELECT COUNT(*) FROM votes v JOIN questions q ON q.id=v.question_id"
            " WHERE q.event_id=?",
            (event_id,),
        )
        return int(row[0])

    async def voters_by_source(
        self, event_id: int, source: str, source_message_id: str | None = None
    ) -> dict[str, tuple[int, set[str]]]:
        """Source message id -> (question id, person keys of its voters) for each of the
        event's open questions (queued, held or merged) that came from a ``source`` message;
        only that message's entry when ``source_message_id`` is given. Votes on the question
        itself, not pooled with merged ones: these are the votes its message's reactions gave.
        """
        sql = (
            "SELECT m.source_message_id, q.id, p.person_key FROM questions q"
            " JOIN messages m ON m.id=q.message_id"
            " LEFT JOIN votes v ON v.question_id=q.id"
            " LEFT JOIN participants p ON p.id=v.participant_id"
            " WHERE q.event_id=? AND m.source=? AND q.state NOT IN (?, ?)"
        )
        params: list[Any] = [
            event_id,
            source,
            QuestionState.ANSWERED.value,
            QuestionState.DISMISSED.value,
        ]
        if source_message_id is not None:
            sql += " AND m.source_message_id=?"
            params.append(source_message_id)
        found: dict[str, tuple[int, set[str]]] = {}
        for message_id, question_id, key in await self._db.all(sql, params):
            _, voters = found.setdefault(message_id, (question_id, set()))
            if key is not None:
                voters.add(key)
        return found

    # -- writing ---------------------------------------------------------------------------

    async def add(
        self,
        *,
        event_id: int,
        message_id: int,
        participant_id: int,
        text: str,
        asked_at: datetime,
        language: str,
        kind: MessageKind,
        theme: str,
        theme_scores: dict[str, float],
        state: QuestionState,
        merged_into: int | None,
        reply_to: int | None,
        hold_reason: str | None,
        embedding: bytes | None,
    ) -> int:
        """Store a question for a stored message; returns its id."""
        new_id = await self._db.insert(
            "INSERT INTO questions(event_id, message_id, participant_id, text, asked_at, language,"
            " kind, theme, theme_scores, state, merged_into, reply_to, hold_reason, embedding,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                event_id,
                message_id,
                participant_id,
                text,
                ts(asked_at),
                language,
                kind.value,
                theme,
                json.dumps(theme_scores, sort_keys=True),
                state.value,
                merged_into,
                reply_to,
                hold_reason,
                embedding,
                now_text(),
            ),
        )
        assert new_id is not None
        return new_id

    async def set_state(
        self, question_id: int, state: QuestionState, *, merged_into: int | None = None
    ) -> None:
        """Change a question's state (the use case checks the transition first)."""
        now = now_text()
        await self._db.write(
            "UPDATE questions SET state=?, merged_into=?, updated_at=?,"
            " answered_at=CASE WHEN ?='answered' THEN ? ELSE answered_at END WHERE id=?",
            (state.value, merged_into, now, state.value, now, question_id),
        )

    async def set_pinned(self, question_id: int, pinned: bool) -> None:
        """Pin or unpin a question."""
        await self._db.write(
            "UPDATE questions SET pinned=?, updated_at=? WHERE id=?",
            (int(pinned), now_text(), question_id),
        )

    async def set_theme(
        self, question_id: int, theme: str, scores: dict[str, float] | None, source: str
    ) -> None:
        """Set a question's theme (``source='moderator'`` for a retag; scores kept if None)."""
        await self._db.write(
            "UPDATE questions SET theme=?, theme_scores=COALESCE(?, theme_scores),"
            " theme_source=?, updated_at=? WHERE id=?",
            (
                theme,
                json.dumps(scores, sort_keys=True) if scores is not None else None,
                source,
                now_text(),
                question_id,
            ),
        )

    async def set_text(self, question_id: int, text: str) -> None:
        """The asker edited the message behind a question."""
        await self._db.write(
            "UPDATE questions SET text=?, updated_at=? WHERE id=?", (text, now_text(), question_id)
        )

    async def set_report_votes(self, question_id: int, votes: int) -> None:
        """Set the votes a report counted for a question (a re-import sets, never adds)."""
        await self._db.write(
            "UPDATE questions SET report_votes=?, updated_at=? WHERE id=?",
            (votes, now_text(), question_id),
        )

    async def record_retag(self, question_id: int, from_theme: str, to_theme: str) -> None:
        """Remember a moderator's retag (the export shows them)."""
        await self._db.write(
            "INSERT INTO retags(question_id, from_theme, to_theme, at) VALUES (?,?,?,?)",
            (question_id, from_theme, to_theme, now_text()),
        )

    async def record_board_view(
        self, event_id: int, ranks: Sequence[tuple[int, int]], at: datetime
    ) -> None:
        """The moderator was shown these (question id, rank) pairs; keep each one's best rank."""
        await self._db.write_many(
            "INSERT INTO board_views(event_id, question_id, best_rank, first_seen)"
            " VALUES (?,?,?,?) ON CONFLICT(event_id, question_id)"
            " DO UPDATE SET best_rank=CASE WHEN excluded.best_rank < board_views.best_rank"
            " THEN excluded.best_rank ELSE board_views.best_rank END",
            [(event_id, qid, rank, ts(at)) for qid, rank in ranks],
        )

    async def add_vote(self, question_id: int, participant_id: int, at: datetime) -> bool:
        """Record one person's vote; False when they had already voted."""
        added = await self._db.insert(
            "INSERT INTO votes(question_id, participant_id, created_at) VALUES (?,?,?)"
            " ON CONFLICT(question_id, participant_id) DO NOTHING",
            (question_id, participant_id, ts(at)),
            returning="question_id",
        )
        return added is not None

    async def remove_vote(self, question_id: int, participant_id: int) -> bool:
        """Take a vote back; False when there was none."""
        return bool(
            await self._db.write(
                "DELETE FROM votes WHERE question_id=? AND participant_id=?",
                (question_id, participant_id),
            )
        )
