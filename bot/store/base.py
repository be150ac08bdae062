"""The connection wrapper every repository writes through, and the store's small helpers.

A :class:`Db` is either the store's *reader* (a read-only connection: any write raises) or the
*writer* of an open unit of work (see :meth:`bot.store.Store.unit`). Repositories never commit:
the unit of work that handed them their :class:`Db` commits or rolls back everything at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import aiosqlite

from bot.errors import BarazaError


class StoreError(BarazaError):
    """The database cannot be used (not Baraza's, newer schema, read-only, locked...)."""


class OutsideUnitError(RuntimeError):
    """A write was attempted outside a unit of work: a programming error, never a user's."""


def now_text() -> str:
    """The current UTC time as stored."""
    return datetime.now(UTC).isoformat()


def ts(value: datetime) -> str:
    """A timestamp as stored (ISO 8601, UTC)."""
    return value.astimezone(UTC).isoformat()


def dt(value: str) -> datetime:
    """A stored timestamp."""
    return datetime.fromisoformat(value)


class Db:
    """Statements on one connection (or pool); writes only while ``writable``.

    Repositories write portable SQL with ``?`` placeholders; a backend translates what it must
    (:class:`bot.store.postgres.PgDb` numbers the placeholders). ``dialect`` lets a repository
    choose where the two differ ("sqlite" or "postgresql").
    """

    dialect = "sqlite"

    def __init__(self, *, writable: bool) -> None:
        self.writable = writable

    def _check(self) -> None:
        if not self.writable:
            raise OutsideUnitError("writes go through `async with store.unit() as uow:`")

    async def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first row of a query (None when there is none)."""
        raise NotImplementedError

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Every row of a query."""
        raise NotImplementedError

    async def write(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one write statement; returns the number of rows it changed."""
        raise NotImplementedError

    async def insert(
        self, sql: str, params: Sequence[Any] = (), returning: str = "id"
    ) -> int | None:
        """Run one INSERT; the new row's ``returning`` column, or None when it inserted nothing."""
        raise NotImplementedError

    async def write_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one write statement for each row."""
        raise NotImplementedError

    def prefix_match(self, column: str) -> str:
        """SQL that is true when ``column`` starts with a key given as two parameters
        (the key, and the key followed by U+10FFFF), using an index where there is one."""
        return f"{column} >= ? AND {column} < ?"


class SqliteDb(Db):
    """A :class:`Db` over one aiosqlite connection."""

    def __init__(self, conn: aiosqlite.Connection, *, writable: bool) -> None:
        super().__init__(writable=writable)
        self._conn = conn

    async def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        async with self._conn.execute(sql, params) as cur:
            return await cur.fetchone()

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        async with self._conn.execute(sql, params) as cur:
            return list(await cur.fetchall())

    async def write(self, sql: str, params: Sequence[Any] = ()) -> int:
        self._check()
        async with self._conn.execute(sql, params) as cur:
            return max(cur.rowcount, 0)

    async def insert(
        self, sql: str, params: Sequence[Any] = (), returning: str = "id"
    ) -> int | None:
        self._check()
        async with self._conn.execute(sql, params) as cur:
            return cur.lastrowid if cur.rowcount > 0 else None

    async def write_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._check()
        if rows:
            await self._conn.executemany(sql, rows)
