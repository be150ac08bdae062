"""Run the ``baraza`` command line in this process with discord.py pointed at a FakeDiscord.

For tests that need the bot in a process of its own (to kill it with SIGKILL)::

    python -m tests.e2e.fake_discord.bot_process http://127.0.0.1:PORT run --config C --db D -v

The first argument is the fake's ``base_url``; the rest is ``baraza``'s command line. Run it
with the repository (or worktree) as the working directory so that ``bot`` is imported from
there. Like the e2e ``network_guard``, any connection that is not to loopback is refused.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Sequence
from typing import Any


def _loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str):
        return False
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def guard_network() -> None:
    """Refuse DNS lookups and connections that are not to loopback (the bot must stay here)."""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _loopback(host):
            raise OSError(f"e2e bot process may only use 127.0.0.1; refused lookup of {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
            raise OSError(f"e2e bot process may only use 127.0.0.1; refused {address!r}")
        return real_connect(self, address)

    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    socket.socket.connect = connect  # type: ignore[method-assign]


def redirect(base_url: str) -> None:
    """Point discord.py's REST, gateway and CDN at the fake served at ``base_url``."""
    import discord.asset
    import discord.gateway
    import discord.http
    import yarl

    from tests.e2e.fake_discord import API_PREFIX

    discord.http.Route.BASE = base_url + API_PREFIX
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(
        base_url.replace("http://", "ws://", 1) + "/gateway"
    )
    discord.asset.Asset.BASE = base_url + "/cdn"


def main(argv: Sequence[str]) -> int:
    """``argv``: the fake's base URL, then ``baraza``'s arguments."""
    base_url, *args = argv
    guard_network()
    redirect(base_url)
    from bot.cli import main as baraza

    return baraza(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
