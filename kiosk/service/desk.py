"""The staff desk: walk-in registration and replacing lost badges, on top of pickup."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass, replace

from kiosk.domain import codes
from kiosk.domain.attendee import Attendee
from kiosk.domain.text import fold
from kiosk.service.pickup import MAX_REASON, PickupError, PickupService, StaffNeeded, clean
from kiosk.store import attendees, prints
from kiosk.store.db import write
from kiosk.store.prints import Replacement, WalkIn
from kiosk.store.search import search


@dataclass(frozen=True)
class WalkInResult:
    attendee: Attendee
    code: str | None
    flagged: bool


class PossibleDuplicate(PickupError):
    """A walk-in who looks already registered (same name, and the same e-mail or company):
    a second valid badge for one person unless staff confirm it is someone else."""

    def __init__(self, matches: list[Attendee]) -> None:
        super().__init__("already registered: " + ", ".join(a.id for a in matches))
        self.matches = matches


@dataclass(frozen=True)
class Replaced:
    attendee: Attendee  # with the raised badge issue (and a new ticket code if not signed)
    signed: bool


class StaffDesk(PickupService):
    """What staff at the desk may do besides the attendee's own pickup."""

    spelling_only = False  # the desk opens behind the staff PIN: staff may change any name

    def register_walk_in(
        self,
        first_name: str,
        last_name: str,
        type_id: str,
        company: str = "",
        email: str = "",
        position: str = "",
        *,
        different_person: bool = False,
    ) -> WalkInResult:
        """A new attendee registered on site. Their code is signed only where the signing
        key is; otherwise the badge carries a local ticket code and the organiser is told.

        A walk-in needs a full name (first and last) and a valid e-mail or a company, so
        the organiser can tell who it was. Someone already registered under the same name
        with the same e-mail or company raises PossibleDuplicate, unless staff confirm a
        `different_person` (a second valid badge for one person is a badge to lend)."""
        first, last = clean(first_name, "first name"), clean(last_name, "last name")
        if not (first or last):
            raise PickupError("the name cannot be empty")
        if not first:
            raise PickupError("first name is required")
        if not last:
            raise PickupError("last name is required")
        if self.event.type(type_id) is None:
            known = ", ".join(t.id for t in self.event.types)
            raise PickupError(f"unknown attendee type {type_id!r} (this event has: {known})")
        company, email = clean(company, "company", 120), clean(email, "e-mail", 200)
        if email and not valid_email(email):
            raise PickupError("e-mail: not an e-mail address")
        if not (email or company):
            raise PickupError("company or e-mail is required")
        if not different_person:
            matches = self.registered_as(first, last, email, company)
            if matches:
                raise PossibleDuplicate(matches)
        attendee = Attendee(
            id=f"W{uuid.uuid4().hex[:9].upper()}",
            first_name=first,
            last_name=last,
            company=company,
            email=email,
            type=type_id,
            ticket_code=_new_ticket_code(),
            position=clean(position, "position", 120),
        )
        code = self.badge_code(attendee)
        signed = code is not None and code != attendee.ticket_code
        with write(self.db):
            attendees.save(self.db, attendee)
            prints.append_walk_in(
                self.db,
                WalkIn(
                    id=uuid.uuid4().hex,
                    kiosk_id=self.kiosk_id,
                    attendee_id=attendee.id,
                    at=self.clock().astimezone(dt.UTC).isoformat(),
                    signed=signed,
                    flagged=not signed,
                ),
            )
        return WalkInResult(attendee, code, flagged=not signed)

    def registered_as(self, first: str, last: str, email: str, company: str) -> list[Attendee]:
        """Attendees (not cancelled) with this name, folded, in either order, and the same
        e-mail or company: the people a walk-in may already be."""
        names = {fold(f"{first} {last}"), fold(f"{last} {first}"), fold(f"{last}{first}")}
        found = search(self.db, f"{first} {last}", limit=50).attendees
        if email:
            found += search(self.db, email, limit=50).attendees
        same: list[Attendee] = []
        for a in found:
            name_matches = fold(a.name) in names or fold(f"{a.first_name} {a.last_name}") in names
            contact = (email and fold(a.email) == fold(email)) or (
                company and fold(a.company) == fold(company)
            )
            if name_matches and contact and not a.cancelled and a not in same:
                same.append(a)
        return same

    def replace_badge(self, attendee: Attendee, *, pin: str, reason: str) -> Replaced | StaffNeeded:
        """A lost or stolen badge: raise the attendee's badge issue so every earlier badge
        is refused (here at once, at the other doors after their next sync). Without the
        signing key the new badge can only carry the ticket code, so the ticket code is
        renewed too (the old one, on the lost badge or the e-mail, stops working)."""
        staff = self._staff(pin)
        if staff is not True:
            return staff if isinstance(staff, StaffNeeded) else StaffNeeded("bad_pin")
        reason = " ".join(reason.split())[:MAX_REASON]
        if not reason:
            return StaffNeeded("reason_required")
        new_issue = attendee.badge_issue + 1
        signed = self.signing_key is not None and self.badge_code(attendee) != attendee.ticket_code
        ticket = attendee.ticket_code if signed else _new_ticket_code()
        updated = replace(attendee, badge_issue=new_issue, ticket_code=ticket)
        with write(self.db):
            prints.append_replacement(
                self.db,
                Replacement(
                    id=uuid.uuid4().hex,
                    kiosk_id=self.kiosk_id,
                    attendee_id=attendee.id,
                    at=self.clock().astimezone(dt.UTC).isoformat(),
                    old_issue=attendee.badge_issue,
                    new_issue=new_issue,
                    reason=reason,
                    signed=signed,
                ),
            )
            attendees.save(self.db, updated)
            attendees.revoke(self.db, attendee.id, new_issue, "badge_replaced")
        return Replaced(updated, signed)


def valid_email(text: str) -> bool:
    """The import's rule of thumb: something@domain.tld without spaces."""
    local, _, domain = text.partition("@")
    return bool(local) and "." in domain.strip(".") and " " not in text


def _new_ticket_code() -> str:
    """A ticket code of this kiosk's own: 'W' and 9 random characters of the code alphabet."""
    return "W" + "".join(secrets.choice(codes.ALPHABET) for _ in range(9))
