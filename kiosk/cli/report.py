"""`kiosk report`: the attendance report as a PDF in the UI language, once, or automatically
every so often and as each session ends (GB 50799 12.2.6)."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.cli.common import add_db_argument, open_database, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.domain.event import Event
from kiosk.printing.language import LANGUAGES, SETTING, ReportLanguage, language_for
from kiosk.store import settings

MIN_EVERY = 1  # minute; a report every few seconds would only wear the disk


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="attendance report as PDF (in the UI language; --every: automatically)",
        description="The attendance report: per session attendance, registered and present, "
        "entries over time, leavers, late check-ins apart from scans, no-shows, conflicts. "
        "With --every it runs on: a report into the folder every N minutes and one as each "
        "session ends, until stopped.",
    )
    p.add_argument("--out", type=Path, required=True, help="FILE.pdf; with --every, a folder")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the report (default: the screens' language, else the system's)",
    )
    p.add_argument("--every", type=int, metavar="MINUTES", help="write a report every MINUTES")
    p.add_argument("--count", type=int, help="with --every: stop after this many reports")
    add_db_argument(p)
    p.set_defaults(func=run_report)


def report_language(db: Database, asked: str | None) -> ReportLanguage:
    """The report's language: --lang, else the one the screens saved, else the system's."""
    code = language_for(asked, settings.get(db, SETTING))
    if code == "en":
        return ReportLanguage()
    from kiosk.ui.i18n import compile_translations

    try:
        lang = ReportLanguage(code, compile_translations())
    except OSError as exc:  # the user cache folder the .qm files are built into
        raise CommandError(f"the {code} translations could not be built: {exc}") from None
    if not lang.loaded:
        raise CommandError(f"the {code} translations could not be built: no report written")
    return lang


def write_report(db: Database, event: Event, out: Path, lang: ReportLanguage) -> str:
    """One report to `out`; the line that says so."""
    from kiosk.cli.report_pages import build_report
    from kiosk.printing.report import render_report
    from kiosk.sync import stats

    figures = stats.compute(db, event)
    now = dt.datetime.now(dt.UTC)
    try:
        pages = render_report(build_report(db, event, figures, lang, now), out)
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror or exc}") from None
    return f"wrote {out} ({pages} pages, {figures.records} records)"


def run_report(args: argparse.Namespace) -> int:
    db = open_database(args, need_write=False)
    event = require_event(db)
    lang = report_language(db, args.lang)
    if args.every is None:
        if args.count is not None:
            raise UsageError("--count goes with --every")
        print(write_report(db, event, args.out, lang))
        return 0
    if args.every < MIN_EVERY:
        raise UsageError(f"--every takes whole minutes, at least {MIN_EVERY}")
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"with --every, --out is a folder: {args.out} is a file")
    run_every(db, event, args.out, lang, dt.timedelta(minutes=args.every), args.count)
    return 0


def next_report(event: Event, last: dt.datetime, every: dt.timedelta) -> dt.datetime:
    """The next moment a report is due: `every` after the last, or sooner when a session
    ends before that (its leavers are final then: the report the chair asks for)."""
    due = last + every
    ends = [s.end for s in event.sessions if last < s.end < due]
    return min(ends, default=due)


def run_every(
    db: Database,
    event: Event,
    folder: Path,
    lang: ReportLanguage,
    every: dt.timedelta,
    count: int | None,
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Reports into `folder` (attendance-YYYYMMDD-HHMM.pdf, event time) until stopped."""
    written = 0
    while count is None or written < count:
        now = clock()
        name = f"attendance-{now.astimezone(event.tz).strftime('%Y%m%d-%H%M')}.pdf"
        print(write_report(db, event, folder / name, lang), flush=True)
        written += 1
        if count is not None and written >= count:
            return
        sleep(max(1.0, (next_report(event, now, every) - clock()).total_seconds()))
