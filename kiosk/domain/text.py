"""Folding text for search: case- and accent-insensitive, any script."""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose into base + accent but that people type without the mark.
_SPECIAL = {"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i"}
# Combining marks left by NFKD (Latin, Greek, Cyrillic, Vietnamese accents...).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """'Jürgen Groß' -> 'jurgen gross'; '张伟' stays '张伟'; full-width forms become ASCII."""
    text = text.casefold()
    if not text.isascii():
        # Plain replace, not str.translate: a dict-based translate was the slowest step
        # of importing a million attendees.
        for letter, plain in _SPECIAL.items():
            if letter in text:
                text = text.replace(letter, plain)
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.split())
