"""`kiosk walk-in --email` is checked as the import checks e-mail addresses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.cli.data import make_demo_database
from kiosk.cli.main import main
from kiosk.service.staff_pin import StaffPin
from kiosk.store.db import open_db

PIN = "246802"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    make_demo_database(path, count=20)
    StaffPin(open_db(path)).set_pin(PIN)
    return path


def _people(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("SELECT count(*) FROM attendees").fetchone()[0])
    finally:
        db.close()


@pytest.mark.parametrize("email", ["bad-email", "n/a", "a@b", "two@one.cn, three@x.de"])
def test_walk_in_with_a_malformed_email_is_refused(
    email: str, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed --email: one line naming it, exit 2, nobody registered."""
    before = _people(demo_db)
    walk_in = ["walk-in", "--first", "Ada", "--last", "Lovelace", "--type", "visitor", "--pin", PIN]
    status = main([*walk_in, "--email", email, "--no-print", "--db", str(demo_db)])
    out, err = capsys.readouterr()
    assert (status, out, _people(demo_db)) == (2, "", before)
    assert err.count("\n") == 1 and "malformed e-mail" in err and repr(email) in err


def test_walk_in_with_a_good_or_no_email_registers(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plausible address (or none, with a company) still registers the walk-in."""
    before = _people(demo_db)
    walk_in = ["walk-in", "--first", "Ada", "--last", "Lovelace", "--type", "visitor", "--pin", PIN]
    assert main([*walk_in, "--email", "ada@example.org", "--no-print", "--db", str(demo_db)]) == 0
    assert main([*walk_in, "--company", "Babbage & Co", "--no-print", "--db", str(demo_db)]) == 0
    assert _people(demo_db) == before + 2
    capsys.readouterr()
