"""`kiosk photos import DIR`: attendee photos for the door, on the organiser's machine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.common import add_db_argument, open_database, require_event
from kiosk.cli.errors import CommandError
from kiosk.cli.progress import Progress

SHOWN_BAD = 20  # bad files listed on stderr; the count says how many in all


def register(sub: Any) -> None:
    photos = sub.add_parser("photos", help="attendee photos shown at the door")
    commands = photos.add_subparsers(dest="photos_command", required=True, metavar="import")
    p = commands.add_parser(
        "import",
        help="store a photo per file ID.jpg / ID.png of a folder (all or none); they travel "
        "with the next publish",
    )
    p.add_argument("folder", type=Path)
    add_db_argument(p)
    p.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    from kiosk.importing.photos import PhotosRefused, import_photos

    db = open_database(args)
    require_event(db)
    shown = Progress("photos", "files")
    try:
        report = import_photos(db, args.folder, lambda done, _total: shown.update(done))
    except (NotADirectoryError, ValueError) as exc:
        raise CommandError(f"{exc}; no photo imported") from None
    except PhotosRefused as exc:
        shown.done()
        for bad in exc.bad[:SHOWN_BAD]:
            print(f"  {bad.name}: {bad.reason}", file=sys.stderr)
        more = len(exc.bad) - SHOWN_BAD
        if more > 0:
            print(f"  ... and {more} more", file=sys.stderr)
        raise CommandError(
            f"{len(exc.bad)} bad photo files in {args.folder}; none imported"
        ) from None
    shown.done()
    print(
        f"imported {report.imported} photos (average {report.average_bytes / 1024:.1f} kB); "
        "they reach the kiosks with the next 'kiosk publish'"
    )
    return 0
