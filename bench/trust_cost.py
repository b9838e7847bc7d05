"""What signed sync costs a kiosk: N check-ins pushed (signed) by one door and pulled
(verified, checked, merged) by another through a folder hub, beside baselines.

    python bench/trust_cost.py [--checkins 100000] [--repeats 3]

Each repeat builds a fresh venue (the demo event with 2,000 attendees, an organiser, two
enrolled doors on a folder hub in a temporary directory) and reports medians:

- push: door A's sync with N new records (sign each, write the files); baseline: the
  same records written to the hub unsigned, by the same folder code;
- pull: door B's sync (read, verify each signature, check the schema, merge into SQLite);
  baseline: the same records merged straight into a copy of B's database;
- per-record signing and verification alone, from the cryptography library.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.cli.data import make_demo_database
from kiosk.domain.trust import Role, fingerprint, record_verifies
from kiosk.store import checkins, events, settings, trust_state
from kiosk.store.checkins import LogRecord
from kiosk.store.db import open_db, write
from kiosk.store.keyfiles import key_dir_for, kiosk_key, organiser_key
from kiosk.store.organiser_setup import enrol_kiosk
from kiosk.sync.engine import sync_once
from kiosk.sync.folder import FolderHub
from kiosk.sync.publish import publish
from kiosk.sync.records import checkin_wire, signed


def records(kiosk_id: str, count: int) -> list[LogRecord]:
    made = []
    for n in range(count):
        at = f"2026-10-14T0{1 + n % 8}:{n % 60:02d}:{n % 59:02d}.000000+00:00"
        made.append(
            LogRecord(f"{kiosk_id}-{n:08d}", kiosk_id, "expo", "expo-day1", "entry", "admitted",
                      "admitted", f"A{n % 2000 + 1:07d}", f"T{n:09d}", at, 1)
        )  # fmt: skip
    return made


def one_run(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        org_path = root / "org.db"
        make_demo_database(org_path, count=2000)
        org = open_db(org_path)
        root_key = organiser_key(key_dir_for(org_path))
        assert root_key is not None
        event = events.load_event(org)
        assert event is not None
        hub = FolderHub(root / "stick")
        hub.create()
        doors = []
        for name in ("a", "b"):
            path = root / f"{name}.db"
            db = open_db(path)
            with write(db):
                settings.put(db, "kiosk_id", f"k{name}")
                trust_state.expect_root(db, fingerprint(root_key.public_key()))
            key = kiosk_key(key_dir_for(path), f"k{name}")
            enrol_kiosk(org, f"k{name}", key.public_key(), Role.DOOR)
            doors.append((path, db, key))
        publish(org, hub, event, root=root_key)
        for _, db, key in doors:
            sync_once(db, hub, key)
        (_, a, a_key), (_, b, b_key) = doors
        made = records("ka", count)
        with write(a):
            for record in made:
                checkins.append(a, record)
        copy = root / "b-copy.db"
        b.execute("VACUUM INTO ?", [str(copy)])
        started = time.perf_counter()
        sync_once(a, hub, a_key)
        push = time.perf_counter() - started
        plain = FolderHub(root / "plain")
        plain.create()
        started = time.perf_counter()
        plain.push([checkin_wire(r) for r in made], "ka", "")
        push_base = time.perf_counter() - started
        started = time.perf_counter()
        report = sync_once(b, hub, b_key)
        pull = time.perf_counter() - started
        assert report.pulled == count, report
        baseline_db = open_db(copy)
        started = time.perf_counter()
        for start in range(0, count, 2000):
            with write(baseline_db):
                for record in made[start : start + 2000]:
                    checkins.append(baseline_db, record)
        merge = time.perf_counter() - started
        sample = [signed(a_key, checkin_wire(r)) for r in made[:5000]]
        started = time.perf_counter()
        public = a_key.public_key()
        assert all(record_verifies(public, w) for w in sample)
        verify_us = (time.perf_counter() - started) / len(sample) * 1e6
        started = time.perf_counter()
        for r in made[:5000]:
            signed(a_key, checkin_wire(r))
        sign_us = (time.perf_counter() - started) / 5000 * 1e6
        for db in (org, a, b, baseline_db):
            db.conn.close()
        return {"push": push, "push_base": push_base, "pull": pull, "merge": merge,
                "sign_us": sign_us, "verify_us": verify_us}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkins", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run(args.checkins) for _ in range(args.repeats)]
    median: dict[str, Any] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    n = args.checkins
    print(
        f"push {n:,} signed check-ins: {median['push']:.2f} s; unsigned write by the "
        f"same code {median['push_base']:.2f} s ({median['push'] / median['push_base']:.1f}x)"
    )
    print(
        f"pull + verify + merge {n:,}: {median['pull']:.2f} s; merge alone "
        f"{median['merge']:.2f} s ({median['pull'] / median['merge']:.1f}x)"
    )
    print(f"Ed25519 per record: sign {median['sign_us']:.0f} us, "
          f"verify {median['verify_us']:.0f} us")  # fmt: skip


if __name__ == "__main__":
    main()
