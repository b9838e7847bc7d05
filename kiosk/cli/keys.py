"""`kiosk keys`, `kiosk code` and `kiosk qr`: the organiser's signing keys and badge codes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.cli.common import add_db_argument, db_path, open_database, require_event
from kiosk.cli.errors import CommandError
from kiosk.cli.passphrase import organiser_root
from kiosk.domain.codes import sign_code
from kiosk.domain.event import Event
from kiosk.domain.qr import qr_matrix
from kiosk.store import attendees, events
from kiosk.store.db import write
from kiosk.store.keyfiles import key_dir_for, signing_key, write_private_key
from kiosk.store.organiser_setup import NotOrganiser


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="the organiser's badge signing keys")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = keys_sub.add_parser("new", help="make a signing key; its public half goes in the database")
    p.add_argument(
        "--key-dir",
        type=Path,
        help="where the private key file goes (default: DB.keys beside the database)",
    )
    add_db_argument(p)
    p.set_defaults(func=run_new)
    p = keys_sub.add_parser("list", help="list the public keys this kiosk trusts")
    add_db_argument(p)
    p.set_defaults(func=run_list)
    p = keys_sub.add_parser(
        "revoke", help="organiser: stop trusting a signing key (a lost desk held it)"
    )
    p.add_argument("key_id", help="as 'kiosk keys list' prints it")
    add_db_argument(p)
    p.set_defaults(func=run_revoke)

    p = sub.add_parser("code", help="print an attendee's signed badge code")
    p.add_argument("attendee_id")
    p.add_argument("--key-dir", type=Path)
    add_db_argument(p)
    p.set_defaults(func=run_code)

    p = sub.add_parser("qr", help="write an attendee's badge QR as a PNG")
    p.add_argument("attendee_id")
    p.add_argument("--out", type=Path, required=True, help="PNG file to write")
    p.add_argument("--scale", type=int, default=8, help="pixels per module (default 8)")
    p.add_argument("--key-dir", type=Path)
    add_db_argument(p)
    p.set_defaults(func=run_qr)


def _key_dir(args: argparse.Namespace) -> Path:
    return Path(args.key_dir) if args.key_dir else key_dir_for(db_path(args))


def new_signing_key(db: Database, event: Event, key_dir: Path) -> tuple[str, Path]:
    """A badge-signing key: only on the organiser's machine, whose publications certify it
    to the kiosks (a kiosk that made one would trust it alone: docs/trust.md)."""
    try:
        organiser_root(db, key_dir)
    except NotOrganiser as exc:
        raise CommandError(str(exc)) from None
    key = Ed25519PrivateKey.generate()
    path = write_private_key(key_dir, event.id, key)
    with write(db):
        kid = events.add_public_key(db, event.id, key.public_key())
    return kid, path


def run_new(args: argparse.Namespace) -> int:
    db = open_database(args)
    kid, path = new_signing_key(db, require_event(db), _key_dir(args))
    print(f"key {kid}: private key in {path} (keep it on this machine); public key stored")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    db = open_database(args)
    key_dir = key_dir_for(db_path(args))
    try:
        organiser_root(db, key_dir)
    except NotOrganiser as exc:
        raise CommandError(str(exc)) from None
    with write(db):
        found = events.revoke_public_key(db, args.key_id)
    if not found:
        raise CommandError(f"no trusted signing key {args.key_id!r} ('kiosk keys list')")
    for private in key_dir.glob(f"*-{args.key_id}.pem"):
        private.rename(private.with_suffix(".revoked"))  # never picked to sign again
    print(f"key {args.key_id} revoked: publish, and every kiosk refuses badges it signed")
    return 0


def run_list(args: argparse.Namespace) -> int:
    db = open_database(args)
    event = require_event(db)
    for kid in sorted(events.public_keys(db, event.id)):
        print(kid)
    return 0


def badge_code(args: argparse.Namespace) -> str:
    db = open_database(args)
    event = require_event(db)
    attendee = attendees.find_by_id(db, args.attendee_id)
    if attendee is None:
        raise CommandError(f"no attendee with id {args.attendee_id!r}")
    key = signing_key(_key_dir(args), event.id)
    if key is None:
        raise CommandError(
            f"no signing key for event {event.id!r} in {_key_dir(args)}: kiosks hold public "
            "keys only; run 'kiosk keys new' on the organiser's machine"
        )
    try:
        return sign_code(key, event.id, attendee.id, attendee.type, attendee.badge_issue)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def run_code(args: argparse.Namespace) -> int:
    print(badge_code(args))
    return 0


def run_qr(args: argparse.Namespace) -> int:
    if args.scale < 1 or args.scale > 64:
        raise CommandError("--scale must be between 1 and 64", status=2)
    matrix = np.array(qr_matrix(badge_code(args)), dtype=np.uint8)
    image = np.where(matrix == 1, 0, 255).astype(np.uint8)
    image = np.kron(image, np.ones((args.scale, args.scale), dtype=np.uint8))
    if not cv2.imwrite(str(args.out), image):
        raise CommandError(f"cannot write {args.out}")
    print(args.out)
    return 0
