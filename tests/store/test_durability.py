"""Every decision returned to a caller survives SIGKILL of the recording process."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlite_utils import Database

from kiosk.store.db import open_db

RECORDER = """
import datetime as dt, sys
from kiosk.domain.decision import Direction
from kiosk.service.checkin import CheckInService
from kiosk.store.db import open_db
from kiosk.store.events import load_event
db = open_db(sys.argv[1])
service = CheckInService(db, load_event(db))
start = dt.datetime(2026, 10, 14, 1, 0, tzinfo=dt.timezone.utc)
start += dt.timedelta(hours=int(sys.argv[2]))
codes = ["T-0001", "T-0002", "T-0006", "T-0004"]
for i in range(100000):
    when = start + dt.timedelta(seconds=7 * i)
    direction = Direction.EXIT if i % 8 >= 4 else Direction.ENTRY
    decision = service.scan(codes[i % 4], "floor", direction, when)
    sys.stdout.write(decision.record_id + "\\n")
    sys.stdout.flush()
"""


def test_returned_decisions_survive_sigkill(tmp_path: Path, db: Database) -> None:
    """Kill a recording process 15 times at random moments: every id it printed is in the
    log exactly once, and the log stays readable and consistent."""
    path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    db.conn.close()
    rng = random.Random(7)
    returned: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for run in range(15):
        child = subprocess.Popen(
            [sys.executable, "-c", RECORDER, str(path), str(run)], stdout=subprocess.PIPE, env=env
        )
        assert child.stdout is not None
        os.set_blocking(child.stdout.fileno(), False)
        deadline = time.monotonic() + 30
        buffered = b""
        # Wait until it is recording, then kill it at a random moment while it writes.
        while buffered.count(b"\n") < 3 and time.monotonic() < deadline:
            buffered += child.stdout.read() or b""
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        buffered += child.stdout.read() or b""
        lines = buffered.split(b"\n")
        returned += [line.decode() for line in lines[:-1]]  # the last piece may be cut
    reopened = open_db(path)
    counts = dict(reopened.execute("SELECT id, count(*) FROM checkins GROUP BY id").fetchall())
    assert len(returned) > 45
    assert [rid for rid in returned if counts.get(rid) != 1] == []
    assert reopened.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
