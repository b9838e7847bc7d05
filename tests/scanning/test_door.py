"""The generated door video: its truth, and one scan per badge when replayed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kiosk.scanning.door import write_door_video
from kiosk.scanning.events import ScanEvent
from kiosk.scanning.files import VideoFileSource
from kiosk.scanning.loop import ScanLoop
from tests.scanning.helpers import code

pytestmark = pytest.mark.usefixtures("no_thread_left")
CODES = [code(n) for n in range(4)]


@pytest.fixture(scope="module")
def door_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("door") / "door.mp4"
    showings = write_door_video(path, CODES, fps=15, lead_in_s=0.4, seed=2)
    assert [s.code for s in showings] == CODES
    assert all(0.5 <= s.end - s.start <= 1.0 for s in showings)
    return path


def test_replayed_door_gives_each_badge_exactly_once(door_video: Path) -> None:
    """Four badges passing one per second: four scans, in order, none twice."""
    scans: list[ScanEvent] = []
    stats = ScanLoop(VideoFileSource(door_video, paced=False)).run(threading.Event(), scans.append)
    assert [s.text for s in scans] == CODES
    assert stats.decoded == stats.captured == 6 + 4 * 15
