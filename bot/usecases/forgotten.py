"""Who asked to be forgotten in an event, so that nothing brings them back.

``forget`` records keyed hashes (:func:`bot.store.privacy.forgotten_digest`) of the person's
name keys, lowercased email addresses and source person keys; a later registration report, Q&A
report, chat import or webhook message is checked against them here. Only hashes are stored and
compared: the database keeps no readable trace of whom it must not re-create.

What each kind of hash matches:

- ``name``: recorded by ``baraza forget NAME`` (everyone of that name in the event). Matches
  registration rows and chat authors of that name (with or without a country suffix).
- ``registrant``: a name recorded by ``/forget`` of one account (Discord). Matches registration
  rows only: another account that happens to share the display name is not silenced.
- ``email``: matches registration rows and chat authors whose source gives that address.
- ``key``: a source's person key (a Discord user id, a webhook sender's address).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.core.privacy import EMAIL, EMAIL_MARK, NAME_MARK
from bot.core.regions import name_keys
from bot.core.text import name_key
from bot.store import Repos
from bot.store.privacy import forgotten_digest

#: The kind of value each suppression kind hashes (a ``registrant`` row hashes a name).
_VALUE_KIND = {"name": "name", "registrant": "name", "email": "email", "key": "key"}
_WORD = re.compile(r"\w+")
#: A forgotten full name is looked for as 2 to this many words in a row.
MAX_NAME_WORDS = 5


def normal_email(email: str) -> str:
    """An email address as it is hashed (trimmed, lowercased)."""
    return email.strip().lower()


def digests(
    secret: bytes,
    *,
    names: Iterable[str] = (),
    emails: Iterable[str | None] = (),
    keys: Iterable[str] = (),
    name_kind: str = "name",
) -> set[tuple[str, str]]:
    """The (kind, digest) rows that make one person forgotten (``name_kind``: see module)."""
    found: set[tuple[str, str]] = set()
    for name in names:
        for key in name_keys(name):
            found.add((name_kind, forgotten_digest(secret, "name", key)))
    for email in emails:
        if email and normal_email(email):
            found.add(("email", forgotten_digest(secret, "email", normal_email(email))))
    for key in keys:
        if key:
            found.add(("key", forgotten_digest(secret, "key", key)))
    return found


@dataclass
class Forgotten:
    """An event's suppression rows, loaded once for one import or one new participant."""

    secret: bytes | None = None
    rows: dict[tuple[str, str], int] = field(default_factory=dict)

    @classmethod
    async def load(cls, repos: Repos, event_id: int) -> Forgotten:
        """The suppression rows of ``event_id`` (empty, and no key read, when there are none)."""
        rows = await repos.privacy.forgotten(event_id)
        if not rows:
            return cls()
        return cls(await repos.privacy.secret(), rows)

    def __bool__(self) -> bool:
        return bool(self.rows) and self.secret is not None

    def _match(self, kinds: Iterable[str], value: str) -> int | None:
        assert self.secret is not None
        for kind in kinds:
            request = self.rows.get((kind, forgotten_digest(self.secret, _VALUE_KIND[kind], value)))
            if request is not None:
                return request
        return None

    def registrant(self, display_name: str, email: str | None) -> int | None:
        """The forget request a registration row falls under, if any."""
        if not self:
            return None
        for key in name_keys(display_name):
            if (found := self._match(("name", "registrant"), key)) is not None:
                return found
        if email and normal_email(email):
            return self._match(("email",), normal_email(email))
        return None

    def author(self, display_name: str, email: str | None, person_key: str) -> int | None:
        """The forget request a chat author (new to the event) falls under, if any."""
        if not self:
            return None
        if person_key and (found := self._match(("key",), person_key)) is not None:
            return found
        for key in name_keys(display_name):
            if (found := self._match(("name",), key)) is not None:
                return found
        if email and normal_email(email):
            return self._match(("email",), normal_email(email))
        return None

    def scrub(self, text: str) -> str:
        """``text`` with forgotten full names (two or more words in a row, any case or accents)
        as ``[name]`` and forgotten email addresses as ``[email removed]``.

        Only ``name`` hashes count (a ``/forget`` of one account forgets no name). A first name
        or surname alone is not found this way (the hashes hold whole names): running
        ``baraza forget NAME`` again rewrites those, as it did at the first forget.
        """
        if not self:
            return text
        text = EMAIL.sub(
            lambda m: EMAIL_MARK if self._match(("email",), m.group(0).lower()) else m.group(0),
            text,
        )
        words = list(_WORD.finditer(text))
        out: list[str] = []
        at = i = 0
        while i < len(words):
            end = self._name_at(text, words, i)
            if end is None:
                i += 1
                continue
            out.append(text[at : words[i].start()])
            out.append(NAME_MARK)
            at = words[end].end()
            i = end + 1
        out.append(text[at:])
        return "".join(out)

    def _name_at(self, text: str, words: list[re.Match[str]], i: int) -> int | None:
        """The index of the last word of the longest forgotten name starting at word ``i``."""
        last = min(len(words), i + MAX_NAME_WORDS) - 1
        for end in range(last, i, -1):
            gaps = (text[words[k].end() : words[k + 1].start()] for k in range(i, end))
            if not all(gap.isspace() for gap in gaps):
                continue
            key = name_key(text[words[i].start() : words[end].end()])
            if key and self._match(("name",), key) is not None:
                return end
        return None
