"""Self-service badge pickup: identify, correct the name, print, log (the desk: desk.py)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain import codes
from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.domain.names import surname_matches
from kiosk.domain.spelling import is_spelling_fix
from kiosk.domain.text import fold
from kiosk.service.checkin import utc_now
from kiosk.service.identify import Identified, identify
from kiosk.store import attendees, events, prints, settings
from kiosk.store.db import write
from kiosk.store.prints import NameCorrection, PrintKind, PrintRecord
from kiosk.store.search import CANDIDATES, search

log = logging.getLogger(__name__)
MIN_SECRET = 3  # characters of the registration code or e-mail asked to confirm a surname
MAX_NAME = 80
MAX_REASON = 200


class BadgeOutput(Protocol):
    """Where a badge goes: a printer, a PDF file, a fake in tests (see kiosk.printing)."""

    @property
    def name(self) -> str: ...

    def print_badge(self, attendee: Attendee, code: str | None) -> str | None:
        """Print one badge; None when it came out, else a machine-readable failure reason."""
        ...


@dataclass(frozen=True)
class Found:
    attendee: Attendee
    already_printed: bool


@dataclass(frozen=True)
class NotFound:
    reason: str  # unknown_code, revoked, no_match, ambiguous, too_short, locked, ...


@dataclass(frozen=True)
class Printed:
    record: PrintRecord
    code: str | None


@dataclass(frozen=True)
class PrintFailed:
    record: PrintRecord  # logged as failed; the badge does not count as printed


@dataclass(frozen=True)
class PrintJob:
    """A print that prepare_print allowed: what to send and how to log it."""

    attendee: Attendee
    code: str | None
    kind: PrintKind
    reason: str
    staff: bool


@dataclass(frozen=True)
class StaffNeeded:
    reason: str  # already_printed, bad_pin, reason_required, cancelled


class PickupError(ValueError):
    """Input staff or an attendee typed that cannot be used (empty name, unknown type)."""


class NameNeedsStaff(PickupError):
    """A name change bigger than a spelling fix (kiosk.domain.spelling): only staff
    (the PIN) may make it, so that nobody prints a badge in someone else's name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # first_name_required, not_a_spelling_fix, bad_pin


def clean(text: str, what: str, limit: int = MAX_NAME) -> str:
    kept = " ".join(text.split())
    if len(kept) > limit or not kept.isprintable():
        raise PickupError(f"{what} is too long or holds unprintable characters")
    return kept


class PickupService:
    spelling_only = True  # attendees alone may only fix the spelling of their name

    def __init__(
        self,
        db: Database,
        event: Event,
        *,
        signing_key: Ed25519PrivateKey | None = None,
        verify_pin: Callable[[str], bool] | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
        max_failures: int = 5,
        cooldown: dt.timedelta = dt.timedelta(seconds=30),
    ) -> None:
        self.db = db
        self.event = event
        self.signing_key = signing_key
        self.verify_pin = verify_pin
        self.clock = clock
        self.kiosk_id = settings.kiosk_id(db)
        self.keys = events.public_keys(db, event.id)
        self.max_failures = max_failures
        self.cooldown = cooldown
        self._failures = 0
        self._locked_until: dt.datetime | None = None

    def reload(self) -> None:
        """New public keys or a new event file arrived through sync."""
        self.event = events.load_event(self.db) or self.event
        self.keys = events.public_keys(self.db, self.event.id)

    # ------------------------------------------------------------------ identify

    def identify_scan(self, text: str) -> Found | NotFound:
        """The attendee whose QR (signed badge code or ticket code) was scanned."""
        found = identify(self.db, self.event.id, self.keys, text)
        if not isinstance(found, Identified):
            return NotFound(found.reason)
        if "not_in_local_list" in found.warnings:
            return NotFound("not_in_local_list")  # no name to print: staff registers them
        return self._found(found.attendee)

    def identify_name(self, surname: str, secret: str) -> Found | NotFound:
        """The one attendee with this surname whose registration code or e-mail starts
        with `secret`. Anything but exactly one match says so without naming anyone."""
        now = self.clock()
        if self._locked_until is not None and now < self._locked_until:
            return NotFound("locked")
        wanted, start = fold(surname), fold(secret).replace(" ", "")
        if not wanted or len(start) < MIN_SECRET:
            return NotFound("too_short")
        # Both words through the search index (the secret is part of the e-mail or code),
        # then the exact rules; more hits than the index ranks means type more.
        found = search(self.db, f"{wanted} {start}", limit=CANDIDATES)
        matches = [
            a
            for a in found.attendees
            if surname_matches(a.last_name, wanted) and _secret_matches(a, start)
        ]
        if len(matches) != 1 or found.more:
            self._failures += 1
            if self._failures >= self.max_failures:
                self._locked_until, self._failures = now + self.cooldown, 0
            return NotFound("ambiguous" if matches or found.more else "no_match")
        self._failures = 0
        if matches[0].cancelled:
            return NotFound("cancelled")
        return self._found(matches[0])

    def _found(self, attendee: Attendee) -> Found:
        return Found(attendee, prints.has_printed(self.db, attendee.id))

    # ------------------------------------------------------------------ badge

    def badge_code(self, attendee: Attendee) -> str | None:
        """What the badge's QR holds: the signed code if this machine can sign, else the
        registration system's ticket code (the doors look it up in their local list)."""
        if self.signing_key is not None:
            try:
                a = attendee
                return codes.sign_code(self.signing_key, self.event.id, a.id, a.type, a.badge_issue)
            except ValueError:
                pass  # ids too long for a signed code: the ticket code still works
        return attendee.ticket_code

    def correct_name(
        self, attendee: Attendee, first_name: str, last_name: str, *, pin: str | None = None
    ) -> Attendee:
        """Store the attendee's own spelling; the log keeps the original. Alone, an
        attendee may only fix the spelling (kiosk.domain.spelling.is_spelling_fix) and
        never delete the first name; anything bigger raises NameNeedsStaff unless `pin`
        is the staff PIN (the desk, where staff are signed in, may change any name)."""
        first, last = clean(first_name, "first name"), clean(last_name, "last name")
        if not (first or last):
            raise PickupError("the name cannot be empty")
        if (first, last) == (attendee.first_name, attendee.last_name):
            return attendee
        if self.spelling_only and not is_spelling_fix(
            attendee.first_name, attendee.last_name, first, last
        ):
            staff = self._staff(pin)
            if isinstance(staff, StaffNeeded):
                raise NameNeedsStaff("bad_pin")
            if not staff:
                deleted = attendee.first_name.strip() and not first
                raise NameNeedsStaff("first_name_required" if deleted else "not_a_spelling_fix")
        corrected = replace(attendee, first_name=first, last_name=last)
        with write(self.db):
            prints.append_correction(
                self.db,
                NameCorrection(
                    id=uuid.uuid4().hex,
                    kiosk_id=self.kiosk_id,
                    attendee_id=attendee.id,
                    at=self.clock().astimezone(dt.UTC).isoformat(),
                    original_first=attendee.first_name,
                    original_last=attendee.last_name,
                    corrected_first=first,
                    corrected_last=last,
                ),
            )
            attendees.save(self.db, corrected)
        return corrected

    def needs_staff(self, attendee: Attendee) -> bool:
        """Whether a badge of this attendee came out before: then only staff print another
        (a replaced badge's successor included, even where the first never printed)."""
        return prints.has_printed(self.db, attendee.id) or prints.was_replaced(self.db, attendee.id)

    def _staff(self, pin: str | None) -> bool | StaffNeeded:
        """False without a PIN, True for the right one, StaffNeeded for a wrong one."""
        if pin is None:
            return False
        if self.verify_pin is None or not self.verify_pin(pin):
            return StaffNeeded("bad_pin")
        return True

    def prepare_print(
        self, attendee: Attendee, *, pin: str | None = None, reason: str = ""
    ) -> PrintJob | StaffNeeded:
        """Check that this badge may print now. A badge that already came out once needs
        the staff PIN and a reason. Quick: the slow part, send(), can run on a thread."""
        if attendee.cancelled:
            return StaffNeeded("cancelled")  # nobody prints a badge for a cancelled registration
        reprint = self.needs_staff(attendee)
        reason = " ".join(reason.split())[:MAX_REASON]
        staff = self._staff(pin)
        if isinstance(staff, StaffNeeded):
            return staff
        if reprint and not staff:
            return StaffNeeded("already_printed")
        if reprint and not reason:
            return StaffNeeded("reason_required")
        if reprint:
            kind = PrintKind.REPRINT
        elif prints.is_walk_in(self.db, attendee.id):
            kind = PrintKind.WALK_IN
        else:
            kind = PrintKind.FIRST
        return PrintJob(attendee, self.badge_code(attendee), kind, reason, staff)

    def record_print(self, job: PrintJob, printer: str, error: str | None) -> Printed | PrintFailed:
        """Log how the job went (durably); a failed print never counts as printed."""
        [result] = self.record_prints([job], printer, error)
        return result

    def record_prints(
        self, jobs: Sequence[PrintJob], printer: str, error: str | None = None
    ) -> list[Printed | PrintFailed]:
        """Log many jobs that went (or failed) together, in one transaction (bulk PDFs)."""
        at = self.clock().astimezone(dt.UTC).isoformat()
        status = "ok" if error is None else "failed"
        results: list[Printed | PrintFailed] = []
        with write(self.db):
            for job in jobs:
                a = job.attendee
                record = PrintRecord(
                    uuid.uuid4().hex, self.kiosk_id, a.id, a.badge_issue, at, job.kind.value,
                    printer, status, job.reason, error or "", job.staff,
                )  # fmt: skip
                prints.append(self.db, record)
                results.append(Printed(record, job.code) if error is None else PrintFailed(record))
        return results

    def print_badge(
        self, attendee: Attendee, output: BadgeOutput, *, pin: str | None = None, reason: str = ""
    ) -> Printed | PrintFailed | StaffNeeded:
        """prepare_print, send and record_print in one go (the CLI, the tests)."""
        job = self.prepare_print(attendee, pin=pin, reason=reason)
        if isinstance(job, StaffNeeded):
            return job
        return self.record_print(job, output.name, send(job, output))


def send(job: PrintJob, output: BadgeOutput) -> str | None:
    """Hand the badge to the printer: None when it came out, else why not. Never raises (a
    driver or Qt failure must not reach the attendee's screen); safe on a worker thread."""
    try:
        return output.print_badge(job.attendee, job.code)
    except Exception as exc:
        log.exception("printer %s failed", output.name)  # the details, for the log file
        return f"printer_error: {type(exc).__name__}"


def _secret_matches(attendee: Attendee, start: str) -> bool:
    ticket = fold(attendee.ticket_code or "").replace(" ", "")
    return (bool(ticket) and ticket.startswith(start)) or fold(attendee.email).startswith(start)
