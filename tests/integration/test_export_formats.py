"""The ministry export in every format, from a real store after a moderated webinar.

The webinar is the demo's (six languages, names, emails in the registration report and in the
chat, a private message, spam); a moderator looks at the board, answers, retags and merges.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import shutil
import subprocess
import zipfile
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.core.model import MessageKind, QuestionState
from bot.demo.replay import demo_files
from bot.export.transcript import FORMATS, render
from bot.sources.zoom import parse_chat_text, parse_registration_report
from bot.usecases import Service

DAY = date(2026, 11, 20)
THEME_HEADINGS = ("Policy discussion", "Civic power", "System change", "Other questions")


async def moderated_webinar(service: Service) -> int:
    chat, report = demo_files()
    registrants = parse_registration_report(report)
    event = await service.events.open("Dialogue with the Ministry", "zoom", DAY)
    await service.people.import_registrants(
        event.id,
        [(r.display_name, r.email, r.country, r.organisation, r.name_consent) for r in registrants],
    )
    await service.intake.ingest(event.id, parse_chat_text(chat, DAY, "demo"))
    board = await service.queue.moderator_view(event.id, top=10)
    await service.moderation.set_state(board[0].question.id, QuestionState.ANSWERED)
    await service.moderation.set_state(board[1].question.id, QuestionState.ANSWERED)
    questions = await service.store.read.questions.all(event.id, MessageKind.QUESTION)
    english = next(q for q in questions if q.text.startswith("Is policy coherence"))
    dutch = next(q for q in questions if q.text.startswith("Hoe zorgt het kabinet"))
    if dutch.state is not QuestionState.MERGED:
        await service.moderation.merge(dutch.id, english.id)
    core = next(q for q in questions if "ufadhili wa msingi" in q.text)
    await service.moderation.retag(core.id, "policy" if core.theme != "policy" else "system")
    await service.queue.moderator_view(event.id, top=10)
    return event.id


@pytest.fixture
async def exported(service: Service, tmp_path: Path) -> tuple[Service, int, dict[str, bytes]]:
    event_id = await moderated_webinar(service)
    doc = await service.exports.document(event_id)
    files = {fmt: render(doc, fmt) for fmt in FORMATS}
    for fmt, data in files.items():
        (tmp_path / f"export.{fmt}").write_bytes(data)
    return service, event_id, files


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


async def test_docx_has_headings_tables_and_charts(exported: tuple[Service, int, dict]) -> None:
    import docx

    _, _, files = exported
    document = docx.Document(io.BytesIO(files["docx"]))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == "Themed transcript: Dialogue with the Ministry"
    for title in ("Summary", "Method", "Public chat (for the record)"):
        assert title in headings
    for theme in THEME_HEADINGS:
        assert any(h.startswith(theme + " (") for h in headings), headings
    assert len(document.inline_shapes) == 2  # the two charts
    images = [p for p in document.part.package.parts if p.content_type == "image/png"]
    assert len(images) == 2 and all(img.blob.startswith(b"\x89PNG") for img in images)
    tables = document.tables
    assert len(tables) >= 3 + 4  # summary tables, then one per theme with questions, the chat
    first_rows = [[c.text for c in t.rows[0].cells] for t in tables]
    assert ["Theme", "Southern", "Northern", "unknown", "total"] in first_rows
    cells = " ".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert "Comment le ministère compte-t-il protéger les défenseurs" in cells
    assert "Retagged by the moderator" in cells and "Merged duplicates" in cells


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.tags: list[str] = []
        self.refs: list[tuple[str, str, str]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if tag == "section" and name == "id":
                self.sections.append(value or "")
            if name in ("src", "href", "srcset", "action", "data", "poster", "style"):
                self.refs.append((tag, name, value or ""))

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


async def test_html_has_every_section_and_nothing_outside_itself(
    exported: tuple[Service, int, dict],
) -> None:
    _, _, files = exported
    page = _Page()
    page.feed(files["html"].decode("utf-8"))
    assert page.sections == [
        "summary",
        "theme-policy",
        "theme-civic",
        "theme-system",
        "theme-other",
        "method",
        "chat",
    ]
    for tag in ("script", "link", "iframe", "object", "embed", "base"):
        assert tag not in page.tags
    images = [value for tag, name, value in page.refs if tag == "img" and name == "src"]
    assert len(images) == 2 and all(v.startswith("data:image/png;base64,") for v in images)
    assert all(tag == "img" and name == "src" for tag, name, _ in page.refs)  # no links at all
    assert "url(" not in page.style and "@import" not in page.style
    assert "@media print" in page.style  # printable


async def test_csv_and_json_carry_every_question_as_the_store_has_it(
    exported: tuple[Service, int, dict],
) -> None:
    service, event_id, files = exported
    doc = json.loads(files["json"])
    rows = list(csv.DictReader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    stored = [
        q
        for q in await service.store.read.questions.all(event_id, MessageKind.QUESTION)
        if q.state is not QuestionState.HELD  # spam waiting for review is left out
    ]
    assert [q["id"] for q in doc["questions"]] == [q.id for q in stored]
    assert [int(r["id"]) for r in rows] == [q.id for q in stored]
    voters = await service.store.read.questions.pooled_voters(event_id)
    for q, j, c in zip(stored, doc["questions"], rows, strict=True):
        assert (j["state"], c["state"]) == (q.state.value, q.state.value)
        assert j["theme"] == c["theme"] == q.theme or q.merged_into is not None
        assert j["language"] == c["language"] == q.language
        assert j["votes"] == int(c["votes"]) == len(voters.get(q.id, ()))
        assert j["merged_into"] == q.merged_into
        assert j["region"] == c["region"] == q.region.value
        assert j["country_code"] == c["country_code"] == (q.country or None) or not q.country
        assert set(c) >= {"time", "organisation_type", "confidence", "retags", "answered"}
    assert sum(q["answered"] for q in doc["questions"]) == 2
    assert any(q["retags"] for q in doc["questions"])
    summary = doc["summary"]
    assert summary["duplicates_merged"] >= 1
    assert summary["southern_share"]["top10_seen"]["total"] >= 10
    assert set(summary["languages"]) >= {"en", "nl", "fr", "es", "pt", "sw"}


async def test_no_private_message_email_or_unconsented_name_in_any_format(
    service: Service, tmp_path: Path
) -> None:
    event_id = await moderated_webinar(service)
    for names in (False, True):
        doc = await service.exports.document(event_id, include_names=names)
        for fmt in FORMATS:
            data = render(doc, fmt)
            text = docx_text(data) if fmt == "docx" else data.decode("utf-8-sig")
            for secret in (
                "put my question first",
                "06-12345678",
                "@example",
                "fatima.cossa@",
                "Grace",
                "Pieter",
                "Esperance",
                "Wanjiru",
                "Emma Visser",
                "followers-cheap",
            ):
                assert secret not in text, (names, fmt, secret)
            assert ("Amani Mushi" in text) is names, fmt  # consented at registration


async def test_exporting_twice_gives_the_same_content(service: Service) -> None:
    event_id = await moderated_webinar(service)
    first = await service.exports.document(event_id)
    second = await service.exports.document(event_id)
    assert first["generated_at"]
    # distinct stamps that nothing else in the export can contain: as if exported years apart
    first["generated_at"] = "2098-01-01T00:00:00+00:00"
    second["generated_at"] = "2099-01-01T00:00:00+00:00"

    def content(doc: dict, fmt: str) -> bytes:
        data = render(doc, fmt)
        if fmt == "docx":  # docProps/core.xml holds the generation time as its creation time
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                data = b"".join(z.read(n) for n in z.namelist() if n != "docProps/core.xml")
        return data.replace(str(doc["generated_at"]).encode(), b"<T>")

    for fmt in FORMATS:
        assert content(first, fmt) == content(second, fmt), fmt
    assert render(first, "docx") == render(first, "docx")  # the file itself is reproducible


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


async def test_html_renders_in_headless_chromium(
    exported: tuple[Service, int, dict], tmp_path: Path
) -> None:
    from PIL import Image

    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is not installed (CI installs it in .ci/run)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    page, shot = tmp_path / "export.html", tmp_path / "export.png"
    result = await asyncio.to_thread(
        subprocess.run,
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            "--window-size=1200,1800",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), result.stderr.decode(errors="replace")[-2000:]
    with Image.open(shot) as image:
        rgb = image.convert("RGB")
        assert rgb.size == (1200, 1800)
        raw = rgb.resize((120, 180)).tobytes()
    pixels = [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]
    ink = [p for p in pixels if sum(p) < 600]  # anything clearly darker than white
    greens = [p for p in pixels if p[1] > p[0] + 40 and p[1] > p[2] + 20]  # chart bars
    assert len(ink) > len(pixels) * 0.03, "the page rendered blank"
    assert greens, "the charts did not render"
    assert len(set(pixels)) > 50


async def test_views_answers_and_retags_are_recorded(service: Service) -> None:
    event_id = await moderated_webinar(service)
    views = await service.store.read.questions.board_views(event_id)
    assert len(views) >= 10 and min(views.values()) == 1
    retags = await service.store.read.questions.retags(event_id)
    assert len(retags) == 1
    doc = await service.exports.document(event_id)
    answered = [q for q in doc["questions"] if q["answered"]]
    assert len(answered) == 2 and all(q["answered_at"] for q in answered)
    stamp = datetime.fromisoformat(str(answered[0]["answered_at"]))
    assert stamp.tzinfo is not None and stamp <= datetime.now(UTC)
