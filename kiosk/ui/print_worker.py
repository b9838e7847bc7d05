"""PrintWorker: badges go to the printer on a thread of their own.

Painting a badge at printer resolution and spooling it to CUPS takes from a few hundred
milliseconds to seconds (a printer waking up, a slow driver), and the pickup screen and
the staff desk must keep answering meanwhile. The service decides on the GUI thread
whether a badge may print (prepare_print) and logs how it went (record_print); only the
printer call runs here. QPainter may paint on a QPrinter or a QPdfWriter outside the GUI
thread; one thread and one queue keep the badges in the order they were asked for.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from kiosk.service.pickup import BadgeOutput, PrintJob, send

log = logging.getLogger(__name__)
Sent = Callable[[PrintJob, str | None], None]


class PrintWorker(QThread):
    """Sends queued PrintJobs to `output` and hands each job with its error (None: it came
    out) to `on_sent` on the GUI thread, also for the last badges when it is stopped."""

    ready = Signal()  # results are waiting for deliver()

    def __init__(self, output: BadgeOutput, on_sent: Sent, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.output, self.on_sent = output, on_sent
        self._jobs: queue.Queue[PrintJob | None] = queue.Queue()
        self._sent: queue.Queue[tuple[PrintJob, str | None]] = queue.Queue()
        self.busy = 0  # jobs submitted and not yet delivered (GUI thread)
        self.ready.connect(self.deliver)

    def submit(self, job: PrintJob) -> None:
        if not self.isRunning():
            self.start()
        self.busy += 1
        self._jobs.put(job)

    def deliver(self) -> None:
        """Hand the finished jobs to on_sent (GUI thread)."""
        while True:
            try:
                job, error = self._sent.get_nowait()
            except queue.Empty:
                return
            self.busy -= 1
            if error is not None:
                log.warning(
                    "badge of %s (%s) not printed: %s", job.attendee.id, job.kind.value, error
                )
            self.on_sent(job, error)

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Finish the badges already queued (never half a badge), report them, then end."""
        stopped = True
        if self.isRunning():
            self._jobs.put(None)
            stopped = self.wait(timeout_ms)
        self.deliver()  # whatever came out is logged even if the event loop has ended
        return stopped

    def run(self) -> None:
        while (job := self._jobs.get()) is not None:
            self._sent.put((job, send(job, self.output)))  # send() never raises
            self.ready.emit()
