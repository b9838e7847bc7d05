"""Locked kiosk windows: full screen, no Escape, no closing until staff allow it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class WindowLock(QObject):
    """Watches one window (an event filter on it): refuses its close until allow_close(),
    and when locked swallows Escape and undoes leaving full screen or minimising."""

    def __init__(self, window: QWidget, locked: bool) -> None:
        super().__init__(window)
        self.window = window
        self.locked = locked
        self.may_close = not locked
        window.installEventFilter(self)

    def allow_close(self) -> None:
        self.may_close = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and not self.may_close:
            event.ignore()  # an ignored close event makes QWidget.close() return False
            return True
        if not self.locked or self.may_close:
            return False
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            return True
        if (
            kind == QEvent.Type.WindowStateChange
            and self.window.isVisible()
            and not self.window.isFullScreen()
        ):
            QTimer.singleShot(0, self.window.showFullScreen)
        return False
