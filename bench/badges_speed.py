"""Bulk badges per second through the real `kiosk badges` command, and render time per badge.

    python bench/badges_speed.py [--count 200] [--size a6]

Start-up is included (a fresh process: Python, Qt, fonts, database). The per-badge render
time is set against a baseline measured in the same run: painting a blank page of the
same size on the same device.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAFF_PIN = "246802"


def command(db: Path, out: Path, size: str) -> list[str]:
    from kiosk.cli.main import COMMAND_MODULES

    args = ["badges", "--db", str(db), "--out", str(out), "--size", size, "--pin", STAFF_PIN]
    if "kiosk.cli.badges" in COMMAND_MODULES:
        return [sys.executable, "-m", "kiosk.cli.main", *args]
    return [sys.executable, "-m", "kiosk.cli.badges", *args]  # the same code, not yet wired


def bulk(db: Path, out: Path, size: str, count: int) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    subprocess.run(command(db, out, size), check=True, env=env, cwd=ROOT, capture_output=True)
    elapsed = time.perf_counter() - started
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = next(
        int(line.split()[1]) for line in info.stdout.splitlines() if line.startswith("Pages:")
    )
    assert pages == count, f"{pages} pages for {count} badges"
    return elapsed


def render_times(db: Path, size: str, count: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPdfWriter

    from kiosk.domain.qr import qr_matrix
    from kiosk.printing.badge import badge_for
    from kiosk.printing.output import page_layout
    from kiosk.printing.painter import BadgePainter
    from kiosk.printing.template import load_template
    from kiosk.service.pickup import PickupService
    from kiosk.store import attendees, events
    from kiosk.store.db import open_db
    from kiosk.store.keyfiles import key_dir_for, signing_key

    app = QGuiApplication.instance() or QGuiApplication([])
    database = open_db(db)
    event = events.load_event(database)
    assert event is not None
    service = PickupService(database, event, signing_key=signing_key(key_dir_for(db), event.id))
    painter = BadgePainter(load_template(), size)
    people = list(attendees.iter_all(database))[:count]
    badges = [badge_for(event, a, service.badge_code(a)) for a in people]
    with tempfile.TemporaryDirectory() as tmp:
        writer = QPdfWriter(str(Path(tmp) / "r.pdf"))
        writer.setResolution(600)
        writer.setPageLayout(page_layout(painter.layout))
        qp = QPainter(writer)
        page = QRectF(0, 0, writer.width(), writer.height())
        badge_ms, blank_ms, qr_ms = [], [], []
        for badge in badges:
            t = time.perf_counter()
            qp.fillRect(page, QColor("#ffffff"))
            blank_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            painter.paint(qp, page, badge)
            badge_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            qr_matrix(badge.code or "")
            qr_ms.append((time.perf_counter() - t) * 1000)
            writer.newPage()
        qp.end()
    del app
    return {
        "render_ms_median": statistics.median(badge_ms),
        "render_ms_p95": sorted(badge_ms)[int(len(badge_ms) * 0.95) - 1],
        "blank_page_ms_median": statistics.median(blank_ms),
        "qr_matrix_ms_median": statistics.median(qr_ms),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--size", default="a6")
    args = parser.parse_args()
    from kiosk.cli.data import make_demo_database
    from kiosk.service.staff_pin import StaffPin
    from kiosk.store.db import open_db

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kiosk.db"
        make_demo_database(db, args.count)
        StaffPin(open_db(db)).set_pin(STAFF_PIN)  # logging badges as printed is staff work
        elapsed = bulk(db, Path(tmp) / "badges.pdf", args.size, args.count)
        size_kb = (Path(tmp) / "badges.pdf").stat().st_size / 1024
        result = {
            "count": args.count,
            "size": args.size,
            "bulk_seconds_incl_startup": round(elapsed, 2),
            "badges_per_second": round(args.count / elapsed, 1),
            "pdf_kib_per_badge": round(size_kb / args.count, 1),
            **{k: round(v, 2) for k, v in render_times(db, args.size, args.count).items()},
        }
    print(json.dumps(result, indent=2))
    goal = result["badges_per_second"] >= 20
    print(f"goal >= 20 badges/s including start-up: {'met' if goal else 'MISSED'}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "badges_speed.json").write_text(json.dumps(result, indent=2))
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())
