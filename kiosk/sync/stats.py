"""Figures over the merged log of every kiosk: attendance, peaks, entries over time, no-shows."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain.event import Event, Session
from kiosk.service import late_checkin
from kiosk.store import checkins, sync_state
from kiosk.store.checkins import LogRecord
from kiosk.store.sync_state import Conflict

PAGE = 10_000


@dataclass(frozen=True)
class SessionFigures:
    session: Session
    people: int  # admitted at least once
    entries: int
    peak: int  # most people inside at once
    late: int = 0  # people with a late check-in (补签到) and no scan: not in people/entries


@dataclass(frozen=True)
class Figures:
    records: int
    kiosks: int
    offline: int  # records decided without the hub
    sessions: list[SessionFigures]
    entries_by_day: dict[dt.date, list[tuple[dt.datetime, int]]]  # bucket start, admissions
    no_shows: dict[str, tuple[int, int]]  # type: (registered, never admitted)
    conflicts: list[Conflict]


def all_records(db: Database) -> Iterator[LogRecord]:
    seq = 0
    while True:
        page = list(checkins.since_seq(db, seq, PAGE))
        yield from (record for _, record in page)
        if len(page) < PAGE:
            return
        seq = page[-1][0]


def reference_time(record: LogRecord) -> dt.datetime:
    """When it happened by the hub's clock where the kiosk knew its offset (clock skew)."""
    when = dt.datetime.fromisoformat(record.at)
    return when - dt.timedelta(milliseconds=record.clock_offset_ms or 0)


def single_entry_sessions(event: Event) -> list[str]:
    return [s.id for s in event.sessions if not s.reentry]


def compute(db: Database, event: Event, bucket_minutes: int = 15) -> Figures:
    changes: dict[str, list[tuple[dt.datetime, int]]] = defaultdict(list)
    buckets: Counter[dt.datetime] = Counter()
    kiosks: set[str] = set()
    records = offline = 0
    for record in all_records(db):
        records += 1
        offline += record.offline
        kiosks.add(record.kiosk_id)
        if record.session_id is None or record.delta == 0:
            continue
        when = reference_time(record)
        changes[record.session_id].append((when, record.delta))
        if record.delta > 0 and record.undoes is None:
            local = when.astimezone(event.tz)
            start = local.replace(
                minute=local.minute - local.minute % bucket_minutes, second=0, microsecond=0
            )
            buckets[start] += 1
    attendance = sync_state.attendance(db)
    sessions = []
    for session in sorted(event.sessions, key=lambda s: (s.start, s.hall)):
        people, entries = attendance.get(session.id, (0, 0))
        late = late_checkin.attendance(db, session.id).late
        sessions.append(SessionFigures(session, people, entries, _peak(changes[session.id]), late))
    by_day: dict[dt.date, list[tuple[dt.datetime, int]]] = {}
    for day in sorted({start.date() for start in buckets}):
        # Every slot from the day's first entry to its last, empty ones too: time runs evenly.
        slots = sorted(start for start in buckets if start.date() == day)
        slot, last, step = slots[0], slots[-1], dt.timedelta(minutes=bucket_minutes)
        by_day[day] = []
        while slot <= last:
            by_day[day].append((slot, buckets.get(slot, 0)))
            slot += step
    return Figures(
        records=records,
        kiosks=len(kiosks),
        offline=offline,
        sessions=sessions,
        entries_by_day=dict(by_day),
        no_shows=sync_state.no_shows_by_type(db),
        conflicts=sync_state.conflicts(db, single_entry_sessions(event)),
    )


def _peak(changes: list[tuple[dt.datetime, int]]) -> int:
    inside = peak = 0
    for _, delta in sorted(changes, key=lambda c: (c[0], -c[1])):
        inside += delta
        peak = max(peak, inside)
    return peak
