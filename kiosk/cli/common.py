"""What most commands share: choosing the database, opening the event and the service."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

import platformdirs
from sqlite_utils import Database

from kiosk import resources
from kiosk.cli.errors import CommandError, UsageError
from kiosk.domain.event import Event
from kiosk.domain.event_file import EventFileError
from kiosk.service.checkin import CheckInService
from kiosk.store import cipher, events
from kiosk.store.db import StoreError, open_db

DEMO_EVENT = resources.demo_event()


def default_db_path() -> Path:
    env = os.environ.get("KIOSK_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("kiosk")) / "kiosk.db"


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="kiosk database (default: $KIOSK_DB, else the user's data directory)",
    )


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def open_database(
    args: argparse.Namespace, must_exist: bool = True, need_write: bool = True
) -> Database:
    """The command's database. need_write=False for commands that only read: those also
    work on a database this process cannot write (a read-only copy); the others refuse it
    up front rather than fail half-way."""
    path = db_path(args)
    if must_exist and not path.exists():
        raise CommandError(
            f"no database at {path}: create one with 'kiosk demo-data' or 'kiosk event load'"
        )
    if sys.stdin.isatty():
        cipher.set_asker(ask_unlock_code)
    try:
        return open_db(path, need_write=need_write)
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def ask_unlock_code(path: Path) -> str | None:
    """An encrypted database's unlock code, typed on the terminal (not echoed)."""
    return getpass.getpass(f"unlock code for {path}: ") or None


def require_event(db: Database) -> Event:
    try:
        event = events.load_event(db)
    except EventFileError as exc:
        raise CommandError(f"the event stored in the database is invalid: {exc}") from None
    if event is None:
        raise CommandError("this database holds no event yet: run 'kiosk event load FILE'")
    return event


def open_service(args: argparse.Namespace) -> CheckInService:
    db = open_database(args)
    return CheckInService(db, require_event(db))


def parse_time(text: str | None, event: Event) -> dt.datetime | None:
    """An ISO-8601 time; without an offset it is read in the event's time zone."""
    if text is None:
        return None
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"not an ISO-8601 time: {text!r} (e.g. 2026-10-14T09:30+08:00)") from None
    return when if when.tzinfo else when.replace(tzinfo=event.tz)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()
