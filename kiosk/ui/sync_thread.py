"""SyncThread: the background sync runner (kiosk.sync.runner) every few seconds, as Qt signals.

The runner opens its own SQLite connection on this thread and turns every hub or disk
failure into a status; the GUI only ever receives SyncStatus values and reports.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from PySide6.QtCore import QObject, QThread, Signal

from kiosk.sync.report import SyncReport
from kiosk.sync.runner import SyncStatus

DEFAULT_EVERY_S = 5.0
log = logging.getLogger(__name__)


class Runner(Protocol):
    """What the thread needs of kiosk.sync.runner.SyncRunner (tests pass a fake)."""

    def run_once(self) -> SyncReport | None: ...

    def status(self) -> SyncStatus: ...

    def close(self) -> None: ...


class SyncThread(QThread):
    """Calls runner.run_once() every `every_s` seconds until stop().

    status_changed carries the SyncStatus after every pass (and once at start, before the
    first pass); synced the report of each good pass; keys_changed (new public keys) and
    event_changed (a new event file, and maybe keys) ask the check-in service to reload
    what it caches.
    """

    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncReport of a good pass
    keys_changed = Signal()
    event_changed = Signal()

    def __init__(
        self, runner: Runner, every_s: float = DEFAULT_EVERY_S, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.every_s = max(0.05, every_s)
        self._stop = threading.Event()
        self._logged: tuple[bool, str | None, tuple[str, ...]] | None = None

    def run(self) -> None:
        try:
            self.status_changed.emit(self.runner.status())
            while not self._stop.is_set() and not self.isInterruptionRequested():
                self._pass()
                self._stop.wait(self.every_s)
        finally:
            # The runner's SQLite connection was opened on this thread: close it here too.
            self.runner.close()

    def _pass(self) -> None:
        try:
            report = self.runner.run_once()
        except Exception:  # run_once reports hub and disk faults itself: this is a bug
            log.exception("sync pass failed")
            return
        status = self.runner.status()
        self._log_change(status)
        self.status_changed.emit(status)
        if report is None:
            return
        self.synced.emit(report)
        if report.event_updated:
            self.event_changed.emit()
        elif report.keys > 0:
            self.keys_changed.emit()

    def _log_change(self, status: SyncStatus) -> None:
        """The log file gets each change of state (online, offline and why), not every pass."""
        state = (status.online, status.last_error, status.problems)
        if state == self._logged:
            return
        self._logged = state
        if status.online:
            log.info("sync online with %s: %d check-ins waiting", status.hub, status.waiting)
        else:
            log.warning(
                "sync offline with %s since %s: %s (%d check-ins waiting)",
                status.hub,
                status.offline_since,
                status.last_error,
                status.waiting,
            )
        for problem in status.problems:
            log.warning("sync problem: %s", problem)

    def stop(self, timeout_ms: int = 15_000) -> bool:
        """End after the pass under way (hub calls have their own timeouts)."""
        self._stop.set()
        self.requestInterruption()
        return self.wait(timeout_ms) if self.isRunning() else True
