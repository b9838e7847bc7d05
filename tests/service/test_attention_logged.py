"""A note for door staff is logged as shown: the scan's record carries the warning
`attention_note` (not the note's words, which may be about someone's health), the record
passes the sync schema as it travels, and the decision gives the door the note to show."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from sqlite_utils import Database

from kiosk.domain.decision import Direction, Verdict
from kiosk.service.checkin import CheckInService
from kiosk.store import attendees, checkins
from kiosk.store.db import write
from kiosk.sync import schema
from kiosk.sync.records import checkin_wire
from tests.conftest import at

NOTE = "Diabetic: may need to leave at short notice; allow re-entry without queueing."


def give_note(db: Database, attendee_id: str = "A2", note: str = NOTE) -> None:
    person = attendees.find_by_id(db, attendee_id)
    assert person is not None
    with write(db):
        attendees.save(db, dataclasses.replace(person, note=note, seat="A-12", position="CTO"))


def test_a_scan_with_a_note_logs_that_it_was_shown_and_not_what_it_said(
    service: CheckInService, db: Database, code_for: Callable[..., str]
) -> None:
    """The record's warnings say attention_note; no column of the log row holds the note;
    the decision carries the note for the screen and keeps its badge warnings apart."""
    give_note(db)
    decision = service.scan(code_for("A2"), "main")
    assert decision.record_id is not None
    record = checkins.get(db, decision.record_id)
    assert record is not None
    row = db.execute("SELECT * FROM checkins WHERE id = ?", [decision.record_id]).fetchone()
    assert {
        "verdict": decision.verdict,
        "logged": record.warnings,
        "shown": decision.attention,
        "badge_warnings": decision.warnings,
        "note_in_log": any("Diabetic" in str(value) for value in row),
        "json": (decision.to_json()["attention_note"], decision.to_json()["attendee"]["seat"]),
    } == {
        "verdict": Verdict.ADMITTED,
        "logged": "attention_note",
        "shown": NOTE,
        "badge_warnings": (),
        "note_in_log": False,
        "json": (NOTE, "A-12"),
    }


def test_the_flag_travels_through_the_sync_schema(
    service: CheckInService, db: Database, code_for: Callable[..., str]
) -> None:
    """The wire form of the record (as pushed to a hub) reads back through the strict
    check-in schema with its warning intact."""
    give_note(db)
    decision = service.scan(code_for("A2"), "main")
    record = checkins.get(db, decision.record_id or "")
    assert record is not None
    wire = {k: v for k, v in checkin_wire(record).items() if k != "k"}
    assert schema.checkin(wire) == record


def test_every_kind_of_scan_logs_the_note_but_undo(
    service: CheckInService, db: Database, code_for: Callable[..., str]
) -> None:
    """Admitted, already inside, exit, refused (cancelled), a manual admission: each record
    says the note was shown; the undo record does not (a correction, nobody at the door);
    a repeat scan shows the note again and logs nothing new."""
    give_note(db)
    give_note(db, "A5")  # cancelled, with a note
    code = code_for("A2")
    seen = [service.scan(code, "main", at=at("14 10:00"))]
    seen.append(service.scan(code, "main", at=at("14 10:00")))  # repeat: not logged again
    seen.append(service.scan(code, "main", at=at("14 10:01")))
    seen.append(service.scan(code, "main", Direction.EXIT, at=at("14 10:02")))
    seen.append(service.scan(code_for("A5"), "main", at=at("14 10:03")))
    seen.append(service.admit_manually("A2", "main", "badge torn", at=at("14 10:04")))
    seen.append(service.undo_last(at("14 10:05"), "wrong person"))
    logged = []
    for d in seen:
        record = checkins.get(db, d.record_id or "")
        logged.append((d.verdict, d.repeat, record.warnings if record else None, bool(d.attention)))
    assert logged == [
        (Verdict.ADMITTED, False, "attention_note", True),
        (Verdict.ADMITTED, True, "attention_note", True),
        (Verdict.ALREADY_INSIDE, False, "attention_note", True),
        (Verdict.EXIT_RECORDED, False, "attention_note", True),
        (Verdict.REVOKED, False, "attention_note", True),
        (Verdict.MANUAL_ADMISSION, False, "attention_note", True),
        (Verdict.UNDONE, False, "", False),
    ]
    assert db.execute("SELECT count(*) FROM checkins").fetchone()[0] == 6


def test_no_note_no_flag_and_badge_warnings_stay(
    service: CheckInService, db: Database, code_for: Callable[..., str]
) -> None:
    """Without a note nothing is added; a genuine badge not in the local list keeps its
    own warning (the door's 'check badge'), and a note does not turn an admission into one."""
    plain = service.scan(code_for("A1"), "main")
    stranger = service.scan(code_for("Z9"), "floor")
    assert (plain.warnings, plain.attention, stranger.warnings) == ((), "", ("not_in_local_list",))
    record = checkins.get(db, stranger.record_id or "")
    assert record is not None and record.warnings == "not_in_local_list"
