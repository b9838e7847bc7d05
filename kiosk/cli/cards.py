"""`kiosk card lost|assign` and `kiosk note`: staff records on contactless cards and on the
attention notes door staff see (issue 15); at a desk or on the organiser's machine."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.badges import STAFF_NEEDED
from kiosk.cli.common import add_db_argument, open_database, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.staff_auth import add_pin_argument, checked, require_staff_pin
from kiosk.store import attendees


def register(sub: Any) -> None:
    card = sub.add_parser("card", help="contactless cards: report one lost, hand one out")
    cards = card.add_subparsers(dest="card_command", required=True, metavar="lost|assign")
    p = cards.add_parser("lost", help="refuse a card at every door from now on (staff PIN)")
    p.add_argument("uid", help="the card's UID as the reader types it")
    p.add_argument("--reason", required=True, help="why (logged), e.g. 'lost on day 1'")
    add_pin_argument(p)
    add_db_argument(p)
    p.set_defaults(func=run_card_lost)
    p = cards.add_parser("assign", help="hand a card to an attendee (staff PIN)")
    p.add_argument("attendee_id")
    p.add_argument("uid", help="the card's UID as the reader types it")
    add_pin_argument(p)
    add_db_argument(p)
    p.set_defaults(func=run_card_assign)

    p = sub.add_parser(
        "note", help='set an attendee\'s attention note for door staff ("" clears it; staff PIN)'
    )
    p.add_argument("attendee_id")
    p.add_argument("text", help='e.g. "wheelchair user: open the side door"')
    add_pin_argument(p)
    add_db_argument(p)
    p.set_defaults(func=run_note)


def _records(args: argparse.Namespace, action: str) -> tuple[Any, str]:
    from kiosk.service.door_fields import StaffRecords

    db = open_database(args)
    event = require_event(db)
    pin = require_staff_pin(args, db, action)
    return StaffRecords(db, event, verify_pin=checked(pin)), pin


def _attendee(db: Any, attendee_id: str) -> Any:
    person = attendees.find_by_id(db, attendee_id)
    if person is None:
        raise CommandError(f"no attendee with id {attendee_id!r}")
    return person


def _done(result: Any, kind: type) -> Any:
    if not isinstance(result, kind):
        raise CommandError(STAFF_NEEDED.get(result.reason, result.reason))
    return result


def run_card_lost(args: argparse.Namespace) -> int:
    from kiosk.service.door_fields import CardLost
    from kiosk.service.pickup import PickupError

    service, pin = _records(args, "reporting a card lost")
    try:
        lost = _done(service.report_card_lost(args.uid, pin=pin, reason=args.reason), CardLost)
    except PickupError as exc:
        raise UsageError(f"{exc}; nothing changed") from None
    who = f"{lost.holder.id} ({lost.holder.name})" if lost.holder else "nobody"
    print(f"card {lost.uid} of {who} reported lost: refused at every door (after sync)")
    return 0


def run_card_assign(args: argparse.Namespace) -> int:
    from kiosk.domain.attendee import Attendee
    from kiosk.service.pickup import PickupError

    service, pin = _records(args, "handing out a card")
    person = _attendee(service.db, args.attendee_id)
    try:
        new = _done(service.assign_card(person, args.uid, pin=pin), Attendee)
    except PickupError as exc:
        raise UsageError(f"{exc}; nothing changed") from None
    print(f"card {new.card_uid} now identifies {new.id} ({new.name})")
    return 0


def run_note(args: argparse.Namespace) -> int:
    from kiosk.domain.attendee import Attendee
    from kiosk.service.pickup import PickupError

    service, pin = _records(args, "setting an attention note")
    person = _attendee(service.db, args.attendee_id)
    try:
        new = _done(service.set_note(person, args.text, pin=pin), Attendee)
    except PickupError as exc:
        raise UsageError(f"{exc}; nothing changed") from None
    print(
        f"note of {new.id} ({new.name}): {new.note!r}" if new.note else f"note of {new.id} cleared"
    )
    return 0
