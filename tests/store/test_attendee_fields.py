"""Seat, card UID and attention note on attendees (issue 15), photos, and their bounds."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from sqlite_utils import Database

from kiosk.domain.attention import attention_note
from kiosk.domain.cards import MAX_NOTE, clean_note, clean_seat, normal_uid
from kiosk.domain.event import Event
from kiosk.domain.event_file import EventFileError, parse_event
from kiosk.store import attendees, photos
from kiosk.store.db import write
from tests.conftest import TINY_EVENT


def test_fields_are_stored_and_read_back(db: Database) -> None:
    """Seat, card UID and note survive a save and a read, by id and by card."""
    person = dataclasses.replace(
        attendees.find_by_id(db, "A1"), seat="A-12", card_uid="04A1B2C3", note="wheelchair"
    )
    with write(db):
        attendees.save(db, person)
    assert (attendees.find_by_id(db, "A1"), attendees.find_by_card_uid(db, "04A1B2C3")) == (
        person,
        person,
    )


def test_defaults_for_attendees_without_them(db: Database) -> None:
    """An attendee saved by older code has no seat, no card and no note."""
    a = attendees.find_by_id(db, "A2")
    assert (a.seat, a.card_uid, a.note) == ("", None, "")


def test_one_card_one_attendee(db: Database) -> None:
    """Two attendees cannot hold one card UID: the unique index refuses the second."""
    with write(db):
        attendees.save(db, dataclasses.replace(attendees.find_by_id(db, "A1"), card_uid="1234"))
    with pytest.raises(sqlite3.IntegrityError), write(db):
        attendees.save(db, dataclasses.replace(attendees.find_by_id(db, "A2"), card_uid="1234"))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("04:a1:b2:c3:d4:e5:f6", "04A1B2C3D4E5F6"),
        ("0012345678\n", "0012345678"),
        (" 04-A1-B2-C3 ", "04A1B2C3"),
        ("12 34 56 78", "12345678"),
        ("123", None),  # too short to be a UID
        ("G1234567", None),  # not hex
        ("1" * 33, None),
        ("1" * 10_000, None),
        ("T-0001", None),
        ("", None),
    ],
)
def test_card_uid_normal_form(typed: str, stored: str | None) -> None:
    """A reader's UID loses separators and case; what is not 4-32 hex digits is no UID."""
    assert normal_uid(typed) == stored


def test_seat_and_note_bounds() -> None:
    """Seats and notes are one line, bounded, without control characters."""
    assert (clean_seat(" 3排 12座 "), clean_note("open the\nside door")) == (
        "3排 12座",
        "open the side door",
    )
    for bad in ("x" * 25, "A\x0012", "A\u202e21"):
        with pytest.raises(ValueError, match="seat"):
            clean_seat(bad)
    with pytest.raises(ValueError, match=f"at most {MAX_NOTE}"):
        clean_note("n" * (MAX_NOTE + 1))


def test_attention_note_joins_the_attendees_and_the_types(event: Event) -> None:
    """The attendee's note comes first, then the type's; a type's note alone; none: ''."""
    source = TINY_EVENT.replace(
        'color = "#1565c0"', 'color = "#1565c0"\nnote = "protocol: call the VIP desk"'
    )
    vip = parse_event(source, "tiny.toml")
    person = attendees.Attendee("X", "A", "B", "", "", "delegate", note="wheelchair user")
    assert (
        attention_note(vip, person),
        attention_note(vip, dataclasses.replace(person, note="")),
        attention_note(event, dataclasses.replace(person, note="")),
        attention_note(vip, None),
    ) == ("wheelchair user\nprotocol: call the VIP desk", "protocol: call the VIP desk", "", "")


@pytest.mark.parametrize(
    ("note", "message"), [("7", "expected a string"), ('"' + "n" * 201 + '"', "at most 200")]
)
def test_type_note_in_the_event_file_is_strict(note: str, message: str) -> None:
    """A type note that is not a short string is refused with its line."""
    source = TINY_EVENT.replace('color = "#1565c0"', f'color = "#1565c0"\nnote = {note}')
    with pytest.raises(EventFileError, match=message):
        parse_event(source, "tiny.toml")


def test_photos_are_stored_once_per_attendee(db: Database) -> None:
    """photo_for gives the JPEG saved last; an unchanged photo keeps its time."""
    with write(db):
        photos.save_many(db, [("A1", b"\xff\xd8one"), ("A2", b"\xff\xd8two")])
    first = db.execute("SELECT updated_at FROM photos WHERE attendee_id = 'A2'").fetchone()
    with write(db):
        photos.save_many(db, [("A1", b"\xff\xd8new"), ("A2", b"\xff\xd8two")])
    assert (
        photos.photo_for(db, "A1"),
        photos.photo_for(db, "A3"),
        db.execute("SELECT updated_at FROM photos WHERE attendee_id = 'A2'").fetchone(),
    ) == (b"\xff\xd8new", None, first)
