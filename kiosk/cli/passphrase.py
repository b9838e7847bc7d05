"""The organiser key's passphrase: from KIOSK_ORGANISER_PASSPHRASE, or typed on a terminal."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.cli.errors import CommandError
from kiosk.store.organiser_setup import OrganiserKeyLocked, require_organiser

ENV = "KIOSK_ORGANISER_PASSPHRASE"
MIN_LENGTH = 10


def organiser_root(db: Database, key_dir: Path) -> Ed25519PrivateKey:
    """The root key; asks for its passphrase on a terminal when the variable is not set.
    NotOrganiser (or OrganiserKeyLocked) otherwise."""
    given = os.environ.get(ENV)
    try:
        return require_organiser(db, key_dir, given)
    except OrganiserKeyLocked:
        if given is not None or not sys.stdin.isatty():
            raise
    return require_organiser(db, key_dir, getpass.getpass("organiser key passphrase: "))


def new_passphrase() -> str | None:
    """A passphrase for a new organiser key: the variable's, or typed twice; None (with a
    warning on stderr) where neither is to be had or the operator leaves it empty."""
    given = os.environ.get(ENV)
    if given is None and sys.stdin.isatty():
        given = getpass.getpass("passphrase for the organiser key (empty: none): ")
        if given and getpass.getpass("again: ") != given:
            raise CommandError("the two passphrases differ; nothing made")
    if not given:
        print(
            f"warning: the organiser key has no passphrase (set {ENV} or run on a terminal)",
            file=sys.stderr,
        )
        return None
    if len(given) < MIN_LENGTH:
        raise CommandError(f"a passphrase has at least {MIN_LENGTH} characters; nothing made")
    return given
