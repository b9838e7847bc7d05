"""`kiosk late-checkin`: staff record a late check-in (补签到, GB 50799-2012 12.2.5), and
`kiosk late-checkins` lists them, apart from scans."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.common import add_db_argument, open_database, parse_time, print_json, require_event
from kiosk.cli.errors import UsageError
from kiosk.cli.staff_auth import add_pin_argument, require_staff_pin
from kiosk.domain.event import Event
from kiosk.service.late_checkin import (
    LateCheckin,
    LateCheckinError,
    late_checkins,
    record_late_checkin,
)
from kiosk.store import attendees


def register(sub: Any) -> None:
    p = sub.add_parser(
        "late-checkin",
        help="staff: record that someone attended a session no scan recorded (补签到)",
        description="Record, after the fact, that an attendee attended a session although no "
        "scan recorded it (a forgotten scan, a door that was down, a paper list). It counts "
        "as attendance, apart from scans, and puts nobody inside.",
    )
    p.add_argument("attendee_id")
    p.add_argument("--session", required=True, help="session id (see 'kiosk event show')")
    p.add_argument("--reason", required=True, help="why, e.g. 'door scanner down, paper list'")
    p.add_argument(
        "--at",
        help="when they attended, ISO-8601 (default: now while the session runs, else its start)",
    )
    p.add_argument("--json", action="store_true")
    add_pin_argument(p)
    add_db_argument(p)
    p.set_defaults(func=run_late_checkin)

    p = sub.add_parser("late-checkins", help="list the late check-ins in the merged log")
    p.add_argument("--session", help="only this session")
    p.add_argument("--json", action="store_true")
    add_db_argument(p)
    p.set_defaults(func=run_list)


def as_json(late: LateCheckin) -> dict[str, Any]:
    return {
        "record_id": late.record_id,
        "attendee_id": late.attendee_id,
        "session": late.session_id,
        "hall": late.hall,
        "claimed_at": late.claimed_at.isoformat(),
        "recorded_at": late.recorded_at.isoformat(),
        "reason": late.reason,
        "kiosk": late.kiosk_id,
    }


def _line(late: LateCheckin, event: Event, name: str) -> str:
    def local(when: Any) -> str:
        return str(when.astimezone(event.tz).strftime("%d %b %H:%M"))

    return (
        f"LATE_CHECKIN  {late.attendee_id} {name}  session {late.session_id}  "
        f"attended {local(late.claimed_at)}, recorded {local(late.recorded_at)} "
        f"by {late.kiosk_id}: {late.reason}"
    )


def run_late_checkin(args: argparse.Namespace) -> int:
    """Staff work: the PIN is checked before anything is recorded."""
    db = open_database(args)
    event = require_event(db)
    when = parse_time(args.at, event)
    require_staff_pin(args, db, "a late check-in")
    try:
        late = record_late_checkin(db, event, args.attendee_id, args.session, args.reason, when)
    except LateCheckinError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print_json(as_json(late))
    else:
        person = attendees.find_by_id(db, late.attendee_id)
        print(_line(late, event, person.name if person else ""))
    return 0


def run_list(args: argparse.Namespace) -> int:
    db = open_database(args, need_write=False)
    event = require_event(db)
    try:
        found = late_checkins(db, event, args.session)
    except LateCheckinError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print_json([as_json(late) for late in found])
        return 0
    if not found:
        print("no late check-ins")
    for late in found:
        person = attendees.find_by_id(db, late.attendee_id)
        print(_line(late, event, person.name if person else ""))
    return 0
