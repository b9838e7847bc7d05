"""What encryption at rest costs: the same kiosk database plain and encrypted (SQLCipher),
measured in the same run, interleaved so the machine's noise falls on both alike.

    python bench/at_rest_cost.py [--attendees 100000] [--scans 1000] [--rounds 5]

Builds the demo database once, copies it (the online backup) and encrypts the copy
(`kiosk encrypt`'s code path). Then per round, plain and encrypted in turn:
- start-up: open (pragmas, migration check) + load the event + first attendee lookup, in a
  fresh process each time; the encrypted open also unwraps the key (scrypt, once per process),
  timed apart;
- a scan: CheckInService.scan() of random signed badges (decide + durable record);
- a search: kiosk.store.search over typical staff queries.
Prints medians and the ratio encrypted / plain.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.cli.data import make_demo_database
from kiosk.domain.codes import sign_code
from kiosk.service.checkin import CheckInService
from kiosk.store import cipher, events
from kiosk.store.backup import backup
from kiosk.store.db import open_db
from kiosk.store.encrypt import encrypt_database
from kiosk.store.keyfiles import key_dir_for, signing_key
from kiosk.store.search import search

CODE = "bench unlock code"
QUERIES = ["wang", "王", "张伟", "jurgen", "costa ilaria", "huawei", "A0004711", "li", "xqzv"]
START_UP = """
import json, sys, time
t0 = time.perf_counter()
from kiosk.store import attendees, cipher, events
from kiosk.store.db import open_db
from pathlib import Path
t1 = time.perf_counter()
path = Path(sys.argv[1])
unwrap = 0.0
if cipher.is_encrypted(path):
    u = time.perf_counter()
    cipher.database_key(path)
    unwrap = time.perf_counter() - u
db = open_db(path)
events.load_event(db)
attendees.find_by_id(db, "A0000001")
print(json.dumps({"open": time.perf_counter() - t1 - unwrap, "unwrap": unwrap}))
"""


def start_up(path: Path) -> dict[str, float]:
    env = {"PATH": "/usr/bin:/bin", cipher.ENV: CODE}
    out = subprocess.run(
        [sys.executable, "-c", START_UP, str(path)], capture_output=True, text=True, env=env
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def scans(path: Path, n: int, attendees: int, seed: int) -> list[float]:
    db = open_db(path)
    event = events.load_event(db)
    assert event is not None
    key = signing_key(key_dir_for(path), event.id)
    assert key is not None
    service = CheckInService(db, event)
    rng = random.Random(seed)
    base = dt.datetime(2026, 10, 14, 10, 0, tzinfo=event.tz) + dt.timedelta(hours=seed)
    times = []
    for i in range(n):
        aid = f"A{rng.randrange(1, attendees + 1):07d}"
        kind = db.execute("SELECT type FROM attendees WHERE id = ?", [aid]).fetchone()[0]
        code = sign_code(key, event.id, aid, kind)
        t = time.perf_counter()
        service.scan(code, "expo", at=base + dt.timedelta(seconds=i))
        times.append((time.perf_counter() - t) * 1000)
    db.conn.close()
    return times


def searches(path: Path) -> list[float]:
    db = open_db(path)
    times = []
    for query in QUERIES:
        t = time.perf_counter()
        search(db, query)
        times.append((time.perf_counter() - t) * 1000)
    db.conn.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kiosk-at-rest-"))
    plain, encrypted = work / "plain.db", work / "encrypted.db"
    make_demo_database(plain, args.attendees)
    db = open_db(plain)
    backup(db, encrypted)
    db.conn.close()
    shutil.copytree(key_dir_for(plain), key_dir_for(encrypted))
    t = time.perf_counter()
    encrypt_database(encrypted, CODE)
    took = time.perf_counter() - t
    cipher.forget_all()
    cipher.set_asker(lambda _p: CODE)

    runs: dict[str, dict[str, list[float]]] = {
        name: {"open": [], "unwrap": [], "scan": [], "search": []}
        for name in ("plain", "encrypted")
    }
    for r in range(args.rounds):
        for name, path in (("plain", plain), ("encrypted", encrypted)):
            up = start_up(path)
            runs[name]["open"].append(up["open"] * 1000)
            runs[name]["unwrap"].append(up["unwrap"] * 1000)
            runs[name]["scan"] += scans(path, args.scans // args.rounds, args.attendees, r)
            runs[name]["search"] += searches(path)
    size = plain.stat().st_size
    print(f"attendees {args.attendees:,}; database {size / 1e6:.0f} MB; rounds {args.rounds}")
    print(f"encrypting it (kiosk encrypt) took {took:.1f} s")
    print("| median | plain | encrypted | ratio |")
    print("|---|---|---|---|")
    for label, key in (
        ("start-up: open + event + first lookup (ms)", "open"),
        ("scan: decide + durable record (ms)", "scan"),
        ("search: one staff query (ms)", "search"),
    ):
        p, e = statistics.median(runs["plain"][key]), statistics.median(runs["encrypted"][key])
        print(f"| {label} | {p:.2f} | {e:.2f} | {e / p:.2f}x |")
    unwrap = statistics.median(runs["encrypted"]["unwrap"])
    print(f"| unlock: unwrap the key, once per process (ms) | - | {unwrap:.0f} | - |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
