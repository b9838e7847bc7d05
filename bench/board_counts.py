"""The board's per-session counts (GB 50799 12.2.1) at scale, against the board's existing
refresh (hall occupancy and the entries chart) in the same run.

    python bench/board_counts.py [--count 100000] [--db bench/results/board-100k.db]

Builds the SCES demo database once (attendees with their registrations, seats for most of
them, and a day of admissions and exits: about 2.3 records per attendee) and reuses it.
Measures medians over --runs refreshes, 20 new admissions written (untimed) before each
as busy doors would: the baseline counts every figure afresh (hall occupancy, the chart's
entries_per_quarter, session_counts); the board keeps its tallies (QuarterTally,
PresentTally) and reads only the new records. Also the first refresh (everything read
once), one seat map and the chair's late arrivals. Goal: a refresh every 5 s stays far
below a second at 100,000 attendees.

--old also times, once, the chart query as it was before (a NOT EXISTS per record over an
unindexed column: quadratic in the log); at 100,000 attendees it runs for minutes, so try
it with --count 10000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.cli.data import make_demo_database
from kiosk.service.session_counts import PresentTally, late_arrivals, seats_of, session_counts
from kiosk.store import checkins, events
from kiosk.store.db import open_db, write
from kiosk.store.demo_day import admit
from kiosk.ui.board_data import entries_per_quarter, hall_states
from kiosk.ui.board_quarters import QuarterTally

REPO = Path(__file__).resolve().parents[1]
AT = dt.datetime(2026, 10, 14, 11, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def build(path: Path, count: int) -> None:
    make_demo_database(path, count)
    db = open_db(path)
    event = events.load_event(db)
    assert event is not None
    rnd = random.Random(2026)
    today = [s for s in event.sessions if s.start.date() == AT.date() and s.opens <= AT]
    regs: dict[str, list[str]] = {}
    for aid, sid in db.execute("SELECT attendee_id, session_id FROM registrations"):
        regs.setdefault(aid, []).append(sid)
    ids = [row[0] for row in db.execute("SELECT id FROM attendees")]
    with write(db):
        # Seats: rows A..Z and 1..40, 60 seats a row; a few labels no parser reads.
        for aid in ids:
            if rnd.random() < 0.7:
                row = rnd.choice([chr(65 + rnd.randrange(26)), str(rnd.randrange(1, 41))])
                label = rnd.choice(["{r}-{n}", "{r}排{n}座", "Row {r} Seat {n}"])
                seat = label.format(r=row, n=rnd.randrange(1, 61))
                if rnd.random() < 0.02:
                    seat = "Balcony"
                db.execute("UPDATE attendees SET seat = ? WHERE id = ?", [seat, aid])
        for aid in ids:
            chosen = [s for s in today if s.id in regs.get(aid, ())]
            chosen += rnd.sample(today, k=rnd.randrange(0, 3))
            for session in chosen:
                when = session.start + dt.timedelta(minutes=rnd.randrange(-20, 25))
                admit(db, session, aid, when)
                if rnd.random() < 0.3:
                    admit(db, session, aid, when + dt.timedelta(minutes=30), -1)
    db.conn.close()


OLD_CHART = (
    "SELECT hall, CAST(strftime('%s', substr(at, 1, 19)) AS INTEGER) / 900 AS q, count(*) "
    "FROM checkins c WHERE delta > 0 AND undoes IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM checkins u WHERE u.undoes = c.id) GROUP BY hall, q"
)


def median_ms(
    action: Callable[[], object], runs: int, before: Callable[[], object] = list
) -> float:
    """Median wall time of `action` over `runs`, `before` (untimed) ahead of each."""
    times = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=REPO / "bench/results/board-100k.db")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--old", action="store_true", help="time the old chart query once")
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build(args.db, args.count)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s")
    db = open_db(args.db)
    event = events.load_event(db)
    assert event is not None
    today = [s for s in event.sessions if s.start.date() == AT.date()]
    biggest = max((s for s in today if s.registration.value != "open"), key=lambda s: s.capacity)

    rnd = random.Random(7)
    ids = [row[0] for row in db.execute("SELECT id FROM attendees LIMIT 5000")]
    tally, quarters = PresentTally(), QuarterTally()

    def doors_scan() -> None:
        """What the doors add between two refreshes: 20 admissions (a busy venue)."""
        with write(db):
            for _ in range(20):
                admit(db, rnd.choice(today), rnd.choice(ids), AT)

    def fresh_refresh() -> None:  # the baseline: every figure counted from scratch
        hall_states(db, event, AT)
        entries_per_quarter(db, event, AT)
        session_counts(db, today)

    def kept_refresh() -> None:  # the board: tallies kept, only new records read
        hall_states(db, event, AT)
        quarters.per_quarter(db, event, AT)
        session_counts(db, today, tally)

    kept_refresh()  # the board's first refresh reads everything once
    result: dict[str, float] = {
        "attendees": db.execute("SELECT count(*) FROM attendees").fetchone()[0],
        "log_records": checkins.count(db),
        "sessions_today": len(today),
        "fresh_refresh_ms": median_ms(fresh_refresh, args.runs, doors_scan),
        "kept_refresh_ms": median_ms(kept_refresh, args.runs, doors_scan),
        "first_refresh_ms": median_ms(
            lambda: (PresentTally().counts(db), QuarterTally().update(db)), 3
        ),
        "seat_map_ms": median_ms(lambda: seats_of(db, biggest), args.runs),
        "late_arrivals_ms": median_ms(lambda: late_arrivals(db, biggest), args.runs),
    }
    result["fresh_vs_kept"] = result["fresh_refresh_ms"] / result["kept_refresh_ms"]
    if args.old:
        result["old_chart_query_ms"] = median_ms(lambda: db.execute(OLD_CHART).fetchall(), 1)
        new = median_ms(lambda: entries_per_quarter(db, event, AT), args.runs)
        result["chart_query_ms"] = new
        result["old_vs_new_chart"] = result["old_chart_query_ms"] / new
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
