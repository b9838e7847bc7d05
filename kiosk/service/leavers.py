"""Per session: who came, who left before its end (中途退场, GB 50799 12.2.10) and when, and
registered against present (12.2.1), from the same merged log as the roll call.

A leaver is someone with an exit recorded before the session's end. Two kinds, both
reported: left and did not return (outside at the end: the figure the chair asks for), and
left and came back (inside again at the end: a break, shown apart so that it is not
mistaken for a walk-out). Exits after the end are people going home, not leavers.
For a session not over yet (or a past `at`), "the end" is the moment asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

from kiosk.domain.event import Event, Registration, Session
from kiosk.service import late_checkin
from kiosk.service.rollcall import effects, people


@dataclass(frozen=True)
class Leaver:
    attendee_id: str
    name: str
    type: str
    seat: str
    left: tuple[dt.datetime, ...]  # each exit before the end
    returned: bool  # inside again at the end


@dataclass(frozen=True)
class SessionLeavers:
    session: Session
    until: dt.datetime  # the session's end, or the moment asked for if earlier
    entered: int  # people admitted at least once by `until`
    inside: int  # people inside at `until`
    leavers: tuple[Leaver, ...] = field(default=())  # by first exit

    @property
    def gone(self) -> tuple[Leaver, ...]:
        return tuple(p for p in self.leavers if not p.returned)

    @property
    def came_back(self) -> tuple[Leaver, ...]:
        return tuple(p for p in self.leavers if p.returned)


def leavers(
    db: Database, event: Event, at: dt.datetime | None = None, sessions: Iterable[str] = ()
) -> list[SessionLeavers]:
    """Leavers of each session (or of `sessions`) that had opened by `at` (None: all)."""
    wanted = set(sessions) or {s.id for s in event.sessions}
    chosen = [
        s
        for s in sorted(event.sessions, key=lambda s: (s.start, s.hall))
        if s.id in wanted and (at is None or s.opens <= at)
    ]
    by_session: dict[str, list[tuple[dt.datetime, str, int]]] = {s.id: [] for s in chosen}
    for e in effects(db, by_session):
        by_session[e.session_id].append((e.when, e.attendee_id, e.delta))
    results, found = [], []
    for session in chosen:
        until = session.end if at is None else min(at, session.end)
        state: dict[str, int] = {}
        came: set[str] = set()
        exits: dict[str, list[dt.datetime]] = {}
        # Entries before exits at the same instant: an exit stamped with the entry's
        # second is the same person passing through, not one leaving before coming in.
        for when, attendee_id, delta in sorted(by_session[session.id], key=lambda r: (r[0], -r[2])):
            if when > until:
                continue
            state[attendee_id] = state.get(attendee_id, 0) + delta
            if delta > 0:
                came.add(attendee_id)
            elif when < until:
                exits.setdefault(attendee_id, []).append(when)
        inside_now = {a for a, n in state.items() if n > 0}
        found.append((session, until, len(came), inside_now, exits))
    known = people(db, (a for *_, exits in found for a in exits))
    for session, until, entered, inside_now, exits in found:
        rows = []
        for attendee_id, times in exits.items():
            person = known.get(attendee_id)
            rows.append(
                Leaver(
                    attendee_id=attendee_id,
                    name=person.name if person else attendee_id,
                    type=person.type if person else "",
                    seat=person.seat if person else "",
                    left=tuple(times),
                    returned=attendee_id in inside_now,
                )
            )
        rows.sort(key=lambda p: (p.left[0], p.name))
        results.append(SessionLeavers(session, until, entered, len(inside_now), tuple(rows)))
    return results


@dataclass(frozen=True)
class SessionCount:
    """12.2.1: registered (sessions with registration only), present, inside now."""

    session: Session
    registered: int | None  # None: an open session, anyone the hall admits may come
    scanned: int  # admitted at least once, at the door (by scan or by hand)
    late: int  # a late check-in (补签到) and no scan
    inside: int

    @property
    def present(self) -> int:
        return self.scanned + self.late

    @property
    def share(self) -> float | None:
        if not self.registered:
            return None
        return self.present / self.registered


def session_counts(db: Database, event: Event) -> list[SessionCount]:
    registered = {
        str(s): int(n)
        for s, n in db.execute(
            "SELECT session_id, count(*) FROM registrations r JOIN attendees a "
            "ON a.id = r.attendee_id AND a.cancelled = 0 GROUP BY session_id"
        )
    }
    inside_now = {
        str(s): int(n)
        for s, n in db.execute(
            "SELECT session_id, count(*) FROM presence WHERE inside > 0 GROUP BY session_id"
        )
    }
    counts = []
    for session in sorted(event.sessions, key=lambda s: (s.start, s.hall)):
        came = late_checkin.attendance(db, session.id)
        needs = session.registration is not Registration.OPEN
        counts.append(
            SessionCount(
                session,
                registered.get(session.id, 0) if needs else None,
                came.scanned,
                came.late,
                inside_now.get(session.id, 0),
            )
        )
    return counts
