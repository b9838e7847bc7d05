"""Identifying an Indico ticket QR beside a plain ticket code, on the same database.

    python bench/indico_scan.py [--attendees 100000] [--scans 5000]

Builds the demo database with N attendees, gives half of them Indico ticket codes (as an
Indico import stores them), then times kiosk.service.identify.identify() -- the step a scan
adds before the rules -- for: a plain ticket code (the baseline: one index lookup), an
Indico version-2 QR of an imported registration, one of another server (other_event: a
second range lookup), and a 1 KB JSON naming no imported ticket. Medians and p99 in
microseconds, and each median's ratio to the baseline.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from kiosk.cli.data import make_demo_database
from kiosk.domain.indico import Origin, ticket_code
from kiosk.service.identify import identify
from kiosk.store import events
from kiosk.store.db import open_db, write

ORIGIN = Origin("indico.example.org", "1234")


def qr(ticket: str, server: str = ORIGIN.server) -> str:
    raw = base64.b64encode(uuid.UUID(ticket).bytes).decode()
    return json.dumps({"i": [2, server, raw]}, separators=(",", ":"))


def timed(texts: list[str], run: Callable[[str], object]) -> list[float]:
    out = []
    for text in texts:
        started = time.perf_counter()
        run(text)
        out.append((time.perf_counter() - started) * 1e6)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=5_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        make_demo_database(path, args.attendees)
        db = open_db(path)
        event = events.load_event(db)
        assert event is not None
        keys = events.public_keys(db, event.id)
        ids = [str(r[0]) for r in db.execute("SELECT id FROM attendees ORDER BY id")]
        tickets = {aid: str(uuid.UUID(int=rng.getrandbits(128), version=4)) for aid in ids[::2]}
        with write(db):
            for aid, ticket in tickets.items():
                db.execute(
                    "UPDATE attendees SET ticket_code = ? WHERE id = ?",
                    [ticket_code(ticket, ORIGIN), aid],
                )
        plain = [str(r[0]) for r in db.execute(
            "SELECT ticket_code FROM attendees WHERE ticket_code NOT LIKE 'indico:%'")]  # fmt: skip
        chosen = rng.choices(list(tickets.values()), k=args.scans)
        cases = {
            "plain ticket code (baseline)": rng.choices(plain, k=args.scans),
            "Indico QR, imported": [qr(t) for t in chosen],
            "Indico QR, other server": [qr(t, "indico.other.org") for t in chosen],
            "1 KB JSON, unknown ticket": [
                json.dumps({"i": [2, ORIGIN.server, "A" * 22 + "=="], "x": "y" * 900})
            ]
            * args.scans,
        }

        def run(text: str) -> object:
            return identify(db, event.id, keys, text)

        for texts in cases.values():  # warm the page cache and the statement cache
            timed(texts[:200], run)
        base = 0.0
        print(f"{args.attendees:,} attendees, {len(tickets):,} with Indico tickets, "
              f"{args.scans:,} scans each")  # fmt: skip
        for name, texts in cases.items():
            times = timed(texts, run)
            median = statistics.median(times)
            base = base or median
            p99 = sorted(times)[int(0.99 * len(times))]
            print(f"{name:32s} median {median:7.1f} us  p99 {p99:7.1f} us  {median / base:4.2f}x")


if __name__ == "__main__":
    main()
