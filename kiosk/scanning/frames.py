"""Frames and the one interface every code source offers (camera, video file, image folder)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
"""A BGR (H, W, 3) or grayscale (H, W) picture, as OpenCV gives it."""


class SourceError(Exception):
    """A source that cannot give frames; str() is one line fit for a user."""


class SourceUnavailable(SourceError):
    """The source cannot be opened (no camera at that index, missing or corrupt file)."""


class SourceLost(SourceError):
    """A live source stopped giving frames (camera unplugged); it may come back."""


class FrameUnreadable(SourceError):
    """One frame could not be read (an unreadable image in a folder); later ones may be fine."""


@dataclass(frozen=True, eq=False)
class Frame:
    """One picture with the times the scan loop needs.

    `arrived` is time.monotonic() when the frame reached us: latency is measured from it.
    `pts` is the frame's time in the scene, in seconds from the start: a camera's clock,
    or the position in a video file even when the file is played faster than real time,
    so the rules "held in view for a few seconds" mean the same in a replay.
    """

    image: Image
    arrived: float
    pts: float
    index: int


@runtime_checkable
class FrameSource(Protocol):
    """A camera-like source of frames.

    open() raises SourceUnavailable; read() returns the next frame, None at the end of a
    file or folder (never for a camera), raises SourceLost when a camera goes away and
    FrameUnreadable for one bad frame. close() may be called twice. `live` sources
    deliver frames in real time and the scan loop drops stale ones instead of queueing;
    `reconnects` sources are re-opened with backoff after SourceLost or SourceUnavailable.
    """

    name: str
    live: bool
    reconnects: bool

    def open(self) -> None: ...

    def read(self) -> Frame | None: ...

    def close(self) -> None: ...


def iter_frames(source: FrameSource) -> Iterator[Frame]:
    """Open the source and yield its frames until it ends, skipping unreadable ones."""
    source.open()
    try:
        while True:
            try:
                frame = source.read()
            except FrameUnreadable:
                continue
            if frame is None:
                return
            yield frame
    finally:
        source.close()
