"""The PostgreSQL hub's share of a sync, on a real server on loopback, beside baselines.

    python bench/sync_speed.py [--checkins 100000] [--attendees 1000000] [--repeats 3]

Starts a private PostgreSQL server (fsync on, as a real hub), then, each case repeated on a
fresh hub database and reported as a median. These are the hub's own costs (PostgresHub and
PostgresAuthority, as the kiosk role); what the engine adds on top (verifying signatures,
merging into SQLite, the search index) is not measured here.

- push N signed check-ins in one push (goal <= 10 s at 100,000); the signing, done as
  records are made, shown apart; baseline: one plain COPY of the same rows, already in
  memory, into a table without keys or triggers;
- pull the N records back as wire dicts; baseline: COPY TO of the same rows;
- publish M attendees in signed parts of 20,000 (organiser) and pull them all back;
  baseline: gzip of the same items alone;
- no-op pass: every hub call of a pass with nothing to move, on a kept connection and with
  a new connection per pass (goal <= 100 ms); baseline: SELECT 1 on the same kind;
- online-authoritative admission: claim() latency through the worker thread, signing
  included; baseline: a SELECT 1 round trip.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.domain.trust import items_digest, sign_record, sign_statement
from kiosk.store.checkins import LogRecord
from kiosk.sync.authority import PostgresAuthority
from kiosk.sync.hub import LOG_FIELDS, SignedPart, WireRecord
from kiosk.sync.pg_hub import PostgresHub
from kiosk.sync.pg_schema import LOG_INSERT_COLUMNS, init_hub
from tests.sync.pgserver import PgServer, start_server

PART_ITEMS = 20_000
EVENT = "bench-2026"
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


def make_record(kiosk_id: str, n: int) -> LogRecord:
    return LogRecord(
        id=f"{kiosk_id}-{n:08d}", kiosk_id=kiosk_id, hall="expo", session_id="expo-d1",
        direction="entry" if n % 3 else "exit", verdict="admitted" if n % 3 else
        "exit_recorded", reason="admitted" if n % 3 else "exit",
        attendee_id=f"A{n % 900_000 + 1:07d}", code=f"T{n:09d}",
        at=f"2026-10-14T0{1 + n % 8}:{n % 60:02d}:{n % 59:02d}.000000+00:00",
        delta=1 if n % 3 else -1,
    )  # fmt: skip


def signer(key: Ed25519PrivateKey) -> Callable[[LogRecord], WireRecord]:
    """What kiosk.sync.records.signed_checkin does: the record's wire dict, signed."""

    def sign(record: LogRecord) -> WireRecord:
        wire = {"k": "checkin", **{name: getattr(record, name) for name in LOG_FIELDS}}
        return {**wire, "sig": sign_record(key, wire)}

    return sign


def bench_records(server: PgServer, count: int, repeats: int) -> list[dict[str, Any]]:
    sign = signer(Ed25519PrivateKey.generate())
    started = time.perf_counter()
    records = [sign(make_record("k-bench", n)) for n in range(count)]
    signing = time.perf_counter() - started
    rows = [(*(r[name] for name in LOG_FIELDS), r["sig"]) for r in records]
    pushes, copies, pulls, copies_out = [], [], [], []
    for _ in range(repeats):
        admin, url = new_hub(server)
        hub = PostgresHub(url)
        hub.info()  # connected, as the runner's kept connection is
        pushes.append(timed(lambda: hub.push(records, "k-bench", "")))  # noqa: B023
        started = time.perf_counter()
        pulled = sum(len(batch.records) for batch in hub.pull_records("", "k-reader"))
        pulls.append(time.perf_counter() - started)
        assert pulled == count == hub.own_records("k-bench"), pulled
        hub.close()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("CREATE TABLE plain AS SELECT * FROM kiosk_hub.log WITH NO DATA")
            started = time.perf_counter()
            with (
                conn.transaction(),
                conn.cursor().copy(f"COPY plain ({LOG_INSERT_COLUMNS}) FROM STDIN") as cp,
            ):
                for row in rows:
                    cp.write_row(row)
            copies.append(time.perf_counter() - started)
        with psycopg.connect(url, autocommit=True) as conn:
            started = time.perf_counter()
            query = f"COPY (SELECT {LOG_INSERT_COLUMNS} FROM kiosk_hub.log) TO STDOUT"
            with conn.cursor().copy(query) as cp:
                got = sum(1 for _ in cp.rows())
            copies_out.append(time.perf_counter() - started)
            assert got == count
    push = _figure("push signed check-ins", count, pushes, copies, "plain COPY of the same rows")
    push["signing_s"] = round(signing, 3)
    push["signing_us_per_record"] = round(signing / count * 1e6, 1)
    pull = _figure("pull records", count, pulls, copies_out, "COPY TO of the same rows")
    return [push, pull]


def attendee_items(count: int) -> list[dict[str, Any]]:
    return [
        {"k": "attendee", "id": f"A{n:07d}", "first_name": f"First{n}", "last_name": f"Last{n}",
         "company": f"Company {n % 5000}", "email": f"a{n}@example.com", "position": "Engineer",
         "type": "visitor", "ticket_code": f"T{n:09d}", "badge_issue": 1, "cancelled": False,
         "photo": None, "registrations": '[["expo-d1", "registered"]]', "removed": False}
        for n in range(count)
    ]  # fmt: skip


def parts_of(key: Ed25519PrivateKey, items: list[dict[str, Any]], version: int) -> list[SignedPart]:
    chunks = [items[i : i + PART_ITEMS] for i in range(0, len(items), PART_ITEMS)] or [[]]
    parts = []
    for number, chunk in enumerate(chunks, 1):
        statement = {
            "format": "kiosk-publication/1", "event": EVENT, "version": version,
            "part": number, "last": number == len(chunks), "base": 0, "count": len(chunk),
            "items_sha256": items_digest(chunk),
        }  # fmt: skip
        parts.append(SignedPart(statement, sign_statement(key, statement), chunk))
    return parts


def bench_publications(server: PgServer, count: int, repeats: int) -> dict[str, Any]:
    key = Ed25519PrivateKey.generate()
    parts = parts_of(key, attendee_items(count), 1)
    publishes, pulls, zips = [], [], []
    for _ in range(repeats):
        admin, url = new_hub(server)
        organiser = PostgresHub(admin)
        started = time.perf_counter()
        for part in parts:
            organiser.publish_part(part)
        publishes.append(time.perf_counter() - started)
        organiser.close()
        kiosk = PostgresHub(url)
        started = time.perf_counter()
        got = sum(len(part.items) for part in kiosk.pull_publications((0, 0)))
        pulls.append(time.perf_counter() - started)
        assert got == count, got
        kiosk.close()
        zips.append(
            timed(
                lambda: [
                    gzip.compress(json.dumps(p.items, separators=(",", ":")).encode(), 6)
                    for p in parts
                ]
            )
        )
    figure = _figure("publish attendees", count, publishes, zips, "gzip of the items alone")
    figure["parts"] = len(parts)
    figure["median_pull_s"] = round(statistics.median(pulls), 3)
    figure["pull_runs_s"] = [round(r, 3) for r in pulls]
    return figure


def noop_pass(hub: PostgresHub, cursor: str, after: tuple[int, int]) -> None:
    """The hub calls of a pass that finds nothing new."""
    hub.info()
    hub.hub_time()
    hub.newest_publication()
    for _ in hub.pull_publications(after):
        raise AssertionError("nothing new was expected")
    hub.own_records("k-noop")
    for batch in hub.pull_records(cursor, "k-noop"):
        assert not batch.records


def bench_noop(server: PgServer, passes: int) -> dict[str, Any]:
    admin, url = new_hub(server)
    key = Ed25519PrivateKey.generate()
    organiser = PostgresHub(admin)
    for part in parts_of(key, attendee_items(1_000), 1):
        organiser.publish_part(part)
    organiser.close()
    sign = signer(key)
    hub = PostgresHub(url)
    hub.push([sign(make_record("k-other", n)) for n in range(1_000)], "k-other", "")
    cursor = ""
    for batch in hub.pull_records("", "k-noop"):
        cursor = batch.cursor
    after = hub.newest_publication()
    kept = [timed(lambda: noop_pass(hub, cursor, after)) for _ in range(passes)]
    fresh = []
    for _ in range(passes):
        other = PostgresHub(url)
        fresh.append(timed(lambda: noop_pass(other, cursor, after)))  # noqa: B023
        other.close()
    hub.close()
    conn = psycopg.connect(url, autocommit=True)
    select_kept = [timed(lambda: conn.execute("SELECT 1").fetchone()) for _ in range(passes)]
    conn.close()

    def connect_and_select() -> None:
        with psycopg.connect(url, autocommit=True) as c:
            c.execute("SELECT 1").fetchone()

    select_fresh = [timed(connect_and_select) for _ in range(passes)]
    return {
        "case": "no-op pass (hub calls)",
        "median_kept_connection_ms": _ms(kept),
        "baseline_select1_kept_ms": _ms(select_kept),
        "median_new_connection_ms": _ms(fresh),
        "baseline_connect_select1_ms": _ms(select_fresh),
        "goal_ms": 100,
    }


def bench_claims(server: PgServer, count: int) -> dict[str, Any]:
    _, url = new_hub(server)
    authority = PostgresAuthority(url, signer(Ed25519PrivateKey.generate()), statement_timeout=1.0)
    assert authority.wait_online(10)
    claims, answers = [], []
    for n in range(count):
        record = dataclasses.replace(
            make_record("k-claims", n), delta=1, direction="entry", verdict="admitted",
            reason="admitted", attendee_id=f"C{n:07d}",
        )  # fmt: skip
        started = time.perf_counter()
        answers.append(authority.claim(record, 1.0))
        claims.append(time.perf_counter() - started)
    authority.close()
    assert all(answers), "every claim of a new person must be accepted"
    conn = psycopg.connect(url, autocommit=True)
    selects = [timed(lambda: conn.execute("SELECT 1").fetchone()) for _ in range(count)]
    conn.close()
    claims.sort()
    return {
        "case": "online-authoritative admission claim",
        "claims": count,
        "median_claim_ms": _ms(claims),
        "p99_claim_ms": round(claims[int(len(claims) * 0.99)] * 1000, 2),
        "baseline_select1_ms": _ms(selects),
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
    parser.add_argument("--claims", type=int, default=1_000)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    server = start_server(fsync=True)
    try:
        figures = [
            *bench_records(server, args.checkins, args.repeats),
            bench_publications(server, args.attendees, args.repeats),
            bench_noop(server, 30),
            bench_claims(server, args.claims),
        ]
    finally:
        server.remove()
    for figure in figures:
        print(json.dumps(figure))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
