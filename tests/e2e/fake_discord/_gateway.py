"""The gateway half of the fake: sessions, RESUME, faults and user-action events."""

from __future__ import annotations

import copy
import json
import logging
import secrets
from collections.abc import (
    Sequence,
)
from typing import TYPE_CHECKING

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    pass


from tests.e2e.fake_discord._protocol import (
    ChannelRef,
    Intents,
    Json,
    RecordedFile,
    _Connection,
    _emoji_key,
    _emoji_payload,
    _GatewayEvent,
)

log = logging.getLogger(__name__)


class GatewayMixin:
    """Part of :class:`FakeDiscord`: the gateway websocket, its faults, and what users do
    (messages, reactions, joins) as gateway events. Uses the state ``FakeDiscord`` sets up."""

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
                "guilds": [{"id": str(g), "unavailable": True} for g in self.guild_ids()],
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
            for guild_id in self.guild_ids():
                guild = self.guild_payload(
                    for_gateway=True,
                    members=not self.enforce_intents or bool(intents & Intents.GUILD_MEMBERS),
                    guild_id=guild_id,
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
                "guild_id": str(self.guild_of(channel)),
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
            data["guild_id"] = self.channels[channel]["guild_id"]
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
