"""BoardWindow: the venue status board for a big screen, refreshed live from the local log
(every door's, merged, when a sync thread runs beside it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSize, Qt, QTime, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.service.staff_pin import StaffPin
from kiosk.sync.runner import SyncStatus
from kiosk.ui.board_data import (
    ConflictRow,
    HallState,
    conflict_rows,
    day_bounds,
    hall_states,
    log_version,
)
from kiosk.ui.board_pages import BoardPages
from kiosk.ui.board_quarters import QuarterTally
from kiosk.ui.board_rollcall import RollCallSource
from kiosk.ui.conflicts_panel import ConflictsPanel
from kiosk.ui.i18n import Languages, ui_language
from kiosk.ui.paths import ui_font
from kiosk.ui.sync_text import sync_look
from kiosk.ui.widgets import FitLabel

# Hall accents (card edge, chart line): none of them red, amber or green, which the
# occupancy bars use for "nearly full" and "full"; line styles tell them apart as well as
# colour does (colour-blind staff, a projector washing colours out).
PALETTE = ["#1565c0", "#6a1b9a", "#00838f", "#5d4037", "#455a64", "#3949ab", "#8e24aa", "#0277bd"]
LINE_STYLES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
               Qt.PenStyle.DashDotLine]  # fmt: skip


def _t(text: str) -> str:
    return QCoreApplication.translate("BoardWindow", text)


def level_color(share: float) -> str:
    return "#2e7d32" if share < 0.8 else "#f4b400" if share < 0.95 else "#c62828"


class HallCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hallCard")
        self.set_color("#d0d5dd")
        self.name = FitLabel(20, bold=True, min_ratio=0.6)
        self.session = FitLabel(13, min_ratio=0.85)
        self.count = FitLabel(30, bold=True, min_ratio=0.6)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        for widget in (self.name, self.session, self.count, self.bar):
            layout.addWidget(widget)

    def set_color(self, color: str) -> None:
        """The hall's line colour in the chart, as a thick left edge: the chart's legend."""
        self.setStyleSheet(
            "#hallCard { background:#ffffff; border-radius:14px; border:1px solid #d0d5dd;"
            f" border-left:12px solid {color}; }}"
        )

    def show_state(self, state: HallState, scale: float) -> None:
        self.name.set_base_size(20 * scale)
        self.session.set_base_size(13 * scale)
        self.count.set_base_size(30 * scale)
        self.bar.setFixedHeight(round(18 * scale))
        lang = ui_language()
        self.name.setText(state.hall.name_in(lang))
        self.session.setText(
            state.session.title_in(lang) if state.session else _t("No session now")
        )
        self.count.setText(
            _t("{inside} / {capacity}").format(inside=state.inside, capacity=state.capacity)
        )
        self.bar.setRange(0, max(1, state.capacity))
        self.bar.setValue(min(state.inside, state.capacity))
        self.bar.setStyleSheet(
            "QProgressBar { background:#e4e7ec; border-radius:6px; }"
            f"QProgressBar::chunk {{ background:{level_color(state.share)}; border-radius:6px; }}"
        )


class ChartView(QChartView):
    """The chart takes the height the hall cards leave. (QGraphicsView's size hint is its
    scene's current size, so a chart that was once tall would keep asking for it.)"""

    def sizeHint(self) -> QSize:
        return QSize(400, 200)


class BoardWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        event: Event,
        clock: Callable[[], dt.datetime],
        languages: Languages,
        refresh_ms: int = 5000,
        parent: QWidget | None = None,
        pin: StaffPin | None = None,
        rollcall: RollCallSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.kiosk_event, self.clock, self.languages = db, event, clock, languages
        self.scale = 1.0
        self.title = FitLabel(26, bold=True, min_ratio=0.5)
        self.subtitle = QLabel()
        self.cards = [HallCard() for _ in event.halls]
        self.grid = QGridLayout()
        self.chart = QChart()
        # A legend under the chart names each line (and its style) in full; the cards'
        # coloured edges repeat the colours.
        legend = self.chart.legend()
        legend.setVisible(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._colors: list[QColor] = []
        self.quarters = QuarterTally()  # the chart's counts, kept between refreshes
        self._make_chart()
        self.chart_view = ChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.conflicts = ConflictsPanel()
        self._conflicts_version = -1
        self._conflict_rows: list[ConflictRow] = []
        self.sync_status: SyncStatus | None = None  # None: no hub, this database's doors only
        self.bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bottom.addWidget(self.chart_view, 3)
        self.bottom.addWidget(self.conflicts, 1)
        central = QWidget()
        central.setObjectName("board")
        central.setStyleSheet("#board { background:#f2f4f7; }")
        layout = QVBoxLayout(central)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        # The halls are the first page; the bar above the pages opens sessions, seats and
        # (behind the PIN) the roll call.
        halls = QWidget()
        halls_layout = QVBoxLayout(halls)
        halls_layout.setContentsMargins(0, 0, 0, 0)
        halls_layout.addLayout(self.grid)
        halls_layout.addLayout(self.bottom, 1)
        self.pages = BoardPages(halls, db, event, clock, pin or StaffPin(db), rollcall)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._columns = 0
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        languages.changed.connect(lambda _code: self.refresh())
        self.refresh()

    def _place_cards(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns)

    def refresh(self) -> None:
        now = self.clock()
        self.setWindowTitle(_t("Venue status"))
        for hall in self.kiosk_event.halls:  # the legend, in the UI language
            self.series[hall.id].setName(hall.name_in(ui_language()))
        self.title.set_base_size(26 * self.scale)
        self.title.setText(f"{self.kiosk_event.name} — {_t('Venue status')}")
        self.subtitle.setFont(ui_font(13 * self.scale))
        time = now.astimezone(self.kiosk_event.tz).strftime("%H:%M:%S")
        if self.sync_status is None:
            self.subtitle.setText(_t("Updated {time} · local data only").format(time=time))
        else:
            look = sync_look(self.sync_status, self.kiosk_event.tz)
            self.subtitle.setText(
                _t("Updated {time} · all doors through the hub: {sync}").format(
                    time=time, sync=look.text
                )
            )
            self.subtitle.setToolTip(look.detail)
        states = hall_states(self.db, self.kiosk_event, now)
        for card, state in zip(self.cards, states, strict=True):
            card.show_state(state, self.scale)
        self._draw_chart(now)
        self._show_conflicts()
        self.pages.refresh(self.scale)

    def show_sync(self, status: SyncStatus) -> None:
        self.sync_status = status
        self.refresh()

    def _show_conflicts(self) -> None:
        version = log_version(self.db)
        if version != self._conflicts_version:
            self._conflicts_version = version
            self._conflict_rows = conflict_rows(self.db, self.kiosk_event)
        self.conflicts.show_conflicts(self._conflict_rows, self.kiosk_event.tz, self.scale)

    def _make_chart(self) -> None:
        """Axes and one line per hall, made once; refresh() only replaces their points."""
        chart = self.chart
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("HH:mm")
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series: dict[str, QLineSeries] = {}
        for i, hall in enumerate(self.kiosk_event.halls):
            series = QLineSeries()
            series.setName(hall.name)
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
            self.series[hall.id] = series
            self._colors.append(QColor(PALETTE[i % len(PALETTE)]))
            self.cards[i].set_color(PALETTE[i % len(PALETTE)])

    def _draw_chart(self, now: dt.datetime) -> None:
        chart, tz = self.chart, self.kiosk_event.tz
        chart.setTitle(_t("Entries per 15 minutes"))
        chart.setTitleFont(ui_font(14 * self.scale, bold=True))
        self.x_axis.setLabelsFont(ui_font(10 * self.scale))
        self.y_axis.setLabelsFont(ui_font(10 * self.scale))
        chart.legend().setFont(ui_font(11 * self.scale))
        start, end = day_bounds(self.kiosk_event, now)
        data = self.quarters.per_quarter(self.db, self.kiosk_event, now)
        first = min((p[0][0] for p in data.values() if p), default=now)
        lo = _quarter(max(start, min(first, now) - dt.timedelta(minutes=30)))
        hi = _quarter(min(end, now + dt.timedelta(minutes=15)))
        quarters = []
        at = lo
        while at <= hi:
            quarters.append(at)
            at += dt.timedelta(minutes=15)
        peak = 0
        styles = (LINE_STYLES[i % len(LINE_STYLES)] for i in range(len(self.series)))
        lines = zip(self.series.items(), self._colors, styles, strict=True)
        for (hall_id, series), color, style in lines:
            counts = dict(data.get(hall_id, []))
            values = [counts.get(q, 0) for q in quarters]
            peak = max([peak, *values])
            series.clear()
            for q, value in zip(quarters, values, strict=True):
                series.append(_qdt(q, tz).toMSecsSinceEpoch(), value)
            pen = QPen(color)
            pen.setWidthF(3.0 * self.scale)
            pen.setStyle(style)
            series.setPen(pen)
        self.x_axis.setRange(_qdt(lo, tz), _qdt(hi, tz))
        self.x_axis.setTickCount(min(9, max(2, len(quarters) // 2 + 1)))
        self.y_axis.setRange(0, max(10, peak * 1.1))
        self.y_axis.applyNiceNumbers()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        w, h = max(1, self.width()), max(1, self.height())
        self.scale = max(0.55, min(min(w / 1280, h / 800) if w >= h else w / 800, 1.8))
        portrait = h > w
        # Portrait: three narrower cards a row, so the chart keeps a third of the height.
        self._place_cards(4 if w >= 1200 else 3 if w >= 900 or (portrait and w >= 720) else 2)
        self.chart_view.setMinimumHeight(round(h * 0.3) if portrait else 0)
        # Portrait: the legend lists the halls beside the chart, each name whole (a row
        # under a narrow chart elides them: "Grand Audi…").
        legend_side = Qt.AlignmentFlag.AlignRight if portrait else Qt.AlignmentFlag.AlignBottom
        self.chart.legend().setAlignment(legend_side)
        self.bottom.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.bottom.setStretch(0, 3)
        # Portrait: the conflicts take the height they ask for (the latest one and a count).
        self.bottom.setStretch(1, 0 if portrait else 1)
        self.refresh()


def _quarter(when: dt.datetime) -> dt.datetime:
    return when.replace(minute=when.minute - when.minute % 15, second=0, microsecond=0)


def _qdt(when: dt.datetime, tz: object) -> QDateTime:
    # QDateTimeAxis shows local wall time of the machine; shift so it shows the event's.
    local = when.astimezone(tz)  # type: ignore[arg-type]
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
