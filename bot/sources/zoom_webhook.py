"""Live Zoom chat by webhook: signature checks, the URL-validation challenge, chat events.

A Zoom Marketplace app with event subscriptions posts JSON to ``POST /zoom/webhook``. Every
request is signed with the app's secret token (``x-zm-signature: v0=HMAC-SHA256(secret,
"v0:{x-zm-request-timestamp}:{raw body}")``); a request whose signature does not match, or whose
timestamp is more than five minutes away from now (a replay), is refused before its body is read
as JSON. ``webinar.chat_message_sent`` and ``meeting.chat_message_sent`` become
:class:`ChatMessage` s whose id is Zoom's ``message_id`` (a redelivered event changes nothing).
Field names follow Zoom's published event schema (``payload.object.chat_message``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bot.core.model import ChatMessage

SOURCE = "zoom-webhook"
#: Requests signed longer ago (or further ahead) than this are refused as replays.
MAX_SKEW_SECONDS = 300
CHAT_EVENTS = ("webinar.chat_message_sent", "meeting.chat_message_sent")
VALIDATION_EVENT = "endpoint.url_validation"
#: Recipients that are a group, not one person (a message to them is not private).
GROUP_RECIPIENTS = {
    "everyone",
    "all",
    "host",
    "hosts",
    "panelists",
    "all_panelists",
    "host_and_panelists",
    "hosts_and_panelists",
    "everyone_and_panelists",
}
HOST_SENDERS = {"host", "co-host", "cohost", "co_host"}


class WebhookRejected(Exception):
    """A request that is not a genuine, fresh Zoom event (HTTP ``status``)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The ``x-zm-signature`` Zoom sends for ``body`` at ``timestamp``."""
    message = b"v0:" + timestamp.encode("ascii", "replace") + b":" + body
    return "v0=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(secret: str, headers: Mapping[str, str], body: bytes, now: float) -> dict[str, Any]:
    """The event of a genuine, fresh request; :class:`WebhookRejected` for anything else."""
    timestamp = headers.get("x-zm-request-timestamp", "")
    signature = headers.get("x-zm-signature", "")
    if not timestamp or not signature:
        raise WebhookRejected(401, "unsigned request")
    try:
        sent = int(timestamp)
    except ValueError:
        raise WebhookRejected(401, "bad timestamp") from None
    if sent > 10**11:  # milliseconds: Zoom documents seconds, be lenient
        sent //= 1000
    if abs(now - sent) > MAX_SKEW_SECONDS:
        raise WebhookRejected(401, "stale timestamp")
    if not hmac.compare_digest(sign(secret, timestamp, body), signature):
        raise WebhookRejected(401, "bad signature")
    try:
        event = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise WebhookRejected(400, "body is not JSON") from None
    if not isinstance(event, dict):
        raise WebhookRejected(400, "body is not a JSON object")
    return event


def validation_response(secret: str, event: Mapping[str, Any]) -> dict[str, str]:
    """The answer to ``endpoint.url_validation``: the plain token and its HMAC-SHA256 (hex)."""
    payload = event.get("payload")
    plain = payload.get("plainToken") if isinstance(payload, dict) else None
    if not isinstance(plain, str) or not plain:
        raise WebhookRejected(400, "validation without plainToken")
    encrypted = hmac.new(secret.encode("utf-8"), plain.encode("utf-8"), hashlib.sha256)
    return {"plainToken": plain, "encryptedToken": encrypted.hexdigest()}


def _when(value: object) -> datetime:
    if isinstance(value, int | float):  # epoch milliseconds in some payloads
        return datetime.fromtimestamp(value / 1000, UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return datetime.now(UTC)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return datetime.now(UTC)


def chat_message(event: Mapping[str, Any]) -> ChatMessage | None:
    """The chat message a ``*.chat_message_sent`` event carries (None for other events)."""
    if event.get("event") not in CHAT_EVENTS:
        return None
    payload = event.get("payload")
    obj = payload.get("object") if isinstance(payload, dict) else None
    chat = obj.get("chat_message") if isinstance(obj, dict) else None
    if not isinstance(chat, dict):
        raise WebhookRejected(400, "chat event without payload.object.chat_message")
    message_id = str(chat.get("message_id") or "")
    text = chat.get("message_content")
    if not message_id or not isinstance(text, str):
        raise WebhookRejected(400, "chat message without message_id or message_content")
    recipient_type = str(chat.get("recipient_type") or "").strip().lower()
    to_person = bool(chat.get("recipient_session_id") or chat.get("recipient_email"))
    private = to_person or recipient_type not in GROUP_RECIPIENTS
    email = chat.get("sender_email")
    return ChatMessage(
        source=SOURCE,
        source_message_id=message_id,
        sent_at=_when(chat.get("date_time")),
        author_name=str(chat.get("sender_name") or "Zoom attendee"),
        text=text,
        is_private=private,
        recipient=str(chat.get("recipient_name") or recipient_type or "") or None,
        author_email=email if isinstance(email, str) and email else None,
        author_key=email.lower() if isinstance(email, str) and email else None,
        is_host=str(chat.get("sender_type") or "").lower() in HOST_SENDERS,
    )
