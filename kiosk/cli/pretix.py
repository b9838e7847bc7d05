"""`kiosk pretix ...`: the organiser's pretix settings for this event: trusted pretix_sig1
keys, the product -> type map, the event date, revoked and blocked secrets. All travel to
the kiosks with `kiosk publish`; only the organiser's machine may set them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.cli import pretix_pull
from kiosk.cli.common import add_db_argument, db_path, open_database, require_event
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.passphrase import organiser_root
from kiosk.importing.pretix_pages import PagesError, read_pages
from kiosk.store import pretix
from kiosk.store.db import write
from kiosk.store.keyfiles import key_dir_for
from kiosk.store.organiser_setup import NotOrganiser


def register(sub: Any) -> None:
    top = sub.add_parser("pretix", help="pretix tickets: keys, products, revoked secrets")
    pretix_sub = top.add_subparsers(dest="pretix_command", metavar="ACTION", required=True)
    p = pretix_sub.add_parser(
        "key",
        help="organiser: trust a pretix_sig1 public key (as valid_keys lists it: base64 PEM)",
    )
    p.add_argument("keys", nargs="*", metavar="B64PEM", help="one or more keys")
    p.add_argument("--remove", metavar="KEY_ID", help="stop trusting a key ('pretix keys')")
    add_db_argument(p)
    p.set_defaults(func=run_key)
    p = pretix_sub.add_parser("keys", help="list the pretix keys this event trusts")
    add_db_argument(p)
    p.set_defaults(func=run_keys)
    p = pretix_sub.add_parser(
        "items", help="organiser: map pretix products (id or name) to attendee types"
    )
    p.add_argument("pairs", nargs="*", metavar="ITEM=TYPE", help="TYPE empty: unmap")
    add_db_argument(p)
    p.set_defaults(func=run_items)
    p = pretix_sub.add_parser(
        "date", help="organiser: the pretix date (subevent id) this event admits; 0: any"
    )
    p.add_argument("subevent", type=int)
    add_db_argument(p)
    p.set_defaults(func=run_date)
    p = pretix_sub.add_parser(
        "revoke",
        help="organiser: revoked and blocked secrets from pretix's API pages (saved JSON)",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE.json")
    p.add_argument(
        "--blocked", action="store_true", help="the pages are blocked secrets, whatever they say"
    )
    add_db_argument(p)
    p.set_defaults(func=run_revoke)
    pretix_pull.register(pretix_sub)  # `kiosk pretix pull` (the REST API, online)


def _organiser_db(args: argparse.Namespace) -> Database:
    db = open_database(args)
    try:
        organiser_root(db, key_dir_for(db_path(args)))
    except NotOrganiser as exc:
        raise CommandError(str(exc)) from None
    return db


def run_key(args: argparse.Namespace) -> int:
    if not args.keys and not args.remove:
        raise UsageError("give one or more pretix keys, or --remove KEY_ID")
    db = _organiser_db(args)
    with write(db):
        if args.remove and not pretix.distrust_key(db, args.remove):
            raise CommandError(f"no trusted pretix key {args.remove!r} ('kiosk pretix keys')")
        try:
            added = [pretix.trust_key(db, text) for text in args.keys]
        except ValueError as exc:
            raise CommandError(f"{exc}; nothing changed") from None
    for kid in added:
        print(f"pretix key {kid} trusted")
    if args.remove:
        print(f"pretix key {args.remove} no longer trusted: its tickets are refused")
    print("publish, and every kiosk verifies pretix tickets with these keys")
    return 0


def run_keys(args: argparse.Namespace) -> int:
    db = open_database(args, need_write=False)
    for key in pretix.trusted_keys(db):
        print(f"{key['key_id']}  {key['pem_b64']}")
    for key in pretix.distrusted_keys(db):
        print(f"{key['key_id']}  (no longer trusted)")
    return 0


def run_items(args: argparse.Namespace) -> int:
    mapping: dict[str, str] = {}
    for pair in args.pairs:
        item, sep, kind = pair.partition("=")
        if not sep or not item.strip():
            raise UsageError(f"{pair!r}: give ITEM=TYPE (a pretix product id or name)")
        mapping[item.strip()] = kind.strip()
    db = _organiser_db(args) if mapping else open_database(args, need_write=False)
    event = require_event(db)
    unknown = sorted({k for k in mapping.values() if k and event.type(k) is None})
    if unknown:
        known = ", ".join(t.id for t in event.types)
        raise CommandError(f"no attendee type {unknown[0]!r} in this event (it has: {known})")
    if mapping:
        with write(db):
            try:
                pretix.set_items(db, mapping)
            except ValueError as exc:
                raise CommandError(f"{exc}; nothing changed") from None
    for item, kind in pretix.items(db).items():
        print(f"{item} = {kind}")
    return 0


def run_date(args: argparse.Namespace) -> int:
    db = _organiser_db(args)
    with write(db):
        try:
            pretix.set_subevent(db, args.subevent)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
    shown = f"date {args.subevent} only" if args.subevent else "any date"
    print(f"pretix tickets admitted: {shown}")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    try:
        pages = [read_pages(path, args.blocked) for path in args.files]
    except PagesError as exc:
        raise CommandError(f"{exc}; nothing changed") from None
    db = _organiser_db(args)
    revoked = [s for p in pages for s in p.revoked]
    blocked = {s: b for p in pages for s, b in p.blocked.items()}
    with write(db):
        new = pretix.add_revoked(db, revoked)
        pretix.set_blocked(db, [s for s, b in blocked.items() if b], True)
        pretix.set_blocked(db, [s for s, b in blocked.items() if not b], False)
    lifted = sum(1 for b in blocked.values() if not b)
    print(
        f"pretix: {len(revoked)} revoked secrets ({new} new), "
        f"{len(blocked) - lifted} blocked, {lifted} unblocked: publish to tell the kiosks"
    )
    return 0
