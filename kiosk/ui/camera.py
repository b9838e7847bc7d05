"""CameraThread: the plain-Python scan loop (kiosk.scanning) in a QThread, as Qt signals."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

from kiosk.scanning.events import ScanEvent, ScanStatus, StatusKind
from kiosk.scanning.frames import Frame, FrameSource, SourceError
from kiosk.scanning.loop import ScanLoop

PREVIEW_FPS = 12.0  # frames shown; the loop decodes as many as it can, the eye needs fewer


def to_qimage(image: np.ndarray, width: int = 640) -> QImage:
    """A BGR or grey frame as a small RGB QImage (a deep copy: QImage may cross threads)."""
    step = max(1, image.shape[1] // width)
    small = np.ascontiguousarray(image[::step, ::step])
    h, w = small.shape[:2]
    if small.ndim == 2:
        return QImage(small.data, w, h, small.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(small.data, w, h, small.strides[0], QImage.Format.Format_BGR888).copy()


class CameraThread(QThread):
    """Runs ScanLoop.run until stop(); each scanned code becomes code_scanned.

    `make_source(stop)` is called on this thread (opening a camera or preparing the demo
    video may take seconds, and the window is up meanwhile; it should give up once `stop`
    is set). Close with stop(), which sets the
    loop's stop event, asks for interruption and waits for the thread to end.
    """

    code_scanned = Signal(str)
    frame_ready = Signal(QImage)
    camera_status = Signal(str, str)  # StatusKind value, message for staff

    def __init__(
        self,
        make_source: Callable[[threading.Event], FrameSource],
        loop_factory: Callable[[FrameSource], ScanLoop] = ScanLoop,
        parent: QThread | None = None,
    ) -> None:
        super().__init__(parent)
        self.make_source = make_source
        self.loop_factory = loop_factory
        self._stop = threading.Event()
        self._last_preview = 0.0

    def run(self) -> None:
        try:
            source = self.make_source(self._stop)
        except (SourceError, OSError) as exc:
            self.camera_status.emit(StatusKind.FAILED.value, str(exc))
            return
        if self._stop.is_set() or self.isInterruptionRequested():
            return
        try:
            loop = self.loop_factory(source)
            stats = loop.run(self._stop, self._on_code, self._on_frame, self._on_status)
        except Exception as exc:  # a driver error: say so on screen, the wedge still works
            self.camera_status.emit(StatusKind.FAILED.value, str(exc))
            return
        if stats.failure:
            self.camera_status.emit(StatusKind.FAILED.value, stats.failure)

    def stop(self, timeout_ms: int = 5000) -> bool:
        self._stop.set()
        self.requestInterruption()
        return self.wait(timeout_ms)

    def _on_code(self, scan: ScanEvent) -> None:
        self.code_scanned.emit(scan.text)

    def _on_frame(self, frame: Frame) -> None:
        now = time.monotonic()
        if now - self._last_preview < 1.0 / PREVIEW_FPS:
            return
        self._last_preview = now
        self.frame_ready.emit(to_qimage(frame.image))

    def _on_status(self, status: ScanStatus) -> None:
        self.camera_status.emit(status.kind.value, status.message)
