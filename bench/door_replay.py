"""Replay a generated door video through `kiosk watch`: decisions recorded and their latency.

    python bench/door_replay.py [--badges 100] [--workdir DIR [--reuse]]

Makes the SCES demo database, takes the badge codes of its first attendees, renders a
door video where each badge is shown for about a second (entering, held up, tilted,
leaving), plays it in real time through `kiosk watch` (the GUI's own scan loop and
check-in service) and reports: decisions printed and recorded (goal: one per badge,
none twice) and frame-to-decision latency p50/p95 (goal p95 <= 50 ms). With --workdir
the fresh database, the badges and the video are kept there, and --reuse replays them
again on a fresh copy of the database instead of rendering anew (about 100 s).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kiosk.scanning.door import write_door_video
from kiosk.scanning.synthetic import random_code

HALL, AT = "expo", "2026-10-14T10:00+08:00"  # exhibition floor, day 1: everyone may enter


def kiosk(*args: str) -> str:
    command = [sys.executable, "-m", "kiosk.cli.main", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def demo_badges(db: Path, count: int) -> dict[str, str]:
    """{code: attendee id} of the demo database's first attendees."""
    kiosk("demo-data", "--db", str(db), "--count", str(max(count, 500)), "--force")
    rows = json.loads(kiosk("attendees", "--db", str(db), "--json", "--limit", str(count)))
    return {row["code"]: row["id"] for row in rows}


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def replay(video: Path, db: Path) -> tuple[list[dict[str, Any]], float]:
    started = time.monotonic()
    out = kiosk("watch", "--camera", str(video), "--hall", HALL, "--at", AT, "--db", str(db))
    return [
        json.loads(line) for line in out.splitlines() if line.strip()
    ], time.monotonic() - started


def report(badges: dict[str, str], decisions: list[dict[str, Any]], seconds: float) -> None:
    ids = [d["attendee"]["id"] if d["attendee"] else None for d in decisions]
    recorded = [d for d in decisions if d["recorded"]]
    counts = Counter(i for i in ids if i is not None)
    twice = sorted(i for i, n in counts.items() if n > 1)
    missing = sorted(set(badges.values()) - set(counts))
    latency = [d["latency_ms"] for d in decisions]
    decode = [d["decode_ms"] for d in decisions]
    service = [d["latency_ms"] - d["decode_ms"] for d in decisions]
    verdicts = Counter(d["verdict"] for d in decisions)
    print(f"| door replay ({len(badges)} badges, {seconds:.0f} s in real time) | figure |")
    print("|---|---|")
    print(f"| decisions printed | {len(decisions)} |")
    print(f"| decisions recorded | {len(recorded)} |")
    print(f"| badges decided twice | {len(twice)} {twice[:5] if twice else ''} |")
    print(f"| badges never decided | {len(missing)} {missing[:5] if missing else ''} |")
    print(f"| verdicts | {dict(verdicts)} |")
    print(
        f"| frame-to-decision latency p50 / p95 / max | {percentile(latency, 50):.1f} / "
        f"{percentile(latency, 95):.1f} / {max(latency, default=float('nan')):.1f} ms |"
    )
    for label, part in (("decoding", decode), ("deciding and recording", service)):
        print(f"| of which {label} p50 / p95 | {percentile(part, 50):.1f} / "
              f"{percentile(part, 95):.1f} ms |")  # fmt: skip
    if latency:
        print(f"| mean latency | {statistics.fmean(latency):.1f} ms |")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Replay a generated door video via kiosk watch")
    parser.add_argument("--badges", type=int, default=100)
    parser.add_argument("--workdir", type=Path, help="keep the database and video here")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="replay the video in --workdir")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db, fresh, video = work / "door.db", work / "fresh.db", work / "door.mp4"
        truth = work / "badges.json"
        if args.reuse and fresh.exists() and video.exists() and truth.exists():
            shutil.copyfile(fresh, db)
            badges = json.loads(truth.read_text())
            decisions, seconds = replay(video, db)
            report(badges, decisions, seconds)
            return
        try:
            badges = demo_badges(fresh, args.badges)
        except subprocess.CalledProcessError as exc:
            print(
                f"demo database unavailable ({exc.stderr.strip()}); random codes", file=sys.stderr
            )
            rng = np.random.default_rng(args.seed)
            badges = {random_code(rng): f"random-{n}" for n in range(args.badges)}
        truth.write_text(json.dumps(badges))
        started = time.monotonic()
        write_door_video(video, list(badges), fps=30.0, seed=args.seed)
        print(f"rendered {video} in {time.monotonic() - started:.0f} s", file=sys.stderr)
        shutil.copyfile(fresh, db)
        decisions, seconds = replay(video, db)
        report(badges, decisions, seconds)


if __name__ == "__main__":
    main()
