"""Staff authority at the command line (issue 11, section 2): every staff command needs the
staff PIN, checked with its lock-out; a wrong one is one line, exit 1, nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.cli.data import make_demo_database
from kiosk.service.staff_pin import StaffPin
from kiosk.store import attendees
from kiosk.store.db import open_db
from tests.cli.helpers import assert_one_line, kiosk

PIN = "246802"
WRONG = "111111"
AT = "2026-10-14T09:20"


@pytest.fixture
def demo_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A demo database with the staff PIN set; no PIN in the environment, no terminal."""
    monkeypatch.delenv("KIOSK_STAFF_PIN", raising=False)
    path = tmp_path / "demo.db"
    make_demo_database(path, count=30)
    StaffPin(open_db(path)).set_pin(PIN)
    return path


def state(path: Path) -> tuple[int, int, int, int]:
    """What a staff command could change: check-ins, prints, attendees, badge issues."""
    db = Database(path)
    counts = [
        db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("checkins", "prints", "attendees")
    ]
    issues = db.execute("SELECT coalesce(sum(badge_issue), 0) FROM attendees").fetchone()[0]
    return counts[0], counts[1], counts[2], issues


def first_attendee(path: Path, type_id: str | None = None) -> str:
    return next(a.id for a in attendees.iter_all(open_db(path), type_id) if not a.cancelled)


def admit_args(path: Path) -> list[str]:
    who = first_attendee(path, "visitor")
    return [
        "admit", who, "--hall", "auditorium", "--reason", "lost lanyard", "--override",
        "--at", AT, "--json", "--db", str(path),
    ]  # fmt: skip


def tries_left(path: Path) -> int:
    failures = (
        Database(path)
        .execute("SELECT value FROM settings WHERE key = 'staff_pin_failures'")
        .fetchone()
    )
    return 3 - int(failures[0] if failures else 0)


# ------------------------------------------------------------------------ door commands


def test_admit_needs_the_staff_pin(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kiosk admit`: no PIN (no terminal) exit 2, a wrong one exit 1 and a lost try, both
    one line and nothing logged; the right one admits."""
    before = state(demo_db)
    status, out, err = kiosk(capsys, *admit_args(demo_db))
    assert (status, out) == (2, "")
    assert_one_line(err, "needs the staff PIN", "--pin")
    status, out, err = kiosk(capsys, *admit_args(demo_db), "--pin", WRONG)
    assert (status, out, state(demo_db), tries_left(demo_db)) == (1, "", before, 2)
    assert_one_line(err, "wrong staff PIN", "not done")
    status, out, _ = kiosk(capsys, *admit_args(demo_db), "--pin", PIN)
    assert (status, json.loads(out)["verdict"], state(demo_db)[0]) == (
        0,
        "manual_admission",
        before[0] + 1,
    )


def test_admit_during_a_lock_out_is_refused_even_with_the_right_pin(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three wrong PINs lock the command line as they lock the pad: the right PIN then
    fails too, saying how long to wait."""
    for _ in range(3):
        kiosk(capsys, *admit_args(demo_db), "--pin", WRONG)
    before = state(demo_db)
    status, _, err = kiosk(capsys, *admit_args(demo_db), "--pin", PIN)
    assert (status, state(demo_db)) == (1, before)
    assert_one_line(err, "locked out for 30 s")


def test_undo_needs_the_staff_pin(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kiosk undo`: a wrong PIN undoes nothing; the right one undoes the last admission."""
    kiosk(capsys, *admit_args(demo_db), "--pin", PIN)
    before = state(demo_db)
    undo = ["undo", "--at", "2026-10-14T09:25", "--json", "--db", str(demo_db)]
    status, out, err = kiosk(capsys, *undo, "--pin", WRONG)
    assert (status, out, state(demo_db)) == (1, "", before)
    assert_one_line(err, "wrong staff PIN")
    status, _, err = kiosk(capsys, *undo)
    assert (status, state(demo_db)) == (2, before)
    assert_one_line(err, "needs the staff PIN")
    status, out, _ = kiosk(capsys, *undo, "--pin", PIN)
    assert (status, json.loads(out)["verdict"], state(demo_db)[0]) == (0, "undone", before[0] + 1)


def test_scan_needs_no_pin(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A scan is what any door does for anyone: no PIN (the badge is the authority)."""
    status, out, err = kiosk(
        capsys, "code", first_attendee(demo_db, "delegate"), "--db", str(demo_db)
    )
    code = out.strip()
    status, out, err = kiosk(
        capsys, "scan", code, "--hall", "auditorium", "--at", AT, "--db", str(demo_db)
    )
    assert (status, err) == (0, "")


# ------------------------------------------------------------------------ desk commands


@pytest.mark.parametrize("type_id", ["staff", "visitor"])
def test_walk_in_needs_the_staff_pin(
    qapp: object, type_id: str, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk walk-in` of any type (a staff badge opens every door): without the right PIN
    nobody is registered; with it the walk-in is."""
    args = [
        "walk-in", "--first", "Eve", "--last", "Mallory", "--type", type_id,
        "--company", "Intruders Ltd", "--no-print", "--db", str(demo_db),
    ]  # fmt: skip
    before = state(demo_db)
    for pin, status_wanted, says in (([], 2, "needs the staff PIN"), ([WRONG], 1, "wrong")):
        status, out, err = kiosk(capsys, *args, *(["--pin", *pin] if pin else []))
        assert (status, out, state(demo_db)) == (status_wanted, "", before)
        assert_one_line(err, says, "walk-in")
    status, out, _ = kiosk(capsys, *args, "--pin", PIN)
    assert (status, "registered W" in out, state(demo_db)[2]) == (0, True, before[2] + 1)


def test_replace_badge_needs_the_staff_pin(
    qapp: object, demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk replace-badge`: without the right PIN the old badge stays valid and nothing
    prints."""
    pdf = tmp_path / "new.pdf"
    args = ["replace-badge", first_attendee(demo_db), "--reason", "lost", "--pdf", str(pdf)]
    args += ["--db", str(demo_db)]
    before = state(demo_db)
    status, _, err = kiosk(capsys, *args)
    assert (status, state(demo_db), pdf.exists()) == (2, before, False)
    assert_one_line(err, "needs the staff PIN")
    status, _, err = kiosk(capsys, *args, "--pin", WRONG)
    assert (status, state(demo_db), pdf.exists()) == (1, before, False)
    assert_one_line(err, "wrong staff PIN", "replacing a badge not done")
    assert kiosk(capsys, *args, "--pin", PIN)[0] == 0 and pdf.exists()


def test_badges_needs_the_staff_pin_but_a_proof_does_not(
    qapp: object, demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk badges` logs everyone as printed: without the right PIN no PDF and no print
    logged; --proof logs nothing and needs no PIN; with the PIN every badge is logged."""
    out = tmp_path / "all.pdf"
    args = ["badges", "--out", str(out), "--type", "delegate", "--db", str(demo_db)]
    before = state(demo_db)
    status, _, err = kiosk(capsys, *args)
    assert (status, state(demo_db), out.exists()) == (2, before, False)
    assert_one_line(err, "needs the staff PIN")
    status, _, err = kiosk(capsys, *args, "--pin", WRONG)
    assert (status, state(demo_db), out.exists()) == (1, before, False)
    assert_one_line(err, "wrong staff PIN")
    assert (kiosk(capsys, *args, "--proof")[0], state(demo_db)) == (0, before)
    assert kiosk(capsys, *args, "--pin", PIN)[0] == 0
    assert state(demo_db)[1] > before[1]


def test_print_badge_reprint_needs_the_staff_pin(
    qapp: object, demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk print-badge`: the first print is self-service; a reprint with a wrong PIN
    prints and logs nothing."""
    pdf = tmp_path / "b.pdf"
    args = ["print-badge", first_attendee(demo_db), "--pdf", str(pdf), "--db", str(demo_db)]
    assert kiosk(capsys, *args)[0] == 0
    pdf.unlink()
    before = state(demo_db)
    status, _, err = kiosk(capsys, *args, "--reason", "torn", "--pin", WRONG)
    assert (status, state(demo_db), pdf.exists()) == (1, before, False)
    assert_one_line(err, "wrong staff PIN", "reprint not done")
    assert kiosk(capsys, *args, "--reason", "torn", "--pin", PIN)[0] == 0 and pdf.exists()


def test_a_staff_command_on_a_kiosk_without_a_pin_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No staff PIN set at all: a staff command says how to set one, and does nothing."""
    path = tmp_path / "nopin.db"
    make_demo_database(path, count=10)
    before = state(path)
    status, _, err = kiosk(capsys, *admit_args(path), "--pin", PIN)
    assert (status, state(path)) == (1, before)
    assert_one_line(err, "kiosk pin set")
