"""The scan loop: frames from a source, decoded in a worker thread, turned into one scan each."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.scanning.decoders import Decoder
from kiosk.scanning.dedupe import CodeDeduper
from kiosk.scanning.events import ScanEvent, ScanStatus, StatusKind
from kiosk.scanning.frames import Frame, FrameSource, FrameUnreadable, SourceError, SourceLost
from kiosk.scanning.pipeline import KioskDecoder
from kiosk.scanning.slot import FrameSlot

OnCode = Callable[[ScanEvent], None]
OnFrame = Callable[[Frame], None]
OnStatus = Callable[[ScanStatus], None]


@dataclass
class LoopStats:
    """Counts of one run, for benches and tests."""

    captured: int = 0
    decoded: int = 0
    dropped: int = 0
    scans: int = 0
    failure: str | None = None  # why a file or folder could not be played


class Backoff:
    """Waits between reconnection attempts: 0.5 s, doubling, at most `cap_s`."""

    def __init__(self, first_s: float = 0.5, cap_s: float = 5.0) -> None:
        self.first_s, self.cap_s = first_s, cap_s
        self._next = first_s

    def next_delay(self) -> float:
        delay, self._next = self._next, min(self._next * 2, self.cap_s)
        return delay

    def reset(self) -> None:
        self._next = self.first_s


class ScanLoop:
    """Runs a source through a decoder and reports each scan once.

    run() blocks the calling thread (a QThread in the GUI, the main thread for `kiosk
    watch`), which does the decoding; a capture thread it owns reads the source. Live
    sources drop stale frames instead of queueing them. A camera that is missing at start
    or lost later is reported through on_status and re-opened with backoff until `stop`
    is set; a file or folder that cannot be played reports FAILED and run() returns.
    on_frame runs on the capture thread, on_code and on_status on either: keep them short
    (emit a Qt signal, print a line). run() returns only after its thread has ended.
    """

    def __init__(
        self,
        source: FrameSource,
        decoder: Decoder | None = None,
        deduper: CodeDeduper | None = None,
        backoff: Backoff | None = None,
        drop_when_behind: bool | None = None,
    ) -> None:
        self.source = source
        self.decoder = decoder or KioskDecoder(live=True)
        self.deduper = deduper or CodeDeduper()
        self.backoff = backoff or Backoff()
        self.drop = source.live if drop_when_behind is None else drop_when_behind
        self.stats = LoopStats()

    def run(
        self,
        stop: threading.Event,
        on_code: OnCode,
        on_frame: OnFrame | None = None,
        on_status: OnStatus | None = None,
    ) -> LoopStats:
        self.stats = LoopStats()
        slot = FrameSlot(drop=self.drop)
        halt = threading.Event()
        errors: list[BaseException] = []

        def capture() -> None:
            try:
                self._capture(halt, slot, on_frame, on_status or _ignore)
            except BaseException as exc:  # handed to run(), which re-raises it
                errors.append(exc)
            finally:
                slot.close()

        thread = threading.Thread(target=capture, name="kiosk-capture", daemon=True)
        thread.start()
        try:
            while (frame := slot.take(stop)) is not None:
                codes = self.decoder.decode(frame.image)
                decoded = time.monotonic()
                self.stats.decoded += 1
                for text in self.deduper.observe(codes, frame.pts):
                    self.stats.scans += 1
                    on_code(ScanEvent(text, frame.arrived, decoded, frame.pts))
        finally:
            halt.set()
            slot.close()
            thread.join()
            self.stats.dropped = slot.dropped
        if errors:
            raise errors[0]
        return self.stats

    def _capture(
        self,
        halt: threading.Event,
        slot: FrameSlot,
        on_frame: OnFrame | None,
        on_status: OnStatus,
    ) -> None:
        source = self.source
        opened, trouble, first = False, False, True

        try:
            while not halt.is_set():
                if not opened:
                    try:
                        source.open()
                    except SourceError as exc:
                        if not source.reconnects:
                            self.stats.failure = str(exc)
                            on_status(ScanStatus(StatusKind.FAILED, str(exc)))
                            return
                        if first:
                            on_status(ScanStatus(StatusKind.NO_CAMERA, f"{exc}; retrying"))
                            trouble = True
                        first = False
                        halt.wait(self.backoff.next_delay())
                        continue
                    opened, first = True, False
                    self.backoff.reset()
                    kind = StatusKind.CAMERA_BACK if trouble else StatusKind.RUNNING
                    on_status(ScanStatus(kind, f"{source.name}: {kind.value.replace('_', ' ')}"))
                    trouble = False
                try:
                    frame = source.read()
                except FrameUnreadable as exc:
                    on_status(ScanStatus(StatusKind.FRAME_UNREADABLE, str(exc)))
                    continue
                except SourceError as exc:
                    source.close()
                    opened = False
                    if not source.reconnects:
                        self.stats.failure = str(exc)
                        on_status(ScanStatus(StatusKind.FAILED, str(exc)))
                        return
                    message = str(exc) if isinstance(exc, SourceLost) else f"{exc} (lost)"
                    on_status(ScanStatus(StatusKind.CAMERA_LOST, f"{message}; reconnecting"))
                    trouble = True
                    halt.wait(self.backoff.next_delay())
                    continue
                if frame is None:
                    on_status(ScanStatus(StatusKind.ENDED, f"{source.name}: played to the end"))
                    return
                self.stats.captured += 1
                if on_frame is not None:
                    on_frame(frame)
                if not slot.put(frame):
                    return
        finally:
            source.close()


def _ignore(_status: ScanStatus) -> None:
    pass
