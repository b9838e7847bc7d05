"""UI fixtures: the real door window on the tiny event, a fake clock, fake frame sources."""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from kiosk.app import Door, HubAuthority, build_door
from kiosk.domain.decision import Decision
from kiosk.domain.event import Event
from kiosk.scanning.frames import Frame, FrameSource
from kiosk.scanning.synthetic import qr_picture
from kiosk.sync.report import SyncReport
from kiosk.sync.runner import SyncStatus
from kiosk.ui.door import DoorOptions
from kiosk.ui.i18n import compile_translations
from kiosk.ui.paths import load_fonts
from kiosk.ui.sounds import Sounds
from kiosk.ui.sync_thread import Runner
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


HUB = "/media/usb/hub"


class FakeRunner:
    """Stands in for SyncRunner: each pass answers with the status the test set last, and
    with the report the test brought, once."""

    def __init__(self) -> None:
        self.current = SyncStatus(HUB, False, None, 0, None, None)
        self.passes = 0
        self.closed = threading.Event()
        self._reports: queue.SimpleQueue[SyncReport] = queue.SimpleQueue()

    def bring(self, report: SyncReport) -> None:
        self._reports.put(report)

    def run_once(self) -> SyncReport | None:
        self.passes += 1
        try:
            return self._reports.get_nowait()
        except queue.Empty:
            return None

    def status(self) -> SyncStatus:
        return self.current

    def close(self) -> None:
        self.closed.set()


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
    claims_before: set[threading.Thread] = set()

    def make(
        hall: str = "main",
        codes: list[str] | None = None,
        options: DoorOptions | None = None,
        hub: str | None = None,
        authority: HubAuthority | None = None,
        runner: Runner | None = None,
        sync_every_s: float = 0.1,
        database: Database | None = None,
    ) -> Door:
        claims_before.update(claim_threads())
        source = None
        if codes is not None:

            def source(_stop: threading.Event) -> FrameSource:
                return QrFrames(codes)

        door = build_door(
            qapp,
            database or db,
            event,
            hall,
            clock=clock,
            source=source,
            options=options or DoorOptions(reset_after_s=60, reduce_motion=True),
            qm_folder=qm_folder,
            sounds=Sounds(),
            hub=hub,
            sync_every_s=sync_every_s,
            authority=authority,
            runner=runner,
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
        assert_stopped(door, claims_before)
        door.window.deleteLater()


def claim_threads() -> set[threading.Thread]:
    """PostgresAuthority's worker threads alive now."""
    return {t for t in threading.enumerate() if t.name == "hub-claims" and t.is_alive()}


def assert_stopped(door: Door, claims_before: set[threading.Thread]) -> None:
    """No thread of the door is left running: camera, scans, sync, hub claims."""
    running = {
        "camera": door.camera is not None and door.camera.isRunning(),
        "scans": door.scans.isRunning(),
        "sync": door.sync is not None and door.sync.isRunning(),
        "claims": bool(claim_threads() - claims_before),
    }
    assert running == dict.fromkeys(running, False)


def wait_decided(qtbot, door: Door, action: Callable[[], object]) -> Decision:  # type: ignore[no-untyped-def]
    """Run a door action (a scan, a manual admission, an undo) and wait until its verdict
    is on screen: the decision is taken on the scan thread."""
    with qtbot.waitSignal(door.window.decided, timeout=5000) as blocker:
        action()
    decision: Decision = blocker.args[0]
    return decision


@pytest.fixture
def scan(qtbot) -> Callable[[Door, str], Decision]:  # type: ignore[no-untyped-def]
    """scan(door, code): the code as the camera or scanner delivers it, and its verdict."""

    def run(door: Door, code: str) -> Decision:
        return wait_decided(qtbot, door, lambda: door.window.on_code(code))

    return run
