"""What a kiosk leaves on its disk: owner-only files, and a backup that is consistent while
the kiosk writes (issue 11, data at rest; a door's missing e-mails: tests/sync)."""

from __future__ import annotations

import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from kiosk.cli import main as cli
from kiosk.store import checkins
from kiosk.store.backup import BackupError, backup
from kiosk.store.db import open_db, write
from tests.sync.conftest import fake_records


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_are_owner_only(tmp_path: Path) -> None:
    """0600 from the start: names and settings are not for other users of the laptop."""
    db = open_db(tmp_path / "k.db")
    with write(db):
        checkins.append(db, fake_records("k1", 1)[0])
    assert (mode(tmp_path / "k.db"), mode(tmp_path / "k.db-wal")) == (0o600, 0o600)


def test_an_old_world_readable_database_is_made_owner_only(tmp_path: Path) -> None:
    """A database made by kiosk 0.1 (mode 644) is closed to others on its next open."""
    path = tmp_path / "old.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    path.chmod(0o644)
    open_db(path)
    assert mode(path) == 0o600


def test_backup_is_consistent_while_the_kiosk_writes(tmp_path: Path) -> None:
    """A copy taken while another connection keeps committing check-ins opens, checks
    out and holds a prefix of the log; it is owner-only and never overwrites a file."""
    path = tmp_path / "live.db"
    db = open_db(path)
    stop = threading.Event()

    def keep_writing() -> None:
        writer = open_db(path)
        n = 0
        while not stop.is_set():
            with write(writer):
                for record in fake_records("kw", 50, start=n):
                    checkins.append(writer, record)
            n += 50

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        size = backup(db, tmp_path / "copy.db")
    finally:
        stop.set()
        thread.join()
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert size > 0 and mode(tmp_path / "copy.db") == 0o600
    with pytest.raises(BackupError, match="exists already"):
        backup(db, tmp_path / "copy.db")


def test_kiosk_backup_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kiosk backup FILE`: one line either way; a missing folder is refused."""
    db = tmp_path / "k.db"
    open_db(db)
    assert cli.main(["backup", str(tmp_path / "b.db"), "--db", str(db)]) == 0
    assert "backed up to" in capsys.readouterr().out
    assert cli.main(["backup", str(tmp_path / "nope" / "b.db"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a folder" in err
