"""`kiosk pin set` / `pin show`: the staff PIN of this kiosk."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.cli.common import add_db_argument, db_path, open_database
from kiosk.cli.errors import CommandError, UsageError
from kiosk.service.staff_pin import MAX_DIGITS, MIN_DIGITS, PinError, StaffPin

OLD_PIN_WARNING = (
    f"warning: this staff PIN was set before {MIN_DIGITS}-digit PINs and the present hash "
    "cost (it may be 4 digits: a copy of the database gives it away in minutes); change it "
    "with 'kiosk pin set'"
)


def register(sub: Any) -> None:
    p = sub.add_parser("pin", help="set, change or show the staff PIN of this kiosk")
    pin_sub = p.add_subparsers(dest="pin_command", metavar="ACTION", required=True)
    s = pin_sub.add_parser(
        "set",
        help=f"set the first staff PIN, or change it with the current one: {MIN_DIGITS} to "
        f"{MAX_DIGITS} digits",
    )
    s.add_argument("--pin", help="the new PIN (default: ask without echo)")
    how = s.add_mutually_exclusive_group()
    how.add_argument(
        "--current-pin", help="the PIN it replaces (default: ask without echo on a terminal)"
    )
    how.add_argument(
        "--reset",
        action="store_true",
        help="replace a forgotten PIN without the current one: only on the organiser's "
        "machine (the organiser key beside the database)",
    )
    add_db_argument(s)
    s.set_defaults(func=run_pin_set)
    s = pin_sub.add_parser("show", help="whether a PIN is set, its hash cost and any lock-out")
    add_db_argument(s)
    s.set_defaults(func=run_pin_show)


def run_pin_set(args: argparse.Namespace) -> int:
    """The first PIN needs no authority; replacing one needs the current PIN (checked with
    the lock-out, which setting a PIN never clears) or the organiser key (--reset)."""
    from kiosk.cli.staff_auth import ask_on_terminal, pin_refused
    from kiosk.store.keyfiles import key_dir_for
    from kiosk.store.organiser_setup import NotOrganiser

    db = open_database(args)
    service = StaffPin(db)
    first, old = not service.is_set(), service.is_legacy()
    current = None
    if not first and not args.reset:
        current = args.current_pin or ask_on_terminal("current staff PIN: ")
        if current is None:
            raise UsageError(
                "changing the staff PIN needs the current one: give --current-pin PIN or run "
                "on a terminal (a forgotten PIN: --reset on the organiser's machine)"
            )
    new = args.pin if args.pin is not None else _ask_new_pin()
    try:
        if first:
            service.set_pin(new)
        elif current is None:
            service.reset_pin(new, key_dir_for(db_path(args)))
        else:
            result = service.change_pin(current, new)
            if not result.ok:
                raise CommandError(f"{pin_refused(result)}: the staff PIN is not changed")
    except PinError as exc:
        raise UsageError(f"{exc}; nothing changed") from None
    except NotOrganiser as exc:
        raise CommandError(f"--reset refused: {exc}; nothing changed") from None
    done = "set" if first else "reset" if current is None else "changed"
    print(f"staff PIN {done} for {db_path(args)}")
    if old:
        print("(it replaces a PIN set under the old rules)")
    if service.locked_for() > 0:
        print(f"the PIN pad is still locked out for {service.locked_for():.0f} s")
    return 0


def _ask_new_pin() -> str:
    from kiosk.cli.staff_auth import ask_on_terminal

    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("no terminal to type the new PIN on: give it with --pin PIN")
    pin = ask_on_terminal(f"new staff PIN ({MIN_DIGITS} to {MAX_DIGITS} digits): ")
    again = ask_on_terminal("again: ") if pin is not None else None
    if pin is None or again is None:
        raise UsageError("no PIN typed; nothing changed")
    if again != pin:
        raise CommandError("the two PINs differ; nothing changed")
    return pin


def run_pin_show(args: argparse.Namespace) -> int:
    db = open_database(args, need_write=False)
    service = StaffPin(db)
    cost = service.cost()
    if not service.is_set():
        print("no staff PIN: set one with 'kiosk pin set'")
        return 1
    how = f"scrypt N=2^{cost.n.bit_length() - 1} r={cost.r} p={cost.p}" if cost else "unreadable"
    wait = service.locked_for()
    locked = f"locked out for {wait:.0f} s" if wait > 0 else "not locked out"
    print(f"staff PIN set ({how}); {locked}")
    if service.is_legacy():
        print(OLD_PIN_WARNING, file=sys.stderr)
    return 0
