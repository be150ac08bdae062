"""Every saved-chat shape a user can have: client versions, languages, encodings, bad files."""

from datetime import UTC, date
from pathlib import Path

import pytest

from bot.core.text import name_key
from bot.errors import InputError
from bot.sources.zoom import (
    ZoomChatParser,
    iter_chat_file,
    parse_chat_text,
    parse_registration_report,
    read_chat_file,
    read_registration_report,
)

FORMATS = Path(__file__).parents[1] / "fixtures" / "zoom_formats"
DAY = date(2026, 11, 20)


def people(path: str) -> list[tuple[str, str | None, bool]]:
    return [
        (m.author_name, m.recipient, m.is_private) for m in read_chat_file(FORMATS / path, DAY, UTC)
    ]


def test_2025_dated_headers_with_lower_case_direct_message() -> None:
    msgs = read_chat_file(FORMATS / "dated_2025.txt", DAY, UTC)
    assert people("dated_2025.txt") == [
        ("Wanjiru Kamau", "Everyone", False),
        ("Tomás Ferreira", "Everyone", False),
        ("Tomás Ferreira", "Wanjiru Kamau", True),
        ("Jan Smit", "Dr. To Lam (Viet Nam)", True),
    ]
    assert msgs[1].text == "How will the fund reach grassroots groups?\nAnd who decides?"
    assert msgs[0].sent_at.date() == date(2025, 12, 5)  # the header's date wins over the folder's


def test_spanish_one_line_client_with_private_marker_and_continuation() -> None:
    msgs = read_chat_file(FORMATS / "es_old.txt", DAY, UTC)
    assert people("es_old.txt") == [
        ("Ana Lima", None, False),
        ("Ana Lima", "Jorge Ruiz", True),
        ("Jorge Ruiz", None, False),
    ]
    assert msgs[0].text.startswith("¿Cómo") and msgs[2].text == "Gracias Ana\nsegunda línea"


def test_japanese_and_korean_clients() -> None:
    assert people("ja_old.txt") == [("佐藤 花子", "皆様", False), ("佐藤 花子", "Ken Mori", True)]
    assert people("ko_new.txt") == [("김민지", "모두에게", False), ("김민지", "Lee Joon", True)]


def test_french_client_and_a_name_holding_a_colon() -> None:
    assert people("fr_new.txt") == [
        ("Gérard Dubois", "Tout le monde", False),
        ("Gérard Dubois", "Awa Diop", True),
        ("Awa Diop : Ministère", "Tout le monde", False),
    ]


def test_name_with_colon_in_english_new_format_is_not_old_format() -> None:
    text = "10:02:11 From  Ana : Oxfam (Colombia)  to  Everyone:\n\tWhat about funding?\n"
    (msg,) = parse_chat_text(text, DAY, tz=UTC)
    assert msg.author_name == "Ana : Oxfam (Colombia)" and msg.text == "What about funding?"


def test_unknown_format_is_inferred_from_the_file_and_said_once() -> None:
    warnings: list[str] = []
    msgs = [
        m for b in iter_chat_file(FORMATS / "inferred.txt", DAY, UTC, warnings=warnings) for m in b
    ]
    assert [(m.author_name, m.is_private) for m in msgs] == [
        ("Nadia Okoro", False),
        ("Piet Bos", False),
        ("Nadia Okoro", True),
        ("Lina Haddad", False),
    ]
    assert msgs[1].sent_at.hour == 14 and msgs[1].text == "What about core funding?"
    assert len(warnings) == 1 and "inferred" in warnings[0]


def test_cut_growing_file_holds_the_last_message_back() -> None:
    warnings: list[str] = []
    msgs = [
        m
        for b in iter_chat_file(FORMATS / "growing_cut.txt", DAY, UTC, warnings=warnings)
        for m in b
    ]
    assert [m.text for m in msgs] == ["What is the timeline?"]
    assert any("unfinished" in w for w in warnings)


def test_dated_format_without_closing_blank_line_is_unfinished(tmp_path: Path) -> None:
    text = (FORMATS / "dated_2025.txt").read_text()
    cut = tmp_path / "chat.txt"
    cut.write_text(text[: text.rindex("\t\n")])  # the last message lost its closing blank line
    assert len(read_chat_file(cut, DAY, UTC)) == 3
    cut.write_text(text)
    assert len(read_chat_file(cut, DAY, UTC)) == 4


def test_nul_bytes_are_stripped(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(
        b"10:00:00 From  Ann  to  Everyone:\n\tWhat a\x00bout funding?\n" + b"\x00" * 4096 + b"\n"
    )
    (msg,) = read_chat_file(path, DAY, UTC)
    assert msg.text == "What about funding?"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom_files(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes((FORMATS / "ko_new.txt").read_text().encode(encoding))
    assert [m.author_name for m in read_chat_file(path, DAY, UTC)] == ["김민지", "김민지"]


def test_empty_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "meeting_saved_chat.txt"
    for content in (b"", b"\n\n  \n", b"\x00\x00"):
        path.write_bytes(content)
        with pytest.raises(InputError, match="is empty") as info:
            read_chat_file(path, DAY, UTC)
        assert "\n" not in str(info.value)


def test_emoji_only_names_stay_apart() -> None:
    text = "10:00:00 From  😀  to  Everyone:\n\thi\n10:00:05 From  🎉  to  Everyone:\n\tho\n"
    names = [m.author_name for m in parse_chat_text(text, DAY, tz=UTC)]
    assert names == ["😀", "🎉"] and name_key("😀") != name_key("🎉")
    assert name_key("Grace (Kenya)") == "grace kenya"


def test_big_file_streams_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    block = "10:00:00 From  Ann  to  Everyone:\n\tmessage\n"
    path.write_text(block * 5000)
    seen: list[int] = []
    batches = list(iter_chat_file(path, DAY, UTC, batch=1000, progress=seen.append))
    assert sum(len(b) for b in batches) == 5000 and len(batches) >= 5
    assert seen[-1] == path.stat().st_size


def test_line_by_line_feed_equals_whole_file_for_every_format() -> None:
    for path in sorted(FORMATS.glob("*.txt")):
        if path.name == "growing_cut.txt":
            continue
        parser = ZoomChatParser(DAY, UTC)
        got = []
        for line in path.read_text().splitlines():
            got.extend(parser.feed([line]))
        got.extend(parser.flush())
        whole = read_chat_file(path, DAY, UTC)
        assert [m.source_message_id for m in got] == [m.source_message_id for m in whole], path


def test_registration_report_dutch_excel_semicolons() -> None:
    text = "\ufeffFirst Name;Last Name;Email;Country/Region\nAmani;Mushi;a@example.org;Tanzania\n"
    (row,) = parse_registration_report(text)
    assert row.display_name == "Amani Mushi" and row.country == "Tanzania"


def test_registration_report_excel_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    text = "Webinar Registration Report\nFirst Name\tLast Name\tEmail\tCountry/Region\nLucía\tGómez\tl@example.org\tColombia\n"
    path.write_bytes(text.encode("utf-16"))
    (row,) = read_registration_report(path)
    assert row.display_name == "Lucía Gómez" and row.country == "Colombia"


def test_one_line_name_holding_a_colon_keeps_its_tag() -> None:
    text = (
        "09:00:01\t From  Wairimu Njoroge : CSN Kenya : Hello from Nakuru\n"
        "09:00:09\t From  Pedro Alves : Question : what about land rights?\n"
        "09:00:15\t From  Wairimu Njoroge : CSN Kenya : Thanks, will answer later\n"
    )
    msgs = parse_chat_text(text, DAY, tz=UTC)
    assert [m.author_name for m in msgs] == [
        "Wairimu Njoroge : CSN Kenya",
        "Pedro Alves",
        "Wairimu Njoroge : CSN Kenya",
    ]
    assert msgs[1].text == "Question : what about land rights?"


@pytest.mark.parametrize(
    ("recipient", "private"),
    [
        ("Everyone", False),
        ("All panelists and attendees", False),
        ("Hosts and panelists", False),  # an attendee's question for the panel
        ("All panelists", False),
        ("Everyone (in Waiting Room)", True),  # not the meeting's chat
        ("Sala de espera", True),
        ("Bob(Direct Message)", True),
    ],
)
def test_webinar_audiences(recipient: str, private: bool) -> None:
    text = f"10:00:00 From  Ana Lima  to  {recipient}:\n\tWhen will the fund open?\n"
    (msg,) = parse_chat_text(text, DAY, tz=UTC)
    assert (msg.author_name, msg.is_private) == ("Ana Lima", private)


@pytest.mark.parametrize(
    ("header", "sender", "recipient", "private"),
    [  # Russian and Ukrainian clients (words as in a public Ukrainian Zoom chat parser)
        ("От  Олена  кому  Все:", "Олена", "Все", False),
        ("Від  Олена  до  Всі:", "Олена", "Всі", False),
        ("Від  Олена  до  Тарас(Особисте повідомлення):", "Олена", "Тарас", True),
        ("来自  王芳  发送至  所有人:", "王芳", "所有人", False),
        ("De  Ana  para  Todos:", "Ana", "Todos", False),
        ("De  Ana  para  João(Privado):", "Ana", "João", True),
    ],
)
def test_more_localised_headers(header: str, sender: str, recipient: str, private: bool) -> None:
    (msg,) = parse_chat_text(f"10:00:00 {header}\n\tтекст\n", DAY, tz=UTC)
    assert (msg.author_name, msg.recipient, msg.is_private) == (sender, recipient, private)


def who(text: str) -> list[tuple[str, str | None, bool, str]]:
    return [
        (m.author_name, m.recipient, m.is_private, m.text)
        for m in parse_chat_text(text, DAY, tz=UTC)
    ]


def test_the_earliest_complete_private_header_wins_over_a_marker_word_in_the_text() -> None:
    assert who("10:00:00 開始 Ana 終了 Bob（ダイレクトメッセージ） : so (Privately)\n") == [
        ("Ana", "Bob", True, "so (Privately)")
    ]
    assert who("10:00:00 開始 Ana 終了 皆様 : so (Privately) :\n") == [
        ("Ana", "皆様", False, "so (Privately) :")
    ]
    assert who("10:00:00\t From  Ana  to  Bob(Privately) : see (Privately) :\n") == [
        ("Ana", "Bob", True, "see (Privately) :")
    ]


def test_a_public_one_line_text_ending_in_a_marker_word_and_colon_is_text(
    tmp_path: Path,
) -> None:
    # No to-word, no recipient: a private header always names one, so this is Ana's text.
    text = "10:00:00\t From  Ana : so (Privately) :\n"
    assert who(text) == [("Ana", None, False, "so (Privately) :")]
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_text(text, encoding="utf-8")
    assert people_of(path) == [("Ana", None, False)]


def test_a_single_spaced_to_word_in_a_public_name_stays_in_the_name() -> None:
    # "Ana" has written; "Ana do Carmo" is another person, not Ana writing to "Carmo".
    text = "10:00:00\t From  Ana : hi\n10:00:01\t From  Ana do Carmo : hello\n"
    assert [m[:3] for m in who(text)] == [("Ana", None, False), ("Ana do Carmo", None, False)]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_short_utf16_file_without_bom_with_an_emoji_is_text(
    tmp_path: Path, encoding: str
) -> None:
    # U+1F600 is D83D DE00: its low surrogate puts a NUL on the side ASCII never does.
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_bytes("10:00:00\t From  😀 : so funding\n".encode(encoding))
    assert people_of(path) == [("😀", None, False)]


def test_binary_with_nuls_on_both_sides_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        read_chat_file(path, DAY, UTC)


def people_of(path: Path) -> list[tuple[str, str | None, bool]]:
    return [(m.author_name, m.recipient, m.is_private) for m in read_chat_file(path, DAY, UTC)]
