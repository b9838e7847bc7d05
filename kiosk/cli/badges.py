"""`kiosk badges` (many badges into one PDF) and `kiosk print-badge` (the staff desk)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.cli.common import add_db_argument, db_path, open_database, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.staff_auth import add_pin_argument, checked, require_staff_pin
from kiosk.domain.attendee import Attendee
from kiosk.store import attendees, settings
from kiosk.store.keyfiles import key_dir_for, signing_key
from kiosk.store.prints import PrintKind

SIZES = ("a6", "label4x3", "cr80")
PRINTER_SETTING = "printer"  # the kiosk's badge printer (a CUPS queue name)
SIZE_SETTING = "badge_size"


def register(sub: Any) -> None:
    p = sub.add_parser("badges", help="render badges into one PDF, a page each, for pre-printing")
    p.add_argument("--out", type=Path, required=True, help="the PDF to write")
    p.add_argument("--type", dest="type_id", help="only attendees of this type")
    p.add_argument("--ids", type=Path, help="a file of attendee ids, one a line, in page order")
    p.add_argument("--size", choices=SIZES, help="badge size (default: the kiosk's, else a6)")
    p.add_argument(
        "--proof",
        action="store_true",
        help="a proof to check the layout: every page stamped PROOF, nothing logged as printed",
    )
    p.add_argument(
        "--reprint",
        metavar="REASON",
        help="also badges printed before, logged as reprints with this reason; without it "
        "they are skipped",
    )
    add_pin_argument(
        p,
        "staff PIN: every badge is logged as printed (default: $KIOSK_STAFF_PIN, else asked "
        "on the terminal; --proof needs none)",
    )
    add_db_argument(p)
    p.set_defaults(func=run_badges)

    p = sub.add_parser(
        "print-badge", help="print one attendee's badge (a second one needs the PIN)"
    )
    p.add_argument("attendee_id")
    add_output_arguments(p)
    p.add_argument("--reason", default="", help="why a badge is printed again (reprints)")
    add_pin_argument(
        p, "staff PIN for a reprint (default: $KIOSK_STAFF_PIN, else asked on the terminal)"
    )
    add_db_argument(p)
    p.set_defaults(func=run_print_badge)


def start_qt() -> object:
    """A GUI application for fonts and painting; offscreen where there is no display."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["kiosk"])


def read_ids(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"cannot read {path}: {exc}") from None
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


def _selected(args: argparse.Namespace, db: Any) -> list[Attendee]:
    if args.ids is None:
        return list(attendees.iter_all(db, args.type_id))
    wanted = read_ids(args.ids)
    found = [(aid, attendees.find_by_id(db, aid)) for aid in wanted]
    missing = [aid for aid, a in found if a is None]
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise CommandError(f"{len(missing)} unknown attendee id(s) in {args.ids}: {shown}")
    return [a for _, a in found if a is not None and (not args.type_id or a.type == args.type_id)]


class _Progress:
    """A bar on stderr when it is a terminal; always a summary line at the end."""

    def __init__(self, total: int) -> None:
        self.total, self.started = total, time.perf_counter()
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int) -> None:
        if self.tty and (done == self.total or done % 5 == 0):
            filled = 30 * done // max(self.total, 1)
            rate = done / max(time.perf_counter() - self.started, 1e-9)
            bar = "#" * filled + "." * (30 - filled)
            print(f"\r[{bar}] {done}/{self.total} ({rate:.0f}/s)", end="", file=sys.stderr)

    def finish(self, out: Path) -> None:
        elapsed = time.perf_counter() - self.started
        if self.tty:
            print(file=sys.stderr)
        rate = self.total / max(elapsed, 1e-9)
        print(f"{self.total} badges -> {out} in {elapsed:.1f} s ({rate:.0f}/s)", file=sys.stderr)


def run_badges(args: argparse.Namespace) -> int:
    """Pre-printing: the PDF holds one page per badge, and (unless --proof) each badge is
    logged as printed once the file is written, so a self-service kiosk will not print
    a second one without staff."""
    db = open_database(args)
    event = require_event(db)
    size = args.size or settings.get(db, SIZE_SETTING) or "a6"
    if args.type_id and event.type(args.type_id) is None:
        raise UsageError(f"unknown attendee type {args.type_id!r}")
    chosen = _selected(args, db)
    if not chosen:
        raise CommandError("no attendee matches: no PDF written")
    start_qt()
    from kiosk.printing.badge import badge_for
    from kiosk.printing.output import write_pdf
    from kiosk.printing.painter import BadgePainter
    from kiosk.printing.template import TemplateError, load_template

    key = signing_key(key_dir_for(db_path(args)), event.id)
    service, jobs = _jobs(args, db, event, key, chosen)
    try:
        painter = BadgePainter(load_template(), size)
    except TemplateError as exc:
        raise CommandError(str(exc)) from None
    photo_dir = db_path(args).parent

    def badges() -> Iterator[Any]:
        for job in jobs:
            yield badge_for(event, job.attendee, job.code, photo_dir=photo_dir)

    progress = _Progress(len(jobs))
    try:
        write_pdf(painter, badges(), args.out, on_page=progress, stamp="PROOF" * args.proof)
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc}") from None
    if not args.proof:
        service.record_prints(jobs, f"pdf:{args.out.resolve()}")
    progress.finish(args.out)
    if key is None:
        print("note: no signing key here: the QR codes hold ticket codes", file=sys.stderr)
    return 0


def _jobs(
    args: argparse.Namespace, db: Any, event: Any, key: Any, chosen: list[Attendee]
) -> tuple[Any, list[Any]]:
    """The service and the badges that may print: cancelled registrations never, badges
    printed before only with --reprint. Logging everyone as printed is staff work: the
    staff PIN is checked once, before anything is written; a proof logs nothing."""
    from kiosk.service.pickup import PickupService, PrintJob, StaffNeeded

    pin = None if args.proof else require_staff_pin(args, db, "printing badges (logged)")
    service = PickupService(db, event, signing_key=key, verify_pin=checked(pin))
    jobs, skipped = [], {"already_printed": 0, "cancelled": 0}
    for person in chosen:
        if args.proof:
            job: PrintJob | StaffNeeded = PrintJob(
                person, service.badge_code(person), PrintKind.FIRST, "", False
            )
        else:
            reprint_pin = pin if args.reprint is not None else None  # else reprints skipped
            job = service.prepare_print(person, pin=reprint_pin, reason=args.reprint or "")
        if isinstance(job, StaffNeeded):
            skipped[job.reason] = skipped.get(job.reason, 0) + 1
        else:
            jobs.append(job)
    if skipped["already_printed"]:
        print(
            f"skipped {skipped['already_printed']} badge(s) printed before "
            "(--reprint REASON prints them again)",
            file=sys.stderr,
        )
    if skipped["cancelled"]:
        print(f"skipped {skipped['cancelled']} cancelled registration(s)", file=sys.stderr)
    if not jobs:
        raise CommandError("no badge left to print: no PDF written")
    return service, jobs


def run_print_badge(args: argparse.Namespace) -> int:
    db = open_database(args)
    event = require_event(db)
    attendee = attendees.find_by_id(db, args.attendee_id)
    if attendee is None:
        raise CommandError(f"no attendee with id {args.attendee_id!r}")
    from kiosk.service.pickup import PickupService

    key = signing_key(key_dir_for(db_path(args)), event.id)
    output = badge_output(args, db, event)
    pin = None  # a first print is self-service, as at pickup; a reprint is staff work
    if PickupService(db, event, signing_key=key).needs_staff(attendee) and not attendee.cancelled:
        if not args.reason:  # said before the PIN is asked for, so a try is not wasted
            given = args.pin is not None or os.environ.get("KIOSK_STAFF_PIN")
            raise CommandError(STAFF_NEEDED["reason_required" if given else "already_printed"])
        pin = require_staff_pin(args, db, "a reprint")
    service = PickupService(db, event, signing_key=key, verify_pin=checked(pin))
    return report_print(service.print_badge(attendee, output, pin=pin, reason=args.reason))


STAFF_NEEDED = {
    "already_printed": "this badge was printed before: a reprint needs the staff PIN "
    "(--pin, $KIOSK_STAFF_PIN or a terminal) and --reason",
    "bad_pin": "wrong staff PIN (or none is set, or the PIN pad is locked out): nothing done",
    "reason_required": "a reprint or replacement needs --reason",
    "cancelled": "this registration is cancelled: no badge is printed",
}


def add_output_arguments(p: argparse.ArgumentParser) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument("--printer", help="system printer (default: the kiosk's setting)")
    where.add_argument("--pdf", type=Path, help="write the badge to this PDF instead")
    p.add_argument("--size", choices=SIZES)


def badge_output(args: argparse.Namespace, db: Any, event: Any) -> Any:
    """The printer or PDF file of --printer / --pdf / the kiosk's settings (Qt started)."""
    start_qt()
    from kiosk.printing.output import PdfOutput, SystemPrinterOutput
    from kiosk.printing.painter import BadgePainter
    from kiosk.printing.template import load_template

    painter = BadgePainter(load_template(), args.size or settings.get(db, SIZE_SETTING) or "a6")
    if args.pdf is not None:
        return PdfOutput(event, painter, args.pdf, photo_dir=db_path(args).parent)
    printer = args.printer or settings.get(db, PRINTER_SETTING)
    if not printer:
        raise UsageError("no printer: pass --printer NAME or --pdf FILE")
    return SystemPrinterOutput(event, painter, printer, photo_dir=db_path(args).parent)


def report_print(result: Any) -> int:
    """Say how a print went (a Printed, PrintFailed or StaffNeeded) as the exit status."""
    from kiosk.service.pickup import Printed, PrintFailed

    if isinstance(result, Printed):
        record = result.record
        print(f"printed {record.attendee_id} on {record.printer} [{record.kind}]")
        return 0
    if isinstance(result, PrintFailed):
        raise CommandError(
            f"print failed on {result.record.printer}: {result.record.error} "
            "(logged; the badge does not count as printed)"
        )
    raise CommandError(STAFF_NEEDED.get(result.reason, result.reason))


def main(argv: list[str] | None = None) -> int:
    """Run these two commands alone (`python -m kiosk.cli.badges badges ...`)."""
    from kiosk.cli.main import _Parser

    parser = _Parser(prog="kiosk")
    register(parser.add_subparsers(dest="command", required=True, parser_class=_Parser))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CommandError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.status


if __name__ == "__main__":
    sys.exit(main())
