"""HeaderBar: hall, current and next session with admission window, occupancy, mode, sync state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.domain.decision import Direction
from kiosk.domain.event import Event, Session
from kiosk.sync.runner import SyncStatus
from kiosk.ui import palette
from kiosk.ui.i18n import ui_language
from kiosk.ui.paths import ui_font
from kiosk.ui.sync_text import SyncLook, show_look, sync_look
from kiosk.ui.widgets import FitLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("HeaderBar", text)


class HeaderBar(QFrame):
    mode_clicked = Signal()
    staff_clicked = Signal()

    def __init__(self, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk_event = event
        self.setObjectName("header")
        self.setStyleSheet(
            f"#header {{ background:{palette.HEADER}; border-radius:12px; }}"
            f"#header QLabel {{ color:{palette.WHITE}; }}"
        )
        self.occupancy_state = ""  # normal, near_full, full: the bar's colour and words
        self.hall = FitLabel(24, bold=True, min_ratio=0.6)
        self.now = FitLabel(15, min_ratio=0.85)
        self.next = FitLabel(13, min_ratio=0.85)
        self.clock = QLabel()
        self.sync = QLabel()
        self._sync_look: SyncLook | None = None
        self.occupancy = QProgressBar()
        self.occupancy.setTextVisible(True)
        self.occupancy.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.mode = QPushButton()
        self.mode.setObjectName("modeButton")
        self.mode.clicked.connect(self.mode_clicked)
        self.staff = QPushButton()
        self.staff.clicked.connect(self.staff_clicked)
        for button in (self.mode, self.staff):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        grid = QGridLayout(self)
        # The top row spans both columns: a long sync state takes room from the hall name
        # (which shrinks to fit), never from the session lines below.
        top = QHBoxLayout()
        top.addWidget(self.hall, 1)
        top.addSpacing(12)
        top.addWidget(self.sync)
        top.addSpacing(12)
        top.addWidget(self.clock)
        top.addSpacing(12)
        top.addWidget(self.staff)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addWidget(self.now, 1, 0)
        grid.addWidget(self.occupancy, 1, 1)
        grid.addWidget(self.next, 2, 0)
        grid.addWidget(self.mode, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.grid = grid
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        self.hall.set_base_size(24 * scale)
        self.now.set_base_size(15 * scale)
        self.next.set_base_size(13 * scale)
        for label in (self.clock, self.sync):
            label.setFont(ui_font(14 * scale, bold=True))
        self.occupancy.setFont(ui_font(13 * scale, bold=True))
        self.occupancy.setFixedHeight(round(34 * scale))
        for button in (self.mode, self.staff):
            button.setFont(ui_font(14 * scale, bold=True))
            button.setMinimumHeight(round(42 * scale))
        m = round(12 * scale)
        self.grid.setContentsMargins(m, m // 2, m, m // 2)

    def show_occupancy(self, count: int, capacity: int) -> None:
        """The count against capacity; from 90 % amber and NEARLY FULL, at capacity red and
        FULL, so that staff see it from across the door (white text on each: 5:1 or more)."""
        state = palette.occupancy_state(count, capacity)
        numbers = _t("{inside} / {capacity} inside").format(inside=count, capacity=capacity)
        words = {"near_full": _t("NEARLY FULL"), "full": _t("FULL")}.get(state)
        self.occupancy.setRange(0, max(1, capacity))
        self.occupancy.setValue(min(count, capacity))
        # QProgressBar's format treats % specially: a translation must not be read as one.
        self.occupancy.setFormat((f"{words} · {numbers}" if words else numbers).replace("%", "%%"))
        if state != self.occupancy_state:
            self.occupancy_state = state
            self.occupancy.setStyleSheet(
                f"QProgressBar {{ border:2px solid {palette.WHITE}; border-radius:8px;"
                f" background:{palette.GROOVE}; color:{palette.WHITE}; text-align:center; }}"
                f"QProgressBar::chunk {{ background:{palette.OCCUPANCY[state]};"
                " border-radius:6px; }"
            )
        self.occupancy.setVisible(True)

    def show_sync(self, status: SyncStatus | None) -> SyncLook:
        """Local only, connecting, online with the last sync, or offline since with the
        check-ins waiting; the hub and the last error in the tooltip."""
        look = sync_look(status, self.kiosk_event.tz)
        if look == self._sync_look:
            return look  # refreshed every second: restyle only on a change
        self._sync_look = look
        show_look(self.sync, look)
        return look

    def show_state(
        self,
        hall_name: str,
        now: dt.datetime,
        current: Session | None,
        upcoming: Session | None,
        inside: int | None,
        direction: Direction,
    ) -> None:
        tz = self.kiosk_event.tz
        lang = ui_language()

        def hm(when: dt.datetime) -> str:
            return when.astimezone(tz).strftime("%H:%M")

        self.hall.setText(hall_name)
        self.clock.setText(hm(now))
        if current is not None:
            window = _t("admission {opens}–{closes}").format(
                opens=hm(current.opens), closes=hm(current.closes)
            )
            self.now.setText(
                _t("Now: {title} ({start}–{end}), {window}").format(
                    title=current.title_in(lang),
                    start=hm(current.start),
                    end=hm(current.end),
                    window=window,
                )
            )
            self.show_occupancy(inside or 0, current.capacity)
        else:
            self.now.setText(_t("No session admitting now"))
            self.occupancy.setVisible(False)
        if upcoming is not None:
            start = hm(upcoming.start)
            day = upcoming.start.astimezone(tz).date()
            if day != now.astimezone(tz).date():
                # The evening before day 2, "Next: 09:00" alone reads as tonight.
                date = QLocale().toString(QDate(day.year, day.month, day.day), _t("ddd d MMM"))
                start = _t("{date}, {time}").format(date=date, time=start)
            self.next.setText(
                _t("Next: {start} {title} (admission from {opens})").format(
                    start=start, title=upcoming.title_in(lang), opens=hm(upcoming.opens)
                )
            )
        else:
            self.next.setText(_t("No more sessions today"))
        entry = direction is Direction.ENTRY
        self.mode.setText(_t("⇥ ENTRY mode") if entry else _t("⇤ EXIT mode"))
        color = palette.MODE["entry" if entry else "exit"]
        self.mode.setStyleSheet(
            f"QPushButton {{ background:{color}; color:{palette.WHITE};"
            f" border:2px solid {palette.WHITE};"
            " border-radius:10px; padding:4px 16px; }"
        )
        self.staff.setText(_t("Staff"))
        self.staff.setStyleSheet(
            f"QPushButton {{ background:{palette.WHITE}; color:{palette.HEADER};"
            " border-radius:10px; padding:4px 16px; }"
        )
