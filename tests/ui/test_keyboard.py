"""The on-screen keyboard of the pickup name page: taps type into the chosen field."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.keyboard import KEY_HEIGHT, OnScreenKeyboard
from kiosk.ui.paths import load_fonts
from kiosk.ui.pickup.pages import NamePage
from kiosk.ui.pickup.texts import TEXTS
from kiosk.ui.wedge import WedgeFilter


@pytest.fixture
def page(qtbot: QtBot) -> NamePage:
    load_fonts()
    page = NamePage()
    qtbot.addWidget(page)
    page.retranslate("en")
    page.resize(1280, 800)
    page.show()
    return page


def tap(qtbot: QtBot, keyboard: OnScreenKeyboard, keys: list[str]) -> None:
    for key in keys:
        qtbot.mouseClick(keyboard.letter_keys[key], Qt.MouseButton.LeftButton)


def test_taps_type_into_the_surname_with_capitals_at_word_starts(
    qtbot: QtBot, page: NamePage
) -> None:
    """W-A-N-G typed into the surname reads 'Wang'; after a hyphen a capital again."""
    tap(qtbot, page.keyboard, ["w", "a", "n", "g", "-", "l", "i"])
    assert (page.surname.text(), page.secret.text()) == ("Wang-Li", "")


def test_tapping_a_field_makes_it_the_target(qtbot: QtBot, page: NamePage) -> None:
    """Tap the code field, then keys type there (in lower case) and the surname is left
    alone; the target is the framed field."""
    tap(qtbot, page.keyboard, ["x"])
    qtbot.mouseClick(page.secret, Qt.MouseButton.LeftButton)
    tap(qtbot, page.keyboard, ["t", "-", "0", "0", "0", "2"])
    assert (
        page.surname.text(),
        page.secret.text(),
        page.keyboard.target is page.secret,
        "4px solid" in page.secret.styleSheet(),
        "4px solid" in page.surname.styleSheet(),
    ) == ("X", "t-0002", True, True, False)


def test_backspace_and_clear(qtbot: QtBot, page: NamePage) -> None:
    """Backspace removes the last letter; clear empties the target field only."""
    page.secret.setText("t-00")
    tap(qtbot, page.keyboard, ["g", "r", "o"])
    qtbot.mouseClick(page.keyboard.backspace, Qt.MouseButton.LeftButton)
    after_backspace = page.surname.text()
    qtbot.mouseClick(page.keyboard.clear, Qt.MouseButton.LeftButton)
    assert (after_backspace, page.surname.text(), page.secret.text()) == ("Gr", "", "t-00")


def test_accents_and_catalan_l_geminate(qtbot: QtBot, page: NamePage) -> None:
    """The accent page types Müller, Groß and Gal·la; ß has no one-letter capital."""
    keyboard = page.keyboard
    typed = []
    for word in (["m", "ü", "l", "l", "e", "r"], ["ß"], ["g", "a", "l·l", "a"]):
        keyboard.target.clear()
        for key in word:
            keyboard.show_accents(key in {"ü", "ß", "l·l"})
            tap(qtbot, keyboard, [key])
        typed.append(page.surname.text())
    assert typed == ["Müller", "ß", "Gal·la"]


def test_accent_key_switches_pages(qtbot: QtBot, page: NamePage) -> None:
    """The àé key shows the accented letters instead of the plain ones, and back."""
    keyboard = page.keyboard
    qtbot.mouseClick(keyboard.accents, Qt.MouseButton.LeftButton)
    shown = (keyboard.letter_keys["é"].isVisible(), keyboard.letter_keys["e"].isVisible())
    qtbot.mouseClick(keyboard.accents, Qt.MouseButton.LeftButton)
    assert (shown, keyboard.letter_keys["e"].isVisible()) == ((True, False), True)


def test_keys_show_what_a_tap_types(qtbot: QtBot, page: NamePage) -> None:
    """Capital labels where a surname's word starts, lower case elsewhere."""
    labels = [page.keyboard.letter_keys["a"].text()]
    tap(qtbot, page.keyboard, ["a"])
    labels.append(page.keyboard.letter_keys["a"].text())
    page.keyboard.set_target(page.secret)
    labels.append(page.keyboard.letter_keys["a"].text())
    assert labels == ["A", "a", "a"]


def test_keys_never_take_focus_and_are_big(page: NamePage) -> None:
    """No key takes keyboard focus (the scanner's keys go where they went), and every key
    is at least a touch target high."""
    keys = page.keyboard.findChildren(QPushButton)
    assert [k.text() for k in keys if k.focusPolicy() != Qt.FocusPolicy.NoFocus] == []
    assert min(k.minimumHeight() for k in keys) >= KEY_HEIGHT


def test_ok_key_finds_the_badge(qtbot: QtBot, page: NamePage) -> None:
    """OK on the keyboard does what 'Find my badge' does."""
    with qtbot.waitSignal(page.find_button.clicked, timeout=1000):
        qtbot.mouseClick(page.keyboard.enter, Qt.MouseButton.LeftButton)


def test_clear_starts_over_at_the_surname(qtbot: QtBot, page: NamePage) -> None:
    """A new attendee gets empty fields, the surname as target and the plain letters."""
    qtbot.mouseClick(page.secret, Qt.MouseButton.LeftButton)
    page.keyboard.show_accents(True)
    tap(qtbot, page.keyboard, ["é"])
    page.clear()
    assert (
        page.values(),
        page.keyboard.target is page.surname,
        page.keyboard.letters.isVisible(),
    ) == (
        ("", ""),
        True,
        True,
    )


@pytest.mark.parametrize("lang", ["en", "zh_CN", "de"])
def test_texts_follow_the_language(page: NamePage, lang: str) -> None:
    """The pinyin hint and the space, clear and OK keys speak the attendee's language."""
    page.retranslate(lang)
    shown = [page.pinyin_hint.text(), page.keyboard.space.text(), page.keyboard.clear.text()]
    assert shown == [TEXTS[k][lang] for k in ("pinyin_hint", "key_space", "key_clear")]


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (800, 1280)])
@pytest.mark.parametrize("accents", [False, True], ids=["letters", "accents"])
def test_page_fits_without_overlap(
    qtbot: QtBot, page: NamePage, size: tuple[int, int], accents: bool
) -> None:
    """At each kiosk screen size the page fits (it is not held larger by its minimum size),
    every part is inside it, at its minimum height or more, and nothing overlaps, with the
    longest (German) texts."""
    page.retranslate("de")
    page.say(TEXTS["no_match"]["de"])
    page.keyboard.show_accents(accents)
    page.resize(*size)
    qtbot.waitUntil(lambda: page.keyboard.geometry().height() > 0)
    parts: list[QWidget] = [
        page.surname_label,
        page.pinyin_hint,
        page.surname,
        page.secret_label,
        page.secret,
        page.message,
        page.keyboard,
        page.find_button,
    ]
    boxes = [QRect(p.mapTo(page, QPoint(0, 0)), p.size()) for p in parts]
    inside = [page.rect().contains(b) for b in boxes]
    high_enough = [p.height() >= p.minimumSizeHint().height() for p in parts]
    in_order = [a.bottom() < b.top() for a, b in pairwise(boxes)]
    assert (page.size().toTuple(), all(inside), all(high_enough), all(in_order)) == (
        size,
        True,
        True,
        True,
    )


def test_scanner_still_scans_after_taps(qtbot: QtBot, page: NamePage) -> None:
    """After taps on the keys the field still has the focus, and a handheld scanner's
    burst there is a scan, not letters in the surname."""
    wedge = WedgeFilter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    try:
        page.activateWindow()
        tap(qtbot, page.keyboard, ["l", "i"])
        focused = QApplication.focusWidget()
        with qtbot.waitSignal(wedge.code_scanned, timeout=3000) as blocker:
            qtbot.keyClicks(focused, "T-0001")
            qtbot.keyClick(focused, Qt.Key.Key_Return)
    finally:
        app.removeEventFilter(wedge)
    assert (focused is page.surname, blocker.args, page.surname.text()) == (
        True,
        ["T-0001"],
        "Li",
    )
