"""`kiosk pin set` / `pin show`: the first PIN is free, changing it needs the current one
(or the organiser's key: --reset), nothing ever clears a lock-out; old short hashes warn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.cli.data import make_demo_database
from kiosk.service.staff_pin import HASH_KEY, StaffPin
from kiosk.store import settings
from kiosk.store.db import open_db
from kiosk.store.keyfiles import ORGANISER_FILE, key_dir_for
from tests.cli.test_staff_authority import assert_one_line, kiosk
from tests.service.test_staff_pin import legacy_hash

PIN = "246802"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "door.db"
    make_demo_database(path, count=10)
    return path


def stored(path: Path) -> str | None:
    return settings.get(Database(path), HASH_KEY)


def lock_out(path: Path) -> None:
    pin = StaffPin(open_db(path))
    for _ in range(3):
        pin.check("000000")


def test_first_pin_needs_no_authority_but_six_digits(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a database with no PIN `pin set --pin` sets it; 4 digits are refused (exit 2)."""
    status, _, err = kiosk(capsys, "pin", "set", "--pin", "1234", "--db", str(demo_db))
    assert (status, stored(demo_db)) == (2, None)
    assert_one_line(err, "6 to 12 digits")
    status, out, _ = kiosk(capsys, "pin", "set", "--pin", PIN, "--db", str(demo_db))
    assert (status, "staff PIN set" in out, StaffPin(open_db(demo_db)).verify(PIN)) == (
        0,
        True,
        True,
    )


def test_changing_the_pin_needs_the_current_one(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The attack of issue 11: `pin set --pin 000000` on a kiosk with a PIN is refused;
    a wrong --current-pin is refused and counts; the right one changes it."""
    StaffPin(open_db(demo_db)).set_pin(PIN)
    before = stored(demo_db)
    status, out, err = kiosk(capsys, "pin", "set", "--pin", "000000", "--db", str(demo_db))
    assert (status, out, stored(demo_db)) == (2, "", before)
    assert_one_line(err, "needs the current one", "--current-pin")
    args = ["pin", "set", "--pin", "000000", "--db", str(demo_db)]
    status, _, err = kiosk(capsys, *args, "--current-pin", "999999")
    assert (status, stored(demo_db)) == (1, before)
    assert_one_line(err, "wrong staff PIN (2 tries left", "not changed")
    status, out, _ = kiosk(capsys, *args, "--current-pin", PIN)
    assert (status, "changed" in out, StaffPin(open_db(demo_db)).verify("000000")) == (
        0,
        True,
        True,
    )


def test_changing_the_pin_never_clears_a_lock_out(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """During a lock-out even the right current PIN changes nothing, and the lock-out stays."""
    StaffPin(open_db(demo_db)).set_pin(PIN)
    lock_out(demo_db)
    before = stored(demo_db)
    args = ["pin", "set", "--pin", "000000", "--current-pin", PIN, "--db", str(demo_db)]
    status, _, err = kiosk(capsys, *args)
    assert (status, stored(demo_db), StaffPin(open_db(demo_db)).locked_for() > 0) == (
        1,
        before,
        True,
    )
    assert_one_line(err, "locked out")


def test_reset_only_on_the_organisers_machine(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--reset without the organiser key beside the database is refused; with it the PIN
    is replaced without the old one, and a running lock-out still runs."""
    StaffPin(open_db(demo_db)).set_pin(PIN)
    lock_out(demo_db)
    before = stored(demo_db)
    organiser = key_dir_for(demo_db) / ORGANISER_FILE  # the demo database is the organiser's
    away = organiser.rename(demo_db.parent / "elsewhere.pem")  # ...now it is a door's
    args = ["pin", "set", "--reset", "--pin", "135790", "--db", str(demo_db)]
    status, _, err = kiosk(capsys, *args)
    assert (status, stored(demo_db)) == (1, before)
    assert_one_line(err, "--reset refused", "organiser")
    away.rename(organiser)
    status, out, _ = kiosk(capsys, *args)
    db = open_db(demo_db)
    assert (status, "reset" in out, stored(demo_db) != before, StaffPin(db).locked_for() > 0) == (
        0,
        True,
        True,
        True,
    )


def test_change_with_no_terminal_and_no_option_is_one_line(demo_db: Path) -> None:
    """No --current-pin and no terminal to ask on: one line naming --current-pin, exit 2."""
    StaffPin(open_db(demo_db)).set_pin(PIN)
    before = stored(demo_db)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli.main", "pin", "set", "--db", str(demo_db)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, stored(demo_db)) == (2, "", before)
    assert_one_line(result.stderr, "--current-pin")


def test_an_old_short_pin_works_and_warns(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 4-digit PIN set before 6 digits were required still unlocks staff commands, and
    `pin show` warns about it; once changed the warning is gone."""
    settings.put(open_db(demo_db), HASH_KEY, legacy_hash("1234"))
    status, out, err = kiosk(capsys, "pin", "show", "--db", str(demo_db))
    assert (status, "N=2^14" in out, "warning: " in err and "kiosk pin set" in err) == (
        0,
        True,
        True,
    )
    args = ["pin", "set", "--pin", PIN, "--current-pin", "1234", "--db", str(demo_db)]
    status, out, _ = kiosk(capsys, *args)
    assert (status, "old rules" in out) == (0, True)
    status, out, err = kiosk(capsys, "pin", "show", "--db", str(demo_db))
    assert (status, "N=2^17" in out, err) == (0, True, "")
