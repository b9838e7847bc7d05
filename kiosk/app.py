"""The composition root: builds store, service, camera, sounds and windows, and wires them together.

Nothing here is global: every window gets what it needs through its constructor, so the
tests build the same objects with a fake clock and a fake frame source.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlite_utils import Database

if TYPE_CHECKING:
    from kiosk.ui.camera import CameraThread

from kiosk.domain.event import Event, Session
from kiosk.logs import setup_logging
from kiosk.printing.language import SETTING as LANGUAGE_SETTING
from kiosk.printing.language import language_for
from kiosk.scanning.frames import FrameSource
from kiosk.scanning.sources import open_source
from kiosk.service.checkin import Authority, CheckInService, utc_now
from kiosk.service.staff_pin import StaffPin
from kiosk.store import events, settings
from kiosk.store.db import open_db
from kiosk.sync.hub import is_postgres
from kiosk.sync.runner import SyncRunner
from kiosk.ui.door import DoorOptions, DoorWindow
from kiosk.ui.i18n import Languages, compile_translations
from kiosk.ui.paths import icon_path, load_fonts, ui_font
from kiosk.ui.qt_messages import install_qt_message_handler
from kiosk.ui.scan_worker import ScanWorker
from kiosk.ui.sounds import Sounds
from kiosk.ui.staff_dialog import HallChooser
from kiosk.ui.sync_thread import DEFAULT_EVERY_S, Runner, SyncThread
from kiosk.ui.wedge import WedgeFilter

Clock = Callable[[], dt.datetime]
SourceFactory = Callable[[threading.Event], FrameSource]


class HubAuthority(Authority, Protocol):
    """The PostgreSQL hub's claims (kiosk.sync.authority), or a fake in tests."""

    def close(self) -> None: ...


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication of a screen: the log file first (Qt's start-up warnings go
    there too, not to the terminal), then the name, window icon and fonts."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):  # made already to ask for an unlock code
        return existing
    setup_logging()
    install_qt_message_handler()
    app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("kiosk")
    app.setDesktopFileName("kiosk")  # Wayland app id: matches kiosk.desktop and its icon
    app.setWindowIcon(QIcon(str(icon_path("kiosk"))))
    load_fonts()
    app.setFont(ui_font(12))
    return app


def camera_factory(spec: str) -> SourceFactory:
    """A source factory for `--camera SOURCE` (opened on the camera thread)."""

    def make(_stop: threading.Event) -> FrameSource:
        return open_source(spec)

    return make


def connect_scanners(
    app: QApplication,
    window: QWidget,
    on_code: Callable[[str], None],
    show_frame: Callable[[QImage], None],
    source: SourceFactory | None,
    show_status: Callable[[str, str], None] | None = None,
) -> tuple[WedgeFilter, CameraThread | None]:
    """Route the handheld scanner (a keyboard wedge, whatever has focus) and the camera, if
    there is one, to `on_code`; the camera thread is started."""
    wedge = WedgeFilter(parent=window)
    app.installEventFilter(wedge)
    wedge.code_scanned.connect(on_code)
    if source is None:
        return wedge, None
    from kiosk.ui.camera import CameraThread  # OpenCV and the decoder: only with a camera

    camera = CameraThread(source)
    camera.code_scanned.connect(on_code)
    camera.frame_ready.connect(show_frame)
    if show_status is not None:
        camera.camera_status.connect(show_status)
        show_status("preparing", "")
    camera.start()
    return wedge, camera


def start_language(db: Database, event: Event) -> str:
    """The screens' saved language, else the system's (as printed reports choose theirs)."""
    return language_for(None, settings.get(db, LANGUAGE_SETTING))


def database_file(db: Database) -> Path:
    """The file behind `db`: the scan and sync threads open their own connections to it."""
    row = db.execute("PRAGMA database_list").fetchone()
    if row is None or not row[2]:
        raise ValueError("the door needs a database file, not an in-memory database")
    return Path(row[2])


def sync_thread_for(
    db: Database, hub: str | None, clock: Clock, every_s: float, runner: Runner | None = None
) -> SyncThread | None:
    """The background sync thread for `hub` (None without a hub), not yet started."""
    if runner is None:
        if not hub:
            return None
        runner = SyncRunner(database_file(db), hub, clock=clock)
    return SyncThread(runner, every_s)


@dataclass
class Door:
    """Everything the door screen is made of, for app.exec() and for tests."""

    window: DoorWindow
    service: CheckInService  # the GUI thread's: reads only; decisions run on `scans`
    wedge: WedgeFilter
    languages: Languages
    sounds: Sounds
    camera: CameraThread | None
    scans: ScanWorker
    sync: SyncThread | None = None
    authority: HubAuthority | None = None

    def stop_threads(self) -> None:
        """Camera first (no new codes), then the queued scans, then sync and the hub."""
        if self.camera is not None:
            self.camera.stop()
        self.scans.stop()
        if self.sync is not None:
            self.sync.stop()
        if self.authority is not None:
            self.authority.close()

    def close(self) -> None:
        self.stop_threads()
        self.window.allow_close()
        self.window.close()


def hub_authority(db: Database, path: Path, hub: str) -> HubAuthority:
    """Online admissions through a PostgreSQL hub, each claim signed by this kiosk's key."""
    from kiosk.store.keyfiles import key_dir_for, kiosk_key, passfile_for
    from kiosk.sync.authority import PostgresAuthority  # psycopg: only for PostgreSQL hubs
    from kiosk.sync.records import ClaimCheck, signed_checkin

    key = kiosk_key(key_dir_for(path), settings.kiosk_id(db))
    passfile = passfile_for(path)
    return PostgresAuthority(
        hub,
        lambda record: signed_checkin(key, record),
        passfile=str(passfile) if passfile.exists() else None,
        # A refusal stands only on hub rows that verify here: forged presence rows
        # written with the kiosk role's password cannot refuse good badges.
        verify=ClaimCheck(lambda: open_db(path, migrate=False)),
    )


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
    hub: str | None = None,
    sync_every_s: float = DEFAULT_EVERY_S,
    authority: HubAuthority | None = None,
    runner: Runner | None = None,
) -> Door | None:
    """Build and wire the door screen; None if staff cancelled the hall chooser.

    With a hub, a sync thread runs every `sync_every_s` seconds (tests pass a fake
    `runner`), and a PostgreSQL hub also decides entries online (`authority`).
    """
    languages = Languages(app, qm_folder or compile_translations())
    languages.switch(start_language(db, event))
    languages.changed.connect(lambda code: settings.put(db, "ui_language", code))
    if hall is None:
        chooser = HallChooser(event, clock())
        if chooser.exec() != QDialog.DialogCode.Accepted or chooser.chosen is None:
            return None
        hall = chooser.chosen
    path = database_file(db)
    if authority is None and hub and is_postgres(hub):
        authority = hub_authority(db, path, hub)
    options = replace(options or DoorOptions(), hub_decides=authority is not None)

    def worker_service() -> CheckInService:  # runs on the scan thread: its own connection
        return CheckInService(open_db(path, migrate=False), event, clock, authority)

    scans = ScanWorker(worker_service)
    service = CheckInService(db, event, clock=clock)
    sounds = sounds or Sounds(muted=settings.get(db, "ui_muted") == "1")
    window = DoorWindow(service, hall, sounds, languages, StaffPin(db), clock, scans, options)
    scans.start()
    wedge, camera = connect_scanners(
        app, window, window.on_code, window.camera.show_frame, source, window.camera.show_status
    )
    sync = sync_thread_for(db, hub, clock, sync_every_s, runner)
    if sync is not None:
        _wire_door_sync(sync, db, window, scans)
        window.show_sync(sync.runner.status())
        sync.start()
    door = Door(window, service, wedge, languages, sounds, camera, scans, sync, authority)
    QTimer.singleShot(200, sounds.warm_up)
    app.aboutToQuit.connect(door.stop_threads)
    return door


def _wire_door_sync(sync: SyncThread, db: Database, window: DoorWindow, scans: ScanWorker) -> None:
    def keys_changed() -> None:
        window.service.reload_keys()
        scans.reload(event_changed=False)

    def event_changed() -> None:
        event = events.load_event(db)
        if event is not None:
            window.set_event(event)
        window.service.reload_keys()
        scans.reload(event_changed=True)

    sync.status_changed.connect(window.show_sync)
    sync.keys_changed.connect(keys_changed)
    sync.event_changed.connect(event_changed)


def run_door(
    db: Database,
    event: Event,
    hall: str | None,
    clock: Clock = utc_now,
    source: SourceFactory | None = None,
    locked: bool = False,
    reset_after_s: float = 4.0,
    hub: str | None = None,
    sync_every_s: float = DEFAULT_EVERY_S,
) -> int:
    app = make_application()
    options = DoorOptions(reset_after_s, locked=locked)
    door = build_door(
        app, db, event, hall, clock, source, options, hub=hub, sync_every_s=sync_every_s
    )
    if door is None:
        return 1
    if locked:
        door.window.showFullScreen()
    else:
        door.window.resize(1280, 800)
        door.window.show()
    status = app.exec()
    door.stop_threads()
    settings.put(db, "ui_muted", "1" if door.sounds.muted else "0")
    return int(status)


def run_board(
    db: Database,
    event: Event,
    clock: Clock = utc_now,
    fullscreen: bool = False,
    hub: str | None = None,
    sync_every_s: float = DEFAULT_EVERY_S,
    session: Session | None = None,
) -> int:
    """The venue board; with a hub it syncs in the background, so the halls, the chart
    and the conflicts cover every door. With `session`: the chair's view of it."""
    from kiosk.ui.board import BoardWindow  # QtCharts: only the board needs it
    from kiosk.ui.board_chair import ChairWindow

    app = make_application()
    languages = Languages(app, compile_translations())
    languages.switch(start_language(db, event))
    window: BoardWindow | ChairWindow = (
        ChairWindow(db, event, session, clock, languages)
        if session is not None
        else BoardWindow(db, event, clock, languages)
    )
    sync = sync_thread_for(db, hub, clock, sync_every_s)
    if sync is not None:
        sync.status_changed.connect(window.show_sync)
        sync.synced.connect(lambda report: window.refresh() if report.pulled else None)
        window.show_sync(sync.runner.status())
        sync.start()
    if fullscreen:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    status = app.exec()
    if sync is not None:
        sync.stop()
    return int(status)
