"""Seats, cards, attention notes and photos for the demo database (issue 15), so the door,
the badge and the board have them to show: added after the attendees, deterministic."""

from __future__ import annotations

import dataclasses
import hashlib
import io

from PIL import Image, ImageDraw
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.importing.photos import compact_jpeg
from kiosk.store import attendees, photos

SEATS_PER_ROW = 20
CARD_EVERY = 7  # one attendee in 7 of the first CARD_POOL holds a contactless card
CARD_POOL = 500
PHOTOS = 24  # the first attendees get a generated avatar (and the ones with a note)
NOTES = (
    "Wheelchair user: open the side door",
    "轮椅使用者：请开侧门",
    "Protocol: call the VIP desk before admitting",
    "Hörgerät: bitte deutlich und langsam sprechen",
    "Guide dog: let both in",
)


def seat_label(index: int) -> str:
    """0 -> 'A-1', 19 -> 'A-20', 20 -> 'B-1'; rows past Z go on as AA, AB..."""
    row, number = divmod(index, SEATS_PER_ROW)
    letters = ""
    row += 1
    while row:
        row, rest = divmod(row - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}-{number + 1}"


def card_uid_for(attendee_id: str) -> str:
    """A 4-byte UID in hex, as a reader types it, made from the id (so it is stable)."""
    return hashlib.sha256(f"demo-card:{attendee_id}".encode()).hexdigest()[:8].upper()


def seated_hall(db: Database, event: Event) -> tuple[str, list[str]] | None:
    """The hall whose sessions hold the most registrations, and who holds them (by id)."""
    best: tuple[str, list[str]] | None = None
    for hall in event.halls:
        sessions = [s.id for s in event.sessions_in(hall.id)]
        if not sessions:
            continue
        marks = ", ".join("?" for _ in sessions)
        people = [
            str(r[0])
            for r in db.execute(
                f"SELECT DISTINCT attendee_id FROM registrations WHERE session_id IN ({marks}) "
                "ORDER BY attendee_id",
                sessions,
            )
        ][: hall.capacity]
        if people and (best is None or len(people) > len(best[1])):
            best = (hall.id, people)
    return best


_SKIN = ((241, 194, 167), (224, 172, 138), (198, 134, 96), (141, 85, 54), (255, 219, 190))
_HAIR = ((35, 28, 24), (90, 60, 40), (160, 120, 70), (120, 120, 120), (20, 20, 20))
_CLOTHES = ((38, 50, 72), (60, 60, 60), (110, 40, 40), (30, 80, 60), (200, 200, 205))


def avatar(attendee_id: str) -> bytes:
    """A plain generated portrait: head and shoulders on a colour of the id's own."""
    digest = hashlib.sha256(attendee_id.encode()).digest()
    background = (150 + digest[0] % 90, 150 + digest[1] % 90, 150 + digest[2] % 90)
    image = Image.new("RGB", (480, 640), background)
    draw = ImageDraw.Draw(image)
    skin = _SKIN[digest[3] % len(_SKIN)]
    draw.ellipse((50, 400, 430, 980), fill=_CLOTHES[digest[4] % len(_CLOTHES)])  # shoulders
    draw.rectangle((205, 300, 275, 430), fill=skin)  # neck
    draw.ellipse((150, 110, 330, 340), fill=skin)  # head
    draw.chord((145, 95, 335, 300), 180, 360, fill=_HAIR[digest[5] % len(_HAIR)])  # hair
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return compact_jpeg(out.getvalue())


def add_demo_fields(db: Database, event: Event) -> dict[str, int]:
    """Give the demo attendees seats (one hall), cards, notes and avatars (caller's
    transaction); how many of each."""
    counts = {"seats": 0, "cards": 0, "notes": 0, "photos": 0}
    seated = seated_hall(db, event)
    changed: dict[str, Attendee] = {}

    def person(aid: str) -> Attendee | None:
        return changed.get(aid) or attendees.find_by_id(db, aid)

    for index, aid in enumerate(seated[1] if seated else []):
        found = person(aid)
        if found is not None:
            changed[aid] = dataclasses.replace(found, seat=seat_label(index))
            counts["seats"] += 1
    first = [
        str(r[0]) for r in db.execute("SELECT id FROM attendees ORDER BY id LIMIT ?", [CARD_POOL])
    ]
    for aid in first[::CARD_EVERY]:
        found = person(aid)
        if found is not None:
            changed[aid] = dataclasses.replace(found, card_uid=card_uid_for(aid))
            counts["cards"] += 1
    noted = first[3 : 3 + 11 * len(NOTES) : 11]
    for aid, text in zip(noted, NOTES, strict=False):
        found = person(aid)
        if found is not None:
            changed[aid] = dataclasses.replace(found, note=text)
            counts["notes"] += 1
    for found in changed.values():
        attendees.save(db, found)
    pictured = list(dict.fromkeys([*first[:PHOTOS], *noted]))
    counts["photos"] = photos.save_many(db, [(aid, avatar(aid)) for aid in pictured])
    return counts
