"""The composition root: builds store, service, camera, sounds and windows, and wires them together.

Nothing here is global: every window gets what it needs through its constructor, so the
tests build the same objects with a fake clock and a fake frame source.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlite_utils import Database

if TYPE_CHECKING:
    from kiosk.ui.camera import CameraThread

from kiosk.domain.event import Event
from kiosk.scanning.frames import FrameSource
from kiosk.scanning.sources import open_source
from kiosk.service.checkin import CheckInService, utc_now
from kiosk.service.staff_pin import StaffPin
from kiosk.store import settings
from kiosk.ui.door import DoorOptions, DoorWindow
from kiosk.ui.i18n import LANGUAGES, Languages, compile_translations
from kiosk.ui.paths import load_fonts, ui_font
from kiosk.ui.sounds import Sounds
from kiosk.ui.staff_dialog import HallChooser
from kiosk.ui.wedge import WedgeFilter

Clock = Callable[[], dt.datetime]
SourceFactory = Callable[[threading.Event], FrameSource]


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("kiosk")
    load_fonts()
    app.setFont(ui_font(12))
    return app


def camera_factory(spec: str) -> SourceFactory:
    """A source factory for `--camera SOURCE` (opened on the camera thread)."""

    def make(_stop: threading.Event) -> FrameSource:
        return open_source(spec)

    return make


def start_language(db: Database, event: Event) -> str:
    saved = settings.get(db, "ui_language")
    if saved in LANGUAGES:
        return saved
    system = QLocale.system().name()
    if system.startswith("zh"):
        return "zh_CN"
    if system.startswith("de"):
        return "de"
    return "en"


@dataclass
class Door:
    """Everything the door screen is made of, for app.exec() and for tests."""

    window: DoorWindow
    service: CheckInService
    wedge: WedgeFilter
    languages: Languages
    sounds: Sounds
    camera: CameraThread | None

    def close(self) -> None:
        if self.camera is not None:
            self.camera.stop()
        self.window.allow_close()
        self.window.close()


def build_door(
    app: QApplication,
    db: Database,
    event: Event,
    hall: str | None,
    clock: Clock = utc_now,
    source: SourceFactory | None = None,
    options: DoorOptions | None = None,
    qm_folder: Path | None = None,
    sounds: Sounds | None = None,
) -> Door | None:
    """Build and wire the door screen; None if staff cancelled the hall chooser."""
    languages = Languages(app, qm_folder or compile_translations())
    languages.switch(start_language(db, event))
    languages.changed.connect(lambda code: settings.put(db, "ui_language", code))
    if hall is None:
        chooser = HallChooser(event, clock())
        if chooser.exec() != QDialog.DialogCode.Accepted or chooser.chosen is None:
            return None
        hall = chooser.chosen
    service = CheckInService(db, event, clock=clock)
    sounds = sounds or Sounds(muted=settings.get(db, "ui_muted") == "1")
    window = DoorWindow(service, hall, sounds, languages, StaffPin(db), clock, options)
    wedge = WedgeFilter(parent=window)
    app.installEventFilter(wedge)
    wedge.code_scanned.connect(window.on_code)
    camera = None
    if source is not None:
        from kiosk.ui.camera import CameraThread  # OpenCV and the decoder: only with a camera

        camera = CameraThread(source)
        camera.code_scanned.connect(window.on_code)
        camera.frame_ready.connect(window.camera.show_frame)
        camera.camera_status.connect(window.camera.show_status)
        window.camera.show_status("preparing", "")
        camera.start()
    door = Door(window, service, wedge, languages, sounds, camera)
    QTimer.singleShot(200, sounds.warm_up)
    app.aboutToQuit.connect(lambda: camera.stop() if camera is not None else None)
    return door


def run_door(
    db: Database,
    event: Event,
    hall: str | None,
    clock: Clock = utc_now,
    source: SourceFactory | None = None,
    locked: bool = False,
    reset_after_s: float = 4.0,
) -> int:
    app = make_application()
    door = build_door(
        app, db, event, hall, clock, source, DoorOptions(reset_after_s, locked=locked)
    )
    if door is None:
        return 1
    if locked:
        door.window.showFullScreen()
    else:
        door.window.resize(1280, 800)
        door.window.show()
    status = app.exec()
    if door.camera is not None:
        door.camera.stop()
    settings.put(db, "ui_muted", "1" if door.sounds.muted else "0")
    return int(status)


def run_board(db: Database, event: Event, clock: Clock = utc_now, fullscreen: bool = False) -> int:
    from kiosk.ui.board import BoardWindow  # QtCharts: only the board needs it

    app = make_application()
    languages = Languages(app, compile_translations())
    languages.switch(start_language(db, event))
    window = BoardWindow(db, event, clock, languages)
    if fullscreen:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    return int(app.exec())


def run_pickup(
    db: Database,
    db_path: Path,
    event: Event,
    source: SourceFactory | None = None,
    locked: bool = True,
    printer: str | None = None,
) -> int:
    """The self-service badge pickup window (attendee-facing, locked by default)."""
    from kiosk.ui.pickup import PickupOptions, build_pickup_window, pickup_parts

    app = make_application()
    service, output, painter = pickup_parts(db, db_path, event, printer=printer)
    window = build_pickup_window(
        service, output, painter, PickupOptions(locked=locked), staff_pin=StaffPin(db)
    )
    wedge = WedgeFilter(parent=window)
    app.installEventFilter(wedge)
    wedge.code_scanned.connect(window.on_code_scanned)
    camera = None
    if source is not None:
        from kiosk.ui.camera import CameraThread

        camera = CameraThread(source)
        camera.code_scanned.connect(window.on_code_scanned)
        camera.frame_ready.connect(window.show_frame)
        camera.start()
    if locked:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    status = app.exec()
    if camera is not None:
        camera.stop()
    return int(status)
