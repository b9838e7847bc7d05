"""The composition root of the windows that print badges: self-service pickup and the
staff desk. Both print on a PrintWorker thread and sync in the background like the door.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlite_utils import Database

from kiosk.app import (
    SourceFactory,
    connect_scanners,
    make_application,
    start_language,
    sync_thread_for,
)
from kiosk.domain.event import Event
from kiosk.service.checkin import utc_now
from kiosk.service.pickup import PickupService
from kiosk.service.staff_pin import StaffPin
from kiosk.store import settings
from kiosk.ui.i18n import Languages, compile_translations
from kiosk.ui.sync_thread import DEFAULT_EVERY_S, SyncThread

if TYPE_CHECKING:
    from kiosk.ui.camera import CameraThread
    from kiosk.ui.print_worker import PrintWorker


def run_pickup(
    db: Database,
    db_path: Path,
    event: Event,
    source: SourceFactory | None = None,
    locked: bool = True,
    printer: str | None = None,
    hub: str | None = None,
    sync_every_s: float = DEFAULT_EVERY_S,
) -> int:
    """The self-service badge pickup window (attendee-facing, locked by default). With a
    hub it syncs in the background: prints and corrections go out, badges printed at the
    other pickup kiosks, walk-ins and replacements come in."""
    from kiosk.ui.pickup import PickupOptions, build_pickup_window, pickup_parts

    app = make_application()
    service, output, painter = pickup_parts(db, db_path, event, printer=printer)
    window = build_pickup_window(
        service, output, painter, PickupOptions(locked=locked), staff_pin=StaffPin(db)
    )
    _wedge, camera = connect_scanners(
        app, window, window.on_code_scanned, window.show_frame, source
    )
    window.set_camera(camera is not None)
    sync = sync_thread_for(db, hub, utc_now, sync_every_s)
    return _run_printing(app, window, window.printer, service, camera, sync, locked)


def _run_printing(
    app: QApplication,
    window: QWidget,
    printer: PrintWorker,
    service: PickupService,
    camera: CameraThread | None,
    sync: SyncThread | None,
    locked: bool,
    first: Callable[[], None] | None = None,
) -> int:
    """Run a window that prints badges (pickup, desk): sync brings new keys and events to
    its service; at the end the camera stops, the queued badges come out, sync stops."""
    if sync is not None:
        sync.keys_changed.connect(service.reload)
        sync.event_changed.connect(service.reload)
        sync.start()
    if locked:
        window.showFullScreen()
    else:
        show_unlocked(window)
    if first is not None:
        QTimer.singleShot(0, first)
    status = app.exec()
    if camera is not None:
        camera.stop()
    printer.stop()
    if sync is not None:
        sync.stop()
    return int(status)


UNLOCKED_SIZE = QSize(1280, 800)


def show_unlocked(window: QWidget, wanted: QSize = UNLOCKED_SIZE) -> None:
    """A normal window of `wanted` size, unless the screen is not larger than that: then
    maximised, and resized to the screen's free area for a session with no window manager
    (on a 1280x800 screen a 1280x800 window plus its title bar hides its bottom row)."""
    screen = window.screen().availableGeometry()
    margin = QSize(16, 48)  # a window manager's frame and title bar, about
    if wanted.width() + margin.width() <= screen.width() and (
        wanted.height() + margin.height() <= screen.height()
    ):
        window.resize(wanted)
        window.show()
        return
    window.setGeometry(screen)
    window.showMaximized()
    frame, inner = window.frameGeometry(), window.geometry()
    if not screen.contains(frame):  # no window manager maximised it: leave room for the frame
        window.setGeometry(
            screen.adjusted(
                inner.left() - frame.left(),
                inner.top() - frame.top(),
                inner.right() - frame.right(),
                inner.bottom() - frame.bottom(),
            )
        )


def run_desk(
    db: Database,
    db_path: Path,
    event: Event,
    source: SourceFactory | None = None,
    locked: bool = False,
    printer: str | None = None,
    hub: str | None = None,
    sync_every_s: float = DEFAULT_EVERY_S,
    idle_minutes: float = 5.0,
) -> int:
    """The staff desk (staff-operated: a normal window unless `locked`), opened with the
    staff PIN. With a hub it syncs in the background and shows the sync state: walk-ins,
    reprints and replacements go out, keys and the event come in."""
    from kiosk.ui.desk import DeskOptions, build_desk_window, desk_parts

    app = make_application()
    languages = Languages(app, compile_translations())
    languages.switch(start_language(db, event))
    languages.changed.connect(lambda code: settings.put(db, "ui_language", code))
    service, output, painter = desk_parts(db, db_path, event, printer=printer)
    options = DeskOptions(idle_minutes=idle_minutes, locked=locked, photo_dir=db_path.parent)
    window = build_desk_window(
        service, output, painter, options, staff_pin=StaffPin(db), languages=languages
    )
    _wedge, camera = connect_scanners(app, window, window.on_code_scanned, lambda _f: None, source)
    sync = sync_thread_for(db, hub, utc_now, sync_every_s)
    if sync is not None:
        sync.status_changed.connect(window.show_sync)
        window.show_sync(sync.runner.status())
    return _run_printing(
        app, window, window.printer, service, camera, sync, locked, first=window.ask_unlock
    )
