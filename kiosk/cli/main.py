"""Entry point of the `kiosk` command: builds the parser from the command modules and runs one."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from importlib import metadata

from kiosk.cli.errors import CommandError
from kiosk.logs import LOG_ENV
from kiosk.store import cipher
from kiosk.store.db import StoreError, describe_error

# Each module has register(subparsers); a command sets `func(args) -> int` with set_defaults.
COMMAND_MODULES = (
    "kiosk.cli.data",
    "kiosk.cli.scan",
    "kiosk.cli.late_checkin",
    "kiosk.cli.keys",
    "kiosk.cli.importer",
    "kiosk.cli.pretix",
    "kiosk.cli.decode",
    "kiosk.cli.watch",
    "kiosk.cli.badges",
    "kiosk.cli.desk",
    "kiosk.cli.cards",
    "kiosk.cli.photos",
    "kiosk.cli.printer",
    "kiosk.cli.gui",
    "kiosk.cli.pin",
    "kiosk.cli.hub",
    "kiosk.cli.sync",
    "kiosk.cli.report",
    "kiosk.cli.inside",
    "kiosk.cli.kiosk_session",
    "kiosk.cli.trust",
    "kiosk.cli.backup",
    "kiosk.cli.encrypt",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"kiosk: {message} (see 'kiosk --help')\n")


def installed_version() -> str:
    """The version pip installed (the package metadata), the one truth for `kiosk --version`."""
    try:
        return metadata.version("kiosk")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk", description="Offline-first conference check-in kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {installed_version()}")
    parser.add_argument(
        "--log-file",
        metavar="PATH",
        help=f"the screens' log file (as ${LOG_ENV}; default: kiosk.log in the user log folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.log_file:
        os.environ[LOG_ENV] = str(args.log_file)  # for setup_logging, here and in children
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        status: int = args.func(args)
    except CommandError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.status
    except StoreError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    except cipher.Error as exc:
        # A write refused mid-command (the lock held past the busy timeout, a disk that
        # filled): write() rolled its transaction back, so one line is the whole story.
        from kiosk.cli.common import db_path

        print(f"kiosk: {describe_error(db_path(args), exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        sys.stderr.close()
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
