"""Video files and folders of images played as if they were a camera."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from kiosk.scanning.frames import Frame, FrameUnreadable, Image, SourceUnavailable

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".pgm"})


def read_image(path: Path | str, gray: bool = False) -> Image:
    """An image file as a BGR (or grayscale) array; FrameUnreadable with a one-line reason."""
    path = Path(path)
    try:
        # imdecode on the bytes, not imread: imread silently returns None and cannot say why
        data = np.fromfile(path, dtype=np.uint8)
    except FileNotFoundError:
        raise FrameUnreadable(f"cannot read image {path}: no such file") from None
    except IsADirectoryError:
        raise FrameUnreadable(f"cannot read image {path}: it is a folder") from None
    except OSError as exc:
        raise FrameUnreadable(f"cannot read image {path}: {exc.strerror or exc}") from None
    image = None
    if data.size:
        image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE if gray else cv2.IMREAD_COLOR)
    if image is None:
        raise FrameUnreadable(f"cannot read image {path}: not an image or corrupted")
    return np.asarray(image, dtype=np.uint8)


class Pacer:
    """Frame times for a file played as a camera: real time when paced, else as fast as read."""

    def __init__(self, fps: float, paced: bool) -> None:
        if not fps > 0:
            raise ValueError(f"fps must be positive, not {fps}")
        self.fps = fps
        self.paced = paced
        self._start = 0.0

    def start(self) -> None:
        self._start = time.monotonic()

    def stamp(self, index: int) -> tuple[float, float]:
        """(arrived, pts) of frame `index`, after waiting for its turn when paced."""
        pts = index / self.fps
        if self.paced:
            delay = self._start + pts - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        return time.monotonic(), pts


class VideoFileSource:
    """A video file (anything OpenCV's FFmpeg backend reads) played at its own or a given fps."""

    live: bool
    reconnects = False

    def __init__(
        self, path: Path | str, fps: float | None = None, paced: bool = True, loop: bool = False
    ) -> None:
        self.path = Path(path)
        self.name = str(self.path)
        self.live = paced
        self._fps = fps
        self._paced = paced
        self._loop = loop
        self._cap: cv2.VideoCapture | None = None
        self._pending: Image | None = None
        self._pacer: Pacer | None = None
        self._index = 0

    def open(self) -> None:
        if not self.path.is_file():
            raise SourceUnavailable(f"video file not found: {self.path}")
        cap = cv2.VideoCapture(str(self.path))
        ok, first = cap.read() if cap.isOpened() else (False, None)
        if not ok or first is None:
            cap.release()
            raise SourceUnavailable(f"cannot play {self.path}: not a video or corrupted")
        native = cap.get(cv2.CAP_PROP_FPS)
        fps = self._fps or (native if 1 <= native <= 240 else 30.0)
        self._cap, self._pending, self._index = cap, np.asarray(first, np.uint8), 0
        self._pacer = Pacer(fps, self._paced)
        self._pacer.start()

    def read(self) -> Frame | None:
        if self._cap is None or self._pacer is None:
            raise SourceUnavailable(f"{self.name} is not open")
        image, self._pending = self._pending, None
        if image is None:
            ok, picture = self._cap.read()
            if not ok and self._loop and self._index > 0:
                self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                ok, picture = self._cap.read()
            if not ok or picture is None:
                return None  # the end, or a corrupt tail: what was readable has been played
            image = np.asarray(picture, dtype=np.uint8)
        arrived, pts = self._pacer.stamp(self._index)
        self._index += 1
        return Frame(image, arrived, pts, self._index - 1)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


def _natural_key(path: Path) -> list[object]:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


class ImageFilesSource:
    """Image files (a folder's, in natural order, or a given list) shown one after another."""

    live: bool
    reconnects = False

    def __init__(
        self,
        paths: Path | str | Sequence[Path | str],
        fps: float = 5.0,
        paced: bool = True,
        loop: bool = False,
    ) -> None:
        self._folder: Path | None = None
        self._given: list[Path] = []
        if isinstance(paths, str | Path):
            self._folder = Path(paths)
        else:
            self._given = [Path(p) for p in paths]
        self.name = str(self._folder) if self._folder else f"{len(self._given)} images"
        self.live = paced
        self._pacer = Pacer(fps, paced)
        self._loop = loop
        self._files: list[Path] = []
        self._index = 0

    def open(self) -> None:
        if self._folder is None:
            files = self._given
        elif not self._folder.is_dir():
            raise SourceUnavailable(f"image folder not found: {self._folder}")
        else:
            found = (p for p in self._folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            files = sorted(found, key=_natural_key)
        if not files:
            raise SourceUnavailable(f"no images in {self.name}")
        self._files, self._index = files, 0
        self._pacer.start()

    def read(self) -> Frame | None:
        if not self._files:
            raise SourceUnavailable(f"{self.name} is not open")
        position = self._index % len(self._files)
        if self._index >= len(self._files) and not self._loop:
            return None
        index = self._index
        self._index += 1
        image = read_image(self._files[position])  # FrameUnreadable: the loop reports, goes on
        arrived, pts = self._pacer.stamp(index)
        return Frame(image, arrived, pts, index)

    def close(self) -> None:
        self._files = []
