"""CPU share of one core taken by the scan loop watching an empty scene at 30 fps.

    python bench/scan_cpu.py [--seconds 20]

Three runs of ScanLoop on a scene where nobody shows a code: frames from memory (the
loop's own cost: hand-over, scene gate, decoding), the same without the scene gate
(zxing-cpp on every frame), and a video file played in real time (adds decoding the
video, as a webcam's MJPG would be decoded). CPU is this process's user+system time
over wall time; the goal is <= 25% of one core.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from kiosk.scanning.decoders import Decoder
from kiosk.scanning.events import ScanEvent
from kiosk.scanning.files import Pacer, VideoFileSource
from kiosk.scanning.frames import Frame, FrameSource, Image
from kiosk.scanning.loop import LoopStats, ScanLoop
from kiosk.scanning.pipeline import KioskDecoder
from kiosk.scanning.synthetic import HEIGHT, WIDTH, background, finish

FPS = 30.0


class MemoryCamera:
    """Pre-rendered frames played in a loop at a camera's pace: a webcam with no cost."""

    live = True
    reconnects = False

    def __init__(self, frames: Sequence[Image], fps: float = FPS) -> None:
        self.name = "memory camera"
        self._frames = frames
        self._pacer = Pacer(fps, paced=True)
        self._index = 0

    def open(self) -> None:
        self._index = 0
        self._pacer.start()

    def read(self) -> Frame:
        arrived, pts = self._pacer.stamp(self._index)
        self._index += 1
        return Frame(self._frames[self._index % len(self._frames)], arrived, pts, self._index)

    def close(self) -> None:
        pass


def empty_scene(count: int = 60, light: float = 1.0, noise: float = 3.0) -> list[Image]:
    """An unchanging room, each frame with its own sensor noise and JPEG artefacts."""
    rng = np.random.default_rng(5)
    scene = background(4).astype(np.float32)
    return [finish(scene, light, noise, 85, rng) for _ in range(count)]


def cpu_share(source: FrameSource, decoder: Decoder, seconds: float) -> tuple[float, LoopStats]:
    """Fraction of one core used while the loop runs for `seconds`."""
    stop = threading.Event()
    timer = threading.Timer(seconds, stop.set)
    scans: list[ScanEvent] = []
    wall, cpu = time.monotonic(), time.process_time()
    timer.start()
    stats = ScanLoop(source, decoder).run(stop, scans.append)
    timer.cancel()
    share = (time.process_time() - cpu) / (time.monotonic() - wall)
    assert not scans, "the empty scene produced a scan"
    return share, stats


class UngatedDecoder(KioskDecoder):
    """The pipeline without its scene gate: zxing-cpp on every frame."""

    def __init__(self) -> None:
        super().__init__(live=False)


def write_video(path: Path, frames: Sequence[Image]) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), FPS, (WIDTH, HEIGHT))
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="CPU share of the idle scan loop at 30 fps")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args(argv)
    frames = empty_scene()
    print("| empty scene at 30 fps, 1280x720 | CPU, % of one core | frames decoded |")
    print("|---|---|---|")
    runs: list[tuple[str, FrameSource, Decoder]] = [
        (
            "frames from memory, kiosk pipeline (live)",
            MemoryCamera(frames),
            KioskDecoder(live=True),
        ),
        ("frames from memory, no scene gate", MemoryCamera(frames), UngatedDecoder()),
        (
            "dim scene (40% light, more noise) from memory, kiosk pipeline (live)",
            MemoryCamera(empty_scene(light=0.4, noise=8.0)),
            KioskDecoder(live=True),
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        video = write_video(Path(tmp) / "empty.mp4", frames * 10)
        source = VideoFileSource(video, paced=True, loop=True)
        runs.append(
            ("MPEG-4 file in real time, kiosk pipeline (live)", source, KioskDecoder(live=True))
        )
        for label, source, decoder in runs:
            share, stats = cpu_share(source, decoder, args.seconds)
            print(
                f"| {label} | {share:.1%} | {stats.decoded - getattr(decoder, 'skipped', 0)}"
                f" of {stats.captured} |"
            )


if __name__ == "__main__":
    main()
