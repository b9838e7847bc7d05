"""ScanWorker: the door's decisions on a thread of their own, in the order the codes arrived.

A PostgreSQL hub may take up to 300 ms to answer a claim, and the GUI must not freeze
meanwhile, so every decision (scans, manual admissions, undo) runs here, with the worker's
own SQLite connection and CheckInService (a connection belongs to the thread that uses
it). One thread and one FIFO queue keep the scans in order; `decided` is emitted only
after the service returned, so the record is on disk before the screen turns green.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from kiosk.domain.decision import Decision, Direction, Verdict
from kiosk.service.checkin import CheckInError, CheckInService
from kiosk.store import cipher, events
from kiosk.store.db import StoreError
from kiosk.ui.photo_slot import load_photo

Job = Callable[[CheckInService], Decision | None]
log = logging.getLogger(__name__)


class ScanWorker(QThread):
    """Runs queued jobs against a CheckInService that `make_service` builds on this thread."""

    decided = Signal(object)  # a Decision, once it is recorded
    failed = Signal(str)  # a job that could not be decided or recorded
    photo_ready = Signal(object, object)  # (Decision, QImage | None), after `decided`

    def __init__(
        self, make_service: Callable[[], CheckInService], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._make_service = make_service
        self._jobs: queue.Queue[Job | None] = queue.Queue()

    # -- called on the GUI thread --------------------------------------------------------

    def scan(self, code: str, hall: str, direction: Direction, at: dt.datetime) -> None:
        self._jobs.put(lambda s: s.scan(code, hall, direction, at))

    def admit_manually(
        self, attendee_id: str, hall: str, note: str, at: dt.datetime, override: str | None = None
    ) -> None:
        self._jobs.put(lambda s: s.admit_manually(attendee_id, hall, note, at, override))

    def undo_last(self, at: dt.datetime, note: str, expect: str | None = None) -> None:
        self._jobs.put(lambda s: s.undo_last(at, note, expect))

    def reload(self, event_changed: bool) -> None:
        """New public keys (and the event, when it changed) arrived through sync."""
        self._jobs.put(lambda s: _reload(s, event_changed))

    def stop(self, timeout_ms: int = 10_000) -> bool:
        """Finish the jobs already queued (a code scanned is never dropped), then end."""
        if not self.isRunning():
            return True
        self._jobs.put(None)
        self.requestInterruption()
        return self.wait(timeout_ms)

    # -- the worker thread ---------------------------------------------------------------

    def run(self) -> None:
        service: CheckInService | None = None
        problem = ""
        try:
            service = self._make_service()
        except cipher.errors(StoreError) as exc:
            problem = str(exc)
        try:
            while (job := self._jobs.get()) is not None:
                self._run_job(service, job, problem)
        finally:
            if service is not None:
                service.db.conn.close()

    def _run_job(self, service: CheckInService | None, job: Job, problem: str) -> None:
        try:
            if service is None:
                raise CheckInError(problem)
            decision = job(service)
        except cipher.errors(CheckInError) as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug must cost one scan, not the thread and every later scan
            log.exception("scan job failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if decision is not None:
            self.decided.emit(decision)
            self._send_photo(service, decision)

    def _send_photo(self, service: CheckInService, decision: Decision) -> None:
        """The attendee's photo, read and decoded here once the verdict is on its way to
        the screen: a photo never delays a verdict, and a broken one costs only itself."""
        if decision.attendee is None or decision.verdict is Verdict.UNDONE:
            return
        try:
            image = load_photo(service.db, decision.attendee)
        except Exception:  # a photo is a nicety: the verdict is shown and recorded anyway
            log.exception("photo of %s not loaded", decision.attendee.id)
            image = None
        self.photo_ready.emit(decision, image)


def _reload(service: CheckInService, event_changed: bool) -> None:
    if event_changed:
        event = events.load_event(service.db)
        if event is not None:
            service.event = event
    service.reload_keys()
