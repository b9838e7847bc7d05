"""The window lock shared by the door screen and badge pickup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.door import DoorOptions
from kiosk.ui.lockdown import WindowLock
from kiosk.ui.staff import run_action


class KeyRecorder(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append(event.key())


def test_locked_window_refuses_close_and_escape_until_allowed(qtbot: QtBot) -> None:
    """Locked: close() fails and Escape never reaches the window; other keys do; after
    allow_close() the window closes."""
    window = KeyRecorder()
    qtbot.addWidget(window)
    lock = WindowLock(window, locked=True)
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_A)
    refused = window.close()
    lock.allow_close()
    assert (refused, window.keys, window.close()) == (False, [Qt.Key.Key_A], True)


def test_unlocked_window_closes_and_takes_escape(qtbot: QtBot) -> None:
    """Unlocked (rehearsals, staff laptops): Escape and closing behave as usual."""
    window = KeyRecorder()
    qtbot.addWidget(window)
    WindowLock(window, locked=False)
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert (window.keys, window.close()) == ([Qt.Key.Key_Escape], True)


def test_locked_window_covers_its_screen_and_stays_there(qtbot: QtBot) -> None:
    """With no window manager, showFullScreen() alone leaves a window at its size hint in
    the corner: the lock sets the screen's geometry itself, and puts the window back when
    something resizes or moves it."""
    window = KeyRecorder()
    qtbot.addWidget(window)
    window.resize(300, 200)
    lock = WindowLock(window, locked=True)
    lock.cover_screen()
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.geometry() == screen)
    window.setGeometry(10, 20, 300, 200)
    qtbot.waitUntil(lambda: window.geometry() == screen)
    lock.set_locked(False)
    window.setGeometry(10, 20, 300, 200)
    qtbot.wait(50)
    assert (window.geometry().width(), window.close()) == (300, True)


def test_staff_leave_and_return_to_locked_mode(qtbot: QtBot, make_door) -> None:  # type: ignore[no-untyped-def]
    """The staff menu's full-screen switch really leaves locked mode (a normal window that
    Escape and close reach) and returns to it (the whole screen, close refused)."""
    door = make_door(options=DoorOptions(reset_after_s=60, reduce_motion=True, locked=True))
    window = door.window
    window.lock.cover_screen()
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.geometry() == screen)
    run_action(window, "fullscreen")
    qtbot.waitUntil(lambda: not window.isFullScreen())
    unlocked = (window.lock.locked, window.options.locked)
    run_action(window, "fullscreen")
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry() == screen)
    assert (unlocked, window.close()) == ((False, False), False)


def test_the_app_icon_renders(qtbot: QtBot) -> None:
    """kiosk.svg, the window icon make_application sets on every window (and the
    launcher's), loads through Qt's SVG icon engine."""
    from PySide6.QtGui import QIcon

    from kiosk.ui.paths import icon_path

    pixmap = QIcon(str(icon_path("kiosk"))).pixmap(64, 64)
    image = pixmap.toImage()
    assert (pixmap.isNull(), image.pixelColor(32, 4).name()) == (False, "#13213d")
