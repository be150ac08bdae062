"""Interactions in the fake: the REST side of responses and the events users start."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import (
    Mapping,
    Sequence,
)
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    pass


from tests.e2e.fake_discord._protocol import (
    _FILES_KEY,
    APPLICATION_COMMAND,
    ATTACHMENT_SIZE_LIMIT,
    AUTOCOMPLETE,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE,
    EPHEMERAL,
    LOADING,
    MESSAGE_COMPONENT,
    MODAL,
    MODAL_SUBMIT,
    OPT_BOOLEAN,
    OPT_CHANNEL,
    OPT_INTEGER,
    OPT_MENTIONABLE,
    OPT_NUMBER,
    OPT_ROLE,
    OPT_STRING,
    OPT_USER,
    UPDATE_MESSAGE,
    ChannelRef,
    InteractionRecord,
    Json,
    Permissions,
    RecordedFile,
    _error,
    _iter_components,
    _json_response,
    _no_content,
    _validate_message,
)

log = logging.getLogger(__name__)


class InteractionsMixin:
    """Part of :class:`FakeDiscord`: interaction callbacks, follow-ups and webhook messages
    (REST), and the interactions users start (slash commands, buttons, selects, modals)."""

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
        guild_id = self.guild_of(channel_id)
        payload: Json = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": itype,
            "token": token,
            "version": 1,
            "guild_id": str(guild_id),
            "guild": {"id": str(guild_id), "locale": "en-US", "features": []},
            "guild_locale": "en-US",
            "channel_id": str(channel_id),
            "channel": self._channel_out(self.channels[channel_id]),
            "member": member,
            "locale": locale,
            "app_permissions": str(self.permissions_of(self.bot_user_id, channel_id)),
            "entitlements": [],
            "entitlement_sku_ids": [],
            "authorizing_integration_owners": {"0": str(guild_id)},
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
