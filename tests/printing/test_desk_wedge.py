"""The handheld-scanner detector at the staff desk with real key events: a person's typing
always reaches the search box, at any speed; a scanner's burst is a scan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.service.desk import StaffDesk
from kiosk.ui.desk import DeskWindow
from kiosk.ui.wedge import WedgeFilter
from tests.printing import test_desk_window
from tests.printing.test_desk_window import MakeDesk

make_desk = test_desk_window.make_desk  # the unlocked desk fixture


@pytest.fixture
def wedge(qtbot: QtBot) -> Iterator[WedgeFilter]:
    """The scanner filter on the whole application, as kiosk.app.connect_scanners puts it."""
    app = QApplication.instance()
    assert app is not None
    wedge = WedgeFilter()
    app.installEventFilter(wedge)
    yield wedge
    app.removeEventFilter(wedge)


def key_event(char: str, timestamp_ms: int) -> QKeyEvent:
    key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char.upper()))
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
    event.setTimestamp(timestamp_ms)
    return event


def type_keys(qtbot: QtBot, target: QWidget, text: str, gap_ms: int, busy: bool = False) -> None:
    """Key presses `gap_ms` apart by their timestamps. `busy`: the GUI thread was busy
    and they all arrive at once (as from a window system queue); else in real time."""
    start = 1_000_000
    for i, char in enumerate(text):
        event = key_event(char, start + i * gap_ms)
        if busy:
            QCoreApplication.postEvent(target, event)
        else:
            QApplication.sendEvent(target, event)
            qtbot.wait(gap_ms)
    qtbot.wait(200)  # past the filter's pause: whatever it held is delivered


@pytest.fixture
def desk_window(make_desk: MakeDesk, wedge: WedgeFilter) -> DeskWindow:
    window = make_desk()
    wedge.code_scanned.connect(window.on_code_scanned)
    window.find_page.search.query.setFocus()
    return window


@pytest.mark.parametrize("gap_ms", [70, 80, 90])
@pytest.mark.parametrize("busy", [False, True])
def test_typing_reaches_the_search_box(
    qtbot: QtBot, desk_window: DeskWindow, gap_ms: int, busy: bool
) -> None:
    """'becker' typed at 70-90 ms a key lands in the search box, even when the keys queue
    up behind a busy GUI thread; nothing is taken for a scan."""
    query = desk_window.find_page.search.query
    type_keys(qtbot, query, "becker", gap_ms, busy)
    assert query.text() == "becker"
    assert "Unknown" not in desk_window.status.text()


@pytest.mark.parametrize("gap_ms", [25, 35, 45])
def test_fast_typing_of_a_word_is_still_typing(
    qtbot: QtBot, desk_window: DeskWindow, gap_ms: int
) -> None:
    """Rolled keys of a fast typist (faster than the 50 ms pause): a short word without a
    digit is typing, not a code."""
    query = desk_window.find_page.search.query
    type_keys(qtbot, query, "becker\r", gap_ms, busy=True)
    assert query.text() == "becker"


def test_scanner_burst_is_a_scan(
    qtbot: QtBot, desk_window: DeskWindow, wedge: WedgeFilter, desk: StaffDesk
) -> None:
    """A ticket code at 3 ms a key with Enter is recognised as a scan: the attendee shows
    and the search box gets none of its keys."""
    query = desk_window.find_page.search.query
    with qtbot.waitSignal(wedge.code_scanned, timeout=2000) as scanned:
        type_keys(qtbot, query, "T-0003\r", 3, busy=True)
    assert scanned.args == ["T-0003"]
    assert query.text() == ""
    assert desk_window.attendee is not None and desk_window.attendee.id == "A3"


def test_scan_right_after_typing_keeps_both(
    qtbot: QtBot, desk_window: DeskWindow, wedge: WedgeFilter
) -> None:
    """Typing, then a scanner burst: the typed letters stay typed, the burst is a scan."""
    query = desk_window.find_page.search.query
    start = 1_000_000
    events = [key_event(c, start + i * 80) for i, c in enumerate("gro")]
    events += [key_event(c, start + 400 + i * 3) for i, c in enumerate("T-0003\r")]
    with qtbot.waitSignal(wedge.code_scanned, timeout=2000) as scanned:
        for event in events:
            QCoreApplication.postEvent(query, event)
        qtbot.wait(200)
    assert (query.text(), scanned.args) == ("gro", ["T-0003"])


def test_a_letters_only_code_at_scanner_speed_is_a_scan(
    qtbot: QtBot, desk_window: DeskWindow, wedge: WedgeFilter
) -> None:
    """A ticket code of letters only ('GUESTPASS') at 3 ms a key is still a scan: no
    person types that fast, whatever the code looks like. It keeps its case as typed (no
    badge code): identify tries the caps-lock variant when looking it up."""
    query = desk_window.find_page.search.query
    with qtbot.waitSignal(wedge.code_scanned, timeout=2000) as scanned:
        type_keys(qtbot, query, "guestpass\r", 3, busy=True)
    assert (scanned.args, query.text()) == (["guestpass"], "")
