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


SERVERS_TOML = """
[discord]
moderator_role = "Mods"

[[discord.servers]]
guild_id = 11
intake_channels = [12]
moderator_channel = 13
event = "Partos consultation"

[[discord.servers]]
guild_id = 21
intake_channels = [22, 23]
moderator_channel = 24
moderator_role = "Hosts"
"""


def test_many_servers_each_with_its_own_channels_and_inherited_roles(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(SERVERS_TOML)
    servers = load_config(path).discord.server_list()
    assert [(s.guild_id, s.intake_channels, s.moderator_channel) for s in servers] == [
        (11, [12], 13),
        (21, [22, 23], 24),
    ]
    assert [s.moderator_role for s in servers] == ["Mods", "Hosts"]
    assert [s.organiser_role for s in servers] == ["Organiser", "Organiser"]
    assert servers[0].event == "Partos consultation"


def test_single_server_keys_are_one_server_and_sharding_switch() -> None:
    config = parse_config({"discord": {"guild_id": 5, "intake_channels": [6]}})
    (server,) = config.discord.server_list()
    assert (server.guild_id, server.intake_channels, server.moderator_role) == (5, [6], "Moderator")
    assert not config.discord.use_sharding()
    many = [{"guild_id": i, "intake_channels": [i], "moderator_channel": i} for i in range(1, 6)]
    assert parse_config({"discord": {"servers": many}}).discord.use_sharding()
    assert not parse_config({"discord": {"servers": many, "sharded": "no"}}).discord.use_sharding()


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        (
            {"discord": {"guild_id": 1, "servers": [{"guild_id": 2}]}},
            "use either guild_id/intake_channels/moderator_channel",
        ),
        ({"discord": {"servers": [{"guild_id": 2}, {"guild_id": 2}]}}, "appears twice"),
        ({"discord": {"servers": [{"guild": 2}]}}, "discord.servers[0].guild"),
        ({"discord": {"sharded": "maybe"}}, "discord.sharded must be one of auto, yes, no"),
    ],
)
def test_bad_server_entries_name_the_key(raw: dict, needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(raw)
    assert needle in str(info.value)
