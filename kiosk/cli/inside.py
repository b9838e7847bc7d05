"""`kiosk inside`: the roll call, who is in each hall now or at a moment, per the merged log,
with how fresh that log is (text, CSV, PDF or JSON).

It lists people, so it is staff work: on a kiosk with a staff PIN the list needs it, as the
board's roll-call view does; `--counts` (numbers and freshness only) never does. A database
with no PIN set (the organiser's laptop, a back-office copy) lists without one: whoever can
run commands on it can read the file (owner-only) anyway.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path
from typing import Any

from kiosk.cli.common import add_db_argument, open_database, parse_time, print_json, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.staff_auth import add_pin_argument, require_staff_pin
from kiosk.domain.event import Event
from kiosk.printing.language import LANGUAGES
from kiosk.service.freshness import Freshness, KioskSeen
from kiosk.service.rollcall import RollCall, RollCallError, inside


def register(sub: Any) -> None:
    p = sub.add_parser(
        "inside",
        help="roll call: who is in each hall now (or --at), per the merged log",
        description="Who is inside each hall (entered and not left, per every kiosk's records "
        "merged here), with name, type, seat, entry time and door, and how fresh the merged "
        "log is. Listing people needs the staff PIN where the kiosk has one.",
    )
    p.add_argument("--hall", help="one hall id (see 'kiosk event show')")
    p.add_argument("--at", help="the moment, ISO-8601 (default: now, with every record merged)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--csv", type=Path, metavar="FILE", help="write the list as CSV")
    out.add_argument("--pdf", type=Path, metavar="FILE", help="print the roll call to a PDF")
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--counts", action="store_true", help="counts only, no names (no PIN)")
    p.add_argument("--lang", choices=LANGUAGES, help="PDF language (default: the screens')")
    add_pin_argument(p)
    add_db_argument(p)
    p.set_defaults(func=run_inside)


def run_inside(args: argparse.Namespace) -> int:
    db = open_database(args, need_write=False)
    event = require_event(db)
    when = parse_time(args.at, event)
    try:
        roll = inside(db, event, when, args.hall)
    except RollCallError as exc:
        raise UsageError(str(exc)) from None
    if not args.counts:
        from kiosk.service.staff_pin import StaffPin

        if StaffPin(db).is_set():
            require_staff_pin(args, db, "a roll call with names (or use --counts)")
    if args.json:
        print_json(as_json(roll, event, names=True))
    elif args.csv:
        print(f"wrote {write_csv(roll, event, args.csv)} people to {args.csv}")
        print_freshness(roll.freshness, event)
    elif args.pdf:
        from kiosk.cli.report import report_language
        from kiosk.cli.rollcall_pages import rollcall_report
        from kiosk.printing.report import render_report

        lang = report_language(db, args.lang)
        try:
            pages = render_report(rollcall_report(roll, event, lang), args.pdf)
        except OSError as exc:
            raise CommandError(f"cannot write {args.pdf}: {exc.strerror or exc}") from None
        print(f"wrote {args.pdf} ({pages} pages, {roll.count} people)")
        print_freshness(roll.freshness, event)
    else:
        print_text(roll, event, names=not args.counts)
    return 0


def local(when: dt.datetime, event: Event, fmt: str = "%H:%M") -> str:
    return when.astimezone(event.tz).strftime(fmt)


def ago(then: dt.datetime, now: dt.datetime) -> str:
    minutes = int((now - then).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 120:
        return f"{minutes} min ago"
    return f"{minutes // 60} h ago"


def kiosk_line(k: KioskSeen, fresh: Freshness, event: Event) -> str:
    """'k-door-a: last sync 10:42, 3 min ago'; 'k-door-b: nothing received: its entries
    are missing here'."""
    now = fresh.now
    if k.this_kiosk:
        if fresh.last_sync is None:
            return f"{k.kiosk_id} (this kiosk): never synced: other doors' entries are missing here"
        return (
            f"{k.kiosk_id} (this kiosk): last sync {local(fresh.last_sync, event)}, "
            f"{ago(fresh.last_sync, now)}"
        )
    if k.newest is None:
        return f"{k.kiosk_id}: nothing received from it: its entries are missing here"
    quiet = " (quiet: idle, or not synced since)" if k.quiet(now) else ""
    return f"{k.kiosk_id}: newest record {local(k.newest, event)}, {ago(k.newest, now)}{quiet}"


def print_freshness(fresh: Freshness, event: Event) -> None:
    print("data:")
    for k in fresh.kiosks:
        print(f"  {kiosk_line(k, fresh, event)}")
    if not fresh.kiosks:
        print("  no records and no door kiosks enrolled: nothing to go on")


def print_text(roll: RollCall, event: Event, names: bool) -> None:
    print(f"inside at {local(roll.at, event, '%Y-%m-%d %H:%M')} ({event.timezone})")
    for hall in roll.halls:
        session = f" ({hall.session.title})" if hall.session else " (no session)"
        print(f"{hall.hall.id} {hall.hall.name}{session}: {hall.count} inside")
        for p in hall.people if names else ():
            seat = f"  seat {p.seat}" if p.seat else ""
            kind = event.type(p.type)
            type_name = kind.name if kind else p.type
            print(f"  {local(p.entered, event)}  {p.name}  {type_name}{seat}  {p.kiosk_id}")
    print_freshness(roll.freshness, event)


HEADER = ("hall", "session", "attendee_id", "name", "type", "seat", "entered", "kiosk")


def write_csv(roll: RollCall, event: Event, out: Path) -> int:
    """The list as CSV (UTF-8 with a BOM, for spreadsheets); returns the number of people."""
    try:
        with open(out, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for hall in roll.halls:
                for p in hall.people:
                    writer.writerow(
                        [
                            hall.hall.id,
                            hall.session.id if hall.session else "",
                            p.attendee_id,
                            safe(p.name),
                            p.type,
                            safe(p.seat),
                            p.entered.astimezone(event.tz).isoformat(timespec="seconds"),
                            p.kiosk_id,
                        ]
                    )
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror or exc}") from None
    return roll.count


def safe(text: str) -> str:
    """No spreadsheet formula from a name (as `export checkins` does)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def as_json(roll: RollCall, event: Event, names: bool) -> dict[str, Any]:
    return {
        "at": roll.at.isoformat(),
        "count": roll.count,
        "halls": [
            {
                "hall": h.hall.id,
                "session": h.session.id if h.session else None,
                "count": h.count,
                "people": [
                    {
                        "id": p.attendee_id,
                        "name": p.name,
                        "type": p.type,
                        "seat": p.seat,
                        "entered": p.entered.astimezone(event.tz).isoformat(),
                        "kiosk": p.kiosk_id,
                    }
                    for p in (h.people if names else ())
                ],
            }
            for h in roll.halls
        ],
        "freshness": roll.freshness.to_json(),
    }
