"""Sync speed against a real PostgreSQL hub on loopback, each figure beside a baseline.

    python bench/sync_speed.py [--checkins 100000] [--attendees 1000000] [--repeats 3]

Starts a private PostgreSQL server (fsync on, as a real hub), then, each case repeated on a
fresh hub database and reported as a median:

- push N check-ins: one `kiosk sync` pass of a kiosk holding N unsent records, as the kiosk
  role (goal <= 10 s at 100,000); baseline: one plain COPY of the same rows, already in
  memory, into a table without keys or triggers;
- pull M attendees: provisioning an empty kiosk database from the hub (event, keys, M
  attendees with registrations), the search index rebuild shown apart; baseline: COPY TO of
  the same rows out of the hub, and that plus a bare executemany into SQLite;
- no-op sync: a pass with nothing to move, on the runner's kept connection and with a new
  connection per pass (goal <= 100 ms); baseline: SELECT 1 on the same kind of connection;
- online-authoritative admission: claim() latency through the worker thread, and a whole
  CheckInService.scan() with and without the hub; baseline: a SELECT 1 round trip.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.cli.data import make_demo_database
from kiosk.domain.codes import sign_code
from kiosk.service.checkin import CheckInService
from kiosk.store import checkins, events, search, sync_state
from kiosk.store.checkins import LogRecord
from kiosk.store.db import open_db, write
from kiosk.store.keyfiles import key_dir_for, signing_key
from kiosk.sync.authority import PostgresAuthority
from kiosk.sync.engine import sync_once
from kiosk.sync.pg_hub import PostgresHub
from kiosk.sync.pg_schema import init_hub
from kiosk.sync.publish import publish
from tests.sync.pgserver import PgServer, start_server

_hubs = iter(range(1, 10_000))


def new_hub(server: PgServer) -> tuple[str, str]:
    """A fresh hub database: (organiser URL, kiosk URL)."""
    name = f"bench{next(_hubs)}"
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    with psycopg.connect(server.url(name), autocommit=True) as conn:
        init_hub(conn, f"{name}_kiosk", "bench")
    return server.url(name), server.url(name, f"{name}_kiosk", "bench")


def timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def make_records(kiosk_id: str, count: int) -> list[LogRecord]:
    return [
        LogRecord(
            id=f"{kiosk_id}-{n:08d}", kiosk_id=kiosk_id, hall="expo", session_id="expo-d1",
            direction="entry" if n % 3 else "exit", verdict="admitted" if n % 3 else
            "exit_recorded", reason="admitted" if n % 3 else "exit",
            attendee_id=f"A{n % 900_000 + 1:07d}", code=f"T{n:09d}",
            at=f"2026-10-14T0{1 + n % 8}:{n % 60:02d}:{n % 59:02d}.000000+00:00",
            delta=1 if n % 3 else -1,
        )
        for n in range(count)
    ]  # fmt: skip


def bench_push(
    server: PgServer, work: Path, organiser: Path, count: int, repeats: int
) -> dict[str, Any]:
    kiosk = open_db(work / "pusher.db")
    with write(kiosk):
        for record in make_records("k-bench", count):
            checkins.append(kiosk, record)
    rows = [r[1:] for r in sync_state.checkin_rows(kiosk, 0, count)]
    fields = ", ".join(LogRecord.__dataclass_fields__)
    pushes, copies = [], []
    for _ in range(repeats):
        admin, url = new_hub(server)
        _publish(organiser, admin)
        hub = PostgresHub(url)
        hub.info()  # connected, as the runner's kept connection is
        started = time.perf_counter()
        report = sync_once(kiosk, hub)
        pushes.append(time.perf_counter() - started)
        assert report.pushed == count, report
        hub.close()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("CREATE TABLE plain AS SELECT * FROM kiosk_hub.log WITH NO DATA")
            started = time.perf_counter()
            with conn.transaction(), conn.cursor().copy(f"COPY plain ({fields}) FROM STDIN") as cp:
                for row in rows:
                    cp.write_row(row)
            copies.append(time.perf_counter() - started)
    return _figure("push", count, pushes, copies, "plain COPY of the same rows")


def _publish(organiser: Path, admin: str) -> float:
    db = open_db(organiser)
    event = events.load_event(db)
    assert event is not None
    hub = PostgresHub(admin)
    took = timed(lambda: publish(db, hub, event))
    hub.close()
    db.conn.close()
    return took


class _Stopwatch:
    """Wraps refresh_search_index to time the index rebuild inside a provisioning pass."""

    def __init__(self, inner: Callable[..., bool]) -> None:
        self.inner = inner
        self.seconds = 0.0

    def __call__(self, db: Any, force: bool = False) -> bool:
        started = time.perf_counter()
        try:
            return self.inner(db, force)
        finally:
            self.seconds += time.perf_counter() - started


def bench_pull(
    server: PgServer, work: Path, organiser: Path, count: int, repeats: int
) -> dict[str, Any]:
    pulls, rebuilds, copies, copy_inserts, publishes = [], [], [], [], []
    fields = (
        "id, first_name, last_name, company, email, position, type, ticket_code, "
        "badge_issue, cancelled, photo, registrations"
    )
    original = search.refresh_search_index
    for n in range(repeats):
        admin, url = new_hub(server)
        publishes.append(_publish(organiser, admin))
        kiosk = open_db(work / f"pulled{n}.db")
        hub = PostgresHub(url)
        rebuild = _Stopwatch(original)
        search.refresh_search_index = rebuild
        try:
            started = time.perf_counter()
            report = sync_once(kiosk, hub)
            pulls.append(time.perf_counter() - started)
        finally:
            search.refresh_search_index = original
        assert report.attendees == count, report
        rebuilds.append(rebuild.seconds)
        hub.close()
        kiosk.conn.close()
        got: list[tuple[Any, ...]] = []
        with psycopg.connect(url) as conn:
            started = time.perf_counter()
            query = f"COPY (SELECT {fields} FROM kiosk_hub.attendees) TO STDOUT"
            with conn.cursor().copy(query) as cp:
                got.extend(cp.rows())
            copies.append(time.perf_counter() - started)
        bare = open_db(work / f"bare{n}.db", migrate=False)
        bare.execute(f"CREATE TABLE a ({fields})")
        started = time.perf_counter()
        with write(bare):
            bare.conn.executemany(f"INSERT INTO a VALUES ({', '.join('?' * 12)})", got)
        copy_inserts.append(copies[-1] + time.perf_counter() - started)
        bare.conn.close()
    figure = _figure("pull", count, pulls, copies, "COPY TO of the same rows")
    figure["median_index_rebuild_s"] = round(statistics.median(rebuilds), 3)
    figure["median_copy_and_bare_sqlite_insert_s"] = round(statistics.median(copy_inserts), 3)
    figure["ratio_to_copy_and_bare_insert"] = round(
        statistics.median(pulls) / statistics.median(copy_inserts), 2
    )
    figure["median_publish_s"] = round(statistics.median(publishes), 3)
    return figure


def bench_noop(server: PgServer, work: Path, organiser: Path, passes: int) -> dict[str, Any]:
    admin, url = new_hub(server)
    _publish(organiser, admin)
    kiosk = open_db(work / "noop.db")
    with write(kiosk):
        for record in make_records("k-noop", 1_000):
            checkins.append(kiosk, record)
    hub = PostgresHub(url)
    sync_once(kiosk, hub)
    kept = [timed(lambda: sync_once(kiosk, hub)) for _ in range(passes)]
    fresh = []
    for _ in range(passes):
        other = PostgresHub(url)
        fresh.append(timed(partial(sync_once, kiosk, other)))
        other.close()
    conn = psycopg.connect(url, autocommit=True)
    select_kept = [timed(lambda: conn.execute("SELECT 1").fetchone()) for _ in range(passes)]
    conn.close()

    def connect_and_select() -> None:
        with psycopg.connect(url, autocommit=True) as c:
            c.execute("SELECT 1").fetchone()

    select_fresh = [timed(connect_and_select) for _ in range(passes)]
    hub.close()
    return {
        "case": "no-op sync",
        "median_kept_connection_ms": _ms(kept),
        "baseline_select1_kept_ms": _ms(select_kept),
        "median_new_connection_ms": _ms(fresh),
        "baseline_connect_select1_ms": _ms(select_fresh),
        "goal_ms": 100,
    }


def bench_claims(server: PgServer, work: Path, organiser: Path, count: int) -> dict[str, Any]:
    admin, url = new_hub(server)
    _publish(organiser, admin)
    kiosk = open_db(work / "claims.db")
    hub = PostgresHub(url)
    sync_once(kiosk, hub)
    hub.close()
    authority = PostgresAuthority(url, statement_timeout=1.0)
    assert authority.wait_online(10)
    records = make_records("k-claims", count)
    claims, answers = [], []
    for record in records:
        record = dataclasses.replace(record, id=f"c-{record.id}", delta=1, direction="entry",
                                     verdict="admitted", attendee_id=f"C{record.id}")  # fmt: skip
        started = time.perf_counter()
        answers.append(authority.claim(record, 1.0))
        claims.append(time.perf_counter() - started)
    assert all(answers), "every claim of a new person must be accepted"
    event = events.load_event(kiosk)
    assert event is not None
    key = signing_key(key_dir_for(organiser), event.id)
    assert key is not None
    people = [f"A{n:07d}" for n in range(1, 400)]
    codes = [sign_code(key, event.id, p, "visitor", 1) for p in people]
    when = event.sessions_in("expo")[0].start
    online = CheckInService(kiosk, event, clock=lambda: when, authority=authority)
    offline = CheckInService(kiosk, event, clock=lambda: when)
    scans_online = [timed(partial(online.scan, c, "expo")) for c in codes[:200]]
    scans_offline = [timed(partial(offline.scan, c, "expo")) for c in codes[200:]]
    authority.close()
    conn = psycopg.connect(url, autocommit=True)
    selects = [timed(lambda: conn.execute("SELECT 1").fetchone()) for _ in range(count)]
    conn.close()
    claims.sort()
    return {
        "case": "online-authoritative admission",
        "claims": count,
        "median_claim_ms": _ms(claims),
        "p99_claim_ms": round(claims[int(len(claims) * 0.99)] * 1000, 2),
        "baseline_select1_ms": _ms(selects),
        "median_scan_online_ms": _ms(scans_online),
        "median_scan_offline_ms": _ms(scans_offline),
        "timeout_ms": 300,
    }


def _ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 2)


def _figure(
    case: str, count: int, runs: list[float], base: list[float], what: str
) -> dict[str, Any]:
    median, baseline = statistics.median(runs), statistics.median(base)
    return {
        "case": case,
        "rows": count,
        "median_s": round(median, 3),
        "rows_per_s": round(count / median),
        "baseline": what,
        "baseline_median_s": round(baseline, 3),
        "ratio": round(median / baseline, 2),
        "runs_s": [round(r, 3) for r in runs],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkins", type=int, default=100_000)
    parser.add_argument("--attendees", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pull-repeats", type=int, default=None, help="default: --repeats")
    parser.add_argument("--claims", type=int, default=1_000)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kiosk-sync-bench-"))
    server = start_server(fsync=True)
    try:
        small, large = work / "organiser-small.db", work / "organiser-large.db"
        make_demo_database(small, 5_000)
        started = time.perf_counter()
        make_demo_database(large, args.attendees)
        print(f"organiser databases ready ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        figures = [
            bench_push(server, work, small, args.checkins, args.repeats),
            bench_pull(server, work, large, args.attendees, args.pull_repeats or args.repeats),
            bench_noop(server, work, small, 30),
            bench_claims(server, work, small, args.claims),
        ]
    finally:
        server.remove()
    for figure in figures:
        print(json.dumps(figure))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
