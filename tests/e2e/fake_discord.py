"""A fake Discord (gateway websocket + REST API) served on 127.0.0.1 for end-to-end tests.

The *real*, unmodified discord.py client talks to :class:`FakeDiscord` over real sockets.
Only two class attributes are redirected (see :func:`redirect_discord_py`):
``discord.http.Route.BASE`` (every REST call, webhooks and interaction callbacks included)
and ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``.

What the fake holds
    One guild with roles (``@everyone``, ``Organiser``, ``Moderator``, the bot's managed role),
    text channels (``webinar-chat``, ``moderators`` by default), members (``kofi`` the organiser
    and owner, ``amina`` the moderator, ``lucia`` and ``tendai`` attendees, the bot), an
    application, registered application commands, a message store with pins and reactions,
    a record of every REST request and every gateway frame.

How a test drives it
    * Gateway input: ``await fake.message_create(...)``, ``reaction_add``, ``slash_command``,
      ``button_click``, ``select_menu``, ``modal_submit``, ``context_menu_message``,
      ``autocomplete``... or raw ``await fake.dispatch("EVENT_NAME", data)``.
    * REST output: ``await fake.wait_for_request("PATCH", r"/channels/\\d+/messages/\\d+")``,
      ``await fake.wait_for_interaction_response(interaction_id)``, ``fake.channel_messages(...)``.
    * Faults: ``fake.fail_next("PATCH", r"/channels/.*", status=429, retry_after=0.2)``,
      ``await fake.send_reconnect()``, ``await fake.invalid_session()``.

Example (pytest, with the fixtures of ``tests/e2e/conftest.py``)::

    async def test_pong(fake_discord: FakeDiscord, start_bot) -> None:
        bot = commands.Bot(command_prefix="!", intents=intents, **CLIENT_TEST_KWARGS)

        @bot.event
        async def on_message(message: discord.Message) -> None:
            if message.content == "ping":
                await message.channel.send("pong")

        await start_bot(bot)  # logs in, waits for on_ready; closed at teardown
        await fake_discord.message_create("webinar-chat", fake_discord.attendee_id, "ping")
        request = await fake_discord.wait_for_request(
            "POST", r"/channels/\\d+/messages", predicate=lambda r: r.json["content"] == "pong"
        )

Without pytest: ``async with FakeDiscord() as fake, redirect_discord_py(fake):`` then
``async with run_client(bot, fake): ...``.

Realism the fake enforces (each can catch a production bug)
    * Gateway intents: events are only sent if the IDENTIFY intents ask for them; without the
      ``message_content`` intent, MESSAGE_CREATE/UPDATE content, embeds, attachments and
      components are blanked unless the bot is mentioned (``enforce_intents=False`` to disable).
      Without the ``members`` intent GUILD_CREATE carries only the bot's own member.
    * Interactions must be acknowledged within ``interaction_ack_deadline`` seconds (3 s, like
      Discord) and only once; follow-ups before the acknowledgement are refused.
    * Message bodies are checked against Discord's limits (2000 content chars, 10 embeds,
      4096 description chars, 25 fields, 6000 embed chars, no empty message) -> 400 code 50035.
    * The bot cannot edit another user's message (403 code 50005).
    Permissions are *not* enforced on REST calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime as dt
import json
import logging
import re
import secrets
import socket
import time
import warnings
from collections import Counter
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from aiohttp import BodyPartReader, WSMsgType, web

if TYPE_CHECKING:
    import discord

log = logging.getLogger(__name__)

__all__ = [
    "CLIENT_TEST_KWARGS",
    "EPHEMERAL",
    "FakeDiscord",
    "InjectedFault",
    "Intents",
    "InteractionRecord",
    "Permissions",
    "RecordedFile",
    "RecordedRequest",
    "redirect_discord_py",
    "run_client",
]

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


# --------------------------------------------------------------------------------------------
# The fake
# --------------------------------------------------------------------------------------------


class FakeDiscord:
    """A fake Discord server (REST under ``/api/v10`` + gateway websocket) on 127.0.0.1.

    Create it, ``await start()``, point discord.py at it with :func:`redirect_discord_py`,
    start a client with :func:`run_client`, then drive it with the builders below and assert
    on :attr:`requests`, :attr:`messages`, :attr:`interactions`. ``await stop()`` at the end.

    Ids are ints on the Python side (payloads carry them as strings, like Discord).
    A *channel* argument accepts an id or a channel name (``"webinar-chat"``).

    World (set up before the bot connects)
        ``guild_id``, ``application_id``, ``bot_user_id``, ``owner_id``, ``token``;
        ``channel_id(name)``, ``role_id(name)``, ``member_id(username)``, ``moderator_id``,
        ``organiser_id``, ``attendee_id``; ``add_member``, ``add_user``, ``add_role``,
        ``add_channel``; ``register_commands`` (as if synced by an earlier run);
        ``users``, ``members``, ``roles``, ``channels`` hold the raw state.

    Stores (assert on these)
        ``messages`` (id -> payload, oldest first), ``get_message``, ``channel_messages``,
        ``bot_messages``, ``deleted_message_ids``, ``pinned_ids``, ``reactions_on``,
        ``attachments_of`` (filename, bytes), ``commands`` (guild id or None -> list),
        ``command(name)``, ``interactions`` (id -> :class:`InteractionRecord`).

    Request log
        ``requests`` (every :class:`RecordedRequest`), ``requests_to``, ``count``,
        ``route_counts`` (``"PATCH /channels/{channel_id}/messages/{message_id}"`` -> n),
        ``unknown_routes``, ``mark``, ``await wait_for_request(...)``,
        ``await wait_for_interaction_response(id)``, ``fail_next(...)``, ``describe()``.

    Gateway
        ``await dispatch(name, data)``, ``send_reconnect``, ``invalid_session``,
        ``close_gateway``, ``wait_for_identify(n)``, ``wait_for_resume(n)``, ``is_connected``,
        ``identifies``/``resumes`` (payloads received), ``gateway_received``/``gateway_sent``
        (every frame), ``dropped_events`` (filtered out by intents), ``session_id``.

    Builders (user actions; each dispatches the event and returns a payload or an id)
        ``message_create``, ``message_update``, ``message_delete``, ``reaction_add``,
        ``reaction_remove``, ``member_join``, ``slash_command``, ``autocomplete``,
        ``context_menu_message``, ``context_menu_user``, ``button_click``, ``select_menu``,
        ``modal_submit``.
    """

    def __init__(
        self,
        *,
        token: str = "fake-bot-token",
        guild_name: str = "Baraza Webinar",
        channels: Sequence[str] = ("webinar-chat", "moderators"),
        bot_username: str = "Baraza",
        heartbeat_interval_ms: int = 41_250,
        enforce_intents: bool = True,
        allowed_privileged_intents: int = Intents.PRIVILEGED,
        interaction_ack_deadline: float | None = 3.0,
        replay_on_identify: bool = True,
    ) -> None:
        """Build the default world; nothing listens until :meth:`start`.

        ``allowed_privileged_intents`` mimics the developer-portal switches: asking for a
        privileged intent that is not allowed closes the gateway with 4014.
        ``interaction_ack_deadline=None`` disables the 3-second acknowledgement rule.
        ``replay_on_identify=False`` is what real Discord does: events dispatched while no
        session was live are never delivered to a new session (IDENTIFY), only to a RESUME.
        """
        self.token = token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.enforce_intents = enforce_intents
        self.allowed_privileged_intents = allowed_privileged_intents
        self.interaction_ack_deadline = interaction_ack_deadline
        self.replay_on_identify = replay_on_identify
        self._ids = _Snowflakes()

        # --- world state ---------------------------------------------------------------
        self.application_id = self._ids.next()
        self.guild_id = self._ids.next()
        self.guild_name = guild_name
        self.users: dict[int, Json] = {}
        self.members: dict[int, _Member] = {}
        self.roles: dict[int, Json] = {}
        self.channels: dict[int, Json] = {}
        self.bot_user_id = self._new_user(bot_username, bot=True)
        self._build_default_guild(channels, bot_username)
        self.owner_id = self.member_id("kofi")

        # --- stores --------------------------------------------------------------------
        self.messages: dict[int, Json] = {}
        self.deleted_message_ids: list[int] = []
        self.pins: dict[int, dict[int, str]] = {}  # channel id -> {message id: pinned_at}
        self.reactions: dict[int, dict[str, list[int]]] = {}  # message -> emoji key -> users
        self.attachment_blobs: dict[int, bytes] = {}
        self.commands: dict[int | None, list[Json]] = {None: []}  # guild id (None = global)
        self.interactions: dict[int, InteractionRecord] = {}
        self._interaction_by_token: dict[str, int] = {}
        self._modals: dict[str, int] = {}  # modal custom_id -> interaction id that opened it

        # --- request log and faults ----------------------------------------------------
        self.requests: list[RecordedRequest] = []
        self.route_counts: Counter[str] = Counter()
        self.faults: list[InjectedFault] = []

        # --- gateway -------------------------------------------------------------------
        self.session_id: str | None = None
        self.identifies: list[Json] = []
        self.resumes: list[Json] = []
        self.gateway_received: list[Json] = []
        self.gateway_sent: list[Json] = []
        self.dropped_events: list[tuple[str, Json]] = []
        self.connections_opened = 0
        self._seq = 0
        self._log: list[_GatewayEvent] = []
        self._connections: list[_Connection] = []
        self._live: _Connection | None = None
        self._gw_lock = asyncio.Lock()
        self._waiters: list[asyncio.Future[None]] = []

        # --- server --------------------------------------------------------------------
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    # ========================================================================================
    # World building
    # ========================================================================================

    def _new_user(self, username: str, *, bot: bool = False, global_name: str | None = None) -> int:
        user_id = self._ids.next()
        self.users[user_id] = {
            "id": str(user_id),
            "username": username.lower() if not bot else username,
            "discriminator": "0" if not bot else "4821",
            "global_name": global_name or (None if bot else username.capitalize()),
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
        }
        return user_id

    def _build_default_guild(self, channels: Sequence[str], bot_role_name: str) -> None:
        self.roles[self.guild_id] = self._role_payload(
            self.guild_id, "@everyone", _EVERYONE_PERMS, 0
        )
        self.add_role("Organiser", permissions=_ORGANISER_PERMS, hoist=True)
        self.add_role("Moderator", permissions=_MODERATOR_PERMS, hoist=True)
        bot_role = self.add_role(bot_role_name, permissions=_BOT_PERMS, managed=True)
        self.roles[bot_role]["tags"] = {"bot_id": str(self.bot_user_id)}
        self.members[self.bot_user_id] = _Member(
            self.users[self.bot_user_id], [bot_role], None, _now_iso()
        )
        self.add_member("kofi", roles=["Organiser"], global_name="Kofi Mensah")
        self.add_member("amina", roles=["Moderator"], global_name="Amina Njoroge")
        self.add_member("lucia", global_name="Lucía Fernández")
        self.add_member("tendai", global_name="Tendai Moyo")
        for name in channels:
            private = name.startswith("moderator")
            staff: list[str | int] = ["Moderator", "Organiser", bot_role]
            self.add_channel(name, private_to=staff if private else None)

    @staticmethod
    def _role_payload(role_id: int, name: str, permissions: int, position: int) -> Json:
        return {
            "id": str(role_id),
            "name": name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": position,
            "permissions": str(permissions),
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }

    def add_role(
        self, name: str, *, permissions: int = 0, hoist: bool = False, managed: bool = False
    ) -> int:
        """Add a role (call before the bot connects, or dispatch GUILD_ROLE_CREATE yourself)."""
        role_id = self._ids.next()
        payload = self._role_payload(role_id, name, permissions, len(self.roles))
        payload.update(hoist=hoist, managed=managed)
        self.roles[role_id] = payload
        return role_id

    def add_member(
        self,
        username: str,
        *,
        roles: Sequence[str | int] = (),
        global_name: str | None = None,
        nick: str | None = None,
        bot: bool = False,
    ) -> int:
        """Add a guild member (roles by name or id); returns the user id. No event is sent."""
        user_id = self._new_user(username, bot=bot, global_name=global_name)
        role_ids = [r if isinstance(r, int) else self.role_id(r) for r in roles]
        self.members[user_id] = _Member(self.users[user_id], role_ids, nick, _now_iso())
        return user_id

    def add_user(self, username: str, *, global_name: str | None = None) -> int:
        """Add a user who is *not* a guild member (e.g. for DMs); returns the user id."""
        return self._new_user(username, global_name=global_name)

    def add_channel(
        self, name: str, *, topic: str | None = None, private_to: Sequence[str | int] | None = None
    ) -> int:
        """Add a guild text channel; ``private_to`` role names/ids can view it, nobody else."""
        channel_id = self._ids.next()
        overwrites: list[Json] = []
        if private_to is not None:
            overwrites.append(
                {
                    "id": str(self.guild_id),
                    "type": 0,
                    "allow": "0",
                    "deny": str(Permissions.VIEW_CHANNEL),
                }
            )
            for role in private_to:
                role_id = role if isinstance(role, int) else self.role_id(role)
                overwrites.append(
                    {
                        "id": str(role_id),
                        "type": 0,
                        "allow": str(Permissions.VIEW_CHANNEL),
                        "deny": "0",
                    }
                )
        position = sum(1 for c in self.channels.values() if c.get("guild_id"))
        self.channels[channel_id] = {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": name,
            "position": position,
            "permission_overwrites": overwrites,
            "nsfw": False,
            "topic": topic,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "last_message_id": None,
            "last_pin_timestamp": None,
            "flags": 0,
        }
        return channel_id

    # --- lookups ----------------------------------------------------------------------------

    def channel_id(self, name: str) -> int:
        """Id of the guild channel called ``name``."""
        for cid, channel in self.channels.items():
            if channel.get("name") == name:
                return cid
        raise LookupError(f"no channel named {name!r}; known: {self._channel_names()}")

    def role_id(self, name: str) -> int:
        """Id of the role called ``name`` (``"Moderator"``, ``"Organiser"``, ``"@everyone"``...)."""
        for rid, role in self.roles.items():
            if role["name"] == name:
                return rid
        raise LookupError(
            f"no role named {name!r}; known: {[r['name'] for r in self.roles.values()]}"
        )

    def member_id(self, username: str) -> int:
        """Id of the user with this username (``"amina"``, ``"kofi"``, ``"lucia"``...)."""
        for uid, user in self.users.items():
            if user["username"] == username:
                return uid
        raise LookupError(f"no user named {username!r}")

    @property
    def organiser_id(self) -> int:
        """``kofi``: has the Organiser role and owns the guild."""
        return self.member_id("kofi")

    @property
    def moderator_id(self) -> int:
        """``amina``: has the Moderator role."""
        return self.member_id("amina")

    @property
    def attendee_id(self) -> int:
        """``lucia``: a member with no role."""
        return self.member_id("lucia")

    def _channel_names(self) -> list[str]:
        return [str(c.get("name", c["id"])) for c in self.channels.values()]

    def _resolve_channel(self, channel: ChannelRef) -> int:
        if isinstance(channel, str):
            channel_id = int(channel) if channel.isdigit() else self.channel_id(channel)
        else:
            channel_id = channel
        if channel_id not in self.channels:
            raise LookupError(f"unknown channel {channel!r}; known: {self._channel_names()}")
        return channel_id

    def _user(self, user_id: int) -> Json:
        try:
            return self.users[user_id]
        except KeyError:
            raise LookupError(f"unknown user id {user_id}; add it with add_member()") from None

    # ========================================================================================
    # Payload builders
    # ========================================================================================

    def member_payload(self, user_id: int, *, with_user: bool = True) -> Json:
        """The member object Discord sends (``roles`` as strings, ``flags``, ``joined_at``...)."""
        member = self.members[user_id]
        payload: Json = {
            "roles": [str(r) for r in member.roles],
            "nick": member.nick,
            "avatar": None,
            "banner": None,
            "joined_at": member.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            payload["user"] = dict(member.user)
        return payload

    def permissions_of(self, user_id: int, channel: ChannelRef | None = None) -> int:
        """Effective permissions of a member (in a channel, overwrites applied)."""
        if user_id == self.owner_id:
            return Permissions.ALL
        member = self.members[user_id]
        perms = int(self.roles[self.guild_id]["permissions"])
        for role_id in member.roles:
            perms |= int(self.roles[role_id]["permissions"])
        if perms & Permissions.ADMINISTRATOR:
            return Permissions.ALL
        if channel is None:
            return perms
        overwrites = {
            int(o["id"]): o
            for o in self.channels[self._resolve_channel(channel)].get("permission_overwrites", [])
        }
        everyone = overwrites.get(self.guild_id)
        if everyone:
            perms = (perms & ~int(everyone["deny"])) | int(everyone["allow"])
        allow = deny = 0
        for role_id in member.roles:
            if role_id in overwrites:
                allow |= int(overwrites[role_id]["allow"])
                deny |= int(overwrites[role_id]["deny"])
        perms = (perms & ~deny) | allow
        if user_id in overwrites:
            perms = (perms & ~int(overwrites[user_id]["deny"])) | int(overwrites[user_id]["allow"])
        return perms

    def guild_payload(self, *, for_gateway: bool = False, members: bool = True) -> Json:
        """The guild object; with ``for_gateway`` the full GUILD_CREATE payload."""
        payload: Json = {
            "id": str(self.guild_id),
            "name": self.guild_name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 1,
            "default_message_notifications": 1,
            "explicit_content_filter": 2,
            "roles": list(self.roles.values()),
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "max_members": 500_000,
            "vanity_url_code": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
        }
        if for_gateway:
            member_ids = list(self.members) if members else [self.bot_user_id]
            payload.update(
                {
                    "joined_at": self.members[self.bot_user_id].joined_at,
                    "large": False,
                    "unavailable": False,
                    "member_count": len(self.members),
                    "members": [self.member_payload(uid) for uid in member_ids],
                    "channels": [
                        self._channel_out(c) for c in self.channels.values() if c.get("guild_id")
                    ],
                    "threads": [],
                    "presences": [],
                    "voice_states": [],
                    "stage_instances": [],
                    "guild_scheduled_events": [],
                    "soundboard_sounds": [],
                }
            )
        return payload

    def _channel_out(self, channel: Json) -> Json:
        out = dict(channel)
        cid = int(channel["id"])
        history = [m for m in self.messages.values() if int(m["channel_id"]) == cid]
        if history:
            out["last_message_id"] = history[-1]["id"]
        return out

    def _find_mentions(self, content: str) -> tuple[list[Json], list[str], bool]:
        users = []
        for uid_text in dict.fromkeys(re.findall(r"<@!?(\d+)>", content)):
            uid = int(uid_text)
            if uid in self.users:
                user = dict(self.users[uid])
                if uid in self.members:
                    user["member"] = self.member_payload(uid, with_user=False)
                users.append(user)
        roles = list(dict.fromkeys(re.findall(r"<@&(\d+)>", content)))
        return users, roles, "@everyone" in content or "@here" in content

    def _new_message(
        self,
        channel_id: int,
        author_id: int,
        *,
        content: str = "",
        embeds: Sequence[Json] = (),
        components: Sequence[Json] = (),
        attachments: Sequence[Json] = (),
        flags: int = 0,
        message_type: int = 0,
        extra: Json | None = None,
    ) -> Json:
        """Create, store and return a message payload."""
        message_id = self._ids.next()
        channel = self.channels[channel_id]
        mentions, mention_roles, mention_everyone = self._find_mentions(content)
        message: Json = {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "author": dict(self._user(author_id)),
            "content": content,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": mention_everyone,
            "mentions": mentions,
            "mention_roles": mention_roles,
            "attachments": list(attachments),
            "embeds": [self._normalise_embed(e) for e in embeds],
            "components": list(components),
            "pinned": False,
            "type": message_type,
            "flags": flags,
        }
        if channel.get("guild_id"):
            message["guild_id"] = channel["guild_id"]
        if extra:
            message.update(extra)
        self.messages[message_id] = message
        return message

    @staticmethod
    def _normalise_embed(embed: Json) -> Json:
        out = dict(embed)
        out.setdefault("type", "rich")
        return out

    def render_message(self, message_id: int, *, for_gateway: bool = False) -> Json:
        """A message as Discord would return it (with reactions; gateway adds ``member``)."""
        message = copy.deepcopy(self.messages[message_id])
        counts = self.reactions.get(message_id, {})
        reactions = [
            {
                "emoji": _emoji_payload(key),
                "count": len(users),
                "count_details": {"burst": 0, "normal": len(users)},
                "me": self.bot_user_id in users,
                "me_burst": False,
                "burst_colors": [],
            }
            for key, users in counts.items()
            if users
        ]
        if reactions:
            message["reactions"] = reactions
        author_id = int(message["author"]["id"])
        if for_gateway and message.get("guild_id") and author_id in self.members:
            message["member"] = self.member_payload(author_id, with_user=False)
        return message

    def _attachments_from_files(
        self, channel_id: int, entries: Sequence[Json], files: Sequence[RecordedFile]
    ) -> list[Json]:
        by_index = {int(f.field[6:-1]): f for f in files if re.fullmatch(r"files\[\d+\]", f.field)}
        out: list[Json] = []
        used: set[int] = set()
        for entry in entries:
            index = int(entry.get("id", -1))
            if index in by_index:
                used.add(index)
                out.append(
                    self._store_attachment(channel_id, by_index[index], entry.get("description"))
                )
        for index, file in sorted(by_index.items()):
            if index not in used:
                out.append(self._store_attachment(channel_id, file, None))
        return out

    def _store_attachment(
        self, channel_id: int, file: RecordedFile, description: str | None
    ) -> Json:
        attachment_id = self._ids.next()
        self.attachment_blobs[attachment_id] = file.data
        url = f"{self.base_url}/attachments/{channel_id}/{attachment_id}/{file.filename}"
        payload: Json = {
            "id": str(attachment_id),
            "filename": file.filename,
            "size": len(file.data),
            "url": url,
            "proxy_url": url,
            "content_type": file.content_type,
        }
        if description is not None:
            payload["description"] = description
        return payload

    def _merge_attachments(
        self, message: Json, body: Json, files: Sequence[RecordedFile]
    ) -> list[Json]:
        """Edit semantics: listed existing attachments are kept, new files are appended."""
        existing = {a["id"]: a for a in message.get("attachments", [])}
        if "attachments" not in body:
            return list(existing.values()) + self._attachments_from_files(
                int(message["channel_id"]), [], files
            )
        kept = [
            existing[str(a["id"])]
            for a in body["attachments"] or []
            if str(a.get("id")) in existing
        ]
        new_entries = [a for a in body["attachments"] or [] if str(a.get("id")) not in existing]
        return kept + self._attachments_from_files(int(message["channel_id"]), new_entries, files)

    def _apply_edit(self, message: Json, body: Json, files: Sequence[RecordedFile]) -> None:
        if "content" in body:
            message["content"] = body["content"] or ""
            mentions, roles, everyone = self._find_mentions(message["content"])
            message.update(mentions=mentions, mention_roles=roles, mention_everyone=everyone)
        if "embeds" in body:
            message["embeds"] = [self._normalise_embed(e) for e in body["embeds"] or []]
        if "components" in body:
            message["components"] = body["components"] or []
        if "flags" in body and body["flags"] is not None:
            message["flags"] = (int(message.get("flags", 0)) & ~LOADING & EPHEMERAL) | (
                int(body["flags"]) & ~EPHEMERAL
            )
        if "attachments" in body or files:
            message["attachments"] = self._merge_attachments(message, body, files)
        message["edited_timestamp"] = _now_iso()

    # ========================================================================================
    # Store accessors for assertions
    # ========================================================================================

    def get_message(self, message_id: int) -> Json:
        """The stored message payload (raises ``LookupError`` if unknown or deleted)."""
        try:
            return self.messages[message_id]
        except KeyError:
            raise LookupError(f"no message {message_id}") from None

    def channel_messages(
        self, channel: ChannelRef, *, include_ephemeral: bool = False
    ) -> list[Json]:
        """Messages in a channel, oldest first."""
        channel_id = self._resolve_channel(channel)
        return [
            m
            for m in self.messages.values()
            if int(m["channel_id"]) == channel_id
            and (include_ephemeral or not int(m.get("flags", 0)) & EPHEMERAL)
        ]

    def bot_messages(self, channel: ChannelRef | None = None) -> list[Json]:
        """Messages authored by the bot (optionally in one channel), oldest first."""
        pool = self.messages.values() if channel is None else self.channel_messages(channel)
        return [m for m in pool if int(m["author"]["id"]) == self.bot_user_id]

    def pinned_ids(self, channel: ChannelRef) -> list[int]:
        """Ids of pinned messages in a channel, in pin order."""
        return list(self.pins.get(self._resolve_channel(channel), {}))

    def reactions_on(self, message_id: int) -> dict[str, list[int]]:
        """``{emoji: [user ids]}`` for a message; custom emojis are keyed ``name:id``."""
        return {k: list(v) for k, v in self.reactions.get(message_id, {}).items() if v}

    def attachments_of(self, message_id: int) -> list[tuple[str, bytes]]:
        """``[(filename, bytes)]`` of a message's attachments."""
        return [
            (a["filename"], self.attachment_blobs.get(int(a["id"]), b""))
            for a in self.get_message(message_id).get("attachments", [])
        ]

    def command(self, name: str, *, command_type: int = 1, guild: bool | None = None) -> Json:
        """A registered application command; guild commands win over global ones."""
        scopes: list[int | None] = (
            [self.guild_id, None] if guild is None else [self.guild_id if guild else None]
        )
        for scope in scopes:
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name and int(cmd.get("type", 1)) == command_type:
                    return cmd
        known = [(c["name"], c.get("type", 1)) for cmds in self.commands.values() for c in cmds]
        raise LookupError(
            f"command {name!r} (type {command_type}) is not registered; did setup_hook call "
            f"tree.sync(), or use fake.register_commands()? registered: {known}"
        )

    def register_commands(self, commands: Sequence[Json], *, guild: bool = True) -> list[Json]:
        """Pre-register commands as if synced earlier (for bots that do not sync on start)."""
        return self._upsert_commands(self.guild_id if guild else None, commands)

    def _upsert_commands(self, scope: int | None, commands: Sequence[Json]) -> list[Json]:
        old = {(c["name"], int(c.get("type", 1))): c for c in self.commands.get(scope, [])}
        result = []
        for cmd in commands:
            ctype = int(cmd.get("type", 1))
            previous = old.get((cmd["name"], ctype))
            stored: Json = {
                "description": "",
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                **cmd,
                "id": previous["id"] if previous else str(self._ids.next()),
                "application_id": str(self.application_id),
                "version": str(self._ids.next()),
                "type": ctype,
            }
            if scope is not None:
                stored["guild_id"] = str(scope)
            result.append(stored)
        self.commands[scope] = result
        return copy.deepcopy(result)

    # ========================================================================================
    # Request log, waiting and faults
    # ========================================================================================

    def mark(self) -> int:
        """Current length of :attr:`requests`; pass as ``since=`` to only see newer requests."""
        return len(self.requests)

    def requests_to(
        self, method: str, path_regex: str, *, since: int = 0, include_injected: bool = False
    ) -> list[RecordedRequest]:
        """Answered requests whose method matches and whose path fully matches the regex."""
        return [
            r
            for r in self.requests[since:]
            if r.done
            and (method == "*" or r.method == method.upper())
            and re.fullmatch(path_regex, r.path)
            and (include_injected or not r.injected)
        ]

    def count(self, method: str, path_regex: str, *, include_injected: bool = True) -> int:
        """How many requests hit a route (injected faults included by default)."""
        return len(self.requests_to(method, path_regex, include_injected=include_injected))

    def unknown_routes(self) -> list[RecordedRequest]:
        """Requests the fake has no handler for (answered 404). Tests should expect ``[]``."""
        return [r for r in self.requests if r.route == "unknown"]

    def fail_next(
        self,
        method: str,
        path_regex: str,
        status: int = 429,
        retry_after: float = 0.3,
        times: int = 1,
        *,
        is_global: bool = False,
        body: Json | None = None,
    ) -> InjectedFault:
        """Answer the next ``times`` matching requests with an error instead of serving them.

        ``path_regex`` must match the whole path after ``/api/v10`` (``re.fullmatch``).
        429s carry ``Via``, ``retry_after``/``global`` and ``X-RateLimit-*`` so discord.py
        sleeps ``retry_after`` and retries. 500/502/504 are retried by discord.py after
        ``1 + 2 * tries`` seconds (so one injected 500 costs a test 1 s). Other statuses raise.
        """
        fault = InjectedFault(method, path_regex, status, retry_after, times, is_global, body)
        self.faults.append(fault)
        return fault

    def _notify(self) -> None:
        waiters, self._waiters = self._waiters, []
        for fut in waiters:
            if not fut.done():
                fut.set_result(None)

    async def _wait_until(
        self,
        check: Callable[[], T | None],
        timeout: float,  # noqa: ASYNC109
        what: str,
    ) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = check()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"timed out after {timeout}s waiting for {what}\n{self.describe()}"
                )
            fut: asyncio.Future[None] = loop.create_future()
            self._waiters.append(fut)
            # Not asyncio.wait_for: on 3.11 it swallows a cancellation that races with the
            # future completing, and the cancelled waiter would then sit out its timeout.
            try:
                await asyncio.wait({fut}, timeout=remaining)
            finally:
                fut.cancel()

    def describe(self, last: int = 15) -> str:
        """A short human summary of recent traffic, used in timeout messages."""
        lines = [f"  {r}" for r in self.requests[-last:]]
        unknown = [str(r) for r in self.unknown_routes()]
        return (
            f"recent requests ({len(self.requests)} total):\n"
            + ("\n".join(lines) or "  (none)")
            + f"\nunknown routes: {unknown}\nidentifies={len(self.identifies)} "
            f"resumes={len(self.resumes)} connected={self.is_connected} seq={self._seq}"
        )

    async def wait_for_request(
        self,
        method: str,
        path_regex: str,
        timeout: float = 5.0,  # noqa: ASYNC109
        predicate: Callable[[RecordedRequest], bool] | None = None,
        *,
        since: int = 0,
        include_injected: bool = False,
    ) -> RecordedRequest:
        """Wait for an answered request (already made or future) and return the first match.

        Requests answered by an injected fault are skipped unless ``include_injected``.
        To ignore requests made before an action, take ``mark = fake.mark()`` first and
        pass ``since=mark``.
        """

        def check() -> RecordedRequest | None:
            for r in self.requests_to(
                method, path_regex, since=since, include_injected=include_injected
            ):
                if predicate is None or predicate(r):
                    return r
            return None

        return await self._wait_until(check, timeout, f"{method} {path_regex}")

    async def wait_for_interaction_response(
        self,
        interaction_id: int,
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        follow_deferred: bool = True,
    ) -> Json:
        """Wait for the bot's answer to an interaction.

        Returns ``{"type": callback type, "data": {...}, "via": ...}``. For immediate answers
        (4, 7, 8, 9) ``data`` is the callback's data and ``via`` is ``"callback"``. For deferred
        ones (5, 6), with ``follow_deferred``, it waits for the first later answer (edit of
        ``@original``, follow-up, or an edit of the component's message) and ``data`` is the
        defer's data updated with that body, so ``data["flags"] & 64`` still tells ephemeral.
        """
        record = self.interactions[int(interaction_id)]

        def check() -> Json | None:
            if record.callback is None:
                return None
            ctype = int(record.callback["type"])
            data = dict(record.callback.get("data") or {})
            if ctype not in _DEFERRED_TYPES or not follow_deferred:
                return {"type": ctype, "data": data, "via": "callback"}
            if not record.responses:
                return None
            via, body = record.responses[0]
            return {"type": ctype, "data": {**data, **body}, "via": via}

        return await self._wait_until(check, timeout, f"answer to interaction {interaction_id}")

    # ========================================================================================
    # Lifecycle
    # ========================================================================================

    async def start(self) -> None:
        """Serve on 127.0.0.1 on a free port."""
        app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        self._add_routes(app)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        log.debug("FakeDiscord listening on %s", self.base_url)

    async def stop(self) -> None:
        """Close every websocket and stop serving."""
        for conn in list(self._connections):
            with contextlib.suppress(Exception):
                await conn.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self._notify()

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """The TCP port (after :meth:`start`)."""
        if self._port is None:
            raise RuntimeError("FakeDiscord.start() has not been awaited")
        return self._port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def rest_base(self) -> str:
        """Value for ``discord.http.Route.BASE``: ``http://127.0.0.1:PORT/api/v10``."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """Value for ``DiscordWebSocket.DEFAULT_GATEWAY``: ``ws://127.0.0.1:PORT/gateway``."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        """The ``resume_gateway_url`` sent in READY: ``ws://127.0.0.1:PORT/resume``."""
        return f"ws://127.0.0.1:{self.port}/resume"

    @property
    def cdn_base(self) -> str:
        """Value for ``discord.asset.Asset.BASE`` (assets are served as 404s)."""
        return self.base_url + "/cdn"

    # ========================================================================================
    # HTTP plumbing
    # ========================================================================================

    def _add_routes(self, app: web.Application) -> None:
        c, m, g, a = r"{channel_id:\d+}", r"{message_id:\d+}", r"{guild_id:\d+}", r"{app_id:\d+}"
        wh = r"/webhooks/{app_id:\d+}/{token}"
        routes: list[tuple[str, str, Callable[[web.Request], Awaitable[web.StreamResponse]]]] = [
            ("GET", "/users/@me", self._h_me),
            ("GET", r"/users/{user_id:\d+}", self._h_user),
            ("POST", "/users/@me/channels", self._h_create_dm),
            ("GET", "/oauth2/applications/@me", self._h_application),
            ("GET", "/gateway", self._h_gateway_url),
            ("GET", "/gateway/bot", self._h_gateway_url),
            ("GET", f"/applications/{a}/commands", self._h_get_commands),
            ("PUT", f"/applications/{a}/commands", self._h_put_commands),
            ("POST", f"/applications/{a}/commands", self._h_post_command),
            ("GET", f"/applications/{a}/guilds/{g}/commands", self._h_get_commands),
            ("PUT", f"/applications/{a}/guilds/{g}/commands", self._h_put_commands),
            ("POST", f"/applications/{a}/guilds/{g}/commands", self._h_post_command),
            ("GET", f"/guilds/{g}", self._h_guild),
            ("GET", f"/guilds/{g}/channels", self._h_guild_channels),
            ("GET", f"/guilds/{g}/roles", self._h_guild_roles),
            ("GET", f"/guilds/{g}/members", self._h_guild_members),
            ("GET", rf"/guilds/{g}/members/{{user_id:\d+}}", self._h_guild_member),
            ("GET", f"/channels/{c}", self._h_channel),
            ("POST", f"/channels/{c}/typing", self._h_typing),
            ("GET", f"/channels/{c}/pins", self._h_pins_legacy),
            ("GET", f"/channels/{c}/messages/pins", self._h_pins),
            ("PUT", f"/channels/{c}/pins/{m}", self._h_pin),
            ("DELETE", f"/channels/{c}/pins/{m}", self._h_unpin),
            ("PUT", f"/channels/{c}/messages/pins/{m}", self._h_pin),
            ("DELETE", f"/channels/{c}/messages/pins/{m}", self._h_unpin),
            ("GET", f"/channels/{c}/messages", self._h_history),
            ("POST", f"/channels/{c}/messages", self._h_create_message),
            ("GET", f"/channels/{c}/messages/{m}", self._h_get_message),
            ("PATCH", f"/channels/{c}/messages/{m}", self._h_edit_message),
            ("DELETE", f"/channels/{c}/messages/{m}", self._h_delete_message),
            ("PUT", f"/channels/{c}/messages/{m}/reactions/{{emoji}}/@me", self._h_react),
            ("DELETE", f"/channels/{c}/messages/{m}/reactions/{{emoji}}/@me", self._h_unreact),
            (
                "DELETE",
                rf"/channels/{c}/messages/{m}/reactions/{{emoji}}/{{user_id:\d+}}",
                self._h_unreact,
            ),
            ("GET", f"/channels/{c}/messages/{m}/reactions/{{emoji}}", self._h_reaction_users),
            ("DELETE", f"/channels/{c}/messages/{m}/reactions/{{emoji}}", self._h_clear_emoji),
            ("DELETE", f"/channels/{c}/messages/{m}/reactions", self._h_clear_reactions),
            ("POST", r"/interactions/{interaction_id:\d+}/{token}/callback", self._h_callback),
            ("POST", wh, self._h_followup),
            ("GET", wh + "/messages/@original", self._h_get_webhook_message),
            ("PATCH", wh + "/messages/@original", self._h_edit_webhook_message),
            ("DELETE", wh + "/messages/@original", self._h_delete_webhook_message),
            ("GET", wh + r"/messages/{message_id:\d+}", self._h_get_webhook_message),
            ("PATCH", wh + r"/messages/{message_id:\d+}", self._h_edit_webhook_message),
            ("DELETE", wh + r"/messages/{message_id:\d+}", self._h_delete_webhook_message),
        ]
        # Outside /api/v10: the websocket endpoints and the attachment CDN.
        app.router.add_route("GET", "/gateway", self._gateway_handler)
        app.router.add_route("GET", "/resume", self._gateway_handler)
        app.router.add_route(
            "GET", r"/attachments/{channel_id:\d+}/{attachment_id:\d+}/{filename}", self._h_cdn
        )
        for method, path, handler in routes:
            app.router.add_route(method, API_PREFIX + path, handler)
        app.router.add_route("*", "/{tail:.*}", self._h_unknown)

    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        path = request.path
        if path in ("/gateway", "/resume"):
            return await handler(request)  # websocket upgrade: frames are logged separately
        rel = path[len(API_PREFIX) :] if path.startswith(API_PREFIX + "/") else path
        body, files = await self._read_body(request)
        request[_BODY_KEY], request[_FILES_KEY] = body, files
        resource = request.match_info.route.resource
        template = resource.canonical if resource is not None else "?"
        is_unknown = request.match_info.handler == self._h_unknown
        route = "unknown" if is_unknown else template.removeprefix(API_PREFIX)
        record = RecordedRequest(
            method=request.method,
            path=rel,
            query=dict(request.query),
            json=body,
            files=files,
            route=route,
            time=time.monotonic(),
        )
        self.requests.append(record)
        self.route_counts[f"{request.method} {route}"] += 1
        response: web.StreamResponse
        fault = next((f for f in self.faults if f.matches(request.method, rel)), None)
        if fault is not None:
            response, record.injected = fault.response(), True
        elif self._needs_auth(rel) and request.headers.get("Authorization") != f"Bot {self.token}":
            response = _error(401, 0, "401: Unauthorized")
        else:
            try:
                response = await handler(request)
            except Exception:
                log.exception("FakeDiscord handler crashed on %s %s", request.method, rel)
                response = _error(500, 0, "FakeDiscord handler crashed (see log)")
        record.status = response.status
        if (
            isinstance(response, web.Response)
            and response.body
            and response.content_type == "application/json"
        ):
            with contextlib.suppress(ValueError, TypeError):
                record.response = json.loads(response.body)  # type: ignore[arg-type]
        self._notify()
        return response

    @staticmethod
    def _needs_auth(rel: str) -> bool:
        return not rel.startswith(("/interactions/", "/webhooks/", "/attachments/", "/cdn/"))

    @staticmethod
    async def _read_body(request: web.Request) -> tuple[Any, list[RecordedFile]]:
        if not request.can_read_body:
            return None, []
        if request.content_type == "multipart/form-data":
            payload: Any = None
            files: list[RecordedFile] = []
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader):
                    continue  # nested multipart: discord.py never sends one
                data = await part.read(decode=False)
                if part.name == "payload_json":
                    payload = json.loads(data)
                elif part.filename is not None:
                    content_type = part.headers.get("Content-Type")
                    files.append(RecordedFile(part.name or "", part.filename, content_type, data))
            return payload, files
        raw = await request.read()
        if not raw:
            return None, []
        if request.content_type == "application/json":
            return json.loads(raw), []
        return raw.decode(errors="replace"), []

    @staticmethod
    def _body(request: web.Request) -> Json:
        body = request[_BODY_KEY]
        return body if isinstance(body, dict) else {}

    def _channel_or_404(self, request: web.Request) -> int | web.Response:
        channel_id = int(request.match_info["channel_id"])
        if channel_id not in self.channels:
            return _error(404, 10003, "Unknown Channel")
        return channel_id

    def _message_or_404(self, request: web.Request) -> Json | web.Response:
        channel = self._channel_or_404(request)
        if isinstance(channel, web.Response):
            return channel
        message = self.messages.get(int(request.match_info["message_id"]))
        if message is None or int(message["channel_id"]) != channel:
            return _error(404, 10008, "Unknown Message")
        return message

    # ========================================================================================
    # REST handlers
    # ========================================================================================

    async def _h_unknown(self, request: web.Request) -> web.Response:
        log.warning("FakeDiscord: unknown route %s %s", request.method, request.path)
        return _error(
            404, 0, f"404: Not Found (FakeDiscord has no route {request.method} {request.path})"
        )

    async def _h_cdn(self, request: web.Request) -> web.Response:
        blob = self.attachment_blobs.get(int(request.match_info["attachment_id"]))
        if blob is None:
            return _error(404, 0, "404: Not Found")
        return web.Response(body=blob, content_type="application/octet-stream")

    async def _h_me(self, request: web.Request) -> web.Response:
        user = dict(self.users[self.bot_user_id])
        user.update(verified=True, mfa_enabled=False, email=None, locale="en-US")
        return _json_response(user)

    async def _h_user(self, request: web.Request) -> web.Response:
        user = self.users.get(int(request.match_info["user_id"]))
        return _json_response(user) if user else _error(404, 10013, "Unknown User")

    async def _h_create_dm(self, request: web.Request) -> web.Response:
        recipient = int(self._body(request).get("recipient_id", 0))
        if recipient not in self.users:
            return _error(400, 50033, "Invalid Recipients")
        for cid, channel in self.channels.items():
            if channel["type"] == 1 and channel["recipients"][0]["id"] == str(recipient):
                return _json_response(self.channels[cid])
        channel_id = self._ids.next()
        self.channels[channel_id] = {
            "id": str(channel_id),
            "type": 1,
            "last_message_id": None,
            "flags": 0,
            "recipients": [dict(self.users[recipient])],
        }
        return _json_response(self.channels[channel_id])

    async def _h_application(self, request: web.Request) -> web.Response:
        return _json_response(
            {
                "id": str(self.application_id),
                "name": self.users[self.bot_user_id]["username"],
                "description": "Fake application served by FakeDiscord",
                "icon": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": dict(self.users[self.owner_id]),
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
                "summary": "",
                "rpc_origins": [],
                "tags": [],
                "redirect_uris": [],
                "interactions_endpoint_url": None,
                "approximate_guild_count": 1,
                "bot": dict(self.users[self.bot_user_id]),
            }
        )

    async def _h_gateway_url(self, request: web.Request) -> web.Response:
        return _json_response(
            {
                "url": f"ws://127.0.0.1:{self.port}/gateway",
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    def _command_scope(self, request: web.Request) -> int | web.Response | None:
        if int(request.match_info["app_id"]) != self.application_id:
            return _error(403, 50001, "Missing Access")
        guild = request.match_info.get("guild_id")
        if guild is None:
            return None
        if int(guild) != self.guild_id:
            return _error(403, 50001, "Missing Access")
        return int(guild)

    async def _h_get_commands(self, request: web.Request) -> web.Response:
        scope = self._command_scope(request)
        if isinstance(scope, web.Response):
            return scope
        return _json_response(self.commands.get(scope, []))

    @staticmethod
    def _validate_commands(commands: Any) -> web.Response | None:
        if not isinstance(commands, list):
            return _error(400, 50035, "Invalid Form Body")
        seen: set[tuple[str, int]] = set()
        for i, cmd in enumerate(commands):
            key = (cmd.get("name", ""), int(cmd.get("type", 1)))
            name, ctype = key
            if key in seen:
                return _form_error(
                    f"{i}.name", "Application command names must be unique", "DUPLICATE_NAME"
                )
            seen.add(key)
            slash_name_ok = re.fullmatch(r"[-_\w]{1,32}", name) and name == name.lower()
            if ctype == 1 and not slash_name_ok:
                return _form_error(f"{i}.name", "Command name is invalid", "INVALID_COMMAND_NAME")
            if not 1 <= len(name) <= 32:
                return _form_error(f"{i}.name", "Must be between 1 and 32 in length.")
            if ctype == 1 and not 1 <= len(cmd.get("description") or "") <= 100:
                return _form_error(f"{i}.description", "Must be between 1 and 100 in length.")
            if len(cmd.get("options") or []) > 25:
                return _form_error(f"{i}.options", "Must be 25 or fewer in length.")
        return None

    async def _h_put_commands(self, request: web.Request) -> web.Response:
        scope = self._command_scope(request)
        if isinstance(scope, web.Response):
            return scope
        body = request[_BODY_KEY]
        error = self._validate_commands(body)
        if error is not None:
            return error
        return _json_response(self._upsert_commands(scope, body))

    async def _h_post_command(self, request: web.Request) -> web.Response:
        scope = self._command_scope(request)
        if isinstance(scope, web.Response):
            return scope
        body = self._body(request)
        others = [
            c
            for c in self.commands.get(scope, [])
            if (c["name"], c["type"]) != (body.get("name"), int(body.get("type", 1)))
        ]
        error = self._validate_commands([*others, body])
        if error is not None:
            return error
        stored = self._upsert_commands(scope, [*others, body])
        return _json_response(stored[-1], status=201)

    async def _h_guild(self, request: web.Request) -> web.Response:
        if int(request.match_info["guild_id"]) != self.guild_id:
            return _error(404, 10004, "Unknown Guild")
        payload = self.guild_payload()
        if request.query.get("with_counts") in ("true", "1", "True"):
            payload.update(approximate_member_count=len(self.members), approximate_presence_count=0)
        return _json_response(payload)

    async def _h_guild_channels(self, request: web.Request) -> web.Response:
        channels = [self._channel_out(c) for c in self.channels.values() if c.get("guild_id")]
        return _json_response(channels)

    async def _h_guild_roles(self, request: web.Request) -> web.Response:
        return _json_response(list(self.roles.values()))

    async def _h_guild_members(self, request: web.Request) -> web.Response:
        limit = int(request.query.get("limit", 1))
        after = int(request.query.get("after", 0))
        ids = sorted(uid for uid in self.members if uid > after)[:limit]
        return _json_response([self.member_payload(uid) for uid in ids])

    async def _h_guild_member(self, request: web.Request) -> web.Response:
        user_id = int(request.match_info["user_id"])
        if user_id not in self.members:
            return _error(404, 10007, "Unknown Member")
        return _json_response(self.member_payload(user_id))

    async def _h_channel(self, request: web.Request) -> web.Response:
        channel = self._channel_or_404(request)
        if isinstance(channel, web.Response):
            return channel
        return _json_response(self._channel_out(self.channels[channel]))

    async def _h_typing(self, request: web.Request) -> web.Response:
        channel = self._channel_or_404(request)
        return channel if isinstance(channel, web.Response) else _no_content()

    async def _h_create_message(self, request: web.Request) -> web.Response:
        channel = self._channel_or_404(request)
        if isinstance(channel, web.Response):
            return channel
        body, files = self._body(request), request[_FILES_KEY]
        error = _validate_message(body, files, edit=False)
        if error is not None:
            return error
        extra: Json = {}
        if body.get("nonce") is not None:
            extra["nonce"] = body["nonce"]
        reference = body.get("message_reference")
        message_type = 0
        if reference and reference.get("message_id"):
            referenced = self.messages.get(int(reference["message_id"]))
            if referenced is None and reference.get("fail_if_not_exists", True):
                return _form_error(
                    "message_reference", "Unknown message", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE"
                )
            extra["message_reference"] = {
                "type": 0,
                "message_id": str(reference["message_id"]),
                "channel_id": str(reference.get("channel_id") or channel),
                "guild_id": str(self.guild_id),
            }
            extra["referenced_message"] = copy.deepcopy(referenced)
            message_type = 19
        message = self._new_message(
            channel,
            self.bot_user_id,
            content=body.get("content") or "",
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            attachments=self._attachments_from_files(channel, body.get("attachments") or [], files),
            flags=int(body.get("flags") or 0),
            message_type=message_type,
            extra=extra,
        )
        return _json_response(self.render_message(int(message["id"])))

    async def _h_get_message(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        return _json_response(self.render_message(int(message["id"])))

    async def _h_edit_message(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        body, files = self._body(request), request[_FILES_KEY]
        only_flags = set(body) <= {"flags"}
        if int(message["author"]["id"]) != self.bot_user_id and not only_flags:
            return _error(403, 50005, "Cannot edit a message authored by another user")
        error = _validate_message(body, files, edit=True)
        if error is not None:
            return error
        self._apply_edit(message, body, files)
        message_id = int(message["id"])
        for record in self.interactions.values():
            if record.response_type == DEFERRED_UPDATE and record.original_message_id == message_id:
                record.responses.append(("channel_edit", body))
        return _json_response(self.render_message(message_id))

    async def _h_delete_message(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        self._forget_message(int(message["id"]))
        return _no_content()

    def _forget_message(self, message_id: int) -> None:
        message = self.messages.pop(message_id)
        self.deleted_message_ids.append(message_id)
        self.reactions.pop(message_id, None)
        self.pins.get(int(message["channel_id"]), {}).pop(message_id, None)

    async def _h_history(self, request: web.Request) -> web.Response:
        channel = self._channel_or_404(request)
        if isinstance(channel, web.Response):
            return channel
        limit = max(1, min(100, int(request.query.get("limit", 50))))
        ids = sorted(int(m["id"]) for m in self.channel_messages(channel))
        if "around" in request.query:
            around = int(request.query["around"])
            older = [i for i in ids if i < around][-(limit // 2) :] if limit > 1 else []
            newer = [i for i in ids if i >= around][: limit - len(older)]
            chosen = older + newer
        elif "after" in request.query:
            chosen = [i for i in ids if i > int(request.query["after"])][:limit]
        else:
            before = int(request.query.get("before", 1 << 64))
            chosen = [i for i in ids if i < before][-limit:]
        # Discord always answers newest first, whatever the strategy.
        return _json_response([self.render_message(i) for i in sorted(chosen, reverse=True)])

    async def _h_pins_legacy(self, request: web.Request) -> web.Response:
        channel = self._channel_or_404(request)
        if isinstance(channel, web.Response):
            return channel
        pinned = sorted(self.pins.get(channel, {}).items(), key=lambda kv: kv[1], reverse=True)
        return _json_response([self.render_message(mid) for mid, _ in pinned])

    async def _h_pins(self, request: web.Request) -> web.Response:
        channel = self._channel_or_404(request)
        if isinstance(channel, web.Response):
            return channel
        limit = max(1, min(50, int(request.query.get("limit", 50))))
        before = request.query.get("before")
        pinned = sorted(self.pins.get(channel, {}).items(), key=lambda kv: kv[1], reverse=True)
        if before:
            cutoff = dt.datetime.fromisoformat(before)
            pinned = [(mid, at) for mid, at in pinned if dt.datetime.fromisoformat(at) < cutoff]
        items = [
            {"pinned_at": at, "message": self.render_message(mid)} for mid, at in pinned[:limit]
        ]
        return _json_response({"items": items, "has_more": len(pinned) > limit})

    async def _h_pin(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        channel_pins = self.pins.setdefault(int(message["channel_id"]), {})
        if len(channel_pins) >= 250 and int(message["id"]) not in channel_pins:
            return _error(400, 30003, "Maximum number of pins reached (250)")
        # Strictly increasing pin times keep ordering stable within one millisecond.
        pinned_at = dt.datetime.now(dt.UTC)
        if channel_pins:
            latest = max(dt.datetime.fromisoformat(t) for t in channel_pins.values())
            pinned_at = max(pinned_at, latest + dt.timedelta(microseconds=1))
        channel_pins.setdefault(int(message["id"]), pinned_at.isoformat())
        message["pinned"] = True
        self.channels[int(message["channel_id"])]["last_pin_timestamp"] = pinned_at.isoformat()
        return _no_content()

    async def _h_unpin(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        self.pins.get(int(message["channel_id"]), {}).pop(int(message["id"]), None)
        message["pinned"] = False
        return _no_content()

    async def _h_react(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        users = self.reactions.setdefault(int(message["id"]), {}).setdefault(
            _emoji_key(request.match_info["emoji"]), []
        )
        if self.bot_user_id not in users:
            users.append(self.bot_user_id)
        return _no_content()

    async def _h_unreact(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        user_id = int(request.match_info.get("user_id", self.bot_user_id))
        users = self.reactions.get(int(message["id"]), {}).get(
            _emoji_key(request.match_info["emoji"]), []
        )
        if user_id in users:
            users.remove(user_id)
        return _no_content()

    async def _h_reaction_users(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        users = self.reactions.get(int(message["id"]), {}).get(
            _emoji_key(request.match_info["emoji"]), []
        )
        after = int(request.query.get("after", 0))
        limit = int(request.query.get("limit", 25))
        chosen = sorted(u for u in users if u > after)[:limit]
        return _json_response([self.users[u] for u in chosen])

    async def _h_clear_emoji(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        self.reactions.get(int(message["id"]), {}).pop(
            _emoji_key(request.match_info["emoji"]), None
        )
        return _no_content()

    async def _h_clear_reactions(self, request: web.Request) -> web.Response:
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        self.reactions.pop(int(message["id"]), None)
        return _no_content()

    # --- interactions ---------------------------------------------------------------------

    async def _h_callback(self, request: web.Request) -> web.Response:
        record = self.interactions.get(int(request.match_info["interaction_id"]))
        if record is None or record.token != request.match_info["token"]:
            return _error(404, 10062, "Unknown interaction")
        deadline = self.interaction_ack_deadline
        if deadline is not None and time.monotonic() - record.created_at > deadline:
            return _error(404, 10062, "Unknown interaction")
        if record.callback is not None:
            return _error(400, 40060, "Interaction has already been acknowledged.")
        body, files = self._body(request), request[_FILES_KEY]
        rtype = int(body.get("type", 0))
        data = body.get("data") or {}
        if rtype in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
            error = _validate_message(data, files, edit=rtype == UPDATE_MESSAGE)
            if error is not None:
                return error
        if rtype == UPDATE_MESSAGE and record.message_id not in self.messages:
            return _error(400, 50035, "Invalid Form Body: type 7 needs a component interaction")
        record.callback, record.callback_files = body, list(files)
        resource: Json = {"type": rtype}
        flags = int(data.get("flags") or 0)
        if rtype == CHANNEL_MESSAGE:
            message = self._interaction_message(record, data, files, flags & ~LOADING)
            resource["message"] = message
        elif rtype == DEFERRED_CHANNEL_MESSAGE:
            message = self._interaction_message(record, {}, [], (flags & EPHEMERAL) | LOADING)
            resource["message"] = message
        elif rtype in (DEFERRED_UPDATE, UPDATE_MESSAGE) and record.message_id is not None:
            record.original_message_id = record.message_id
            if rtype == UPDATE_MESSAGE:
                self._apply_edit(self.messages[record.message_id], data, files)
                resource["message"] = self.render_message(record.message_id)
        elif rtype == MODAL:
            self._modals[str(data.get("custom_id"))] = record.id
        if request.query.get("with_response") not in ("1", "true", "True"):
            return _no_content()
        interaction: Json = {
            "id": str(record.id),
            "type": record.type,
            "response_message_loading": rtype == DEFERRED_CHANNEL_MESSAGE,
            "response_message_ephemeral": bool(flags & EPHEMERAL),
        }
        if record.original_message_id is not None:
            interaction["response_message_id"] = str(record.original_message_id)
        return _json_response({"interaction": interaction, "resource": resource})

    def _interaction_message(
        self, record: InteractionRecord, data: Json, files: Sequence[RecordedFile], flags: int
    ) -> Json:
        metadata: Json = {
            "id": str(record.id),
            "type": record.type,
            "user": dict(self.users[record.user_id]),
            "authorizing_integration_owners": {"0": str(self.guild_id)},
        }
        if record.message_id is not None:
            metadata["interacted_message_id"] = str(record.message_id)
        message = self._new_message(
            record.channel_id,
            self.bot_user_id,
            content=data.get("content") or "",
            embeds=data.get("embeds") or [],
            components=data.get("components") or [],
            attachments=self._attachments_from_files(
                record.channel_id, data.get("attachments") or [], files
            ),
            flags=flags,
            message_type=20 if record.type == APPLICATION_COMMAND else 0,
            extra={
                "webhook_id": str(self.application_id),
                "application_id": str(self.application_id),
                "interaction_metadata": metadata,
            },
        )
        record.original_message_id = int(message["id"])
        return self.render_message(int(message["id"]))

    def _webhook_record(self, request: web.Request) -> InteractionRecord | web.Response:
        iid = self._interaction_by_token.get(request.match_info["token"])
        if iid is None or int(request.match_info["app_id"]) != self.application_id:
            return _error(404, 10015, "Unknown Webhook")
        record = self.interactions[iid]
        if record.callback is None:
            return _error(404, 10015, "Unknown Webhook")
        return record

    def _webhook_message_id(self, request: web.Request, record: InteractionRecord) -> int | None:
        if "message_id" in request.match_info:
            mid = int(request.match_info["message_id"])
            allowed = {record.original_message_id, *record.followup_message_ids}
            return mid if mid in allowed else None
        return record.original_message_id

    async def _h_followup(self, request: web.Request) -> web.Response:
        record = self._webhook_record(request)
        if isinstance(record, web.Response):
            return record
        body, files = self._body(request), request[_FILES_KEY]
        error = _validate_message(body, files, edit=False)
        if error is not None:
            return error
        message = self._new_message(
            record.channel_id,
            self.bot_user_id,
            content=body.get("content") or "",
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            attachments=self._attachments_from_files(
                record.channel_id, body.get("attachments") or [], files
            ),
            flags=int(body.get("flags") or 0),
            extra={
                "webhook_id": str(self.application_id),
                "application_id": str(self.application_id),
            },
        )
        record.followup_message_ids.append(int(message["id"]))
        record.responses.append(("followup", body))
        if request.query.get("wait") in ("1", "true", "True"):
            return _json_response(self.render_message(int(message["id"])))
        return _no_content()

    async def _h_get_webhook_message(self, request: web.Request) -> web.Response:
        record = self._webhook_record(request)
        if isinstance(record, web.Response):
            return record
        mid = self._webhook_message_id(request, record)
        if mid is None or mid not in self.messages:
            return _error(404, 10008, "Unknown Message")
        return _json_response(self.render_message(mid))

    async def _h_edit_webhook_message(self, request: web.Request) -> web.Response:
        record = self._webhook_record(request)
        if isinstance(record, web.Response):
            return record
        mid = self._webhook_message_id(request, record)
        if mid is None or mid not in self.messages:
            return _error(404, 10008, "Unknown Message")
        body, files = self._body(request), request[_FILES_KEY]
        error = _validate_message(body, files, edit=True)
        if error is not None:
            return error
        message = self.messages[mid]
        self._apply_edit(message, body, files)
        message["flags"] = int(message.get("flags", 0)) & ~LOADING
        if mid == record.original_message_id:
            record.responses.append(("edit_original", body))
        return _json_response(self.render_message(mid))

    async def _h_delete_webhook_message(self, request: web.Request) -> web.Response:
        record = self._webhook_record(request)
        if isinstance(record, web.Response):
            return record
        mid = self._webhook_message_id(request, record)
        if mid is None or mid not in self.messages:
            return _error(404, 10008, "Unknown Message")
        self._forget_message(mid)
        return _no_content()

    # ========================================================================================
    # Gateway
    # ========================================================================================

    @property
    def is_connected(self) -> bool:
        """True while a client session is live (identified or resumed, not told to reconnect)."""
        return self._live is not None and not self._live.ws.closed

    async def _gateway_handler(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        conn = _Connection(ws, request.path, dict(request.query))
        self._connections.append(conn)
        self.connections_opened += 1
        await self._send(conn, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        try:
            async for msg in ws:
                if msg.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                    await self._on_gateway_frame(conn, json.loads(msg.data))
        finally:
            self._connections.remove(conn)
            if self._live is conn:
                self._live = None
            self._notify()
        return ws

    async def _send(self, conn: _Connection, payload: Json) -> bool:
        sent = await conn.send(payload)
        if sent:
            self.gateway_sent.append(payload)
        return sent

    async def _on_gateway_frame(self, conn: _Connection, payload: Json) -> None:
        self.gateway_received.append(payload)
        op, data = payload.get("op"), payload.get("d")
        if op == 1:
            await self._send(conn, {"op": 11, "d": None})
        elif op == 2:
            await self._identify(conn, data or {})
        elif op == 6:
            await self._resume(conn, data or {})
        elif op == 8:
            await self._request_members(data or {})
        self._notify()

    async def _identify(self, conn: _Connection, data: Json) -> None:
        if data.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        intents = int(data.get("intents", 0))
        if intents & Intents.PRIVILEGED & ~self.allowed_privileged_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        conn.intents = intents
        async with self._gw_lock:
            undelivered = [e for e in self._log if not e.sent] if self.replay_on_identify else []
            self.session_id = secrets.token_hex(16)
            self._seq = 0
            self._log = []
            ready: Json = {
                "v": 10,
                "user": {**self.users[self.bot_user_id], "verified": True, "mfa_enabled": False},
                "guilds": [{"id": str(self.guild_id), "unavailable": True}],
                "session_id": self.session_id,
                "session_type": "normal",
                "resume_gateway_url": self.resume_gateway_url,
                "application": {"id": str(self.application_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "guild_join_requests": [],
                "geo_ordered_rtc_regions": [],
                "user_settings": {},
                "_trace": ["fake-discord"],
            }
            if "shard" in data:
                ready["shard"] = data["shard"]
            await self._emit(conn, "READY", ready)
            guild = self.guild_payload(
                for_gateway=True,
                members=not self.enforce_intents or bool(intents & Intents.GUILD_MEMBERS),
            )
            await self._emit(conn, "GUILD_CREATE", guild)
            self._live = conn
            for event in undelivered:
                await self._emit(conn, event.name, event.data)
            self.identifies.append(data)

    async def _resume(self, conn: _Connection, data: Json) -> None:
        if data.get("token") != self.token or data.get("session_id") != self.session_id:
            await self._send(conn, {"op": 9, "d": False})
            return
        conn.intents = self.identifies[-1].get("intents", 0) if self.identifies else None
        client_seq = int(data.get("seq") or 0)
        async with self._gw_lock:
            for event in self._log:
                if event.seq > client_seq:
                    frame = self._frame(conn, event)
                    if frame is not None and await self._send(conn, frame):
                        event.sent = True
            await self._send(
                conn, {"op": 0, "s": None, "t": "RESUMED", "d": {"_trace": ["fake-discord"]}}
            )
            self._live = conn
            self.resumes.append(data)

    async def _request_members(self, data: Json) -> None:
        user_ids = {int(u) for u in (data.get("user_ids") or [])}
        query = (data.get("query") or "").lower()
        limit = int(data.get("limit") or 0) or len(self.members)
        chosen = [
            uid
            for uid, member in self.members.items()
            if (not user_ids or uid in user_ids) and member.user["username"].startswith(query)
        ][:limit]
        chunk: Json = {
            "guild_id": str(self.guild_id),
            "members": [self.member_payload(uid) for uid in chosen],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [str(u) for u in user_ids if u not in self.members],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await self.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    def _required_intent(self, name: str, data: Json) -> int | None:
        in_guild = "guild_id" in data
        if name.startswith("MESSAGE_REACTION"):
            return Intents.GUILD_MESSAGE_REACTIONS if in_guild else Intents.DIRECT_MESSAGE_REACTIONS
        if name.startswith("MESSAGE_"):
            return Intents.GUILD_MESSAGES if in_guild else Intents.DIRECT_MESSAGES
        if name in ("GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE"):
            return Intents.GUILD_MEMBERS
        if name == "PRESENCE_UPDATE":
            return Intents.GUILD_PRESENCES
        if name.startswith(("GUILD_", "CHANNEL_", "THREAD_")) and name != "GUILD_MEMBERS_CHUNK":
            return Intents.GUILDS
        return None

    def _frame(self, conn: _Connection, event: _GatewayEvent) -> Json | None:
        """The frame for one event as this connection's intents allow (None: not sent)."""
        data = event.data
        if self.enforce_intents and conn.intents is not None:
            needed = self._required_intent(event.name, data)
            if needed is not None and not conn.intents & needed:
                self.dropped_events.append((event.name, data))
                return None
            if (
                event.name in ("MESSAGE_CREATE", "MESSAGE_UPDATE")
                and not conn.intents & Intents.MESSAGE_CONTENT
            ):
                data = self._without_content(data)
        return {"op": 0, "s": event.seq, "t": event.name, "d": data}

    def _without_content(self, data: Json) -> Json:
        """What Discord sends a bot lacking the message_content intent."""
        author = str((data.get("author") or {}).get("id"))
        mentioned = any(u.get("id") == str(self.bot_user_id) for u in data.get("mentions") or [])
        if author == str(self.bot_user_id) or mentioned or "guild_id" not in data:
            return data
        blank = dict(data)
        blank.update(content="", embeds=[], attachments=[], components=[])
        blank.pop("poll", None)
        return blank

    async def _emit(self, conn: _Connection, name: str, data: Json) -> None:
        """Assign the next sequence number, log the event and send it on ``conn``."""
        self._seq += 1
        event = _GatewayEvent(self._seq, name, data)
        self._log.append(event)
        frame = self._frame(conn, event)
        if frame is None:
            event.sent = True  # filtered out by intents: never to be delivered
        elif await self._send(conn, frame):
            event.sent = True

    async def dispatch(self, event_name: str, data: Json) -> None:
        """Send a DISPATCH (op 0) event; buffered while no session is live.

        Buffered events keep their sequence number and are replayed after a RESUME (only
        those after the client's ``seq``, so exactly once) or delivered after the next
        READY + GUILD_CREATE if the client has to IDENTIFY again.
        """
        async with self._gw_lock:
            if self._live is not None and not self._live.ws.closed:
                await self._emit(self._live, event_name, data)
            else:
                self._seq += 1
                self._log.append(_GatewayEvent(self._seq, event_name, data))
        self._notify()

    async def lose_undelivered_events(self) -> int:
        """Drop the events buffered while no session was live; returns how many.

        This is what real Discord does when a bot logs in anew (IDENTIFY) instead of resuming:
        nothing that happened while it was away is dispatched, so a restarted bot has to read
        the channel history itself.
        """
        async with self._gw_lock:
            lost = [e for e in self._log if not e.sent]
            for event in lost:
                event.sent = True
        return len(lost)

    async def send_reconnect(self) -> None:
        """Send op 7 RECONNECT; the client reconnects to ``resume_gateway_url`` and RESUMEs.

        From this call on, dispatched events are buffered until the RESUME.
        """
        async with self._gw_lock:
            conn, self._live = self._live, None
            if conn is not None:
                await self._send(conn, {"op": 7, "d": None})

    async def invalid_session(self, resumable: bool = False) -> None:
        """Send op 9 INVALID_SESSION; with ``resumable=False`` the client IDENTIFYs anew."""
        async with self._gw_lock:
            conn, self._live = self._live, None
            if conn is not None:
                await self._send(conn, {"op": 9, "d": resumable})

    async def close_gateway(self, code: int = 4000) -> None:
        """Close the live websocket from the server side (4000: client resumes at once;
        4004/4010-4014: the client gives up and ``bot.start`` raises)."""
        async with self._gw_lock:
            conn, self._live = self._live, None
        if conn is not None:
            await conn.ws.close(code=code)

    async def wait_for_identify(self, n: int = 1, timeout: float = 5.0) -> Json:  # noqa: ASYNC109
        """Wait until the n-th IDENTIFY has been answered (READY + GUILD_CREATE sent)."""
        return await self._wait_until(
            lambda: self.identifies[n - 1] if len(self.identifies) >= n else None,
            timeout,
            f"IDENTIFY #{n}",
        )

    async def wait_for_resume(self, n: int = 1, timeout: float = 5.0) -> Json:  # noqa: ASYNC109
        """Wait until the n-th RESUME has been answered (missed events replayed, RESUMED sent)."""
        return await self._wait_until(
            lambda: self.resumes[n - 1] if len(self.resumes) >= n else None,
            timeout,
            f"RESUME #{n}",
        )

    # ========================================================================================
    # Convenience builders: things users do
    # ========================================================================================

    async def message_create(
        self,
        channel_id: ChannelRef,
        author_id: int,
        content: str,
        *,
        embeds: Sequence[Json] = (),
        attachments: Sequence[tuple[str, bytes]] = (),
        reply_to: int | None = None,
    ) -> Json:
        """A user posts a message: store it, dispatch MESSAGE_CREATE, return the payload.

        Mentions are read from the content (``<@id>``, ``<@&role>``, ``@everyone``).
        ``attachments`` are ``(filename, bytes)`` pairs served by the fake's CDN.
        """
        channel = self._resolve_channel(channel_id)
        self._user(author_id)
        files = [
            RecordedFile(f"files[{i}]", name, None, data)
            for i, (name, data) in enumerate(attachments)
        ]
        extra: Json = {"nonce": str(self._ids.next())}
        message_type = 0
        if reply_to is not None:
            extra["message_reference"] = {
                "type": 0,
                "message_id": str(reply_to),
                "channel_id": str(channel),
                "guild_id": str(self.guild_id),
            }
            extra["referenced_message"] = copy.deepcopy(self.messages.get(reply_to))
            message_type = 19
        message = self._new_message(
            channel,
            author_id,
            content=content,
            embeds=embeds,
            attachments=self._attachments_from_files(channel, [], files),
            message_type=message_type,
            extra=extra,
        )
        await self.dispatch(
            "MESSAGE_CREATE", self.render_message(int(message["id"]), for_gateway=True)
        )
        return message

    async def message_update(
        self, message_id: int, *, content: str | None = None, embeds: Sequence[Json] | None = None
    ) -> Json:
        """A user edits their message: update the store and dispatch MESSAGE_UPDATE."""
        message = self.get_message(message_id)
        body: Json = {}
        if content is not None:
            body["content"] = content
        if embeds is not None:
            body["embeds"] = list(embeds)
        self._apply_edit(message, body, [])
        await self.dispatch("MESSAGE_UPDATE", self.render_message(message_id, for_gateway=True))
        return message

    async def message_delete(self, message_id: int) -> None:
        """A message is deleted: drop it from the store and dispatch MESSAGE_DELETE."""
        message = self.get_message(message_id)
        self._forget_message(message_id)
        data: Json = {"id": str(message_id), "channel_id": message["channel_id"]}
        if "guild_id" in message:
            data["guild_id"] = message["guild_id"]
        await self.dispatch("MESSAGE_DELETE", data)

    def _reaction_event(self, user_id: int, channel: int, message_id: int, emoji: str) -> Json:
        data: Json = {
            "type": 0,
            "user_id": str(user_id),
            "channel_id": str(channel),
            "message_id": str(message_id),
            "emoji": _emoji_payload(emoji),
            "burst": False,
            "burst_colors": [],
        }
        if self.channels[channel].get("guild_id"):
            data["guild_id"] = str(self.guild_id)
        message = self.messages.get(message_id)
        if message is not None:
            data["message_author_id"] = message["author"]["id"]
        return data

    async def reaction_add(
        self, user_id: int, channel_id: ChannelRef, message_id: int, emoji: str = "👍"
    ) -> None:
        """A user reacts: record it and dispatch MESSAGE_REACTION_ADD (with ``type`` 0)."""
        channel = self._resolve_channel(channel_id)
        users = self.reactions.setdefault(message_id, {}).setdefault(_emoji_key(emoji), [])
        if user_id not in users:
            users.append(user_id)
        data = self._reaction_event(user_id, channel, message_id, emoji)
        if "guild_id" in data and user_id in self.members:
            data["member"] = self.member_payload(user_id)
        await self.dispatch("MESSAGE_REACTION_ADD", data)

    async def reaction_remove(
        self, user_id: int, channel_id: ChannelRef, message_id: int, emoji: str = "👍"
    ) -> None:
        """A user removes a reaction: record it and dispatch MESSAGE_REACTION_REMOVE."""
        channel = self._resolve_channel(channel_id)
        users = self.reactions.get(message_id, {}).get(_emoji_key(emoji), [])
        if user_id in users:
            users.remove(user_id)
        data = self._reaction_event(user_id, channel, message_id, emoji)
        data.pop("message_author_id", None)
        await self.dispatch("MESSAGE_REACTION_REMOVE", data)

    async def member_join(self, username: str, *, roles: Sequence[str | int] = ()) -> int:
        """A new member joins: add them and dispatch GUILD_MEMBER_ADD; returns the user id."""
        user_id = self.add_member(username, roles=roles)
        await self.dispatch(
            "GUILD_MEMBER_ADD", {**self.member_payload(user_id), "guild_id": str(self.guild_id)}
        )
        return user_id

    # --- interactions ---------------------------------------------------------------------

    async def _interaction(
        self,
        itype: int,
        user_id: int,
        channel: ChannelRef,
        data: Json,
        *,
        message_id: int | None = None,
        locale: str = "en-US",
    ) -> int:
        channel_id = self._resolve_channel(channel)
        if user_id not in self.members:
            raise LookupError(f"user {user_id} is not a guild member; add it with add_member()")
        interaction_id = self._ids.next()
        token = f"aW50-{interaction_id}-{secrets.token_urlsafe(24)}"
        member = self.member_payload(user_id)
        member["permissions"] = str(self.permissions_of(user_id, channel_id))
        payload: Json = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": itype,
            "token": token,
            "version": 1,
            "guild_id": str(self.guild_id),
            "guild": {"id": str(self.guild_id), "locale": "en-US", "features": []},
            "guild_locale": "en-US",
            "channel_id": str(channel_id),
            "channel": self._channel_out(self.channels[channel_id]),
            "member": member,
            "locale": locale,
            "app_permissions": str(self.permissions_of(self.bot_user_id, channel_id)),
            "entitlements": [],
            "entitlement_sku_ids": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        if data:
            payload["data"] = data
        if message_id is not None:
            payload["message"] = self.render_message(message_id)
        record = InteractionRecord(
            id=interaction_id,
            token=token,
            type=itype,
            payload=payload,
            channel_id=channel_id,
            user_id=user_id,
            created_at=time.monotonic(),
            message_id=message_id,
        )
        self.interactions[interaction_id] = record
        self._interaction_by_token[token] = interaction_id
        await self.dispatch("INTERACTION_CREATE", payload)
        return interaction_id

    def _option_value(self, otype: int, value: Any, resolved: Json) -> Any:
        if otype in (OPT_USER, OPT_MENTIONABLE) and int(value) in self.users:
            uid = int(value)
            resolved.setdefault("users", {})[str(uid)] = dict(self.users[uid])
            if uid in self.members:
                member = self.member_payload(uid, with_user=False)
                member["permissions"] = str(self.permissions_of(uid))
                resolved.setdefault("members", {})[str(uid)] = member
            return str(uid)
        if otype in (OPT_ROLE, OPT_MENTIONABLE) and int(value) in self.roles:
            resolved.setdefault("roles", {})[str(value)] = self.roles[int(value)]
            return str(value)
        if otype == OPT_CHANNEL:
            cid = self._resolve_channel(value)
            channel = self.channels[cid]
            partial: Json = {k: channel[k] for k in ("id", "type", "name") if k in channel}
            resolved.setdefault("channels", {})[str(cid)] = {
                **partial,
                "permissions": str(Permissions.ALL),
            }
            return str(cid)
        return value

    def _build_options(
        self, schema: Sequence[Json], values: Mapping[str, Any], resolved: Json, focused: str | None
    ) -> list[Json]:
        by_name = {o["name"]: o for o in schema}
        unknown = set(values) - set(by_name) if by_name else set()
        if unknown:
            raise ValueError(
                f"unknown option(s) {sorted(unknown)}; the command has {sorted(by_name)}"
            )
        options = []
        for name, value in values.items():
            definition = by_name.get(name)
            if definition is not None:
                otype = int(definition["type"])
            elif isinstance(value, bool):
                otype = OPT_BOOLEAN
            elif isinstance(value, int):
                otype = OPT_INTEGER
            elif isinstance(value, float):
                otype = OPT_NUMBER
            else:
                otype = OPT_STRING
            option: Json = {
                "name": name,
                "type": otype,
                "value": self._option_value(otype, value, resolved),
            }
            if name == focused:
                option["focused"] = True
                option["value"] = str(value)
            options.append(option)
        return options

    def _command_data(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[Json] | None,
        *,
        focused: str | None = None,
    ) -> Json:
        parts = name.split()
        command = self.command(parts[0])
        resolved: Json = {}
        schema: Sequence[Json] = command.get("options") or []
        chain: list[Json] = []
        for part in parts[1:]:
            sub = next((o for o in schema if o["name"] == part and o["type"] in (1, 2)), None)
            if sub is None:
                raise LookupError(f"{parts[0]!r} has no subcommand/group {part!r}")
            chain.append({"name": part, "type": sub["type"], "options": []})
            schema = sub.get("options") or []
        if options is None:
            leaf: list[Json] = []
        elif isinstance(options, Mapping):
            leaf = self._build_options(schema, options, resolved, focused)
        else:
            leaf = [dict(o) for o in options]
        for node in reversed(chain):
            node["options"] = leaf
            leaf = [node]
        data: Json = {"id": command["id"], "name": parts[0], "type": 1, "options": leaf}
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        if resolved:
            data["resolved"] = resolved
        return data

    async def slash_command(
        self,
        user_id: int,
        name: str,
        options: Mapping[str, Any] | Sequence[Json] | None = None,
        *,
        channel_id: ChannelRef = "webinar-chat",
        locale: str = "en-US",
    ) -> int:
        """A member runs ``/name``; returns the interaction id.

        ``name`` may include subcommands: ``"queue show"``. ``options`` is either
        ``{"option_name": value}`` (types taken from the synced command; users, roles and
        channels by id get a ``resolved`` block) or a list of raw option dicts.
        The command must have been synced (or :meth:`register_commands`).
        """
        data = self._command_data(name, options)
        return await self._interaction(
            APPLICATION_COMMAND, user_id, channel_id, data, locale=locale
        )

    async def autocomplete(
        self,
        user_id: int,
        name: str,
        options: Mapping[str, Any],
        *,
        focused: str | None = None,
        channel_id: ChannelRef = "webinar-chat",
    ) -> int:
        """A member is typing an option (type 4); ``focused`` defaults to the last option.

        The answer (callback type 8) has ``data["choices"]``.
        """
        focused = focused or list(options)[-1]
        data = self._command_data(name, options, focused=focused)
        return await self._interaction(AUTOCOMPLETE, user_id, channel_id, data)

    async def context_menu_message(self, user_id: int, name: str, target_message_id: int) -> int:
        """A member uses a message context-menu command (type 2, data.type 3)."""
        command = self.command(name, command_type=3)
        target = self.render_message(target_message_id)
        data: Json = {
            "id": command["id"],
            "name": name,
            "type": 3,
            "target_id": str(target_message_id),
            "resolved": {"messages": {str(target_message_id): target}},
        }
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        return await self._interaction(
            APPLICATION_COMMAND, user_id, int(target["channel_id"]), data
        )

    async def context_menu_user(
        self,
        user_id: int,
        name: str,
        target_user_id: int,
        *,
        channel_id: ChannelRef = "webinar-chat",
    ) -> int:
        """A member uses a user context-menu command (type 2, data.type 2)."""
        command = self.command(name, command_type=2)
        resolved: Json = {}
        self._option_value(OPT_USER, target_user_id, resolved)
        data: Json = {
            "id": command["id"],
            "name": name,
            "type": 2,
            "target_id": str(target_user_id),
            "resolved": resolved,
        }
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        return await self._interaction(APPLICATION_COMMAND, user_id, channel_id, data)

    def _find_component(self, message_id: int, custom_id: str) -> Json:
        message = self.get_message(message_id)
        components = list(_iter_components(message.get("components") or []))
        for comp in components:
            if comp.get("custom_id") == custom_id:
                if comp.get("disabled"):
                    raise ValueError(f"component {custom_id!r} on message {message_id} is disabled")
                return comp
        ids = [c["custom_id"] for c in components if "custom_id" in c]
        raise LookupError(f"message {message_id} has no component {custom_id!r}; it has {ids}")

    async def button_click(self, user_id: int, message_id: int, custom_id: str) -> int:
        """A member clicks a button (type 3) on a stored message; returns the interaction id.

        The button must exist and be enabled on the message as the fake stores it.
        """
        component = self._find_component(message_id, custom_id)
        data = {"custom_id": custom_id, "component_type": int(component.get("type", 2))}
        channel = int(self.messages[message_id]["channel_id"])
        return await self._interaction(
            MESSAGE_COMPONENT, user_id, channel, data, message_id=message_id
        )

    async def select_menu(
        self, user_id: int, message_id: int, custom_id: str, values: Sequence[str]
    ) -> int:
        """A member picks ``values`` in a select menu on a stored message."""
        component = self._find_component(message_id, custom_id)
        data: Json = {
            "custom_id": custom_id,
            "component_type": int(component.get("type", 3)),
            "values": [str(v) for v in values],
        }
        channel = int(self.messages[message_id]["channel_id"])
        return await self._interaction(
            MESSAGE_COMPONENT, user_id, channel, data, message_id=message_id
        )

    def _modal_answers(self, modal: Sequence[Json], fields: Mapping[str, Any]) -> list[Json]:
        out: list[Json] = []
        for comp in modal:
            ctype = int(comp.get("type", 0))
            if ctype == 1:
                out.append(
                    {
                        "type": 1,
                        "components": self._modal_answers(comp.get("components", []), fields),
                    }
                )
            elif ctype == 18 and isinstance(comp.get("component"), dict):
                inner = self._modal_answers([comp["component"]], fields)
                if inner:
                    out.append({"type": 18, "id": comp.get("id", 0), "component": inner[0]})
            elif ctype == 4:
                value = fields.get(comp["custom_id"], comp.get("value") or "")
                out.append(
                    {
                        "type": 4,
                        "id": comp.get("id", 0),
                        "custom_id": comp["custom_id"],
                        "value": value,
                    }
                )
            elif "custom_id" in comp:  # selects in a modal
                values = fields.get(comp["custom_id"], [])
                out.append(
                    {
                        "type": ctype,
                        "custom_id": comp["custom_id"],
                        "values": [str(v) for v in values],
                    }
                )
        return out

    async def modal_submit(self, user_id: int, custom_id: str, fields: Mapping[str, Any]) -> int:
        """A member submits a modal the bot showed (callback type 9) with ``fields``.

        ``fields`` maps text-input custom_ids to their text (select custom_ids to a list of
        values). The payload mirrors the modal's own layout (action rows or labels).
        """
        opener_id = self._modals.get(custom_id)
        if opener_id is None:
            raise LookupError(f"no modal {custom_id!r} was shown; shown: {sorted(self._modals)}")
        opener = self.interactions[opener_id]
        modal = ((opener.callback or {}).get("data") or {}).get("components") or []
        known = {c["custom_id"] for c in _iter_components(modal) if "custom_id" in c}
        unknown = sorted(set(fields) - known)
        if unknown:
            raise ValueError(
                f"modal {custom_id!r} has no input(s) {unknown}; it has {sorted(known)}"
            )
        data = {"custom_id": custom_id, "components": self._modal_answers(modal, fields)}
        message_id = opener.message_id if opener.message_id in self.messages else None
        return await self._interaction(
            MODAL_SUBMIT, user_id, opener.channel_id, data, message_id=message_id
        )


# --------------------------------------------------------------------------------------------
# discord.py glue
# --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def redirect_discord_py(fake: FakeDiscord) -> Iterator[None]:
    """Point discord.py at ``fake`` (REST, gateway, CDN) and restore the originals after."""
    import discord.asset
    import discord.gateway
    import discord.http
    import yarl

    saved = (
        discord.http.Route.BASE,
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY,
        discord.asset.Asset.BASE,
    )
    discord.http.Route.BASE = fake.rest_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    discord.asset.Asset.BASE = fake.cdn_base
    try:
        yield
    finally:
        (
            discord.http.Route.BASE,
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY,
            discord.asset.Asset.BASE,
        ) = saved


ClientT = TypeVar("ClientT", bound="discord.Client")


@contextlib.asynccontextmanager
async def run_client(
    client: ClientT, fake: FakeDiscord, *, token: str | None = None, ready_timeout: float = 10.0
) -> AsyncIterator[ClientT]:
    """Run ``client.start(token)`` as a task until ``on_ready``; close it cleanly on exit.

    Exceptions from start-up (``discord.LoginFailure``, ``PrivilegedIntentsRequired``...)
    are raised from ``__aenter__``. If the client task dies during the block, its
    exception is raised on exit. Pass :data:`CLIENT_TEST_KWARGS` to the client so that
    ``on_ready`` comes 0.05 s after GUILD_CREATE instead of 2 s.
    """
    ready_delay = getattr(getattr(client, "_connection", None), "guild_ready_timeout", 0.0)
    if ready_delay > 0.5:
        warnings.warn(
            f"client built with guild_ready_timeout={ready_delay}: on_ready will wait that long; "
            "pass **CLIENT_TEST_KWARGS to the client",
            stacklevel=3,
        )
    identifies_before = len(fake.identifies)
    start_task = asyncio.create_task(client.start(token or fake.token), name="fake-discord-client")
    try:
        await _until_ready(client, fake, start_task, identifies_before, ready_timeout)
        yield client
    finally:
        died = start_task.done() and not start_task.cancelled() and start_task.exception()
        await client.close()
        try:
            await asyncio.wait_for(start_task, timeout=5.0)
        except TimeoutError:
            start_task.cancel()
        except Exception:
            if not died:
                log.debug("client task ended with an error after close()", exc_info=True)
        if died:
            raise died


async def _until_ready(
    client: discord.Client,
    fake: FakeDiscord,
    start_task: asyncio.Task[None],
    identifies_before: int,
    timeout: float,  # noqa: ASYNC109
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    # client.wait_until_ready() only exists after login, so first wait for the IDENTIFY.
    steps: list[Callable[[], Awaitable[Any]]] = [
        lambda: fake.wait_for_identify(identifies_before + 1, timeout=timeout),
        client.wait_until_ready,
    ]
    for step in steps:
        waiter = asyncio.ensure_future(step())
        done, _ = await asyncio.wait(
            {start_task, waiter},
            timeout=max(0.0, deadline - loop.time()),
            return_when=asyncio.FIRST_COMPLETED,
        )
        if start_task in done:
            waiter.cancel()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await waiter
            exc = start_task.exception()
            raise (
                exc if exc is not None else RuntimeError("client.start() returned before on_ready")
            )
        if waiter not in done:
            waiter.cancel()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await waiter
            raise TimeoutError(f"client not ready after {timeout}s\n{fake.describe()}")
        waiter.result()
    # Let the on_ready listeners that were just scheduled start running.
    for _ in range(3):
        await asyncio.sleep(0)
