"""SeatMapPage: the big screen's live check-in status of one session (GB 50799 12.2.7):
present against expected in large figures, and the seat map: a grid by row and seat
number, each seat filled when its attendee is inside, hollow while not yet.

Filled against hollow says it as well as the colour does (colour-blind staff, a projector
washing colours out); labels that do not read as row and seat are counted under the map.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.seats import Seat, SeatPlan
from kiosk.service.session_counts import SessionCount
from kiosk.ui.i18n import ui_language
from kiosk.ui.paths import ui_font
from kiosk.ui.widgets import FitLabel

TAKEN, FREE_EDGE, FREE_FILL = "#1b7a36", "#7a8699", "#ffffff"
STAGE, INK, MUTED = "#14213d", "#1a1a1a", "#5f6b7a"


def _t(text: str) -> str:
    return QCoreApplication.translate("SeatMapPage", text)


class SeatGrid(QWidget):
    """The plan drawn as rows (front row at the stage, on top) by seat number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = SeatPlan((), 0, {}, 0, 0)
        self.scale = 1.0
        self.cell = 0.0  # the side of one seat's square as last painted (tests read it)
        self.key = ("", "")  # the legend's words: taken, not yet
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_plan(self, plan: SeatPlan, scale: float, key: tuple[str, str] = ("", "")) -> None:
        self.plan, self.scale, self.key = plan, scale, key
        self.update()

    def _margins(self) -> tuple[float, float, float, float]:
        """Row labels' width; the stage's, seat numbers' and legend's heights."""
        s = self.scale
        metrics = QFontMetricsF(ui_font(max(9.0, 15 * s), bold=True))
        key_h = QFontMetricsF(ui_font(max(9.0, 16 * s))).height() * 1.5
        return metrics.horizontalAdvance("WW") + 12 * s, metrics.height() * 1.4, \
            metrics.height() + 4 * s, key_h  # fmt: skip

    def natural_height(self, width: int) -> int:
        """The height the map takes when the width sets the seats' size."""
        if not self.plan.rows:
            return 0
        label_w, stage_h, head_h, key_h = self._margins()
        cell = (width - 2 * label_w) / self.plan.columns
        return round(stage_h + head_h + key_h + cell * len(self.plan.rows)) + 2

    def _seat(self, painter: QPainter, rect: QRectF, taken: bool, cell: float) -> None:
        edge = max(1.0, cell * 0.1)
        if taken:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(TAKEN))
        else:
            painter.setPen(QPen(QColor(FREE_EDGE), edge))
            painter.setBrush(QColor(FREE_FILL))
            rect = rect.adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2)
        painter.drawRoundedRect(rect, cell * 0.2, cell * 0.2)

    def _key(self, painter: QPainter, y: float, height: float) -> None:
        """The legend under the map, in the seats' own shapes and colours."""
        font = ui_font(max(9.0, 16 * self.scale))
        painter.setFont(font)
        side = height * 0.8
        x = 0.0
        for taken, text in ((True, self.key[0]), (False, self.key[1])):
            self._seat(painter, QRectF(x, y + (height - side) / 2, side, side), taken, side)
            painter.setPen(QColor(INK))
            width = QFontMetricsF(font).horizontalAdvance(text) + 8
            painter.drawText(QRectF(x + side * 1.3, y, width, height),
                             Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
            x += side * 1.3 + width + side * 1.5

    def paintEvent(self, _event: QPaintEvent) -> None:
        plan, s = self.plan, self.scale
        if not plan.rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = float(self.width()), float(self.height())
        label_font = ui_font(max(9.0, 15 * s), bold=True)
        metrics = QFontMetricsF(label_font)
        label_w, stage_h, head_h, key_h = self._margins()
        room = h - stage_h - head_h - key_h
        cell = min((w - 2 * label_w) / plan.columns, room / len(plan.rows))
        self.cell = cell = max(2.0, cell)
        # A map shorter than the room (a wide hall, a portrait screen) sits in its middle.
        painter.translate(0, max(0.0, (room - cell * len(plan.rows)) / 2))
        grid_w = cell * plan.columns
        left = (w - grid_w) / 2
        top = stage_h + head_h
        stage = QRectF(left + grid_w * 0.2, 0, grid_w * 0.6, stage_h * 0.8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STAGE))
        painter.drawRoundedRect(stage, 6 * s, 6 * s)
        painter.setFont(label_font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(stage, Qt.AlignmentFlag.AlignCenter, _t("Stage"))
        # Seat numbers over the columns: every one where there is room, else every fifth.
        every = 1 if cell >= metrics.horizontalAdvance("000") + 4 else 5 if cell * 5 > 30 else 10
        painter.setPen(QColor(MUTED))
        for n in range(1, plan.columns + 1):
            if n == 1 or n % every == 0:
                rect = QRectF(left + (n - 1) * cell - cell, stage_h, cell * 3, head_h)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(n))
        row_y = {row: top + i * cell for i, row in enumerate(plan.rows)}
        painter.setPen(QColor(INK))
        label_size = min(label_font.pointSizeF(), max(7.0, cell * 0.55))
        painter.setFont(ui_font(label_size, bold=True))
        for row, y in row_y.items():
            for x in (left - label_w, left + grid_w):
                painter.drawText(QRectF(x, y, label_w, cell), Qt.AlignmentFlag.AlignCenter, row)
        gap = max(1.0, cell * 0.14)
        for seat, taken in plan.seats.items():
            rect = QRectF(left + (seat.number - 1) * cell + gap / 2, row_y[seat.row] + gap / 2,
                          cell - gap, cell - gap)  # fmt: skip
            self._seat(painter, rect, taken, cell)
        self._key(painter, top + len(plan.rows) * cell + key_h * 0.2, key_h * 0.8)
        painter.end()

    def seat_at(self, seat: Seat) -> bool | None:
        """Whether `seat` shows as taken (None: not on the map)."""
        return self.plan.seats.get(seat)


class SeatMapPage(QWidget):
    """One session's figures and seat map; ◀ ▶ step through today's sessions with seats."""

    step = Signal(int)  # -1 previous session, +1 next

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = FitLabel(24, bold=True, min_ratio=0.5)
        self.where = FitLabel(14, min_ratio=0.7)
        self.figures = FitLabel(44, bold=True, min_ratio=0.4)
        self.legend = FitLabel(14, min_ratio=0.6, max_lines=2)
        self.grid = SeatGrid()
        self.prev_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        for button, direction in ((self.prev_button, -1), (self.next_button, +1)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=direction: self.step.emit(d))
        self.head = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.where)
        self.head.addLayout(names, 3)
        self.head.addWidget(self.figures, 2)
        self.head.addWidget(self.prev_button)
        self.head.addWidget(self.next_button)
        self.column = QVBoxLayout(self)
        self.column.addLayout(self.head)
        self.column.addWidget(self.grid, 1)
        self.column.addWidget(self.legend)
        self.column.addStretch(0)
        self.portrait = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        if portrait == self.portrait:
            self._fit_grid()
            return
        # Portrait: a row of seats is as wide as the screen, so the map is short; the
        # figures go under it, large, instead of beside the title.
        self.portrait = portrait
        (self.head if portrait else self.column).removeWidget(self.figures)
        if portrait:
            self.column.insertWidget(2, self.figures)
        else:
            self.head.insertWidget(1, self.figures, 2)
        self.figures.setAlignment(
            Qt.AlignmentFlag.AlignCenter if portrait else Qt.AlignmentFlag.AlignLeft
        )

    def show_session(
        self, count: SessionCount | None, plan: SeatPlan, hall: str, scale: float, sessions: int
    ) -> None:
        figures = 64 if self.portrait else 44
        for label, size in ((self.title, 24), (self.where, 14), (self.figures, figures),
                            (self.legend, 14)):  # fmt: skip
            label.set_base_size(size * scale)
        for button in (self.prev_button, self.next_button):
            button.setFont(ui_font(18 * scale, bold=True))
            button.setMinimumSize(round(64 * scale), round(56 * scale))
            button.setVisible(sessions > 1)
        if count is None:
            self.title.setText(_t("No session with seats today"))
            self.where.setText(_t("A seat map shows once attendees have seats."))
            self.figures.setText("")
            self.legend.setText("")
            self.grid.show_plan(SeatPlan((), 0, {}, 0, 0), scale)
            return
        self.title.setText(count.session.title_in(ui_language()))
        self.where.setText(hall)
        if count.expected is not None:
            self.figures.setText(
                _t("{present} / {expected} present").format(
                    present=count.present, expected=count.expected
                )
            )
        else:
            self.figures.setText(
                _t("{inside} / {capacity} inside").format(
                    inside=count.inside, capacity=count.capacity
                )
            )
        taken = sum(plan.seats.values())
        key = (
            _t("in their seat: {n}").format(n=taken),
            _t("not yet: {n}").format(n=len(plan.seats) - taken),
        )
        text = ""
        if plan.unplaced:
            text = _t("Not on the map (label not read as row and seat): {n}, inside: {m}").format(
                n=plan.unplaced, m=plan.unplaced_taken
            )
        self.legend.setText(text)
        self.legend.setVisible(bool(text))
        self.grid.show_plan(plan, scale, key)
        self._fit_grid()

    def _fit_grid(self) -> None:
        # Portrait: the map as tall as its seats need, the figures right under it.
        tall = self.grid.natural_height(self.grid.width()) if self.portrait else 0
        self.grid.setMaximumHeight(tall or 16_777_215)
        self.column.setStretch(self.column.count() - 1, 1 if self.portrait else 0)
