"""Opening a kiosk database: pragmas for durability, migrations, and write transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.store import cipher
from kiosk.store.schema import MIGRATIONS

# settings key: the kiosk version that last opened the database for writing, so a kiosk
# that finds migrations it does not know can say which (newer) version wrote them.
WRITTEN_BY = "written_by"


class StoreError(Exception):
    """The database cannot be used (not a kiosk database, locked, unreadable)."""


def app_version() -> str:
    try:
        return metadata.version("kiosk")
    except metadata.PackageNotFoundError:  # a checkout that was never pip-installed
        return "unknown"


def describe_error(path: Path | str, exc: Exception) -> str:
    """One line for people from an SQLite error: busy, read-only, full, or not a database."""
    text = str(exc)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return f"{path}: database is busy (another kiosk process?)"
    if "readonly" in lowered or "read-only" in lowered:
        return f"{path}: the database is read-only"
    if "full" in lowered:
        return f"{path}: the disk is full"
    return f"{path}: not a usable kiosk database ({text})"


def _read_only_reason(path: Path) -> str | None:
    """Why the kiosk could not write here, or None. os.access sees what SQLite would meet:
    file modes for ordinary users, and for root too an immutable file (chattr +i) or a
    read-only mount. WAL needs the -wal and -shm files beside the database, so a
    directory that cannot take new files makes an existing database read-only too."""
    if not path.exists():
        return None if os.access(path.parent, os.W_OK) else f"cannot create files in {path.parent}"
    if not os.access(path, os.W_OK):
        return "no permission to write the file"
    if not os.access(path.parent, os.W_OK):
        beside = [Path(f"{path}-wal"), Path(f"{path}-shm")]
        if not all(p.exists() and os.access(p, os.W_OK) for p in beside):
            return f"cannot create files in its folder {path.parent}"
    return None


def _check_written_by_this_or_older(db: Database, path: Path | str) -> None:
    """Refuse a database migrated by a newer kiosk: writing to a schema we do not know
    could break what that version relies on."""
    known = {m.name for m in MIGRATIONS._migrations}
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
    if not unknown:
        return
    row = None
    if db["settings"].exists():
        row = db.execute("SELECT value FROM settings WHERE key = ?", [WRITTEN_BY]).fetchone()
    writer = f"kiosk {row[0]}" if row else "a newer kiosk"
    raise StoreError(
        f"{path} was written by {writer}, newer than this kiosk {app_version()} "
        f"(unknown schema changes: {', '.join(unknown)}): upgrade kiosk to use it; "
        "nothing changed"
    )


def _stamp_version(db: Database) -> None:
    version = app_version()
    current = db.execute("SELECT value FROM settings WHERE key = ?", [WRITTEN_BY]).fetchone()
    if current is None or current[0] != version:
        with write(db):
            db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [WRITTEN_BY, version],
            )


def open_db(path: Path | str, *, migrate: bool = True, need_write: bool = True) -> Database:
    """Open (creating if needed) a kiosk database in WAL mode with synchronous=FULL.

    Refused with StoreError, before anything is written: a database (or folder) this
    process cannot write, and one migrated by a newer kiosk. `need_write=False` (commands
    that only read) opens a database that cannot be written read-only instead."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        reason = _read_only_reason(Path(path))
        if reason is not None and not need_write and Path(path).is_file():
            return _open_read_only(Path(path), migrate)
        if reason is not None:
            raise StoreError(f"{path}: the database is read-only ({reason}); nothing changed")
    if str(path) != ":memory:":
        _owner_only(Path(path))
    try:
        conn = _connect(Path(path), str(path))
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a WAL commit is on disk before COMMIT returns, so an admitted scan
        # survives a power cut the moment the decision is shown.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        if migrate:
            _check_written_by_this_or_older(db, path)
            MIGRATIONS.apply(db)
            _stamp_version(db)
    except cipher.DatabaseError as exc:
        raise StoreError(describe_error(path, exc)) from None
    return db


def _connect(path: Path, target: str, uri: bool = False) -> Any:
    """isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE on writes).
    An encrypted database opens with its key (kiosk/store/cipher.py), asked for once."""
    if target == ":memory:" or not cipher.is_encrypted(path):
        return sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    try:
        key = cipher.database_key(path)
    except cipher.Locked as exc:
        raise StoreError(f"{path}: {exc}; nothing changed") from None
    try:
        return cipher.connect(target, key, uri=uri)
    except cipher.DatabaseError:
        raise StoreError(
            f"{path}: the unlock code opened its key file but not the database: the key "
            f"file {cipher.key_file(path)} belongs to another database"
        ) from None


def _owner_only(path: Path) -> None:
    """A kiosk database holds attendees' names and the kiosk's settings: readable by its
    owner only (0600), made so before SQLite creates it; SQLite gives its -wal and -shm
    files the database file's mode."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    elif path.stat().st_mode & 0o077:
        with contextlib.suppress(OSError):  # not ours to change (another user's copy)
            path.chmod(0o600)
            for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
                if extra.exists():
                    extra.chmod(0o600)


def _open_read_only(path: Path, migrate: bool) -> Database:
    """A database this process cannot write, opened only to read it. In a folder that
    cannot take the -shm file, SQLite can only read it as immutable (no locking), which
    is what a read-only copy (a stick, a mounted backup) is."""
    shm = Path(f"{path}-shm")
    immutable = not os.access(path.parent, os.W_OK) and not shm.exists()
    uri = f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"
    try:
        conn = _connect(path, uri, uri=True)
        conn.execute("PRAGMA busy_timeout = 5000")
        db = Database(conn)
        if migrate and MIGRATIONS.pending(db):
            raise StoreError(
                f"{path}: the database needs upgrading to this kiosk's schema but is read-only"
            )
    except cipher.DatabaseError as exc:
        raise StoreError(describe_error(path, exc)) from None
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
