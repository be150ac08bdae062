"""The moderator's board in a terminal (rich): top questions, live, with the why line."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.core.ranking import RankingSettings
from bot.core.text import shorten
from bot.usecases import BoardEntry

REGION_STYLE = {"south": "bold green", "north": "cyan", "unknown": "dim"}
THEME_LABEL = {"policy": "policy", "civic": "civic", "system": "system", "other": "—"}


def settings_line(settings: RankingSettings) -> str:
    """The ranking settings in one line (shown in every board header)."""
    if settings.mode == "off":
        balance = "balance off"
    elif settings.mode == "fair":
        balance = (
            f"FA*IR balance, Southern share {settings.southern_share:.0%}, alpha {settings.alpha:g}"
        )
    else:
        balance = f"floor balance, Southern share {settings.southern_share:.0%}"
    return (
        f"{balance}; recency half-life {settings.half_life_minutes:g} min; "
        f"per-person cap {settings.per_person_cap}"
    )


def render_board(
    entries: Sequence[BoardEntry],
    settings: RankingSettings,
    *,
    title: str = "Baraza: moderator queue",
    footer: str = "",
    text_width: int = 70,
) -> Panel:
    """A rich renderable of the ranked queue."""
    table = Table(expand=True, show_lines=False, pad_edge=False)
    table.add_column("#", justify="right", width=3)
    table.add_column("question", ratio=5)
    table.add_column("theme", width=6)
    table.add_column("from", width=10)
    table.add_column("lang", width=4)
    table.add_column("👍", justify="right", width=3)
    table.add_column("age", justify="right", width=4)
    for entry in entries:
        q = entry.question
        body = Text(shorten(q.text, text_width * 2))
        body.append(f"\n{entry.why}", style="italic dim")
        where = Text(q.country or "?", style=REGION_STYLE.get(q.region.value, ""))
        where.append(f" {q.region.value}", style=REGION_STYLE.get(q.region.value, ""))
        table.add_row(
            ("📌" if q.pinned else str(entry.rank)),
            body,
            THEME_LABEL.get(q.theme, q.theme),
            where,
            q.language,
            str(entry.votes),
            f"{entry.age_minutes:.0f}m",
        )
    if not entries:
        table.add_row("", Text("(no questions in the queue yet)", style="dim"), "", "", "", "", "")
    parts: list[object] = [Text(settings_line(settings), style="dim"), table]
    if footer:
        parts.append(Text(footer, style="dim"))
    return Panel(Group(*parts), title=title)  # type: ignore[arg-type]
