"""The board's roll call: behind the staff PIN, who is in each hall with type, seat and
entry time, how fresh each kiosk's data is and what may be missing; it closes itself when
left alone, and no e-mail ever shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.domain.trust import Enrolment, Role
from kiosk.service.rollcall import inside
from kiosk.service.staff_pin import StaffPin
from kiosk.store import trust_state
from kiosk.store.db import write
from kiosk.store.demo_day import admit
from kiosk.ui.board import BoardWindow
from kiosk.ui.board_pages import HALLS, ROLL_CALL
from kiosk.ui.i18n import Languages
from tests.conftest import PEOPLE, at

PIN = "246802"
NOW = at("14 10:20")


@pytest.fixture
def board(qapp: QApplication, db: Database, event: Event, qm_folder: Path) -> Iterator[BoardWindow]:
    """A board at 10:20 with two people in the keynote (one seated), one who left, and an
    enrolled door that has sent nothing."""
    keynote = event.session("keynote")
    assert keynote is not None
    StaffPin(db).set_pin(PIN)
    with write(db):
        db.execute("UPDATE attendees SET seat = 'B-7' WHERE id = 'A2'")
        admit(db, keynote, "A1", at("14 09:40"))
        admit(db, keynote, "A2", at("14 09:45"))
        admit(db, keynote, "A6", at("14 09:50"))
        admit(db, keynote, "A6", at("14 10:05"), -1)
        trust_state.enrol(db, Enrolment("door-north", b"\0" * 32, Role.DOOR))
    window = BoardWindow(
        db,
        event,
        lambda: NOW,
        Languages(qapp, qm_folder),
        refresh_ms=60_000,
        rollcall=lambda: inside(db, event, now=NOW),
    )
    window.resize(1280, 800)
    window.show()
    yield window
    window.pages.rollcall.close_view()
    window.close()


def _open_with(board: BoardWindow, pin: str) -> None:
    """Click the roll call button and type `pin` on the pad that it opens."""

    def answer() -> None:
        pad = board.pages.pin_pad
        assert pad is not None
        pad.entry.setText(pin)
        pad.submit()
        if pad.isVisible():
            pad.reject()

    QTimer.singleShot(0, answer)
    board.pages.buttons[ROLL_CALL].click()


def _all_text(board: BoardWindow) -> str:
    view = board.pages.rollcall
    cells = [str(v) for row in view.model.rows for v in row]
    labels = [w.text() for w in view.findChildren(QLabel)]
    return "\n".join(cells + labels)


def test_roll_call_needs_the_pin(board: BoardWindow) -> None:
    """A wrong PIN leaves the board as it was and shows nobody's name."""
    _open_with(board, "000000")
    assert board.pages.stack.currentIndex() == HALLS
    assert board.pages.rollcall.model.rows == []
    assert "Núria" not in _all_text(board)


def test_roll_call_lists_who_is_inside(board: BoardWindow) -> None:
    """The right PIN: the two inside with type, seat and entry time, not the one who
    left; the door that sent nothing is named as possibly missing."""
    _open_with(board, PIN)
    view = board.pages.rollcall
    assert board.pages.stack.currentIndex() == ROLL_CALL
    assert view.model.rows == [
        ("Main hall", "张伟", "Delegate", "—", "09:40", "door-main"),
        ("Main hall", "Núria Puig i Solé", "Delegate", "B-7", "09:45", "door-main"),
    ]
    assert (view.hall_buttons[None].text(), view.hall_buttons["main"].text()) == (
        "All halls: 2", "Main hall: 2",
    )  # fmt: skip
    assert "door-north: nothing received yet: its entries may be missing" in view.fresh.text()
    assert "door-main: newest record 10:05 (15 min ago)" in view.fresh.text()


def test_roll_call_by_hall(board: BoardWindow) -> None:
    """A hall's button shows only the people in that hall; All shows everyone again."""
    _open_with(board, PIN)
    view = board.pages.rollcall
    view.hall_buttons["floor"].click()
    assert (view.model.rows, view.hall_buttons["floor"].text()) == ([], "Exhibition floor: 0")
    view.hall_buttons[None].click()
    assert len(view.model.rows) == 2


def test_roll_call_never_shows_an_e_mail(board: BoardWindow) -> None:
    """Nothing on the roll call holds an attendee's e-mail address, or any '@'."""
    _open_with(board, PIN)
    text = _all_text(board)
    assert "@" not in text
    assert not [p.email for p in PEOPLE if p.email and p.email in text]


def test_roll_call_closes_itself_when_left_alone(board: BoardWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Untouched for its idle time, the roll call closes: back on the halls, names gone."""
    view = board.pages.rollcall
    view.idle.setInterval(300)
    _open_with(board, PIN)
    assert view.model.rows
    with qtbot.waitSignal(view.closed, timeout=3000):
        pass
    assert (board.pages.stack.currentIndex(), view.model.rows, view.is_open) == (HALLS, [], False)
    assert "Núria" not in _all_text(board)


def test_a_touch_keeps_the_roll_call_open(board: BoardWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A touch restarts the idle time; leaving the page closes the roll call at once."""
    view = board.pages.rollcall
    view.idle.setInterval(60_000)
    view.idle.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may read 5 % long
    _open_with(board, PIN)
    qtbot.wait(300)
    before = view.idle.remainingTime()
    assert before < 59_800
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton)
    assert view.is_open and view.idle.remainingTime() > before
    board.pages.buttons[HALLS].click()
    assert (view.is_open, view.model.rows) == (False, [])
