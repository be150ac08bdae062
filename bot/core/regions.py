"""Who speaks from where: countries, the DAC-list rule, and name suffixes.

Default rule: a country on the OECD DAC List of ODA Recipients is ``south``; any other country we
recognise is ``north``; a country we cannot recognise, or no country, is ``unknown`` (never
guessed Southern). The organiser overrides per country or per participant.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.core.model import Region
from bot.core.text import fold, name_key, strip_invisible


@dataclass(frozen=True, slots=True)
class Country:
    """One row of the country table."""

    iso2: str
    name: str
    dac: bool
    aliases: tuple[str, ...] = ()


class CountryTable:
    """Looks countries up by name, alias or ISO code, insensitive to case, accents and invisibles."""

    def __init__(self, countries: Iterable[Country], list_name: str = "") -> None:
        self.list_name = list_name
        self._by_key: dict[str, Country] = {}
        self._by_iso: dict[str, Country] = {}
        for country in countries:
            self._by_iso[country.iso2.upper()] = country
            for name in (country.name, *country.aliases):
                self._by_key[_country_key(name)] = country

    def __len__(self) -> int:
        return len(self._by_iso)

    def lookup(self, text: str | None) -> Country | None:
        """The country ``text`` names, or None. Accepts names, aliases and ISO alpha-2 codes."""
        if not text:
            return None
        key = _country_key(text)
        if not key:
            return None
        found = self._by_key.get(key)
        if found is None and len(key) == 2:
            found = self._by_iso.get(key.upper())
        return found

    def suggest(self, text: str, extra: Iterable[str] = ()) -> str | None:
        """The country name or alias (or one of ``extra``) closest to a misspelt ``text``."""
        spelled: dict[str, str] = {_country_key(word): word for word in extra}
        for country in self._by_iso.values():
            for name in (*country.aliases, country.name):  # the canonical name wins a tie
                spelled[_country_key(name)] = name
        close = difflib.get_close_matches(_country_key(text), list(spelled), n=1, cutoff=0.75)
        return spelled[close[0]] if close else None

    def names(self) -> list[str]:
        """Canonical country names, sorted (for autocomplete)."""
        return sorted(c.name for c in self._by_iso.values())

    def find_in(self, text: str | None) -> Country | None:
        """The country mentioned as a whole word (or phrase) anywhere in ``text``; longest wins."""
        if not text:
            return None
        words = _country_key(text).split()
        for size in range(min(6, len(words)), 0, -1):
            for start in range(len(words) - size, -1, -1):
                phrase = " ".join(words[start : start + size])
                if len(phrase) < 3 and size == 1:
                    continue  # two-letter words are too ambiguous inside free text
                hit = self._by_key.get(phrase)
                if hit is not None:
                    return hit
        return None


def _country_key(text: str) -> str:
    folded = fold(text).replace("&", " and ")
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = re.sub(r"\bthe\b", " ", folded)
    return " ".join(folded.split())


@dataclass(frozen=True, slots=True)
class RegionRules:
    """Organiser overrides. Keys of ``by_participant`` are participant name keys."""

    by_country: Mapping[str, Region]  # ISO2 -> region
    by_participant: Mapping[str, Region]


NO_RULES = RegionRules(by_country={}, by_participant={})


def region_of_country(country: Country | None, rules: RegionRules = NO_RULES) -> Region:
    """Region of a known country: organiser override first, then the DAC list."""
    if country is None:
        return Region.UNKNOWN
    override = rules.by_country.get(country.iso2.upper())
    if override is not None:
        return override
    return Region.SOUTH if country.dac else Region.NORTH


_PAREN_SUFFIX = re.compile(r"[\(\[]([^()\[\]]+)[\)\]]\s*$")
_DASH_SUFFIX = re.compile(r"\s[-–—|/,]\s*([^-–—|/,]+)$")


def country_from_display_name(display_name: str, table: CountryTable) -> Country | None:
    """A country the attendee put in their display name: ``Grace (Kenya)``, ``Jean - CARE Burundi``.

    Only a trailing ``(...)`` group or the part after a final `` - `` is read, so a surname that
    happens to be a country elsewhere in the name is not taken for a country.
    """
    name = strip_invisible(display_name).strip()
    for pattern in (_PAREN_SUFFIX, _DASH_SUFFIX):
        match = pattern.search(name)
        if match:
            part = match.group(1)
            found = table.lookup(part) or table.find_in(part)
            if found is not None:
                return found
    return None


def base_display_name(display_name: str) -> str:
    """The name without a trailing ``(Country)`` or `` - Organisation`` part."""
    name = strip_invisible(display_name).strip()
    for pattern in (_PAREN_SUFFIX, _DASH_SUFFIX):
        name = pattern.sub("", name).strip()
    return name or strip_invisible(display_name).strip()


def name_keys(display_name: str) -> list[str]:
    """Keys a registration row may be filed under for this display name, best first."""
    keys = [name_key(base_display_name(display_name)), name_key(display_name)]
    return list(dict.fromkeys(k for k in keys if k))
