"""Self-service badge pickup: identify, correct the name, print, log (the desk: desk.py)."""

from __future__ import annotations

import datetime as dt
import hmac
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
from kiosk.store import attendees, booking_codes, events, pickup_guard, prints, settings
from kiosk.store.db import write
from kiosk.store.prints import NameCorrection, PrintKind, PrintRecord

log = logging.getLogger(__name__)
# A surname is confirmed by the start of the booking code from the confirmation e-mail:
# 6 characters of a 32-letter alphabet are 2**30 possibilities, against 5 guesses.
MIN_CODE = 6
MAX_CODE = 128  # the longest ticket code an import keeps (kiosk.importing.rows)
CODE_CANDIDATES = 20  # codes sharing a typed start: more than a few means type more
MAX_FAILURES = 5  # failed identifications within FAILURE_WINDOW: "please ask staff"
FAILURE_WINDOW = dt.timedelta(minutes=10)
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
        max_failures: int = MAX_FAILURES,
        failure_window: dt.timedelta = FAILURE_WINDOW,
    ) -> None:
        self.db = db
        self.event = event
        self.signing_key = signing_key
        self.verify_pin = verify_pin
        self.clock = clock
        self.kiosk_id = settings.kiosk_id(db)
        self.keys = events.public_keys(db, event.id)
        self.max_failures = max_failures
        self.failure_window = failure_window
        self._code_length: int | None = None

    def reload(self) -> None:
        """New public keys or a new event file arrived through sync."""
        self.event = events.load_event(self.db) or self.event
        self.keys = events.public_keys(self.db, self.event.id)
        self._code_length = None  # an import may have brought other codes

    # ------------------------------------------------------------------ identify

    def identify_scan(self, text: str) -> Found | NotFound:
        """The attendee whose QR (signed badge code or ticket code) was scanned; nobody
        while the kiosk waits for staff after a run of failed identifications (the desk,
        signed in behind the PIN and so not spelling_only, scans whatever the pickup's
        lock-out on the same database)."""
        if self.spelling_only and self.locked():
            return NotFound("locked")
        found = identify(self.db, self.event.id, self.keys, text)
        if not isinstance(found, Identified):
            return NotFound(found.reason)
        if "not_in_local_list" in found.warnings:
            return NotFound("not_in_local_list")  # no name to print: staff registers them
        return self._found(found.attendee)

    def identify_name(self, surname: str, code: str) -> Found | NotFound:
        """The one attendee with this surname whose booking (ticket) code starts with
        `code`, at least code_length() characters of it in the normal form of
        kiosk.store.booking_codes. The code comes from the confirmation e-mail, not from
        the name, so a published list of names gives a stranger nothing to type. Anything
        but exactly one match says so without naming anyone, and counts as a failure;
        MAX_FAILURES of them within FAILURE_WINDOW lock the kiosk until staff clear it."""
        if self.locked():
            return NotFound("locked")
        wanted, start = fold(surname), booking_codes.key(code)
        if not wanted or len(start) < self.code_length() or len(start) > MAX_CODE:
            return NotFound("too_short")  # no guess was made: nothing to count
        matches = []
        for attendee, key in booking_codes.starting_with(self.db, start, limit=CODE_CANDIDATES):
            # Constant time over the typed characters; both checks always run, so the time
            # taken says nothing about which one failed or where.
            same_code = hmac.compare_digest(key[: len(start)].encode(), start.encode())
            same_name = surname_matches(attendee.last_name, wanted)
            if same_code & same_name:
                matches.append(attendee)
        if len(matches) != 1:
            locked = pickup_guard.record_failure(
                self.db, self.kiosk_id, self.clock(), self.failure_window, self.max_failures
            )
            log.warning("pickup: a name identification failed%s", ", kiosk locked" * locked)
            if locked:
                return NotFound("locked")
            return NotFound("ambiguous" if matches else "no_match")
        if matches[0].cancelled:
            return NotFound("cancelled")
        return self._found(matches[0])

    def code_length(self) -> int:
        """Characters of the booking code asked for: MIN_CODE, plus any start that most
        of this event's codes share (an event prefix), since that part anyone can know.
        Worked out once (a scan of the codes), again after reload()."""
        if self._code_length is None:
            self._code_length = MIN_CODE + booking_codes.shared_start(self.db)
        return self._code_length

    def locked(self) -> bool:
        """Whether a run of failures sent this kiosk to "please ask staff" (on disk: a
        restart keeps it; only unlock() with the staff PIN lifts it)."""
        return pickup_guard.is_locked(self.db, self.kiosk_id)

    def unlock(self, pin: str) -> bool:
        """Staff lift the lock-out with the PIN (the PIN's own lock-out applies); the
        failure count starts again from zero. False for a wrong PIN."""
        if self.verify_pin is None or not self.verify_pin(pin):
            return False
        pickup_guard.clear(self.db, self.kiosk_id, self.clock())
        log.info("pickup: lock-out cleared by staff")
        return True

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
