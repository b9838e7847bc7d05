"""Test helpers for scanning: generated QR pictures, a scripted fake source, image files."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np

from kiosk.scanning.frames import Frame, Image, SourceError
from kiosk.scanning.synthetic import qr_picture, random_code


def code(n: int) -> str:
    """A badge-shaped code, the same for the same n."""
    return random_code(np.random.default_rng(n))


def qr_frame(*payloads: str | bytes, size: tuple[int, int] = (640, 360)) -> Image:
    """A grey BGR frame with the given codes side by side, each clean and decodable."""
    width, height = size
    frame = np.full((height, width, 3), 128, np.uint8)
    x = 10
    for payload in payloads:
        picture = qr_picture(payload, module_px=4)
        side = min(picture.shape[0], height - 20)
        picture = cv2.resize(picture, (side, side), interpolation=cv2.INTER_NEAREST)
        frame[10 : 10 + side, x : x + side] = picture[..., None]
        x += side + 10
    return frame


def blank_frame(size: tuple[int, int] = (640, 360)) -> Image:
    return np.full((size[1], size[0], 3), 128, np.uint8)


Step = Image | SourceError | None
"""A scripted read: a picture, an error to raise, or None for the end."""


class ScriptedSource:
    """A fake camera or file: open() and read() follow scripts, frames timed at `fps`.

    A live one, past its script, keeps giving its last picture every 1/fps like a camera.
    """

    name = "scripted"

    def __init__(
        self,
        reads: list[Step],
        opens: list[SourceError | None] | None = None,
        live: bool = False,
        reconnects: bool = False,
        fps: float = 30.0,
    ) -> None:
        self.reads = list(reads)
        self.opens = list(opens or [])
        self.live, self.reconnects, self.fps = live, reconnects, fps
        self.index = 0
        self.opened = 0
        self.closed = 0
        self.exhausted = threading.Event()
        self.last: Image | None = None

    def open(self) -> None:
        outcome = self.opens.pop(0) if self.opens else None
        if outcome is not None:
            raise outcome
        self.opened += 1

    def read(self) -> Frame | None:
        if not self.reads:
            self.exhausted.set()
            if not self.live:
                return None
            # a camera never ends: it keeps showing its last picture, a frame per 1/fps
            time.sleep(1 / self.fps)
            return self._frame(self.last if self.last is not None else blank_frame())
        step = self.reads.pop(0)
        if isinstance(step, SourceError):
            raise step
        if step is None:
            self.exhausted.set()
            return None
        self.last = step
        return self._frame(step)

    def _frame(self, image: Image) -> Frame:
        self.index += 1
        return Frame(image, time.monotonic(), self.index / self.fps, self.index)

    def close(self) -> None:
        self.closed += 1


def write_images(folder: Path, pictures: dict[str, Image]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, picture in pictures.items():
        path = folder / name
        assert cv2.imwrite(str(path), picture)
        paths.append(path)
    return paths
