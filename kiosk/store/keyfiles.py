"""The organiser's private signing keys: files beside the database, never in it,
so copying a kiosk database never copies the power to issue badges."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from kiosk.domain.codes import key_id_of


def key_dir_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def write_private_key(directory: Path, event_id: str, key: Ed25519PrivateKey) -> Path:
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / f"{event_id}-{key_id_of(key.public_key())}.pem"
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    return path


def signing_key(directory: Path, event_id: str) -> Ed25519PrivateKey | None:
    """The newest private key for the event in `directory`, or None on a kiosk without one."""
    candidates = sorted(
        directory.glob(f"{event_id}-*.pem"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for path in candidates:
        key = load_pem_private_key(path.read_bytes(), password=None)
        if isinstance(key, Ed25519PrivateKey):
            return key
    return None


class KeyLocked(Exception):
    """The key file is protected by a passphrase that was not given, or not this one."""


def _write_key(path: Path, key: Ed25519PrivateKey, passphrase: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    protection = BestAvailableEncryption(passphrase.encode()) if passphrase else NoEncryption()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, protection)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)


def _read_key(path: Path, passphrase: str | None = None) -> Ed25519PrivateKey | None:
    if not path.exists():
        return None
    try:
        key = load_pem_private_key(
            path.read_bytes(), password=passphrase.encode() if passphrase else None
        )
    except TypeError:  # encrypted and no passphrase given, or one given for a plain key
        if passphrase:
            key = load_pem_private_key(path.read_bytes(), password=None)
        else:
            raise KeyLocked(f"{path} is protected by a passphrase") from None
    except ValueError:
        raise KeyLocked(f"{path}: wrong passphrase") from None
    return key if isinstance(key, Ed25519PrivateKey) else None


ORGANISER_FILE = "organiser.pem"


def organiser_key(directory: Path, passphrase: str | None = None) -> Ed25519PrivateKey | None:
    """The organiser's root key, on the organiser's machine only (docs/trust.md); KeyLocked
    when it is protected and `passphrase` is missing or wrong."""
    return _read_key(directory / ORGANISER_FILE, passphrase)


def organiser_key_is_protected(directory: Path) -> bool:
    path = directory / ORGANISER_FILE
    return path.exists() and b"ENCRYPTED" in path.read_bytes()[:64]


def new_organiser_key(directory: Path, passphrase: str | None = None) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    _write_key(directory / ORGANISER_FILE, key, passphrase)
    return key


def kiosk_key(directory: Path, kiosk_id: str) -> Ed25519PrivateKey:
    """This kiosk's identity key, made on first use: it signs every record the kiosk sends."""
    path = directory / f"kiosk-{kiosk_id}.pem"
    key = _read_key(path)
    if key is None:
        key = Ed25519PrivateKey.generate()
        try:
            _write_key(path, key)
        except FileExistsError:  # made by another process of this kiosk just now
            key = _read_key(path)
            assert key is not None
    return key


def passfile_for(db_path: Path) -> Path:
    """The libpq passfile holding this kiosk's hub password: never in the database."""
    return key_dir_for(db_path) / "pgpass"
