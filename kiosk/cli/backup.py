"""`kiosk backup FILE`: a consistent copy of this kiosk's database, safe while it runs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk.cli.common import add_db_argument, open_database
from kiosk.cli.errors import CommandError
from kiosk.cli.progress import Progress
from kiosk.store import cipher
from kiosk.store.backup import BackupError, backup


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="copy this kiosk's database safely, even while it runs")
    p.add_argument("file", type=Path, help="the new file (it must not exist yet)")
    add_db_argument(p)
    p.set_defaults(func=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    db = open_database(args, need_write=False)
    meter = Progress("backing up", "pages")
    try:
        size = backup(db, args.file, lambda done, _total: meter.update(done))
    except BackupError as exc:
        raise CommandError(str(exc)) from None
    finally:
        meter.done()
    print(f"backed up to {args.file} ({size / 1e6:.1f} MB, owner-readable only)")
    if cipher.is_encrypted(args.file):
        print(f"encrypted as the kiosk is; its key file: {cipher.key_file(args.file)}")
    return 0
