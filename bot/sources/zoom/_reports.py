"""Zoom webinar reports: the registration report (CSV from the web portal, or re-saved by Excel).

Excel re-saves a report with ``;`` (Dutch, French, German... locales), as "Unicode text" (UTF-16
with tabs) or with a BOM: the delimiter is sniffed from the header row, the encoding from the bytes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from bot.core.text import clean_text
from bot.errors import InputError
from bot.sources.zoom._decode import read_text_file


@dataclass(frozen=True, slots=True)
class Registrant:
    """One row of a Zoom registration report (personal data: keep out of logs)."""

    first_name: str
    last_name: str
    email: str | None
    country: str | None
    organisation: str | None
    name_consent: bool = False  # agreed to be named in exports (a consent column said yes)

    @property
    def display_name(self) -> str:
        """First and last name as Zoom shows them by default."""
        return f"{self.first_name} {self.last_name}".strip()


_NAME_COLUMNS = ("first name", "name", "user name (original name)", "full name")


#: A registration-report column whose header holds one of these asks for consent to be named.
_CONSENT_WORDS = (
    "consent",
    "toestemming",
    "consentement",
    "consentimiento",
    "consentimento",
    "ridhaa",
    "name in report",
    "naam in verslag",
)
_YES = frozenset(
    {"yes", "y", "true", "1", "ja", "j", "oui", "sí", "si", "sim", "ndiyo", "x", "agree", "i agree"}
)


def parse_registration_report(text: str, where: str = "registration report") -> list[Registrant]:
    """Parse a Zoom registration report CSV; the header row is found by its column names."""
    rows = _rows(text.lstrip("\ufeff"), where)
    header_at = None
    # Reports carry several sections (host details, panelists...): the registrant section is the
    # one headed by "First Name"; other name columns are a fallback for other report kinds.
    for wanted in (("first name",), _NAME_COLUMNS):
        for index, row in enumerate(rows):
            lowered = [cell.strip().lower() for cell in row]
            if any(c in lowered for c in wanted) and (
                "email" in lowered or "last name" in lowered or "country/region" in lowered
            ):
                header_at = index
                break
        if header_at is not None:
            break
    if header_at is None:
        raise InputError(
            f"{where} has no registrant header row "
            "(expected columns such as 'First Name', 'Last Name', 'Email', 'Country/Region')"
        )
    header = [cell.strip().lower() for cell in rows[header_at]]

    def col(*names: str) -> int | None:
        for name in names:
            if name in header:
                return header.index(name)
        return None

    first = col("first name", "name", "user name (original name)", "full name")
    last = col("last name")
    email = col("email", "email address")
    country = col("country/region", "country", "country/region name")
    org = col("organization", "organisation", "company")
    consent = next(
        (i for i, name in enumerate(header) if any(w in name for w in _CONSENT_WORDS)), None
    )
    result = []
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header) - 2 or len(row) > len(header) + 2:
            raise InputError(
                f"{where}: line {number} has {len(row)} columns, the header has {len(header)}"
            )

        def get(i: int | None, row: list[str] = row) -> str | None:
            return clean_text(row[i]) or None if i is not None and i < len(row) else None

        first_name = get(first)
        if not first_name:
            continue
        result.append(
            Registrant(
                first_name=first_name,
                last_name=get(last) or "",
                email=get(email),
                country=get(country),
                organisation=get(org),
                name_consent=(get(consent) or "").strip().lower() in _YES,
            )
        )
    return result


def _rows(text: str, where: str) -> list[list[str]]:
    """CSV rows with the delimiter whose header line names the most known columns."""
    best: list[list[str]] | None = None
    best_score = -1
    for delimiter in (",", ";", "\t"):
        try:
            rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        except csv.Error as exc:
            if delimiter == ",":
                raise InputError(f"{where} is not a valid CSV file: {exc}") from None
            continue
        score = max(
            (sum(cell.strip().lower() in _KNOWN_COLUMNS for cell in row) for row in rows[:200]),
            default=0,
        )
        if score > best_score:
            best, best_score = rows, score
    assert best is not None
    return best


_KNOWN_COLUMNS = frozenset(
    {"first name", "last name", "email", "country/region", "organization", "name", "job title"}
)


def read_registration_report(path: Path) -> list[Registrant]:
    """Read a Zoom registration report file."""
    text = read_text_file(path, "registration report")
    return parse_registration_report(text, str(path))
