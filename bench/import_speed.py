"""Import speed: `kiosk import` of a generated CSV against `sqlite-utils insert` of the same file.

    python bench/import_speed.py [--rows 1000000] [--repeats 3] [--dir DIR]

Writes a CSV of N demo attendees (the SCES generator: multilingual names, companies, types,
unique e-mails and ticket codes) with generic headers, then, per repeat and each into a
fresh database:

- kiosk, in-process: kiosk.importing.import_file() (read, check every row, one write
  transaction), timed up to the commit; the search index rebuild it then runs is timed apart;
- kiosk, whole command: `kiosk import FILE` as a new process (start-up, progress off, search
  index rebuild included);
- sqlite-utils insert DB attendees FILE --csv (the CLI from this venv; by default it detects
  column types, which rewrites the table at the end), and the same with --no-detect-types.

Prints a markdown table: median seconds and rows/s per method, and each kiosk figure's time
as a multiple of the faster sqlite-utils run (the goal: at most 1.5).
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.cli.common import DEMO_EVENT
from kiosk.demodata import generate_attendees
from kiosk.domain.event_file import load_event
from kiosk.importing import ImportOptions, import_file
from kiosk.store.db import open_db, write
from kiosk.store.events import save_event

HEADERS = ["id", "first_name", "last_name", "email", "company", "type", "ticket_code", "position"]
VENV_BIN = Path(sys.executable).parent
# The command as it runs once "kiosk.cli.importer" is in kiosk.cli.main.COMMAND_MODULES.
_KIOSK_IMPORT = (
    "import sys, kiosk.cli.main as m\n"
    "if 'kiosk.cli.importer' not in m.COMMAND_MODULES:\n"
    "    m.COMMAND_MODULES = (*m.COMMAND_MODULES, 'kiosk.cli.importer')\n"
    "sys.exit(m.main(sys.argv[1:]))\n"
)


def write_csv(path: Path, rows: int) -> None:
    event, _ = load_event(DEMO_EVENT)
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADERS)
        for a in generate_attendees(event, rows, seed=2026):
            out.writerow(
                [a.id, a.first_name, a.last_name, a.email, a.company, a.type, a.ticket_code,
                 a.position]
            )  # fmt: skip


def fresh_kiosk_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    event, source = load_event(DEMO_EVENT)
    db = open_db(path)
    with write(db):
        save_event(db, event, source)
    db.conn.close()


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def in_process(csv_path: Path, db_path: Path) -> tuple[Timing, Timing]:
    """Timings to the commit, and to the end of the search index rebuild after it."""
    fresh_kiosk_db(db_path)
    event, _ = load_event(DEMO_EVENT)
    db = open_db(db_path)
    progress: list[tuple[float, float]] = []

    def note(stage: str, done: int, total: int) -> None:
        if stage == "index" and done == 0:
            progress.append((time.perf_counter(), time.process_time()))

    wall, cpu = time.perf_counter(), time.process_time()
    import_file(db, event, csv_path, ImportOptions(), note)
    end = (time.perf_counter() - wall, time.process_time() - cpu)
    db.conn.close()
    committed = (progress[0][0] - wall, progress[0][1] - cpu) if progress else end
    return committed, end


def run_timed(command: list[str]) -> Timing:
    """Wall and CPU time (user + system, of the child) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def whole_command(csv_path: Path, db_path: Path) -> Timing:
    fresh_kiosk_db(db_path)
    return run_timed(
        [sys.executable, "-c", _KIOSK_IMPORT, "import", str(csv_path), "--db", str(db_path)]
    )


def sqlite_utils(csv_path: Path, db_path: Path, *extra: str) -> Timing:
    remove_db(db_path)
    tool = shutil.which("sqlite-utils", path=str(VENV_BIN)) or "sqlite-utils"
    return run_timed([tool, "insert", str(db_path), "attendees", str(csv_path), "--csv", *extra])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--dir", type=Path, help="work directory (default: a temporary one)")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="kiosk-import-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    csv_path = work / "attendees.csv"
    started = time.perf_counter()
    write_csv(csv_path, args.rows)
    print(
        f"generated {csv_path} ({csv_path.stat().st_size / 1e6:.0f} MB, {args.rows:,} rows) in "
        f"{time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    db_path = work / "bench.db"
    times: dict[str, list[Timing]] = {}
    runs: list[tuple[str, Callable[[], Timing]]] = [
        ("sqlite-utils insert --csv", lambda: sqlite_utils(csv_path, db_path)),
        (
            "sqlite-utils insert --csv --no-detect-types",
            lambda: sqlite_utils(csv_path, db_path, "--no-detect-types"),
        ),
        (
            "kiosk import, whole command (with search index)",
            lambda: whole_command(csv_path, db_path),
        ),
    ]
    for repeat in range(args.repeats):
        committed, with_index = in_process(csv_path, db_path)
        times.setdefault("kiosk import, in-process (to the commit)", []).append(committed)
        times.setdefault("kiosk import, in-process + search index rebuild", []).append(with_index)
        for name, run in runs:
            times.setdefault(name, []).append(run())
        print(f"repeat {repeat + 1}/{args.repeats} done", file=sys.stderr)
    remove_db(db_path)
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)
    print_table(times, args.rows, args.repeats)


def print_table(times: dict[str, list[Timing]], rows: int, repeats: int) -> None:
    wall = {name: statistics.median(t[0] for t in values) for name, values in times.items()}
    cpu = {name: statistics.median(t[1] for t in values) for name, values in times.items()}
    base = min((k for k in wall if k.startswith("sqlite-utils")), key=wall.__getitem__)
    load = os.getloadavg()[0]
    print(
        f"\nImport of {rows:,} attendees from CSV, median of {repeats} runs; "
        f"{os.cpu_count()} CPUs, load average {load:.1f}, Python {sys.version.split()[0]}; "
        f"baseline: {base}\n"
    )
    print("| method | wall s | rows/s | vs baseline | CPU s | rows/CPU-s | CPU vs baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in times:
        print(
            f"| {name} | {wall[name]:.1f} | {rows / wall[name]:,.0f} | "
            f"{wall[name] / wall[base]:.2f}x | {cpu[name]:.1f} | {rows / cpu[name]:,.0f} | "
            f"{cpu[name] / cpu[base]:.2f}x |"
        )


if __name__ == "__main__":
    main()
