"""Self-service badge pickup: the attendee-facing window and what it is built from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.printing.output import PdfOutput, SystemPrinterOutput
from kiosk.printing.painter import BadgePainter
from kiosk.printing.template import DEFAULT_SIZE, load_template
from kiosk.service.pickup import BadgeOutput, PickupService
from kiosk.service.staff_pin import StaffPin
from kiosk.store import settings
from kiosk.store.keyfiles import key_dir_for, signing_key
from kiosk.ui.pickup.window import PickupOptions, PickupWindow

__all__ = ["PickupOptions", "PickupWindow", "build_pickup_window", "pickup_parts"]


def pickup_parts(
    db: Database,
    db_path: Path,
    event: Event,
    *,
    printer: str | None = None,
    pdf_dir: Path | None = None,
) -> tuple[PickupService, BadgeOutput, BadgePainter]:
    """The service, badge output and painter of a pickup kiosk. The printer is `printer`,
    else the 'printer' setting; with neither, badges go to PDF files in `pdf_dir`."""
    key = signing_key(key_dir_for(db_path), event.id)
    service = PickupService(db, event, signing_key=key, verify_pin=StaffPin(db).verify)
    painter = BadgePainter(load_template(), settings.get(db, "badge_size") or DEFAULT_SIZE)
    name = printer or settings.get(db, "printer")
    photo_dir = db_path.parent
    output: BadgeOutput
    if name:
        output = SystemPrinterOutput(event, painter, name, photo_dir=photo_dir)
    else:
        folder = pdf_dir or db_path.parent / "badges"
        output = PdfOutput(event, painter, folder / "badge-{id}.pdf", photo_dir=photo_dir)
    return service, output, painter


def build_pickup_window(
    service: PickupService,
    output: BadgeOutput,
    painter: BadgePainter,
    options: PickupOptions | None = None,
    staff_pin: StaffPin | None = None,
) -> PickupWindow:
    """The pickup window; connect a CameraThread's or WedgeFilter's code_scanned to its
    on_code_scanned, and show it with showFullScreen()."""
    window = PickupWindow(service, output, painter, options, staff_pin)
    app = QCoreApplication.instance()
    if app is not None:
        app.installEventFilter(window)  # any touch anywhere restarts the idle timer
    return window
