"""`kiosk walk-in` and `kiosk replace-badge`: the staff desk's two operations, scriptable."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.cli.badges import STAFF_NEEDED, add_output_arguments, badge_output, report_print
from kiosk.cli.common import (
    add_db_argument,
    db_path,
    open_database,
    print_json,
    require_event,
)
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.staff_auth import add_pin_argument, checked, require_staff_pin
from kiosk.store import attendees
from kiosk.store.keyfiles import key_dir_for, signing_key


def register(sub: Any) -> None:
    p = sub.add_parser("walk-in", help="register an attendee on site and print their badge")
    p.add_argument("--first", required=True, help="first (given) name")
    p.add_argument("--last", required=True, help="last (family) name")
    p.add_argument("--type", dest="type_id", required=True, help="attendee type id")
    p.add_argument("--company", default="", help="a company or --email is required")
    p.add_argument("--email", default="", help="a valid e-mail or --company is required")
    p.add_argument("--position", default="")
    p.add_argument("--no-print", action="store_true", help="register only")
    p.add_argument(
        "--different-person",
        action="store_true",
        help="register although someone with this name and e-mail or company is registered",
    )
    add_pin_argument(p)
    add_output_arguments(p)
    add_db_argument(p)
    p.set_defaults(func=run_walk_in)

    p = sub.add_parser(
        "replace-badge",
        help="replace a lost or stolen badge: the old one is refused at every door, "
        "the new one prints",
    )
    p.add_argument("attendee_id")
    p.add_argument("--reason", required=True, help="why (logged), e.g. 'lost on day 1'")
    add_pin_argument(p)
    add_output_arguments(p)
    add_db_argument(p)
    p.set_defaults(func=run_replace_badge)

    p = sub.add_parser(
        "walk-ins",
        help="attendees registered on site (--flagged: those the organiser must confirm)",
    )
    p.add_argument("--flagged", action="store_true", help="only walk-ins without a signed code")
    p.add_argument("--json", action="store_true")
    add_db_argument(p)
    p.set_defaults(func=run_walk_ins)

    p = sub.add_parser("prints", help="the badge print log: who printed what, where and why")
    p.add_argument("--attendee", metavar="ID", help="only this attendee's prints")
    p.add_argument("--json", action="store_true")
    add_db_argument(p)
    p.set_defaults(func=run_prints)


def _desk(args: argparse.Namespace, db: Any, event: Any, pin: str) -> Any:
    """The desk service for one staff action whose PIN require_staff_pin has checked."""
    from kiosk.service.desk import StaffDesk

    key = signing_key(key_dir_for(db_path(args)), event.id)
    return StaffDesk(db, event, signing_key=key, verify_pin=checked(pin))


def run_walk_in(args: argparse.Namespace) -> int:
    from kiosk.importing import email_problem
    from kiosk.service.pickup import PickupError

    problem = email_problem(args.email.strip())
    if problem is not None:
        raise UsageError(f"{problem}; nobody registered")
    db = open_database(args)
    event = require_event(db)
    output = None if args.no_print else badge_output(args, db, event)  # checked before saving
    # Any walk-in is staff work (a staff-type badge opens every door): the PIN first.
    desk = _desk(args, db, event, require_staff_pin(args, db, "registering a walk-in"))
    from kiosk.service.desk import PossibleDuplicate

    try:
        result = desk.register_walk_in(
            args.first, args.last, args.type_id, args.company, args.email, args.position,
            different_person=args.different_person,
        )  # fmt: skip
    except PossibleDuplicate as exc:
        who = ", ".join(f"{a.id} ({a.name}, {a.company or a.email})" for a in exc.matches)
        raise UsageError(
            f"already registered with this name and e-mail or company: {who}; nobody "
            "registered (print their badge, or add --different-person for someone else)"
        ) from None
    except PickupError as exc:
        raise UsageError(f"{exc}; nobody registered") from None
    person = result.attendee
    print(f"registered {person.id} ({person.name}), ticket code {person.ticket_code}")
    if result.flagged:
        print(
            "note: no signing key here: the badge carries the ticket code and the organiser "
            "is asked to confirm this attendee",
            file=sys.stderr,
        )
    if output is None:
        return 0
    return report_print(desk.print_badge(person, output))


def run_replace_badge(args: argparse.Namespace) -> int:
    from kiosk.service.desk import Replaced

    db = open_database(args)
    event = require_event(db)
    person = attendees.find_by_id(db, args.attendee_id)
    if person is None:
        raise CommandError(f"no attendee with id {args.attendee_id!r}")
    if person.cancelled:
        raise CommandError(STAFF_NEEDED["cancelled"])
    output = badge_output(args, db, event)  # a bad --printer stops here, before anything changes
    pin = require_staff_pin(args, db, "replacing a badge")
    desk = _desk(args, db, event, pin)
    result = desk.replace_badge(person, pin=pin, reason=args.reason)
    if not isinstance(result, Replaced):
        raise CommandError(STAFF_NEEDED.get(result.reason, result.reason))
    new = result.attendee
    print(f"badge of {new.id} ({new.name}) replaced: issue {new.badge_issue}; older badges refused")
    if not result.signed:
        print(
            f"note: no signing key here: the ticket code is renewed ({new.ticket_code}); "
            "the old one and the registration e-mail's QR no longer work",
            file=sys.stderr,
        )
    reason = f"replacement: {args.reason}"
    return report_print(desk.print_badge(new, output, pin=pin, reason=reason))


def run_walk_ins(args: argparse.Namespace) -> int:
    """Every kiosk's walk-ins once synced; flagged ones carry an unsigned ticket code until
    the organiser, who holds the key, publishes them (or cancels them with an import)."""
    from kiosk.store import prints

    db = open_database(args, need_write=False)
    rows: list[dict[str, Any]] = []
    for walk_in in prints.walk_ins(db, flagged_only=args.flagged):
        person = attendees.find_by_id(db, walk_in.attendee_id)
        rows.append(
            {
                "attendee_id": walk_in.attendee_id,
                "name": person.name if person else "",
                "type": person.type if person else "",
                "company": person.company if person else "",
                "email": person.email if person else "",
                "ticket_code": person.ticket_code if person else None,
                "kiosk_id": walk_in.kiosk_id,
                "at": walk_in.at,
                "flagged": walk_in.flagged,
            }
        )
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        flag = "FLAGGED" if row["flagged"] else "signed "
        print(
            f"{row['at'][:16]}  {flag}  {row['attendee_id']}  {row['name']}  "
            f"({row['type']}, {row['company'] or '-'})  at {row['kiosk_id']}"
        )
    flagged = sum(1 for r in rows if r["flagged"])
    sys.stdout.flush()  # the summary after the listing, not inside its last line
    print(f"{len(rows)} walk-in(s), {flagged} flagged for the organiser", file=sys.stderr)
    return 0


def run_prints(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from kiosk.store import prints

    db = open_database(args, need_write=False)
    if args.attendee and attendees.find_by_id(db, args.attendee) is None:
        raise CommandError(f"no attendee with id {args.attendee!r}")
    records = (
        prints.for_attendee(db, args.attendee) if args.attendee else list(prints.all_prints(db))
    )
    if args.json:
        print_json([asdict(r) for r in records])
        return 0
    for r in records:
        result = "ok" if r.ok else f"FAILED {r.error}"
        staff = " staff" if r.staff else ""
        reason = f"  reason: {r.reason}" if r.reason else ""
        print(f"{r.at[:19]}  {r.attendee_id}  {r.kind}{staff}  {r.printer}  {result}{reason}")
    failed = sum(1 for r in records if not r.ok)
    # Into a pipe stdout is block-buffered and stderr is not: without this flush the
    # summary lands inside the listing's last line ("lost badge4 print(s)").
    sys.stdout.flush()
    print(f"{len(records)} print(s), {failed} failed", file=sys.stderr)
    return 0
