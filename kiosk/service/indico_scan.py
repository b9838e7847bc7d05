"""An Indico ticket QR at the door: the imported registration it names, or why not."""

from __future__ import annotations

from sqlite_utils import Database

from kiosk.domain import indico
from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Verdict
from kiosk.domain.indico import looks_like_ticket
from kiosk.store import indico_tickets

__all__ = ["looks_like_ticket", "lookup"]

Refusal = tuple[Verdict, str, Attendee | None]


def lookup(db: Database, text: str) -> Attendee | Refusal:
    """The attendee of an Indico ticket (cancelled ones too: the caller refuses those), or
    the refusal: a broken ticket, another server or event, or a ticket nobody imported."""
    try:
        ticket = indico.parse_ticket(text)
    except indico.IndicoCodeError as exc:
        return (Verdict.INVALID_CODE, exc.reason, None)
    found = indico_tickets.find(db, ticket.ticket_uuid) if ticket.ticket_uuid else None
    origin = (
        indico.code_origin(found.ticket_code or "")
        if found is not None
        else indico_tickets.imported_origin(db)
    )
    if origin is None:
        return (Verdict.UNKNOWN_BADGE, "unknown_code", None)  # no Indico list imported here
    if ticket.server != origin.server or ticket.event_id not in (None, origin.event_id):
        return (Verdict.OTHER_EVENT, "other_event", None)
    if found is None or ticket.companion is not None:
        # An accompanying person's ticket names the registration, but the export has no
        # row for them: admitting them as the registrant would put the wrong person inside.
        return (Verdict.UNKNOWN_BADGE, "unknown_code", None)
    return found
