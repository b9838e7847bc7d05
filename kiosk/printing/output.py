"""Where painted badges go: images, PDF files (one or many pages) and system printers."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.printing.badge import BadgeData, badge_for
from kiosk.printing.painter import BadgePainter, PaintedBadge
from kiosk.printing.template import BadgeLayout

PDF_DPI = 600


def page_size(layout: BadgeLayout) -> QPageSize:
    return QPageSize(
        QSizeF(layout.width, layout.height),
        QPageSize.Unit.Millimeter,
        layout.label,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def page_layout(layout: BadgeLayout) -> QPageLayout:
    """The badge's page with no margins; landscape sizes (a 4x3 label) stay landscape."""
    landscape = layout.width > layout.height
    short, long = sorted((layout.width, layout.height))
    size = QPageSize(
        QSizeF(short, long),
        QPageSize.Unit.Millimeter,
        layout.label,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def render(
    painter: BadgePainter, badge: BadgeData, dpi: float = 300
) -> tuple[QImage, PaintedBadge]:
    """The badge as an image at `dpi` (previews, screenshots, tests), and how it was laid out."""
    lay = painter.layout
    width, height = round(lay.width / 25.4 * dpi), round(lay.height / 25.4 * dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    qp = QPainter(image)
    painted = painter.paint(qp, QRectF(0, 0, width, height), badge)
    qp.end()
    return image, painted


def render_image(painter: BadgePainter, badge: BadgeData, dpi: float = 300) -> QImage:
    return render(painter, badge, dpi)[0]


def write_pdf(
    painter: BadgePainter,
    badges: Iterable[BadgeData],
    path: Path,
    on_page: Callable[[int], None] | None = None,
    stamp: str = "",
) -> int:
    """Every badge on its own page of one PDF, in order; returns the page count. A `stamp`
    ('PROOF') is written across every page, so a proof is never taken for a badge."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(painter.layout))
    writer.setTitle("Badges")
    writer.setCreator("kiosk")
    qp = QPainter()
    pages = 0
    for badge in badges:
        if pages == 0:
            if not qp.begin(writer):
                raise OSError(f"cannot write {path}")
        else:
            writer.newPage()
        page = QRectF(0, 0, writer.width(), writer.height())
        painter.paint(qp, page, badge)
        if stamp:
            _stamp(qp, page, stamp)
        pages += 1
        if on_page is not None:
            on_page(pages)
    if pages:
        qp.end()
    return pages


def _stamp(qp: QPainter, page: QRectF, text: str) -> None:
    qp.save()
    qp.translate(page.center())
    qp.rotate(-35)
    font = QFont(qp.font())
    font.setPixelSize(round(page.width() / 5))
    font.setBold(True)
    qp.setFont(font)
    qp.setPen(QColor(200, 0, 0, 150))
    box = QRectF(-page.width(), -page.height() / 4, 2 * page.width(), page.height() / 2)
    qp.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    qp.restore()


class _Output:
    """Builds the badge for an attendee; subclasses send it somewhere."""

    stamp = ""  # e.g. "TEST": written across the badge (kiosk printer test)

    def __init__(self, event: Event, painter: BadgePainter, photo_dir: Path | None = None) -> None:
        self.event, self.painter, self.photo_dir = event, painter, photo_dir

    def print_badge(self, attendee: Attendee, code: str | None) -> str | None:
        """None when the badge went out, else a machine reason (never raises)."""
        try:
            return self.send(
                badge_for(self.event, attendee, code, photo_dir=self.photo_dir), attendee
            )
        except Exception as exc:  # a failing driver must end as a value, not in the UI
            return f"printer_error: {type(exc).__name__}"

    def send(self, badge: BadgeData, attendee: Attendee) -> str | None:
        raise NotImplementedError


class PdfOutput(_Output):
    """Badges as PDF files; '{id}' in the path becomes the attendee id."""

    def __init__(
        self, event: Event, painter: BadgePainter, path: Path, photo_dir: Path | None = None
    ) -> None:
        super().__init__(event, painter, photo_dir)
        self.path = path

    @property
    def name(self) -> str:
        return f"pdf:{self.path}"

    def send(self, badge: BadgeData, attendee: Attendee) -> str | None:
        target = Path(str(self.path).replace("{id}", attendee.id))
        try:
            write_pdf(self.painter, [badge], target, stamp=self.stamp)
        except OSError:
            return "pdf_not_written"
        return None


def printer_names() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def _refuses_jobs(name: str) -> bool:
    """CUPS queues can be told to reject jobs (cupsreject); Qt does not report that."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False
    try:
        out = subprocess.run(
            [lpstat, "-a", name], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "not accepting" in out


class SystemPrinterOutput(_Output):
    """A named system printer (a CUPS queue on Linux) through QPrinter, with no dialog."""

    def __init__(
        self, event: Event, painter: BadgePainter, printer: str, photo_dir: Path | None = None
    ) -> None:
        super().__init__(event, painter, photo_dir)
        self.printer = printer

    @property
    def name(self) -> str:
        return self.printer

    def send(self, badge: BadgeData, attendee: Attendee) -> str | None:
        info = QPrinterInfo.printerInfo(self.printer)
        if info.isNull():
            return "printer_missing"
        if _refuses_jobs(self.printer):
            return "job_refused"
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        if not printer.setPageLayout(page_layout(self.painter.layout)):
            printer.setPageSize(page_size(self.painter.layout))
        printer.setDocName(f"badge {attendee.id}")
        printer.setCreator("kiosk")
        qp = QPainter()
        if not qp.begin(printer):
            return "job_refused"
        page = printer.paperRect(QPrinter.Unit.DevicePixel)
        self.painter.paint(qp, page, badge)
        if self.stamp:
            _stamp(qp, page, self.stamp)
        if not qp.end() or printer.printerState() in (
            QPrinter.PrinterState.Error,
            QPrinter.PrinterState.Aborted,
        ):
            return "job_failed"
        return None
