"""`kiosk watch`: the camera scan loop without a GUI, one JSON decision per scanned code."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import threading
import time
from typing import Any

from kiosk.cli.common import add_db_argument, open_service, parse_time, print_json
from kiosk.cli.errors import CommandError, UsageError
from kiosk.domain.decision import Direction
from kiosk.scanning.events import ScanEvent, ScanStatus, StatusKind
from kiosk.scanning.frames import SourceError
from kiosk.scanning.loop import ScanLoop
from kiosk.scanning.sources import open_source


def register(sub: Any) -> None:
    p = sub.add_parser(
        "watch",
        help="scan codes from a camera, video or image folder and print each decision",
        description="Run the kiosk's scan loop headless: each scanned code is decided and "
        "recorded, and the decision printed as one JSON line (as 'kiosk scan --json', plus "
        "latency_ms: from the frame's arrival to the recorded decision). Status messages go "
        "to stderr. A video file or image folder ends the command when played to its end.",
    )
    p.add_argument(
        "--camera",
        required=True,
        metavar="SOURCE",
        help="camera index (0), device (/dev/video0), video file or folder of images",
    )
    p.add_argument("--hall", required=True, help="hall id (see 'kiosk event show')")
    p.add_argument("--exit", action="store_true", help="record exits instead of entries")
    p.add_argument("--fps", type=float, help="frame rate to ask of the camera or to play files at")
    p.add_argument(
        "--fast",
        action="store_true",
        help="play files as fast as they decode, every frame looked at (default: real time)",
    )
    p.add_argument(
        "--at",
        help="scene start time, ISO-8601: decisions are dated this time plus the frame's "
        "position (for replaying a recorded door); default: now",
    )
    add_db_argument(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    service = open_service(args)
    if service.event.hall(args.hall) is None:
        known = ", ".join(h.id for h in service.event.halls)
        raise UsageError(f"unknown hall {args.hall!r} (this event has: {known})")
    start = parse_time(args.at, service.event)
    if args.fps is not None and not args.fps > 0:
        raise UsageError("--fps must be a positive number")
    try:
        source = open_source(args.camera, fps=args.fps, paced=not args.fast)
    except SourceError as exc:
        raise CommandError(str(exc)) from None
    direction = Direction.EXIT if args.exit else Direction.ENTRY

    def on_code(scan: ScanEvent) -> None:
        at = start + dt.timedelta(seconds=scan.pts) if start else None
        decision = service.scan(scan.text, args.hall, direction, at)
        line = decision.to_json()
        line["latency_ms"] = round((time.monotonic() - scan.arrived) * 1000.0, 2)
        line["decode_ms"] = round(scan.latency_ms, 2)
        print_json(line)

    def on_status(status: ScanStatus) -> None:
        if status.kind not in (StatusKind.RUNNING, StatusKind.ENDED):
            print(f"kiosk: {status.message}", file=sys.stderr, flush=True)

    stats = ScanLoop(source).run(threading.Event(), on_code, on_status=on_status)
    if stats.failure:
        raise CommandError(stats.failure)
    return 0
