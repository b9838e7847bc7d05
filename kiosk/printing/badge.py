"""What goes on one badge, taken from the event and the attendee (plain values, no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event

FALLBACK_COLOR = "#455a64"


@dataclass(frozen=True)
class BadgeData:
    event_id: str
    event_name: str
    motto: str
    name: str  # as printed: CJK family-first, others first-last
    name_parts: tuple[str, ...]  # where the name may break onto two lines, in order
    name_break: int  # parts before the family name: the preferred place for a line break
    company: str
    type_label: str
    type_color: str  # "#rrggbb"
    code: str | None  # the QR's text: signed badge code, else ticket code
    caption: str  # small text under the QR: the ticket code or id, for staff lookups
    photo: Path | None = None
    session_line: str = ""
    seat: str = ""  # printed where the template has a seat box (GB 50799 12.2.4)


def days_line(days: tuple[dt.date, ...]) -> str:
    """'14-15 Oct 2026', '30 Sep - 2 Oct 2026' or '' for an event without days."""
    if not days:
        return ""
    first, last = min(days), max(days)
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}\u2013{last.day} {last:%b %Y}"
    return f"{first.day} {first:%b} \u2013 {last.day} {last:%b %Y}"


def badge_for(
    event: Event,
    attendee: Attendee,
    code: str | None,
    *,
    session_line: str | None = None,
    photo_dir: Path | None = None,
) -> BadgeData:
    """The badge of `attendee`; the session line defaults to the event's days."""
    kind = event.type(attendee.type)
    family_first = attendee.last_name + attendee.first_name
    if attendee.first_name and attendee.last_name and attendee.name == family_first:
        parts: tuple[str, ...] = (family_first,)  # CJK: one word, broken between characters
        name_break = 0
    else:
        parts = tuple(
            w for part in (attendee.first_name, attendee.last_name) for w in part.split() if w
        )
        name_break = len(attendee.first_name.split())
    photo = None
    if attendee.photo:
        photo = Path(attendee.photo)
        if not photo.is_absolute() and photo_dir is not None:
            photo = photo_dir / photo
    return BadgeData(
        event_id=event.id,
        event_name=event.name,
        motto=event.motto,
        name=attendee.name,
        name_parts=parts or (attendee.name,),
        name_break=name_break,
        company=attendee.company,
        type_label=(kind.name if kind else attendee.type).upper(),
        type_color=kind.color if kind else FALLBACK_COLOR,
        code=code,
        caption=attendee.ticket_code or attendee.id,
        photo=photo,
        session_line=days_line(event.days) if session_line is None else session_line,
        seat=attendee.seat,
    )
