"""`kiosk scan`, `kiosk admit` and `kiosk undo`: the door's decisions from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from kiosk.cli.common import add_db_argument, open_service, parse_time, print_json
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.staff_auth import add_pin_argument, require_staff_pin
from kiosk.domain.decision import Decision, Direction
from kiosk.service.checkin import CheckInError, CheckInService, OverrideNeeded


def register(sub: Any) -> None:
    p = sub.add_parser("scan", help="decide and record one scanned code")
    p.add_argument("code", help="the scanned text (badge code or ticket code)")
    p.add_argument("--hall", required=True, help="hall id (see 'kiosk event show')")
    p.add_argument("--exit", action="store_true", help="record an exit instead of an entry")
    p.add_argument("--at", help="decision time, ISO-8601 (default: now)")
    p.add_argument("--json", action="store_true", help="print the decision as one JSON object")
    add_db_argument(p)
    p.set_defaults(func=run_scan)

    p = sub.add_parser("admit", help="admit an attendee manually, with a reason (logged)")
    p.add_argument("attendee_id")
    p.add_argument("--hall", required=True)
    p.add_argument("--reason", required=True, help="why staff admitted by hand")
    p.add_argument(
        "--override",
        action="store_true",
        help="admit even where a scan would refuse (no access, session full...): the record"
        " keeps which rule was overridden",
    )
    p.add_argument("--at", help="time, ISO-8601 (default: now)")
    p.add_argument("--json", action="store_true")
    add_pin_argument(p)
    add_db_argument(p)
    p.set_defaults(func=run_admit)

    p = sub.add_parser("undo", help="undo this kiosk's last admission or exit (<= 15 minutes)")
    p.add_argument("--at", help="time, ISO-8601 (default: now)")
    p.add_argument("--reason", default="", help="note kept with the correction")
    p.add_argument("--json", action="store_true")
    add_pin_argument(p)
    add_db_argument(p)
    p.set_defaults(func=run_undo)


def describe(decision: Decision) -> str:
    who = decision.attendee.name or decision.attendee.id if decision.attendee else "-"
    parts = [decision.verdict.value.upper(), decision.reason, who]
    if decision.session:
        parts.append(f"session {decision.session}")
    if decision.occupancy is not None:
        parts.append(f"{decision.occupancy}/{decision.capacity} inside")
    if decision.warnings:
        parts.append("warning: " + ", ".join(decision.warnings))
    if decision.extra:  # what the reason is about: a pretix product id, a validity limit
        parts.append(" ".join(f"{k}={v}" for k, v in decision.extra.items()))
    if decision.attention:
        parts.append("note for staff: " + decision.attention.replace("\n", " / "))
    if decision.repeat:
        parts.append("(repeat scan, not recorded again)")
    return "  ".join(parts)


def _report(decision: Decision, as_json: bool) -> int:
    if as_json:
        print_json(decision.to_json())
    else:
        print(describe(decision))
    return 0 if decision.verdict.accepted else 1


def run_scan(args: argparse.Namespace) -> int:
    service = open_service(args)
    when = parse_time(args.at, service.event)
    direction = Direction.EXIT if args.exit else Direction.ENTRY
    try:
        decision = service.scan(args.code, args.hall, direction, when)
    except CheckInError as exc:
        raise UsageError(str(exc)) from None
    return _report(decision, args.json)


def run_admit(args: argparse.Namespace) -> int:
    """Staff work, as behind the door screen's PIN: the PIN is checked before anything."""
    service = open_service(args)
    when = parse_time(args.at, service.event)
    require_staff_pin(args, service.db, "a manual admission")
    override: str | None = None
    if args.override:
        # The rule overridden is the one a scan would apply now: shown, and kept in the log.
        override = _would_refuse(service, args.attendee_id, args.hall, when)
    try:
        decision = service.admit_manually(
            args.attendee_id, args.hall, args.reason, when, override=override
        )
    except OverrideNeeded as exc:
        raise CommandError(f"{exc}; add --override to admit anyway (logged)") from None
    except CheckInError as exc:
        raise UsageError(str(exc)) from None
    return _report(decision, args.json)


def _would_refuse(
    service: CheckInService, attendee_id: str, hall: str, when: dt.datetime | None
) -> str | None:
    try:
        would = service.would_decide(attendee_id, hall, when)
    except CheckInError as exc:
        raise UsageError(str(exc)) from None
    return None if would.verdict.lets_in else would.reason


def run_undo(args: argparse.Namespace) -> int:
    service = open_service(args)
    when = parse_time(args.at, service.event)
    require_staff_pin(args, service.db, "an undo")
    try:
        decision = service.undo_last(when, args.reason)
    except CheckInError as exc:
        raise CommandError(str(exc)) from None
    return _report(decision, args.json)
