"""`kiosk printer`: choose this kiosk's badge printer and badge size, and print a test badge."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.badges import PRINTER_SETTING, SIZE_SETTING, SIZES, start_qt
from kiosk.cli.common import add_db_argument, db_path, open_database, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.store import attendees, settings
from kiosk.store.db import write


def register(sub: Any) -> None:
    p = sub.add_parser("printer", help="this kiosk's badge printer: list, set, show, test")
    actions = p.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    a = actions.add_parser("list", help="the system's printers (CUPS queues)")
    a.set_defaults(func=run_list)
    a = actions.add_parser("show", help="the printer and badge size pickup and the desk use")
    add_db_argument(a)
    a.set_defaults(func=run_show)
    a = actions.add_parser(
        "set", help="use this printer (and size) for pickup and the desk, no print dialog"
    )
    where = a.add_mutually_exclusive_group(required=True)
    where.add_argument("name", nargs="?", help="a printer from 'kiosk printer list'")
    where.add_argument("--pdf", action="store_true", help="no printer: PDF files beside the db")
    a.add_argument("--size", choices=SIZES, help="badge size (default: unchanged, else a6)")
    add_db_argument(a)
    a.set_defaults(func=run_set)
    a = actions.add_parser("test", help="print one badge stamped TEST (not logged)")
    a.add_argument("--attendee", metavar="ID", help="whose badge (default: the first attendee)")
    add_db_argument(a)
    a.set_defaults(func=run_test)


def _names() -> list[str]:
    start_qt()
    from kiosk.printing.output import printer_names

    return printer_names()


def run_list(args: argparse.Namespace) -> int:
    names = _names()
    for name in names:
        print(name)
    if not names:
        print("no printers: add a CUPS queue (lpadmin), or badges go to PDF files")
    return 0


def run_show(args: argparse.Namespace) -> int:
    db = open_database(args)
    printer = settings.get(db, PRINTER_SETTING)
    size = settings.get(db, SIZE_SETTING) or "a6"
    print(f"printer: {printer or 'none (PDF files in badges/ beside the database)'}")
    print(f"badge size: {size}")
    if printer and printer not in _names():
        print(f"warning: {printer!r} is not among the system's printers now")
    return 0


def run_set(args: argparse.Namespace) -> int:
    db = open_database(args)
    if args.name is not None:
        names = _names()
        if args.name not in names:
            known = ", ".join(names) or "none"
            raise UsageError(f"no printer {args.name!r} (the system has: {known}); nothing changed")
    with write(db):
        settings.put(db, PRINTER_SETTING, args.name or "")
        if args.size:
            settings.put(db, SIZE_SETTING, args.size)
    return run_show(args)


def run_test(args: argparse.Namespace) -> int:
    db = open_database(args)
    event = require_event(db)
    person = (
        attendees.find_by_id(db, args.attendee)
        if args.attendee
        else next(attendees.iter_all(db), None)
    )
    if person is None:
        raise CommandError("no such attendee" if args.attendee else "no attendees yet")
    start_qt()
    from kiosk.ui.pickup import pickup_parts

    _service, output, _painter = pickup_parts(db, db_path(args), event)
    output.stamp = "TEST"  # type: ignore[attr-defined]
    error = output.print_badge(person, "TEST")  # a QR no door accepts
    if error is not None:
        raise CommandError(f"test print on {output.name} failed: {error}")
    print(f"test badge of {person.id} sent to {output.name} (stamped TEST, not logged)")
    return 0
