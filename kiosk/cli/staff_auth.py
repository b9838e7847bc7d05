"""The staff PIN at the command line: every staff command takes it as the screens do, checked
by the same StaffPin service with its lock-out, before anything changes."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from typing import Any

from kiosk.cli.errors import CommandError, UsageError

PIN_HELP = "staff PIN (default: $KIOSK_STAFF_PIN, else asked on the terminal)"


def add_pin_argument(p: argparse.ArgumentParser, help: str = PIN_HELP) -> None:
    p.add_argument("--pin", help=help)


def ask_on_terminal(prompt: str) -> str | None:
    """Typed without echo; None where nobody can type (no terminal, or end of input)."""
    # getpass falls back to reading stdin (and echoing) without a terminal, then fails
    # with EOFError on an empty one: ask only where someone can type.
    if sys.stdin is None or not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt)
    except EOFError:
        return None


def staff_pin(args: argparse.Namespace) -> str | None:
    """--pin, else $KIOSK_STAFF_PIN, else typed without echo where there is a terminal."""
    if getattr(args, "pin", None) is not None:
        return str(args.pin)
    if os.environ.get("KIOSK_STAFF_PIN"):
        return os.environ["KIOSK_STAFF_PIN"]
    return ask_on_terminal("staff PIN: ")


def pin_refused(result: Any) -> str:
    """Why a PinCheck failed, in one line."""
    if result.locked_for > 0:
        return f"the staff PIN is locked out for {result.locked_for:.0f} s after wrong PINs"
    left = f" ({result.tries_left} tries left before a lock-out)" if result.tries_left else ""
    return f"wrong staff PIN{left}"


def require_staff_pin(args: argparse.Namespace, db: Any, action: str) -> str:
    """The staff PIN, checked (a wrong one counts toward the lock-out), or a one-line
    CommandError saying `action` was not done."""
    from kiosk.service.staff_pin import StaffPin

    service = StaffPin(db)
    if not service.is_set():
        raise CommandError(
            f"{action} needs the staff PIN and this kiosk has none: set one with 'kiosk pin set'"
        )
    pin = staff_pin(args)
    if pin is None:
        raise UsageError(
            f"{action} needs the staff PIN: give --pin PIN or $KIOSK_STAFF_PIN, or run it "
            "on a terminal; nothing done"
        )
    result = service.check(pin)
    if not result.ok:
        raise CommandError(f"{pin_refused(result)}: {action} not done")
    return pin


def checked(pin: str | None) -> Callable[[str], bool]:
    """A verify_pin for the services once require_staff_pin has checked the PIN, so one
    command costs one slow hash and one try, not one per badge."""
    return lambda typed: pin is not None and typed == pin
