"""pretix's signed ticket secrets (pretix_sig1): parsing, verifying, the public keys.

The QR text is the standard base64 (with padding), reversed, of
``0x01 | len(payload) u16 BE | len(signature) u16 BE | payload | Ed25519 signature``;
the payload is the protobuf message ``Ticket`` of pretix's ``pretix_sig1.proto``.
The signature is checked over the payload bytes exactly as received (a re-encoded
message need not be byte-identical), and nothing here raises on a malformed text: it
is "not a sig1 ticket" (None) or a Malformed value.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_der_public_key,
    load_pem_public_key,
)
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.message import DecodeError

VERSION = 0x01
MAX_TEXT = 1024  # a QR text longer than this is no pretix ticket (theirs are ~110 chars)
MAX_PAYLOAD = 512  # a Ticket is a seed and five integers: a few dozen bytes
SIGNATURE_LENGTH = 64  # Ed25519
MAX_SEED = 48  # pretix's seeds are a few characters; "pretix-SEED" must fit a log's 64-char id
MAX_KEY_TEXT = 4096
_SHAPE = re.compile(r"^[A-Za-z0-9+/=]{16,1024}$")
_INT64 = 1 << 63


@dataclass(frozen=True)
class Ticket:
    """A parsed pretix_sig1 secret: its Ticket fields and the bytes that were signed."""

    seed: str
    item: int
    variation: int
    subevent: int  # 0: the event has no dates (subevents), or none given
    valid_from: int | None  # Unix time; None (absent or 0): no limit
    valid_until: int | None
    payload: bytes
    signature: bytes


@dataclass(frozen=True)
class Malformed:
    """Shaped like a sig1 secret (base64, version 1) but not a well-formed one."""

    reason: str


def _ticket_class() -> Any:
    """The Ticket message class, built at run time from its descriptor (no protoc step)."""
    proto = descriptor_pb2.FileDescriptorProto(
        name="kiosk_pretix_sig1.proto", package="kiosk.pretix_sig1", syntax="proto3"
    )
    message = proto.message_type.add(name="Ticket")
    i64 = descriptor_pb2.FieldDescriptorProto.TYPE_INT64
    optional = descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL
    message.field.add(
        name="seed", number=1, type=descriptor_pb2.FieldDescriptorProto.TYPE_STRING, label=optional
    )
    for number, name in ((2, "item"), (3, "variation"), (4, "subevent")):
        message.field.add(name=name, number=number, type=i64, label=optional)
    # proto3 `optional`: a synthetic oneof each, so presence (HasField) is known
    for index, (number, name) in enumerate(((5, "validFromUnixTime"), (6, "validUntilUnixTime"))):
        message.oneof_decl.add(name=f"_{name}")
        message.field.add(
            name=name,
            number=number,
            type=i64,
            label=optional,
            oneof_index=index,
            proto3_optional=True,
        )
    pool = descriptor_pool.DescriptorPool()
    pool.Add(proto)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("kiosk.pretix_sig1.Ticket"))


_TICKET = _ticket_class()


def unpack(text: str) -> Ticket | Malformed | None:
    """The secret's parts, unverified; None when the text is not shaped like a sig1 secret
    at all (not base64, or not version 1), Malformed when it is but does not hold together."""
    if len(text) > MAX_TEXT or not _SHAPE.match(text):
        return None
    try:
        raw = base64.b64decode(text[::-1].encode("ascii"), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) < 5 or raw[0] != VERSION:
        return None
    payload_length = int.from_bytes(raw[1:3], "big")
    signature_length = int.from_bytes(raw[3:5], "big")
    if payload_length == 0 or payload_length > MAX_PAYLOAD:
        return Malformed("payload_length")
    if signature_length != SIGNATURE_LENGTH:
        return Malformed("signature_length")
    if len(raw) != 5 + payload_length + signature_length:
        return Malformed("length")
    payload = raw[5 : 5 + payload_length]
    return _parse_payload(payload, raw[5 + payload_length :])


def _parse_payload(payload: bytes, signature: bytes) -> Ticket | Malformed:
    message = _TICKET()
    try:
        message.ParseFromString(payload)
    except (DecodeError, ValueError, RuntimeError):  # invalid UTF-8 seeds, truncated varints
        return Malformed("payload")
    seed = str(message.seed)
    if not seed or len(seed) > MAX_SEED or not seed.isprintable():
        return Malformed("seed")
    values = [int(message.item), int(message.variation), int(message.subevent)]
    if any(v < 0 for v in values):
        return Malformed("payload")
    return Ticket(
        seed=seed,
        item=values[0],
        variation=values[1],
        subevent=values[2],
        valid_from=_limit(message, "validFromUnixTime"),
        valid_until=_limit(message, "validUntilUnixTime"),
        payload=payload,
        signature=signature,
    )


def _limit(message: Any, field: str) -> int | None:
    """A validity limit in Unix seconds; absent, 0 or negative means none (libpretixsync)."""
    if not message.HasField(field):
        return None
    value = int(getattr(message, field))
    return value if 0 < value < _INT64 else None


def verifies(ticket: Ticket, key: Ed25519PublicKey) -> bool:
    """The signature over the payload bytes as received (never a re-encoding)."""
    try:
        key.verify(ticket.signature, ticket.payload)
    except InvalidSignature:
        return False
    return True


def load_key(text: str) -> Ed25519PublicKey:
    """A pretix_sig1 public key as pretix's `valid_keys` lists it (base64 of a PEM); the
    PEM itself and base64 of its DER body are taken too. ValueError with a one-line
    message for anything else, and for keys that are not Ed25519."""
    text = text.strip()
    if not text or len(text) > MAX_KEY_TEXT:
        raise ValueError("not a pretix key: empty or too long")
    if text.startswith("-----BEGIN"):
        pem = text.encode("ascii", "replace")
    else:
        try:
            decoded = base64.b64decode("".join(text.split()), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("not a pretix key: not base64 (give valid_keys' text)") from None
        pem = decoded if decoded.lstrip().startswith(b"-----BEGIN") else b""
        if not pem:
            return _only_ed25519(_load(load_der_public_key, decoded))
    return _only_ed25519(_load(load_pem_public_key, pem))


def _load(loader: Any, data: bytes) -> Any:
    try:
        return loader(data)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a pretix key: not a public key ({exc})") from None
    except Exception:  # cryptography raises UnsupportedAlgorithm for odd curves
        raise ValueError("not a pretix key: unsupported key type") from None


def _only_ed25519(key: Any) -> Ed25519PublicKey:
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"not a pretix_sig1 key: {type(key).__name__}, not Ed25519")
    return key


def raw_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def pem_b64(key: Ed25519PublicKey) -> str:
    """The key in pretix's own form (base64 of the PEM), as `valid_keys` lists it."""
    pem = key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(pem).decode("ascii")


def pack(payload: bytes, signature: bytes) -> str:
    """The QR text for a payload and its signature (the inverse of `unpack`; for tests and
    tools that make tickets in pretix's format)."""
    raw = (
        bytes([VERSION])
        + len(payload).to_bytes(2, "big")
        + len(signature).to_bytes(2, "big")
        + payload
        + signature
    )
    return base64.b64encode(raw).decode("ascii")[::-1]


def encode_ticket(
    seed: str,
    item: int,
    variation: int = 0,
    subevent: int = 0,
    valid_from: int | None = None,
    valid_until: int | None = None,
) -> bytes:
    """A Ticket payload as pretix's generator serialises it."""
    message = _TICKET(seed=seed, item=item, variation=variation, subevent=subevent)
    if valid_from is not None:
        message.validFromUnixTime = valid_from
    if valid_until is not None:
        message.validUntilUnixTime = valid_until
    return bytes(message.SerializeToString())


_QWERTZ = str.maketrans("YZyz", "ZYzy")


def typed_variants(text: str) -> list[str]:
    """What a keyboard-wedge scanner may have meant: the text as typed, with Y and Z
    swapped (a QWERTZ host), with the case inverted (caps lock), and both; distinct,
    in that order. Only a variant whose signature verifies may be taken."""
    swapped = text.translate(_QWERTZ)
    variants = [text, swapped, text.swapcase(), swapped.swapcase()]
    return list(dict.fromkeys(variants))
