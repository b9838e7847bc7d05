"""pretix_sig1 secrets: libpretixsync's public vectors, tickets signed here the same way,
and hostile texts that must come back as "not sig1" or Malformed, never an exception."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain import pretix_sig1
from kiosk.domain.pretix_sig1 import Malformed, Ticket

# ../shared/interop/pretix-sig1.md (libpretixsync's test fixtures)
K0 = "MCowBQYDK2VwAyEA7AD7/vFA33EsY4z2PHr7iZPsZ8n5dh0ajP8gyzNmmIs="
K1 = "MCowBQYDK2VwAyEAYMJsOnLp5AWGpJ+dFJE2r9DOXeQIZgVrCt93LAl5BN8="
VECTORS = [
    (
        "E4BibyTSylQOgeKjuMPiTDxi5HXPuTVsx1qCli3IL0143gj0EZXOB9iQInANxRFJTt4Pf9nXnHdB91Qk/"
        "RN0L5AIBABSxw2TKFnSUNUCKAEAPAQA",
        K0,
        ("CTJqJOl1H", 1, 0, 14, None, None),
    ),
    (
        "==QCiFO1apLFypH1BXorPlbn4efNA0aCAsO1Z2hsmY/hKTI3/UVSlON/Vw8WSYof/1tz5tepBltUAg4Gnz"
        "pOBSSlqARYhFWYhFWYhFWCKAEANAQA",
        K1,
        ("aaaaaaaaa", 42, 0, 0, None, None),
    ),
    (
        "Ok4EsqDRCr2cL6yDRtqeP7j5Usr1Vj1Db7J0izOuRGx6Qn0BS1ISW2nxlW8PXkYRk7PJhIBmsK1V1ucq5o"
        "bBoBAMG4p9jCPKBAheRdFV0REVDZUCKAEAVAQA",
        K1,
        ("FCTDtTWQz", 1, 0, 0, 1675465200, None),
    ),
    (
        "EU9dJn3k5jzwfY4JQAKrTOVFmo+BvZKwH6UAIFOz3XTxABa7tmjU5UoLD8hJr3440uY7IFEHzau1DVk0sP"
        "994bgnzLNswAAKBARdUdGMmNVSHVUCKAEAVAQA",
        K1,
        ("EGISf0gTu", 1, 0, 0, None, 1675422000),
    ),
]


def _fields(t: Ticket) -> tuple[object, ...]:
    return (t.seed, t.item, t.variation, t.subevent, t.valid_from, t.valid_until)


def _unpacked(text: str) -> Ticket:
    ticket = pretix_sig1.unpack(text)
    assert isinstance(ticket, Ticket)
    return ticket


@pytest.mark.parametrize(("text", "key", "fields"), VECTORS)
def test_public_vectors_parse_and_verify_with_their_key_only(
    text: str, key: str, fields: tuple[object, ...]
) -> None:
    """Each vector parses to its fields and verifies with its own key, not the other."""
    ticket = _unpacked(text)
    other = K1 if key == K0 else K0
    assert (
        _fields(ticket),
        pretix_sig1.verifies(ticket, pretix_sig1.load_key(key)),
        pretix_sig1.verifies(ticket, pretix_sig1.load_key(other)),
    ) == (fields, True, False)


def test_the_forged_vector_parses_but_does_not_verify() -> None:
    """'EFAKE' + the first code from its 6th character on: same fields, no valid signature."""
    text = "EFAKE" + VECTORS[0][0][5:]
    ticket = _unpacked(text)
    keys = [pretix_sig1.load_key(k) for k in (K0, K1)]
    assert (_fields(ticket), [pretix_sig1.verifies(ticket, k) for k in keys]) == (
        VECTORS[0][2],
        [False, False],
    )


def test_keys_load_in_pretix_form_as_pem_and_as_der() -> None:
    """valid_keys' base64 of a PEM, the PEM itself and base64 of the DER are one key."""
    der = pretix_sig1.load_key(K0)
    in_pretix_form = pretix_sig1.pem_b64(der)
    pem = base64.b64decode(in_pretix_form).decode()
    assert {pretix_sig1.raw_key(pretix_sig1.load_key(t)) for t in (K0, in_pretix_form, pem)} == {
        pretix_sig1.raw_key(der)
    }


def _signed(private: Ed25519PrivateKey, payload: bytes) -> str:
    return pretix_sig1.pack(payload, private.sign(payload))


def test_a_ticket_signed_here_round_trips() -> None:
    """A ticket made in pretix's format with our own key parses and verifies."""
    private = Ed25519PrivateKey.generate()
    payload = pretix_sig1.encode_ticket("Sd4Ab9", 17, 3, 5, 1_700_000_000, 1_800_000_000)
    ticket = _unpacked(_signed(private, payload))
    assert (_fields(ticket), pretix_sig1.verifies(ticket, private.public_key())) == (
        ("Sd4Ab9", 17, 3, 5, 1_700_000_000, 1_800_000_000),
        True,
    )


def test_lengths_are_big_endian_u16_past_255() -> None:
    """A payload over 255 bytes (a field a newer pretix might add) is read whole: the length
    bytes are a big-endian u16, not a shift by 2 as one scanner has it."""
    private = Ed25519PrivateKey.generate()
    unknown_field = b"\x3a" + bytes([0xA4, 0x02]) + b"x" * 292  # field 7, 292 bytes
    payload = pretix_sig1.encode_ticket("LongOne", 9) + unknown_field
    ticket = _unpacked(_signed(private, payload))
    assert (len(ticket.payload), ticket.seed, ticket.item) == (len(payload), "LongOne", 9)
    assert len(payload) > 255 and pretix_sig1.verifies(ticket, private.public_key())


def test_the_received_bytes_are_verified_not_a_re_encoding() -> None:
    """Fields out of canonical order still verify: the signed bytes are the ones received."""
    private = Ed25519PrivateKey.generate()
    canonical = pretix_sig1.encode_ticket("Order1", 4)
    swapped = canonical[-2:] + canonical[:-2]  # item (field 2) before seed (field 1)
    ticket = _unpacked(_signed(private, swapped))
    assert (ticket.seed, ticket.item, pretix_sig1.verifies(ticket, private.public_key())) == (
        "Order1",
        4,
        True,
    )


def _raw(version: int, payload: bytes, signature: bytes, plen: int, slen: int) -> str:
    raw = bytes([version]) + plen.to_bytes(2, "big") + slen.to_bytes(2, "big")
    return base64.b64encode(raw + payload + signature).decode()[::-1]


GOOD = pretix_sig1.encode_ticket("Abc123", 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("hello world", None),
        ("https://example.org/ticket/123", None),
        ("a" * 5000, None),
        (base64.b64encode(b"\x02" + b"\x00" * 80).decode()[::-1], None),  # version 2
        (base64.b64encode(b"\x01" + b"\x00" * 80).decode(), None),  # not reversed
        (_raw(1, GOOD, b"s" * 64, 0, 64), Malformed("payload_length")),
        (_raw(1, GOOD, b"s" * 64, 60000, 64), Malformed("payload_length")),
        (_raw(1, GOOD, b"s" * 64, len(GOOD), 63), Malformed("signature_length")),
        (_raw(1, GOOD, b"s" * 64, len(GOOD) + 1, 64), Malformed("length")),
        (_raw(1, GOOD, b"s" * 70, len(GOOD), 64), Malformed("length")),
        (_raw(1, b"\xff\xff\xff", b"s" * 64, 3, 64), Malformed("payload")),
        (_raw(1, b"\x0a\x02\xff\xfe", b"s" * 64, 4, 64), Malformed("payload")),  # bad UTF-8
        (_raw(1, pretix_sig1.encode_ticket("", 1), b"s" * 64, 2, 64), Malformed("seed")),
        (_raw(1, b"\x10\x01", b"s" * 64, 2, 64), Malformed("seed")),  # no seed
    ],
)
def test_hostile_texts_are_not_sig1_or_malformed(text: str, expected: object) -> None:
    """Foreign text is 'not sig1' (None); a broken sig1 secret says what is broken."""
    assert pretix_sig1.unpack(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=700))
def test_any_bytes_in_sig1_wrapping_never_raise(raw: bytes) -> None:
    """Whatever bytes sit behind a version-1 header, unpacking returns, never raises."""
    text = base64.b64encode(b"\x01" + raw).decode()[::-1]
    assert isinstance(pretix_sig1.unpack(text), Ticket | Malformed | None)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=1500))
def test_any_text_never_raises(text: str) -> None:
    """Arbitrary text (control characters, CJK, huge) never raises."""
    assert isinstance(pretix_sig1.unpack(text), Ticket | Malformed | None)
