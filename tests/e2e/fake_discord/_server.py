"""The fake Discord server: world, stores, request log, lifecycle and the REST API."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import logging
import re
import socket
import time
from collections import Counter
from collections.abc import (
    Awaitable,
    Callable,
    Sequence,
)
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

if TYPE_CHECKING:
    pass


from tests.e2e.fake_discord._gateway import GatewayMixin
from tests.e2e.fake_discord._interactions import InteractionsMixin
from tests.e2e.fake_discord._protocol import (
    _BODY_KEY,
    _BOT_PERMS,
    _DEFERRED_TYPES,
    _EVERYONE_PERMS,
    _FILES_KEY,
    _MODERATOR_PERMS,
    _ORGANISER_PERMS,
    API_PREFIX,
    EPHEMERAL,
    LOADING,
    ChannelRef,
    InjectedFault,
    Intents,
    InteractionRecord,
    Json,
    Permissions,
    RecordedFile,
    RecordedRequest,
    T,
    _Connection,
    _emoji_payload,
    _error,
    _GatewayEvent,
    _Member,
    _now_iso,
    _Snowflakes,
)
from tests.e2e.fake_discord._rest import RestMixin

log = logging.getLogger(__name__)


class FakeDiscord(GatewayMixin, InteractionsMixin, RestMixin):
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
        #: further guilds (id -> name): same roles and members as the first, their own channels
        self.other_guilds: dict[int, str] = {}
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
        self.bot_role_name = bot_role_name
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

    def add_guild(self, name: str, channels: Sequence[str]) -> int:
        """Add another guild the bot is in, with the first guild's roles and members and its
        own text channels (names must differ from every other channel's); returns its id.
        Call before the bot connects (it arrives as one more GUILD_CREATE)."""
        guild_id = self._ids.next()
        self.other_guilds[guild_id] = name
        staff: list[str | int] = ["Moderator", "Organiser", self.role_id(self.bot_role_name)]
        for channel in channels:
            private = channel.startswith("moderator")
            self.add_channel(channel, private_to=staff if private else None, guild_id=guild_id)
        return guild_id

    def guild_ids(self) -> list[int]:
        """Every guild the bot is in, the first one first."""
        return [self.guild_id, *self.other_guilds]

    def guild_of(self, channel: ChannelRef) -> int:
        """The guild a guild channel belongs to."""
        return int(self.channels[self._resolve_channel(channel)]["guild_id"])

    def add_channel(
        self,
        name: str,
        *,
        topic: str | None = None,
        private_to: Sequence[str | int] | None = None,
        guild_id: int | None = None,
    ) -> int:
        """Add a guild text channel; ``private_to`` role names/ids can view it, nobody else."""
        guild_id = guild_id or self.guild_id
        channel_id = self._ids.next()
        overwrites: list[Json] = []
        if private_to is not None:
            overwrites.append(
                {
                    "id": str(guild_id),
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
            "guild_id": str(guild_id),
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

    def guild_payload(
        self, *, for_gateway: bool = False, members: bool = True, guild_id: int | None = None
    ) -> Json:
        """The guild object; with ``for_gateway`` the full GUILD_CREATE payload."""
        guild_id = guild_id or self.guild_id
        roles = list(self.roles.values())
        if guild_id != self.guild_id:  # @everyone's id is the guild's id
            roles = [{**r, "id": str(guild_id)} if r["name"] == "@everyone" else r for r in roles]
        payload: Json = {
            "id": str(guild_id),
            "name": self.other_guilds.get(guild_id, self.guild_name),
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
            "roles": roles,
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
                        self._channel_out(c)
                        for c in self.channels.values()
                        if c.get("guild_id") == str(guild_id)
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
        # A liveness bound, not a speed check: a deferred answer that renders a Word or HTML
        # export can take several seconds on a loaded 2-core CI machine.
        timeout: float = 20.0,  # noqa: ASYNC109
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
