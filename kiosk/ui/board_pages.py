"""BoardPages: the board's pages and the bar that switches them: halls (occupancy and the
entries chart), today's sessions with their counts, the seat map, and the roll call that
only staff open, behind the PIN."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget
from sqlite_utils import Database

from kiosk.domain.event import Event, Session
from kiosk.domain.seats import SeatPlan
from kiosk.service.session_counts import PresentTally, SessionCount, seats_of, session_counts
from kiosk.service.staff_pin import StaffPin
from kiosk.ui.board_rollcall import RollCallSource, RollCallView, rollcall_from_service
from kiosk.ui.board_seats import SeatMapPage
from kiosk.ui.board_sessions import SessionsPage
from kiosk.ui.i18n import ui_language
from kiosk.ui.paths import ui_font
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.widgets import icon_pixmap

HALLS, SESSIONS, SEATS, ROLL_CALL = range(4)


def _t(text: str) -> str:
    return QCoreApplication.translate("BoardPages", text)


def todays_sessions(event: Event, now: dt.datetime) -> list[Session]:
    today = now.astimezone(event.tz).date()
    return sorted(
        (s for s in event.sessions if s.start.astimezone(event.tz).date() == today),
        key=lambda s: (s.start, s.hall),
    )


class BoardPages(QWidget):
    def __init__(
        self,
        halls: QWidget,
        db: Database,
        event: Event,
        clock: Callable[[], dt.datetime],
        pin: StaffPin,
        rollcall: RollCallSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.kiosk_event, self.clock, self.pin = db, event, clock, pin
        self.sessions = SessionsPage(event)
        self.seats = SeatMapPage()
        self.seats.step.connect(self.step_session)
        self.rollcall = RollCallView(event, rollcall or rollcall_from_service(db, event, clock))
        self.rollcall.closed.connect(lambda: self.show_page(HALLS))
        self.stack = QStackedWidget()
        for page in (halls, self.sessions, self.seats, self.rollcall):
            self.stack.addWidget(page)
        self.buttons: list[QPushButton] = []
        bar = QHBoxLayout()
        for index in range(4):
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=index: self.open_page(i))
            bar.addWidget(button)
            self.buttons.append(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.tally = PresentTally()  # who came, kept between refreshes
        self.seat_session: str | None = None  # chosen with ◀ ▶; None: the running one
        self.scale = 1.0
        self.pin_pad: PinDialog | None = None  # tests answer it
        self.show_page(HALLS)

    def open_page(self, index: int) -> None:
        """A click on the bar: the roll call asks for the staff PIN first."""
        if index == ROLL_CALL and self.stack.currentIndex() != ROLL_CALL:
            self.pin_pad = PinDialog(self.pin, self)
            accepted = self.pin_pad.exec() == PinDialog.DialogCode.Accepted
            self.pin_pad = None
            if not accepted:
                self.show_page(self.stack.currentIndex())
                return
            self.rollcall.open_view(self.scale)
        elif self.stack.currentIndex() == ROLL_CALL and index != ROLL_CALL:
            self.rollcall.close_view()
        self.show_page(index)

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        for i, button in enumerate(self.buttons):
            button.setChecked(i == index)
        self.refresh(self.scale)

    def step_session(self, direction: int) -> None:
        with_seats = self._with_seats(self._counts())
        if not with_seats:
            return
        ids = [c.session.id for c in with_seats]
        current = self.seat_session if self.seat_session in ids else self._default(with_seats)
        self.seat_session = ids[(ids.index(current) + direction) % len(ids)]
        self.refresh(self.scale)

    def _counts(self) -> list[SessionCount]:
        now = self.clock()
        today = todays_sessions(self.kiosk_event, now)
        return session_counts(self.db, today, self.tally)

    @staticmethod
    def _with_seats(counts: list[SessionCount]) -> list[SessionCount]:
        return [c for c in counts if c.seats]

    def _default(self, with_seats: list[SessionCount]) -> str:
        """The running session with the most seats, else the next to start, else the last."""
        now = self.clock()
        running = [c for c in with_seats if c.session.opens <= now <= c.session.end]
        if running:
            return max(running, key=lambda c: c.seats).session.id
        upcoming = [c for c in with_seats if c.session.opens > now]
        return (upcoming[0] if upcoming else with_seats[-1]).session.id

    def refresh(self, scale: float) -> None:
        self.scale = scale
        labels = [_t("Halls"), _t("Sessions"), _t("Seat map"), _t("Roll call (staff)")]
        for button, text in zip(self.buttons, labels, strict=True):
            button.setText(text)
            if button is self.buttons[ROLL_CALL]:  # the lock: it asks for the staff PIN
                color = "#ffffff" if button.isChecked() else "#1a1a1a"
                button.setIcon(QIcon(icon_pixmap("lock", round(20 * scale), color)))
                button.setIconSize(QSize(round(20 * scale), round(20 * scale)))
            button.setFont(ui_font(13 * scale, bold=button.isChecked()))
            button.setMinimumHeight(round(44 * scale))
            button.setStyleSheet(
                "QPushButton { background:#ffffff; border:1px solid #d0d5dd; border-radius:8px;"
                " padding:4px 14px; color:#1a1a1a; }"
                "QPushButton:checked { background:#14213d; color:#ffffff; }"
            )
        page = self.stack.currentIndex()
        if page == SESSIONS:
            self.sessions.show_counts(self._counts(), self.clock(), scale)
        elif page == SEATS:
            self._show_seats(scale)
        elif page == ROLL_CALL:
            self.rollcall.refresh(scale)

    def _show_seats(self, scale: float) -> None:
        with_seats = self._with_seats(self._counts())
        if not with_seats:
            self.seats.show_session(None, SeatPlan((), 0, {}, 0, 0), "", scale, 0)
            return
        ids = [c.session.id for c in with_seats]
        chosen = self.seat_session if self.seat_session in ids else self._default(with_seats)
        count = with_seats[ids.index(chosen)]
        hall = self.kiosk_event.hall(count.session.hall)
        where = hall.name_in(ui_language()) if hall else count.session.hall
        start = count.session.start.astimezone(self.kiosk_event.tz).strftime("%H:%M")
        end = count.session.end.astimezone(self.kiosk_event.tz).strftime("%H:%M")
        plan = seats_of(self.db, count.session)
        self.seats.show_session(count, plan, f"{where} · {start}–{end}", scale, len(ids))
