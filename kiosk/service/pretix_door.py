"""pretix tickets at the door: a pretix_sig1 secret verified offline against the event's
trusted pretix keys, and pretix's revoked and blocked lists applied to any pretix secret.

The order of the checks follows pretix's own offline scanner (libpretixsync's
AsyncCheckProvider): a secret in the local list is that attendee; otherwise the signature,
then revoked, blocked, the validity window (entries only), the product and the event date
(subevent); the hall and session rules come after, as for kiosk badges.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain import pretix_sig1
from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Verdict
from kiosk.domain.pretix_sig1 import Malformed, Ticket
from kiosk.service.results import Identified, Refused
from kiosk.store import attendees, pretix

# Signature checks one scan may cost (wedge variants x keys): a forged text must not make
# a door slow, and a real ticket verifies at its first or second check.
MAX_CHECKS = 12


@dataclass(frozen=True)
class Signed:
    """A pretix_sig1 secret that verified: as it really is (after wedge repair)."""

    secret: str
    ticket: Ticket


def verify(db: Database, text: str) -> Signed | Refused | None:
    """The verified secret among the text's wedge variants, a refusal (forged, unknown key,
    malformed), or None when the text is no pretix_sig1 secret in any variant."""
    variants = pretix_sig1.typed_variants(text)
    parsed = [(v, pretix_sig1.unpack(v)) for v in variants]
    tickets = [(v, t) for v, t in parsed if isinstance(t, Ticket)]
    if not tickets:
        if isinstance(parsed[0][1], Malformed):
            return Refused(Verdict.INVALID_CODE, "malformed")
        return None
    checks = 0
    trusted = pretix.verifying_keys(db)
    for secret, ticket in tickets:
        for _, key in trusted:
            if checks >= MAX_CHECKS:
                return Refused(Verdict.INVALID_CODE, "forged")
            checks += 1
            if pretix_sig1.verifies(ticket, key):
                return Signed(secret, ticket)
    # Which key signed cannot be read from an Ed25519 signature: only a key this event knew
    # and stopped trusting (or trusting none) tells an untrusted key from a forgery.
    if not trusted:
        return Refused(Verdict.INVALID_CODE, "unknown_key")
    for _, ticket in tickets:
        for _, key in pretix.verifying_keys(db, trusted=False):
            if checks >= MAX_CHECKS:
                break
            checks += 1
            if pretix_sig1.verifies(ticket, key):
                return Refused(Verdict.INVALID_CODE, "unknown_key")
    return Refused(Verdict.INVALID_CODE, "forged")


def listed_refusal(db: Database, secret: str, found: Attendee | None) -> Refused | None:
    """pretix's revoked (replaced) and blocked secrets, for signed and unsigned alike."""
    if pretix.is_revoked(db, secret):
        return Refused(Verdict.REVOKED, "ticket_revoked", found)
    if pretix.is_blocked(db, secret):
        return Refused(Verdict.REVOKED, "ticket_blocked", found)
    return None


def _window(
    ticket: Ticket, when: dt.datetime, entry: bool, found: Attendee | None
) -> Refused | None:
    if not entry:  # pretix lets anyone out, valid or not (libpretixsync skips exits)
        return None
    now = when.timestamp()
    if ticket.valid_from is not None and now < ticket.valid_from:
        return Refused(
            Verdict.OUTSIDE_WINDOW, "ticket_not_yet_valid", found, _at(ticket.valid_from)
        )
    if ticket.valid_until is not None and now > ticket.valid_until:
        return Refused(Verdict.OUTSIDE_WINDOW, "ticket_expired", found, _at(ticket.valid_until))
    return None


def _at(unix: int) -> dict[str, object]:
    return {"pretix_valid": dt.datetime.fromtimestamp(unix, dt.UTC).isoformat()}


def _date(db: Database, ticket: Ticket, found: Attendee | None) -> Refused | None:
    """A ticket for another date of an event series: pretix's scanner on a list for one
    date refuses it; here the event's chosen date (kiosk pretix date), when set."""
    wanted = pretix.subevent(db)
    if wanted and ticket.subevent != wanted:
        return Refused(
            Verdict.OTHER_EVENT, "other_date", found, {"pretix_subevent": ticket.subevent}
        )
    return None


def local_refusal(
    db: Database, secret: str, found: Attendee, when: dt.datetime, entry: bool
) -> Refused | None:
    """For an attendee found by their pretix secret: the lists, and, when the secret is a
    signed one, the validity window and date it carries (an import holds neither)."""
    refused = listed_refusal(db, secret, found)
    if refused is not None:
        return refused
    ticket = pretix_sig1.unpack(secret)
    if not isinstance(ticket, Ticket):
        return None
    return _window(ticket, when, entry, found) or _date(db, ticket, found)


def identify_signed(
    db: Database, text: str, when: dt.datetime, entry: bool
) -> Identified | Refused | None:
    """A pretix_sig1 ticket decided as far as identification goes; None: not one."""
    signed = verify(db, text)
    if not isinstance(signed, Signed):
        return signed
    secret, ticket = signed.secret, signed.ticket
    found = attendees.find_by_ticket_code(db, secret)
    if found is not None:
        refused = local_refusal(db, secret, found, when, entry)
        if refused is not None:
            return refused
        if found.cancelled:
            return Refused(Verdict.REVOKED, "cancelled", found)
        return Identified(found)
    refused = listed_refusal(db, secret, None) or _window(ticket, when, entry, None)
    if refused is not None:
        return refused
    name = pretix.item_name(db, ticket.item)
    kind = pretix.item_type(db, ticket.item, name)
    if kind is None:  # pretix: a product the check-in list does not hold, before the date
        extra: dict[str, object] = {"pretix_item": ticket.item}
        if name is not None:
            extra["pretix_item_name"] = name
        return Refused(Verdict.NOT_REGISTERED, "unmapped_product", None, extra)
    refused = _date(db, ticket, None)
    if refused is not None:
        return refused
    # Signed by the event's pretix but not (yet) in the local list: admit on the ticket's
    # word, as kiosk's own badges issued after the last sync are.
    stranger = Attendee(f"pretix-{ticket.seed}", "", "", "", "", kind, ticket_code=secret)
    return Identified(stranger, ("not_in_local_list",))
