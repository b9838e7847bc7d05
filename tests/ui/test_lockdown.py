"""The window lock shared by the door screen and badge pickup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.lockdown import WindowLock


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
