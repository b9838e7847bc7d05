"""Roll call: who is inside each hall at a moment, read from the merged check-in log.

A person is inside a hall when the sum of their records' effects (`delta`) on the hall's
current session is positive: the same sum the door's presence table and the board's
occupancy keep, so the roll call, the door and the board agree. The hall's current session
is the one the door records exits against (`Event.session_for_exit`): running, else the last
one started that day. So presence ends with the session (a new session starts empty, as the
door counts it) and a day's roll call starts empty at the event's day boundary.

An undone record and its undo are dropped together, whatever the times: a scan made by
mistake never let anyone in, even for a roll call asked of the minutes before its undo.
Times are the hub's where the kiosk knew its clock offset (`clock_offset_ms`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event, Hall, Session
from kiosk.service.freshness import Freshness, freshness


class RollCallError(ValueError):
    """A roll call asked of something the event does not have (an unknown hall)."""


@dataclass(frozen=True)
class Effect:
    """One record that changed someone's presence, and was not undone."""

    attendee_id: str
    session_id: str
    delta: int  # +1 in, -1 out
    when: dt.datetime  # the hub's time where the kiosk knew its offset
    kiosk_id: str


@dataclass(frozen=True)
class Present:
    """A person inside: who, and how they came in last."""

    attendee_id: str
    name: str
    type: str
    seat: str
    entered: dt.datetime  # their latest entry
    kiosk_id: str  # the kiosk that let them in last


@dataclass(frozen=True)
class HallRoll:
    hall: Hall
    session: Session | None  # None: no session in this hall that day, nobody inside
    people: tuple[Present, ...]  # by entry time

    @property
    def count(self) -> int:
        return len(self.people)


@dataclass(frozen=True)
class RollCall:
    at: dt.datetime  # the moment asked for
    halls: tuple[HallRoll, ...]
    freshness: Freshness  # how far the merged log reaches, and which kiosks it may lack

    @property
    def count(self) -> int:
        return sum(h.count for h in self.halls)


# A past moment: the replay in SQL, per person and session the sum of the effects (undone
# pairs left out) up to the moment, and the latest entry, whose other columns SQLite gives
# as the bare columns of the one max() aggregate. julianday() keeps milliseconds: a record
# within a millisecond of the moment may fall either side of it.
_HUB_TIME = "(julianday({p}at) - coalesce({p}clock_offset_ms, 0) / 86400000.0)"
_INSIDE = f"""
    SELECT session_id, attendee_id, sum(delta) AS total,
           max(CASE WHEN delta > 0 THEN {_HUB_TIME.format(p="")} END), at, clock_offset_ms, kiosk_id
    FROM checkins
    WHERE session_id IN (SELECT value FROM json_each(?)) AND delta != 0
      AND attendee_id IS NOT NULL AND undoes IS NULL
      AND id NOT IN (SELECT undoes FROM checkins WHERE undoes IS NOT NULL AND delta != 0)
      AND {_HUB_TIME.format(p="")} <= julianday(?)
    GROUP BY session_id, attendee_id HAVING total > 0 ORDER BY 4, attendee_id
"""

# Now (the board's few-second refresh): the presence table already holds each person's sum
# (the same the door decides on); only the entries of those inside are read, through the
# (attendee_id, session_id) index, which an undo of an entry shares with it.
_INSIDE_NOW = f"""
    SELECT c.session_id, c.attendee_id, p.inside,
           max({_HUB_TIME.format(p="c.")}),
           c.at, c.clock_offset_ms, c.kiosk_id
    FROM presence p CROSS JOIN checkins c  -- CROSS: SQLite keeps this order (presence first)
      ON c.attendee_id = p.attendee_id AND c.session_id = p.session_id
    WHERE p.session_id IN (SELECT value FROM json_each(?)) AND p.inside > 0
      AND c.delta > 0 AND c.undoes IS NULL
      AND NOT EXISTS (SELECT 1 FROM checkins u WHERE u.attendee_id = c.attendee_id
                      AND u.session_id = c.session_id AND u.undoes = c.id AND u.delta != 0)
    GROUP BY c.session_id, c.attendee_id ORDER BY 4, c.attendee_id
"""


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat()


def reference_time(at: str, clock_offset_ms: int | None) -> dt.datetime:
    return dt.datetime.fromisoformat(at) - dt.timedelta(milliseconds=clock_offset_ms or 0)


def effects(db: Database, session_ids: Iterable[str]) -> list[Effect]:
    """The records with an effect on these sessions, in log order, less undone pairs."""
    wanted = json.dumps(sorted(set(session_ids)))
    # An undo that the hub refused (delta 0) undid nothing: its target stands.
    undone = {
        str(r[0])
        for r in db.execute("SELECT undoes FROM checkins WHERE undoes IS NOT NULL AND delta != 0")
    }
    rows = db.execute(
        "SELECT id, attendee_id, session_id, delta, at, clock_offset_ms, kiosk_id "
        "FROM checkins WHERE session_id IN (SELECT value FROM json_each(?)) "
        "AND delta != 0 AND attendee_id IS NOT NULL AND undoes IS NULL ORDER BY seq",
        [wanted],
    )
    return [
        Effect(str(a), str(s), int(d), reference_time(at, offset), str(k))
        for record_id, a, s, d, at, offset, k in rows
        if record_id not in undone
    ]


@dataclass(frozen=True)
class Who:
    name: str  # as the screens write it (张伟 family-first, Núria Puig i Solé)
    type: str
    seat: str


def people(db: Database, ids: Iterable[str]) -> dict[str, Who]:
    """Name, type and seat by attendee id, in one query of the few columns a roll call
    prints (a roll call of thousands must not cost thousands of queries or full rows)."""
    rows = db.execute(
        "SELECT id, first_name, last_name, type, seat FROM attendees "
        "WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(set(ids)))],
    )
    found = {}
    for aid, first, last, kind, seat in rows:
        name = Attendee(aid, first, last, "", "", kind).name or aid
        found[str(aid)] = Who(name, str(kind), str(seat or ""))
    return found


def _check_hall(event: Event, hall: str | None) -> list[Hall]:
    if hall is None:
        return list(event.halls)
    found = event.hall(hall)
    if found is None:
        known = ", ".join(h.id for h in event.halls)
        raise RollCallError(f"unknown hall {hall!r} (this event has: {known})")
    return [found]


def inside(
    db: Database,
    event: Event,
    at: dt.datetime | None = None,
    hall: str | None = None,
    now: dt.datetime | None = None,
) -> RollCall:
    """Who is in each hall (or in `hall`) at `at`; None: now, with every record merged so
    far (what the door and board count, even a record stamped by a clock running ahead).
    `now` is the clock freshness ages are told against (default: the system's)."""
    now = now or dt.datetime.now(dt.UTC)
    if (at or now).tzinfo is None:
        raise RollCallError("times must carry a UTC offset or time zone")
    moment = at or now
    halls = _check_hall(event, hall)
    current = {h.id: event.session_for_exit(h.id, moment) for h in halls}
    by_session = {s.id: h for h, s in current.items() if s is not None}
    wanted = json.dumps(sorted(by_session))
    if at is None:
        rows = db.execute(_INSIDE_NOW, [wanted]).fetchall()
    else:
        rows = db.execute(_INSIDE, [wanted, _iso(at)]).fetchall()
    known = people(db, (str(r[1]) for r in rows))
    rolls: dict[str, list[Present]] = {h.id: [] for h in halls}
    for session_id, attendee_id, _, _, entered_at, offset, kiosk_id in rows:
        person = known.get(attendee_id)
        rolls[by_session[session_id]].append(
            Present(
                attendee_id=attendee_id,
                name=person.name if person else attendee_id,
                type=person.type if person else "",
                seat=person.seat if person else "",
                entered=reference_time(entered_at, offset),
                kiosk_id=kiosk_id,
            )
        )
    result = tuple(
        HallRoll(h, current[h.id], tuple(rolls[h.id]))  # by entry time, as SQL sorted them
        for h in halls
    )
    return RollCall(moment, result, freshness(db, now))
