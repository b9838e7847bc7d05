"""How long a roll call and a leavers pass take on a merged day's log, beside baselines.

    python bench/rollcall_speed.py [--records 10000 100000] [--repeats 15]

For each size, a fresh database with the four-hall event of tests/sync/test_rollcall_sync.py,
1,500 attendees and N records from two kiosks (entries, exits, exits without entry, undos,
in the proportions of that test), written straight into the log. Medians of:

- inside now (what the board's roll-call view calls every few seconds), and at a past
  moment (`kiosk inside --at`);
- leavers of every session (the report, the chair's view);
- baselines in the same run: the board's occupancy look-ups (one row per hall), and a plain
  count of the records inside reads (`SELECT count(*) ... WHERE session_id IN (...)`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.domain.event_file import parse_event
from kiosk.service.leavers import leavers
from kiosk.service.rollcall import inside
from kiosk.store import attendees, checkins, events
from kiosk.store.checkins import LogRecord
from kiosk.store.db import open_db, write
from tests.sync.test_rollcall_sync import DAY, HALLS, four_halls

PEOPLE = 1_500


def build(path: Path, event: Event, count: int) -> None:
    db = open_db(path)
    rng = random.Random(15)
    state: dict[tuple[str, str], int] = {}
    last: dict[str, LogRecord] = {}
    with write(db):
        events.save_event(db, event, four_halls())
        for n in range(PEOPLE):
            person = Attendee(f"P{n:05d}", "Ana", f"Test {n}", "", "", "delegate", f"T-{n:05d}")
            attendees.save(db, person)
        step = dt.timedelta(seconds=30_000 / count)
        for n in range(count):
            when = DAY + step * n
            kiosk = rng.choice(("k-door-a", "k-door-b"))
            hall = rng.choice(HALLS)
            session = event.session_for_exit(hall, when)
            if session is None:
                continue
            roll = rng.random()
            if roll < 0.04 and kiosk in last:
                target = last.pop(kiosk)
                key = (str(target.attendee_id), str(target.session_id))
                state[key] = state.get(key, 0) - target.delta
                record = LogRecord(
                    f"r{n}", kiosk, target.hall, target.session_id, target.direction, "undone",
                    f"undo_{target.verdict}", target.attendee_id, target.code,
                    when.isoformat(), -target.delta, undoes=target.id,
                )  # fmt: skip
                checkins.append(db, record)
                continue
            person_id = f"P{rng.randrange(PEOPLE):05d}"
            key = (person_id, session.id)
            inside_now = state.get(key, 0) > 0
            entry = roll < 0.6
            delta = (0 if inside_now else 1) if entry else (-1 if inside_now else 0)
            state[key] = state.get(key, 0) + delta
            verdict = ("already_inside" if delta == 0 else "admitted") if entry else "exit_recorded"
            record = LogRecord(
                f"r{n}", kiosk, hall, session.id, "entry" if entry else "exit", verdict,
                verdict, person_id, f"T-{person_id[1:]}", when.isoformat(), delta,
            )  # fmt: skip
            checkins.append(db, record)
            if delta:
                last[kiosk] = record
    db.close()


def median_ms(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    event = parse_event(four_halls(), "four.toml")
    for count in args.records:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.db"
            build(path, event, count)
            measure(open_db(path), event, args.repeats)


def measure(db: Database, event: Event, repeats: int) -> None:
    now = DAY.replace(hour=15)
    past = DAY.replace(hour=10, minute=30)
    sessions = [s.id for h in HALLS if (s := event.session_for_exit(h, now))]
    marks = ", ".join("?" for _ in sessions)
    counted = f"SELECT count(*) FROM checkins WHERE session_id IN ({marks})"
    cases: list[tuple[str, Callable[[], object]]] = [
        ("baseline: occupancy look-ups", lambda: [checkins.occupancy(db, s) for s in sessions]),
        ("baseline: count of the rows read", lambda: db.execute(counted, sessions).fetchone()),
        ("inside, now", lambda: inside(db, event, None, now=now)),
        ("inside, --at a past moment", lambda: inside(db, event, past, now=now)),
        ("leavers, every session", lambda: leavers(db, event)),
    ]
    records = checkins.count(db)
    people = inside(db, event, None, now=now).count
    print(f"{records:,} records, {people:,} inside at 15:00 (median of {repeats}):")
    base = None
    for name, fn in cases:
        ms = median_ms(fn, repeats)
        base = base or ms
        print(f"  {name:<34} {ms:9.2f} ms  {ms / base:9.1f}x")
    db.close()


if __name__ == "__main__":
    main()
