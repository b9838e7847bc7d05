"""`kiosk run`, `kiosk demo`, `kiosk board`: the windows (the staff PIN commands: pin.py)."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import Any

import platformdirs

from kiosk.cli.common import add_db_argument, db_path, open_database, parse_time, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.pin import OLD_PIN_WARNING
from kiosk.cli.sync import HUB_SETTING
from kiosk.service.staff_pin import DEMO_PIN, StaffPin
from kiosk.store import attendees, cipher

DEMO_COUNT = 5000


def add_hub_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--hub",
        metavar="URL|FOLDER",
        help="sync in the background with this hub: postgresql://... or a folder "
        "(default: the last hub 'kiosk sync --hub' used; 'none': do not sync)",
    )
    p.add_argument(
        "--sync-every",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="seconds between sync passes (default 5)",
    )


def hub_for(args: argparse.Namespace, db: Any) -> str | None:
    from kiosk.store import settings

    hub = args.hub or settings.get(db, HUB_SETTING)
    return None if not hub or hub == "none" else str(hub)


def register(sub: Any) -> None:
    p = sub.add_parser("run", help="open the door screen of a hall, badge pickup or the staff desk")
    p.add_argument(
        "--mode",
        choices=("door", "pickup", "desk"),
        default="door",
        help="door: staff check entries at a hall (default); pickup: attendees "
        "collect and print their badge (full screen, locked); desk: staff register "
        "walk-ins, reprint and replace lost badges (unlocked with the staff PIN)",
    )
    p.add_argument("--hall", help="hall id (default: choose from a list)")
    p.add_argument(
        "--printer",
        help="pickup and desk: printer name (default: the 'printer' setting, "
        "else PDF files beside the database)",
    )
    p.add_argument(
        "--idle-minutes",
        type=float,
        default=5.0,
        metavar="MINUTES",
        help="desk: lock again after this many minutes without a key or click (default 5)",
    )
    p.add_argument("--camera", metavar="SOURCE", help="camera index, /dev/videoN, video or folder")
    p.add_argument("--locked", action="store_true", help="full screen, no way out without the PIN")
    p.add_argument("--at", help="start the clock at this event time (rehearsals), ISO-8601")
    p.add_argument("--reset", type=float, default=4.0, help="seconds a verdict stays (default 4)")
    add_hub_arguments(p)
    add_db_argument(p)
    p.set_defaults(func=run_run)

    p = sub.add_parser(
        "demo", help="the door screen (or pickup, desk) on the SCES demo event, no hardware"
    )
    p.add_argument(
        "--mode",
        choices=("door", "pickup", "desk"),
        default="door",
        help="door: with a demo camera playing badges (default); pickup and desk: badges "
        "go to PDF files beside the demo database",
    )
    p.add_argument("--hall", default="auditorium", help="hall id (default: auditorium)")
    p.add_argument("--db", type=Path, help="demo database (default: in the user data folder)")
    p.add_argument("--locked", action="store_true", help="full screen, locked with the PIN")
    add_hub_arguments(p)
    p.set_defaults(func=run_demo)

    p = sub.add_parser("board", help="the venue status board for a big screen")
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument("--at", help="show the event at this time, ISO-8601 (default: now)")
    p.add_argument(
        "--session",
        metavar="ID",
        help="the chair's view of one session: present, expected, late arrivals, leavers",
    )
    add_hub_arguments(p)
    add_db_argument(p)
    p.set_defaults(func=run_board_command)


def check_badge_template() -> None:
    """Pickup and the desk paint every badge from the template: a missing or damaged one
    (a broken install, a bad edit) is one line before any window opens, not a traceback
    from inside Qt."""
    from kiosk.printing import template

    path = template.TEMPLATE_FILE
    if not path.is_file():
        raise CommandError(f"badge template {path} is missing: reinstall kiosk")
    try:
        template.load_template(path)
    except Exception as exc:  # a damaged file fails in many ways (TypeError, KeyError...)
        reason = str(exc).removeprefix(f"{path}: ") or type(exc).__name__
        raise CommandError(f"badge template {path} is broken: {reason}") from None


def _clock(at: str | None, event: Any) -> Any:
    from kiosk.service.checkin import utc_now
    from kiosk.ui.demo_camera import DemoClock

    start = parse_time(at, event)
    return DemoClock(start) if start else utc_now


def run_run(args: argparse.Namespace) -> int:
    from kiosk.app import camera_factory, run_door
    from kiosk.app_badges import run_desk, run_pickup

    unlock_on_screen_if_needed(db_path(args))
    db = open_database(args)
    event = require_event(db)
    if StaffPin(db).is_legacy():
        print(OLD_PIN_WARNING, file=sys.stderr)
    if args.mode == "desk":
        if not StaffPin(db).is_set():
            raise CommandError("this kiosk has no staff PIN yet: set one with 'kiosk pin set'")
        if args.idle_minutes <= 0:
            raise UsageError("--idle-minutes must be more than 0")
        check_badge_template()
        return run_desk(
            db,
            db_path(args),
            event,
            camera_factory(args.camera) if args.camera else None,
            locked=args.locked,
            printer=args.printer,
            hub=hub_for(args, db),
            sync_every_s=args.sync_every,
            idle_minutes=args.idle_minutes,
        )
    if args.mode == "pickup":
        if not StaffPin(db).is_set():
            raise CommandError("this kiosk has no staff PIN yet: set one with 'kiosk pin set'")
        check_badge_template()
        source = camera_factory(args.camera) if args.camera else None
        return run_pickup(
            db,
            db_path(args),
            event,
            source,
            locked=True,
            printer=args.printer,
            hub=hub_for(args, db),
            sync_every_s=args.sync_every,
        )
    if args.hall and event.hall(args.hall) is None:
        known = ", ".join(h.id for h in event.halls)
        raise UsageError(f"unknown hall {args.hall!r} (this event has: {known})")
    if not StaffPin(db).is_set():
        raise CommandError("this kiosk has no staff PIN yet: set one with 'kiosk pin set'")
    source = camera_factory(args.camera) if args.camera else None
    return run_door(
        db,
        event,
        args.hall,
        _clock(args.at, event),
        source,
        args.locked,
        max(1.0, args.reset),
        hub=hub_for(args, db),
        sync_every_s=args.sync_every,
    )


def unlock_on_screen_if_needed(path: Path) -> None:
    """An encrypted database started with no terminal (the kiosk session at boot) and no
    code given: the screen asks for the unlock code before anything else."""
    if sys.stdin.isatty() or not cipher.needs_person(path):
        return
    from kiosk.app import make_application
    from kiosk.ui.unlock_dialog import unlock_on_screen

    make_application()
    if not unlock_on_screen(path):
        raise CommandError(f"{path} stays locked: the screen was not started")


def demo_db_path(args: argparse.Namespace) -> Path:
    if getattr(args, "db", None):
        return Path(args.db)
    return Path(platformdirs.user_data_dir("kiosk")) / "demo.db"


def run_demo(args: argparse.Namespace) -> int:
    from kiosk.app import run_door
    from kiosk.cli.data import make_demo_database
    from kiosk.domain.event_file import EventFileError
    from kiosk.store.db import open_db
    from kiosk.ui.demo_camera import DemoCameraSource, DemoClock, demo_codes, demo_start

    path = demo_db_path(args)
    if args.mode != "door":
        check_badge_template()
    if not path.exists():
        print(f"creating the demo database {path} ({DEMO_COUNT:,} attendees)...")
        try:
            make_demo_database(path, DEMO_COUNT)
        except EventFileError as exc:  # the demo event shipped with kiosk is damaged
            raise CommandError(f"cannot make the demo database: {exc}") from None
    db = open_db(path)
    event = require_event(db)
    if event.hall(args.hall) is None:
        raise UsageError(f"unknown hall {args.hall!r}")
    pin = StaffPin(db)
    if not pin.is_set():
        pin.set_pin(DEMO_PIN)
    if pin.is_legacy():  # a demo database made before 6-digit PINs keeps its old one
        print(f"staff PIN: 1234 unless changed; {OLD_PIN_WARNING.removeprefix('warning: ')}")
    else:
        print(f"staff PIN: {DEMO_PIN} unless changed (kiosk pin set --db {path})")
    if args.mode != "door":
        return _run_demo_badges(args, db, path, event)
    start, session = demo_start(event, args.hall)
    codes = demo_codes(db, path, event, args.hall, session)

    def source(_stop: threading.Event) -> DemoCameraSource:
        return DemoCameraSource(codes)

    hub = hub_for(args, db)
    if hub is not None:
        publish_demo(db, path, event, hub)
    return run_door(
        db,
        event,
        args.hall,
        DemoClock(start),
        source,
        args.locked,
        hub=hub,
        sync_every_s=args.sync_every,
    )


def _run_demo_badges(args: argparse.Namespace, db: Any, path: Path, event: Any) -> int:
    """Pickup or the staff desk on the demo database, badges as PDF files beside it."""
    from kiosk.app_badges import run_desk, run_pickup
    from kiosk.domain.names import has_han, pinyin

    print(f"badges are written to {path.parent / 'badges'} (no printer in the demo)")
    hub = hub_for(args, db)
    if args.mode == "desk":
        return run_desk(db, path, event, locked=args.locked, hub=hub, sync_every_s=args.sync_every)
    one = next((a for a in attendees.iter_all(db) if not a.cancelled), None)
    if one is not None:
        surname = pinyin(one.last_name) if has_han(one.last_name) else one.last_name
        code = (one.ticket_code or "")[:6]  # the booking code from the confirmation e-mail
        print(f"try: surname {surname!r} with booking code {code!r} (attendee {one.id})")
    return run_pickup(db, path, event, locked=args.locked, hub=hub, sync_every_s=args.sync_every)


def publish_demo(db: Any, path: Path, event: Any, hub: str) -> None:
    """The demo database is the organiser's too: send its event, key and attendees, so
    other kiosks can be provisioned from the hub and accept its badges."""
    from kiosk.store.keyfiles import key_dir_for
    from kiosk.store.organiser_setup import NotOrganiser, init_organiser
    from kiosk.sync.errors import HubError
    from kiosk.sync.hubs import open_hub
    from kiosk.sync.publish import publish

    try:
        opened = open_hub(hub)
        try:
            opened.ensure()  # the demo's hub folder is made here; kiosk publish never does
            root = init_organiser(db, key_dir_for(path))  # a demo database made before
            print(publish(db, opened, event, root=root).summary())
        finally:
            opened.close()
    except (HubError, NotOrganiser) as exc:
        print(f"warning: not published ({exc}); the door starts and keeps trying to sync")


def run_board_command(args: argparse.Namespace) -> int:
    from kiosk.app import run_board

    unlock_on_screen_if_needed(db_path(args))
    db = open_database(args)
    event = require_event(db)
    session = None
    if args.session is not None:
        session = event.session(args.session)
        if session is None:
            known = ", ".join(s.id for s in event.sessions)
            raise UsageError(f"unknown session {args.session[:80]!r} (this event has: {known})")
    return run_board(
        db,
        event,
        _clock(args.at, event),
        args.fullscreen,
        hub=hub_for(args, db),
        sync_every_s=args.sync_every,
        session=session,
    )
