"""Roll call and leavers from the log: undo, re-entry, exits without entry, session and day
boundaries, past moments, clock offsets, and what the log may be missing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlite_utils import Database

from kiosk.domain.decision import Direction
from kiosk.domain.event import Event
from kiosk.domain.trust import Enrolment, Role
from kiosk.service.checkin import CheckInService
from kiosk.service.late_checkin import record_late_checkin
from kiosk.service.leavers import leavers, session_counts
from kiosk.service.rollcall import RollCallError, inside
from kiosk.store import checkins, settings, sync_state, trust_state
from kiosk.store.checkins import LogRecord
from kiosk.store.db import write
from tests.conftest import at

Code = Callable[..., str]
ENTRY, EXIT = Direction.ENTRY, Direction.EXIT


def names(db: Database, event: Event, hall: str, when: dt.datetime | None) -> list[str]:
    (roll,) = inside(db, event, when, hall, now=when or at("14 10:30")).halls
    return [p.attendee_id for p in roll.people]


def test_entered_and_not_left_with_entry_time_and_kiosk(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """Two in, one out: the one left is listed with name, type and the entry that counts."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    service.scan("T-0002", "main", ENTRY, at("14 09:41"))
    service.scan(code_for("A1"), "main", EXIT, at("14 10:10"))
    roll = inside(db, event, None, "main", now=at("14 10:20"))
    (hall,) = roll.halls
    assert (hall.session and hall.session.id, hall.count) == ("keynote", 1)
    person = hall.people[0]
    assert (person.attendee_id, person.name, person.type) == ("A2", "Núria Puig i Solé", "delegate")
    assert person.entered == at("14 09:41")
    assert person.kiosk_id == settings.kiosk_id(db)


def test_a_past_moment_replays_the_log_up_to_it(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """--at in the past: whoever was inside then, not now."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    service.scan("T-0002", "main", ENTRY, at("14 09:50"))
    service.scan(code_for("A1"), "main", EXIT, at("14 10:10"))
    assert names(db, event, "main", at("14 09:45")) == ["A1"]
    assert names(db, event, "main", at("14 10:00")) == ["A1", "A2"]
    assert names(db, event, "main", at("14 10:30")) == ["A2"]
    assert names(db, event, "main", at("14 09:00")) == []


def test_an_undone_admission_never_let_anyone_in(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """Undo drops the scan and its undo together, even for a moment between them."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    service.scan("T-0002", "main", ENTRY, at("14 09:41"))
    service.undo_last(at("14 09:45"))
    assert names(db, event, "main", at("14 09:43")) == ["A1"]
    assert names(db, event, "main", None) == ["A1"]


def test_an_undone_exit_puts_the_person_back(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """An exit recorded by mistake and undone: inside all along."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    service.scan(code_for("A1"), "main", EXIT, at("14 10:10"))
    service.undo_last(at("14 10:11"))
    assert names(db, event, "main", at("14 10:10")) == ["A1"]
    assert names(db, event, "main", None) == ["A1"]


def test_re_entry_lists_the_person_once_with_the_latest_entry(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """Out and in again: one line, entered at the return."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    service.scan(code_for("A1"), "main", EXIT, at("14 10:05"))
    service.scan(code_for("A1"), "main", ENTRY, at("14 10:12"))
    (hall,) = inside(db, event, None, "main", now=at("14 10:30")).halls
    assert [(p.attendee_id, p.entered) for p in hall.people] == [("A1", at("14 10:12"))]


def test_an_exit_without_entry_neither_lists_nor_hides_anyone(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """An exit of someone never let in changes nothing (no negative presence)."""
    service.scan("T-0003", "floor", EXIT, at("14 10:00"))
    service.scan("T-0003", "floor", ENTRY, at("14 10:05"))
    assert names(db, event, "floor", None) == ["A3"]


def test_manual_admissions_count_once(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """Staff admit someone whose badge will not scan; admitting them again adds nobody."""
    service.admit_manually("A6", "main", "badge torn", at("14 09:45"))
    service.admit_manually(
        "A6", "main", "again by mistake", at("14 09:46"), override="already_inside"
    )
    (hall,) = inside(db, event, None, "main", now=at("14 10:00")).halls
    assert [p.attendee_id for p in hall.people] == ["A6"]
    assert hall.count == checkins.occupancy(db, "keynote")


def test_presence_ends_with_the_session_and_the_day(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """After the keynote people stay listed until the next session opens (as the board and
    door count); the next day starts empty."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    service.scan("T-0003", "floor", ENTRY, at("14 17:00"))
    assert names(db, event, "main", at("14 12:00")) == ["A1"]
    assert names(db, event, "main", at("14 13:31")) == []  # the workshop opened
    assert names(db, event, "floor", at("14 23:59")) == ["A3"]
    assert names(db, event, "floor", at("15 00:01")) == []  # a new day
    roll = inside(db, event, at("15 00:01"), now=at("15 00:01"))
    assert [(h.hall.id, h.session, h.count) for h in roll.halls] == [
        ("main", None, 0),
        ("floor", None, 0),
    ]


def test_agrees_with_the_door_counts_now(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """Without --at the roll call counts what the occupancy table holds, hall by hall."""
    for code, hall, direction, when in [
        (code_for("A1"), "main", ENTRY, "09:40"),
        ("T-0002", "main", ENTRY, "09:41"),
        ("T-0003", "floor", ENTRY, "09:42"),
        ("T-0004", "floor", ENTRY, "09:43"),
        ("T-0004", "floor", EXIT, "09:50"),
    ]:
        service.scan(code, hall, direction, at(f"14 {when}"))
    roll = inside(db, event, None, now=at("14 10:00"))
    assert {h.hall.id: h.count for h in roll.halls} == {
        h.hall.id: checkins.occupancy(db, h.session.id) for h in roll.halls if h.session
    }
    assert roll.count == 3


def test_clock_offset_is_taken_out(db: Database, event: Event) -> None:
    """A door whose clock ran 2 minutes ahead: its 10:02 entry happened at 10:00."""
    record = LogRecord(
        id="r1", kiosk_id="k-fast", hall="main", session_id="keynote", direction="entry",
        verdict="admitted", reason="admitted", attendee_id="A2", code="T-0002",
        at=at("14 10:02").isoformat(), delta=1, clock_offset_ms=120_000,
    )  # fmt: skip
    with write(db):
        checkins.append(db, record)
    assert names(db, event, "main", at("14 10:01")) == ["A2"]
    (hall,) = inside(db, event, None, "main", now=at("14 10:05")).halls
    assert hall.people[0].entered == at("14 10:00")


def test_bad_hall_and_naive_time_are_refused(db: Database, event: Event) -> None:
    """A hall the event lacks, or a time without an offset, is a one-line error."""
    with pytest.raises(RollCallError, match=r"unknown hall 'attic' .*main, floor"):
        inside(db, event, None, "attic")
    with pytest.raises(RollCallError, match="UTC offset"):
        inside(db, event, dt.datetime(2026, 10, 14, 10, 0), "main")


def test_freshness_names_kiosks_not_heard_from(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """Own records and last sync, and an enrolled door that has sent nothing: missing."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    with write(db):
        trust_state.enrol(db, Enrolment("k-door-b", b"\0" * 32, Role.DOOR))
        trust_state.enrol(db, Enrolment("k-desk", b"\1" * 32, Role.DESK))
    fresh = inside(db, event, None, now=at("14 10:00")).freshness
    assert fresh.last_sync is None
    own = settings.kiosk_id(db)
    assert [(k.kiosk_id, k.records, k.newest) for k in fresh.kiosks] == sorted(
        [("k-door-b", 0, None), (own, 1, at("14 09:40"))]
    )
    assert [k.kiosk_id for k in fresh.missing] == ["k-door-b"]
    assert sync_state.pass_to_note(db, at("14 10:00"))
    with write(db):
        sync_state.note_synced(db, at("14 10:00"))
    assert not sync_state.pass_to_note(db, at("14 10:00") + dt.timedelta(seconds=10))
    assert inside(db, event, None, now=at("14 10:01")).freshness.last_sync == at("14 10:00")


def test_leavers_who_came_back_and_who_did_not(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """Keynote 10:00-11:00: A1 out and back, A2 out for good, A4 out after the end (going
    home, not a leaver)."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    service.scan("T-0002", "main", ENTRY, at("14 09:41"))
    service.scan("T-0004", "main", ENTRY, at("14 09:42"))
    service.scan(code_for("A1"), "main", EXIT, at("14 10:05"))
    service.scan("T-0002", "main", EXIT, at("14 10:08"))
    service.scan(code_for("A1"), "main", ENTRY, at("14 10:12"))
    service.scan("T-0004", "main", EXIT, at("14 11:05"))
    (keynote,) = leavers(db, event, sessions=["keynote"])
    assert (keynote.entered, keynote.inside) == (3, 2)
    assert [(p.attendee_id, p.left) for p in keynote.gone] == [("A2", (at("14 10:08"),))]
    assert [(p.attendee_id, p.left) for p in keynote.came_back] == [("A1", (at("14 10:05"),))]
    (early,) = leavers(db, event, at("14 10:10"), sessions=["keynote"])
    assert [(p.attendee_id, p.returned) for p in early.leavers] == [("A1", False), ("A2", False)]
    assert [s.session.id for s in leavers(db, event, at("14 10:10"))] == ["floor-d1", "keynote"]


def test_session_counts_registered_present_share(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """12.2.1: sessions with registration show registered and the share present."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 13:40"))
    counts = {c.session.id: c for c in session_counts(db, event)}
    assert (counts["workshop"].registered, counts["workshop"].present) == (1, 1)
    assert counts["workshop"].share == 1.0
    assert (counts["keynote"].registered, counts["keynote"].share) == (None, None)
    assert (counts["gala"].registered, counts["gala"].present) == (1, 0)


def test_a_late_check_in_is_present_not_inside(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """补签到 counts as present (apart from scans) and puts nobody in the roll call."""
    service.scan(code_for("A1"), "main", ENTRY, at("14 09:40"))
    record_late_checkin(
        db, event, "A6", "keynote", "paper list", at("14 10:10"), clock=lambda: at("14 10:30")
    )
    (keynote,) = [c for c in session_counts(db, event) if c.session.id == "keynote"]
    assert (keynote.scanned, keynote.late, keynote.present, keynote.inside) == (1, 1, 2, 1)
    assert names(db, event, "main", None) == ["A1"]
    assert names(db, event, "main", at("14 10:20")) == ["A1"]
