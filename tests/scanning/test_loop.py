"""The scan loop: one scan per showing, drop-not-queue, camera lost and back, bad sources."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kiosk.scanning.decoders import Decoder
from kiosk.scanning.events import ScanEvent, ScanStatus, StatusKind
from kiosk.scanning.files import ImageFilesSource, VideoFileSource
from kiosk.scanning.frames import Frame, Image, SourceLost, SourceUnavailable
from kiosk.scanning.loop import Backoff, ScanLoop
from kiosk.scanning.pipeline import KioskDecoder
from kiosk.scanning.slot import FrameSlot
from tests.scanning.conftest import MakeImages
from tests.scanning.helpers import ScriptedSource, blank_frame, code, qr_frame

pytestmark = pytest.mark.usefixtures("no_thread_left")
QUICK = Backoff(first_s=0.001, cap_s=0.004)


class Recorder:
    """Collects the loop's callbacks; can stop the loop after `stop_after` scans."""

    def __init__(self, stop: threading.Event | None = None, stop_after: int = 0) -> None:
        self.scans: list[ScanEvent] = []
        self.statuses: list[StatusKind] = []
        self.messages: list[str] = []
        self.stop, self.stop_after = stop, stop_after

    def code(self, event: ScanEvent) -> None:
        self.scans.append(event)
        if self.stop is not None and len(self.scans) >= self.stop_after:
            self.stop.set()

    def status(self, status: ScanStatus) -> None:
        self.statuses.append(status.kind)
        self.messages.append(status.message)

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.scans]


def frame(n: int) -> Frame:
    return Frame(blank_frame(), float(n), float(n), n)


def test_slot_keeps_only_the_newest_frame_when_the_taker_lags() -> None:
    """Three frames put before a take: the take gets the third, two are counted dropped."""
    slot = FrameSlot(drop=True)
    for n in range(3):
        assert slot.put(frame(n))
    taken = slot.take()
    assert (taken.index if taken else None, slot.dropped) == (2, 2)


def test_lossless_slot_hands_over_every_frame() -> None:
    """Without dropping, put() waits for the taker, so every frame arrives in order."""
    slot = FrameSlot(drop=False)
    taken: list[int] = []

    def take_all() -> None:
        while (got := slot.take()) is not None:
            taken.append(got.index)

    thread = threading.Thread(target=take_all)
    thread.start()
    for n in range(20):
        slot.put(frame(n))
    slot.close()
    thread.join()
    assert taken == list(range(20)) and slot.dropped == 0


def test_held_code_in_a_file_is_one_scan_and_the_next_code_another() -> None:
    """Ten frames of A, ten of B, played from a file-like source: two scans, A then B."""
    source = ScriptedSource([qr_frame(code(1))] * 10 + [qr_frame(code(2))] * 10)
    recorder = Recorder()
    stats = ScanLoop(source, KioskDecoder()).run(threading.Event(), recorder.code)
    assert recorder.texts == [code(1), code(2)]
    assert (stats.decoded, stats.dropped, stats.scans) == (20, 0, 2)
    assert all(s.decoded >= s.arrived for s in recorder.scans)


class BlockingDecoder:
    """Blocks on its first frame until the source has delivered everything."""

    name = "blocking"

    def __init__(self, source: ScriptedSource) -> None:
        self.source = source
        self.seen: list[int] = []
        self._inner = KioskDecoder()

    def decode(self, image: Image) -> list[str]:
        if not self.seen:
            assert self.source.exhausted.wait(5.0)
        self.seen.append(int(image[0, 0, 0]))
        return self._inner.decode(image)


def test_live_source_drops_frames_instead_of_queueing_them() -> None:
    """While decoding lags, a live source's frames are replaced, not queued: besides the
    frame being decoded when the rest arrive, only the newest one is looked at."""
    pictures = [blank_frame() for _ in range(30)]
    for n, picture in enumerate(pictures):
        picture[0, 0] = n
    source = ScriptedSource([*pictures, None], live=True)
    decoder: Decoder = BlockingDecoder(source)
    loop = ScanLoop(source, decoder, drop_when_behind=True)
    stats = loop.run(threading.Event(), Recorder().code)
    assert isinstance(decoder, BlockingDecoder)
    assert decoder.seen[-1] == 29 and len(decoder.seen) <= 2
    assert stats.decoded == len(decoder.seen)
    assert stats.dropped == 30 - stats.decoded


def test_camera_lost_is_reported_and_reconnected_without_restart() -> None:
    """Unplugged mid-run (read fails, then open fails once): camera_lost, then camera_back,
    and the code shown after reconnecting is scanned."""
    stop = threading.Event()
    unplugged = SourceLost("camera 0 stopped giving pictures")
    source = ScriptedSource(
        [blank_frame()] * 3 + [unplugged] + [qr_frame(code(3))] * 3,
        opens=[None, SourceUnavailable("no camera at 0")],
        live=True,
        reconnects=True,
    )
    recorder = Recorder(stop, stop_after=1)
    ScanLoop(source, KioskDecoder(live=True), backoff=QUICK).run(
        stop, recorder.code, on_status=recorder.status
    )
    assert recorder.statuses == [StatusKind.RUNNING, StatusKind.CAMERA_LOST, StatusKind.CAMERA_BACK]
    assert recorder.texts == [code(3)]
    assert source.opened == 2 and source.closed >= 2


def test_no_camera_at_start_is_reported_once_and_retried() -> None:
    """A camera missing at start: no_camera once (not per retry), then camera_back."""
    stop = threading.Event()
    missing = SourceUnavailable("no camera at /dev/video0")
    source = ScriptedSource(
        [qr_frame(code(4))], opens=[missing, missing, missing], live=True, reconnects=True
    )
    recorder = Recorder(stop, stop_after=1)
    ScanLoop(source, backoff=QUICK).run(stop, recorder.code, on_status=recorder.status)
    assert recorder.statuses == [StatusKind.NO_CAMERA, StatusKind.CAMERA_BACK]
    assert recorder.messages[0] == "no camera at /dev/video0; retrying"
    assert recorder.texts == [code(4)]


def test_stop_ends_a_camera_that_never_comes_back() -> None:
    """With the camera gone for good, setting stop ends run() promptly, no thread left."""
    stop = threading.Event()
    gone = [SourceUnavailable("no camera at 0")] * 1000
    source = ScriptedSource([], opens=gone, live=True, reconnects=True)
    recorder = Recorder()

    def status(s: ScanStatus) -> None:
        recorder.status(s)
        stop.set()

    ScanLoop(source, backoff=QUICK).run(stop, recorder.code, on_status=status)
    assert recorder.statuses == [StatusKind.NO_CAMERA]


def test_corrupted_video_fails_with_its_message(tmp_path: Path) -> None:
    """A file that is no video: a FAILED status with the one-line reason, run() returns."""
    broken = tmp_path / "door.mp4"
    broken.write_bytes(b"\x00" * 1000)
    recorder = Recorder()
    stats = ScanLoop(VideoFileSource(broken, paced=False)).run(
        threading.Event(), recorder.code, on_status=recorder.status
    )
    assert recorder.statuses == [StatusKind.FAILED]
    assert stats.failure == f"cannot play {broken}: not a video or corrupted"


def test_unreadable_image_is_reported_and_the_folder_goes_on(make_images: MakeImages) -> None:
    """A corrupt image in a folder: frame_unreadable, and the next image's code is scanned."""
    paths = make_images({"1.png": blank_frame(), "3.png": qr_frame(code(5))})
    (paths[0].parent / "2.png").write_bytes(b"garbage")
    recorder = Recorder()
    ScanLoop(ImageFilesSource(paths[0].parent, paced=False)).run(
        threading.Event(), recorder.code, on_status=recorder.status
    )
    assert recorder.statuses == [StatusKind.RUNNING, StatusKind.FRAME_UNREADABLE, StatusKind.ENDED]
    assert "2.png" in recorder.messages[1]
    assert recorder.texts == [code(5)]


def test_frames_reach_on_frame_and_an_error_in_a_callback_surfaces() -> None:
    """on_frame sees every captured frame; an exception there is raised by run()."""
    seen: list[int] = []

    def on_frame(f: Frame) -> None:
        seen.append(f.index)
        if len(seen) == 3:
            raise RuntimeError("preview broke")

    source = ScriptedSource([blank_frame()] * 5)
    with pytest.raises(RuntimeError, match="preview broke"):
        ScanLoop(source).run(threading.Event(), Recorder().code, on_frame=on_frame)
    assert seen == [1, 2, 3]
