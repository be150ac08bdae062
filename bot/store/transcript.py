"""The export's read of the record: public messages joined with authors and questions."""

from __future__ import annotations

import json

from bot.core.model import Region
from bot.store.base import Db, dt
from bot.store.questions import QuestionRepo
from bot.store.records import TranscriptRow


class TranscriptRepo:
    """Reads for the ministry export."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def rows(self, event_id: int) -> list[TranscriptRow]:
        """Every public, non-deleted message of an event in time order, with question data.

        Private messages are filtered here, in SQL, so no export path can ever see them.
        """
        questions = QuestionRepo(self._db)
        voters = await questions.pooled_voters(event_id)
        counted = await questions.report_votes(event_id)
        rows = await self._db.all(
            "SELECT m.id, m.sent_at, p.display_name, p.id, p.country, p.region, p.organisation,"
            " COALESCE(q.text, m.text), m.kind, m.language, q.id, q.theme, q.theme_scores,"
            " q.state, q.merged_into, q.reply_to, p.is_host, p.name_consent, q.hold_reason,"
            " q.theme_source, q.answered_at"
            " FROM messages m JOIN participants p ON p.id=m.participant_id"
            " LEFT JOIN questions q ON q.message_id=m.id"
            " WHERE m.event_id=? AND m.is_private=0 AND m.deleted=0 AND m.kind != 'private'"
            " ORDER BY m.sent_at, m.id",
            (event_id,),
        )
        return [
            TranscriptRow(
                message_id=r[0],
                sent_at=dt(r[1]),
                author=r[2],
                participant_id=r[3],
                country=r[4],
                region=Region(r[5]),
                organisation=r[6],
                text=r[7],
                kind=r[8],
                language=r[9],
                question_id=r[10],
                theme=r[11],
                theme_scores=json.loads(r[12]) if r[12] else {},
                state=r[13],
                votes=len(voters.get(r[10], ())) + counted.get(r[10], 0)
                if r[10] is not None
                else 0,
                merged_into=r[14],
                reply_to=r[15],
                is_host=bool(r[16]),
                name_consent=bool(r[17]),
                hold_reason=r[18],
                theme_source=r[19],
                answered_at=dt(r[20]) if r[20] else None,
            )
            for r in rows
        ]
