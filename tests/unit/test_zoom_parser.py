"""Zoom saved-chat parsing: both client formats, cloud format, replies, reactions, privacy."""

from datetime import UTC, date, timedelta
from pathlib import Path

import pytest

from bot.errors import InputError
from bot.sources.zoom import (
    ZoomChatParser,
    date_from_path,
    parse_chat_text,
    parse_registration_report,
    read_chat_file,
    read_registration_report,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
DAY = date(2026, 11, 20)


def test_old_format_with_multiline_private_and_reactions() -> None:
    msgs = read_chat_file(FIXTURES / "zoom_old.txt", DAY, UTC)
    assert [m.author_name for m in msgs] == [
        "Timothy D Wrenn",
        "Matthew Meidt",
        "Grace (Kenya)",
        "Jean - CARE Burundi",
        "Tim Jansen",
        "Timothy D Wrenn",
        "Ann",
    ]
    assert msgs[0].text.startswith("Q: How will the ministry")
    assert msgs[0].sent_at.hour == 13 and msgs[0].sent_at.minute == 35
    assert msgs[1].is_private and msgs[1].recipient == "Luke"
    assert msgs[2].text == (
        "Will the ministry fund local organisations directly\nwithout Dutch intermediaries?\n"
        "And with core funding?"
    )
    assert msgs[3].reaction is not None and msgs[3].reaction.emoji == "👍"
    assert msgs[3].reaction.target_snippet == "Will the ministry fund local org..."
    assert msgs[6].is_private and msgs[6].recipient == "Bob"
    # 00:00:00 after 13:39 is past midnight: the next day
    assert msgs[6].sent_at - msgs[5].sent_at == timedelta(hours=10, minutes=21)


def test_new_format_bodies_replies_reactions_and_recipients() -> None:
    msgs = read_chat_file(FIXTURES / "zoom_new.txt", DAY, UTC)
    by_author = [(m.author_name, m.recipient) for m in msgs]
    assert by_author[0] == ("Pieter de Vries", "Everyone")
    assert msgs[1].text == (
        "Q: How can the ministry protect activists\nwho face arrest for peaceful protest?"
    )
    assert msgs[2].is_private and msgs[2].author_name == "John Doe"
    assert msgs[2].recipient == "Open Mike"
    assert msgs[3].reaction.emoji == "👍" and not msgs[3].reaction.removed
    assert msgs[5].reaction.removed and msgs[5].author_name == "Emma Visser"
    assert msgs[6].reply_to_snippet == "Q: How can the ministry protect..."
    assert msgs[6].text.startswith("Na je, wizara")
    assert msgs[9].recipient == "Hosts and panelists" and not msgs[9].is_private


def test_cloud_recording_format_uses_elapsed_time() -> None:
    msgs = read_chat_file(FIXTURES / "zoom_cloud.txt", DAY, UTC)
    assert [m.author_name for m in msgs] == ["Alex Morgan", "Alex Morgan", "Fatuma (Uganda)"]
    assert msgs[1].sent_at - msgs[0].sent_at == timedelta(minutes=57, seconds=52)


def test_ids_are_stable_and_distinguish_repeated_messages() -> None:
    text = (FIXTURES / "zoom_new.txt").read_text()
    first = [m.source_message_id for m in parse_chat_text(text, DAY, tz=UTC)]
    again = [m.source_message_id for m in parse_chat_text(text, DAY, tz=UTC)]
    assert first == again and len(set(first)) == len(first)
    twice = "10:00:00 From  A  to  Everyone:\n\thi\n10:00:00 From  A  to  Everyone:\n\thi\n"
    ids = [m.source_message_id for m in parse_chat_text(twice, DAY, tz=UTC)]
    assert len(set(ids)) == 2


def test_incremental_feed_equals_whole_file() -> None:
    lines = (FIXTURES / "zoom_new.txt").read_text().splitlines()
    parser = ZoomChatParser(DAY, UTC)
    got = []
    for line in lines:
        got.extend(parser.feed([line]))
    got.extend(parser.flush())
    whole = parse_chat_text("\n".join(lines), DAY, tz=UTC)
    assert [m.source_message_id for m in got] == [m.source_message_id for m in whole]


def test_hostile_text_is_cleaned() -> None:
    text = "10:00:00 From  Eve\u200b  to  Everyone:\n\tQ: why\x00 not\u202e?\x07\n"
    (msg,) = parse_chat_text(text, DAY, tz=UTC)
    assert msg.author_name == "Eve" and msg.text == "Q: why not?"


def test_missing_binary_and_non_chat_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_chat_file(tmp_path / "nope.txt", DAY)
    binary = tmp_path / "chat.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        read_chat_file(binary, DAY)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("10:00:00 From  Zoë  to  Everyone:\n\tça va\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_chat_file(latin, DAY)
    prose = tmp_path / "prose.txt"
    prose.write_text("Dear all, here are the minutes of the meeting.\n")
    with pytest.raises(InputError, match="does not look like a Zoom chat"):
        read_chat_file(prose, DAY)


def test_registration_report_header_found_after_preamble() -> None:
    rows = read_registration_report(FIXTURES / "registrants.csv")
    assert [r.display_name for r in rows] == [
        "Amani Mushi",
        "Pieter de Vries",
        "Emma Visser",
        "Lucía Rodríguez",
    ]
    assert rows[0].country == "Tanzania" and rows[0].organisation == "Haki Elimu"
    assert rows[2].country is None and rows[2].organisation == "Cordaid Nederland"


def test_malformed_registration_reports() -> None:
    with pytest.raises(InputError, match="no registrant header row"):
        read_registration_report(FIXTURES / "registrants_malformed.csv")
    broken = "First Name,Last Name,Email\nAmani,Mushi,a@x.org,extra,extra,extra,extra\n"
    with pytest.raises(InputError, match="line 2 has 7 columns"):
        parse_registration_report(broken)


def test_meeting_date_from_zoom_folder_name() -> None:
    path = Path("/z/2026-11-20 14.00.05 Dialogue with the Ministry/meeting_saved_chat.txt")
    assert date_from_path(path) == date(2026, 11, 20)
    assert date_from_path(Path("/tmp/chat.txt")) is None


@pytest.mark.parametrize(
    "header",
    [
        "May we show your name in the report to the ministry? (consent)",
        "Toestemming naam in verslag",
        "Consentimiento",
    ],
)
def test_registration_consent_column_is_read(header: str) -> None:
    text = (
        f"First Name,Last Name,Email,Country/Region,{header}\n"
        "Amani,Mushi,amani@example.org,Tanzania,Yes\n"
        "Grace,Wanjiru,grace@example.org,Kenya,no\n"
        "Lucía,Gómez,lucia@example.org,Colombia,Sí\n"
        "Pieter,de Vries,pieter@example.nl,Netherlands,\n"
    )
    consent = {r.display_name: r.name_consent for r in parse_registration_report(text)}
    assert consent == {
        "Amani Mushi": True,
        "Grace Wanjiru": False,
        "Lucía Gómez": True,
        "Pieter de Vries": False,  # no answer is no consent
    }


def test_registration_without_consent_column_names_nobody() -> None:
    text = "First Name,Last Name,Email\nAmani,Mushi,amani@example.org\n"
    assert [r.name_consent for r in parse_registration_report(text)] == [False]
