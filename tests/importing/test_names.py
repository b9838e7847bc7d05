"""Splitting one name column into given and family names, CJK family-first."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from kiosk.importing.names import split_full_name


def test_names_in_several_scripts() -> None:
    """Chinese (with compound surnames), comma form, Catalan double surnames, single words."""
    assert [
        split_full_name(n)
        for n in ("张伟", "欧阳娜娜", "司马光", "张 伟", "李", "Groß, Jürgen", "Núria Puig i Solé",
                  "  Madonna ", "")
    ] == [
        ("伟", "张"),
        ("娜娜", "欧阳"),
        ("光", "司马"),
        ("伟", "张"),
        ("", "李"),
        ("Jürgen", "Groß"),
        ("Núria", "Puig i Solé"),
        ("Madonna", ""),
        ("", ""),
    ]  # fmt: skip


@given(st.text(max_size=40))
def test_splitting_keeps_every_letter(full: str) -> None:
    """No character of a name is lost or invented: only white space and one comma may go."""
    first, last = split_full_name(full)
    had = Counter(ch for ch in full if not ch.isspace())
    kept = Counter(ch for ch in first + last if not ch.isspace())
    assert had - kept in (Counter(), Counter(","))
    assert not kept - had
