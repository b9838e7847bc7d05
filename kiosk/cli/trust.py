"""`kiosk organiser`, `identity`, `enrol`, `unenrol`, `enrolments`: who a kiosk trusts and who
may send it records (docs/trust.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kiosk.cli.common import add_db_argument, db_path, open_database, print_json
from kiosk.cli.errors import CommandError, UsageError
from kiosk.cli.passphrase import new_passphrase, organiser_root
from kiosk.domain.trust import Role, TrustError, fingerprint, key_text, public_from_text
from kiosk.store import settings, trust_state
from kiosk.store.keyfiles import ORGANISER_FILE, key_dir_for, kiosk_key
from kiosk.store.organiser_setup import NotOrganiser, enrol_kiosk, init_organiser, unenrol_kiosk
from kiosk.sync.schema import SAFE_ID

ROLES = [r.value for r in Role if r is not Role.ORGANISER]


def register(sub: Any) -> None:
    org = sub.add_parser("organiser", help="the organiser's root key: make it, show it")
    org_sub = org.add_subparsers(dest="organiser_command", metavar="ACTION", required=True)
    p = org_sub.add_parser("init", help="make this database the organiser's (root key beside it)")
    add_db_argument(p)
    p.set_defaults(func=run_init)
    p = org_sub.add_parser("show", help="the fingerprint of the organiser this database trusts")
    add_db_argument(p)
    p.set_defaults(func=run_show)

    p = sub.add_parser("identity", help="this kiosk's id and key, for the organiser to enrol")
    p.add_argument("--out", type=Path, help="also write an enrolment request file")
    add_db_argument(p)
    p.set_defaults(func=run_identity)

    p = sub.add_parser("enrol", help="organiser: let a kiosk send records of a role")
    p.add_argument("kiosk_id", nargs="?", help="as 'kiosk identity' printed it")
    p.add_argument("--key", help="the kiosk's public key, as 'kiosk identity' printed it")
    p.add_argument("--request", type=Path, help="a request file from 'kiosk identity --out'")
    p.add_argument("--role", choices=ROLES, required=True)
    add_db_argument(p)
    p.set_defaults(func=run_enrol)

    p = sub.add_parser("unenrol", help="organiser: refuse a kiosk's records from now on")
    p.add_argument("kiosk_id")
    add_db_argument(p)
    p.set_defaults(func=run_unenrol)

    p = sub.add_parser("enrolments", help="the kiosks this database accepts records from")
    p.add_argument("--json", action="store_true")
    add_db_argument(p)
    p.set_defaults(func=run_enrolments)


def organiser_key_exists(key_dir: Path) -> bool:
    return (key_dir / ORGANISER_FILE).exists()


def _key_dir(args: argparse.Namespace) -> Path:
    return key_dir_for(db_path(args))


def run_init(args: argparse.Namespace) -> int:
    db = open_database(args)
    try:
        passphrase = None if organiser_key_exists(_key_dir(args)) else new_passphrase()
        key = init_organiser(db, _key_dir(args), passphrase)
    except NotOrganiser as exc:
        raise CommandError(str(exc)) from None
    print(f"organiser key {fingerprint(key.public_key())} (private half in {_key_dir(args)})")
    print("give kiosks this fingerprint: kiosk sync --hub HUB --organiser FINGERPRINT")
    return 0


def run_show(args: argparse.Namespace) -> int:
    db = open_database(args)
    pinned = trust_state.root(db)
    if pinned is None:
        expected = trust_state.expected_root(db)
        if expected is None:
            raise CommandError("this database trusts no organiser yet")
        print(f"{expected} (to be pinned on the first sync)")
        return 0
    print(fingerprint(pinned))
    return 0


def run_identity(args: argparse.Namespace) -> int:
    db = open_database(args, must_exist=False)
    kiosk_id = settings.kiosk_id(db)
    try:
        public = kiosk_key(_key_dir(args), kiosk_id).public_key()
    except OSError as exc:
        raise CommandError(f"cannot make this kiosk's key in {_key_dir(args)}: {exc}") from None
    enrolled = trust_state.enrolments(db).get(kiosk_id)
    state = "not enrolled yet" if enrolled is None else enrolled.role.value
    if enrolled is not None and enrolled.revoked:
        state = "un-enrolled"
    print(f"kiosk {kiosk_id}: key {fingerprint(public)} ({state})")
    line = f"kiosk enrol {kiosk_id} --key {key_text(public)} --role door|pickup|desk"
    print(f"on the organiser's machine: {line}")
    if args.out:
        request = {"kiosk_id": kiosk_id, "public_key": key_text(public)}
        try:
            args.out.write_text(json.dumps(request, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot write {args.out}: {exc.strerror}") from None
        print(f"request written to {args.out}")
    return 0


def _request(args: argparse.Namespace) -> tuple[str, str]:
    if args.request:
        try:
            data = json.loads(args.request.read_text(encoding="utf-8"))
            return str(data["kiosk_id"]), str(data["public_key"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"{args.request}: not an enrolment request ({exc})") from None
    if not args.kiosk_id or not args.key:
        raise UsageError("give KIOSK_ID and --key, or --request FILE")
    return str(args.kiosk_id), str(args.key)


def run_enrol(args: argparse.Namespace) -> int:
    kiosk_id, key = _request(args)
    if not SAFE_ID.match(kiosk_id):
        raise UsageError(f"{kiosk_id[:70]!r} is not a kiosk id")
    try:
        public = public_from_text(key)
    except TrustError as exc:
        raise UsageError(f"--key: {exc}") from None
    db = open_database(args)
    try:
        organiser_root(db, _key_dir(args))
    except NotOrganiser as exc:
        raise CommandError(str(exc)) from None
    if kiosk_id == settings.kiosk_id(db):
        raise UsageError("that is the organiser's own kiosk id")
    enrol_kiosk(db, kiosk_id, public, Role(args.role))
    print(f"enrolled {kiosk_id} as {args.role} (key {fingerprint(public)}); publish to tell kiosks")
    return 0


def run_unenrol(args: argparse.Namespace) -> int:
    db = open_database(args)
    try:
        organiser_root(db, _key_dir(args))
        unenrol_kiosk(db, args.kiosk_id)
    except NotOrganiser as exc:
        raise CommandError(str(exc)) from None
    except KeyError:
        raise CommandError(f"no enrolled kiosk {args.kiosk_id!r}") from None
    print(f"un-enrolled {args.kiosk_id}: publish, and every kiosk refuses its records")
    return 0


def run_enrolments(args: argparse.Namespace) -> int:
    db = open_database(args)
    listed = sorted(trust_state.enrolments(db).values(), key=lambda e: e.kiosk_id)
    if args.json:
        print_json([
            {"kiosk_id": e.kiosk_id, "role": e.role.value, "revoked": e.revoked,
             "key": fingerprint(e.public_key)}
            for e in listed
        ])  # fmt: skip
        return 0
    for e in listed:
        print(f"{e.kiosk_id}\t{e.role.value}{' (un-enrolled)' if e.revoked else ''}\t"
              f"{fingerprint(e.public_key)}")  # fmt: skip
    return 0
