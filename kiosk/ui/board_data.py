"""What the venue board shows, read from the local log: occupancy per hall, entries per 15
minutes, badges admitted twice.

Read-only queries over the check-in log. With a hub the log is every door's, merged by
the sync thread, so the same figures are venue-wide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain.event import Event, Hall, Session
from kiosk.service.session_counts import COUNTED_ENTRY
from kiosk.store import attendees, checkins, sync_state
from kiosk.sync.stats import single_entry_sessions

QUARTER_S = 15 * 60


@dataclass(frozen=True)
class HallState:
    hall: Hall
    session: Session | None  # running now, else the last one started today
    inside: int
    capacity: int

    @property
    def share(self) -> float:
        return self.inside / self.capacity if self.capacity else 0.0


def hall_states(db: Database, event: Event, now: dt.datetime) -> list[HallState]:
    states = []
    for hall in event.halls:
        session = event.session_for_exit(hall.id, now)
        inside = checkins.occupancy(db, session.id) if session else 0
        capacity = session.capacity if session else hall.capacity
        states.append(HallState(hall, session, inside, capacity))
    return states


def day_bounds(event: Event, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    local = now.astimezone(event.tz)
    start = dt.datetime.combine(local.date(), dt.time(0), tzinfo=event.tz)
    return start, start + dt.timedelta(days=1)


def entries_per_quarter(
    db: Database, event: Event, now: dt.datetime
) -> dict[str, list[tuple[dt.datetime, int]]]:
    """Per hall, today's entries (admissions not undone) counted per 15 minutes."""
    start, end = day_bounds(event, now)
    rows = db.execute(
        "SELECT hall, CAST(strftime('%s', substr(at, 1, 19)) AS INTEGER) / ? AS q, count(*) "
        f"FROM checkins c WHERE {COUNTED_ENTRY} AND at >= ? AND at < ? "
        "GROUP BY hall, q ORDER BY q",
        [
            QUARTER_S,
            start.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            end.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        ],
    ).fetchall()
    result: dict[str, list[tuple[dt.datetime, int]]] = {h.id: [] for h in event.halls}
    for hall, quarter, count in rows:
        when = dt.datetime.fromtimestamp(int(quarter) * QUARTER_S, dt.UTC)
        result.setdefault(str(hall), []).append((when, int(count)))
    return result


@dataclass(frozen=True)
class ConflictRow:
    """A badge admitted more often than its session allows, by several doors (offline)."""

    name: str  # the attendee's name; their id when the name is not known here
    session: str  # the session's title
    times: tuple[dt.datetime, ...]  # each admission, as the doors stamped it
    doors: int  # distinct kiosks that admitted it


def conflict_rows(db: Database, event: Event) -> list[ConflictRow]:
    rows = []
    for found in sync_state.conflicts(db, single_entry_sessions(event)):
        person = attendees.find_by_id(db, found.attendee_id)
        session = event.session(found.session_id)
        rows.append(
            ConflictRow(
                name=(person.name if person else "") or found.attendee_id,
                session=session.title if session else found.session_id,
                times=tuple(dt.datetime.fromisoformat(r.at) for r in found.admissions),
                doors=len({r.kiosk_id for r in found.admissions}),
            )
        )
    return rows


def log_version(db: Database) -> int:
    """Changes whenever a record is added here or merged from the hub: the board recomputes
    the conflicts (a scan of the presence table) only then."""
    return sync_state.max_seq(db, "checkins")
