"""discord.py glue: point the client at a fake and run it until READY."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterator,
)
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import discord


from tests.e2e.fake_discord._server import FakeDiscord

log = logging.getLogger(__name__)


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
