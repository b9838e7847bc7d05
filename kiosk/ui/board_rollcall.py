"""RollCallView: the board's roll call for staff (behind the PIN): who is in each hall now,
with type, seat and entry time, how fresh the merged log is per kiosk and what it may be
missing (kiosk.service.rollcall). It closes itself after a minute without a touch, and
shows no e-mail: a board stands where the public walks past.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.service.rollcall import RollCall, inside
from kiosk.ui.board_rollcall_model import PeopleModel, freshness_lines
from kiosk.ui.i18n import ui_language
from kiosk.ui.paths import ui_font
from kiosk.ui.widgets import FitLabel

IDLE_MS = 60_000
RollCallSource = Callable[[], RollCall]
_INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
          QEvent.Type.Wheel}  # fmt: skip


def _t(text: str) -> str:
    return QCoreApplication.translate("RollCallView", text)


def rollcall_from_service(
    db: Database, event: Event, clock: Callable[[], dt.datetime]
) -> RollCallSource:
    """Every record merged so far, freshness told against the board's clock."""
    return lambda: inside(db, event, now=clock())


class RollCallView(QWidget):
    closed = Signal()

    def __init__(
        self,
        event: Event,
        source: RollCallSource,
        idle_ms: int = IDLE_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kiosk_event, self.source = event, source
        self.title = FitLabel(22, bold=True, min_ratio=0.5)
        self.fresh = FitLabel(12, min_ratio=0.7, max_lines=12)
        self.fresh.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.fresh.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        # One button a hall (and one for all), each with its count: the table shows its people.
        self.hall_filter: str | None = None
        self.hall_buttons: dict[str | None, QPushButton] = {}
        for hall_id in (None, *(h.id for h in event.halls)):
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, h=hall_id: self.choose_hall(h))
            self.hall_buttons[hall_id] = button
        self.hall_grid = QGridLayout()
        self._columns = 0
        self.model = PeopleModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name: the rest
        self.close_button = QPushButton()
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close_view)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.table, 3)
        self.body.addWidget(self.fresh, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self.hall_grid)
        layout.addLayout(self.body, 1)
        self._place_halls(4)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self.close_view)
        self.is_open = False
        self.scale = 1.0

    def open_view(self, scale: float) -> None:
        self.is_open = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.idle.start()
        self.refresh(scale)

    def close_view(self) -> None:
        """Forget what was shown (names stay on no screen) and hand back to the board."""
        was_open = self.is_open
        self.is_open = False
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.model.set_rows([])
        self.fresh.setText("")
        self.hall_filter = None
        for button in self.hall_buttons.values():
            button.setText("")
        if was_open:
            self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.is_open and event.type() in _INPUT:
            self.idle.start()  # any touch, click or key keeps it open a minute more
        return False

    def refresh(self, scale: float) -> None:
        self.scale = scale
        self.title.set_base_size(22 * scale)
        self.fresh.set_base_size(12 * scale)
        self.table.setFont(ui_font(12 * scale))
        self.table.horizontalHeader().setFont(ui_font(12 * scale, bold=True))
        self.table.verticalHeader().setDefaultSectionSize(round(30 * scale))
        self.close_button.setText(_t("Close"))
        self.close_button.setFont(ui_font(14 * scale, bold=True))
        self.close_button.setMinimumSize(round(120 * scale), round(48 * scale))
        self.title.setText(_t("Roll call: who is inside now"))
        for hall_id, button in self.hall_buttons.items():
            button.setFont(ui_font(13 * scale, bold=hall_id == self.hall_filter))
            button.setMinimumHeight(round(44 * scale))
            button.setChecked(hall_id == self.hall_filter)
        if not self.is_open:
            return
        self.show_roll(self.source())

    def choose_hall(self, hall_id: str | None) -> None:
        self.hall_filter = hall_id
        self.refresh(self.scale)

    def _place_halls(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for i, button in enumerate(self.hall_buttons.values()):
            self.hall_grid.addWidget(button, i // columns, i % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        self._place_halls(2 if portrait or self.width() < 1000 else 4)
        # Portrait: the freshness lines above the table, the table the whole width.
        self.body.removeWidget(self.fresh)
        self.body.insertWidget(0 if portrait else 1, self.fresh, 0 if portrait else 1)
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.body.setStretchFactor(self.table, 3)

    def show_roll(self, roll: RollCall) -> None:
        lang, tz = ui_language(), self.kiosk_event.tz
        rows = []
        self.hall_buttons[None].setText(_t("All halls: {n}").format(n=roll.count))
        for hall_roll in roll.halls:
            name = hall_roll.hall.name_in(lang)
            button = self.hall_buttons.get(hall_roll.hall.id)
            if button is not None:
                button.setText(f"{name}: {hall_roll.count}")
            if self.hall_filter not in (None, hall_roll.hall.id):
                continue
            for person in hall_roll.people:
                kind = self.kiosk_event.type(person.type)
                rows.append((
                    name,
                    person.name,
                    kind.name_in(lang) if kind else person.type,
                    person.seat or "—",
                    person.entered.astimezone(tz).strftime("%H:%M"),
                    person.kiosk_id,
                ))  # fmt: skip
        lines = freshness_lines(roll.freshness, tz)
        self.fresh.setText("\n".join(lines))
        # Portrait: no taller than its lines (plus one for a wrap), the table takes the rest;
        # landscape: a column beside the table, top-aligned.
        spacing = QFontMetrics(self.fresh.font()).lineSpacing()
        portrait = self.height() > self.width()
        self.fresh.setMaximumHeight(spacing * (len(lines) + 1) + 8 if portrait else 16_777_215)
        self.model.set_rows(rows)
