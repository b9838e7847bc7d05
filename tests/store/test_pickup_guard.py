"""The pickup guess counter and booking-code lookup: persistent, windowed, indexed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.store import attendees, booking_codes, pickup_guard
from kiosk.store.db import open_db, write

T0 = dt.datetime(2026, 10, 14, 9, 0, tzinfo=dt.UTC)
WINDOW = dt.timedelta(minutes=10)


def test_failures_lock_and_survive_a_restart(db: Database, tmp_path: Path) -> None:
    """Five failures in ten minutes lock; the lock is on disk and only a clear lifts it."""
    path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    results = [
        pickup_guard.record_failure(db, "k1", T0 + dt.timedelta(minutes=i), WINDOW, 5)
        for i in range(5)
    ]
    reopened = open_db(path)
    locked_after_restart = pickup_guard.is_locked(reopened, "k1")
    pickup_guard.clear(reopened, "k1", T0 + dt.timedelta(days=1))
    assert (results, locked_after_restart, pickup_guard.is_locked(reopened, "k1")) == (
        [False, False, False, False, True],
        True,
        False,
    )


def test_failures_outside_the_window_and_before_a_clear_do_not_count(db: Database) -> None:
    """Old failures age out of the window; a staff clear starts from zero."""
    for i in range(4):
        pickup_guard.record_failure(db, "k1", T0 + dt.timedelta(minutes=i), WINDOW, 5)
    later = T0 + dt.timedelta(minutes=12)  # the first two have left the window
    pickup_guard.record_failure(db, "k1", later, WINDOW, 5)
    in_window = pickup_guard.failures_within(db, "k1", later - WINDOW)
    pickup_guard.clear(db, "k1", later)
    assert (
        in_window,
        pickup_guard.failures_within(db, "k1", T0),
        pickup_guard.is_locked(db, "k1"),
    ) == (3, 0, False)


def test_the_counter_is_per_kiosk(db: Database) -> None:
    """Another kiosk id's failures neither lock nor count here."""
    for i in range(5):
        pickup_guard.record_failure(db, "k2", T0 + dt.timedelta(seconds=i), WINDOW, 5)
    assert (pickup_guard.is_locked(db, "k1"), pickup_guard.is_locked(db, "k2")) == (False, True)


def test_booking_code_start_finds_its_attendee_through_the_index(db: Database) -> None:
    """Case, separators and O/0, I/L/1 do not matter; the lookup is an index range scan."""
    person = Attendee(
        "B1", "Eva", "Ortiz", "Z", "eva@example.es", "visitor", ticket_code="QO7L-K2M9"
    )
    with write(db):
        attendees.save(db, person)
    found = booking_codes.starting_with(db, booking_codes.key("q07 1k2"))
    plan = db.execute(
        f"EXPLAIN QUERY PLAN SELECT id FROM attendees WHERE ticket_code IS NOT NULL "
        f"AND {booking_codes.KEY_SQL} >= 'A' AND {booking_codes.KEY_SQL} < 'B'"
    ).fetchall()
    assert (found, "attendees_booking_code" in str(plan)) == ([(person, "Q071K2M9")], True)
