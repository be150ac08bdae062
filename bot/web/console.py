"""The web console's HTTP handlers: pages, the push streams, moderator actions, exports.

:func:`build_app` turns a :class:`Console` (one event of one service) into an aiohttp
application. Every handler is a thin adapter: it checks who is asking, calls one use case and
renders the answer; the use cases notify the :class:`~bot.web.hub.Hub`, which pushes the new
state to every open console and panel.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

from aiohttp import web

from bot.core.model import Question, QuestionState
from bot.errors import BarazaError
from bot.export.transcript import FORMATS, render
from bot.sources import zoom_webhook
from bot.usecases import Service
from bot.web import events as listing
from bot.web import render as pages
from bot.web.access import COOKIE, CSRF_HEADER, MODERATOR, PANEL, Access, RateLimited, Session
from bot.web.hub import Hub, Payloads

log = logging.getLogger(__name__)

KEEPALIVE_SECONDS = 15.0
STATIC = {
    "console.js": "application/javascript",
    "console.css": "text/css",
    "panel.js": "application/javascript",
    "panel.css": "text/css",
}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
        " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STATES = {
    "answered": QuestionState.ANSWERED,
    "dismiss": QuestionState.DISMISSED,
    "hold": QuestionState.HELD,
    "approve": QuestionState.QUEUED,
    "reopen": QuestionState.QUEUED,
}


class Console:
    """The moderator console and panel view of one event."""

    def __init__(
        self,
        service: Service,
        event_id: int,
        event_name: str,
        access: Access,
        *,
        webhook_secret: str | None = None,
        panel_names: bool = False,
    ) -> None:
        self.service = service
        self.event_id = event_id
        self.event_name = event_name
        self.access = access
        self.webhook_secret = webhook_secret
        self.panel_names = panel_names
        self.hub = Hub(event_id, self._render)
        self.closing = False
        service.add_listener(self.hub.poke)

    # -- what the pages show ---------------------------------------------------------------

    async def state(self, seen: bool) -> pages.ConsoleState:
        """The console's content now; ``seen``: a moderator is looking (counts for the export)."""
        queue, event_id = self.service.queue, self.event_id
        entries = await (queue.moderator_view(event_id) if seen else queue.ranked(event_id))
        everything = await self.service.store.read.questions.all(event_id)
        return pages.ConsoleState(
            entries=entries,
            held=await queue.held(event_id),
            logistics=await queue.logistics(event_id),
            answered=pages.answered_first(q for q in everything if q.merged_into is None),
            settings=await queue.ranking_settings(event_id),
            paused=await self.service.moderation.paused(event_id),
            last_action=await self.service.moderation.last_action(event_id),
            countries=self._countries(everything),
        )

    def _countries(self, questions: list[Question]) -> dict[str, str]:
        names = {}
        for code in {q.country for q in questions if q.country}:
            found = self.service.ctx.countries.lookup(code) if code else None
            if code and found is not None:
                names[code] = found.name
        return names

    async def _render(self, seen: bool) -> Payloads:
        state = await self.state(seen)
        panel = pages.panel_fragment(state.entries, state.countries, self.panel_names, state.paused)
        return {
            MODERATOR: json.dumps(pages.console_fragments(state)),
            PANEL: json.dumps({"panel": panel}),
        }

    # -- moderator actions -----------------------------------------------------------------

    async def _question(self, data: dict[str, Any], field: str = "question") -> int:
        question = await self.service.queue.question(int(data.get(field, "")))
        if question.event_id != self.event_id:
            raise BarazaError(f"question {question.id} belongs to another event")
        return question.id

    async def perform(self, data: dict[str, Any]) -> str:
        """Run one moderator action; a one-line description of what happened."""
        action = str(data.get("action", ""))
        moderation, event_id = self.service.moderation, self.event_id
        if action in STATES:
            q = await self._question(data)
            await moderation.set_state(q, STATES[action])
            return f"Q{q}: {STATES[action].value}"
        if action == "next":
            upcoming = await moderation.next_question(event_id)
            return f"next: Q{upcoming.id}" if upcoming else "the queue is empty"
        if action in ("pin", "unpin"):
            q = await self._question(data)
            await moderation.pin(q, action == "pin")
            return f"Q{q}: {action}ned"
        if action == "merge":
            q, into = await self._question(data), await self._question(data, "into")
            merged = await moderation.merge(q, into)
            return f"Q{q} merged into Q{merged.id}"
        if action == "split":
            q = await self._question(data)
            await moderation.split(q)
            return f"Q{q} split out"
        if action == "retag":
            q = await self._question(data)
            await moderation.retag(q, str(data.get("theme", "")))
            return f"Q{q}: theme {data.get('theme')}"
        if action == "balance":
            share = data.get("share")
            mode = data.get("mode") or None
            settings = await self.service.queue.set_balance(
                event_id, float(share) if share not in (None, "") else None, mode
            )
            return f"balance {settings.mode}, Southern share {settings.southern_share:g}"
        if action in ("pause", "resume"):
            await moderation.set_paused(event_id, action == "pause")
            return "paused" if action == "pause" else "resumed"
        if action == "undo":
            undone = await moderation.undo(event_id)
            return f"undone: {undone}" if undone else "nothing to undo"
        raise BarazaError(f"unknown action {action!r}")


# -- the aiohttp application ---------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


def _refusal(status: int, title: str, text: str) -> web.Response:
    return _html(pages.message_page(title, text), status)


def _redirect(target: str) -> web.Response:
    return web.Response(status=303, headers={"Location": target})


def _session_cookie(response: web.StreamResponse, sid: str, secure: bool) -> None:
    response.set_cookie(
        COOKIE, sid, httponly=True, samesite="Strict", path="/", secure=secure or None
    )


class Routes:
    """The handlers, bound to one console."""

    def __init__(self, console: Console) -> None:
        self.c = console

    def _who(self, request: web.Request) -> Session | None:
        return self.c.access.session(request.cookies.get(COOKIE))

    async def _enter(self, request: web.Request, role: str) -> web.StreamResponse | Session:
        """The visitor's session for a page, after a ``?key=`` login; or the refusal to send."""
        key = request.query.get("key")
        access = self.c.access
        if key is not None:
            try:
                opened = access.login(key, request.remote or "?")
            except RateLimited:
                return _refusal(
                    429, "Too many wrong keys", "Wait a minute, then use the link again."
                )
            if opened is None:
                return _refusal(403, "Wrong key", "This link's key is not valid for this console.")
            sid, new = opened
            target = "/" if new.moderator and role == MODERATOR else "/panel"
            response = _redirect(target)
            _session_cookie(response, sid, request.secure)
            return response
        session = self._who(request)
        if session is None and access.open:
            sid, _ = access.new_session(MODERATOR)
            response = _redirect(request.path)
            _session_cookie(response, sid, request.secure)
            return response
        if session is None:
            return _refusal(
                401, "Key needed", "Open the link that `baraza serve` printed at start-up."
            )
        if role == MODERATOR and not session.moderator:
            return _redirect("/panel")
        return session

    async def console(self, request: web.Request) -> web.StreamResponse:
        """``GET /``: the moderator console (this render counts as a view of the top 10)."""
        entered = await self._enter(request, MODERATOR)
        if not isinstance(entered, Session):
            return entered
        state = await self.c.state(seen=True)
        return _html(pages.console_page(self.c.event_name, state, entered.csrf))

    async def panel(self, request: web.Request) -> web.StreamResponse:
        """``GET /panel``: the read-only panel view."""
        entered = await self._enter(request, PANEL)
        if not isinstance(entered, Session):
            return entered
        payload = json.loads(self.c.hub.payloads.get(PANEL, "{}"))
        fragment = payload.get("panel") or pages.panel_fragment([], {}, False, False)
        return _html(pages.panel_page(self.c.event_name, fragment))

    async def events(self, request: web.Request) -> web.StreamResponse:
        """``GET /events``: every event in the database (moderators only)."""
        entered = await self._enter(request, MODERATOR)
        if not isinstance(entered, Session):
            return entered
        rows = await listing.event_rows(self.c.service)
        return _html(listing.events_page(rows, self.c.event_id))

    async def event_queue(self, request: web.Request) -> web.StreamResponse:
        """``GET /events/ID``: another event's ranked queue, read-only (moderators only)."""
        entered = await self._enter(request, MODERATOR)
        if not isinstance(entered, Session):
            return entered
        raw = request.match_info["event_id"]
        known = raw.isdigit() and len(raw) < 16
        event = await self.c.service.store.read.events.get(int(raw)) if known else None
        if event is None:
            return _html(listing.no_such_event(raw), status=404)
        entries = await self.c.service.queue.ranked(event.id)  # ranked: not counted as seen
        return _html(listing.event_queue_page(event, entries, self.c.event_id))

    async def stream(self, request: web.Request) -> web.StreamResponse:
        """``GET /stream`` (moderators) and ``GET /panel/stream``: Server-Sent Events."""
        session = self._who(request)
        kind = PANEL if request.path.startswith("/panel") else MODERATOR
        if session is None or (kind == MODERATOR and not session.moderator):
            return web.Response(status=401, text="key needed")
        hub = self.c.hub
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"}
        )
        await response.prepare(request)
        hub.streams += 1
        hub.moderators += kind == MODERATOR
        version = -1
        try:
            while not self.c.closing:
                if await hub.wait(version, KEEPALIVE_SECONDS):
                    version = hub.version
                    if self.c.closing:
                        break
                    await response.write(f"data: {hub.payloads[kind]}\n\n".encode())
                else:
                    await response.write(b": keepalive\n\n")
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            hub.streams -= 1
            hub.moderators -= kind == MODERATOR
        return response

    async def action(self, request: web.Request) -> web.StreamResponse:
        """``POST /action``: one moderator action (session cookie and CSRF token required)."""
        session = self._who(request)
        if session is None or not session.moderator:
            return web.json_response({"error": "moderator key needed"}, status=401)
        try:
            if request.content_type == "application/json":
                data = await request.json()
            else:
                data = dict(await request.post())
        except ValueError:
            return web.json_response({"error": "malformed request"}, status=400)
        if not isinstance(data, dict):
            return web.json_response({"error": "malformed request"}, status=400)
        token = request.headers.get(CSRF_HEADER) or data.get("csrf")
        if not self.c.access.csrf_ok(session, token):
            return web.json_response({"error": "missing or wrong CSRF token"}, status=403)
        try:
            message = await self.c.perform(data)
        except (BarazaError, ValueError) as exc:  # InvalidTransition is a ValueError
            return web.json_response({"error": str(exc)}, status=400)
        return web.json_response({"ok": True, "message": message})

    async def export(self, request: web.Request) -> web.StreamResponse:
        """``GET /export?format=docx&lang=en``: the themed transcript as a download."""
        session = self._who(request)
        if session is None or not session.moderator:
            return _refusal(401, "Key needed", "Exports need the moderator link.")
        fmt = request.query.get("format", "docx")
        lang = request.query.get("lang", self.c.service.config.export.language)
        if fmt not in FORMATS or lang not in pages.EXPORT_LANGUAGES:
            return _refusal(400, "Unknown export", "Choose one of the formats on the console.")
        doc = await self.c.service.exports.document(self.c.event_id)
        data = await asyncio.to_thread(render, doc, fmt, lang)
        name = f"baraza-event{self.c.event_id}-{lang}.{fmt}"
        return web.Response(
            body=data,
            headers={
                "Content-Type": CONTENT_TYPES[fmt],
                "Content-Disposition": f'attachment; filename="{name}"',
            },
        )

    async def static(self, request: web.Request) -> web.StreamResponse:
        """``GET /static/NAME``: the console's own scripts and styles (nothing from elsewhere)."""
        name = request.match_info["name"]
        if name not in STATIC:
            raise web.HTTPNotFound()
        text = (resources.files("bot.web") / "static" / name).read_text(encoding="utf-8")
        return web.Response(text=text, content_type=STATIC[name], charset="utf-8")

    async def zoom_webhook(self, request: web.Request) -> web.StreamResponse:
        """``POST /zoom/webhook``: signed Zoom events (validation challenge, chat messages)."""
        secret = self.c.webhook_secret
        if secret is None:
            raise web.HTTPNotFound()
        body = await request.read()
        try:
            event = zoom_webhook.verify(secret, request.headers, body, time.time())
            if event.get("event") == zoom_webhook.VALIDATION_EVENT:
                return web.json_response(zoom_webhook.validation_response(secret, event))
            message = zoom_webhook.chat_message(event)
        except zoom_webhook.WebhookRejected as exc:
            log.warning("Zoom webhook refused: %s", exc.reason)
            return web.json_response({"error": exc.reason}, status=exc.status)
        if message is not None:
            result = await self.c.service.intake.ingest(self.c.event_id, [message])
            log.info("Zoom webhook message %s: %s new", message.source_message_id, result.new)
        return web.json_response({"ok": True})


@web.middleware
async def _headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await handler(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def build_app(console: Console) -> web.Application:
    """The aiohttp application of one console (start :attr:`Console.hub` alongside it)."""
    app = web.Application(middlewares=[_headers], client_max_size=1024**2)
    routes = Routes(console)
    app.router.add_get("/", routes.console)
    app.router.add_get("/panel", routes.panel)
    app.router.add_get("/events", routes.events)
    app.router.add_get("/events/{event_id}", routes.event_queue)
    app.router.add_get("/stream", routes.stream)
    app.router.add_get("/panel/stream", routes.stream)
    app.router.add_post("/action", routes.action)
    app.router.add_get("/export", routes.export)
    app.router.add_get("/static/{name}", routes.static)
    app.router.add_post("/zoom/webhook", routes.zoom_webhook)

    async def _start(_: web.Application) -> None:
        await console.hub.start()

    async def _stop(_: web.Application) -> None:
        console.closing = True
        await console.hub.stop()

    app.on_startup.append(_start)
    app.on_shutdown.append(_stop)
    return app
