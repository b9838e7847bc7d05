"""What counts as a spelling fix of a name, which an attendee may make alone at pickup.

A name correction at a self-service kiosk must not turn one person's badge into
another's ("Lucía Jiménez" into "Donald Duck"). A change is a *spelling fix* when, field
by field (first name with first name, last name with last name):

- after folding (accents and case do not count: "lucia" is "Lucía"), every part of the
  registered name is still there, each matched by one part of the new name at a
  Damerau-Levenshtein distance of at most 2 (1 for parts of 2 to 4 characters, none
  for a single character such as the Han given name 伟), so typos, a missing or extra
  letter and two letters swapped ("Jimneez") are fine;
  parts are split at spaces and hyphens, so "Puig i Solé" may become "Puig-i-Solé";
- at most one part is added per field: a missing second first name or surname;
- or the whole field, letters only, is within that distance ("McDonald", "Mc Donald").

The first and last names typed the wrong way round (each field a spelling fix of the
other) is a fix too. Anything else needs staff. A first name the attendee registered
with can never be deleted at the kiosk (that is a missing part too).
"""

from __future__ import annotations

import re

from kiosk.domain.text import fold

MAX_EDITS = 2
SHORT_PART = 4  # parts up to this long allow one edit only: "Li" must not become "Wu"
MAX_ADDED_PARTS = 1

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—]+")


def damerau_levenshtein(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two adjacent letters) from a to b
    (the optimal string alignment variant)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][len(b)]


def _parts(text: str) -> list[str]:
    return [p for p in _SEPARATORS.split(fold(text)) if p]


def _close(old: str, new: str) -> bool:
    limit = 0 if len(old) <= 1 else 1 if len(old) <= SHORT_PART else MAX_EDITS
    return damerau_levenshtein(old, new) <= limit


def _field_fix(old: str, new: str) -> bool:
    """Whether `new` is a spelling fix of one name field `old` (see the module's rules)."""
    before, after = _parts(old), _parts(new)
    if not before:
        return len(after) <= MAX_ADDED_PARTS
    if _close("".join(before), "".join(after)):
        return True
    unmatched = list(after)
    for part in before:
        match = next((p for p in unmatched if _close(part, p)), None)
        if match is None:
            return False  # a registered part deleted or replaced
        unmatched.remove(match)
    return len(unmatched) <= MAX_ADDED_PARTS


def is_spelling_fix(old_first: str, old_last: str, new_first: str, new_last: str) -> bool:
    """Whether an attendee may change their registered name to the new one on their own."""
    if old_first.strip() and not new_first.strip():
        return False  # the first name cannot be deleted
    if _field_fix(old_first, new_first) and _field_fix(old_last, new_last):
        return True
    return _field_fix(old_first, new_last) and _field_fix(old_last, new_first)
