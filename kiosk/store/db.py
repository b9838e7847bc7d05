"""Opening a kiosk database: pragmas for durability, migrations, and write transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from kiosk.store.schema import MIGRATIONS


class StoreError(Exception):
    """The database cannot be used (not a kiosk database, locked, unreadable)."""


def open_db(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) a kiosk database in WAL mode with synchronous=FULL."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE on writes).
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a WAL commit is on disk before COMMIT returns, so an admitted scan
        # survives a power cut the moment the decision is shown.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        if migrate:
            MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable kiosk database ({exc})") from None
    return db


@contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock up front so it cannot fail half-way
    on a lock upgrade while another connection (the sync thread) writes."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
