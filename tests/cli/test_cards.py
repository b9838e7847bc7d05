"""`kiosk card lost|assign` and `kiosk note` (issue 15): staff PIN, one-line refusals that
change nothing, a card identifying its holder at the door and refused once lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.decision import Verdict
from kiosk.domain.event import Event
from kiosk.domain.trust import Enrolment, Role
from kiosk.service.checkin import CheckInService
from kiosk.service.staff_pin import StaffPin
from kiosk.store import attendees, settings, trust_state
from kiosk.store.db import write
from tests.cli.helpers import assert_one_line, kiosk
from tests.conftest import at

PIN = "246802"


@pytest.fixture
def staffed(db: Database, tmp_path: Path) -> list[str]:
    StaffPin(db).set_pin(PIN)
    return ["--db", str(tmp_path / "kiosk.db"), "--pin", PIN]


def scan(
    db: Database, event: Event, text: str, when: str = "14 10:00"
) -> tuple[Verdict, str, str | None]:
    decision = CheckInService(db, event, clock=lambda: at(when)).scan(text, "floor")
    who = decision.attendee.id if decision.attendee else None
    return decision.verdict, decision.reason, who


def dump(db: Database) -> list[str]:
    """The attendees and the staff records (the PIN check keeps its own counters)."""
    tables = ("attendees", "card_losses", "card_assignments", "attention_notes")
    return [line for line in db.conn.iterdump() if any(f'"{t}"' in line for t in tables)]


def test_a_card_handed_out_admits_its_holder_and_once_lost_is_refused(
    db: Database, event: Event, staffed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Assigned at the desk, the reader's UID (decimal, with Enter) admits A1; reported
    lost, the same card is REVOKED card_lost and names whose it was."""
    status, out, _ = kiosk(capsys, "card", "assign", "A1", "0012345678", *staffed)
    assert (status, out.strip()) == (0, "card 0012345678 now identifies A1 (张伟)")
    admitted = scan(db, event, "0012345678\r\n")
    assert (
        kiosk(capsys, "card", "lost", "0012345678", "--reason", "lost on day 1", *staffed)[0] == 0
    )
    assert (
        admitted,
        scan(db, event, "0012345678", "14 10:05"),
        attendees.find_by_id(db, "A1").card_uid,
    ) == (
        (Verdict.ADMITTED, "admitted", "A1"),
        (Verdict.REVOKED, "card_lost", "A1"),
        None,
    )


def test_a_lost_card_cannot_be_handed_out_again(
    db: Database, staffed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A lost card given to someone else: one line, nothing changed."""
    kiosk(capsys, "card", "assign", "A1", "04:a1:b2:c3", *staffed)
    kiosk(capsys, "card", "lost", "04A1B2C3", "--reason", "stolen", *staffed)
    before = dump(db)
    status, _, err = kiosk(capsys, "card", "assign", "A2", "04a1b2c3", *staffed)
    assert (status, dump(db)) == (2, before)
    assert_one_line(err, "04A1B2C3 was reported lost", "nothing changed")


def test_a_card_held_by_someone_else_or_a_ticket_code_is_refused(
    db: Database, staffed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """One card, one person: taken, or equal to a ticket code, refused in one line."""
    with write(db):
        attendees.save(db, attendees.find_by_id(db, "A6").__class__(
            "A7", "Eve", "Hex", "", "", "delegate", ticket_code="BEEF0001"
        ))  # fmt: skip
    kiosk(capsys, "card", "assign", "A1", "1111", *staffed)
    before = dump(db)
    taken = kiosk(capsys, "card", "assign", "A2", "1111", *staffed)
    code = kiosk(capsys, "card", "assign", "A2", "beef0001", *staffed)
    assert (taken[0], code[0], dump(db)) == (2, 2, before)
    assert_one_line(taken[2], "card 1111 belongs to A1")
    assert_one_line(code[2], "BEEF0001 is a ticket code here")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("card", "assign", "A1", "not-a-card"), "is not a card UID"),
        (("card", "assign", "A1", "1" * 5000), "is not a card UID"),
        (("card", "lost", "9999", "--reason", "x"), "no attendee holds card 9999"),
        (("card", "lost", "1111", "--reason", " "), "needs --reason"),
        (("note", "A1", "n" * 201), "at most 200"),
        (("note", "A1", "bell\x07"), "control"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    db: Database, staffed: list[str], capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...], message: str,
) -> None:  # fmt: skip
    """Not a UID, an unknown card, no reason, a note too long or with a control character."""
    with write(db):
        attendees.save(db, attendees.find_by_id(db, "A2").__class__(
            **{**attendees.find_by_id(db, "A2").__dict__, "card_uid": "1111"}
        ))  # fmt: skip
    before = dump(db)
    status, _, err = kiosk(capsys, *args, *staffed)
    assert (status != 0, dump(db)) == (True, before)
    assert_one_line(err, message)


def test_a_wrong_pin_changes_nothing(
    db: Database, staffed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every one of the three needs the staff PIN."""
    before = dump(db)
    wrong = [*staffed[:2], "--pin", "000000"]
    results = [
        kiosk(capsys, "card", "assign", "A1", "1234", *wrong)[0],
        kiosk(capsys, "note", "A1", "vip", *wrong)[0],
    ]
    assert (
        results,
        [r for r in dump(db) if "attendees" in r] == [r for r in before if "attendees" in r],
    ) == ([1, 1], True)


def test_note_is_set_and_cleared(
    db: Database, staffed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The note reaches the attendee (one line, spaces collapsed); "" clears it."""
    set_out = kiosk(capsys, "note", "A1", "wheelchair user:\n open the side door", *staffed)[1]
    noted = attendees.find_by_id(db, "A1").note
    cleared = kiosk(capsys, "note", "A1", "", *staffed)[1]
    assert (set_out.strip(), noted, cleared.strip(), attendees.find_by_id(db, "A1").note) == (
        "note of A1 (张伟): 'wheelchair user: open the side door'",
        "wheelchair user: open the side door",
        "note of A1 cleared",
        "",
    )


@pytest.mark.parametrize("role", [Role.DOOR, Role.PICKUP])
def test_a_door_or_pickup_kiosk_may_not_make_these_records(
    db: Database, staffed: list[str], capsys: pytest.CaptureFixture[str], role: Role
) -> None:
    """Enrolled as a door (or pickup), the kiosk refuses: its records would be refused."""
    with write(db):
        trust_state.enrol(
            db, Enrolment(settings.kiosk_id(db), Ed25519PrivateKey.generate().public_key()
                          .public_bytes_raw(), role, False),
        )  # fmt: skip
    before = dump(db)
    status, _, err = kiosk(capsys, "note", "A1", "vip", *staffed)
    assert (status, dump(db)) == (2, before)
    assert_one_line(err, f"this kiosk is a {role.value}", "at a desk or by the organiser")


def test_an_import_cannot_give_out_a_lost_card(
    db: Database, staffed: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A registration export still listing a lost card's UID is refused, with the row."""
    kiosk(capsys, "card", "assign", "A1", "ABCD", *staffed)
    kiosk(capsys, "card", "lost", "ABCD", "--reason", "lost", *staffed)
    export = tmp_path / "list.csv"
    export.write_text("id,name,type,card uid\nA2,Núria Puig,delegate,abcd\n", encoding="utf-8")
    before = dump(db)
    status, _, err = kiosk(capsys, "import", str(export), *staffed[:2])
    assert (status != 0, "card UID 'ABCD' was reported lost" in err, dump(db)) == (
        True,
        True,
        before,
    )


def test_an_import_cannot_move_a_card_handed_out_at_a_desk(
    db: Database, staffed: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A1 was given card 7777 at the desk; an export giving 7777 to A2 (A1 in it too,
    without a card) is refused with the row, not a database error."""
    kiosk(capsys, "card", "assign", "A1", "7777", *staffed)
    export = tmp_path / "list.csv"
    export.write_text(
        "id,name,type,card uid\nA1,Wei Zhang,delegate,\nA2,Núria Puig,delegate,7777\n",
        encoding="utf-8",
    )
    before = dump(db)
    status, _, err = kiosk(capsys, "import", str(export), *staffed[:2])
    assert (status != 0, dump(db)) == (True, before)
    assert "card UID '7777' belongs to attendee 'A1', who keeps it (handed out at a desk)" in err
