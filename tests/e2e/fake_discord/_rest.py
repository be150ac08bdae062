"""The REST half of the fake: channels, messages, pins, reactions, guild, users, commands."""

from __future__ import annotations

import copy
import datetime as dt
import logging
import re
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    pass


from tests.e2e.fake_discord._protocol import (
    _BODY_KEY,
    _FILES_KEY,
    DEFERRED_UPDATE,
    Json,
    _emoji_key,
    _error,
    _form_error,
    _json_response,
    _no_content,
    _validate_message,
)

log = logging.getLogger(__name__)


class RestMixin:
    """Part of :class:`FakeDiscord`: the REST handlers that are not about interactions.
    Uses the state ``FakeDiscord`` sets up."""

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
        if int(guild) not in self.guild_ids():
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
        guild_id = int(request.match_info["guild_id"])
        if guild_id not in self.guild_ids():
            return _error(404, 10004, "Unknown Guild")
        payload = self.guild_payload(guild_id=guild_id)
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
                "guild_id": str(self.guild_of(channel)),
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
        """``GET .../reactions/{emoji}``: the users who reacted, by id, ``after`` a user id,
        ``limit`` 1-100 (default 25), ``type`` 0 normal (default) or 1 super reactions.

        Like Discord, a bad query is a 400 (50035) and an emoji nobody used answers ``[]``.
        The fake has no super reactions: type 1 always answers ``[]``.
        """
        message = self._message_or_404(request)
        if isinstance(message, web.Response):
            return message
        query = request.query
        try:
            limit = int(query.get("limit", 25))
            after = int(query.get("after", 0))
            kind = int(query.get("type", 0))
        except ValueError:
            return _form_error("limit", "Value is not int.", "NUMBER_TYPE_COERCE")
        if not 1 <= limit <= 100:
            return _form_error("limit", "int value should be between 1 and 100.", "NUMBER_TYPE_MAX")
        if kind not in (0, 1):
            return _form_error("type", "Value must be one of {0, 1}.", "ENUM_TYPE_COERCE")
        users = self.reactions.get(int(message["id"]), {}).get(
            _emoji_key(request.match_info["emoji"]), []
        )
        chosen = sorted(u for u in users if u > after)[:limit] if kind == 0 else []
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
