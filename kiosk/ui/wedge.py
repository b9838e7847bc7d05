"""WedgeFilter: an application-wide event filter that turns a handheld scanner's keys into scans.

A keyboard-wedge scanner types a code in a burst (a key every few milliseconds) ended by
Enter, Tab or a pause; people type far slower. Every plain key press is held back for
`pause_s`: if it turns out to be part of a scanner burst the burst becomes a scan (and
the focused widget never sees it); otherwise the held keys are delivered to where they
were going, so staff typing into the search box notice nothing but a 50 ms delay. Being
installed on the QApplication, it sees keys whatever has focus: a menu, a dialog, or a
modal PIN pad; a scan is never lost to them.

Keys are timed by the window system's timestamp of each key event, not by when Qt gets
round to them: while the GUI thread is busy (a search, a badge preview repainting) a
person's keys queue up and arrive together, and timed on arrival they would look like a
scanner's burst. A burst must also have a code's shape (kiosk.scanning.wedge.looks_like_code)
to become a scan; anything else held back is always delivered as typing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.scanning.wedge import KeyboardWedge

_ENDS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)


class WedgeFilter(QObject):
    code_scanned = Signal(str)

    def __init__(
        self,
        pause_s: float = 0.05,
        min_length: int = 4,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.wedge = KeyboardWedge(pause_s=pause_s, min_length=min_length)
        self.clock = clock
        self.enabled = True
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(pause_s * 1000)))
        self._timer.timeout.connect(self._pause)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.enabled
            or self._replaying
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
        ):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in _PLAIN or event.isAutoRepeat():
            return False
        key = Qt.Key(event.key())
        text = _ENDS.get(key) or event.text()
        if not text or not (text in "\r\t" or text.isprintable()):
            return False
        if key in _ENDS and not self._held:
            return False  # a lone Enter or Tab: the dialog's, not a scanner's
        copy = QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat()
        )
        copy.setTimestamp(event.timestamp())
        t = event.timestamp() / 1000 if event.timestamp() else self.clock()
        self._end_burst_before(t)
        self._held.append((watched, copy))
        scans = self.wedge.feed(text, t)
        if scans:
            self._held.clear()
            self._timer.stop()
            for scan in scans:
                self.code_scanned.emit(scan.text)
        elif key in _ENDS:
            self._timer.stop()
            self._release()
        else:
            self._timer.start()
        return True

    def _end_burst_before(self, t: float) -> None:
        """A key after a pause (by its timestamp) ends what was held before it: a scan, or
        typing to deliver now, ahead of this key, before the timer has fired."""
        scans = self.wedge.flush(t)
        if scans:
            self._held.clear()
            for scan in scans:
                self.code_scanned.emit(scan.text)
        elif self.wedge.deadline() is None and self._held:
            self._release()

    def _pause(self) -> None:
        scans = self.wedge.flush(self.clock() + 1.0)  # the timer is the pause
        if scans:
            self._held.clear()
            for scan in scans:
                self.code_scanned.emit(scan.text)
        else:
            self._release()

    def _release(self) -> None:
        """Deliver held keys that were typing, not scanning, to where they were going."""
        held, self._held = self._held, []
        self._replaying = True
        try:
            for receiver, event in held:
                QApplication.sendEvent(receiver, event)
        finally:
            self._replaying = False
