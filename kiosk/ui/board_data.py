"""What the venue board shows, read from the local log: occupancy per hall, entries per 15 minutes.

Read-only queries over the check-in log; once sync exists the same figures come from the
hub. (They belong in kiosk/store once the lead takes them over.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain.event import Event, Hall, Session
from kiosk.store import checkins

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
        "FROM checkins c WHERE delta > 0 AND undoes IS NULL AND at >= ? AND at < ? "
        "AND NOT EXISTS (SELECT 1 FROM checkins u WHERE u.undoes = c.id) "
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
