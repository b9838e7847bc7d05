"""The attention note door staff see with a verdict: the attendee's own and their type's."""

from __future__ import annotations

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event


def attention_note(event: Event, attendee: Attendee | None) -> str:
    """The attendee's note, then their type's note (one per line, a repeat once); "" when
    there is none. The attendee's comes first: it is about this person."""
    if attendee is None:
        return ""
    kind = event.type(attendee.type)
    notes = [attendee.note.strip(), kind.note.strip() if kind is not None else ""]
    unique = [n for i, n in enumerate(notes) if n and n not in notes[:i]]
    return "\n".join(unique)
