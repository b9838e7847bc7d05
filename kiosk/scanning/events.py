"""What the scanning package reports: a scanned code with its times, and the source's status."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class ScanEvent:
    """One scan: a code's text and when it happened (time.monotonic() seconds).

    `arrived` is when the frame that showed it reached us (a handheld scanner: its first
    key), `decoded` when decoding finished, so `decoded - arrived` is the scanning part
    of the scan-to-verdict latency. `pts` is the frame's time in the scene.
    """

    text: str
    arrived: float
    decoded: float
    pts: float = 0.0
    via: str = "camera"  # "camera" or "keyboard"

    @property
    def latency_ms(self) -> float:
        return (self.decoded - self.arrived) * 1000.0


class StatusKind(Enum):
    RUNNING = "running"  # the source gives frames
    NO_CAMERA = "no_camera"  # none at start; retried in the background
    CAMERA_LOST = "camera_lost"  # it stopped giving frames; retried in the background
    CAMERA_BACK = "camera_back"  # frames again after no_camera or camera_lost
    FRAME_UNREADABLE = "frame_unreadable"  # one bad image skipped
    ENDED = "ended"  # a file or folder played to its end
    FAILED = "failed"  # a file or folder that cannot be played at all


@dataclass(frozen=True)
class ScanStatus:
    """A change of the source's state, with a one-line message fit for the staff."""

    kind: StatusKind
    message: str
