"""The import benchmark's generated chat: varied, parseable, with reactions, replies and DMs."""

from collections import Counter
from datetime import UTC, date

from benchmarks.chatgen import chat_lines
from bot.sources.zoom import parse_chat_text


def test_generated_chat_is_varied_and_parses_into_every_kind() -> None:
    messages = parse_chat_text("".join(chat_lines(3000, seed=7)), date(2026, 11, 20), tz=UTC)
    assert len(messages) == 3000
    reactions = [m for m in messages if m.reaction is not None]
    replies = [m for m in messages if m.reply_to_snippet is not None]
    private = [m for m in messages if m.is_private]
    plain = [m.text for m in messages if m.reaction is None and not m.is_private]
    assert 0.15 < len(reactions) / 3000 < 0.25 and any(r.reaction.removed for r in reactions)
    assert 0.05 < len(replies) / 3000 < 0.12 and 0.02 < len(private) / 3000 < 0.06
    assert len(set(plain)) > 0.8 * len(plain)  # not a handful of repeated templates
    asked = [t for t in plain if t.endswith("?")]
    assert len(asked) > 900 and len(set(asked)) > 0.95 * len(asked)
    assert len({m.author_name for m in messages}) > 500
    # every quote is a prefix of a message sent shortly before it
    for message in reactions[:200]:
        snippet = message.reaction.target_snippet.removesuffix("...")
        assert any(t.startswith(snippet) for t in plain), snippet
    assert max(Counter(m.author_name for m in messages).values()) < 0.05 * 3000
