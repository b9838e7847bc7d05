"""The staff desk: walk-in registration, reprints and lost-badge replacement at a staffed table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.printing.painter import BadgePainter
from kiosk.service.desk import StaffDesk
from kiosk.service.pickup import BadgeOutput
from kiosk.service.staff_pin import StaffPin
from kiosk.ui.desk.window import DeskOptions, DeskWindow
from kiosk.ui.i18n import Languages
from kiosk.ui.pickup import pickup_parts

__all__ = ["DeskOptions", "DeskWindow", "build_desk_window", "desk_parts"]


def desk_parts(
    db: Database,
    db_path: Path,
    event: Event,
    *,
    printer: str | None = None,
    pdf_dir: Path | None = None,
) -> tuple[StaffDesk, BadgeOutput, BadgePainter]:
    """The pickup kiosk's parts (printer or PDF output, painter, signing key if this
    machine holds it), with the staff desk service in place of the pickup service."""
    pickup, output, painter = pickup_parts(db, db_path, event, printer=printer, pdf_dir=pdf_dir)
    desk = StaffDesk(db, event, signing_key=pickup.signing_key, verify_pin=pickup.verify_pin)
    return desk, output, painter


def build_desk_window(
    service: StaffDesk,
    output: BadgeOutput,
    painter: BadgePainter,
    options: DeskOptions | None = None,
    staff_pin: StaffPin | None = None,
    languages: Languages | None = None,
) -> DeskWindow:
    """The desk window, locked until staff enter the PIN; connect a scanner's code_scanned
    to its on_code_scanned and a SyncThread's status_changed to its show_sync. With
    `languages` its top bar switches them."""
    window = DeskWindow(service, output, painter, options, staff_pin, languages)
    app = QCoreApplication.instance()
    if app is not None:
        app.installEventFilter(window)  # any key or click anywhere keeps the desk unlocked
    return window
