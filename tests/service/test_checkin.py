"""The check-in service reaches every verdict of the product brief and logs each one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.codes import sign_code
from kiosk.domain.decision import Direction, Verdict
from kiosk.service.checkin import CheckInError, CheckInService
from kiosk.store import attendees, checkins
from kiosk.store.db import write
from tests.conftest import at

Code = Callable[..., str]


def outcome(
    service: CheckInService,
    code: str,
    hall: str = "main",
    when: str = "14 10:00",
    direction: Direction = Direction.ENTRY,
) -> tuple[str, str]:
    decision = service.scan(code, hall, direction, at(when))
    return decision.verdict.value, decision.reason


def test_signed_code_is_admitted_and_logged_with_the_session(
    service: CheckInService, code_for: Code, db: Database
) -> None:
    """A valid badge in the admission window is admitted, recorded, and counted inside."""
    decision = service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 09:45"))
    assert (decision.verdict, decision.session, decision.recorded, decision.occupancy) == (
        Verdict.ADMITTED,
        "keynote",
        True,
        1,
    )
    assert decision.attendee is not None and decision.attendee.name == "张伟"
    record = checkins.get(db, decision.record_id or "")
    assert record is not None and (record.verdict, record.attendee_id, record.delta) == (
        "admitted",
        "A1",
        1,
    )


def test_ticket_code_from_the_registration_export_is_accepted(service: CheckInService) -> None:
    """A plain ticket code is looked up and admitted like a badge."""
    assert outcome(service, "T-0002") == ("admitted", "admitted")


def test_same_code_within_seconds_is_one_scan(
    service: CheckInService, code_for: Code, db: Database
) -> None:
    """A badge held in front of the camera twice in 3 s gives the same decision, logged once."""
    first = service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 10:00"))
    again = service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 10:00").replace(second=3))
    assert (again.verdict, again.repeat, again.recorded, again.record_id) == (
        Verdict.ADMITTED,
        True,
        False,
        first.record_id,
    )
    assert checkins.count(db) == 1


def test_second_entry_while_inside_is_denied(service: CheckInService, code_for: Code) -> None:
    """Entering again without leaving is 'already inside'."""
    outcome(service, code_for("A1"), when="14 10:00")
    assert outcome(service, code_for("A1"), when="14 10:05") == ("already_inside", "already_inside")


def test_exit_then_reentry_is_admitted_again(service: CheckInService, code_for: Code) -> None:
    """After an exit, a re-entry session admits again and the occupancy follows."""
    code = code_for("A1")
    outcome(service, code, when="14 10:00")
    exit_ = service.scan(code, "main", Direction.EXIT, at("14 10:20"))
    assert (exit_.verdict, exit_.reason, exit_.occupancy) == (Verdict.EXIT_RECORDED, "exit", 0)
    assert outcome(service, code, when="14 10:10") == ("admitted_again", "reentry")


def test_single_entry_session_refuses_a_second_entry(
    service: CheckInService, code_for: Code
) -> None:
    """In a no-re-entry session, a badge that left cannot come back."""
    code = code_for("A1")
    assert outcome(service, code, when="14 13:45") == ("admitted", "admitted")
    outcome(service, code, when="14 13:50", direction=Direction.EXIT)
    assert outcome(service, code, when="14 13:55") == ("no_reentry", "single_entry_used")


def test_registration_and_invitation_rules(service: CheckInService, code_for: Code) -> None:
    """Registered-only and invitation-only sessions refuse others; staff pass everywhere."""
    assert outcome(service, code_for("A2"), when="14 13:50") == (
        "not_registered",
        "not_registered_for_session",
    )
    assert outcome(service, code_for("A1"), when="15 18:50") == (
        "not_registered",
        "invitation_only",
    )
    assert outcome(service, code_for("A2"), when="15 18:51") == ("admitted", "admitted")
    assert outcome(service, code_for("A4", "staff"), when="15 18:52") == ("admitted", "admitted")


def test_type_not_allowed_in_hall(service: CheckInService, code_for: Code) -> None:
    """A visitor badge is for the exhibition floor only."""
    assert outcome(service, code_for("A3", "visitor")) == ("not_registered", "type_not_allowed")
    assert outcome(service, code_for("A3", "visitor"), hall="floor") == ("admitted", "admitted")


def test_outside_the_admission_window(service: CheckInService, code_for: Code) -> None:
    """Too early, too late, or no session: outside the window, with which one (for someone
    the session's access rules admit: the others are told those first, test_rule_order)."""
    assert outcome(service, code_for("A1"), when="14 08:00") == (
        "outside_window",
        "before_admission",
    )
    assert outcome(service, code_for("A1"), when="14 10:30") == (
        "outside_window",
        "before_admission",
    )
    assert outcome(service, code_for("A1"), when="14 16:00") == (
        "outside_window",
        "after_admission",
    )


def test_full_session_refuses_but_staff_still_enter(
    service: CheckInService, code_for: Code
) -> None:
    """Capacity 2: the third delegate is refused, an exit frees a seat."""
    outcome(service, code_for("A1"), when="14 09:50")
    outcome(service, code_for("A2"), when="14 09:51")
    assert outcome(service, code_for("A6"), when="14 09:52") == ("session_full", "session_full")
    assert outcome(service, code_for("A4", "staff"), when="14 09:53") == ("admitted", "admitted")
    outcome(service, code_for("A1"), when="14 09:54", direction=Direction.EXIT)
    outcome(service, code_for("A4", "staff"), when="14 09:54", direction=Direction.EXIT)
    assert outcome(service, code_for("A6"), when="14 09:59") == ("admitted", "admitted")


def test_revoked_replaced_and_cancelled_badges_are_refused(
    service: CheckInService, code_for: Code, db: Database
) -> None:
    """A cancelled attendee, a superseded badge issue and a revoked id are all refused."""
    assert outcome(service, code_for("A5")) == ("revoked", "cancelled")
    assert outcome(service, "T-0005") == ("revoked", "cancelled")
    with write(db):
        person = attendees.find_by_id(db, "A6")
        assert person is not None
        attendees.save(db, person.__class__(**{**person.__dict__, "badge_issue": 2}))
        attendees.revoke(db, "A9", below_issue=2, reason="revoked")
    assert outcome(service, code_for("A6", issue=1)) == ("revoked", "badge_replaced")
    assert outcome(service, code_for("A6", issue=2)) == ("admitted", "admitted")
    assert outcome(service, code_for("A9")) == ("revoked", "revoked")


def test_signed_badge_not_in_local_list_is_admitted_with_a_warning(
    service: CheckInService, code_for: Code
) -> None:
    """A badge issued after the last sync is admitted on its signature, flagged."""
    decision = service.scan(code_for("NEW1"), "main", Direction.ENTRY, at("14 10:00"))
    assert (decision.verdict, decision.warnings) == (Verdict.ADMITTED, ("not_in_local_list",))
    assert decision.attendee is not None and decision.attendee.id == "NEW1"


def test_forged_foreign_and_other_event_codes_are_refused(
    service: CheckInService, code_for: Code
) -> None:
    """Wrong key, another event, a URL, garbage and an absurdly long code: clean denials."""
    forged = sign_code(Ed25519PrivateKey.generate(), "tiny-2026", "A1", "delegate")
    other = sign_code(Ed25519PrivateKey.generate(), "other-2026", "A1", "delegate")
    good = code_for("A1")
    # A character inside the signature: the last one also carries base32 padding bits,
    # and changing only those left the bytes (and the signature) intact 1 time in ~40.
    i = len(good) - 5
    tampered = good[:i] + ("2" if good[i] != "2" else "3") + good[i + 1 :]
    results = [
        outcome(service, c, when=f"14 10:0{i}")
        for i, c in enumerate(
            [
                forged,
                other,
                tampered,
                "https://example.com/ticket/1",
                "\x00\xff\x01garbage",
                "X" * 100_000,
                "'; DROP TABLE attendees; --",
                "WIFI:S:venue;T:WPA;P:x;;",
            ]
        )
    ]
    assert results == [
        ("invalid_code", "unknown_key"),
        ("other_event", "other_event"),
        ("invalid_code", "forged"),
        ("invalid_code", "foreign_code"),
        ("invalid_code", "unreadable"),
        ("invalid_code", "too_long"),
        ("unknown_badge", "unknown_code"),
        ("invalid_code", "foreign_code"),
    ]


def test_manual_admission_and_undo_are_new_records(
    service: CheckInService, code_for: Code, db: Database
) -> None:
    """Staff admit by hand with a reason; undo reverses the last admission with a new record."""
    manual = service.admit_manually("A6", "main", "badge at the hotel", at("14 10:01"))
    assert (manual.verdict, manual.occupancy) == (Verdict.MANUAL_ADMISSION, 1)
    undone = service.undo_last(at("14 10:02"))
    assert (undone.verdict, undone.occupancy) == (Verdict.UNDONE, 0)
    assert checkins.count(db) == 2
    assert outcome(service, code_for("A6"), when="14 10:03") == ("admitted", "admitted")


def test_undo_is_limited_to_fifteen_minutes(service: CheckInService, code_for: Code) -> None:
    """An admission older than 15 minutes can no longer be undone."""
    outcome(service, code_for("A1"), when="14 09:40")
    with pytest.raises(CheckInError, match="15 minutes"):
        service.undo_last(at("14 09:56"))


def test_unknown_hall_is_refused_and_nothing_is_logged(
    service: CheckInService, db: Database
) -> None:
    """A hall the event does not have is a usage error, not a decision."""
    with pytest.raises(CheckInError, match="unknown hall"):
        service.scan("T-0001", "nowhere")
    assert checkins.count(db) == 0


def test_the_log_refuses_edits(service: CheckInService, db: Database) -> None:
    """Updating or deleting a check-in record is refused by the database itself."""
    outcome(service, "T-0001")
    with pytest.raises(Exception, match="append-only"):
        db.execute("UPDATE checkins SET verdict = 'admitted'")
    with pytest.raises(Exception, match="append-only"):
        db.execute("DELETE FROM checkins")


class FakeHub:
    """An authority that answers as told and keeps what it accepted."""

    def __init__(self, answer: bool | None) -> None:
        self.answer = answer
        self.claimed: list[str] = []

    def claim(self, record: checkins.LogRecord, timeout: float) -> bool | None:
        if self.answer:
            self.claimed.append(record.id)
        return self.answer


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(True, ("admitted", False)), (None, ("admitted", True)), (False, ("already_inside", False))],
)
def test_hub_decides_admissions_when_it_answers(
    db: Database,
    service: CheckInService,
    code_for: Code,
    answer: bool | None,
    expected: tuple[str, bool],
) -> None:
    """Online the hub's word counts (a refusal means inside at another door); with no
    answer the kiosk decides alone and marks the decision offline."""
    hub = FakeHub(answer)
    online = CheckInService(db, service.event, authority=hub)
    decision = online.scan(code_for("A1"), "main", Direction.ENTRY, at("14 10:00"))
    record = checkins.get(db, decision.record_id or "")
    assert record is not None
    assert (decision.verdict.value, decision.offline) == expected
    assert (record.verdict, record.offline) == expected
    assert hub.claimed == ([record.id] if answer else [])
