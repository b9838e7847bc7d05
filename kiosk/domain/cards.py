"""Contactless cards, seats and attention notes: the normal forms and bounds of what an
import, the desk or a reader gives for them."""

from __future__ import annotations

import re
import unicodedata

# A keyboard-wedge card reader types the UID as hex ("04A1B2C3D4E5F6", a 7-byte NTAG) or
# as decimal ("0012345678", a 4-byte UID as ten digits), some with ':', '-' or spaces
# between bytes, then Enter. Kiosk keeps the digits as typed, upper-cased, without the
# separators: it cannot convert between decimal and hex, since a hex UID of digits only
# ("12345678") reads as a decimal one too. The import and the door's reader must therefore
# type the same form (set the readers alike).
MIN_UID, MAX_UID = 4, 32  # a 10-byte UID is 20 hex or 25 decimal digits
_UID_SEPARATORS = re.compile(r"[:\-\s]")
_UID = re.compile(r"^[0-9A-F]+$")

MAX_SEAT = 24  # "Balcony C-114", "3排12座"
MAX_NOTE = 200  # read at a glance at the door; longer is a letter, not a note


def normal_uid(text: str) -> str | None:
    """A card UID as kiosk stores and looks it up ('04:a1:b2:c3' -> '04A1B2C3'); None
    where `text` is not one (too short or long, or other characters than hex digits)."""
    if len(text) > 3 * MAX_UID:  # bounded before any work: a scan can be anything
        return None
    uid = _UID_SEPARATORS.sub("", text).upper()
    if not MIN_UID <= len(uid) <= MAX_UID or not _UID.match(uid):
        return None
    return uid


def clean_seat(text: str) -> str:
    """A seat label, spaces collapsed; ValueError where it is too long or holds control
    characters."""
    return _clean_line(text, MAX_SEAT, "seat")


def clean_note(text: str) -> str:
    """An attention note, spaces (and line breaks) collapsed to one line; ValueError where
    it is too long or holds control characters."""
    return _clean_line(text, MAX_NOTE, "note")


def _clean_line(text: str, limit: int, what: str) -> str:
    if len(text) > 4 * limit:
        raise ValueError(f"{what}: at most {limit} characters")
    line = " ".join(text.split())
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in line):
        raise ValueError(f"{what}: holds control or unassigned characters")
    if len(line) > limit:
        raise ValueError(f"{what}: at most {limit} characters, got {len(line)}")
    return line
