"""Turning a plain kiosk database into an encrypted one, and changing its unlock code.

The conversion needs the database to itself (no screen or command has it open): it writes
an encrypted copy with SQLCipher's export, checks that every table holds the same rows,
puts the key file in place, then the copy over the original. Interrupted anywhere, the
original stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from kiosk.store import cipher


class EncryptError(Exception):
    """The database could not be encrypted or re-keyed; nothing changed."""


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def _alone(source: sqlite3.Connection, path: Path) -> None:
    """Fold the WAL into the file and prove no other connection has the database open:
    leaving WAL mode needs it to itself."""
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = source.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.Error as exc:
        raise EncryptError(f"{path}: {exc}; close its screens and commands first") from None
    if mode != "delete":
        raise EncryptError(
            f"{path} is open elsewhere (a screen, a sync, a command): close it first; "
            "nothing changed"
        )


def encrypt_database(path: Path, code: str) -> dict[str, int]:
    """Encrypt the plain database at `path` under a new random key wrapped by `code`;
    the row counts copied, per table."""
    if cipher.is_encrypted(path):
        raise EncryptError(f"{path} is encrypted already (or is not a kiosk database)")
    if not path.is_file():
        raise EncryptError(f"no database at {path}")
    if cipher.key_file(path).exists():
        raise EncryptError(f"{cipher.key_file(path)} exists already: move it away first")
    key = os.urandom(32)
    partial = path.with_name(f".{path.name}.{os.getpid()}.encrypting")
    source = sqlite3.connect(str(path), isolation_level=None, timeout=1.0)
    try:
        _alone(source, path)
        source.execute("BEGIN EXCLUSIVE")  # nobody writes while the copy is made
        before = _counts(source)
        source.execute("ROLLBACK")
        source.close()
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        plain = sqlcipher.connect(str(path), isolation_level=None)  # no key: reads plain
        try:
            plain.execute("ATTACH DATABASE ? AS enc KEY \"x'" + key.hex() + "'\"", [str(partial)])
            plain.execute("SELECT sqlcipher_export('enc')")
            version = plain.execute("PRAGMA user_version").fetchone()[0]
            plain.execute(f"PRAGMA enc.user_version = {int(version)}")
            plain.execute("DETACH DATABASE enc")
        finally:
            plain.close()
        copy = cipher.connect(str(partial), key)
        try:
            copy.execute("PRAGMA journal_mode = WAL")
            if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok" or (
                _counts(copy) != before
            ):
                raise EncryptError("the encrypted copy did not check out; nothing changed")
        finally:
            copy.close()
        cipher.write_wrapped(path, cipher.wrap(key, code))
        os.replace(partial, path)
        for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            with contextlib.suppress(FileNotFoundError):
                extra.unlink()
    except (sqlite3.Error, sqlcipher.Error, OSError) as exc:
        raise EncryptError(f"cannot encrypt {path}: {exc}; nothing changed") from None
    finally:
        with contextlib.suppress(sqlite3.Error):
            source.close()
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    cipher.remember(path, key)
    return before


def change_code(path: Path, current: str, new: str) -> None:
    """Wrap the database key under a new unlock code (the database itself is unchanged);
    cipher.Locked when `current` is wrong."""
    key = cipher.unwrap(cipher.read_wrapped(path), current)
    cipher.write_wrapped(path, cipher.wrap(key, new), replace=True)
