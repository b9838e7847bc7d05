"""`kiosk late-checkin` and `kiosk late-checkins` (补签到, GB 50799-2012 12.2.5): behind the
staff PIN, a one-line refusal that records nothing, and a list apart from scans."""

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
SESSION = "opening-plenary"  # auditorium, 14 Oct 09:30-10:30, open to every type there


@pytest.fixture
def demo_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("KIOSK_STAFF_PIN", raising=False)
    path = tmp_path / "demo.db"
    make_demo_database(path, count=30)
    StaffPin(open_db(path)).set_pin(PIN)
    return path


def delegate(path: Path) -> str:
    return next(a.id for a in attendees.iter_all(open_db(path), "delegate") if not a.cancelled)


def records(path: Path) -> int:
    return int(Database(path).execute("SELECT count(*) FROM checkins").fetchone()[0])


def late_args(path: Path, who: str, *extra: str) -> list[str]:
    return [
        "late-checkin", who, "--session", SESSION, "--reason", "paper list, door 2 down",
        "--db", str(path), *extra,
    ]  # fmt: skip


def test_records_a_late_checkin_with_the_pin_and_lists_it_apart(
    capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    """With the PIN: one record, as JSON with the time claimed; `late-checkins` lists it
    (as text and as JSON)."""
    who = delegate(demo_db)
    status, out, err = kiosk(
        capsys, *late_args(demo_db, who, "--at", "2026-10-14T09:50", "--pin", PIN, "--json")
    )
    assert (status, err) == (0, "")
    made = json.loads(out)
    assert (made["attendee_id"], made["session"], made["claimed_at"], made["reason"]) == (
        who, SESSION, "2026-10-14T01:50:00+00:00", "paper list, door 2 down"
    )  # fmt: skip
    status, out, _ = kiosk(capsys, "late-checkins", "--session", SESSION, "--db", str(demo_db))
    assert status == 0 and out.startswith(f"LATE_CHECKIN  {who} ")
    assert "attended 14 Oct 09:50" in out and "paper list, door 2 down" in out
    status, out, _ = kiosk(capsys, "late-checkins", "--json", "--db", str(demo_db))
    assert [x["record_id"] for x in json.loads(out)] == [made["record_id"]]


def test_without_the_pin_nothing_is_recorded(
    capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    """No PIN (no terminal, none in the environment), or a wrong one: one line, no record."""
    who = delegate(demo_db)
    status, _, err = kiosk(capsys, *late_args(demo_db, who))
    assert status == 2
    assert_one_line(err, "a late check-in needs the staff PIN", "nothing done")
    status, _, err = kiosk(capsys, *late_args(demo_db, who, "--pin", "111111"))
    assert status == 1
    assert_one_line(err, "wrong staff PIN", "a late check-in not done")
    assert records(demo_db) == 0


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (("--at", "2099-01-01T10:00"), "is in the future: nothing recorded"),
        (("--at", "2026-10-14T08:00"), "did not run at 14 Oct 08:00"),
        (("--at", "yesterday"), "not an ISO-8601 time: 'yesterday'"),
        (("--session", "nope"), "unknown session 'nope'"),
        (("--reason", " "), "a late check-in needs a reason"),
    ],
)
def test_a_bad_request_is_one_line_and_records_nothing(
    capsys: pytest.CaptureFixture[str], demo_db: Path, extra: tuple[str, ...], fragment: str
) -> None:
    """A future time, a time outside the session, an unreadable time, an unknown session,
    an empty reason: exit 2, one line, the log as it was."""
    status, _, err = kiosk(capsys, *late_args(demo_db, delegate(demo_db), *extra, "--pin", PIN))
    assert status == 2
    assert_one_line(err, fragment)
    assert records(demo_db) == 0


def test_twice_is_refused(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    """The same person and session a second time: refused, one record kept."""
    who = delegate(demo_db)
    assert kiosk(capsys, *late_args(demo_db, who, "--pin", PIN))[0] == 0
    status, _, err = kiosk(capsys, *late_args(demo_db, who, "--pin", PIN))
    assert status == 2
    assert_one_line(err, f"{who} has a late check-in for {SESSION} already")
    assert records(demo_db) == 1
