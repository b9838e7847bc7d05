"""Encryption at rest: a kiosk database kept as SQLCipher (AES-256, every page), its key
never on the disk in the clear.

The database key is 32 random bytes. Beside the database, `DB.keys/db-key.json` holds it
wrapped (ChaCha20-Poly1305) under a key derived with scrypt from the unlock code, which
comes from outside the disk each time a process opens the database: typed by staff (the
screens ask on start, commands on the terminal), `KIOSK_DB_PASSPHRASE`, or a systemd
credential (`$CREDENTIALS_DIRECTORY/kiosk-db-passphrase`, which `systemd-creds` can seal to
the laptop's TPM). A copied database, a backup or a stolen disk yields neither names nor
log without the code. A process unlocks once; its other connections (the sync thread)
reuse the key it holds in memory.

A plain SQLite file starts with "SQLite format 3"; an encrypted one starts with random
salt, which is how `is_encrypted` tells them apart without any key.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kiosk.domain.codes import ALPHABET

PLAIN_HEADER = b"SQLite format 3\x00"
KEY_FILE = "db-key.json"
ENV = "KIOSK_DB_PASSPHRASE"
CREDENTIAL = "kiosk-db-passphrase"
MIN_LENGTH = 12
# The same cost as the staff PIN's hash (kiosk/service/staff_pin.py): about half a second
# and 128 MiB per guess, so an offline search of even a short code is slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1

# Errors of either driver, for code that handles "the database said no".
Error: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
OperationalError: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    sqlcipher.OperationalError,
)
IntegrityError: tuple[type[Exception], ...] = (sqlite3.IntegrityError, sqlcipher.IntegrityError)


def errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """`Error` and `more`, for one except clause."""
    return (*Error, *more)


Asker = Callable[[Path], "str | None"]


class Locked(Exception):
    """The database is encrypted and no (right) unlock code was given; `str()` says which."""


_unlocked: dict[Path, bytes] = {}
_asker: Asker | None = None


def set_asker(asker: Asker | None) -> None:
    """How this process asks a person for an unlock code (a terminal prompt, a dialog)."""
    global _asker
    _asker = asker


def key_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys") / KEY_FILE


def is_encrypted(path: Path) -> bool:
    """True for a database file that is not plain SQLite: encrypted, or not a database."""
    try:
        with path.open("rb") as f:
            head = f.read(len(PLAIN_HEADER))
    except OSError:  # missing, a folder, unreadable: SQLite says what is wrong
        return False
    return bool(head) and head != PLAIN_HEADER


def new_unlock_code() -> str:
    """16 characters in four groups (80 bits), in the badge-code alphabet: no I/O, no Y/Z,
    so it is read out and typed on any keyboard layout without doubt."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def normalise_code(code: str) -> str:
    """What is compared: a generated code typed in lower case or without its dashes still
    unlocks; any other passphrase is taken as typed (trimmed)."""
    text = code.strip()
    squeezed = text.replace("-", "").replace(" ", "").upper()
    if len(squeezed) == 16 and all(c in ALPHABET for c in squeezed):
        return squeezed
    return text


def _kdf(salt: bytes, n: int, r: int, p: int) -> Scrypt:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p)


def wrap(key: bytes, code: str) -> dict[str, Any]:
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _kdf(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).derive(normalise_code(code).encode())
    sealed = ChaCha20Poly1305(kek).encrypt(nonce, key, b"kiosk database key")
    return {
        "scheme": "scrypt+chacha20poly1305",
        "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
        "salt": salt.hex(), "nonce": nonce.hex(), "sealed": sealed.hex(),
    }  # fmt: skip


def unwrap(wrapped: dict[str, Any], code: str) -> bytes:
    """The database key; Locked if the code is wrong or the file is not a key file."""
    try:
        n, r, p = int(wrapped["n"]), int(wrapped["r"]), int(wrapped["p"])
        if wrapped["scheme"] != "scrypt+chacha20poly1305" or not (
            2**14 <= n <= 2**20 and 1 <= r <= 16 and 1 <= p <= 4
        ):
            raise ValueError("unknown scheme or cost")
        salt, nonce = bytes.fromhex(wrapped["salt"]), bytes.fromhex(wrapped["nonce"])
        sealed = bytes.fromhex(wrapped["sealed"])
        kek = _kdf(salt, n, r, p).derive(normalise_code(code).encode())
    except (KeyError, TypeError, ValueError) as exc:
        raise Locked(f"the database key file is damaged ({exc})") from None
    try:
        key = ChaCha20Poly1305(kek).decrypt(nonce, sealed, b"kiosk database key")
    except InvalidTag:
        raise Locked("wrong unlock code") from None
    if len(key) != 32:
        raise Locked("the database key file is damaged (key length)")
    return key


def read_wrapped(db_path: Path) -> dict[str, Any]:
    path = key_file(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Locked(
            f"not a usable kiosk database (not plain SQLite, and no key file {path} "
            "for an encrypted one)"
        ) from None
    except (OSError, ValueError) as exc:
        raise Locked(f"{path}: not a database key file ({exc})") from None
    if not isinstance(data, dict):
        raise Locked(f"{path}: not a database key file")
    return data


def write_wrapped(db_path: Path, wrapped: dict[str, Any], replace: bool = False) -> Path:
    path = key_file(db_path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(wrapped, out)
        out.flush()
        os.fsync(out.fileno())
    if not replace and path.exists():
        partial.unlink()
        raise FileExistsError(f"{path} exists already")
    os.replace(partial, path)
    return path


def _given_code() -> str | None:
    """An unlock code that needs no person: the variable, or a systemd credential."""
    if os.environ.get(ENV):
        return os.environ[ENV]
    creds = os.environ.get("CREDENTIALS_DIRECTORY")
    if creds:
        with contextlib.suppress(OSError):
            return (Path(creds) / CREDENTIAL).read_text(encoding="utf-8").strip() or None
    return None


def remember(db_path: Path, key: bytes) -> None:
    _unlocked[db_path.resolve()] = key


def forget_all() -> None:
    _unlocked.clear()


def needs_person(db_path: Path) -> bool:
    """An encrypted database that only a person can unlock now: no key held, no code in
    the variable or a credential (a screen then asks on screen)."""
    return (
        is_encrypted(db_path)
        and db_path.resolve() not in _unlocked
        and key_file(db_path).exists()
        and _given_code() is None
    )


def database_key(db_path: Path) -> bytes:
    """The key of an encrypted database: held already, or unwrapped with a code from the
    variable, the credential, or a person (the asker). Locked when none unlocks it."""
    held = _unlocked.get(db_path.resolve())
    if held is not None:
        return held
    wrapped = read_wrapped(db_path)
    code = _given_code()
    if code is None and _asker is not None:
        code = _asker(db_path)
    if code is None:
        raise Locked(f"it is encrypted: give its unlock code ({ENV}, or type it when asked)")
    key = unwrap(wrapped, code)
    remember(db_path, key)
    return key


def encrypted_path(conn: Any) -> Path | None:
    """The file behind a SQLCipher connection (None for a plain one): what backup needs
    to find the key and the key file."""
    if not isinstance(conn, sqlcipher.Connection):
        return None
    return Path(conn.execute("PRAGMA database_list").fetchone()[2])


def connect(target: str, key: bytes, uri: bool = False) -> Any:
    """A SQLCipher connection to `target` (a path or a file: URI) with `key`; DatabaseError
    (of sqlcipher) when the key does not open it."""
    conn = sqlcipher.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails on a wrong key
    return conn
