"""Manual late check-in (补签到, GB 50799-2012 12.2.5): staff record after the fact that
someone attended a session; it counts as attendance, never as presence, and every bad
request is refused with one line and records nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.decision import Verdict
from kiosk.domain.event import Event
from kiosk.domain.rules import Presence
from kiosk.domain.trust import Enrolment, Role, raw_public
from kiosk.service import rollcall
from kiosk.service.checkin import CheckInService
from kiosk.service.late_checkin import (
    LateCheckin,
    LateCheckinError,
    attendance,
    late_checkins,
    record_late_checkin,
)
from kiosk.service.session_counts import session_counts
from kiosk.store import attendees, checkins, events, settings, trust_state
from kiosk.store.db import write
from kiosk.sync import stats
from tests.conftest import at
from tests.conftest import at as moment

REASON = "door scanner down 10:10-10:25, paper list"


def late(
    db: Database,
    event: Event,
    now: str,
    attendee: str = "A6",
    session: str = "keynote",
    reason: str = REASON,
    at: dt.datetime | None = None,
) -> LateCheckin:
    """A late check-in recorded at `now` (e.g. '14 12:00'), for the keynote unless told."""
    return record_late_checkin(db, event, attendee, session, reason, at, clock=lambda: moment(now))


def test_after_the_session_it_counts_as_attendance_and_puts_nobody_inside(
    db: Database, event: Event
) -> None:
    """Recorded at 12:00 for the 10:00-11:00 keynote, claimed at 10:20: a record of its own
    verdict with both times, the reason and the kiosk; present 1 (0 by scan, 1 late);
    occupancy and the person's presence unchanged."""
    made = late(db, event, "14 12:00", at=at("14 10:20"))
    record = checkins.get(db, made.record_id)
    assert record is not None
    assert (record.verdict, record.reason, record.delta, record.note, record.session_id) == (
        "late_checkin", "late_checkin", 0, REASON, "keynote"
    )  # fmt: skip
    assert (made.claimed_at, made.recorded_at, made.kiosk_id) == (
        at("14 10:20"), at("14 12:00"), settings.kiosk_id(db)
    )  # fmt: skip
    assert attendance(db, "keynote").figures == (0, 1, 1)
    assert checkins.occupancy(db, "keynote") == 0
    assert checkins.presence(db, "A6", "keynote") is Presence.NEVER
    assert late_checkins(db, event) == [made]


def test_while_the_session_runs_the_person_is_not_inside_and_may_still_scan_in(
    db: Database, event: Event, service: CheckInService
) -> None:
    """At 10:10 (no time given: now is claimed) occupancy stays 0; the badge scanned at
    10:12 is admitted as a first entry, and the person is counted present once."""
    made = late(db, event, "14 10:10")
    assert made.claimed_at == at("14 10:10")
    assert checkins.occupancy(db, "keynote") == 0
    decision = service.scan("T-0006", "main", at=at("14 10:12"))
    assert (decision.verdict, decision.occupancy) == (Verdict.ADMITTED, 1)
    assert attendance(db, "keynote").figures == (1, 0, 1)


def test_without_a_time_after_the_session_the_start_is_claimed(db: Database, event: Event) -> None:
    """A paper list gives no times: recorded the next day, it claims the session's start."""
    assert late(db, event, "15 09:00").claimed_at == at("14 10:00")


def _revoke_a1(db: Database) -> None:
    with write(db):
        attendees.revoke(db, "A1", 2, "lost")


def _scan_a6(db: Database) -> None:
    found = events.load_event(db)
    assert found is not None
    CheckInService(db, found, clock=lambda: at("14 10:05")).scan("T-0006", "main")


@pytest.mark.parametrize(
    ("change", "request_", "message"),
    [
        (None, {"attendee": "ZZ"}, "no attendee with id 'ZZ'"),
        (None, {"attendee": "A5"}, "A5's registration was cancelled: nothing recorded"),
        (_revoke_a1, {"attendee": "A1"}, "A1's badge is revoked (lost): nothing recorded"),
        (None, {"session": "nope"}, "unknown session 'nope' (see 'kiosk event show')"),
        (None, {"at": at("14 12:01")}, "14 Oct 12:01 is in the future: nothing recorded"),
        (None, {"at": at("14 09:29")},
         "keynote did not run at 14 Oct 09:29 (check-in 14 Oct 09:30 to the end 14 Oct 11:00): "
         "nothing recorded"),
        (None, {"at": at("14 11:01")},
         "keynote did not run at 14 Oct 11:01 (check-in 14 Oct 09:30 to the end 14 Oct 11:00): "
         "nothing recorded"),
        (None, {"session": "gala"},
         "gala has not opened yet (check-in 15 Oct 18:30 to the end 15 Oct 21:00)"),
        (None, {"at": dt.datetime(2026, 10, 14, 10, 20)},
         "times must carry a UTC offset or time zone"),
        (None, {"reason": "  "},
         "a late check-in needs a reason (e.g. 'door scanner down, paper list')"),
        (None, {"reason": "x" * 501}, "the reason is 501 characters long, at most 500"),
        (None, {"reason": "paper\nlist"},
         "the reason must be one line of text, without control characters"),
        (None, {"attendee": "A3"},
         "a scan would refuse A3 for keynote (type_not_allowed): nothing recorded"),
        (None, {"attendee": "A2", "session": "workshop", "now": "14 15:30"},
         "a scan would refuse A2 for workshop (not_registered_for_session): nothing recorded"),
        (_scan_a6, {}, "A6 was checked in to keynote by a scan already"),
    ],
)  # fmt: skip
def test_a_bad_request_is_refused_in_one_line_and_records_nothing(
    db: Database, event: Event, change: object, request_: dict[str, Any], message: str
) -> None:
    """Unknown, cancelled, revoked or inadmissible people, unknown or unopened sessions,
    times in the future, outside the session or without a zone, bad reasons, and people a
    scan checked in already: refused, the log as it was."""
    if callable(change):
        change(db)
    before = checkins.count(db)
    with pytest.raises(LateCheckinError) as caught:
        asked = dict(request_)
        late(db, event, str(asked.pop("now", "14 12:00")), **asked)
    assert str(caught.value) == message
    assert checkins.count(db) == before


def test_twice_for_the_same_person_and_session_is_refused(db: Database, event: Event) -> None:
    """The second late check-in names the first; another session is a separate matter."""
    late(db, event, "14 12:00")
    with pytest.raises(LateCheckinError) as caught:
        late(db, event, "14 12:05", reason="again")
    assert str(caught.value) == (
        f"A6 has a late check-in for keynote already (recorded 14 Oct 12:00 by "
        f"{settings.kiosk_id(db)})"
    )
    late(db, event, "14 15:30", session="workshop", attendee="A1")
    assert [x.session_id for x in late_checkins(db, event)] == ["keynote", "workshop"]


def test_two_kiosks_recording_the_same_person_offline_count_once(
    db: Database, event: Event
) -> None:
    """Two desks offline both record A6 for the keynote; merged, the first counts."""
    first = late(db, event, "14 12:00")
    record = checkins.get(db, first.record_id)
    assert record is not None
    with write(db):
        checkins.append(db, replace(record, id="other-1", kiosk_id="k-other",
                                    at=at("14 12:30").isoformat()))  # fmt: skip
    assert late_checkins(db, event, "keynote") == [first]
    assert attendance(db, "keynote").figures == (0, 1, 1)


def test_a_pickup_kiosk_records_no_late_checkin(db: Database, event: Event) -> None:
    """Enrolled as pickup its records would be refused by every other kiosk: refused here."""
    with write(db):
        trust_state.enrol(
            db,
            Enrolment(
                settings.kiosk_id(db), raw_public(Ed25519PrivateKey.generate().public_key()),
                Role.PICKUP,
            ),
        )  # fmt: skip
    with pytest.raises(LateCheckinError, match="enrolled as pickup"):
        late(db, event, "14 12:00")
    assert checkins.count(db) == 0


def test_reports_count_late_checkins_apart_from_scans(
    db: Database, event: Event, service: CheckInService
) -> None:
    """kiosk report's figures: the keynote's people and entries are the scans (1), its
    late check-ins apart (1); no entry bucket or peak grows from a late check-in."""
    service.scan("T-0001", "main", at=at("14 10:05"))
    late(db, event, "14 12:00")
    figures = stats.compute(db, event)
    keynote = next(f for f in figures.sessions if f.session.id == "keynote")
    assert (keynote.people, keynote.entries, keynote.peak, keynote.late) == (1, 1, 1, 1)
    assert sum(n for buckets in figures.entries_by_day.values() for _, n in buckets) == 1


def test_the_boards_counts_take_late_checkins_as_present_never_inside(
    db: Database, event: Event, service: CheckInService
) -> None:
    """12.2.1 on the board: the keynote (open) with A1 scanned and A6 late is present 2,
    inside 1; the workshop's list (A1, then A6 too) with A1 scanned and A6 late is 2 of 2
    present, on the list both, 1 inside."""
    service.scan("T-0001", "main", at=at("14 10:05"))
    late(db, event, "14 12:00")
    with write(db):
        attendees.add_registrations(db, [("A6", "workshop", "registered")])
    service.scan("T-0001", "main", at=at("14 13:45"))
    late(db, event, "14 15:30", session="workshop")
    sessions = [s for s in event.sessions if s.id in ("keynote", "workshop")]
    keynote, workshop = session_counts(db, sessions)
    assert (keynote.present, keynote.inside) == (2, 1)
    assert (workshop.expected, workshop.present, workshop.expected_present, workshop.inside) == (
        2, 2, 2, 1
    )  # fmt: skip


def test_the_roll_call_lists_nobody_for_a_late_checkin(db: Database, event: Event) -> None:
    """Recorded at 10:10 during the keynote, claimed at 10:05: the roll call of `main` at
    10:30 (replayed) and now (the presence table) has nobody in it."""
    late(db, event, "14 10:10", at=at("14 10:05"))
    replayed = rollcall.inside(db, event, at=at("14 10:30"), hall="main", now=at("14 10:30"))
    current = rollcall.inside(db, event, hall="main", now=at("14 10:30"))
    assert (replayed.count, current.count) == (0, 0)
