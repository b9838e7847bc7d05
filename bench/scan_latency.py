"""Decision + durable record latency at scale, against a bare durable commit as baseline.

    python bench/scan_latency.py [--attendees 1000000] [--checkins 1000000] [--scans 3000]

Builds the demo database with N attendees, fills the log with M check-ins (bulk, not
timed as scans), then times CheckInService.scan() for random signed badges at the
exhibition floor and the congress halls. Baseline in the same run: one row inserted and
committed with the same pragmas (WAL, synchronous=FULL) — the floor any durable decision
pays. Prints medians, p99 and the ratio, plus import speed of the generator and DB size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from kiosk.cli.data import make_demo_database
from kiosk.domain.codes import sign_code
from kiosk.domain.decision import Direction
from kiosk.service.checkin import CheckInService
from kiosk.store import checkins, events
from kiosk.store.checkins import LogRecord
from kiosk.store.db import open_db, write
from kiosk.store.keyfiles import key_dir_for, signing_key


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def fill_log(path: Path, count: int, attendees: int) -> float:
    db = open_db(path)
    db.execute("PRAGMA synchronous = OFF")  # bulk set-up only; scans below run with FULL
    start = dt.datetime(2026, 10, 14, 1, 0, tzinfo=dt.UTC)
    started = time.perf_counter()
    rng = random.Random(1)
    done = 0
    while done < count:
        with write(db):
            for _ in range(min(20_000, count - done)):
                aid = f"A{rng.randrange(1, attendees + 1):07d}"
                entry = done % 3 != 2
                checkins.append(
                    db,
                    LogRecord(
                        id=uuid.uuid4().hex,
                        kiosk_id="k-bench-other",
                        hall="expo",
                        session_id="expo-day1",
                        direction="entry" if entry else "exit",
                        verdict="admitted" if entry else "exit_recorded",
                        reason="admitted" if entry else "exit",
                        attendee_id=aid,
                        code=f"T{done}",
                        at=(start + dt.timedelta(milliseconds=done)).isoformat(),
                        delta=0,
                    ),
                )
                done += 1
    db.conn.close()
    return time.perf_counter() - started


def baseline_commit(path: Path, n: int) -> list[float]:
    db = open_db(path)
    db.execute("CREATE TABLE IF NOT EXISTS baseline (id TEXT, at TEXT)")
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        with write(db):
            db.execute("INSERT INTO baseline VALUES (?, ?)", [uuid.uuid4().hex, str(i)])
        times.append((time.perf_counter() - t0) * 1000)
    db.conn.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=1_000_000)
    parser.add_argument("--checkins", type=int, default=1_000_000)
    parser.add_argument("--scans", type=int, default=3000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    path = work / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    import shutil

    shutil.rmtree(key_dir_for(path), ignore_errors=True)

    t0 = time.perf_counter()
    make_demo_database(path, args.attendees)
    build = time.perf_counter() - t0
    fill = fill_log(path, args.checkins, args.attendees)

    db = open_db(path)
    event = events.load_event(db)
    assert event is not None
    key = signing_key(key_dir_for(path), event.id)
    assert key is not None
    halls = ["expo", "auditorium", "room-a", "room-b"]
    rng = random.Random(2)
    base = dt.datetime(2026, 10, 14, 10, 0, tzinfo=event.tz)
    service = CheckInService(db, event)
    scans: list[float] = []
    verdicts: dict[str, int] = {}
    for i in range(args.scans):
        aid = f"A{rng.randrange(1, args.attendees + 1):07d}"
        row = db.execute("SELECT type FROM attendees WHERE id = ?", [aid]).fetchone()
        code = sign_code(key, event.id, aid, row[0])
        when = base + dt.timedelta(seconds=2 * i)
        direction = Direction.EXIT if i % 5 == 4 else Direction.ENTRY
        t = time.perf_counter()
        decision = service.scan(code, halls[i % len(halls)], direction, when)
        scans.append((time.perf_counter() - t) * 1000)
        verdicts[decision.verdict.value] = verdicts.get(decision.verdict.value, 0) + 1
    db.conn.close()
    base_times = baseline_commit(work / "baseline.db", args.scans)
    size = sum(
        Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
    )

    p50, p99 = statistics.median(scans), percentile(scans, 0.99)
    b50, b99 = statistics.median(base_times), percentile(base_times, 0.99)
    print(f"attendees {args.attendees:,}, logged check-ins {args.checkins:,}, scans {args.scans:,}")
    print(
        f"demo database built in {build:.1f} s ({args.attendees / build:,.0f} attendees/s); "
        f"log filled in {fill:.1f} s"
    )
    print(f"database size: {size / 1e6:,.0f} MB")
    print("| measure | p50 ms | p99 ms |")
    print("|---|---|---|")
    print(f"| scan: decide + durable record | {p50:.2f} | {p99:.2f} |")
    print(f"| baseline: bare durable 1-row commit | {b50:.2f} | {b99:.2f} |")
    print(f"| ratio scan / baseline | {p50 / b50:.1f}x | {p99 / b99:.1f}x |")
    print("verdicts:", dict(sorted(verdicts.items())))


if __name__ == "__main__":
    main()
