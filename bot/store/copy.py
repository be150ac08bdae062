"""Copying a whole Baraza database between backends (``baraza db copy --from A --to B``).

Every table is copied with its ids, in an order that keeps foreign keys valid (self references,
such as a question merged into a later one, are filled in after all rows exist), in ONE unit of
work on the target, and then verified by counting the rows of each table on both sides.
"""

from __future__ import annotations

from bot.store.backend import Store
from bot.store.base import Db, StoreError

#: Tables in foreign-key order, with their self-referencing columns.
TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("events", ()),
    ("participants", ()),
    ("registrants", ()),
    ("messages", ("reply_to_message",)),
    ("questions", ("merged_into", "reply_to")),
    ("votes", ()),
    ("retags", ()),
    ("board_views", ()),
    ("settings", ()),
    ("intake_marks", ()),
    ("forgotten", ()),
)
IDENTITY_TABLES = ("events", "participants", "registrants", "messages", "questions", "retags")


async def columns(db: Db, table: str) -> list[str]:
    """The column names of ``table``, in order."""
    if db.dialect == "postgresql":
        rows = await db.all(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
    else:
        rows = [(r[1],) for r in await db.all(f"PRAGMA table_info({table})")]
    return [r[0] for r in rows]


async def counts(store: Store) -> dict[str, int]:
    """Rows per table."""
    found = {}
    for table, _ in TABLES:
        row = await store.read.db.one(f"SELECT COUNT(*) FROM {table}")
        found[table] = int(row[0])
    return found


async def copy_database(source: Store, target: Store) -> dict[str, int]:
    """Copy everything from ``source`` into the empty ``target``; returns rows per table."""
    if await source.schema_version() != await target.schema_version():
        raise StoreError(
            "the two databases have different schema versions; open both with this Baraza first"
        )
    if any((await counts(target)).values()):
        raise StoreError(f"the target {target.location} is not empty; copy into a new database")
    async with target.unit() as uow:
        for table, self_refs in TABLES:
            names = await columns(source.read.db, table)
            rows = await source.read.db.all(f"SELECT {', '.join(names)} FROM {table}")
            first = [
                tuple(
                    None if name in self_refs else value
                    for name, value in zip(names, row, strict=True)
                )
                for row in rows
            ]
            marks = ", ".join("?" * len(names))
            await uow.db.write_many(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", first
            )
            for ref in self_refs:
                at = names.index(ref)
                linked = [(row[at], row[0]) for row in rows if row[at] is not None]
                await uow.db.write_many(f"UPDATE {table} SET {ref}=? WHERE id=?", linked)
        if uow.db.dialect == "postgresql":
            for table in IDENTITY_TABLES:
                await uow.db.one(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                )
    copied, expected = await counts(target), await counts(source)
    if copied != expected:
        raise StoreError(f"the copy is incomplete: {copied} rows against {expected} in the source")
    return copied
