"""The moderator's board in a terminal (rich): top questions, live, with the why line."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.core.ranking import RankingSettings
from bot.core.text import shorten
from bot.usecases import BoardEntry, Service

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


def theme_cell(theme: str, unsure: bool) -> Text:
    """The theme column: the label, and ``unsure`` under it when the model's score is weak."""
    cell = Text(THEME_LABEL.get(theme, theme))
    if unsure:
        cell.append("\nunsure", style="yellow")
    return cell


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
            theme_cell(q.theme, entry.unsure),
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


class LiveBoard:
    """A rich Live board that re-renders (debounced) whenever the service reports a change."""

    def __init__(
        self,
        service: Service,
        event_id: int,
        title: str,
        top: int,
        console: Console,
        debounce: float = 0.25,
    ) -> None:
        from rich.live import Live

        self.service = service
        self.event_id = event_id
        self.title = title
        self.top = top
        self.footer = ""
        self._live = Live(console=console, auto_refresh=False, transient=False)
        self._dirty = asyncio.Event()
        self._debounce = debounce
        self._task: asyncio.Task[None] | None = None
        service.add_listener(self._on_change)

    def _on_change(self, event_id: int) -> None:
        if event_id == self.event_id:
            self._dirty.set()

    async def start(self) -> None:
        """Show the board and keep it current."""
        self._live.start()
        await self.render()
        self._task = asyncio.create_task(self._loop())

    async def render(self) -> None:
        """Draw the current queue now."""
        entries = await self.service.queue.moderator_view(self.event_id, top=self.top)
        settings = await self.service.queue.ranking_settings(self.event_id)
        title = f"Baraza: {self.title}"
        self._live.update(
            render_board(entries, settings, title=title, footer=self.footer), refresh=True
        )

    async def _loop(self) -> None:
        while True:
            await self._dirty.wait()
            await asyncio.sleep(self._debounce)
            self._dirty.clear()
            await self.render()

    async def stop(self) -> None:
        """Final render, then stop."""
        if self._task:
            self._task.cancel()
        await self.render()
        self._live.stop()
