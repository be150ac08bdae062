"""Unknown country names in ``[regions]`` are one clear line with the closest country, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], regions: str) -> tuple[int, str]:
    config = tmp_path / "config.toml"
    config.write_text(f'[classifier]\nsource = "ngram"\n\n[regions]\n{regions}\n', "utf-8")
    capsys.readouterr()
    code = main(["events", "--config", str(config), "--db", str(tmp_path / "db.sqlite3")])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("regions", "line"),
    [
        (
            'participants = {"Grace" = "Keny"}',
            'baraza: error: regions.participants.Grace = Keny: unknown country "Keny"'
            ' (did you mean "Kenya"?)',
        ),
        (
            'participants = {"Jean Ndayishimiye" = "Burndi"}',
            'baraza: error: regions.participants."Jean Ndayishimiye" = Burndi: unknown country'
            ' "Burndi" (did you mean "Burundi"?)',
        ),
        (
            'countries = {"Mexic" = "north"}',
            'baraza: error: regions.countries.Mexic: unknown country "Mexic"'
            ' (did you mean "Mexico"?)',
        ),
        (
            'participants = {"Ana" = "Atlantis"}',
            'baraza: error: regions.participants.Ana = Atlantis: unknown country "Atlantis"'
            " (use a country name, alias or ISO code or south/north/unknown)",
        ),
    ],
)
def test_unknown_country_in_config_is_one_line_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], regions: str, line: str
) -> None:
    code, err = _run(tmp_path, capsys, regions)
    assert code == 2
    assert err.strip().splitlines() == [line]


def test_known_countries_aliases_codes_and_regions_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regions = (
        'participants = {"Grace" = "Kenya", "Jan" = "NL", "Ana" = "south", "Li" = "unknown"}\n'
        'countries = {"Mexico" = "north", "Nederland" = "north"}'
    )
    code, err = _run(tmp_path, capsys, regions)
    assert code == 0, err
