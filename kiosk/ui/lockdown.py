"""Locked kiosk windows: full screen, no Escape, no closing until staff allow it.

Full screen is a request to the window manager (`_NET_WM_STATE_FULLSCREEN` on X11). A
dedicated kiosk often has none: a bare X server started by xinit, or Xvfb in CI, where
`showFullScreen()` alone leaves the window at its size hint in the top-left corner. So a
locked window also sets its geometry to its screen's, and again whenever the screen
changes size (a projector plugged in, xrandr) or the window moves to another screen.
Under a window manager or a kiosk compositor (cage) the geometry asked for is the one
full screen gives anyway, so the same code serves everywhere.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QScreen, QWindow
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class WindowLock(QObject):
    """Watches one window (an event filter on it): refuses its close until allow_close(),
    and when locked covers its whole screen, swallows Escape and undoes leaving full
    screen or minimising."""

    def __init__(self, window: QWidget, locked: bool) -> None:
        super().__init__(window)
        self.window = window
        self.locked = locked
        self.may_close = not locked
        self._handle: QWindow | None = None
        self._screen: QScreen | None = None
        self._covering = False
        window.installEventFilter(self)

    def allow_close(self) -> None:
        self.may_close = True

    def set_locked(self, locked: bool) -> None:
        """Staff switch the lock (the door's staff menu): locked covers the screen at
        once; unlocked returns to a normal window, which may then be closed."""
        self.locked = locked
        self.may_close = not locked
        if locked:
            self.cover_screen()
        elif self.window.isVisible():
            self.window.showNormal()

    def cover_screen(self) -> None:
        """Show the window full screen over the whole of its screen, window manager or
        not, and keep it so while the screen changes."""
        self.window.showFullScreen()
        self._fit()

    def _fit(self) -> None:
        if not self.locked or self.may_close or self._covering:
            return
        handle = self.window.windowHandle()
        screen = handle.screen() if handle is not None else self.window.screen()
        if handle is not None and handle is not self._handle:
            self._handle = handle
            handle.screenChanged.connect(self._screen_changed)
        self._watch(screen)
        wanted = screen.geometry()
        moved = self.window.geometry() != wanted
        self._covering = True  # both send events that would come back here
        try:
            if moved:
                self.window.setGeometry(wanted)
            if not self.window.isFullScreen():  # QWidget.setGeometry() drops the state
                self.window.setWindowState(
                    self.window.windowState() | Qt.WindowState.WindowFullScreen
                )
        finally:
            self._covering = False
        if moved:
            log.info(
                "locked window covers screen %r: %dx%d at %d,%d",
                screen.name(),
                wanted.width(),
                wanted.height(),
                wanted.x(),
                wanted.y(),
            )

    def _watch(self, screen: QScreen) -> None:
        if screen is self._screen:
            return
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self._screen_resized)
        self._screen = screen
        screen.geometryChanged.connect(self._screen_resized)

    def _screen_changed(self, _screen: QScreen) -> None:
        QTimer.singleShot(0, self, self._fit)

    def _screen_resized(self, _geometry: object) -> None:
        QTimer.singleShot(0, self, self._fit)

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
        if kind == QEvent.Type.Show:
            QTimer.singleShot(0, self, self._fit)
        elif kind == QEvent.Type.WindowStateChange and self.window.isVisible():
            if self.window.isFullScreen():
                QTimer.singleShot(0, self, self._fit)
            else:
                QTimer.singleShot(0, self, self.cover_screen)
        elif kind in (QEvent.Type.Resize, QEvent.Type.Move) and self.window.isVisible():
            # No window manager keeps a full-screen window in place: put it back.
            QTimer.singleShot(0, self, self._fit)
        return False
