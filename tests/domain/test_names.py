"""Surnames as people type them: folded Latin spellings and pinyin for Han surnames."""

from __future__ import annotations

import pytest

from kiosk.domain.names import pinyin, surname_keys, surname_matches


def test_han_surnames_have_their_pinyin() -> None:
    """王 is 'wang', the compound 欧阳 is 'ouyang' in one word; the Hanzi stay keys too."""
    assert (surname_keys("王"), surname_keys("欧阳")) == (
        frozenset({"王", "wang"}),
        frozenset({"欧阳", "ouyang"}),
    )


def test_surname_readings_are_kept_beside_the_common_ones() -> None:
    """单 and 曾 read shan and zeng as surnames; the everyday dan and ceng still match."""
    assert (surname_keys("单"), surname_keys("曾")) == (
        frozenset({"单", "shan", "dan"}),
        frozenset({"曾", "zeng", "ceng"}),
    )


@pytest.mark.parametrize(
    ("surname", "reading"),
    [
        ("区", "ou"),
        ("解", "xie"),
        ("仇", "qiu"),
        ("朴", "piao"),
        ("萬俟", "moqi"),
        ("長孫", "zhangsun"),
    ],
)
def test_more_surname_readings(surname: str, reading: str) -> None:
    """Surnames pypinyin reads as common words (and traditional compounds) get their
    surname reading."""
    assert reading in surname_keys(surname)


def test_latin_surnames_are_folded_only() -> None:
    """Groß is 'gross', Puig i Solé keeps its spaces; no pinyin for Latin names."""
    assert (surname_keys("Groß"), surname_keys("Puig i Solé")) == (
        frozenset({"gross"}),
        frozenset({"puig i sole"}),
    )


def test_u_umlaut_in_pinyin_accepts_the_usual_spellings() -> None:
    """吕 (Lü) is found as lv, lu or lyu, the spellings of passports and keyboards."""
    assert surname_keys("吕") == frozenset({"吕", "lv", "lu", "lyu"})


@pytest.mark.parametrize(
    ("surname", "typed", "expected"),
    [
        ("王", "wang", True),
        ("王", "WANG", True),
        ("王", "王", True),
        ("欧阳", "ouyang", True),
        ("欧阳", "Ou Yang", True),
        ("欧阳", "ou", False),
        ("单", "shan", True),
        ("Puig i Solé", "puig", True),
        ("Puig i Solé", "PUIG I SOLE", True),
        ("Puig i Solé", "pui", False),
        ("Puig i Solé", "sole", True),
        ("Puig i Solé", "i", False),
        ("Müller-Lüdenscheidt", "Muller", True),
        ("Müller-Lüdenscheidt", "lüdenscheidt", True),
        ("Müller-Lüdenscheidt", "Muller Ludenscheidt", True),
        ("Müller-Lüdenscheidt", "müller-lüdenscheidt", True),
        ("Müller-Lüdenscheidt", "Mull", False),
        ("García Márquez", "marquez", True),
        ("Groß", "gross", True),
        ("Groß", "gro ss", False),
        ("Wang", "wang", True),
        ("王", "", False),
    ],
)
def test_surname_matches(surname: str, typed: str, expected: bool) -> None:
    """The whole surname, any part of a hyphenated or compound one, or its pinyin with or
    without spaces; nothing less."""
    assert surname_matches(surname, typed) is expected


def test_pinyin_of_given_names_and_latin_text() -> None:
    """Given names in Han read as one word; text without Han has no pinyin."""
    assert (pinyin("秀英"), pinyin("伟"), pinyin("Jürgen")) == ("xiuying", "wei", "")
