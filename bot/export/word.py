"""The export as a Word document (python-docx): headings, tables and the two charts.

The file is reproducible: the same document gives the same bytes, apart from the generation
time it states, because the zip entries get a fixed timestamp and the core properties take the
document's own ``generated_at``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import datetime

from bot.export.charts import southern_share_chart, theme_region_chart
from bot.export.document import xml_safe
from bot.export.report import Report, Table, build_report

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _table(document, table: Table, widths_cm: list[float] | None = None) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Cm, Pt

    document.add_paragraph(table.caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(xml_safe(text))
        run.bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = xml_safe(text)
    for row in grid.rows:
        for i, cell in enumerate(row.cells):
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
            if widths_cm and i < len(widths_cm):
                cell.width = Cm(widths_cm[i])


def _reproducible(data: bytes) -> bytes:
    """Rewrite the .docx zip with fixed entry timestamps and a fixed entry order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def render_docx(doc: Mapping[str, object], lang: str = "en") -> bytes:
    """The export as .docx bytes with labels in ``lang``."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Inches

    report: Report = build_report(doc, lang)
    L = report.labels
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    props = document.core_properties
    props.title = xml_safe(report.title)
    props.author = "Baraza"
    props.last_modified_by = "Baraza"
    props.language = lang
    generated = datetime.fromisoformat(str(doc["generated_at"])).replace(tzinfo=None)
    props.created = props.modified = generated
    props.revision = 1

    document.add_heading(xml_safe(report.title), level=0)
    for key, value in report.meta:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{key}: ").bold = True
        paragraph.add_run(xml_safe(value))

    document.add_heading(L["summary"], level=1)
    document.add_picture(io.BytesIO(theme_region_chart(doc, L)), width=Inches(6.0))
    document.add_picture(io.BytesIO(southern_share_chart(doc, L)), width=Inches(6.0))
    for table in report.summary:
        _table(document, table)

    question_widths = [1.3, 8.5, 1.4, 4.5, 1.3, 2.0, 6.5]
    for theme in report.sections:
        document.add_heading(xml_safe(theme.title), level=1)
        if theme.empty:
            document.add_paragraph(theme.empty)
        else:
            _table(document, theme.table, question_widths)

    document.add_heading(report.method_title, level=1)
    for text in report.method:
        document.add_paragraph(xml_safe(text))

    document.add_heading(report.chat.caption, level=1)
    _table(document, report.chat, [1.8, 3.5, 2.0, 18.0])

    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())
