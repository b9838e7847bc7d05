"""`kiosk encrypt`: keep this kiosk's database encrypted at rest (SQLCipher), and change
its unlock code."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from kiosk.cli.common import add_db_argument, db_path
from kiosk.cli.errors import CommandError
from kiosk.store import cipher
from kiosk.store.encrypt import EncryptError, change_code, encrypt_database

NEW_ENV = "KIOSK_DB_NEW_PASSPHRASE"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "encrypt",
        help="encrypt this kiosk's database at rest; it then asks for its unlock code",
        description=(
            "Encrypts the database (SQLCipher) under a new unlock code: a generated one, "
            f"printed once, or ${NEW_ENV} (at least {cipher.MIN_LENGTH} characters). Every "
            f"start then needs the code: typed when asked, ${cipher.ENV}, or the systemd "
            f"credential {cipher.CREDENTIAL}. Close the kiosk's screens first."
        ),
    )
    p.add_argument(
        "--change", action="store_true", help="give an encrypted database a new unlock code"
    )
    add_db_argument(p)
    p.set_defaults(func=run_encrypt)


def _new_code() -> tuple[str, bool]:
    """(code, generated)."""
    given = os.environ.get(NEW_ENV)
    if given is None:
        return cipher.new_unlock_code(), True
    if len(given.strip()) < cipher.MIN_LENGTH:
        raise CommandError(
            f"an unlock code has at least {cipher.MIN_LENGTH} characters; nothing changed"
        )
    return given.strip(), False


def _current_code(path: Any) -> str:
    given = os.environ.get(cipher.ENV)
    if given:
        return given
    if sys.stdin.isatty():
        return getpass.getpass(f"current unlock code for {path}: ")
    raise CommandError(f"give the current unlock code in ${cipher.ENV}; nothing changed")


def run_encrypt(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.is_file():
        raise CommandError(f"no database at {path}")
    if args.change:
        if not cipher.is_encrypted(path):
            raise CommandError(f"{path} is not encrypted: run 'kiosk encrypt' first")
        current = _current_code(path)
        code, generated = _new_code()
        try:
            change_code(path, current, code)
        except cipher.Locked as exc:
            raise CommandError(f"{path}: {exc}; nothing changed") from None
        print(f"{path}: unlock code changed")
    else:
        code, generated = _new_code()
        try:
            counts = encrypt_database(path, code)
        except EncryptError as exc:
            raise CommandError(str(exc)) from None
        rows = sum(counts.values())
        print(f"{path}: encrypted ({rows:,} rows in {len(counts)} tables checked)")
        print(f"key file: {cipher.key_file(path)} (useless without the unlock code)")
    if generated:
        print(f"unlock code: {code}")
        print("write it down now: it is shown only once, and without it the data is lost")
    return 0
