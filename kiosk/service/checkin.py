"""CheckInService: decides a scan and records it durably before anyone sees the verdict.

The GUI, the command line and the tests all go through this one class, so they reach
the same decision for the same scan.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.attention import attention_note
from kiosk.domain.decision import Decision, Direction, Verdict
from kiosk.domain.event import Event
from kiosk.domain.rules import Outcome, Presence, decide, session_for, session_to_check
from kiosk.service.identify import Identified, identify, stored_form
from kiosk.store import attendees, checkins, events, settings
from kiosk.store.checkins import LogRecord
from kiosk.store.db import write

Clock = Callable[[], dt.datetime]
UNDO_WINDOW = dt.timedelta(minutes=15)
# refusals whose screen shows more than the reason (the pretix product, the date)
_REASONS_WITH_EXTRA = frozenset(
    {"unmapped_product", "other_date", "ticket_not_yet_valid", "ticket_expired"}
)


class Authority(Protocol):
    """The venue-wide arbiter (the PostgreSQL hub) for admissions and exits."""

    def claim(self, record: LogRecord, timeout: float) -> bool | None:
        """Store `record` at the hub atomically if the attendee's venue-wide presence allows it.
        True: stored there (online decision); False: refused (inside at another door);
        None: no answer within `timeout` seconds (decide offline)."""
        ...


ATTENTION_NOTE = "attention_note"  # a record's warning: the door showed a note for staff
CLAIM_TIMEOUT = 0.3  # seconds; past this the kiosk decides alone and says it is offline


class CheckInError(ValueError):
    """A request the service refuses outright (unknown hall, nothing to undo...)."""


class OverrideNeeded(CheckInError):
    """A manual admission that a scan would have refused, asked for without overriding
    that rule: staff must first see `would` (the scan's decision) and confirm."""

    def __init__(self, would: Decision) -> None:
        detail = f"{would.reason}"
        if would.reason == "session_full":
            detail += f" ({would.occupancy}/{would.capacity})"
        super().__init__(f"a scan would be refused here: {detail}")
        self.would = would


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


class CheckInService:
    def __init__(
        self,
        db: Database,
        event: Event,
        clock: Clock = utc_now,
        authority: Authority | None = None,
    ) -> None:
        self.db = db
        self.event = event
        self.clock = clock
        self.authority = authority
        self.kiosk_id = settings.kiosk_id(db)
        self.keys = events.public_keys(db, event.id)

    def reload_keys(self) -> None:
        self.keys = events.public_keys(self.db, self.event.id)

    def _check_hall(self, hall: str) -> None:
        if self.event.hall(hall) is None:
            known = ", ".join(h.id for h in self.event.halls)
            raise CheckInError(f"unknown hall {hall!r} (this event has: {known})")

    def _when(self, at: dt.datetime | None) -> dt.datetime:
        when = at or self.clock()
        if when.tzinfo is None:
            raise CheckInError("times must carry a UTC offset or time zone")
        return when

    def scan(
        self,
        code: str,
        hall: str,
        direction: Direction = Direction.ENTRY,
        at: dt.datetime | None = None,
    ) -> Decision:
        """Decide one scan and record it; the record is on disk when this returns."""
        self._check_hall(hall)
        when = self._when(at)
        stored = stored_form(code)
        with write(self.db):
            since = _iso(when - dt.timedelta(seconds=self.event.repeat_scan_seconds))
            earlier = checkins.last_for_code(self.db, self.kiosk_id, stored, since)
            if earlier is not None and (earlier.direction, earlier.hall) == (direction.value, hall):
                return self._from_record(earlier, repeat=True)
            found = identify(
                self.db, self.event.id, self.keys, code, when, direction is Direction.ENTRY
            )
            extra: dict[str, Any] = {}
            if isinstance(found, Identified):
                outcome = self._decide(found.attendee, hall, direction, when)
                attendee: Attendee | None = found.attendee
                warnings = found.warnings
            else:
                session = session_for(self.event, hall, direction, when)
                outcome = Outcome(found.verdict, found.reason, session, 0)
                attendee, warnings, extra = found.attendee, (), found.extra
            record = LogRecord(
                id=uuid.uuid4().hex,
                kiosk_id=self.kiosk_id,
                hall=hall,
                session_id=outcome.session.id if outcome.session else None,
                direction=direction.value,
                verdict=outcome.verdict.value,
                reason=outcome.reason,
                attendee_id=attendee.id if attendee else None,
                code=stored,
                at=_iso(when),
                delta=outcome.delta,
                clock_offset_ms=self._clock_offset(),
                warnings=",".join((*warnings, *self._attention(attendee))),
            )
            record = self._claimed(record)
            checkins.append(self.db, record)
            return self._decision(record, attendee, extra=extra)

    def _claimed(self, record: LogRecord) -> LogRecord:
        """Ask the hub, when there is one, to take an admission or exit; a refusal turns an
        admission into 'already inside' (another door let this badge in first)."""
        if self.authority is None or record.delta == 0:
            return record
        answer = self.authority.claim(record, CLAIM_TIMEOUT)
        if answer is None:
            return record
        if answer:
            return replace(record, offline=False)
        return replace(
            record,
            verdict=Verdict.ALREADY_INSIDE.value,
            reason="inside_at_another_door",
            delta=0,
            offline=False,
        )

    def _decide(
        self, attendee: Attendee, hall: str, direction: Direction, when: dt.datetime
    ) -> Outcome:
        if direction is Direction.EXIT:
            session = session_for(self.event, hall, direction, when)
        else:
            session = session_to_check(self.event, hall, when)
        if session is None:
            return decide(
                self.event, hall, direction, when, attendee, None, Presence.NEVER, 0, None
            )
        return decide(
            self.event,
            hall,
            direction,
            when,
            attendee,
            session,
            checkins.presence(self.db, attendee.id, session.id),
            checkins.occupancy(self.db, session.id),
            attendees.registration(self.db, attendee.id, session.id),
        )

    def would_decide(self, attendee_id: str, hall: str, at: dt.datetime | None = None) -> Decision:
        """What a scan of this attendee's badge here would decide now, recorded nowhere:
        what staff see before a manual admission (and must override if it is a refusal)."""
        self._check_hall(hall)
        when = self._when(at)
        attendee = attendees.find_by_id(self.db, attendee_id)
        if attendee is None:
            raise CheckInError(f"no attendee with id {attendee_id!r}")
        return self._would(attendee, hall, when)

    def _would(self, attendee: Attendee, hall: str, when: dt.datetime) -> Decision:
        if attendee.cancelled:
            outcome = Outcome(Verdict.REVOKED, "cancelled", None, 0)
        else:
            outcome = self._decide(attendee, hall, Direction.ENTRY, when)
        session = outcome.session or session_to_check(self.event, hall, when)
        return Decision(
            verdict=outcome.verdict,
            reason=outcome.reason,
            attendee=attendee,
            hall=hall,
            session=session.id if session else None,
            occupancy=checkins.occupancy(self.db, session.id) if session else None,
            capacity=session.capacity if session else None,
            at=_iso(when),
        )

    def admit_manually(
        self,
        attendee_id: str,
        hall: str,
        note: str,
        at: dt.datetime | None = None,
        override: str | None = None,
    ) -> Decision:
        """Staff let someone in; the reason is mandatory and logged.

        Where a scan would have refused the attendee, `override` must name the rule that
        refused them (`would_decide(...).reason`, shown to staff and confirmed), else
        OverrideNeeded; the record's reason keeps it: "override_session_full". A manual
        admission a scan would have allowed (a badge that will not scan) is "staff_override".
        """
        self._check_hall(hall)
        if not note.strip():
            raise CheckInError("a manual admission needs a reason")
        when = self._when(at)
        with write(self.db):
            attendee = attendees.find_by_id(self.db, attendee_id)
            if attendee is None:
                raise CheckInError(f"no attendee with id {attendee_id!r}")
            would = self._would(attendee, hall, when)
            if would.verdict.lets_in:
                reason = "staff_override"
            elif override == would.reason:
                reason = f"override_{would.reason}"
            else:
                raise OverrideNeeded(would)
            session = self.event.session_for_exit(hall, when)
            inside = session is not None and (
                checkins.presence(self.db, attendee.id, session.id) is Presence.INSIDE
            )
            record = LogRecord(
                id=uuid.uuid4().hex,
                kiosk_id=self.kiosk_id,
                hall=hall,
                session_id=session.id if session else None,
                direction=Direction.ENTRY.value,
                verdict=Verdict.MANUAL_ADMISSION.value,
                reason=reason,
                attendee_id=attendee.id,
                code=f"manual:{attendee.id}",
                at=_iso(when),
                delta=0 if inside or session is None else +1,
                clock_offset_ms=self._clock_offset(),
                note=note.strip(),
                warnings=",".join(self._attention(attendee)),
            )
            record = self._claimed(record)
            checkins.append(self.db, record)
            return self._decision(record, attendee)

    def undo_candidate(self, at: dt.datetime | None = None) -> Decision | None:
        """The admission or exit `undo_last` would reverse now (None: nothing to undo), for
        staff to confirm by name before it is undone."""
        since = _iso(self._when(at) - UNDO_WINDOW)
        target = checkins.last_undoable(self.db, self.kiosk_id, since)
        if target is None:
            return None
        return self._from_record(target, repeat=False)

    def undo_last(
        self, at: dt.datetime | None = None, note: str = "", expect: str | None = None
    ) -> Decision:
        """Reverse this kiosk's latest admission or exit of the last 15 minutes (a new record).
        `expect`: the record id staff confirmed (undo_candidate); if a later scan came in
        meanwhile, nothing is undone rather than the wrong person."""
        when = self._when(at)
        with write(self.db):
            target = checkins.last_undoable(self.db, self.kiosk_id, _iso(when - UNDO_WINDOW))
            if target is None:
                raise CheckInError("nothing to undo in the last 15 minutes")
            if expect is not None and target.id != expect:
                raise CheckInError("another scan came in since: nothing undone, ask again")
            record = LogRecord(
                id=uuid.uuid4().hex,
                kiosk_id=self.kiosk_id,
                hall=target.hall,
                session_id=target.session_id,
                direction=target.direction,
                verdict=Verdict.UNDONE.value,
                reason=f"undo_{target.verdict}",
                attendee_id=target.attendee_id,
                code=target.code,
                at=_iso(when),
                delta=-target.delta,
                clock_offset_ms=self._clock_offset(),
                note=note,
                undoes=target.id,
            )
            record = self._claimed(record)
            checkins.append(self.db, record)
            attendee = attendees.find_by_id(self.db, target.attendee_id or "")
            return self._decision(record, attendee)

    def presence(
        self, attendee_id: str, hall: str, at: dt.datetime | None = None
    ) -> Presence | None:
        """Whether the attendee is inside the session running in `hall` now (None: no
        session), for staff telling namesakes apart in a search."""
        session = self.event.session_for_exit(hall, self._when(at))
        return None if session is None else checkins.presence(self.db, attendee_id, session.id)

    def occupancy(self, session_id: str) -> int:
        return checkins.occupancy(self.db, session_id)

    def _clock_offset(self) -> int | None:
        value = settings.get(self.db, "clock_offset_ms")
        return None if value is None else int(value)

    def _attention(self, attendee: Attendee | None) -> tuple[str, ...]:
        """("attention_note",) where the attendee or their type carries a note for door
        staff: the record says the note was shown, not what it said (it may be about
        someone's health; the note itself stays in the organiser's attendee list)."""
        return (ATTENTION_NOTE,) if attention_note(self.event, attendee) else ()

    def _decision(
        self,
        record: LogRecord,
        attendee: Attendee | None,
        repeat: bool = False,
        extra: dict[str, Any] | None = None,
    ) -> Decision:
        session = self.event.session(record.session_id) if record.session_id else None
        warnings = tuple(w for w in record.warnings.split(",") if w)
        return Decision(
            verdict=Verdict(record.verdict),
            reason=record.reason,
            attendee=attendee,
            hall=record.hall,
            session=record.session_id,
            direction=Direction(record.direction),
            warnings=tuple(w for w in warnings if w != ATTENTION_NOTE),
            record_id=record.id,
            recorded=not repeat,
            repeat=repeat,
            occupancy=checkins.occupancy(self.db, session.id) if session else None,
            capacity=session.capacity if session else None,
            at=record.at,
            offline=record.offline,
            extra=extra or {},
            delta=record.delta,
            attention=attention_note(self.event, attendee) if ATTENTION_NOTE in warnings else "",
        )

    def _from_record(self, record: LogRecord, repeat: bool) -> Decision:
        attendee = attendees.find_by_id(self.db, record.attendee_id) if record.attendee_id else None
        extra: dict[str, Any] = {}
        if attendee is None and record.attendee_id and "not_in_local_list" in record.warnings:
            found = identify(self.db, self.event.id, self.keys, record.code)
            attendee = found.attendee if isinstance(found, Identified) else None
        elif record.reason in _REASONS_WITH_EXTRA:  # what the screen shows with the reason
            refused = identify(self.db, self.event.id, self.keys, record.code)
            extra = {} if isinstance(refused, Identified) else refused.extra
        return self._decision(record, attendee, repeat=repeat, extra=extra)
