"""Manual late check-in (补签到, GB 50799-2012 12.2.5): staff record, after the fact, that
someone attended a session although no scan recorded it (a forgotten scan, a door that was
down, a paper list), with a reason, and reports list them apart from scans.

A late check-in is attendance, never presence: its record changes no occupancy (delta 0),
so it puts nobody inside, whether the session is over or still running; someone standing
in the hall now is admitted at the door (by hand if need be) and counts from then. It is a
check-in record of its own verdict, signed and synced like a door's; a desk may send these
and no other check-ins (kiosk.domain.trust), and every reader refuses one that would
change occupancy (kiosk.sync.schema)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain.decision import Direction, Verdict
from kiosk.domain.event import Event, Session
from kiosk.domain.rules import Presence, decide
from kiosk.domain.trust import LATE_CHECKIN_KIND
from kiosk.service.checkin import CheckInError, utc_now
from kiosk.store import attendees, checkins, settings, trust_state
from kiosk.store.checkins import LogRecord
from kiosk.store.db import write

CODE_PREFIX = "late:"  # the record's code: "late:" + the time claimed, ISO-8601 UTC
MAX_REASON = 500  # characters; a hub's schema takes notes up to 1,000


class LateCheckinError(CheckInError):
    """A late check-in refused: nothing was recorded. `code` names the refusal for screens
    that say it in their own language (the message is the command line's English)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class LateCheckin:
    record_id: str
    attendee_id: str
    session_id: str
    hall: str
    claimed_at: dt.datetime  # when staff say the person attended
    recorded_at: dt.datetime  # when a kiosk recorded it (that kiosk's clock)
    reason: str  # the staff's words
    kiosk_id: str
    offline: bool = True


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _local(event: Event, when: dt.datetime) -> str:
    return when.astimezone(event.tz).strftime("%d %b %H:%M")


def _session(event: Event, session_id: str) -> Session:
    session = event.session(session_id)
    if session is None:
        raise LateCheckinError(
            f"unknown session {session_id!r} (see 'kiosk event show')", "unknown_session"
        )
    return session


def _claimed(
    event: Event, session: Session, at: dt.datetime | None, now: dt.datetime
) -> dt.datetime:
    """The time claimed: `at` if it lies between check-in opening and the session's end and
    not after now; without one, now while the session runs, else its start."""
    span = f"check-in {_local(event, session.opens)} to the end {_local(event, session.end)}"
    if at is None:
        if now < session.opens:
            raise LateCheckinError(f"{session.id} has not opened yet ({span})", "not_open")
        return now if session.runs_at(now) else session.start
    if at.tzinfo is None:
        raise LateCheckinError("times must carry a UTC offset or time zone", "no_time_zone")
    if at > now:
        raise LateCheckinError(f"{_local(event, at)} is in the future: nothing recorded", "future")
    if not session.runs_at(at):
        raise LateCheckinError(
            f"{session.id} did not run at {_local(event, at)} ({span}): nothing recorded",
            "outside_session",
        )
    return at


def _clean_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise LateCheckinError(
            "a late check-in needs a reason (e.g. 'door scanner down, paper list')",
            "no_reason",
        )
    if len(text) > MAX_REASON:
        raise LateCheckinError(
            f"the reason is {len(text):,} characters long, at most {MAX_REASON}", "reason_too_long"
        )
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise LateCheckinError(
            "the reason must be one line of text, without control characters", "reason_not_one_line"
        )
    return text


def _check_attendee(db: Database, event: Event, attendee_id: str, session: Session) -> None:
    person = attendees.find_by_id(db, attendee_id)
    if person is None:
        raise LateCheckinError(f"no attendee with id {attendee_id!r}", "unknown_attendee")
    if person.cancelled:
        raise LateCheckinError(
            f"{attendee_id}'s registration was cancelled: nothing recorded", "cancelled"
        )
    revoked = attendees.revocation(db, attendee_id)
    if revoked is not None and person.badge_issue < revoked[0]:
        raise LateCheckinError(
            f"{attendee_id}'s badge is revoked ({revoked[1]}): nothing recorded", "revoked"
        )
    # The session's access rules as a scan at its opening would check them (type, invitation,
    # registration); not the clock, presence or capacity, which a record after the fact
    # does not change.
    outcome = decide(
        event, session.hall, Direction.ENTRY, session.opens, person, session, Presence.NEVER,
        0, attendees.registration(db, attendee_id, session.id),
    )  # fmt: skip
    if not outcome.verdict.lets_in:
        raise LateCheckinError(
            f"a scan would refuse {attendee_id} for {session.id} ({outcome.reason}): "
            "nothing recorded",
            "not_admissible",
        )
    if checkins.presence(db, attendee_id, session.id) is not Presence.NEVER:
        raise LateCheckinError(
            f"{attendee_id} was checked in to {session.id} by a scan already", "already_scanned"
        )
    earlier = _existing(db, attendee_id, session.id)
    if earlier is not None:
        raise LateCheckinError(
            f"{attendee_id} has a late check-in for {session.id} already "
            f"(recorded {_local(event, earlier.recorded_at)} by {earlier.kiosk_id})",
            "already_recorded",
        )


def _check_role(db: Database, kiosk_id: str) -> None:
    enrolment = trust_state.enrolments(db).get(kiosk_id)
    if enrolment is not None and not enrolment.allows(LATE_CHECKIN_KIND):
        raise LateCheckinError(
            f"this kiosk is enrolled as {enrolment.role.value}: a door or desk records late "
            "check-ins (other kiosks would refuse this one's)",
            "wrong_role",
        )


def record_late_checkin(
    db: Database,
    event: Event,
    attendee_id: str,
    session_id: str,
    reason: str,
    at: dt.datetime | None = None,
    clock: Callable[[], dt.datetime] = utc_now,
) -> LateCheckin:
    """Record that `attendee_id` attended `session_id` (at `at`, else see _claimed), for
    `reason`; refused with LateCheckinError, nothing written, if the person is unknown,
    cancelled, revoked or not admissible there, was checked in by a scan or a late check-in
    already, or the time is in the future or outside the session. The caller checked the
    staff PIN."""
    session = _session(event, session_id)
    text = _clean_reason(reason)
    now = clock()
    claimed = _claimed(event, session, at, now)
    kiosk_id = settings.kiosk_id(db)
    offset = settings.get(db, "clock_offset_ms")
    with write(db):
        _check_role(db, kiosk_id)
        _check_attendee(db, event, attendee_id, session)
        record = LogRecord(
            id=uuid.uuid4().hex,
            kiosk_id=kiosk_id,
            hall=session.hall,
            session_id=session.id,
            direction=Direction.ENTRY.value,
            verdict=Verdict.LATE_CHECKIN.value,
            reason="late_checkin",
            attendee_id=attendee_id,
            code=CODE_PREFIX + _iso(claimed),
            at=_iso(now),
            delta=0,
            clock_offset_ms=None if offset is None else int(offset),
            note=text,
        )
        checkins.append(db, record)
    return _from_record(record)


def claimed_time(record: LogRecord) -> dt.datetime:
    """The time a late check-in claims (its recording time if the code does not say)."""
    try:
        return dt.datetime.fromisoformat(record.code.removeprefix(CODE_PREFIX))
    except ValueError:
        return dt.datetime.fromisoformat(record.at)


def _from_record(record: LogRecord) -> LateCheckin:
    return LateCheckin(
        record_id=record.id,
        attendee_id=record.attendee_id or "",
        session_id=record.session_id or "",
        hall=record.hall,
        claimed_at=claimed_time(record),
        recorded_at=dt.datetime.fromisoformat(record.at),
        reason=record.note,
        kiosk_id=record.kiosk_id,
        offline=record.offline,
    )


def _existing(db: Database, attendee_id: str, session_id: str) -> LateCheckin | None:
    found = checkins.with_verdict(db, Verdict.LATE_CHECKIN.value, session_id, attendee_id)
    return _from_record(found[0]) if found else None


def late_checkins(db: Database, event: Event, session_id: str | None = None) -> list[LateCheckin]:
    """Every late check-in in the merged log (of `session_id` only if given), one per person
    and session (two kiosks offline may both have recorded one: the first recorded counts),
    ordered by session start, then time claimed. For reports: apart from scans."""
    if session_id is not None:
        _session(event, session_id)
    first: dict[tuple[str, str], LateCheckin] = {}
    for record in checkins.with_verdict(db, Verdict.LATE_CHECKIN.value, session_id):
        late = _from_record(record)
        first.setdefault((late.attendee_id, late.session_id), late)
    order = {s.id: (s.start, i) for i, s in enumerate(event.sessions)}
    far = (dt.datetime.max.replace(tzinfo=dt.UTC), len(order))
    return sorted(first.values(), key=lambda x: (order.get(x.session_id, far), x.claimed_at))


@dataclass(frozen=True)
class Attendance:
    scanned: int  # people checked in by a scan or a manual admission at the door
    late: int  # people with a late check-in and no scan
    present: int  # both: who attended

    @property
    def figures(self) -> tuple[int, int, int]:
        return self.scanned, self.late, self.present


def attendance(db: Database, session_id: str) -> Attendance:
    """Who attended `session_id`: by scan, by late check-in only, and in all (each person
    once, whichever way and however often)."""
    scanned = db.execute(
        "SELECT attendee_id FROM presence WHERE session_id = ? AND entries > 0", [session_id]
    ).fetchall()
    late = db.execute(
        "SELECT DISTINCT attendee_id FROM checkins WHERE session_id = ? "
        "AND verdict = 'late_checkin' AND attendee_id IS NOT NULL",
        [session_id],
    ).fetchall()
    by_scan = {str(r[0]) for r in scanned}
    only_late = {str(r[0]) for r in late} - by_scan
    return Attendance(len(by_scan), len(only_late), len(by_scan) + len(only_late))


def late_only(db: Database) -> dict[str, tuple[int, int]]:
    """Per session: people with a late check-in and no scan, and of them those on the
    session's list (registered or invited); one grouped query, for the board's counts."""
    rows = db.execute(
        "SELECT c.session_id, count(DISTINCT c.attendee_id), "
        "count(DISTINCT CASE WHEN r.kind IS NOT NULL THEN c.attendee_id END) "
        "FROM checkins c LEFT JOIN registrations r "
        "ON r.attendee_id = c.attendee_id AND r.session_id = c.session_id "
        "WHERE c.verdict = 'late_checkin' AND c.attendee_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM presence p WHERE p.attendee_id = c.attendee_id "
        "AND p.session_id = c.session_id AND p.entries > 0) GROUP BY c.session_id"
    )
    return {str(sid): (int(n), int(listed)) for sid, n, listed in rows}
