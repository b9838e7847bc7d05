"""A consistent copy of a live kiosk database (SQLite's online backup: a plain `cp` of a
WAL database in use can give a broken copy), owner-readable only, checked before it is
put in place."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from kiosk.store import cipher

PAGES_PER_STEP = 1024  # pages copied between yields: scans keep running meanwhile


class BackupError(Exception):
    """The copy could not be made or did not check out; nothing was left at the target."""


def backup(db: Database, target: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Copy `db` to `target` (a new file) while kiosks keep writing; the size in bytes.
    An encrypted database gives an encrypted copy under the same key, with its key file
    beside the copy: useless without the unlock code."""
    if target.exists():
        raise BackupError(f"{target} exists already: choose a new file name")
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent} is not a folder")
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        source = cipher.encrypted_path(db.conn)
        key = cipher.database_key(source) if source else None
        copy = cipher.connect(str(partial), key) if key else sqlite3.connect(str(partial))
        try:
            db.conn.backup(
                copy, pages=PAGES_PER_STEP,
                progress=(lambda _s, left, total: progress(total - left, total))
                if progress else None,
            )  # fmt: skip
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
        if verdict != "ok":
            raise BackupError(f"the copy did not check out ({verdict}); nothing kept")
        if source is not None:
            cipher.write_wrapped(target, cipher.read_wrapped(source))
        os.replace(partial, target)
    except cipher.errors(OSError, cipher.Locked) as exc:
        raise BackupError(f"cannot write {target}: {exc}") from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return target.stat().st_size
