"""`kiosk import`: load attendees from a registration system's CSV or XLSX export."""

from __future__ import annotations

import argparse
import codecs
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from kiosk.cli.common import add_db_argument, open_database, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.importing import (
    FIELDS,
    ColumnError,
    ImportFileError,
    ImportOptions,
    ImportRefused,
    ImportReport,
    import_file,
    indico,
    parse_map_options,
    parse_type_map,
)
from kiosk.importing.job import check_options
from kiosk.importing.pretix_json import import_pretix_json, looks_like
from kiosk.store import cipher

MAX_LISTED = 50  # bad rows printed; the rest are counted
LARGE_FILE = 10 * 1024 * 1024  # bytes: progress is shown even when stderr is not a terminal

_DESCRIPTION = f"""\
Import attendees from a CSV (UTF-8, UTF-16, GB18030, Windows-1252/Latin-1, or --encoding;
separated by , ; or tab) or XLSX export of a
registration system (pretix, Eventbrite, a spreadsheet). All or nothing: a file with bad
rows is refused, each bad row listed with its number, and the database is left unchanged.
Re-importing a newer export adds new attendees, updates changed ones, and cancels (revokes
the badges of) those the file marks cancelled; the check-in log is never touched.

Columns are found by their headers (Attendee #, Order code + Position ID, First Name,
Given name, 姓名, E-mail, Company, 公司, Ticket Type, Product, 票种, Secret, Barcode #,
Status...). Fields: {", ".join(FIELDS)}."""


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="import attendees from a CSV or XLSX export (all or nothing)",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=Path, help="the export: .csv, .tsv, .txt or .xlsx")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help='take FIELD from the column HEADER, e.g. --map email="E-Mail-Adresse"; '
        "FIELD= (empty) ignores the field; repeatable",
    )
    p.add_argument(
        "--type-map",
        action="append",
        default=[],
        metavar="TICKET=TYPE_ID",
        help='ticket type name in the file -> event type id, e.g. --type-map "Early Bird=visitor"'
        "; repeatable (ids and type names match without it)",
    )
    p.add_argument(
        "--default-type",
        metavar="TYPE_ID",
        help="type for rows with an empty ticket type, or for a file without a type column",
    )
    p.add_argument(
        "--cancel-missing",
        action="store_true",
        help="cancel and revoke attendees absent from the file (the file is a full export); "
        "without it they are left as they are",
    )
    p.add_argument("--dry-run", action="store_true", help="check the file and count, write nothing")
    p.add_argument(
        "--indico-secrets",
        action="append",
        default=[],
        type=Path,
        metavar="CHECKIN.json",
        help="Indico: the check-in API's registrations (saved JSON) giving each row of "
        "Indico's export its ticket QR; with --indico-event; repeatable (one per form)",
    )
    p.add_argument(
        "--indico-event",
        metavar="URL",
        help="Indico: the event's address, e.g. https://indico.example.org/event/1234/",
    )
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help="a CSV's text encoding, e.g. cp1250, cp1252, gb18030, utf-8 (default: a BOM, "
        "else detected among UTF-8, GB18030 and Windows-1252/Latin-1)",
    )
    add_db_argument(p)
    p.set_defaults(func=run_import)


class ProgressLine:
    """Progress on stderr: one line redrawn in place on a terminal; elsewhere (a log) only
    for large files, a line per stage and quarter, so logs are not flooded."""

    def __init__(self, stream: TextIO, name: str, large: bool) -> None:
        self.stream, self.name = stream, name
        self.tty = stream.isatty()
        self.enabled = self.tty or large
        self.drawn = 0
        self.last_draw = 0.0
        self.last_mark: tuple[str, int] = ("", -1)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        percent = min(100, done * 100 // total) if total else 0
        text = {
            "read": f"{self.name}: reading and checking, {percent}%",
            "write": f"{self.name}: writing {done:,} of {total:,} attendees",
            "index": f"{self.name}: rebuilding the search index...",
        }.get(stage, f"{self.name}: {stage}")
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw < 0.1 and done < total:
                return
            self.last_draw = now
            self.stream.write("\r" + text.ljust(self.drawn))
            self.drawn = len(text)
        else:
            mark = (stage, percent // 25)
            if mark == self.last_mark or (stage == "index" and done):
                return
            self.last_mark = mark
            self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0


def _encoding(name: str | None) -> str | None:
    if name is not None:
        try:
            codecs.lookup(name)
        except LookupError:
            raise UsageError(
                f"unknown encoding {name!r} for --encoding (e.g. cp1250, cp1252, gb18030)"
            ) from None
    return name


def options_from(args: argparse.Namespace) -> ImportOptions:
    try:
        return ImportOptions(
            mapping=parse_map_options(args.map),
            type_map=parse_type_map(args.type_map),
            default_type=args.default_type,
            cancel_missing=args.cancel_missing,
            dry_run=args.dry_run,
            encoding=_encoding(args.encoding),
        )
    except ColumnError as exc:
        raise UsageError(str(exc)) from None


def run_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    options = options_from(args)
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    db = open_database(args)
    event = require_event(db)
    try:
        check_options(event, options)
        read = indico.reader(args.indico_secrets, args.indico_event)
    except ColumnError as exc:
        raise UsageError(str(exc)) from None
    except ImportFileError as exc:
        raise CommandError(str(exc)) from None
    size = path.stat().st_size
    meter = ProgressLine(sys.stderr, path.name, large=size >= LARGE_FILE)
    try:
        if looks_like(path):  # pretix's "Order data (JSON)" export
            report = import_pretix_json(db, event, path, options, meter)
        else:
            report = import_file(db, event, path, options, meter, read)
    except ImportRefused as exc:
        meter.finish()
        _list_bad_rows(exc)
        return 1
    except (ImportFileError, ColumnError) as exc:
        meter.finish()
        raise CommandError(str(exc)) from None
    except cipher.Error as exc:
        meter.finish()
        raise CommandError(
            f"{path}: the database refused the import ({exc}); nothing changed"
        ) from None
    finally:
        db.conn.close()
    meter.finish()
    for warning in report.warnings:
        print(f"kiosk: warning: {warning}", file=sys.stderr)
    print(summary(report))
    return 0


def _list_bad_rows(exc: ImportRefused) -> None:
    err = sys.stderr
    print(
        f"kiosk: {exc.path}: {exc.count:,} bad rows; nothing was imported, "
        "the database is unchanged",
        file=err,
    )
    for bad in exc.bad[:MAX_LISTED]:
        print(f"  row {bad.row}: {bad.reason}", file=err)
    if exc.count > MAX_LISTED:
        print(f"  and {exc.count - MAX_LISTED:,} more", file=err)


def summary(report: ImportReport) -> str:
    """The one line every import ends with (also without a terminal)."""
    c = report.counts
    head = f"{report.path}: {report.rows:,} attendees ({report.description})"
    if report.dry_run:
        return (
            f"dry run, nothing written: {head}: would add {c.added:,}, update {c.updated:,}, "
            f"cancel {c.cancelled:,}, leave {c.unchanged:,} unchanged; columns: {report.columns}"
        )
    seconds = report.read_seconds + report.write_seconds
    line = (
        f"{head}: {c.added:,} added, {c.updated:,} updated, {c.unchanged:,} unchanged, "
        f"{c.cancelled:,} cancelled in {seconds:.1f} s ({report.rows / max(seconds, 1e-9):,.0f}"
        " rows/s)"
    )
    if report.index_seconds:
        line += f"; search index rebuilt in {report.index_seconds:.1f} s"
    return line
