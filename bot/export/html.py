"""The export as one self-contained, printable HTML page.

Nothing outside the file is referenced: styles are inline, the charts are ``data:`` PNGs, there
are no scripts, fonts, links or external images, so the page reads the same offline and in an
archive. Every piece of participant text goes through :func:`html.escape`.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from html import escape

from bot.export.charts import southern_share_chart, theme_region_chart
from bot.export.report import Report, Table, build_report

_CSS = """
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1d1d1d;
       margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; border-bottom: 3px solid #1b7f5f; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; color: #14543f; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.2rem; font-size: .85rem; }
caption { text-align: left; font-weight: bold; padding: .2rem 0; }
th, td { border: 1px solid #c9c9c9; padding: .25rem .4rem; vertical-align: top; text-align: left; }
th { background: #eef4f1; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; }
dl.meta dt { font-weight: bold; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; }
p.empty { color: #666; font-style: italic; }
td.q { width: 38%; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section.theme, section.method { page-break-before: always; }
  tr, figure { page-break-inside: avoid; }
}
"""


def _table(table: Table, css_class: str = "") -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    body = []
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row):
            cls = ' class="q"' if css_class == "questions" and i == 1 else ""
            cells.append(f"<td{cls}>{escape(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    attr = f' class="{css_class}"' if css_class else ""
    return (
        f"<table{attr}><caption>{escape(table.caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _image(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<figure><img alt="{escape(alt)}" src="data:image/png;base64,{data}"></figure>'


def render_html(doc: Mapping[str, object], lang: str = "en") -> str:
    """The export as a self-contained HTML page with labels in ``lang``."""
    report: Report = build_report(doc, lang)
    L = report.labels
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title><style>{_CSS}</style></head><body>",
        f'<header><h1>{escape(report.title)}</h1><dl class="meta">',
    ]
    for key, value in report.meta:
        parts.append(f"<dt>{escape(key)}</dt><dd>{escape(value)}</dd>")
    parts.append("</dl></header>")
    parts.append(f'<section id="summary" class="summary"><h2>{escape(L["summary"])}</h2>')
    parts.append(_image(theme_region_chart(doc, L), L["chart_theme_region"]))
    parts.append(_image(southern_share_chart(doc, L), L["chart_share"]))
    parts.extend(_table(t) for t in report.summary)
    parts.append("</section>")
    for section in report.sections:
        parts.append(
            f'<section id="theme-{section.theme}" class="theme"><h2>{escape(section.title)}</h2>'
        )
        if section.empty:
            parts.append(f'<p class="empty">{escape(section.empty)}</p>')
        else:
            parts.append(_table(section.table, "questions"))
        parts.append("</section>")
    parts.append(f'<section id="method" class="method"><h2>{escape(report.method_title)}</h2>')
    parts.extend(f"<p>{escape(p)}</p>" for p in report.method)
    parts.append("</section>")
    parts.append(f'<section id="chat" class="chat"><h2>{escape(report.chat.caption)}</h2>')
    parts.append(_table(report.chat, "chat"))
    parts.append("</section></body></html>\n")
    return "\n".join(parts)
