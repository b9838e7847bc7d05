"""The kiosk's decoding pipeline, chosen by bench/decoders.py: zxing-cpp, a retry, a scene gate."""

from __future__ import annotations

from enum import Enum

import cv2
import numpy as np
import zxingcpp

from kiosk.scanning.decoders import ZxingDecoder, to_gray
from kiosk.scanning.frames import Image

THUMB_SIZE = (64, 36)


def thumbnail(image: Image) -> Image:
    """A 64x36 luminance sketch of a frame for change detection, in about 0.04 ms.

    Every 4th pixel of the green channel (or the grey plane), then an area average: each
    sketch pixel averages about 25 samples, so sensor noise fades while a hand, a badge or
    a change of light does not.
    """
    plane = image[::4, ::4, 1] if image.ndim == 3 else image[::4, ::4]
    return np.asarray(cv2.resize(plane, THUMB_SIZE, interpolation=cv2.INTER_AREA), np.uint8)


class Look(Enum):
    """Why the gate lets a frame through to the decoder."""

    CHANGED = "changed"  # the scene moved since the last decoded frame
    TRACKING = "tracking"  # the last decoded frame showed a code: keep following it
    REFRESH = "refresh"  # nothing moved, but a held code may have been misread


class SceneGate:
    """Says whether a frame is worth decoding: something changed, or a refresh is due.

    A frame like the last decoded one cannot show a new code when that one showed none,
    so the decoder is skipped, except every `refresh_every`-th frame so that a code held
    still after a bad first read (blur, glare) is tried again a few times a second.
    Sensor noise never reaches `threshold` grey levels on the averaged sketch.
    """

    def __init__(self, threshold: int = 10, refresh_every: int = 6) -> None:
        self.threshold = threshold
        self.refresh_every = max(1, refresh_every)
        self._last: np.ndarray | None = None
        self._skipped = 0

    def look(self, image: Image, last_found: bool) -> Look | None:
        """Why to decode this frame, or None to skip it."""
        sketch = thumbnail(image).astype(np.int16)
        changed = self._last is None or int(np.abs(sketch - self._last).max()) > self.threshold
        if changed or last_found or self._skipped + 1 >= self.refresh_every:
            # compare later frames with the last decoded one, so a slow drift adds up
            self._last, self._skipped = sketch, 0
            if changed:
                return Look.CHANGED
            return Look.TRACKING if last_found else Look.REFRESH
        self._skipped += 1
        return None

    def reset(self) -> None:
        self._last, self._skipped = None, 0


class KioskDecoder:
    """zxing-cpp on the full grayscale frame, a second binarizer, and (live) a scene gate.

    Still images (`kiosk decode`): zxing-cpp with all its tries (inverted, rotated,
    downscaled), then, when that finds nothing, the global-histogram binarizer, which
    reads codes on textured paper or in uneven light that the local-average one misses.

    A camera (`live=True`) gets cheaper passes, picked by why the gate let the frame in:

    - a code was in view: the quick pass (local-average binarizer without the inverted
      and downscaled tries: 0.9 instead of 1.5 ms, the same synthetic kiosk frames read;
      badges are dark on light and never fill a 720p frame);
    - the scene changed, no code in view (people moving): the global-histogram binarizer
      alone (0.2-0.3 ms; it reads ~10% fewer single frames), and the quick pass every
      `strong_every`-th such frame, ten times a second at 30 fps. The local-average
      binarizer costs 2.8 ms on a dim, noisy frame, which this keeps rare;
    - nothing moved (the gate's refresh, every `refresh_every`-th frame): the global-
      histogram and quick passes, and every `full_every`-th refresh (about once a
      second) the full still-image pipeline, so a code held still is read as well as a
      photo of it.
    """

    def __init__(
        self,
        live: bool = False,
        refresh_every: int = 6,
        strong_every: int = 3,
        full_every: int = 5,
    ) -> None:
        self.name = "kiosk pipeline (live)" if live else "kiosk pipeline"
        self.gate = SceneGate(refresh_every=refresh_every) if live else None
        self.skipped = 0
        self.strong_every = max(1, strong_every)
        self.full_every = max(1, full_every)
        self._primary = ZxingDecoder()
        self._retry = ZxingDecoder(binarizer=zxingcpp.Binarizer.GlobalHistogram)
        self._quick = ZxingDecoder(try_invert=False, try_downscale=False)
        self._cheap = ZxingDecoder(
            try_invert=False, try_downscale=False, binarizer=zxingcpp.Binarizer.GlobalHistogram
        )
        self._changed_empty = 0
        self._refreshes = 0
        self._last_found = False

    def decode(self, image: Image) -> list[str]:
        look = None
        if self.gate is not None:
            look = self.gate.look(image, self._last_found)
            if look is None:
                self.skipped += 1
                return []
        gray = to_gray(image)
        found: list[str] = []
        for decoder in self._passes(look):
            found = decoder.decode(gray)
            if found:
                break
        self._last_found = bool(found)
        return found

    def _passes(self, look: Look | None) -> tuple[ZxingDecoder, ...]:
        if look is None:
            return self._primary, self._retry
        if look is Look.REFRESH:
            self._refreshes += 1
            if self._refreshes % self.full_every == 0:
                return self._primary, self._retry
            return self._cheap, self._quick
        if look is Look.CHANGED and not self._last_found:
            self._changed_empty += 1
            strong = self._changed_empty % self.strong_every == 0
            return (self._quick,) if strong else (self._cheap,)
        return (self._quick,)
