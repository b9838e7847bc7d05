"""Staff dialogs: the kiosk's look, touch-sized, scaled to the screen, frameless when the
door is full screen; the PIN pad beside the verdict, its keys unmoved by a wrong PIN; the
hall chooser with whole session titles and a Cancel."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QDialog, QWidget
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.event_file import parse_event
from kiosk.service.staff_pin import StaffPin
from kiosk.ui.dialogs import ConfirmDialog
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.staff_dialog import HallChooser, StaffDialog
from tests.conftest import TINY_EVENT, at

LONG_TITLE = "Keynote Panel: Cities as Platforms: Data, AI and the Urban Operating System"


def _global(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_pin_pad_leaves_the_verdict_in_view(
    make_door: Callable[..., Door], db: Database, qtbot, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    """The PIN pad opens beside (landscape) or above (portrait) the verdict panel."""
    StaffPin(db).set_pin("246802")
    door = make_door()
    door.window.resize(*size)
    qtbot.wait(20)
    seen: list[QRect] = []

    def look_and_cancel() -> None:
        seen.append(_global(door.window.pin_pad))
        door.window.pin_pad.reject()

    QTimer.singleShot(0, look_and_cancel)
    door.window.with_staff(lambda: None)
    assert seen and not seen[0].intersects(_global(door.window.panel))
    assert _global(door.window).contains(seen[0])


def test_wrong_pin_does_not_squeeze_the_keypad(db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Keys are 64 px or more; after a wrong PIN (a message appears) they have the same
    size and place, and so has the pad."""
    StaffPin(db).set_pin("246802")
    pad = PinDialog(StaffPin(db))
    qtbot.addWidget(pad)
    pad.show()
    qtbot.wait(10)
    before = ({k: b.geometry() for k, b in pad.buttons.items()}, pad.size())
    pad.entry.setText("0000")
    pad.submit()
    qtbot.wait(10)
    assert pad.message.text().startswith("Wrong PIN")
    assert ({k: b.geometry() for k, b in pad.buttons.items()}, pad.size()) == before
    assert min(min(b.width(), b.height()) for b in pad.buttons.values()) >= 64


def test_dialogs_scale_with_the_screen_and_lose_the_title_bar_when_locked(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    """Over a 1920x1080 window keys grow by 1.35; over a full-screen window the dialogs
    are frameless; buttons of the staff menu are at least 64 px tall."""
    small, big = QWidget(), QWidget()
    for widget, size in ((small, (1280, 800)), (big, (1920, 1080))):
        qtbot.addWidget(widget)
        widget.resize(*size)
    menu_small = StaffDialog(False, False, False, ["en"], small)
    menu_big = StaffDialog(False, False, False, ["en"], big)
    for menu in (menu_small, menu_big):
        qtbot.addWidget(menu)
    assert menu_small.frameless is False
    assert min(b.minimumHeight() for b in menu_small.buttons.values()) >= 64
    ratio = (
        menu_big.buttons["undo"].font().pointSizeF()
        / menu_small.buttons["undo"].font().pointSizeF()
    )
    assert ratio == pytest.approx(1.35, abs=0.01)
    big.showFullScreen()
    locked = ConfirmDialog("Quit?", "Really?", "Quit", big)
    qtbot.addWidget(locked)
    assert locked.frameless and bool(locked.windowFlags() & Qt.WindowType.FramelessWindowHint)


def test_hall_chooser_shows_whole_titles_and_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A 75-character session title is in its row whole (wrapped, not elided), the row is
    tall enough for it, and Cancel closes with no hall chosen."""
    event = parse_event(TINY_EVENT.replace('title = "Keynote"', f'title = "{LONG_TITLE}"'), "t")
    chooser = HallChooser(event, at("14 10:00"))
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.wait(10)
    item = chooser.list.item(0)
    assert item.text() == f"Main hall\n{LONG_TITLE}"
    assert chooser.list.textElideMode() == Qt.TextElideMode.ElideNone
    rect = chooser.list.visualItemRect(item)
    needed = chooser.list.fontMetrics().boundingRect(
        0, 0, rect.width(), 10_000, int(Qt.TextFlag.TextWordWrap), item.text()
    )
    assert rect.height() >= needed.height()
    chooser.cancel.click()
    assert (chooser.result(), chooser.chosen) == (QDialog.DialogCode.Rejected, None)
