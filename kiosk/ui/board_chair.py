"""ChairWindow: one session for the chair at the podium (GB 50799 12.2.8), `kiosk board
--session ID`: present, expected, late arrivals and leavers in figures readable from the
stage, one word under each, in the UI language, refreshed from the local log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QMainWindow, QVBoxLayout, QWidget
from sqlite_utils import Database

from kiosk.domain.event import Event, Session
from kiosk.service.leavers import leavers
from kiosk.service.session_counts import PresentTally, late_arrivals, session_counts
from kiosk.sync.runner import SyncStatus
from kiosk.ui.i18n import Languages, ui_language
from kiosk.ui.sync_text import sync_look
from kiosk.ui.widgets import FitLabel

# How many left a session before its end and are not back (at a moment).
LeaversSource = Callable[[Database, Event, Session, dt.datetime], int]


def gone_from_service(db: Database, event: Event, session: Session, now: dt.datetime) -> int:
    """kiosk.service.leavers' count of those who left mid-session and did not return."""
    found = leavers(db, event, at=now, sessions=[session.id])
    return len(found[0].gone) if found else 0


def _t(text: str) -> str:
    return QCoreApplication.translate("ChairWindow", text)


class Figure(QFrame):
    """A huge number and the word for it."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setStyleSheet(
            f"#figure {{ background:#ffffff; border-radius:18px; border-top-left-radius:0;"
            f" border-top-right-radius:0; border-top:14px solid {color}; }}"
        )
        self.number = FitLabel(120, bold=True, min_ratio=0.3)
        self.word = FitLabel(34, min_ratio=0.5)
        for label in (self.number, self.word):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("color:#1a1a1a;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.number)
        layout.addWidget(self.word)
        layout.addStretch(1)

    def show_figure(self, number: str, word: str, scale: float) -> None:
        self.number.set_base_size(120 * scale)
        self.word.set_base_size(34 * scale)
        self.number.setText(number)
        self.word.setText(word)


class ChairWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        event: Event,
        session: Session,
        clock: Callable[[], dt.datetime],
        languages: Languages,
        leavers: LeaversSource = gone_from_service,
        refresh_ms: int = 5000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.kiosk_event, self.session, self.clock = db, event, session, clock
        self.leavers_of = leavers
        self.sync_status: SyncStatus | None = None  # None: no hub, this database only
        self.tally = PresentTally()
        self.scale = 1.0
        self.title = FitLabel(30, bold=True, min_ratio=0.5, max_lines=2)
        self.status = FitLabel(18, min_ratio=0.6)
        self.present, self.expected = Figure("#1b7a36"), Figure("#1565c0")
        self.late, self.left = Figure("#b45309"), Figure("#6a1b9a")
        self.figures = QGridLayout()
        central = QWidget()
        central.setObjectName("chair")
        central.setStyleSheet("#chair { background:#f2f4f7; } QLabel { color:#1a1a1a; }")
        layout = QVBoxLayout(central)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(self.figures, 1)
        self.setCentralWidget(central)
        self._columns = 0
        self._place(2)
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        languages.changed.connect(lambda _code: self.refresh())
        self.refresh()

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for i, figure in enumerate((self.present, self.expected, self.late, self.left)):
            self.figures.addWidget(figure, i // columns, i % columns)

    def refresh(self) -> None:
        now, s, session = self.clock(), self.scale, self.session
        lang, tz = ui_language(), self.kiosk_event.tz
        self.setWindowTitle(_t("Chair's view"))
        hall = self.kiosk_event.hall(session.hall)
        start = session.start.astimezone(tz).strftime("%H:%M")
        end = session.end.astimezone(tz).strftime("%H:%M")
        self.title.set_base_size(30 * s)
        self.title.setText(session.title_in(lang))
        self.status.set_base_size(18 * s)
        where = hall.name_in(lang) if hall else session.hall
        status = _t("{hall} · {start}–{end} · updated {time}").format(
            hall=where, start=start, end=end, time=now.astimezone(tz).strftime("%H:%M")
        )
        if self.sync_status is not None:
            status += " · " + sync_look(self.sync_status, tz).text
        self.status.setText(status)
        count = session_counts(self.db, [session], self.tally)[0]
        self.present.show_figure(str(count.present), _t("Present"), s)
        if count.expected is not None:
            self.expected.show_figure(str(count.expected), _t("Expected"), s)
        else:
            self.expected.show_figure(str(count.capacity), _t("Capacity"), s)
        late = late_arrivals(self.db, session) if now >= session.start else 0
        self.late.show_figure(str(late), _t("Late"), s)
        self.left.show_figure(str(self.leavers_of(self.db, self.kiosk_event, session, now)),
                              _t("Left"), s)  # fmt: skip

    def show_sync(self, status: SyncStatus) -> None:
        self.sync_status = status
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        w, h = max(1, self.width()), max(1, self.height())
        portrait = h > w
        # Portrait: four figures stacked must fit the height too.
        fit = min(w / 1280, h / 800) if not portrait else min(w / 800, h / 1280) * 0.8
        self.scale = max(0.5, min(fit, 2.0))
        # Portrait: one figure a row, each as wide as the screen.
        self._place(1 if portrait else 2)
        self.refresh()
