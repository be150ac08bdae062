"""Config validation: one clear message naming the bad key."""

from pathlib import Path

import pytest

from bot.config import load_config, parse_config, resolve_paths
from bot.errors import ConfigError


def test_example_config_is_valid() -> None:
    config = load_config(Path(__file__).parents[2] / "config.example.toml")
    assert config.ranking.southern_share == 0.5
    assert config.discord.moderator_role == "Moderator"


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ({"ranking": {"southern_shar": 0.5}}, "ranking.southern_shar"),
        ({"rankin": {}}, "[rankin]"),
        ({"ranking": {"southern_share": 1.5}}, "ranking.southern_share must be between 0 and 1"),
        ({"ranking": {"mode": "quota"}}, "ranking.mode must be one of floor, fair, off"),
        ({"ranking": {"per_person_cap": "two"}}, "ranking.per_person_cap must be a whole number"),
        ({"discord": {"token": "abc"}}, "secrets are not read from the config file"),
        ({"discord": {"intake_channels": ["x"]}}, "discord.intake_channels[0]"),
        ({"event": {"timezone": "Mars/Olympus"}}, "event.timezone"),
        ({"regions": {"countries": {"Mexico": "west"}}}, "regions.countries.Mexico"),
        ({"export": {"language": "de"}}, "export.language must be one of en, nl"),
    ],
)
def test_bad_values_name_the_key(raw: dict, needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(raw)
    assert needle in str(info.value)


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text("[ranking\nmode=1")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.toml")


def test_paths_from_flags_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARAZA_CONFIG", "/env/c.toml")
    monkeypatch.setenv("BARAZA_DB", "/env/db.sqlite3")
    assert resolve_paths(None, None) == (Path("/env/c.toml"), Path("/env/db.sqlite3"))
    assert resolve_paths("a.toml", "b.db") == (Path("a.toml"), Path("b.db"))
    monkeypatch.delenv("BARAZA_CONFIG")
    monkeypatch.delenv("BARAZA_DB")
    config, db = resolve_paths(None, None)
    assert config is None and db.name == "baraza.sqlite3"
