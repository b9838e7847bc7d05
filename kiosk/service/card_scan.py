"""A contactless card's UID, typed by a keyboard-wedge reader, as a scan (GB 50799 12.2.3):
the attendee holding the card, or REVOKED card_lost for a card reported lost."""

from __future__ import annotations

from sqlite_utils import Database

from kiosk.domain.cards import normal_uid
from kiosk.domain.decision import Verdict
from kiosk.service.results import Identified, Refused
from kiosk.store import attendees, door_records


def identify_card(db: Database, text: str) -> Identified | Refused | None:
    """Who holds the card `text` names; None if it is no card UID anybody here holds or
    lost (the scan is then something else: an unknown code)."""
    uid = normal_uid(text)
    if uid is None:
        return None
    lost_by = door_records.lost_card(db, uid)
    if lost_by is not None:
        return Refused(Verdict.REVOKED, "card_lost", attendees.find_by_id(db, lost_by))
    found = attendees.find_by_card_uid(db, uid)
    if found is None:
        return None
    if found.cancelled:
        return Refused(Verdict.REVOKED, "cancelled", found)
    return Identified(found)
