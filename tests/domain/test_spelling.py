"""Which name changes an attendee may make alone at pickup: spelling fixes only."""

from __future__ import annotations

import pytest

from kiosk.domain.spelling import damerau_levenshtein, is_spelling_fix


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [("jimenez", "jimenez", 0), ("jimenez", "jimneez", 1), ("muller", "mueller", 1),
     ("lucia", "luica", 1), ("groß", "gross", 2), ("", "abc", 3), ("donald", "lucia", 6)],
)  # fmt: skip
def test_damerau_levenshtein(a: str, b: str, edits: int) -> None:
    """Insertions, deletions, substitutions and adjacent swaps count one edit each."""
    assert damerau_levenshtein(a, b) == edits


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (("Lucia", "Jimenez"), ("Lucía", "Jiménez")),  # accents
        (("LUCÍA", "JIMÉNEZ"), ("Lucía", "Jiménez")),  # case
        (("Lucía", "Jimneez"), ("Lucía", "Jiménez")),  # letter order
        (("Jurgen", "Gros"), ("Jürgen", "Groß")),  # a few edits
        (("Núria", "Puig i Solé"), ("Núria Maria", "Puig i Solé")),  # a missing part
        (("Jürgen", "Groß"), ("Jürgen", "Groß-Müller")),  # a second surname
        (("Núria", "Puig i Solé"), ("Núria", "Puig-i-Solé")),  # hyphens for spaces
        (("Ronald", "Mc Donald"), ("Ronald", "McDonald")),  # parts joined
        (("Wei", "Zhang"), ("Zhang", "Wei")),  # first and last the wrong way round
        (("秀英", "王"), ("秀瑛", "王")),  # one character of a Han given name
    ],
)
def test_spelling_fixes(old: tuple[str, str], new: tuple[str, str]) -> None:
    """Accents, case, letter order, a few edits and one added part are spelling fixes."""
    assert is_spelling_fix(*old, *new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (("Lucía", "Jiménez Jiménez"), ("Donald", "Duck")),  # another person
        (("Lucía", "Jiménez"), ("", "Jiménez")),  # the first name deleted
        (("Lucía", "Jiménez"), ("Lucía", "")),  # the surname deleted
        (("Lucía", "Jiménez Jiménez"), ("Lucía", "Jiménez")),  # a registered part dropped
        (("Lucía", "Jiménez"), ("Lucía", "Jiménez García López")),  # two parts added
        (("Li", "Wang"), ("Wu", "Wang")),  # a short part rewritten
        (("Lucía", "Jiménez"), ("Lucía", "Martínez")),  # another surname
        (("伟", "张"), ("明", "张")),  # a one-character given name replaced
    ],
)
def test_bigger_changes_need_staff(old: tuple[str, str], new: tuple[str, str]) -> None:
    """Replacing or deleting a part, or adding more than one, is more than spelling."""
    assert not is_spelling_fix(*old, *new)
