"""The attendance report as a PDF: tables and bar charts painted with QPdfWriter and QPainter.

The caller hands in plain data (titles, rows, bars); this module only lays it out on A4
pages, repeating a table's header where it continues on a new page.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

DPI = 150
FAMILIES = ["DejaVu Sans", "Noto Sans CJK SC"]  # Latin, Greek, Cyrillic; then CJK
CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)
INK = QColor("#212121")
MUTED = QColor("#616161")
RULE = QColor("#bdbdbd")
BAR = QColor("#1565c0")
STRIPE = QColor("#f5f5f5")


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    widths: tuple[float, ...]  # relative column widths
    empty: str = "none"


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: Sequence[tuple[str, int]]  # label under the bar (may be ""), value
    note: str = ""


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    blocks: list[Table | BarChart] = field(default_factory=list)
    empty_chart: str = "no entries"  # under a chart with no bars, in the report's language


class _Pages:
    """A painter over a PDF writer with a running y position and page breaks."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width = float(area.width())
        self.height = float(area.height())
        self.y = 0.0
        self.pages = 1

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(FAMILIES)
        font.setPixelSize(round(points * DPI / 72))
        font.setBold(bold)
        self.painter.setFont(font)
        return font

    def room(self, height: float) -> None:
        if self.y + height > self.height and self.y > 0:
            self.writer.newPage()
            self.pages += 1
            self.y = 0.0

    def text(
        self, x: float, width: float, height: float, text: str, align: Qt.AlignmentFlag
    ) -> None:
        metrics = QFontMetricsF(self.painter.font())
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 8)
        flags = int(align | Qt.AlignmentFlag.AlignVCenter)
        self.painter.drawText(QRectF(x + 4, self.y, width - 8, height), flags, shown)


def _load_cjk_font() -> None:
    """Register Noto Sans CJK where fontconfig has not (a bare offscreen run): without it
    a Chinese report falls back to whatever font the machine has, or to empty boxes."""
    if "Noto Sans CJK SC" in QFontDatabase.families():
        return
    for path in CJK_FONT_FILES:
        if Path(path).exists():
            QFontDatabase.addApplicationFont(path)


def render_report(report: Report, out: Path) -> int:
    """Write the report to `out` (PDF); returns the number of pages."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    own_app = QGuiApplication.instance() is None
    app = QGuiApplication(["kiosk-report"]) if own_app else None
    _load_cjk_font()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        writer = QPdfWriter(str(out))
        writer.setResolution(DPI)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setTitle(report.title)
        writer.setCreator("kiosk")
        painter = QPainter(writer)
        try:
            pages = _Pages(writer, painter)
            _heading(pages, report)
            for block in report.blocks:
                if isinstance(block, Table):
                    _table(pages, block)
                else:
                    _chart(pages, block, report.empty_chart)
            return pages.pages
        finally:
            painter.end()
    finally:
        if app is not None:
            app.shutdown()  # leave no application behind for a GUI or test that makes its own


def _heading(pages: _Pages, report: Report) -> None:
    pages.painter.setPen(INK)
    pages.font(18, bold=True)
    pages.text(0, pages.width, 50, report.title, Qt.AlignmentFlag.AlignLeft)
    pages.y += 50
    pages.painter.setPen(MUTED)
    pages.font(9)
    pages.text(0, pages.width, 30, report.subtitle, Qt.AlignmentFlag.AlignLeft)
    pages.y += 45


def _block_title(pages: _Pages, title: str, first_row: float) -> None:
    pages.room(40 + first_row)
    pages.painter.setPen(INK)
    pages.font(12, bold=True)
    pages.text(0, pages.width, 40, title, Qt.AlignmentFlag.AlignLeft)
    pages.y += 42


def _table(pages: _Pages, table: Table) -> None:
    row_height = 30.0
    _block_title(pages, table.title, 2 * row_height)
    total = sum(table.widths)
    widths = [pages.width * w / total for w in table.widths]

    def header() -> None:
        pages.painter.setPen(INK)
        pages.font(8.5, bold=True)
        _cells(pages, widths, row_height, table.headers)
        pages.painter.setPen(QPen(RULE, 2))
        pages.painter.drawLine(
            0, round(pages.y + row_height), round(pages.width), round(pages.y + row_height)
        )
        pages.y += row_height + 4

    header()
    if not table.rows:
        pages.painter.setPen(MUTED)
        pages.font(8.5)
        pages.text(0, pages.width, row_height, table.empty, Qt.AlignmentFlag.AlignLeft)
        pages.y += row_height
    for number, row in enumerate(table.rows):
        if pages.y + row_height > pages.height:
            pages.room(pages.height)  # forces a new page
            header()
        if number % 2:
            pages.painter.fillRect(QRectF(0, pages.y, pages.width, row_height), STRIPE)
        pages.painter.setPen(INK)
        pages.font(8.5)
        _cells(pages, widths, row_height, row)
        pages.y += row_height
    pages.y += 30


def _cells(pages: _Pages, widths: list[float], height: float, values: tuple[str, ...]) -> None:
    x = 0.0
    for width, value in zip(widths, values, strict=False):
        numeric = value == "-" or value.replace(",", "").replace("%", "").replace(".", "").isdigit()
        align = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
        pages.text(x, width, height, value, align)
        x += width


def _chart(pages: _Pages, chart: BarChart, empty: str) -> None:
    plot_height, label_height = 300.0, 30.0
    _block_title(pages, chart.title, plot_height + label_height)
    top = max((value for _, value in chart.bars), default=0)
    if not chart.bars or top == 0:
        pages.painter.setPen(MUTED)
        pages.font(8.5)
        pages.text(0, pages.width, 30, empty, Qt.AlignmentFlag.AlignLeft)
        pages.y += 60
        return
    axis = 70.0
    step = (pages.width - axis) / len(chart.bars)
    pages.font(7)
    pages.painter.setPen(MUTED)
    pages.text(0, axis, 24, f"{top:,}", Qt.AlignmentFlag.AlignRight)
    base = pages.y + plot_height
    for index, (label, value) in enumerate(chart.bars):
        height = plot_height * value / top
        x = axis + index * step
        pages.painter.fillRect(QRectF(x + step * 0.1, base - height, step * 0.8, height), BAR)
        if label:
            pages.painter.setPen(MUTED)
            pages.painter.drawText(
                QRectF(x - step, base + 4, step * 3, label_height),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                label,
            )
    pages.painter.setPen(QPen(RULE, 2))
    pages.painter.drawLine(round(axis), round(base), round(pages.width), round(base))
    pages.y = base + label_height + 10
    if chart.note:
        pages.font(8)
        pages.text(0, pages.width, 26, chart.note, Qt.AlignmentFlag.AlignLeft)
        pages.y += 26
    pages.y += 30
