"""Who may use the console: key links, session cookies, CSRF tokens, wrong-key rate limits.

A moderator key opens the console (and the panel); a panel key opens only the read-only panel.
``?key=...`` is swapped at once for an HttpOnly, SameSite=Strict session cookie and the key is
dropped from the address bar. Every state-changing request must carry the session's CSRF token.
Wrong keys are counted per client address: too many in a minute and that address must wait.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import secrets
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.errors import BarazaError

MODERATOR = "moderator"
PANEL = "panel"
COOKIE = "baraza_session"
CSRF_HEADER = "X-CSRF-Token"
MODERATOR_KEY_ENV = "BARAZA_MODERATOR_KEY"
PANEL_KEY_ENV = "BARAZA_PANEL_KEY"
#: Wrong keys allowed per client address and window before it is refused for the window.
MAX_WRONG_KEYS = 5
WRONG_KEY_WINDOW = 60.0
MAX_SESSIONS = 1000


@dataclass
class Session:
    """One browser's login: its role and its CSRF token."""

    role: str
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    @property
    def moderator(self) -> bool:
        """Whether this session may act on the queue."""
        return self.role == MODERATOR


class RateLimited(Exception):
    """Too many wrong keys from one address."""


class Access:
    """The keys, the open sessions and the wrong-key counters of one console."""

    def __init__(
        self,
        moderator_key: str | None,
        panel_key: str | None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``None`` keys mean open access (loopback only, see :func:`check_listen`)."""
        self.moderator_key = moderator_key
        self.panel_key = panel_key
        self._sessions: dict[str, Session] = {}
        self._wrong: dict[str, deque[float]] = {}
        self._clock = clock

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, open_access: bool = False) -> Access:
        """Keys from ``BARAZA_MODERATOR_KEY``/``BARAZA_PANEL_KEY``, else random ones."""
        env = os.environ if env is None else env
        if open_access:
            return cls(None, None)
        moderator = env.get(MODERATOR_KEY_ENV) or secrets.token_urlsafe(18)
        panel = env.get(PANEL_KEY_ENV) or secrets.token_urlsafe(18)
        if moderator == panel:
            raise BarazaError(f"{MODERATOR_KEY_ENV} and {PANEL_KEY_ENV} must differ")
        return cls(moderator, panel)

    @property
    def open(self) -> bool:
        """Whether the console runs without keys (every visitor is a moderator)."""
        return self.moderator_key is None

    def role_of(self, key: str) -> str | None:
        """The role a key opens (constant-time comparisons), or None."""
        found = None
        for role, wanted in ((MODERATOR, self.moderator_key), (PANEL, self.panel_key)):
            if wanted and hmac.compare_digest(key.encode(), wanted.encode()):
                found = role
        return found

    def login(self, key: str, client: str) -> tuple[str, Session] | None:
        """A new session for a right key; None for a wrong one; :class:`RateLimited` if too many."""
        wrong = self._wrong.setdefault(client, deque())
        now = self._clock()
        while wrong and now - wrong[0] > WRONG_KEY_WINDOW:
            wrong.popleft()
        if len(wrong) >= MAX_WRONG_KEYS:
            raise RateLimited(client)
        role = self.role_of(key)
        if role is None:
            wrong.append(now)
            return None
        return self.new_session(role)

    def new_session(self, role: str) -> tuple[str, Session]:
        """Open a session; returns its cookie value and the session."""
        if len(self._sessions) >= MAX_SESSIONS:  # the oldest logins go first
            for old in list(self._sessions)[: MAX_SESSIONS // 10]:
                del self._sessions[old]
        sid = secrets.token_urlsafe(32)
        session = Session(role)
        self._sessions[sid] = session
        return sid, session

    def session(self, cookie: str | None) -> Session | None:
        """The session behind a cookie value."""
        return self._sessions.get(cookie) if cookie else None

    def csrf_ok(self, session: Session, token: str | None) -> bool:
        """Whether ``token`` is this session's CSRF token."""
        return bool(token) and hmac.compare_digest(session.csrf.encode(), str(token).encode())


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_listen(host: str, access: Access) -> None:
    """Refuse to serve an open (keyless) console beyond this machine."""
    if access.open and not is_loopback(host):
        raise BarazaError(
            f"refusing to listen on {host} without keys: drop --no-keys (or use 127.0.0.1)"
        )
