"""Folding text for search: case- and accent-insensitive, any script."""

from __future__ import annotations

import unicodedata

# Letters that do not decompose into base + accent but that people type without the mark.
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i"})


def fold(text: str) -> str:
    """'Jürgen Groß' -> 'jurgen gross'; '张伟' stays '张伟'; full-width forms become ASCII."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())
