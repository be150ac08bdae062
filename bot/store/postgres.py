"""The PostgreSQL backend (asyncpg): the same repositories and write path as SQLite.

Open it with a ``postgresql://user@host:port/dbname`` URL (``--db``, ``BARAZA_DB`` or
``[store] url``). What is the same as on SQLite: the numbered migrations (a faithful translation
of each, in ``migrations/postgresql``), the repositories' SQL (``?`` placeholders are numbered
here), idempotency on source ids, one vote per person, the unit of work. Units of work in all
processes on one database run one at a time (a transaction-level advisory lock), exactly as
SQLite's ``BEGIN IMMEDIATE`` serialises writers, so several bot, console and import processes
give the result one process would. Every committed change is announced with ``NOTIFY`` so every
process's boards follow the others within a second.

What differs: ``forget`` ends with ``VACUUM FULL`` of the affected tables (the rows are rewritten
into new files and the old ones removed) instead of ``secure_delete``; PostgreSQL's own write-ahead
log keeps the old rows until the server recycles it (see README).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bot.store.backend import Repos, Store, UnitOfWork, migrations
from bot.store.base import Db, StoreError

log = logging.getLogger(__name__)

#: The advisory lock every unit of work takes ("BARAZA" in ASCII): one writer at a time.
WRITE_LOCK = 0x42415241_5A41
CHANNEL = "baraza_changes"
SCHEMA_TABLE = "baraza_schema"
#: Tables ``forget`` rewrites; VACUUM FULL makes their old row versions go away.
ERASED_TABLES = ("participants", "registrants", "messages", "questions", "votes")


@lru_cache(maxsize=512)
def numbered(sql: str) -> str:
    """``?`` placeholders as ``$1, $2...`` (outside quoted strings)."""
    out: list[str] = []
    n = 0
    quoted = False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        if ch == "?" and not quoted:
            n += 1
            out.append(f"${n}")
        else:
            out.append(ch)
    return "".join(out)


def redacted(url: str) -> str:
    """The URL without its password (for messages and logs)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


_COUNT = re.compile(r"(\d+)\s*$")


class PgDb(Db):
    """A :class:`Db` over an asyncpg connection (a unit of work) or pool (reads)."""

    dialect = "postgresql"

    def __init__(self, target: Any, *, writable: bool) -> None:
        super().__init__(writable=writable)
        self._target = target

    async def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await self._target.fetchrow(numbered(sql), *params)

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(await self._target.fetch(numbered(sql), *params))

    async def write(self, sql: str, params: Sequence[Any] = ()) -> int:
        self._check()
        status = await self._target.execute(numbered(sql), *params)
        found = _COUNT.search(status or "")
        return int(found.group(1)) if found else 0

    async def insert(
        self, sql: str, params: Sequence[Any] = (), returning: str = "id"
    ) -> int | None:
        self._check()
        value = await self._target.fetchval(f"{numbered(sql)} RETURNING {returning}", *params)
        return int(value) if value is not None else None

    async def write_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._check()
        if rows:
            await self._target.executemany(numbered(sql), [tuple(r) for r in rows])


class PgStore(Store):
    """A Baraza database on a PostgreSQL server."""

    def __init__(self, pool: Any, url: str) -> None:
        self._pool = pool
        self._url = url
        self.location = redacted(url)
        self.read = Repos(PgDb(pool, writable=False))
        self._token = uuid.uuid4().hex
        self._listener: Any = None
        self._tasks: set[asyncio.Future[Any]] = set()

    @classmethod
    async def open_url(cls, url: str) -> PgStore:
        """Connect, and bring the schema up to date (refusing another program's database)."""
        import asyncpg

        try:
            pool = await asyncpg.create_pool(url, min_size=1, max_size=8, command_timeout=60)
        except (OSError, asyncpg.PostgresError, ValueError) as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {redacted(url)}: {exc}") from None
        store = cls(pool, url)
        try:
            await store._migrate()
        except BaseException:
            await pool.close()
            raise
        return store

    async def _migrate(self) -> None:
        known = migrations("postgresql")
        latest = known[-1][0] if known else 0
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
            tables = {
                r[0]
                for r in await conn.fetch(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            }
            if tables and SCHEMA_TABLE not in tables:
                raise StoreError(
                    f"{self.location} holds tables of another program, not Baraza's;"
                    " it was left as it was"
                )
            await conn.execute(
                f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version INTEGER NOT NULL)"
            )
            current = await conn.fetchval(f"SELECT MAX(version) FROM {SCHEMA_TABLE}") or 0
            if current > latest:
                raise StoreError(
                    f"{self.location} has schema version {current}, newer than this Baraza"
                    f" ({latest}); upgrade Baraza"
                )
            for version, name, sql in known:
                if version <= current:
                    continue
                log.info("applying migration %s (PostgreSQL)", name)
                await conn.execute(sql)
                await conn.execute(f"INSERT INTO {SCHEMA_TABLE}(version) VALUES ($1)", version)

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[UnitOfWork]:
        """One unit of work: a transaction holding the database-wide write lock."""
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
            db = PgDb(conn, writable=True)
            try:
                yield Repos(db)
            finally:
                db.writable = False

    async def close(self) -> None:
        """Close the listener and the pool."""
        if self._listener is not None:
            await self._listener.close()
            self._listener = None
        await self._pool.close()

    async def compact(self) -> None:
        """Rewrite the tables ``forget`` changed, so no old row version stays in their files."""

        async with self._pool.acquire() as conn:
            await conn.execute(f"VACUUM (FULL) {', '.join(ERASED_TABLES)}")
            await conn.execute("CHECKPOINT") if await self._superuser(conn) else None

    @staticmethod
    async def _superuser(conn: Any) -> bool:
        return bool(
            await conn.fetchval("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        )

    async def schema_version(self) -> int:
        """The schema version recorded in the database."""
        return int(await self._pool.fetchval(f"SELECT MAX(version) FROM {SCHEMA_TABLE}") or 0)

    async def notify(self, event_id: int) -> None:
        """Announce a change of ``event_id`` to every process listening on this database."""
        await self._pool.execute("SELECT pg_notify($1, $2)", CHANNEL, f"{self._token}:{event_id}")

    async def listen(self, callback: Callable[[int], object]) -> None:
        """Call ``callback(event_id)`` for changes other processes announce."""
        import asyncpg

        if self._listener is None:
            self._listener = await asyncpg.connect(self._url)

        def on_notice(_conn: Any, _pid: int, _channel: str, payload: str) -> None:
            token, _, event = payload.partition(":")
            if token == self._token or not event.isdigit():
                return
            result = callback(int(event))
            if inspect.isawaitable(result):
                task = asyncio.ensure_future(result)
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

        await self._listener.add_listener(CHANNEL, on_notice)
