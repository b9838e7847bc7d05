"""The staff desk's layout as staff read it: nothing cut off, the status line on screen,
the print history in words, no stale problem message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QTableWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from kiosk.app_badges import show_unlocked
from kiosk.domain.attendee import Attendee
from kiosk.store import attendees
from kiosk.store.db import write
from kiosk.ui.desk import DeskWindow
from tests.printing import test_desk_window
from tests.printing.conftest import FakeOutput
from tests.printing.test_desk_window import MakeDesk, click_and_print, find

make_desk = test_desk_window.make_desk  # the unlocked desk fixture

LONG = Attendee(
    "D1", "Hans-Jürgen Maximilian", "Müller-Lüdenscheidt", "Deutsche Telekom AG, Smart Cities",
    "hj.mueller@telekom.example", "delegate", ticket_code="DESK-0001",
)  # fmt: skip


class PdfLikeOutput(FakeOutput):
    """Named as the desk's PDF output is: a long path."""

    @property
    def name(self) -> str:
        return "pdf:/home/staff/.local/share/kiosk/badges/badge-{id}.pdf"


def cut_cells(table: QTableWidget) -> list[str]:
    """Texts of visible cells that do not fit their cell, even wrapped at word breaks."""
    metrics = QFontMetrics(table.font())
    style = table.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    cut = []
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            item = table.item(row, col)
            if item is None or not item.text():
                continue
            rect = table.visualRect(table.model().index(row, col))
            room = QRect(0, 0, rect.width() - margin, 100_000)  # the cell's text margins
            needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), item.text())
            if needed.width() > room.width() or needed.height() > rect.height():
                cut.append(item.text())
    return cut


@pytest.fixture
def long_named(db: Database) -> Attendee:
    with write(db):
        attendees.save(db, LONG)
    return LONG


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (800, 1280)])
def test_result_list_shows_whole_names(
    qtbot: QtBot, make_desk: MakeDesk, long_named: Attendee, size: tuple[int, int]
) -> None:
    """'Hans-Jürgen Maximilian Müller-Lüdenscheidt' is whole in the list, not 'Hans-Jürg…'."""
    window = make_desk()
    window.resize(1000, 700)
    find(window, "Lüdenscheidt")
    qtbot.wait(50)
    window.resize(*size)  # staff resize the window with the list filled: rows follow
    qtbot.wait(100)
    table = window.find_page.search.table
    assert table.item(0, 0).text() == long_named.name
    assert cut_cells(table)[:1] in ([], [long_named.company])  # the company may wrap too
    assert long_named.name not in cut_cells(table)


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (800, 1280)])
def test_print_history_is_whole_and_names_a_replacement(
    qtbot: QtBot,
    make_desk: MakeDesk,
    long_named: Attendee,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    """First print, reprint, replacement: every history cell fits (long printer paths and
    reasons wrap); the replacement reads 'replacement', 'lost badge', not 'reprint · staff'."""
    window = make_desk(output=PdfLikeOutput())
    window.resize(1000, 700)
    find(window, "Lüdenscheidt")
    card = window.find_page.card
    click_and_print(qtbot, window, card.print_button)
    card.reason.setEditText("damaged badge, the printer smudged the name")
    click_and_print(qtbot, window, card.reprint_button)
    monkeypatch.setattr(window, "confirm", lambda q: True)
    card.reason.setEditText("lost badge")
    click_and_print(qtbot, window, card.replace_button)
    window.resize(*size)
    qtbot.wait(100)
    rows = [[card.history.item(r, c).text() for c in (1, 4)] for r in range(3)]
    assert rows == [
        ["replacement", "lost badge"],
        ["reprint · staff", "damaged badge, the printer smudged the name"],
        ["first print", ""],
    ]
    assert "(replacement)" in window.status.text()
    assert cut_cells(card.history) == []


def test_unknown_code_goes_once_staff_search(
    qtbot: QtBot, make_desk: MakeDesk, long_named: Attendee
) -> None:
    """A red 'Unknown code' does not stay under the attendee found by the next search."""
    window = make_desk()
    window.on_code_scanned("NO-SUCH-CODE-42")
    assert "Unknown code" in window.status.text()
    find(window, "Lüdenscheidt")
    assert window.attendee is not None and window.attendee.id == "D1"
    assert "Unknown code" not in window.status.text()


def test_unlocked_desk_fits_a_small_screen(qtbot: QtBot, make_desk: MakeDesk) -> None:
    """On a screen no larger than 1280x800 the unlocked desk fits it, status line included."""
    window: DeskWindow = make_desk()
    window.hide()
    show_unlocked(window)
    qtbot.waitExposed(window)
    screen = window.screen().availableGeometry()
    assert screen.width() < 1296 or screen.height() < 848  # offscreen: 800x600
    assert screen.contains(window.frameGeometry()), (screen, window.frameGeometry())
    status_bottom = window.status.mapTo(window, window.status.rect().bottomLeft()).y()
    assert status_bottom < window.height()
