"""Seats, cards and attention notes travel (issue 15): the organiser's by publication, a
desk's as signed records, to doors; a door cannot send them, and a publication from before
them still applies."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.decision import Verdict
from kiosk.domain.trust import Role
from kiosk.service.door_fields import StaffRecords
from kiosk.store import attendees, door_records, events
from kiosk.store.db import write
from kiosk.store.door_records import AttentionNote
from kiosk.sync import schema
from tests.sync.conftest import Kiosk, Venue


@pytest.fixture
def stick(
    folder_hub: str, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk],
    db: Database, organiser_root: Ed25519PrivateKey,
) -> Venue:  # fmt: skip
    published(folder_hub)
    return Venue(folder_hub, folder_hub, published, kiosk_factory, db, organiser_root)


def fields(db: Database, aid: str) -> tuple[str, str | None, str]:
    a = attendees.find_by_id(db, aid)
    assert a is not None
    return a.seat, a.card_uid, a.note


def staff(kiosk: Kiosk) -> StaffRecords:
    event = events.load_event(kiosk.db)
    assert event is not None
    return StaffRecords(kiosk.db, event, verify_pin=lambda pin: pin == "1")


def test_the_organisers_seat_card_and_note_reach_a_door(stick: Venue) -> None:
    """Published with the attendee: the door has the seat, the note and the card."""
    with write(stick.organiser):
        person = attendees.find_by_id(stick.organiser, "A1")
        assert person is not None
        attendees.save(
            stick.organiser, dataclasses.replace(person, seat="A-12", card_uid="04A1", note="vip")
        )
    stick.republish()
    door = stick.kiosk("door")
    decision = door.service().scan("04A1\n", "floor")
    assert (
        fields(door.db, "A1"),
        decision.verdict,
        decision.attendee and decision.attendee.id,
    ) == (
        ("A-12", "04A1", "vip"),
        Verdict.ADMITTED,
        "A1",
    )


def test_a_desks_note_card_and_lost_card_reach_a_door(stick: Venue) -> None:
    """Set at a desk, synced through the stick: the door shows the note, and refuses the
    card reported lost; the organiser's next publication (made before it synced) undoes
    none of it."""
    door = stick.kiosk("door")
    desk = stick.kiosk("desk", role=Role.DESK)
    records = staff(desk)
    person = attendees.find_by_id(desk.db, "A2")
    assert person is not None
    records.set_note(person, "protocol: call the VIP desk", pin="1")
    records.assign_card(person, "BEEF", pin="1")
    records.assign_card(attendees.find_by_id(desk.db, "A1"), "CAFE", pin="1")  # type: ignore[arg-type]
    records.report_card_lost("cafe", pin="1", reason="lost")
    desk.sync(stick.location)
    door.sync(stick.location)
    with write(stick.organiser):  # the organiser has not synced: its A2 has no note, no card
        known = attendees.find_by_id(stick.organiser, "A2")
        assert known is not None
        attendees.save(stick.organiser, dataclasses.replace(known, company="Fira"))
    stick.republish()
    door.sync(stick.location)
    lost = door.service().scan("CAFE", "floor")
    assert (
        fields(door.db, "A2"),
        lost.verdict,
        lost.reason,
        lost.attendee and lost.attendee.id,
    ) == (
        ("", "BEEF", "protocol: call the VIP desk"),
        Verdict.REVOKED,
        "card_lost",
        "A1",
    )


def test_a_door_cannot_send_a_note(stick: Venue) -> None:
    """A note record made and signed by a door kiosk is refused by every other kiosk."""
    door = stick.kiosk("door")
    other = stick.kiosk("other")
    with write(door.db):
        door_records.set_note(
            door.db, AttentionNote("n1", door.id, "A3", "2026-10-14T01:00:00+00:00", "let in")
        )
    door.sync(stick.location)
    report = other.sync(stick.location)
    assert (fields(other.db, "A3")[2], report.problems) == (
        "",
        [f"refused 1 record from {door.id}: a door may not send attention_note records"],
    )


def test_a_publication_from_before_the_fields_still_applies() -> None:
    """An attendee item without seat, card_uid and note reads, with their defaults; one
    with a card UID not in normal form is refused."""
    item = {
        "k": "attendee", "id": "A9", "first_name": "A", "last_name": "B", "company": "",
        "email": "", "position": "", "type": "delegate", "ticket_code": None,
        "badge_issue": 1, "cancelled": False, "photo": None, "registrations": "[]",
        "removed": False,
    }  # fmt: skip
    kind, row = schema.organiser_item(item)
    assert (kind, row.seat, row.card_uid, row.note) == ("attendee", "", None, "")
    for bad in ({"card_uid": "04:a1"}, {"note": "x" * 201}, {"seat": 7}):
        with pytest.raises(schema.BadItem):
            schema.organiser_item({**item, **bad})
