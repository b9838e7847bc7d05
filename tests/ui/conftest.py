"""UI fixtures: the real door window on the tiny event, a fake clock, fake frame sources."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from kiosk.app import Door, build_door
from kiosk.domain.event import Event
from kiosk.scanning.frames import Frame, FrameSource
from kiosk.scanning.synthetic import qr_picture
from kiosk.ui.door import DoorOptions
from kiosk.ui.i18n import compile_translations
from kiosk.ui.paths import load_fonts
from kiosk.ui.sounds import Sounds
from tests.conftest import at


class FakeClock:
    """Event time that only moves when a test says so."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


class QrFrames(FrameSource):
    """A finite, non-live source: each code as a clean QR picture, then a blank frame."""

    live = False
    reconnects = False

    def __init__(self, codes: list[str], repeat: int = 2) -> None:
        self.name = "fake camera"
        self.codes = codes
        self.repeat = repeat
        self._frames: list[Frame] = []

    def open(self) -> None:
        import numpy as np

        images = []
        for code in self.codes:
            picture = qr_picture(code, module_px=6)
            images += [picture] * self.repeat + [np.full_like(picture, 255)] * 4
        self._frames = [Frame(img, 0.0, i * 0.5, i) for i, img in enumerate(images)]

    def read(self) -> Frame | None:
        return self._frames.pop(0) if self._frames else None

    def close(self) -> None:
        self._frames = []


@pytest.fixture(scope="session")
def qm_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_translations(cache=tmp_path_factory.mktemp("qm"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(at("14 10:00"))


@pytest.fixture
def make_door(
    qapp: QApplication, db: Database, event: Event, clock: FakeClock, qm_folder: Path
) -> Iterator[Callable[..., Door]]:
    """Builds the door screen as app.py does, with fakes; closes it and its thread after."""
    load_fonts()
    built: list[Door] = []

    def make(
        hall: str = "main",
        codes: list[str] | None = None,
        options: DoorOptions | None = None,
    ) -> Door:
        source = None
        if codes is not None:

            def source(_stop: threading.Event) -> FrameSource:
                return QrFrames(codes)

        door = build_door(
            qapp,
            db,
            event,
            hall,
            clock=clock,
            source=source,
            options=options or DoorOptions(reset_after_s=60, reduce_motion=True),
            qm_folder=qm_folder,
            sounds=Sounds(),
        )
        assert door is not None
        door.window.resize(1280, 800)
        door.window.show()
        built.append(door)
        return door

    yield make
    for door in built:
        qapp.removeEventFilter(door.wedge)
        door.languages.switch("en")
        door.close()
        assert door.camera is None or not door.camera.isRunning()
        door.window.deleteLater()
