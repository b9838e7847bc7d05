"""Per-kiosk settings: the kiosk's stable id and small key-value preferences."""

from __future__ import annotations

import uuid

from sqlite_utils import Database


def get(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return default if row is None else str(row[0])


def put(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def kiosk_id(db: Database) -> str:
    """This database's stable kiosk id, made once on first use."""
    current = get(db, "kiosk_id")
    if current is None:
        current = f"k-{uuid.uuid4().hex[:10]}"
        db.execute("INSERT OR IGNORE INTO settings(key, value) VALUES ('kiosk_id', ?)", [current])
        current = get(db, "kiosk_id")
    assert current is not None
    return current
