"""Scanning fixtures: the shared real photos, image files, a check for leftover threads."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.scanning.frames import Image
from tests.scanning.helpers import write_images

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "qr-samples"


@pytest.fixture(autouse=True)
def _camera_tests_only_when_asked(request: pytest.FixtureRequest) -> None:
    """Tests marked camera need a real webcam: run with --camera or KIOSK_CAMERA=1."""
    if request.node.get_closest_marker("camera") is None:
        return
    if not (request.config.getoption("--camera", default=False) or os.environ.get("KIOSK_CAMERA")):
        pytest.skip("needs a real webcam (run with --camera or KIOSK_CAMERA=1)")


@pytest.fixture
def samples_dir() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"real QR photos not found at {SAMPLES} (shared/ sits beside the repo)")
    return SAMPLES


@pytest.fixture
def no_thread_left() -> Iterator[None]:
    """Fails the test if it leaves a thread running."""
    before = set(threading.enumerate())
    yield
    left = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not left, f"threads left running: {left}"


MakeImages = Callable[[dict[str, Image]], list[Path]]


@pytest.fixture
def make_images(tmp_path: Path) -> MakeImages:
    return lambda pictures: write_images(tmp_path / "images", pictures)
