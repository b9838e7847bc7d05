"""Start time of the door screen on a large database: process start to first painted window.

    python bench/gui_start.py [--db bench/results/search-1m.db] [--runs 5]

Each run is a fresh process (offscreen Qt) that opens the database, builds the door
screen as `kiosk run` does and paints it once; the wall time includes the interpreter,
imports and Qt start. The database comes from bench/search_speed.py (1,000,000
attendees). Goal: under 2 s. Nothing may load the attendee list.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = """
import time
t0 = time.perf_counter()
import sys
from pathlib import Path
from kiosk.app import build_door, make_application
from kiosk.store import events
from kiosk.store.db import open_db
from kiosk.ui.door import DoorOptions
t_import = time.perf_counter()
app = make_application()
db = open_db(Path(sys.argv[1]))
event = events.load_event(db)
t_db = time.perf_counter()
door = build_door(app, db, event, sys.argv[2], options=DoorOptions())
door.window.resize(1280, 800)
door.window.show()
door.window.grab()  # one full paint
app.processEvents()
t_shown = time.perf_counter()
print(f"{t_import - t0:.3f} {t_db - t_import:.3f} {t_shown - t_db:.3f}")
door.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=REPO / "bench" / "results" / "search-1m.db")
    parser.add_argument("--hall", default="auditorium")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"no database at {args.db}: run bench/search_speed.py first")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    walls, parts, cpus = [], [], []
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.db), args.hall],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        parts.append([float(v) for v in out.stdout.split()[-3:]])
    imports, db, window = (statistics.median(p[i] for p in parts) for i in range(3))
    print(
        f"door screen start, {args.runs} runs: median {statistics.median(walls):.2f} s, "
        f"max {max(walls):.2f} s (imports {imports:.2f} s, database {db:.2f} s, "
        f"window {window:.2f} s); CPU {statistics.median(cpus):.2f} s a run "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
