"""Signatures that carry trust across untrusted hubs: canonical bytes, fingerprints, roles,
signed records and signed publication parts (docs/trust.md)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PUBLICATION_FORMAT = "kiosk-publication/1"
FINGERPRINT_CHARS = 32
_FINGERPRINT = re.compile(r"^[A-Z2-7]{32}$")


class Role(Enum):
    DOOR = "door"
    PICKUP = "pickup"
    DESK = "desk"
    ORGANISER = "organiser"


# A check-in record of verdict late_checkin (补签到: attendance staff record after the fact,
# never an entry) is allowed as a kind of its own, so that a desk may send those and no
# other check-ins.
LATE_CHECKIN_KIND = "late_checkin"

# What each role may send (docs/trust.md): a door cannot register walk-ins, replace badges
# or correct names; a pickup kiosk cannot record entries; a desk records no entries.
# Lost cards, cards handed out, attention notes (issue 15): staff at a desk, or the organiser.
STAFF_KINDS = ("card_loss", "card_assignment", "attention_note")
KINDS_BY_ROLE: dict[Role, frozenset[str]] = {
    Role.DOOR: frozenset({"checkin", LATE_CHECKIN_KIND}),
    Role.PICKUP: frozenset({"print", "name_correction"}),
    Role.DESK: frozenset(
        {"print", "name_correction", "walk_in", "replacement", LATE_CHECKIN_KIND, *STAFF_KINDS}
    ),
    Role.ORGANISER: frozenset(
        {"checkin", "print", "name_correction", "walk_in", "replacement", LATE_CHECKIN_KIND}
        | set(STAFF_KINDS)
    ),
}


def permission_kind(record: Mapping[str, Any]) -> str:
    """What a wire record asks its sender's role to allow: its kind, but for a late
    check-in, which is a check-in of its own kind."""
    kind = record.get("k")
    if kind == "checkin" and record.get("verdict") == LATE_CHECKIN_KIND:
        return LATE_CHECKIN_KIND
    return str(kind)


class TrustError(Exception):
    """A signature, fingerprint or key that does not verify or cannot be read."""


@dataclass(frozen=True)
class Enrolment:
    """The organiser's word that a kiosk key may send records of a role."""

    kiosk_id: str
    public_key: bytes
    role: Role
    revoked: bool = False

    def allows(self, kind: str) -> bool:
        return not self.revoked and kind in KINDS_BY_ROLE[self.role]


def canonical(value: Any) -> bytes:
    """One byte string per JSON value: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_from_raw(raw: bytes) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise TrustError("not an Ed25519 public key") from None


def public_from_text(text: str) -> Ed25519PublicKey:
    """A public key as base64 text (what `kiosk identity` prints)."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise TrustError("the key is not base64") from None
    return public_from_raw(raw)


def key_text(key: Ed25519PublicKey) -> str:
    return base64.b64encode(raw_public(key)).decode()


def fingerprint(key: Ed25519PublicKey | bytes) -> str:
    """32 base32 characters of SHA-256 of the raw key, in groups of four for reading aloud."""
    raw = key if isinstance(key, bytes) else raw_public(key)
    text = base64.b32encode(hashlib.sha256(raw).digest()).decode()[:FINGERPRINT_CHARS]
    return "-".join(text[i : i + 4] for i in range(0, FINGERPRINT_CHARS, 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces or dashes) in its printed form."""
    bare = re.sub(r"[\s:-]", "", text).upper()
    if not _FINGERPRINT.match(bare):
        raise TrustError(
            f"{text!r} is not a key fingerprint (32 letters and digits, as "
            "'kiosk organiser show' prints it)"
        )
    return "-".join(bare[i : i + 4] for i in range(0, FINGERPRINT_CHARS, 4))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _verify(key: Ed25519PublicKey, signature: object, message: bytes) -> bool:
    if not isinstance(signature, str) or len(signature) > 200:
        return False
    try:
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


def record_message(record: Mapping[str, Any]) -> bytes:
    """What a kiosk signs of a wire record: everything but the signature itself."""
    return canonical({k: v for k, v in record.items() if k != "sig"})


def sign_record(key: Ed25519PrivateKey, record: Mapping[str, Any]) -> str:
    return _b64(key.sign(b"kiosk-record/1\n" + record_message(record)))


def record_verifies(key: Ed25519PublicKey, record: Mapping[str, Any]) -> bool:
    try:
        message = record_message(record)
    except (TypeError, ValueError):  # not JSON at all, or a lone surrogate: never signed
        return False
    return _verify(key, record.get("sig"), b"kiosk-record/1\n" + message)


def items_digest(items: Sequence[Mapping[str, Any]]) -> str:
    return hashlib.sha256(canonical(list(items))).hexdigest()


def sign_statement(key: Ed25519PrivateKey, statement: Mapping[str, Any]) -> str:
    return _b64(key.sign(b"kiosk-publication/1\n" + canonical(dict(statement))))


def statement_verifies(key: Ed25519PublicKey, statement: Mapping[str, Any], signature: str) -> bool:
    try:
        message = canonical(dict(statement))
    except (TypeError, ValueError):
        return False
    return _verify(key, signature, b"kiosk-publication/1\n" + message)
