"""The access rules: from who, where, when and the state so far, to a verdict and a reason.

An entry is checked in a fixed order, and the first rule that fails is the reason given
(ENTRY_CHECKS). Access rules come first, the clock after them: a Visitor who is early at
a hall they may never enter is told that they have no access, not to come back at nine.
Presence (already inside, single entry) and capacity come last: they change by the minute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Direction, Verdict
from kiosk.domain.event import Event, Registration, Session


class Presence(Enum):
    NEVER = "never"  # no admission into this session yet
    INSIDE = "inside"
    LEFT = "left"  # admitted before, exit recorded since


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    reason: str
    session: Session | None
    delta: int  # effect on the session's occupancy


# The order of an entry's checks; "outside_window" stands for its three reasons
# (before_admission, after_admission, no_session).
ENTRY_CHECKS = (
    "unknown_type",
    "type_not_allowed",
    "invitation_only",
    "not_registered_for_session",
    "outside_window",
    "already_inside",
    "single_entry_used",
    "session_full",
)
WINDOW_REASONS = frozenset({"before_admission", "after_admission", "no_session"})


def session_for(event: Event, hall: str, direction: Direction, when: dt.datetime) -> Session | None:
    if direction is Direction.EXIT:
        return event.session_for_exit(hall, when)
    return event.session_for_entry(hall, when)


def session_to_check(event: Event, hall: str, when: dt.datetime) -> Session | None:
    """The session whose access rules an entry at `when` is checked against: the one
    admitting now, else the next one today (the one the person would come back for), else
    the last one that started today; None when the hall has no session today."""
    admitting = event.session_for_entry(hall, when)
    if admitting is not None:
        return admitting
    today = event.day_of(when)
    upcoming = event.next_session(hall, when)
    if upcoming is not None and event.day_of(upcoming.start) == today:
        return upcoming
    started = [
        s for s in event.sessions_in(hall) if s.opens <= when and event.day_of(s.start) == today
    ]
    return started[-1] if started else None


def _window_reason(event: Event, hall: str, when: dt.datetime) -> str:
    upcoming = event.next_session(hall, when)
    if upcoming is not None and event.day_of(upcoming.start) == event.day_of(when):
        return "before_admission"
    if any(s.start <= when for s in event.sessions_in(hall)):
        return "after_admission"
    return "no_session"


def decide(
    event: Event,
    hall: str,
    direction: Direction,
    when: dt.datetime,
    attendee: Attendee,
    session: Session | None,
    presence: Presence,
    occupancy: int,
    registration: str | None,
) -> Outcome:
    """Decide an identified attendee's scan; identification failures are decided before this.

    For an entry, `session` is `session_to_check`'s: it may lie outside its admission
    window, in which case its access rules are still checked first (ENTRY_CHECKS), and
    `presence`, `occupancy` and `registration` are the attendee's for that session."""
    if direction is Direction.EXIT:
        if presence is Presence.INSIDE:
            return Outcome(Verdict.EXIT_RECORDED, "exit", session, -1)
        return Outcome(Verdict.EXIT_RECORDED, "exit_without_entry", session, 0)

    def deny(verdict: Verdict, reason: str) -> Outcome:
        return Outcome(verdict, reason, session if in_window else None, 0)

    in_window = session is not None and session.admits_at(when)
    kind = event.type(attendee.type)
    if kind is None:
        return deny(Verdict.NOT_REGISTERED, "unknown_type")
    if not kind.all_access:
        if not kind.may_enter(hall) or (
            session is not None and session.types is not None and kind.id not in session.types
        ):
            return deny(Verdict.NOT_REGISTERED, "type_not_allowed")
        if session is not None:
            if session.registration is Registration.INVITATION and registration != "invited":
                return deny(Verdict.NOT_REGISTERED, "invitation_only")
            if session.registration is Registration.REQUIRED and registration is None:
                return deny(Verdict.NOT_REGISTERED, "not_registered_for_session")
    if session is None or not in_window:
        return Outcome(Verdict.OUTSIDE_WINDOW, _window_reason(event, hall, when), None, 0)
    if presence is Presence.INSIDE:
        return deny(Verdict.ALREADY_INSIDE, "already_inside")
    if presence is Presence.LEFT and not session.reentry:
        return deny(Verdict.NO_REENTRY, "single_entry_used")
    if occupancy >= session.capacity and not kind.all_access:
        return deny(Verdict.SESSION_FULL, "session_full")
    if presence is Presence.LEFT:
        return Outcome(Verdict.ADMITTED_AGAIN, "reentry", session, +1)
    return Outcome(Verdict.ADMITTED, "admitted", session, +1)
