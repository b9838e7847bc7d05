"""Late check-ins (补签到, GB 50799-2012 12.2.5) travel as signed check-in records of their
own kind: a desk or a door may send them, a desk no other check-in, a pickup none, and a
late check-in that would change who is inside is refused by every reader."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.trust import Enrolment, Role, raw_public
from kiosk.service.late_checkin import attendance, late_checkins, record_late_checkin
from kiosk.store import checkins, events
from kiosk.sync.records import Verifier, checkin_wire, signed
from tests.conftest import at
from tests.sync.conftest import Venue, assert_converged


def test_a_desks_late_checkin_reaches_the_door_and_counts_as_attendance(venue: Venue) -> None:
    """Recorded at the desk after the keynote, it reaches the door through the hub with its
    reason and times, counts there as present (not scanned) and puts nobody inside."""
    door, desk = venue.kiosk("door"), venue.kiosk("desk", role=Role.DESK)
    event = events.load_event(desk.db)
    assert event is not None
    made = record_late_checkin(
        desk.db, event, "A6", "keynote", "paper list", at("14 10:20"), clock=lambda: at("14 12:00")
    )
    desk.sync(venue.location)
    report = door.sync(venue.location)
    assert report.problems == []
    assert late_checkins(door.db, event) == [made]
    assert attendance(door.db, "keynote").figures == (0, 1, 1)
    assert checkins.occupancy(door.db, "keynote") == 0
    assert_converged(door.db, desk.db)


def _wire(key: Ed25519PrivateKey, kiosk_id: str, **changes: Any) -> dict[str, Any]:
    record = checkins.LogRecord(
        id=f"r-{kiosk_id}-{len(changes)}", kiosk_id=kiosk_id, hall="main", session_id="keynote",
        direction="entry", verdict="late_checkin", reason="late_checkin", attendee_id="A6",
        code="late:2026-10-14T02:20:00.000000+00:00", at="2026-10-14T04:00:00.000000+00:00",
        delta=0, note="paper list",
    )  # fmt: skip
    return signed(key, checkin_wire(dataclasses.replace(record, **changes)))


@pytest.mark.parametrize(
    ("role", "changes", "refusal"),
    [
        (Role.DESK, {}, None),
        (Role.DOOR, {}, None),
        (Role.PICKUP, {}, "a pickup may not send late_checkin records"),
        (Role.DESK, {"verdict": "admitted", "reason": "admitted", "delta": 1},
         "a desk may not send checkin records"),
        (Role.DESK, {"delta": 1},
         "malformed: late check-in: it may not change occupancy or undo a record"),
        (Role.DOOR, {"delta": -1},
         "malformed: late check-in: it may not change occupancy or undo a record"),
        (Role.DESK, {"undoes": "someone-elses"},
         "malformed: late check-in: it may not change occupancy or undo a record"),
        (Role.DESK, {"direction": "exit"},
         "malformed: late check-in: it may not change occupancy or undo a record"),
        (Role.DESK, {"session_id": None},
         "malformed: late check-in: an attendee and a session are needed"),
        (Role.DESK, {"code": "T-0006"}, "malformed: late check-in: the code must be late:TIME"),
        (Role.DESK, {"code": "late:soon"},
         "malformed: 'soon' is not an ISO-8601 time"),
    ],
)  # fmt: skip
def test_who_may_send_a_late_checkin_and_what_it_may_carry(
    role: Role, changes: dict[str, Any], refusal: str | None
) -> None:
    """A desk or door's late check-in is kept; a pickup's is refused, so is a desk's
    admission and any late check-in that moves occupancy, undoes, exits, lacks a session
    or claims no time."""
    key = Ed25519PrivateKey.generate()
    sender = f"k-{role.value}"
    verifier = Verifier({sender: Enrolment(sender, raw_public(key.public_key()), role)}, me="k-me")
    accepted = verifier.check(_wire(key, sender, **changes))
    if refusal is None:
        assert accepted is not None and accepted.checkin is not None
        assert accepted.checkin.verdict == "late_checkin"
    else:
        assert accepted is None
        assert verifier.problems() == [f"refused 1 record from {sender}: {refusal}"]
