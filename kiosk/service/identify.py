"""From scanned text to an attendee, or to the reason nobody can be identified."""

from __future__ import annotations

import datetime as dt
import re

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlite_utils import Database

from kiosk.domain import codes
from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Verdict
from kiosk.domain.pretix_sig1 import typed_variants
from kiosk.service import card_scan, indico_scan, pretix_door
from kiosk.service.results import Identified, Refused
from kiosk.store import attendees

__all__ = ["Identified", "Refused", "identify", "stored_form"]

MAX_INPUT = 1024  # anything longer is refused before any parsing or lookup
_FOREIGN = re.compile(
    r"^(https?://|www\.|wifi:|begin:vcard|mecard:|mailto:|tel:|geo:|smsto:)", re.I
)
_PRINTABLE_TICKET = re.compile(r"^[\w\-./:#+=@]{3,128}$")


def stored_form(text: str) -> str:
    """The code as the log keeps it: trimmed, control characters escaped, bounded."""
    kept = text.strip()[:MAX_INPUT]
    if kept.isprintable():
        return kept
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in kept)


def identify(
    db: Database,
    event_id: str,
    keys: dict[str, Ed25519PublicKey],
    text: str,
    when: dt.datetime | None = None,
    entry: bool = True,
) -> Identified | Refused:
    """Who a scanned text is, or why nobody: `when` (default now) and `entry` matter to
    tickets that carry a validity window (pretix_sig1)."""
    if len(text) > MAX_INPUT:
        return Refused(Verdict.INVALID_CODE, "too_long")
    if codes.looks_like_badge_code(text):
        return _signed(db, event_id, keys, text)
    candidate = text.strip()
    if indico_scan.looks_like_ticket(candidate):
        ticket = indico_scan.lookup(db, candidate)
        return _usable(ticket) if isinstance(ticket, Attendee) else Refused(*ticket)
    when = when or dt.datetime.now(dt.UTC)
    if _PRINTABLE_TICKET.match(candidate):
        found = attendees.find_by_ticket_code(db, candidate)
        if found is not None:
            return _ticket(db, candidate, found, when, entry)
    card = card_scan.identify_card(db, candidate)  # a card reader types its UID (12.2.3)
    if card is not None:
        return card
    pretix_ticket = pretix_door.identify_signed(db, candidate, when, entry)
    if pretix_ticket is not None:
        return pretix_ticket
    if _PRINTABLE_TICKET.match(candidate):
        # A scanner with caps lock on, or on a QWERTZ host, typed a registration system's
        # code (a pretix secret: lower-case, random): its variants, a few lookups at most.
        for variant in typed_variants(candidate)[1:]:
            found = attendees.find_by_ticket_code(db, variant)
            if found is not None:
                return _ticket(db, variant, found, when, entry)
    if _FOREIGN.match(candidate):
        return Refused(Verdict.INVALID_CODE, "foreign_code")
    if not candidate or not candidate.isprintable():
        return Refused(Verdict.INVALID_CODE, "unreadable")
    return Refused(Verdict.UNKNOWN_BADGE, "unknown_code")


def _ticket(
    db: Database, code: str, found: Attendee, when: dt.datetime, entry: bool
) -> Identified | Refused:
    """An attendee found by a registration system's ticket code: pretix's revoked and
    blocked lists (and a signed secret's window) first."""
    refused = pretix_door.local_refusal(db, code, found, when, entry)
    return refused if refused is not None else _usable(found)


def _usable(found: Attendee) -> Identified | Refused:
    if found.cancelled:
        return Refused(Verdict.REVOKED, "cancelled", found)
    return Identified(found)


def _signed(
    db: Database, event_id: str, keys: dict[str, Ed25519PublicKey], text: str
) -> Identified | Refused:
    try:
        code = codes.parse_code(text)
    except codes.CodeError as exc:
        return Refused(Verdict.INVALID_CODE, exc.reason)
    if code.event_tag != codes.event_tag(event_id):
        return Refused(Verdict.OTHER_EVENT, "other_event")
    key = keys.get(code.key_id)
    if key is None:
        return Refused(Verdict.INVALID_CODE, "unknown_key")
    if not codes.verify(code, key):
        return Refused(Verdict.INVALID_CODE, "forged")
    found = attendees.find_by_id(db, code.attendee_id)
    revoked = attendees.revocation(db, code.attendee_id)
    if revoked is not None and code.issue < revoked[0]:
        return Refused(Verdict.REVOKED, revoked[1], found)
    if found is None:
        # Signed by the organiser but issued after our last sync: admit on the code's word.
        stranger = Attendee(code.attendee_id, "", "", "", "", code.type, badge_issue=code.issue)
        return Identified(stranger, ("not_in_local_list",))
    if code.issue < found.badge_issue:
        return Refused(Verdict.REVOKED, "badge_replaced", found)
    return _usable(found)
