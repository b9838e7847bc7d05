"""`kiosk event`, `kiosk attendees` and `kiosk demo-data`: what the kiosk knows."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.cli.common import (
    DEMO_EVENT,
    add_db_argument,
    db_path,
    open_database,
    print_json,
    require_event,
)
from kiosk.cli.errors import CommandError
from kiosk.cli.keys import new_signing_key
from kiosk.demo_fields import add_demo_fields
from kiosk.demodata import generate_demo
from kiosk.domain.attendee import Attendee
from kiosk.domain.codes import sign_code
from kiosk.domain.event import Event
from kiosk.domain.event_file import EventFileError, load_event
from kiosk.store import attendees, events
from kiosk.store.db import open_db, write
from kiosk.store.keyfiles import key_dir_for, signing_key
from kiosk.store.organiser_setup import init_organiser
from kiosk.store.search import refresh_search_index, suspend_search_index
from kiosk.store.search import search as search_attendees

Progress = Callable[[int, int, float], None]


def register(sub: Any) -> None:
    event = sub.add_parser("event", help="load or show the event this kiosk serves")
    event_sub = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    p = event_sub.add_parser("load", help="load (or update) the event from a TOML file")
    p.add_argument("file", type=Path)
    add_db_argument(p)
    p.set_defaults(func=run_event_load)
    p = event_sub.add_parser("show", help="print the event: halls, sessions, types")
    p.add_argument("--json", action="store_true")
    add_db_argument(p)
    p.set_defaults(func=run_event_show)
    p = event_sub.add_parser("check", help="check an event file without loading it")
    p.add_argument("file", type=Path)
    p.set_defaults(func=run_event_check)

    p = sub.add_parser("demo-data", help="create the Smart City Expo Shanghai demo database")
    p.add_argument("--count", type=int, default=5000, help="attendees (default 5,000)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--force", action="store_true", help="replace an existing database")
    add_db_argument(p)
    p.set_defaults(func=run_demo_data)

    p = sub.add_parser("attendees", help="list or search attendees")
    p.add_argument("--search", default="", help="name, company, e-mail or code (any script)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="one JSON array, with badge codes")
    add_db_argument(p)
    p.set_defaults(func=run_attendees)


def _load(path: Path) -> tuple[Event, str]:
    try:
        return load_event(path)
    except EventFileError as exc:
        raise CommandError(str(exc)) from None


def run_event_check(args: argparse.Namespace) -> int:
    event, _ = _load(args.file)
    print(
        f"{args.file}: ok: {event.name}, {len(event.halls)} halls, "
        f"{len(event.sessions)} sessions, {len(event.types)} types"
    )
    return 0


def run_event_load(args: argparse.Namespace) -> int:
    event, source = _load(args.file)
    db = open_database(args, must_exist=False)
    try:
        with write(db):
            events.save_event(db, event, source)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    print(f"loaded {event.name} ({event.id}) into {db_path(args)}")
    return 0


def event_json(event: Event) -> dict[str, Any]:
    tz = event.tz
    return {
        "id": event.id,
        "name": event.name,
        "timezone": event.timezone,
        "days": [d.isoformat() for d in event.days],
        "languages": list(event.languages),
        "halls": [{"id": h.id, "name": h.name, "capacity": h.capacity} for h in event.halls],
        "sessions": [
            {
                "id": s.id,
                "hall": s.hall,
                "start": s.start.astimezone(tz).isoformat(),
                "end": s.end.astimezone(tz).isoformat(),
                "title": s.title,
                "track": s.track,
                "opens": s.opens.astimezone(tz).isoformat(),
                "closes": s.closes.astimezone(tz).isoformat(),
                "registration": s.registration.value,
                "reentry": s.reentry,
                "capacity": s.capacity,
            }
            for s in event.sessions
        ],
        "types": [
            {
                "id": t.id,
                "name": t.name,
                "color": t.color,
                "halls": sorted(t.halls) if t.halls is not None else "*",
                "all_access": t.all_access,
            }
            for t in event.types
        ],
    }


def run_event_show(args: argparse.Namespace) -> int:
    event = require_event(open_database(args))
    if args.json:
        print_json(event_json(event))
        return 0
    print(f"{event.name} ({event.id}), {event.timezone}")
    for hall in event.halls:
        print(f"  hall {hall.id}: {hall.name}, capacity {hall.capacity}")
        for s in event.sessions_in(hall.id):
            start = s.start.astimezone(event.tz).strftime("%a %d %b %H:%M")
            end = s.end.astimezone(event.tz).strftime("%H:%M")
            print(f"    {s.id}: {start}-{end} {s.title} [{s.registration.value}]")
    print("  types: " + ", ".join(f"{t.id} ({t.name})" for t in event.types))
    return 0


def run_attendees(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CommandError("--limit must be at least 1", status=2)
    db = open_database(args)
    event = require_event(db)
    if args.search.strip():
        found = search_attendees(db, args.search, limit=args.limit).attendees
    else:
        found = list(itertools.islice(attendees.iter_all(db), args.limit))
    if not args.json:
        for a in found:
            print(f"{a.id}\t{a.name}\t{a.company}\t{a.type}\t{a.email}")
        return 0
    key = signing_key(key_dir_for(db_path(args)), event.id)
    rows = []
    for a in found:
        code = a.ticket_code
        if key is not None:
            # Ids too long for a signed code keep the ticket code, which still works.
            with contextlib.suppress(ValueError):
                code = sign_code(key, event.id, a.id, a.type, a.badge_issue)
        rows.append(
            {
                "id": a.id,
                "name": a.name,
                "first_name": a.first_name,
                "last_name": a.last_name,
                "company": a.company,
                "type": a.type,
                "email": a.email,
                "ticket_code": a.ticket_code,
                "code": code,
            }
        )
    print_json(rows)
    return 0


def _progress(done: int, total: int, started: float) -> None:
    if sys.stderr.isatty():
        rate = done / max(time.perf_counter() - started, 1e-9)
        print(f"\r  {done:,}/{total:,} attendees ({rate:,.0f}/s)", end="", file=sys.stderr)


def make_demo_database(
    path: Path, count: int = 5000, seed: int = 2026, on_progress: Progress | None = None
) -> None:
    """The SCES demo: event, a signing key (private half in PATH.keys/), `count` attendees."""
    event, source = load_event(DEMO_EVENT)
    db = open_db(path)
    if attendees.count(db):
        raise ValueError(f"{path} already holds attendees; use --force to replace it")
    with write(db):
        events.save_event(db, event, source)
    init_organiser(db, key_dir_for(path))
    new_signing_key(db, event, key_dir_for(path))
    started = time.perf_counter()
    with write(db):
        suspend_search_index(db)
        batch: list[Attendee] = []
        registrations: list[tuple[str, str, str]] = []
        for done, (row, regs) in enumerate(generate_demo(event, count, seed), start=1):
            batch.append(
                Attendee(
                    row.id,
                    row.first_name,
                    row.last_name,
                    row.company,
                    row.email,
                    row.type,
                    ticket_code=row.ticket_code,
                    position=row.position,
                )
            )
            registrations.extend((r.attendee_id, r.session_id, r.kind) for r in regs)
            if len(batch) == 10_000 or done == count:
                attendees.insert_many(db, batch)
                attendees.add_registrations(db, registrations)
                batch, registrations = [], []
                if on_progress:
                    on_progress(done, count, started)
        add_demo_fields(db, event)
        refresh_search_index(db)
    db.conn.close()


def run_demo_data(args: argparse.Namespace) -> int:
    if not 1 <= args.count <= 1_000_000:
        raise CommandError("--count must be between 1 and 1,000,000", status=2)
    path = db_path(args)
    if path.exists():
        if not args.force:
            raise CommandError(f"{path} exists; use --force to replace it")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(key_dir_for(path), ignore_errors=True)
    started = time.perf_counter()
    try:
        make_demo_database(path, args.count, args.seed, _progress)
    except (ValueError, EventFileError) as exc:
        raise CommandError(str(exc)) from None
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        f"created {path}: Smart City Expo Shanghai, {args.count:,} attendees, "
        f"signing key in {key_dir_for(path)} ({time.perf_counter() - started:.1f} s)"
    )
    return 0
