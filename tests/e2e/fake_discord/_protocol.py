"""Constants, records and payload helpers shared by the fake's modules."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import re
import time
from collections.abc import (
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from aiohttp import web

if TYPE_CHECKING:
    pass


log = logging.getLogger(__name__)


API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1_420_070_400_000
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

#: Keyword arguments for ``discord.Client``/``commands.Bot`` that make start-up fast in tests:
#: ``on_ready`` fires ~0.05 s after GUILD_CREATE instead of 2 s, and no member chunking.
CLIENT_TEST_KWARGS: dict[str, Any] = {"guild_ready_timeout": 0.05, "chunk_guilds_at_startup": False}

T = TypeVar("T")
Json = dict[str, Any]
ChannelRef = int | str

# Parsed request bodies, stored on the request by the middleware for the handlers.
_BODY_KEY: web.RequestKey[Any] = web.RequestKey("fake_discord_body")
_FILES_KEY: web.RequestKey[list[RecordedFile]] = web.RequestKey("fake_discord_files")


class Intents:
    """Gateway intent bits (the subset the fake filters on)."""

    GUILDS = 1 << 0
    GUILD_MEMBERS = 1 << 1
    GUILD_PRESENCES = 1 << 8
    GUILD_MESSAGES = 1 << 9
    GUILD_MESSAGE_REACTIONS = 1 << 10
    DIRECT_MESSAGES = 1 << 12
    DIRECT_MESSAGE_REACTIONS = 1 << 13
    MESSAGE_CONTENT = 1 << 15
    PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT


class Permissions:
    """Permission bits used by the default guild."""

    KICK_MEMBERS = 1 << 1
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    MANAGE_ROLES = 1 << 28
    USE_APPLICATION_COMMANDS = 1 << 31
    MANAGE_THREADS = 1 << 34
    CREATE_PUBLIC_THREADS = 1 << 35
    SEND_MESSAGES_IN_THREADS = 1 << 38
    MODERATE_MEMBERS = 1 << 40
    PIN_MESSAGES = 1 << 51
    ALL = (1 << 53) - 1


_EVERYONE_PERMS = (
    Permissions.VIEW_CHANNEL
    | Permissions.SEND_MESSAGES
    | Permissions.READ_MESSAGE_HISTORY
    | Permissions.ADD_REACTIONS
    | Permissions.EMBED_LINKS
    | Permissions.ATTACH_FILES
    | Permissions.USE_APPLICATION_COMMANDS
    | Permissions.USE_EXTERNAL_EMOJIS
)
_MODERATOR_PERMS = (
    Permissions.MANAGE_MESSAGES | Permissions.MODERATE_MEMBERS | Permissions.KICK_MEMBERS
)
_ORGANISER_PERMS = (
    _MODERATOR_PERMS
    | Permissions.MANAGE_GUILD
    | Permissions.MANAGE_CHANNELS
    | Permissions.MANAGE_ROLES
    | Permissions.MENTION_EVERYONE
)
_BOT_PERMS = (
    _EVERYONE_PERMS
    | Permissions.MANAGE_MESSAGES
    | Permissions.PIN_MESSAGES
    | Permissions.CREATE_PUBLIC_THREADS
    | Permissions.SEND_MESSAGES_IN_THREADS
    | Permissions.MANAGE_THREADS
)

# Interaction types and response (callback) types.
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9
_DEFERRED_TYPES = (DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE)
EPHEMERAL, LOADING = 1 << 6, 1 << 7

# Application command option types.
OPT_SUB_COMMAND, OPT_SUB_GROUP, OPT_STRING, OPT_INTEGER, OPT_BOOLEAN = 1, 2, 3, 4, 5
OPT_USER, OPT_CHANNEL, OPT_ROLE, OPT_MENTIONABLE, OPT_NUMBER = 6, 7, 8, 9, 10


# --------------------------------------------------------------------------------------------
# Records exposed to tests
# --------------------------------------------------------------------------------------------


@dataclass
class RecordedFile:
    """A file uploaded in a multipart request (``files[n]`` form field)."""

    field: str
    filename: str
    content_type: str | None
    data: bytes


@dataclass
class RecordedRequest:
    """One HTTP request the client made, with the fake's answer.

    ``path`` is relative to ``/api/v10`` and percent-decoded, e.g. ``/channels/1/messages``.
    ``json`` is the JSON body (for multipart requests: the parsed ``payload_json`` part).
    ``injected`` is True when the answer came from :meth:`FakeDiscord.fail_next`.
    """

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[RecordedFile]
    route: str
    time: float
    status: int | None = None
    response: Any = None
    injected: bool = False

    @property
    def done(self) -> bool:
        """True once the fake has answered."""
        return self.status is not None

    @property
    def ok(self) -> bool:
        """True when answered with a 2xx status."""
        return self.status is not None and 200 <= self.status < 300

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


@dataclass
class InjectedFault:
    """A fault registered with :meth:`FakeDiscord.fail_next`; ``hits`` counts how often it fired."""

    method: str
    path_regex: str
    status: int
    retry_after: float
    times: int
    is_global: bool = False
    body: Json | None = None
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """True if this fault still has uses left and applies to the request."""
        if self.hits >= self.times:
            return False
        if self.method != "*" and self.method.upper() != method.upper():
            return False
        return re.fullmatch(self.path_regex, path) is not None

    def response(self) -> web.Response:
        """Build the error response (429s carry everything discord.py needs to retry)."""
        self.hits += 1
        if self.status == 429:
            body = self.body or {
                "message": "You are being rate limited.",
                "retry_after": self.retry_after,
                "global": self.is_global,
                "code": 0,
            }
            headers = {
                "Via": "1.1 google",
                "Retry-After": str(max(1, round(self.retry_after))),
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": f"{time.time() + self.retry_after:.3f}",
                "X-RateLimit-Reset-After": f"{self.retry_after:.3f}",
                "X-RateLimit-Bucket": "fake-" + re.sub(r"\W", "", self.path_regex)[:24],
                "X-RateLimit-Scope": "shared" if not self.is_global else "global",
            }
            if self.is_global:
                headers["X-RateLimit-Global"] = "true"
            return _json_response(body, status=429, headers=headers)
        body = self.body or {"message": f"{self.status}: injected by FakeDiscord", "code": 0}
        return _json_response(body, status=self.status)


@dataclass
class InteractionRecord:
    """Everything the fake knows about one interaction it sent.

    ``callback`` is the body of ``POST /interactions/{id}/{token}/callback`` (``{"type", "data"}``).
    ``responses`` lists later answers as ``(via, body)`` with via one of ``"edit_original"``,
    ``"followup"``, ``"channel_edit"`` (a plain message edit of the component's message).
    """

    id: int
    token: str
    type: int
    payload: Json
    channel_id: int
    user_id: int
    created_at: float
    message_id: int | None = None
    callback: Json | None = None
    callback_files: list[RecordedFile] = field(default_factory=list)
    original_message_id: int | None = None
    responses: list[tuple[str, Json]] = field(default_factory=list)
    followup_message_ids: list[int] = field(default_factory=list)

    @property
    def response_type(self) -> int | None:
        """The callback type (4 message, 5 defer, 6 deferred update, 7 update, 8, 9 modal)."""
        return None if self.callback is None else int(self.callback["type"])

    @property
    def is_ephemeral(self) -> bool:
        """True when the first answer carried the EPHEMERAL flag (64)."""
        data = (self.callback or {}).get("data") or {}
        return bool(int(data.get("flags") or 0) & EPHEMERAL)


@dataclass
class _GatewayEvent:
    seq: int
    name: str
    data: Json
    sent: bool = False


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    path: str
    query: dict[str, str]
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    intents: int | None = None

    async def send(self, payload: Json) -> bool:
        """Send one TEXT frame of JSON; False if the socket is already gone."""
        async with self.lock:
            if self.ws.closed:
                return False
            try:
                await self.ws.send_str(json.dumps(payload, ensure_ascii=False))
            except (ConnectionError, RuntimeError):
                return False
            return True


@dataclass
class _Member:
    user: Json
    roles: list[int]
    nick: str | None = None
    joined_at: str = ""


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _json_response(
    data: Any, *, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    """JSON with ``Content-Type: application/json`` exactly; discord.py ignores anything else."""
    all_headers = {"Content-Type": "application/json"}
    all_headers.update(headers or {})
    body = json.dumps(data, ensure_ascii=False).encode()
    return web.Response(body=body, status=status, headers=all_headers)


def _error(status: int, code: int, message: str, errors: Json | None = None) -> web.Response:
    body: Json = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return _json_response(body, status=status)


def _no_content() -> web.Response:
    return web.Response(status=204)


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class _Snowflakes:
    """Time-ordered, strictly increasing snowflake ids."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        now = int(time.time() * 1000) - DISCORD_EPOCH_MS
        value = max(now << 22, self._last + 1)
        self._last = value
        return value


def _form_error(path: str, message: str, code: str = "BASE_TYPE_MAX_LENGTH") -> web.Response:
    errors: Json = {}
    node = errors
    parts = path.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = {"_errors": [{"code": code, "message": message}]}
    return _error(400, 50035, "Invalid Form Body", errors)


def _validate_message(
    body: Json, files: Sequence[RecordedFile], *, edit: bool
) -> web.Response | None:
    """Return a 400 response if the message breaks one of Discord's documented limits."""
    content = body.get("content") or ""
    if len(content) > 2000:
        return _form_error("content", "Must be 2000 or fewer in length.")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        return _form_error("embeds", "Must be 10 or fewer in length.")
    total = 0
    limits = {"title": 256, "description": 4096}
    for i, embed in enumerate(embeds):
        for key, limit in limits.items():
            text = embed.get(key) or ""
            total += len(text)
            if len(text) > limit:
                return _form_error(f"embeds.{i}.{key}", f"Must be {limit} or fewer in length.")
        fields = embed.get("fields") or []
        if len(fields) > 25:
            return _form_error(f"embeds.{i}.fields", "Must be 25 or fewer in length.")
        for j, fld in enumerate(fields):
            name, value = fld.get("name") or "", fld.get("value") or ""
            total += len(name) + len(value)
            if len(name) > 256 or len(value) > 1024:
                return _form_error(f"embeds.{i}.fields.{j}", "Field name/value too long.")
        footer = (embed.get("footer") or {}).get("text") or ""
        author = (embed.get("author") or {}).get("name") or ""
        total += len(footer) + len(author)
        if len(footer) > 2048 or len(author) > 256:
            return _form_error(f"embeds.{i}", "Footer/author text too long.")
    if total > 6000:
        return _form_error("embeds", "Embed size exceeds maximum size of 6000")
    if len(body.get("components") or []) > 40:
        return _form_error("components", "Must be 40 or fewer in length.")
    has_something = (
        content
        or embeds
        or files
        or body.get("components")
        or body.get("sticker_ids")
        or body.get("poll")
        or body.get("attachments")
    )
    if not edit and not has_something:
        return _error(400, 50006, "Cannot send an empty message")
    return None


def _iter_components(components: Iterable[Json]) -> Iterator[Json]:
    """Yield every component, walking action rows, labels, sections and containers."""
    for comp in components:
        yield comp
        if "components" in comp:
            yield from _iter_components(comp["components"])
        if isinstance(comp.get("component"), dict):
            yield from _iter_components([comp["component"]])
        if isinstance(comp.get("accessory"), dict):
            yield from _iter_components([comp["accessory"]])


def _emoji_payload(emoji: str) -> Json:
    """``"👍"`` -> unicode emoji; ``"name:123"`` or ``"<:name:123>"`` -> custom emoji."""
    match = re.fullmatch(r"<?(a?):?([\w~]+):(\d+)>?", emoji)
    if match:
        payload: Json = {"id": match.group(3), "name": match.group(2)}
        if match.group(1):
            payload["animated"] = True
        return payload
    return {"id": None, "name": emoji}


def _emoji_key(emoji: str) -> str:
    payload = _emoji_payload(emoji)
    return payload["name"] if payload["id"] is None else f"{payload['name']}:{payload['id']}"
