"""Hands frames from the capture thread to the decoding thread: the latest frame wins."""

from __future__ import annotations

import threading

from kiosk.scanning.frames import Frame


class FrameSlot:
    """A one-frame mailbox between a producer and a consumer thread.

    With `drop=True` (a live source) put() never waits: a frame not yet taken is replaced
    and counted in `dropped`, so the decoder always works on the newest picture and
    latency cannot pile up. With `drop=False` (a file played as fast as it decodes) put()
    waits until the frame is taken, so every frame is looked at.
    """

    def __init__(self, drop: bool = True) -> None:
        self.drop = drop
        self.dropped = 0
        self._frame: Frame | None = None
        self._closed = False
        self._cond = threading.Condition()

    def put(self, frame: Frame) -> bool:
        """Offer a frame; False once the slot is closed."""
        with self._cond:
            if not self.drop:
                while self._frame is not None and not self._closed:
                    self._cond.wait()
            if self._closed:
                return False
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._cond.notify_all()
            return True

    def take(self, stop: threading.Event | None = None, poll_s: float = 0.05) -> Frame | None:
        """The newest frame, waiting for one; None once closed and empty or `stop` is set.

        A threading.Event cannot wake a Condition, so `stop` is checked every `poll_s`.
        """
        with self._cond:
            while self._frame is None:
                if self._closed or (stop is not None and stop.is_set()):
                    return None
                self._cond.wait(poll_s if stop is not None else None)
            frame, self._frame = self._frame, None
            self._cond.notify_all()
            return frame

    def close(self) -> None:
        """No more frames: wakes both sides; a frame still waiting can be taken."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed
