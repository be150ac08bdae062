"""The export's two charts as PNG bytes (matplotlib, Agg, no global pyplot state).

Charts are drawn from the document alone and are byte-for-byte the same for the same
document: no timestamps or software versions in the PNG metadata, fixed size and fonts.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping

from bot.core.model import THEMES

COLOURS = {"south": "#1b7f5f", "north": "#5b6fa8", "unknown": "#b8b8b8"}
_DPI = 110


def _figure(width: float, height: float):  # type: ignore[no-untyped-def]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=_DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None}, bbox_inches="tight")
    return buffer.getvalue()


def theme_region_chart(doc: Mapping[str, object], L: Mapping[str, str]) -> bytes:
    """Horizontal stacked bars: questions asked per theme, split by region."""
    summary = doc["summary"]
    assert isinstance(summary, dict)
    counts = summary["questions_by_theme_and_region"]
    fig = _figure(6.4, 2.8)
    ax = fig.add_subplot()
    themes = list(reversed(THEMES))
    left = [0] * len(themes)
    for region in ("south", "north", "unknown"):
        values = [int(counts[t][region]) for t in themes]
        bars = ax.barh(
            [L[t] for t in themes], values, left=left, color=COLOURS[region], label=L[region]
        )
        for bar, value in zip(bars, values, strict=True):
            if value:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    str(value),
                    ha="center",
                    va="center",
                    color="white",
                    fontsize=9,
                )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_title(L["chart_theme_region"], fontsize=11)
    ax.set_xlabel(L["questions"])
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _png(fig)


def southern_share_chart(doc: Mapping[str, object], L: Mapping[str, str]) -> bytes:
    """Bars of the Southern share among participants, asked, seen in the top 10 and answered."""
    summary = doc["summary"]
    assert isinstance(summary, dict)
    shares = summary["southern_share"]
    keys = ("participants", "asked", "top10_seen", "answered")
    values = []
    for key in keys:
        entry = shares.get(key)
        share = entry.get("share") if isinstance(entry, dict) else None
        values.append(100 * float(share) if share is not None else 0.0)
    fig = _figure(6.4, 2.8)
    ax = fig.add_subplot()
    bars = ax.bar([textwrap.fill(L[k], 16) for k in keys], values, color=COLOURS["south"])
    for bar, key, value in zip(bars, keys, values, strict=True):
        entry = shares.get(key)
        text = (
            f"{value:.0f} %" if isinstance(entry, dict) and entry.get("share") is not None else "–"
        )
        ax.text(bar.get_x() + bar.get_width() / 2, value + 2, text, ha="center", fontsize=9)
    target = shares.get("target")
    if target is not None:
        ax.axhline(
            100 * float(target), color="#444444", linestyle="--", linewidth=1, label=L["target"]
        )
        ax.legend(loc="upper right", fontsize=8, frameon=False)
    ax.set_ylim(0, 110)
    ax.set_ylabel("%")
    ax.set_title(L["chart_share"], fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="x", labelsize=8)
    return _png(fig)
