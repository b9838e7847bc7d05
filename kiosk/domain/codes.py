"""Badge codes: Ed25519-signed, compact, in an alphabet every scanner and keyboard layout keeps.

Layout (bytes, before base32): version(1) event-tag(3) key-id(2) issue(1)
attendee-id(1+n) type(1+m) signature(64). Text: base32 with the alphabet below,
no padding. Upper-case digits and letters only, no I/O (look like 1/0) and no Y/Z
(swapped by QWERTZ layouts), so a keyboard-wedge scanner on any layout or with
caps lock on still types the same code; QR alphanumeric mode stores it compactly.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
_STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_TO_OURS = str.maketrans(_STD, ALPHABET)
_TO_STD = str.maketrans(ALPHABET, _STD)
# Typed look-alikes folded back, as in Crockford's base32.
_FOLD = str.maketrans({"I": "1", "O": "0"})

VERSION = 1
SIGNATURE_BYTES = 64
MAX_ID_AND_TYPE_BYTES = 23  # keeps the text <= 154 chars: a version 7-M QR in alphanumeric mode
MAX_CODE_CHARS = 154
MIN_CODE_CHARS = 8 * (1 + 3 + 2 + 1 + 2 + 2 + SIGNATURE_BYTES) // 5
_SHAPE = re.compile(rf"^[{ALPHABET}]{{{MIN_CODE_CHARS},{MAX_CODE_CHARS}}}$")


class CodeError(ValueError):
    """A code that has the shape of a badge code but cannot be one; `reason` is a machine code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class BadgeCode:
    version: int
    event_tag: bytes
    key_id: str
    issue: int
    attendee_id: str
    type: str
    signed: bytes  # the bytes the signature covers
    signature: bytes


def event_tag(event_id: str) -> bytes:
    return hashlib.sha256(event_id.encode()).digest()[:3]


def key_id_of(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:4]


def _b32encode(data: bytes) -> str:
    return base64.b32encode(data).decode().rstrip("=").translate(_TO_OURS)


def _b32decode(text: str) -> bytes:
    std = text.translate(_TO_STD)
    return base64.b32decode(std + "=" * (-len(std) % 8))


def normalise(text: str) -> str:
    """A scanned or typed candidate in canonical form: trimmed, upper-case, look-alikes folded."""
    return text.strip().upper().translate(_FOLD)


def looks_like_badge_code(text: str) -> bool:
    return bool(_SHAPE.match(normalise(text)))


def sign_code(
    private_key: Ed25519PrivateKey,
    event_id: str,
    attendee_id: str,
    type_id: str,
    issue: int = 1,
) -> str:
    """The badge code text for an attendee; ValueError if the ids do not fit a small QR."""
    aid, tid = attendee_id.encode(), type_id.encode()
    if not aid or len(aid) + len(tid) > MAX_ID_AND_TYPE_BYTES:
        raise ValueError(
            f"attendee id and type take {len(aid) + len(tid)} bytes; a signed code holds at most "
            f"{MAX_ID_AND_TYPE_BYTES} (the ticket code is still accepted by lookup)"
        )
    if not 1 <= issue <= 255:
        raise ValueError("badge issue must be between 1 and 255")
    kid = bytes.fromhex(key_id_of(private_key.public_key()))
    body = (
        bytes([VERSION])
        + event_tag(event_id)
        + kid
        + bytes([issue, len(aid)])
        + aid
        + bytes([len(tid)])
        + tid
    )
    return _b32encode(body + private_key.sign(body))


def parse_code(text: str) -> BadgeCode:
    """Split a badge code into its fields (no signature check); CodeError if malformed."""
    candidate = normalise(text)
    if not _SHAPE.match(candidate):
        raise CodeError("malformed")
    try:
        raw = _b32decode(candidate)
    except ValueError:
        raise CodeError("malformed") from None
    if raw[0] != VERSION:
        raise CodeError("unsupported_version")
    try:
        body, signature = raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]
        issue, n = body[6], body[7]
        aid = body[8 : 8 + n]
        m = body[8 + n]
        tid = body[9 + n : 9 + n + m]
        if len(body) != 9 + n + m or not aid:
            raise CodeError("malformed")
        return BadgeCode(
            version=raw[0],
            event_tag=body[1:4],
            key_id=body[4:6].hex(),
            issue=issue,
            attendee_id=aid.decode(),
            type=tid.decode(),
            signed=body,
            signature=signature,
        )
    except (IndexError, UnicodeDecodeError):
        raise CodeError("malformed") from None


def verify(code: BadgeCode, public_key: Ed25519PublicKey) -> bool:
    try:
        public_key.verify(code.signature, code.signed)
    except InvalidSignature:
        return False
    return True
