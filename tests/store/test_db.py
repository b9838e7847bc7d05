"""Opening kiosk databases: pragmas, recorded migrations, upgrades that keep data."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.store import checkins
from kiosk.store.db import StoreError, open_db
from kiosk.store.schema import MIGRATIONS


def test_database_is_wal_with_full_sync(db: Database) -> None:
    """Every connection runs in WAL mode with synchronous=FULL (2)."""
    assert [
        db.execute("PRAGMA journal_mode").fetchone()[0],
        db.execute("PRAGMA synchronous").fetchone()[0],
    ] == ["wal", 2]


def test_reopening_applies_nothing_twice_and_keeps_data(db: Database, tmp_path: Path) -> None:
    """Opening an existing kiosk database again keeps its data and its migration record."""
    path = tmp_path / "kiosk.db"
    applied = [m.name for m in MIGRATIONS.applied(db)]
    people = db.execute("SELECT count(*) FROM attendees").fetchone()[0]
    again = open_db(path)
    assert ([m.name for m in MIGRATIONS.applied(again)], people) == (
        applied,
        again.execute("SELECT count(*) FROM attendees").fetchone()[0],
    )
    assert applied == [m.name for m in MIGRATIONS._migrations]


def test_upgrade_from_the_first_schema_keeps_the_log(tmp_path: Path) -> None:
    """A database made by the first release gets later migrations without losing records."""
    path = tmp_path / "old.db"
    old = open_db(path, migrate=False)
    MIGRATIONS.apply(old, stop_before=[m.name for m in MIGRATIONS._migrations[1:]])
    old.execute(
        "INSERT INTO checkins(id, kiosk_id, hall, direction, verdict, reason, code, at, "
        "delta) VALUES ('r1', 'k', 'main', 'entry', 'admitted', 'admitted', 'c', 't', 0)"
    )
    old.conn.close()
    upgraded = open_db(path)
    assert [checkins.count(upgraded), len(MIGRATIONS.pending(upgraded))] == [1, 0]


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path: Path) -> None:
    """Opening garbage raises StoreError naming the file, not a sqlite3 traceback."""
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"garbage\.db"):
        open_db(path)
