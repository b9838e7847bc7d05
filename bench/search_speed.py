"""Attendee search at scale: p50/p95 of kiosk.store.search over typical staff queries.

    python bench/search_speed.py [--count 1000000] [--db bench/results/search-1m.db]

Builds the database once (SCES demo event, generated multilingual attendees, index
suspended during the bulk insert and rebuilt after, as an import does) and reuses it.
Goal: p95 under 100 ms at 1,000,000 attendees.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from sqlite_utils import Database

from kiosk import resources
from kiosk.demodata import generate_attendees
from kiosk.domain.attendee import Attendee
from kiosk.domain.event_file import load_event
from kiosk.store import attendees, events
from kiosk.store.db import open_db, write
from kiosk.store.search import refresh_search_index, search, suspend_search_index

REPO = Path(__file__).resolve().parents[1]
QUERIES = [
    "wang",  # a common family name: many hits, ranked
    "王",  # one CJK character
    "张伟",  # two-character CJK name
    "欧阳",  # two-character family name
    "晓明 杨",  # given + family, two short words
    "jurgen",  # typed without the umlaut
    "gross",  # ß typed as ss
    "costa ilaria",
    "huawei",
    "China Mobile",
    "@intex",
    "chinatelecom.example",
    "A0004711",  # attendee id
    "nuria puig",
    "li",  # two Latin letters
    "xqzv",  # nobody
    "smith j",
    "上海",
    "deloitte",
    "ooredoo",
]


def build(path: Path, count: int) -> Database:
    event, source = load_event(resources.demo_event())
    db = open_db(path)
    started = time.perf_counter()
    with write(db):
        events.save_event(db, event, source)
        suspend_search_index(db)
    batch: list[Attendee] = []
    for row in generate_attendees(event, count):
        batch.append(
            Attendee(
                row.id, row.first_name, row.last_name, row.company, row.email, row.type,
                ticket_code=row.ticket_code, position=row.position,
            )
        )  # fmt: skip
        if len(batch) == 50_000:
            with write(db):
                attendees.insert_many(db, batch)
            batch = []
    with write(db):
        attendees.insert_many(db, batch)
    inserted = time.perf_counter()
    refresh_search_index(db)
    print(
        f"built {count:,} attendees: insert {inserted - started:.1f} s, "
        f"index rebuild {time.perf_counter() - inserted:.1f} s"
    )
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=REPO / "bench" / "results" / "search-1m.db")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.db.exists():
        db = open_db(args.db)
        print(f"using {args.db} ({attendees.count(db):,} attendees)")
    else:
        db = build(args.db, args.count)
    all_ms: list[float] = []
    print(f"{'query':<22} {'hits':>5} {'median ms':>10} {'max ms':>8}")
    for query in QUERIES:
        times = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            result = search(db, query)
            times.append((time.perf_counter() - t) * 1000)
        all_ms += times
        hits = f"{len(result.attendees)}{'+' if result.more else ''}"
        print(f"{query:<22} {hits:>5} {statistics.median(times):>10.1f} {max(times):>8.1f}")
    all_ms.sort()
    p50 = all_ms[len(all_ms) // 2]
    p95 = all_ms[min(len(all_ms) - 1, int(len(all_ms) * 0.95))]
    print(
        f"all {len(all_ms)} searches: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {all_ms[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
