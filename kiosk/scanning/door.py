"""A generated door video: badges shown one after another with realistic motion, and its truth.

Each badge gets a slot of `seconds_per_badge`: it comes into view from an edge, is held
up (drifting, tilting), then leaves; the slot ends with an empty scene. Used by the
replay bench, the tests, and as the demo camera of the door screen.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.scanning.frames import Image
from kiosk.scanning.synthetic import (
    BADGE,
    HEIGHT,
    PHONE,
    WIDTH,
    Shot,
    background,
    compose,
    finish,
    render_holder,
)

ENTER, HOLD, LEAVE = 0.22, 0.70, 0.90  # phase ends within a slot; the rest is empty


@dataclass(frozen=True)
class Showing:
    """One badge's time in view, in seconds from the start of the video."""

    code: str
    start: float
    end: float


def _edge_point(rng: np.random.Generator) -> tuple[float, float]:
    side = int(rng.integers(0, 3))
    if side == 0:
        return -250.0, float(rng.uniform(150, HEIGHT - 150))
    if side == 1:
        return WIDTH + 250.0, float(rng.uniform(150, HEIGHT - 150))
    return float(rng.uniform(250, WIDTH - 250)), HEIGHT + 300.0


def _ease(t: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * min(max(t, 0.0), 1.0))


class _Path:
    """Where one badge is at phase p (0..1 of its slot)."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.start, self.end = _edge_point(rng), _edge_point(rng)
        self.hold = (float(rng.uniform(420, WIDTH - 420)), float(rng.uniform(260, HEIGHT - 260)))
        self.distance = float(rng.uniform(32, 55))
        self.tilt = (float(rng.uniform(-20, 20)), float(rng.uniform(-20, 20)))
        self.roll = float(rng.uniform(-15, 15))
        self.wobble = float(rng.uniform(0, 2 * math.pi))

    def at(self, p: float) -> tuple[tuple[float, float], float, float, float, float]:
        """(centre, distance, yaw, pitch, roll) at phase p."""
        (sx, sy), (hx, hy), (ex, ey) = self.start, self.hold, self.end
        drift = 12 * math.sin(6 * p + self.wobble)
        if p < ENTER:
            k = _ease(p / ENTER)
            centre, dist = (sx + (hx - sx) * k, sy + (hy - sy) * k), 75 + (self.distance - 75) * k
        elif p < HOLD:
            centre, dist = (hx + drift, hy + drift / 2), self.distance
        else:
            k = _ease((p - HOLD) / (LEAVE - HOLD))
            centre, dist = (hx + (ex - hx) * k, hy + (ey - hy) * k), self.distance + 25 * k
        swing = math.sin(4 * p + self.wobble)
        yaw, pitch = self.tilt[0] + 8 * swing, self.tilt[1] - 6 * swing
        return centre, dist, yaw, pitch, self.roll + 5 * swing


def door_frames(
    codes: Sequence[str],
    fps: float = 30.0,
    seconds_per_badge: float = 1.0,
    lead_in_s: float = 1.0,
    seed: int = 0,
) -> Iterator[tuple[Image, str | None]]:
    """Frames of the door scene and the code shown in each (None for an empty frame)."""
    rng = np.random.default_rng(seed)
    scene = background(seed)
    blank = scene.astype(np.float32)
    for _ in range(round(lead_in_s * fps)):
        yield finish(blank, 1.0, 3.0, 85, rng), None
    per_slot = round(seconds_per_badge * fps)
    for number, code in enumerate(codes):
        holder = PHONE if number % 4 == 3 else BADGE
        card = render_holder(code, holder, seed + number)
        path = _Path(rng)
        glare = float(rng.uniform(0.2, 0.5)) if rng.random() < 0.2 else 0.0
        light = float(rng.uniform(0.5, 0.7)) if rng.random() < 0.15 else 1.0
        previous = path.at(0.0)[0]
        for i in range(per_slot):
            p = i / per_slot
            if p >= LEAVE:
                yield finish(blank, 1.0, 3.0, 85, rng), None
                continue
            centre, dist, yaw, pitch, roll = path.at(p)
            dx, dy = centre[0] - previous[0], centre[1] - previous[1]
            previous = centre
            shot = Shot(
                holder=holder,
                distance_cm=dist,
                center=centre,
                yaw=yaw,
                pitch=pitch,
                roll=roll,
                blur_px=0.5 * math.hypot(dx, dy),  # exposure is about half a frame
                blur_angle=math.degrees(math.atan2(-dy, dx)),
                glare=glare,
                light=light,
                noise=3.0 if light == 1.0 else 6.0,
            )
            yield compose(scene, card, shot, rng), code


def write_door_video(
    path: Path | str,
    codes: Sequence[str],
    fps: float = 30.0,
    seconds_per_badge: float = 1.0,
    lead_in_s: float = 1.0,
    seed: int = 0,
) -> list[Showing]:
    """Write the door video (MPEG-4 Part 2, any OpenCV build writes it) and return its truth."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, (WIDTH, HEIGHT))
    if not writer.isOpened():
        raise OSError(f"cannot write a video to {path}")
    showings: dict[str, Showing] = {}
    try:
        frames = door_frames(codes, fps, seconds_per_badge, lead_in_s, seed)
        for index, (image, code) in enumerate(frames):
            writer.write(image)
            if code is not None:
                t = index / fps
                first = showings.get(code)
                showings[code] = Showing(code, first.start if first else t, t + 1 / fps)
    finally:
        writer.release()
    return list(showings.values())
