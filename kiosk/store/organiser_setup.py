"""Making a database the organiser's (the root key beside it, pinned, and its own kiosk
enrolled) and enrolling kiosks: the organiser-only steps of docs/trust.md."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlite_utils import Database

from kiosk.domain.trust import Enrolment, Role, fingerprint, raw_public
from kiosk.store import settings, trust_state
from kiosk.store.db import write
from kiosk.store.keyfiles import KeyLocked, kiosk_key, new_organiser_key, organiser_key


class NotOrganiser(Exception):
    """Only the organiser's machine (the one with the root key) may do this."""


class OrganiserKeyLocked(NotOrganiser):
    """The root key is here but protected by a passphrase not given (or not this one)."""


def _root_key(key_dir: Path, passphrase: str | None) -> Ed25519PrivateKey | None:
    try:
        return organiser_key(key_dir, passphrase)
    except KeyLocked as exc:
        raise OrganiserKeyLocked(
            f"{exc}: give it in KIOSK_ORGANISER_PASSPHRASE or type it when asked"
        ) from None


def init_organiser(db: Database, key_dir: Path, passphrase: str | None = None) -> Ed25519PrivateKey:
    """The organiser's root key, made on first use (protected by `passphrase` if given) on
    a database that trusts no other organiser; the database pins it and enrols its own
    kiosk as the organiser's."""
    key = _root_key(key_dir, passphrase)
    pinned = trust_state.root(db)
    if key is None:
        if pinned is not None:
            raise NotOrganiser(
                f"this database is a kiosk of organiser {fingerprint(pinned)}: "
                "only the organiser's machine holds the root key"
            )
        key = new_organiser_key(key_dir, passphrase)
    elif pinned is not None and pinned != raw_public(key.public_key()):
        raise NotOrganiser(f"{key_dir} holds another organiser's key than this database trusts")
    own = kiosk_key(key_dir, settings.kiosk_id(db)).public_key()
    with write(db):
        trust_state.pin_root(db, raw_public(key.public_key()))
        trust_state.enrol(
            db, Enrolment(settings.kiosk_id(db), raw_public(own), Role.ORGANISER, False)
        )
    return key


def require_organiser(
    db: Database, key_dir: Path, passphrase: str | None = None
) -> Ed25519PrivateKey:
    """The root key, or NotOrganiser on a kiosk (where it must never be), or
    OrganiserKeyLocked without its passphrase."""
    key = _root_key(key_dir, passphrase)
    pinned = trust_state.root(db)
    if key is None or pinned != raw_public(key.public_key()):
        raise NotOrganiser(
            f"no organiser key for this database in {key_dir}: only the organiser's machine "
            "publishes, enrols kiosks and makes signing keys ('kiosk organiser init' there)"
        )
    return key


def enrol_kiosk(
    db: Database, kiosk_id: str, public: Ed25519PublicKey, role: Role, revoked: bool = False
) -> Enrolment:
    enrolment = Enrolment(kiosk_id, raw_public(public), role, revoked)
    with write(db):
        trust_state.enrol(db, enrolment)
    return enrolment


def unenrol_kiosk(db: Database, kiosk_id: str) -> Enrolment:
    known = trust_state.enrolments(db).get(kiosk_id)
    if known is None:
        raise KeyError(kiosk_id)
    revoked = Enrolment(known.kiosk_id, known.public_key, known.role, True)
    with write(db):
        trust_state.enrol(db, revoked)
    return revoked
