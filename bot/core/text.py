"""Text helpers shared by detection, matching and display: pure functions, no I/O."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and bidi controls that attendees paste into display names (or that Zoom adds).
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")

#: Longest chat text we keep; anything longer is cut (and marked) before it reaches the store.
MAX_TEXT_CHARS = 4000


def strip_invisible(text: str) -> str:
    """Remove zero-width, bidi-control and other invisible format characters."""
    text = _INVISIBLE.sub("", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def clean_text(text: str) -> str:
    """Make hostile chat text safe to store: NFC, no control or invisible characters, bounded."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", strip_invisible(text)).strip()
    if len(text) > MAX_TEXT_CHARS:
        text = text[: MAX_TEXT_CHARS - 1] + "…"
    return text


def fold(text: str) -> str:
    """Case-, accent- and width-insensitive key: 'José  Pérez\u200b' -> 'jose perez'."""
    text = unicodedata.normalize("NFKD", strip_invisible(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text.casefold()).strip()


def name_key(display_name: str) -> str:
    """Matching key for a person's name: folded, punctuation-insensitive."""
    folded = fold(display_name)
    key = _SPACES.sub(" ", re.sub(r"[^\w\s]", " ", folded)).strip()
    # Emoji-only names ("😀", "🎉") have no letters: keep the symbols so they stay apart.
    return key or _SPACES.sub("", folded)


def snippet_key(text: str) -> str:
    """Key for matching Zoom's truncated quote snippets against full message texts."""
    folded = fold(text)
    folded = re.sub(r"(\.\.\.|…)\s*$", "", folded)
    return _SPACES.sub(" ", re.sub(r"[^\w\s]", " ", folded)).strip()


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, on a word boundary where possible."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"
