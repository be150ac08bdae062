"""Fixtures for end-to-end tests: a fake Discord on 127.0.0.1 and a way to run bots on it.

Fixtures
    ``fake_discord``
        A started :class:`~tests.e2e.fake_discord.FakeDiscord` with discord.py redirected to it
        (``Route.BASE``, ``DiscordWebSocket.DEFAULT_GATEWAY``, ``Asset.BASE``; restored after).
        At teardown the test fails if the client hit a route the fake does not serve.
        Options: ``@pytest.mark.fake_discord(interaction_ack_deadline=None, channels=(...))``
        passes keyword arguments to ``FakeDiscord``; ``@pytest.mark.allow_unknown_routes``
        skips the unknown-route check.
    ``start_bot``
        ``bot = await start_bot(bot)`` runs ``bot.start(token)`` as a task, returns once
        ``on_ready`` has fired and closes the bot at teardown. Start-up errors
        (``discord.LoginFailure``...) are raised by the call. Build the bot with
        ``**CLIENT_TEST_KWARGS`` or ``on_ready`` waits 2 s for guilds.
    ``network_guard`` (autouse)
        No e2e test may leave the machine. While a test runs, ``socket.getaddrinfo`` refuses any
        name but ``localhost``/loopback literals, and ``socket.socket.connect``/``connect_ex``
        refuse any non-loopback IPv4/IPv6 address (asyncio and aiohttp connect through these, so
        this covers discord.py's REST session, its websocket and anything else). A refused
        attempt raises :class:`ExternalNetworkBlocked` *and* is recorded; recorded attempts
        fail the test at teardown even if a background task swallowed the error.
    ``discord_errors`` (autouse)
        discord.py logs, rather than raises, exceptions in event handlers, command callbacks,
        views and modals ("Ignoring exception in ..."). Any ERROR record from a ``discord.*``
        logger fails the test at teardown, so a bot-side crash cannot hide behind a passing
        fake-side assertion. Opt out with ``@pytest.mark.allow_discord_errors``.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import discord
import pytest

from tests.e2e.fake_discord import FakeDiscord, redirect_discord_py, run_client

ClientT = TypeVar("ClientT", bound=discord.Client)


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers this conftest reads."""
    config.addinivalue_line(
        "markers", "fake_discord(**kwargs): keyword arguments for the FakeDiscord of this test"
    )
    config.addinivalue_line(
        "markers", "allow_unknown_routes: do not fail when the client hits an unserved route"
    )
    config.addinivalue_line(
        "markers", "allow_discord_errors: do not fail on ERROR logs from discord.py loggers"
    )


# ------------------------------------------------------------------------------------------
# discord.py errors that would otherwise only be logged
# ------------------------------------------------------------------------------------------


class _ErrorCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def discord_errors(request: pytest.FixtureRequest) -> Iterator[list[logging.LogRecord]]:
    """Collect ERROR logs of discord.py; fail the test at teardown if there are any."""
    collector = _ErrorCollector()
    logger = logging.getLogger("discord")
    logger.addHandler(collector)
    try:
        yield collector.records
    finally:
        logger.removeHandler(collector)
    if collector.records and request.node.get_closest_marker("allow_discord_errors") is None:
        details = "\n".join(
            f"{r.name}: {r.getMessage()}\n{logging.Formatter().formatException(r.exc_info)}"
            if r.exc_info
            else f"{r.name}: {r.getMessage()}"
            for r in collector.records
        )
        pytest.fail(f"discord.py logged errors during the test:\n{details}")


# ------------------------------------------------------------------------------------------
# Network guard
# ------------------------------------------------------------------------------------------


class ExternalNetworkBlocked(OSError):
    """Raised when code under test tries to reach anything but 127.0.0.1/::1."""


@dataclass
class NetworkGuard:
    """What the guard refused during the current test (``violations`` is cleared by tests
    that provoke a refusal on purpose)."""

    violations: list[str] = field(default_factory=list)


_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str):
        return False
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def network_guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[NetworkGuard]:
    """Refuse DNS lookups and connections that are not to loopback, for every e2e test."""
    guard = NetworkGuard()
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def refuse(what: str) -> ExternalNetworkBlocked:
        guard.violations.append(what)
        return ExternalNetworkBlocked(f"e2e tests may only use 127.0.0.1; refused {what}")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback(host):
            raise refuse(f"DNS lookup of {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    def check_address(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            raise refuse(f"connection to {address!r}")

    def connect(self: socket.socket, address: Any) -> None:
        check_address(self, address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check_address(self, address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield guard
    if guard.violations:
        pytest.fail(f"test tried to leave 127.0.0.1: {guard.violations}")


# ------------------------------------------------------------------------------------------
# Fake Discord and bots
# ------------------------------------------------------------------------------------------


@pytest.fixture
async def fake_discord(request: pytest.FixtureRequest) -> AsyncIterator[FakeDiscord]:
    """A running FakeDiscord with discord.py pointed at it for the duration of the test."""
    marker = request.node.get_closest_marker("fake_discord")
    fake = FakeDiscord(**(marker.kwargs if marker else {}))
    await fake.start()
    try:
        with redirect_discord_py(fake):
            yield fake
    finally:
        await fake.stop()
    if request.node.get_closest_marker("allow_unknown_routes") is None:
        unknown = [str(r) for r in fake.unknown_routes()]
        assert not unknown, f"the client hit routes FakeDiscord does not serve: {unknown}"


class StartBot(Protocol):
    """Signature of the ``start_bot`` fixture."""

    def __call__(
        self, client: ClientT, *, token: str | None = None, ready_timeout: float = 10.0
    ) -> Awaitable[ClientT]: ...


@pytest.fixture
async def start_bot(fake_discord: FakeDiscord) -> AsyncIterator[StartBot]:
    """``await start_bot(bot)``: start against the fake, wait for on_ready, close at teardown."""
    async with contextlib.AsyncExitStack() as stack:

        async def start(
            client: ClientT, *, token: str | None = None, ready_timeout: float = 10.0
        ) -> ClientT:
            context = run_client(client, fake_discord, token=token, ready_timeout=ready_timeout)
            return await stack.enter_async_context(context)

        yield start
