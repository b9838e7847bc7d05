"""Payload bytes to text and one-line escaping."""

from __future__ import annotations

from kiosk.scanning.payload import MAX_CODE_CHARS, one_line, payload_text


def test_utf8_payload_is_decoded_as_utf8() -> None:
    """Valid UTF-8 (phones, our badges) reads as UTF-8."""
    assert payload_text("张伟 Groß".encode()) == "张伟 Groß"


def test_non_utf8_payload_falls_back_to_latin1_and_keeps_its_bytes() -> None:
    """Invalid UTF-8 never raises: it is read as ISO-8859-1 and stays reversible."""
    raw = b"\xff\xfe caf\xe9 \x00"
    text = payload_text(raw)
    assert text == "ÿþ café \x00"
    assert text.encode("latin-1") == raw


def test_huge_payload_is_capped() -> None:
    """A payload longer than the cap is cut to MAX_CODE_CHARS characters."""
    assert len(payload_text(b"7" * 7000)) == MAX_CODE_CHARS


def test_one_line_escapes_control_characters_but_keeps_printable_text() -> None:
    """Newlines, tabs and control characters are escaped; non-ASCII and backslashes stay."""
    assert one_line("a\nb\tc\r\x00\x1b张\\d\u2028") == "a\\nb\\tc\\r\\x00\\x1b张\\d\\u2028"
