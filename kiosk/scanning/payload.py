"""QR payload bytes to text: lenient decoding, a length cap, and one-line escaping for output."""

from __future__ import annotations

MAX_CODE_CHARS = 4096
"""Longer payloads are cut: a badge code is ~150 chars and a QR holds at most 7089 digits."""


def payload_text(raw: bytes) -> str:
    """The text of a QR payload whose character set is not known.

    UTF-8 when the bytes are valid UTF-8 (what phones and our badges write); otherwise
    ISO-8859-1, the QR standard's default for byte mode. Latin-1 maps every byte to one
    character, so decoding never fails and the raw bytes stay recoverable with
    `text.encode("latin-1")`; a foreign or garbage code then reaches the decision service,
    which refuses it with a reason, instead of crashing the camera loop.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return cap_length(text)


def cap_length(text: str) -> str:
    """The text cut to MAX_CODE_CHARS characters."""
    return text if len(text) <= MAX_CODE_CHARS else text[:MAX_CODE_CHARS]


_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def one_line(text: str) -> str:
    """The text with non-printable characters escaped: one code, one line.

    Printable text, non-ASCII included (张伟, Groß), is kept as is, backslashes too (vCard
    and MECARD payloads are full of them and should read as scanned); tab, newline and
    carriage return become \\t \\n \\r, other control characters and line or paragraph
    separators \\xNN, \\uNNNN or \\UNNNNNNNN, as in a Python string literal.
    """
    out: list[str] = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            code = ord(ch)
            if code <= 0xFF:
                out.append(f"\\x{code:02x}")
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
    return "".join(out)
