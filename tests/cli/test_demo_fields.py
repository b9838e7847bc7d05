"""The demo database has seats, cards, attention notes, a type note and photos to show."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from kiosk.cli.data import make_demo_database
from kiosk.demo_fields import seat_label
from kiosk.domain.attention import attention_note
from kiosk.domain.cards import normal_uid
from kiosk.store import attendees, events, photos
from kiosk.store.db import open_db


def test_demo_attendees_carry_the_door_fields(tmp_path: Path) -> None:
    """Seats in one hall (unique labels), cards in normal form, five notes, VIPs' type
    note, and generated avatars that decode as 240x320 JPEGs."""
    make_demo_database(tmp_path / "demo.db", count=300)
    db = open_db(tmp_path / "demo.db")
    event = events.load_event(db)
    assert event is not None
    people = list(attendees.iter_all(db))
    seats = [a.seat for a in people if a.seat]
    cards = [a.card_uid for a in people if a.card_uid]
    vip = next(a for a in people if a.type == "vip")
    with Image.open(io.BytesIO(photos.photo_for(db, people[0].id) or b"")) as first:
        size = first.size
    assert (
        len(seats) > 20,
        len(set(seats)) == len(seats),
        seat_label(20),
        seat_label(26 * 20),
    ) == (
        True,
        True,
        "B-1",
        "AA-1",
    )
    assert (len(cards) > 10, all(normal_uid(c) == c for c in cards)) == (True, True)
    assert sum(1 for a in people if a.note) == 5
    assert attention_note(event, vip).endswith("Protocol: tell the VIP desk on arrival")
    assert (photos.count(db) >= 24, size) == (True, (240, 320))
