"""A webcam through OpenCV: V4L2 on Linux, the default backend elsewhere."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import cv2
import numpy as np

from kiosk.scanning.frames import Frame, SourceLost, SourceUnavailable

READ_TIMEOUT_MS = 2000


def camera_backend() -> int:
    """V4L2 on Linux (device paths work and opening is fast); whatever OpenCV picks elsewhere."""
    return int(cv2.CAP_V4L2) if sys.platform.startswith("linux") else int(cv2.CAP_ANY)


class CameraSource:
    """A webcam by index (0) or device path (/dev/video0) with a wished size and frame rate.

    The camera may grant another size or rate than asked; `granted` tells what it gave.
    MJPG is requested because most USB webcams give 1280x720 at 30 fps only compressed.
    """

    live = True
    reconnects = True

    def __init__(
        self,
        device: int | str,
        width: int = 1280,
        height: int = 720,
        fps: float = 30.0,
        fourcc: str | None = "MJPG",
    ) -> None:
        self.device = device
        self.name = f"camera {device}"
        self.width, self.height, self.fps = width, height, fps
        self.fourcc = fourcc
        self.granted: tuple[int, int, float] | None = None
        self._cap: cv2.VideoCapture | None = None
        self._start = 0.0
        self._index = 0

    def open(self) -> None:
        self.close()
        if isinstance(self.device, str) and not Path(self.device).exists():
            raise SourceUnavailable(f"no camera at {self.device}")
        # OpenCV logs its own warnings for a missing camera; our message says it once, better
        level = cv2.utils.logging.getLogLevel()
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        try:
            cap = cv2.VideoCapture(self.device, camera_backend())
        finally:
            cv2.utils.logging.setLogLevel(level)
        if not cap.isOpened():
            cap.release()
            raise SourceUnavailable(
                f"no camera at {self.device} (unplugged, or used by another app)"
            )
        if self.fourcc:
            cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*self.fourcc))
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        cap.set(cv2.CAP_PROP_FPS, self.fps)
        # one buffered frame: an old frame waiting in the driver is latency, not information
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        # an unplugged camera should fail a read within seconds, so that stopping the loop
        # is not held up (backends that ignore the property just return False here)
        cap.set(cv2.CAP_PROP_READ_TIMEOUT_MSEC, READ_TIMEOUT_MS)
        self.granted = (
            int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
            int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)),
            float(cap.get(cv2.CAP_PROP_FPS)),
        )
        self._cap, self._start, self._index = cap, time.monotonic(), 0

    def read(self) -> Frame:
        if self._cap is None:
            raise SourceLost(f"{self.name} is not open")
        ok, image = self._cap.read()
        arrived = time.monotonic()
        if not ok or image is None:
            raise SourceLost(f"{self.name} stopped giving pictures (unplugged?)")
        self._index += 1
        return Frame(np.asarray(image, dtype=np.uint8), arrived, arrived - self._start, self._index)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
