"""Database faults end in one line on stderr, a non-zero exit and an unchanged database:
read-only files and folders, a writer holding the lock, a database from a newer kiosk."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.cli.data import make_demo_database
from kiosk.store.db import WRITTEN_BY, open_db
from tests.cli.helpers import assert_one_line, kiosk


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    make_demo_database(path, count=50)
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo database (with its signing key) for each test."""
    path = tmp_path / "kiosk.db"
    shutil.copy(demo_template, path)
    shutil.copytree(Path(f"{demo_template}.keys"), Path(f"{path}.keys"))
    return path


def digest(folder: Path) -> dict[str, str]:
    """The hash of each database and its write-ahead log in a folder: what 'the database is
    unchanged' means. A missing -wal equals an empty one; -shm is only an index of the
    -wal that every reader updates, so it is left out."""
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    for name in [n for n in files if n.endswith(".db")]:
        files.setdefault(f"{name}-wal", b"")
    return {
        name: hashlib.sha256(data).hexdigest()
        for name, data in files.items()
        if not name.endswith("-shm")
    }


@pytest.fixture
def make_read_only() -> Iterator[Callable[[Path], None]]:
    """Makes a file or folder really read-only, for root too. chmod alone does not stop
    root (CAP_DAC_OVERRIDE), so as root the immutable attribute (chattr +i) is used,
    which the kernel enforces for everyone; the test is skipped where neither works."""
    done: list[Path] = []

    def read_only(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
        else:
            result = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
            if result.returncode != 0:
                pytest.skip(f"running as root and chattr +i fails here: {result.stderr!r}")
        done.append(path)
        # Honest: the OS itself refuses this process a write.
        with pytest.raises(OSError):
            if path.is_dir():
                (path / "probe").write_bytes(b"")
            else:
                path.open("r+b").close()

    yield read_only
    for path in done:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o755 if path.is_dir() else 0o644)


def _scan_args(db: Path) -> list[str]:
    code = subprocess.run(
        [sys.executable, "-m", "kiosk.cli.main", "code", "A0000001", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return ["scan", code, "--hall", "auditorium", "--at", "2026-10-14T09:20", "--db", str(db)]


@pytest.mark.parametrize("what", ["file", "folder"])
def test_scan_on_a_read_only_database_is_one_line(
    what: str,
    demo_db: Path,
    make_read_only: Callable[[Path], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`kiosk scan` on a read-only database file, or in a read-only folder: one line, exit 1."""
    args = _scan_args(demo_db)
    before = digest(demo_db.parent)
    make_read_only(demo_db if what == "file" else demo_db.parent)
    status, out, err = kiosk(capsys, *args)
    assert (status, out) == (1, "")
    assert_one_line(err, str(demo_db), "read-only")
    assert digest(demo_db.parent) == before


@pytest.mark.parametrize("what", ["file", "folder"])
def test_pin_set_on_a_read_only_database_is_one_line(
    what: str,
    demo_db: Path,
    make_read_only: Callable[[Path], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`kiosk pin set` on a read-only database: one line, exit 1, nothing changed."""
    before = digest(demo_db.parent)
    make_read_only(demo_db if what == "file" else demo_db.parent)
    status, out, err = kiosk(capsys, "pin", "set", "--pin", "246802", "--db", str(demo_db))
    assert (status, out) == (1, "")
    assert_one_line(err, "read-only")
    assert digest(demo_db.parent) == before


@pytest.mark.parametrize("what", ["file", "folder"])
def test_sync_on_a_read_only_database_does_not_say_synced(
    what: str,
    demo_db: Path,
    tmp_path: Path,
    make_read_only: Callable[[Path], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`kiosk sync --hub FOLDER` on a read-only database that synced before (so the pass
    itself has nothing to write): one line and exit 1, never "synced" first."""
    hub = tmp_path / "hub"
    # In other processes, so every connection is closed after: a folder that still holds
    # writable -wal and -shm files lets SQLite write the database, read-only or not.
    for command in (["hub", "init", str(hub)], ["sync", "--hub", str(hub), "--db", str(demo_db)]):
        subprocess.run([sys.executable, "-m", "kiosk.cli.main", *command], check=True)
    # A second location string for the same hub: today the pass succeeds, prints
    # "synced", and only then fails storing the new location.
    before = digest(demo_db.parent)
    make_read_only(demo_db if what == "file" else demo_db.parent)
    status, out, err = kiosk(capsys, "sync", "--hub", f"{hub}/", "--db", str(demo_db))
    assert (status, out) == (1, "")
    assert_one_line(err, "read-only")
    assert digest(demo_db.parent) == before


def test_scan_while_another_writer_holds_the_lock_says_busy(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another connection holds the write lock past the 5 s busy timeout: one line
    "database is busy (another kiosk process?)", exit 1, no check-in recorded."""
    args = _scan_args(demo_db)
    open_db(demo_db).conn.close()  # stamped and migrated: the scan's first write is the scan
    holder = sqlite3.connect(demo_db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    try:
        status, out, err = kiosk(capsys, *args)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (status, out) == (1, "")
    assert_one_line(err, "database is busy (another kiosk process?)")
    check = sqlite3.connect(demo_db)
    assert check.execute("SELECT count(*) FROM checkins").fetchone() == (0,)
    check.close()


def test_scan_waits_for_a_short_lock_and_succeeds(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A writer that holds the lock for a moment (a sync pass) only delays the scan."""
    args = _scan_args(demo_db)
    holder = sqlite3.connect(demo_db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        status, _, err = kiosk(capsys, *args)
    finally:
        release.join()
        holder.close()
    assert (status, err) == (0, "")


def _from_a_newer_kiosk(path: Path) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
        "VALUES ('kiosk', 'm900_from_the_future', '2027-01-01 00:00:00+00:00')"
    )
    db.execute("UPDATE settings SET value = '9.1.0' WHERE key = ?", [WRITTEN_BY])
    db.close()


@pytest.mark.parametrize(
    "command", [["scan", "X", "--hall", "auditorium"], ["pin", "set", "--pin", "246802"]]
)
def test_a_database_from_a_newer_kiosk_is_refused(
    command: list[str], demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Migrations this version does not know: refused before any write, naming the version
    that wrote the database."""
    _from_a_newer_kiosk(demo_db)
    before = digest(demo_db.parent)
    status, out, err = kiosk(capsys, *command, "--db", str(demo_db))
    assert (status, out) == (1, "")
    assert_one_line(err, "written by kiosk 9.1.0", "m900_from_the_future", "upgrade")
    assert digest(demo_db.parent) == before


def test_every_write_records_the_kiosk_version(tmp_path: Path) -> None:
    """The version that opened a database for writing is stored in it (settings)."""
    from kiosk.store.db import app_version

    db = open_db(tmp_path / "k.db")
    row = db.execute("SELECT value FROM settings WHERE key = ?", [WRITTEN_BY]).fetchone()
    assert row == (app_version(),)


def test_pin_set_with_no_terminal_is_one_line(demo_db: Path) -> None:
    """`kiosk pin set` without --pin and with no terminal to ask on (stdin from /dev/null, no
    controlling terminal): one line naming --pin, exit 2, no PIN stored."""
    before = digest(demo_db.parent)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli.main", "pin", "set", "--db", str(demo_db)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,  # no controlling terminal: getpass cannot open /dev/tty
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert_one_line(result.stderr, "--pin")
    assert digest(demo_db.parent) == before


@pytest.mark.parametrize("what", ["file", "folder"])
def test_commands_that_only_read_work_on_a_read_only_database(
    what: str,
    demo_db: Path,
    make_read_only: Callable[[Path], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`kiosk walk-ins` and `kiosk prints` read a read-only copy (a stick, a backup); a
    write through that connection is refused by SQLite itself."""
    before = digest(demo_db.parent)
    make_read_only(demo_db if what == "file" else demo_db.parent)
    assert kiosk(capsys, "walk-ins", "--json", "--db", str(demo_db))[:2] == (0, "[]\n")
    assert kiosk(capsys, "prints", "--json", "--db", str(demo_db))[:2] == (0, "[]\n")
    db = open_db(demo_db, need_write=False)
    assert db.execute("SELECT count(*) FROM attendees").fetchone() == (50,)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM settings")
    db.conn.close()
    assert digest(demo_db.parent) == before
