"""Matching against a forgotten person's keyed hashes (pure: no database)."""

from __future__ import annotations

from bot.usecases.forgotten import Forgotten, digests

SECRET = bytes(range(32))


def _forgotten(**kwargs: object) -> Forgotten:
    rows = digests(SECRET, **kwargs)  # type: ignore[arg-type]
    return Forgotten(SECRET, {row: 1 for row in rows})


def test_the_rows_hold_no_readable_value() -> None:
    rows = digests(
        SECRET, names=["Grace Wanjiru (Kenya)"], emails=["Grace.W@Example.org"], keys=["d:1"]
    )
    assert {kind for kind, _ in rows} == {"name", "email", "key"}
    text = repr(rows).lower()
    assert "grace" not in text and "example" not in text and "d:1" not in text
    # another database (another secret) gives other hashes
    assert rows.isdisjoint(digests(bytes(32), names=["Grace Wanjiru (Kenya)"]))


def test_registrants_match_by_name_or_email() -> None:
    forgotten = _forgotten(names=["Grace Wanjiru"], emails=["grace.w@example.org"])
    assert forgotten.registrant("GRACE WANJIRU (Kenya)", None) == 1
    assert forgotten.registrant("G. Otieno", " Grace.W@EXAMPLE.org ") == 1
    assert forgotten.registrant("Grace Otieno", "grace.o@example.org") is None
    assert Forgotten().registrant("Grace Wanjiru", None) is None


def test_one_account_forgets_its_key_not_its_display_name_in_the_chat() -> None:
    forgotten = _forgotten(names=["Alex"], keys=["discord:1"], name_kind="registrant")
    assert forgotten.author("Alex", None, "discord:1") == 1
    assert forgotten.author("Alex", None, "discord:2") is None
    assert forgotten.registrant("Alex", None) == 1


def test_full_names_and_emails_are_scrubbed_from_new_text() -> None:
    forgotten = _forgotten(names=["Grace Wanjiru"], emails=["grace.w@example.org"])
    assert forgotten.scrub("thanks grace  WANJIRU, mail Grace.W@example.org") == (
        "thanks [name], mail [email removed]"
    )
    assert forgotten.scrub("Grace Wanjiru-Otieno spoke") == "[name]-Otieno spoke"
    # not across punctuation, not a single part, not another address
    assert forgotten.scrub("Grace. Wanjiru and Grace; a@b.org") == (
        "Grace. Wanjiru and Grace; a@b.org"
    )
