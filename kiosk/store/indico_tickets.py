"""Attendees by their Indico ticket UUID, and the Indico event the attendee list came from."""

from __future__ import annotations

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.indico import PREFIX, Origin, code_origin
from kiosk.store.attendees import COLUMNS, from_row

# Ranges on the ticket-code index ("@" + 1 is "A", ":" + 1 is ";"): a few index steps, no scan.
_BY_UUID = (
    f"SELECT {COLUMNS} FROM attendees WHERE ticket_code >= ? AND ticket_code < ? "
    "ORDER BY ticket_code LIMIT 2"
)
_FIRST = "SELECT ticket_code FROM attendees WHERE ticket_code >= ? AND ticket_code < ? LIMIT 1"


def find(db: Database, ticket_uuid: str) -> Attendee | None:
    """The attendee whose Indico ticket code holds this UUID (canonical text), if any."""
    start = f"{PREFIX}{ticket_uuid}@"
    rows = db.execute(_BY_UUID, [start, start[:-1] + "A"]).fetchall()
    return from_row(rows[0]) if len(rows) == 1 else None


def imported_origin(db: Database) -> Origin | None:
    """The Indico event of the imported attendees (one per kiosk database), or None."""
    row = db.execute(_FIRST, [PREFIX, PREFIX[:-1] + ";"]).fetchone()
    return None if row is None else code_origin(str(row[0]))
