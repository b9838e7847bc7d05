"""`kiosk pretix pull`: an event's tickets, keys, revoked and blocked secrets from a pretix
server's REST API into the organiser's database (then `kiosk publish` takes them to the
kiosks). The API token is read from --token or PRETIX_TOKEN and never stored."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from kiosk.cli.common import add_db_argument, db_path, open_database, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.passphrase import organiser_root
from kiosk.importing.pretix_pull import PullRefused, apply_pull, cursors, source
from kiosk.store.keyfiles import key_dir_for
from kiosk.store.organiser_setup import NotOrganiser
from kiosk.sync.pretix_api import Cursors, PretixApiError, PretixClient

TOKEN_ENV = "PRETIX_TOKEN"
MAX_LISTED = 20


def register(pretix_sub: Any) -> None:
    p = pretix_sub.add_parser(
        "pull",
        help="organiser: fetch a pretix event's tickets, keys, revoked and blocked secrets",
        description="Fetch one pretix event through its REST API into this (the organiser's) "
        "database: products, valid_keys, orders with their positions, revoked and blocked "
        "secrets. Later runs fetch only what changed since the previous one. Then "
        "'kiosk publish' takes it all to the kiosks.",
    )
    p.add_argument("--url", required=True, help="the pretix server, e.g. https://pretix.eu")
    p.add_argument("--organizer", required=True, help="the organiser's short name in pretix")
    p.add_argument("--event", required=True, help="the event's short name in pretix")
    p.add_argument(
        "--token",
        help=f"an API token of a team that may read the event's orders (default: ${TOKEN_ENV}; "
        "never stored)",
    )
    p.add_argument("--full", action="store_true", help="fetch everything, not only what changed")
    add_db_argument(p)
    p.set_defaults(func=run_pull)


def _progress(what: str, done: int, total: int) -> None:
    """On a terminal, each page; in a log, every 1,000 objects of a long pull."""
    tty = sys.stderr.isatty()
    if tty or (total > 1000 and (done % 1000 < 50 or done == total)):
        shown = f"{done:,} of {total:,}" if total else f"{done:,}"
        end = "\r" if tty and done < total else "\n"
        print(f"pretix: {what}: {shown}", end=end, file=sys.stderr, flush=True)


def run_pull(args: argparse.Namespace) -> int:
    token = args.token or os.environ.get(TOKEN_ENV, "")
    if not token:
        raise UsageError(f"give the pretix API token with --token or ${TOKEN_ENV}")
    db = open_database(args)
    try:
        try:
            organiser_root(db, key_dir_for(db_path(args)))
        except NotOrganiser as exc:
            raise CommandError(str(exc)) from None
        event = require_event(db)
        source_id = source(args.url, args.organizer, args.event)
        since = Cursors() if args.full else Cursors(**cursors(db, source_id))
        started = time.monotonic()
        try:
            with PretixClient(args.url, args.organizer, args.event, token) as client:
                pulled = client.pull(since, _progress)
        except PretixApiError as exc:
            raise CommandError(f"pretix pull: {exc}; nothing changed") from None
        try:
            report = apply_pull(
                db, event, source_id, items=pulled.items, orders=pulled.orders,
                valid_keys=pulled.valid_keys, revoked=pulled.revoked, blocked=pulled.blocked,
                next_cursors=vars(pulled.cursors),
            )  # fmt: skip
        except PullRefused as exc:
            print(f"kiosk: pretix pull: {exc}", file=sys.stderr)
            for bad in exc.bad[:MAX_LISTED]:
                print(f"  order {bad.row}: {bad.reason}", file=sys.stderr)
            return 1
    finally:
        db.conn.close()
    for warning in report.warnings:
        print(f"kiosk: warning: {warning}", file=sys.stderr)
    c = report.counts
    print(
        f"pretix {args.organizer}/{args.event}: {report.orders:,} orders "
        f"{'changed' if since.orders else 'in all'}: {c.added:,} attendees added, "
        f"{c.updated:,} updated, {c.cancelled:,} cancelled, {c.unchanged:,} unchanged; "
        f"{len(report.keys)} pretix keys trusted, {report.revoked:,} secrets newly revoked, "
        f"{report.blocked:,} blocked, {report.unblocked:,} unblocked "
        f"({pulled.requests} requests, {time.monotonic() - started:.1f} s)"
    )
    return 0
