"""`kiosk hub init`, `sync`, `publish`, `conflicts`, `export checkins` (`report`: report.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import threading
from pathlib import Path
from typing import Any

from kiosk.cli.common import add_db_argument, db_path, open_database, print_json, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.passphrase import organiser_root
from kiosk.cli.progress import Progress
from kiosk.domain.event import Event
from kiosk.domain.trust import TrustError
from kiosk.store import settings
from kiosk.store.db import write
from kiosk.store.keyfiles import key_dir_for, passfile_for
from kiosk.store.organiser_setup import NotOrganiser
from kiosk.store.trust_state import expect_root
from kiosk.sync import export, stats
from kiosk.sync.errors import HubError
from kiosk.sync.hub import is_postgres
from kiosk.sync.hubs import open_hub
from kiosk.sync.pg_connect import split_password, write_passfile
from kiosk.sync.publish import VALID_DAYS, publish
from kiosk.sync.runner import SyncRunner

HUB_SETTING = "sync:hub"
OFFLINE = "this kiosk keeps working offline"


def register(sub: Any) -> None:
    p = sub.add_parser("sync", help="push this kiosk's records to a hub and pull the others'")
    p.add_argument("--hub", help="postgresql://... or a folder (default: the last one used)")
    p.add_argument("--every", type=float, metavar="SECONDS", help="keep syncing until Ctrl+C")
    p.add_argument(
        "--organiser",
        metavar="FINGERPRINT",
        help="provisioning: the organiser key to trust ('kiosk organiser show' prints it)",
    )
    p.add_argument("--json", action="store_true")
    add_db_argument(p)
    p.set_defaults(func=run_sync)

    p = sub.add_parser("publish", help="organiser: send event, keys, attendees to a hub")
    p.add_argument("--hub", required=True)
    p.add_argument("--full", action="store_true", help="send everything, not just changes")
    p.add_argument(
        "--valid-days",
        type=int,
        default=VALID_DAYS,
        help=f"kiosks warn when this publication is older (default {VALID_DAYS})",
    )
    add_db_argument(p)
    p.set_defaults(func=run_publish)

    p = sub.add_parser("conflicts", help="badges admitted twice at two doors while offline")
    p.add_argument("--json", action="store_true")
    add_db_argument(p)
    p.set_defaults(func=run_conflicts)

    p = sub.add_parser("export", help="export the merged logs")
    export_sub = p.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    p = export_sub.add_parser("checkins", help="every check-in decision, to CSV or XLSX")
    p.add_argument("--out", type=Path, required=True, help="FILE.csv or FILE.xlsx")
    p.add_argument("--hall")
    p.add_argument("--session")
    p.add_argument("--day", type=dt.date.fromisoformat, help="YYYY-MM-DD (event time zone)")
    add_db_argument(p)
    p.set_defaults(func=run_export)


def _hub_address(args: argparse.Namespace, given: str) -> str:
    """The hub's address without its password; the password goes to the kiosk's libpq
    passfile beside the database (never into the database, which travels in backups)."""
    if not is_postgres(given):
        return given
    try:
        address, password = split_password(given)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if password is not None:
        try:
            write_passfile(passfile_for(db_path(args)), address, password)
        except OSError as exc:
            raise CommandError(f"cannot keep the hub password: {exc}") from None
    return address


def run_sync(args: argparse.Namespace) -> int:
    db = open_database(args, must_exist=False)
    if args.organiser:
        try:
            with write(db):
                expect_root(db, args.organiser)
        except (TrustError, ValueError) as exc:
            raise UsageError(f"--organiser: {exc}") from None
    location = _hub_address(args, args.hub) if args.hub else settings.get(db, HUB_SETTING)
    if not location:
        raise UsageError("no hub yet: give one with --hub postgresql://... or --hub FOLDER")
    runner = SyncRunner(db_path(args), location)
    try:
        if args.every:
            stop = threading.Event()
            try:
                while not stop.is_set():
                    _one_pass(runner, args, db, location, fail=False)
                    stop.wait(args.every)
            except KeyboardInterrupt:
                pass
            return 0
        return _one_pass(runner, args, db, location, fail=True)
    finally:
        runner.close()


def _one_pass(
    runner: SyncRunner, args: argparse.Namespace, db: Any, location: str, fail: bool
) -> int:
    meter = Progress("syncing", "")
    names = {"attendees": "attendees received", "records": "records received",
             "index": "attendees: rebuilding the search index"}  # fmt: skip

    def hear(what: str, count: int) -> None:
        meter.unit = names.get(what, what)
        meter.update(count, force=what == "index")

    try:
        report = runner.run_once(hear if fail else None)
    finally:
        meter.done()
    status = runner.status()
    if args.json:
        print_json(
            {
                "online": status.online,
                "hub": status.hub,
                "waiting": status.waiting,
                "error": status.last_error,
                "problems": list(status.problems),
                "report": None if report is None else report.__dict__,
            }
        )
    if report is None:
        if fail:
            raise CommandError(f"{status.last_error}; {OFFLINE}")
        print(f"offline: {status.last_error}; {status.waiting} check-ins waiting")
        return 1
    for problem in report.problems:
        print(f"warning: {problem}")
    if not args.json:
        print(report.summary())
    if settings.get(db, HUB_SETTING) != location:
        with write(db):
            settings.put(db, HUB_SETTING, location)
    return 0


def run_publish(args: argparse.Namespace) -> int:
    db = open_database(args)
    event = require_event(db)
    if not 1 <= args.valid_days <= 3660:
        raise UsageError("--valid-days must be from 1 to 3660")
    try:
        root = organiser_root(db, key_dir_for(db_path(args)))
    except NotOrganiser as exc:
        raise CommandError(str(exc)) from None
    hub = open_hub(args.hub, passfile=_passfile(args))
    progress = Progress("publishing", "items")
    try:
        report = publish(
            db, hub, event, root=root, full=args.full, valid_days=args.valid_days,
            progress=progress.update,
        )  # fmt: skip
    except HubError as exc:
        raise CommandError(str(exc)) from None
    finally:
        progress.done()
        hub.close()
    print(report.summary())
    return 0


def _passfile(args: argparse.Namespace) -> str | None:
    path = passfile_for(db_path(args))
    return str(path) if path.exists() else None


def run_conflicts(args: argparse.Namespace) -> int:
    db = open_database(args)
    event = require_event(db)
    from kiosk.store import sync_state

    found = sync_state.conflicts(db, stats.single_entry_sessions(event))
    if args.json:
        print_json([c.to_json() for c in found])
        return 0
    if not found:
        print("no conflicts: no badge was admitted twice")
    people = sync_state.people(db, (c.attendee_id for c in found))
    for c in found:
        name = people[c.attendee_id].name if c.attendee_id in people else "?"
        doors = ", ".join(
            f"{r.kiosk_id} at {_local(r.at, event)}{' (offline)' if r.offline else ''}"
            for r in c.admissions
        )
        print(f"{c.attendee_id} {name}: {c.session_id}, admitted {c.entries}x: {doors}")
    return 0


def _local(at: str, event: Event) -> str:
    return dt.datetime.fromisoformat(at).astimezone(event.tz).strftime("%d %b %H:%M:%S")


def run_export(args: argparse.Namespace) -> int:
    db = open_database(args)
    event = require_event(db)
    if args.hall and event.hall(args.hall) is None:
        raise UsageError(f"unknown hall {args.hall!r}")
    if args.session and event.session(args.session) is None:
        raise UsageError(f"unknown session {args.session!r}")
    try:
        count = export.write(db, event, args.out, export.Filters(args.hall, args.session, args.day))
    except (ValueError, OSError) as exc:
        raise CommandError(str(exc)) from None
    print(f"wrote {count} check-ins to {args.out}")
    return 0
