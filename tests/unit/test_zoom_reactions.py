"""Localised Zoom reaction and reply lines (shapes inferred, see bot/sources/zoom/_reactions.py)."""

from datetime import UTC, date

import pytest

from bot.sources.zoom import parse_chat_text

DAY = date(2026, 11, 20)
SNIPPET = "How will the ministry fund lo..."

REACTIONS = {
    "en": f'Reacted to "{SNIPPET}" with 👍',
    "en-curly": f"Reacted to “{SNIPPET}” with 👍",
    "fr": f'A réagi à "{SNIPPET}" avec 👍',
    "fr-guillemets": f"A réagi à «{SNIPPET}» avec 👍",
    "es": f'Reaccionó a "{SNIPPET}" con 👍',
    "pt": f'Reagiu a "{SNIPPET}" com 👍',
    "de-perfect": f'Hat mit 👍 auf "{SNIPPET}" reagiert',
    "de-low-quotes": f"Hat mit 👍 auf „{SNIPPET}“ reagiert",
    "de-past": f'Reagierte auf "{SNIPPET}" mit 👍',
    "nl": f'Reageerde op "{SNIPPET}" met 👍',
    "it": f'Ha reagito a "{SNIPPET}" con 👍',
    "ja": f'"{SNIPPET}"に👍で反応しました',
    "ja-brackets": f"「{SNIPPET}」に👍で反応しました",
    "ko": f'"{SNIPPET}"에 👍(으)로 반응함',
    "ko-ro": f"“{SNIPPET}”에 👍로 반응함",
    "zh": f'对"{SNIPPET}"做出了👍回应',
    "zh-curly": f"对“{SNIPPET}”做出了👍回应",
}

REPLIES = {
    "en": f'Replying to "{SNIPPET}"',
    "fr": f'En réponse à "{SNIPPET}"',
    "es": f'Respondiendo a "{SNIPPET}"',
    "pt": f"Respondendo a “{SNIPPET}”",
    "de": f'Antwort auf "{SNIPPET}"',
    "nl": f'Antwoord op "{SNIPPET}"',
    "it": f'Risposta a "{SNIPPET}"',
    "ja": f"「{SNIPPET}」に返信",
    "ko": f'"{SNIPPET}"에 답장',
    "zh": f"回复“{SNIPPET}”",
}


def _one(body: str) -> object:
    chat = f"10:01:00 From  Ana Lima (Peru)  to  Everyone:\n\t{body}\n"
    (message,) = parse_chat_text(chat, DAY, tz=UTC)
    return message


@pytest.mark.parametrize("language", sorted(REACTIONS))
def test_localised_reaction_lines_are_reactions(language: str) -> None:
    message = _one(REACTIONS[language])
    assert message.reaction is not None, language
    assert message.reaction.emoji == "👍" and not message.reaction.removed
    assert message.reaction.target_snippet == SNIPPET


@pytest.mark.parametrize("language", sorted(REPLIES))
def test_localised_reply_lines_quote_their_target(language: str) -> None:
    chat = f"10:01:00 From  Ana  to  Everyone:\n\t{REPLIES[language]}\n\tAnd what about Peru?\n"
    (message,) = parse_chat_text(chat, DAY, tz=UTC)
    assert message.reaction is None
    assert message.reply_to_snippet == SNIPPET
    assert message.text == "And what about Peru?"


def test_a_snippet_holding_quotes_runs_to_the_last_closing_quote() -> None:
    message = _one('A réagi à "Il a dit "non" au ministère..." avec 👏')
    assert message.reaction is not None and message.reaction.emoji == "👏"
    assert message.reaction.target_snippet == 'Il a dit "non" au ministère...'


@pytest.mark.parametrize(
    "text",
    [
        "Reacted to the minister's speech with enthusiasm",  # no quoted snippet
        'Ha reagito a "tutto" con calma e poi ha chiesto di più',  # more after the emoji
        'Ha reagito a "tutto" con calma',  # a word, not an emoji
        'I reacted to "this" with 👍 yesterday',  # the sentence does not open the message
        "对这个问题做出了回应",  # no quotes
    ],
)
def test_sentences_that_only_look_like_reactions_stay_messages(text: str) -> None:
    message = _one(text)
    assert message.reaction is None and message.text == text
