"""Badge codes: signing, parsing, tamper detection and scanner-safe text."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain import codes
from kiosk.domain.qr import qr_version


def test_code_round_trips_and_verifies() -> None:
    """A signed code parses back to its fields and verifies with the public key."""
    key = Ed25519PrivateKey.generate()
    text = codes.sign_code(key, "sces-2026", "A0000042", "delegate", issue=3)
    parsed = codes.parse_code(text)
    assert (parsed.attendee_id, parsed.type, parsed.issue, parsed.event_tag) == (
        "A0000042",
        "delegate",
        3,
        codes.event_tag("sces-2026"),
    )
    assert codes.verify(parsed, key.public_key())


def test_code_uses_only_the_scanner_safe_alphabet_and_fits_qr_version_7() -> None:
    """The longest allowed ids still give a code of <= 154 chars in a version <= 7 QR."""
    key = Ed25519PrivateKey.generate()
    text = codes.sign_code(key, "e", "A" * 15, "exhibito")
    assert set(text) <= set(codes.ALPHABET)
    assert not set(text) & set("IOYZ")
    assert len(text) <= codes.MAX_CODE_CHARS
    assert qr_version(text) <= 7


def test_lower_case_and_look_alikes_from_a_keyboard_wedge_still_parse() -> None:
    """Caps lock or a layout that sends lower case, and O/I typed for 0/1, change nothing."""
    key = Ed25519PrivateKey.generate()
    text = codes.sign_code(key, "e", "A1", "delegate")
    mangled = text.lower().replace("0", "o").replace("1", "i")
    assert codes.verify(codes.parse_code(mangled), key.public_key())


def test_ids_too_long_for_a_small_qr_are_refused() -> None:
    """Signing refuses ids that would push the QR past version 7."""
    with pytest.raises(ValueError, match="at most 23"):
        codes.sign_code(Ed25519PrivateKey.generate(), "e", "A" * 20, "delegate")


def test_any_altered_character_breaks_the_signature() -> None:
    """Changing one character of a code makes it fail to parse or fail to verify."""
    key = Ed25519PrivateKey.generate()
    text = codes.sign_code(key, "e", "A1", "delegate")
    for i in range(0, len(text), 7):
        swapped = text[:i] + ("2" if text[i] != "2" else "3") + text[i + 1 :]
        try:
            parsed = codes.parse_code(swapped)
        except codes.CodeError:
            continue
        assert not codes.verify(parsed, key.public_key())


@given(st.text(max_size=400))
def test_parser_never_crashes_on_any_text(text: str) -> None:
    """Arbitrary text either parses or raises CodeError with a reason, nothing else."""
    try:
        codes.parse_code(text)
    except codes.CodeError as exc:
        assert exc.reason in {"malformed", "unsupported_version"}


@given(
    st.text(alphabet=codes.ALPHABET, min_size=codes.MIN_CODE_CHARS, max_size=codes.MAX_CODE_CHARS)
)
def test_badge_shaped_noise_never_crashes(text: str) -> None:
    """Random text in the code alphabet of a plausible length is refused cleanly or parsed."""
    try:
        parsed = codes.parse_code(text)
    except codes.CodeError:
        return
    assert not codes.verify(parsed, Ed25519PrivateKey.generate().public_key())
