"""The moderator board as an embed: a pure function of the ranked queue.

:func:`render_board_embed` always fits Discord's limits (description ≤ 4096, ≤ 25 fields,
≤ 6000 characters in all), whatever the questions contain.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot import discord_support as support
from bot.boards.terminal import settings_line
from bot.core.ranking import RankingSettings
from bot.core.text import shorten
from bot.usecases import BoardEntry
from cogs._common import BarazaContext, safe_text

BOARD_TITLE = "Baraza · moderator board"
THEME_LABEL = {
    "policy": "policy",
    "civic": "civic power",
    "system": "system change",
    "other": "other",
}
EMBED_TOTAL = 6000
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
_NAME_LIMIT = 120  # our field names are short; the cap keeps the budget below safe
_WHY_LIMIT = 200
_MARGIN = 20
COLOUR_LIVE = discord.Colour.teal()
COLOUR_PAUSED = discord.Colour.light_grey()


def _age(minutes: float) -> str:
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes:.0f} min"
    return f"{int(minutes // 60)} h {int(minutes % 60):02d}"


def _field_name(entry: BoardEntry) -> str:
    q = entry.question
    place = "📌" if q.pinned else f"#{entry.rank}"
    where = q.region.value + (f" ({q.country})" if q.country else "")
    parts = [
        place,
        f"Q{q.id}",
        THEME_LABEL.get(q.theme, q.theme) + (" (unsure)" if entry.unsure else ""),
        where,
        q.language,
        f"👍 {entry.votes}",
        _age(entry.age_minutes),
    ]
    if q.merged_ids:
        parts.append(f"+{len(q.merged_ids)} merged")
    return shorten(" · ".join(parts), _NAME_LIMIT)


def _footer(held_count: int, shown: int) -> str:
    parts = []
    if held_count:
        parts.append(
            f"⏸️ {held_count} held for review (Apps → Add to queue on a message releases it)"
        )
    else:
        parts.append("nothing held for review")
    if shown:
        parts.append("buttons act on the question shown first")
    return " · ".join(parts)


def render_board_embed(
    entries: Sequence[BoardEntry],
    settings: RankingSettings,
    paused: bool,
    held_count: int,
    *,
    event_name: str = "",
) -> discord.Embed:
    """The board as an embed: top questions with rank, theme, region, language, votes, age, why.

    Participant text is escaped (markdown, mentions) and cut so the embed fits Discord's limits
    whatever the questions contain.
    """
    entries = list(entries)[:EMBED_FIELDS]
    title = BOARD_TITLE + (" · ⏸️ PAUSED" if paused else "")
    lines = []
    if event_name:
        lines.append(f"**{safe_text(event_name, 200)}**")
    lines.append(settings_line(settings))
    if paused:
        lines.append(
            "⏸️ **Q&A paused**: questions are still recorded; "
            "the buttons wait until a moderator runs `/pause` again."
        )
    if not entries:
        lines.append("No questions in the queue yet.")
    description = "\n".join(lines)[:EMBED_DESCRIPTION]
    footer = _footer(held_count, len(entries))
    embed = discord.Embed(
        title=title,
        description=description,
        colour=COLOUR_PAUSED if paused else COLOUR_LIVE,
    )
    embed.set_footer(text=footer)
    names = [_field_name(e) for e in entries]
    room = EMBED_TOTAL - len(title) - len(description) - len(footer) - sum(map(len, names))
    per_value = min(FIELD_VALUE, (room - _MARGIN) // max(1, len(entries)))
    for entry, name in zip(entries, names, strict=True):
        why_limit = min(_WHY_LIMIT, per_value // 3)
        why = safe_text(entry.why, max(0, why_limit - 2))
        why_part = f"\n*{why}*" if why else ""
        text = safe_text(entry.question.text, per_value - len(why_part)) or "(empty)"
        embed.add_field(name=name, value=(text + why_part)[:per_value], inline=False)
    return embed


async def current_board_embed(
    ctx: BarazaContext, top: int
) -> tuple[discord.Embed, list[BoardEntry]]:
    """The board embed for the event's queue as it is now (the live board and ``/queue``)."""
    service, event_id = ctx.service, ctx.event_id
    entries = await service.queue.moderator_view(event_id, top=top)
    embed = render_board_embed(
        entries,
        await service.queue.ranking_settings(event_id),
        await support.is_paused(service, event_id),
        await support.held_count(service, event_id),
        event_name=ctx.event_name,
    )
    return embed, entries


def is_board_message(message: discord.Message, bot_user_id: int) -> bool:
    """Whether ``message`` is a board this bot posted (used to find it again in the pins)."""
    return message.author.id == bot_user_id and any(
        (embed.title or "").startswith(BOARD_TITLE) for embed in message.embeds
    )
