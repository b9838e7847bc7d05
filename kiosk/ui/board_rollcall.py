"""RollCallView: the board's roll call for staff (behind the PIN): who is in each hall now,
with type, seat and entry time, how fresh the merged log is per kiosk and what it may be
missing (kiosk.service.rollcall). It closes itself after a minute without a touch, and
shows no e-mail: a board stands where the public walks past.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.service.freshness import Freshness
from kiosk.service.rollcall import RollCall, inside
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


class PeopleModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return [_t("Hall"), _t("Name"), _t("Type"), _t("Seat"), _t("Entered"),
                    _t("Door")][section]  # fmt: skip
        return None


def _age(now: dt.datetime, then: dt.datetime) -> str:
    minutes = max(0, int((now - then).total_seconds() // 60))
    if minutes < 1:
        return _t("just now")
    if minutes < 120:
        return _t("{n} min ago").format(n=minutes)
    return _t("{n} h ago").format(n=minutes // 60)


def freshness_lines(fresh: Freshness, tz: Any) -> list[str]:
    """How far the roll call reaches, per kiosk, and what it may lack."""
    now = fresh.now

    def at(when: dt.datetime) -> str:
        return f"{when.astimezone(tz).strftime('%H:%M')} ({_age(now, when)})"

    lines = [
        _t("Last sync: {time}").format(time=at(fresh.last_sync))
        if fresh.last_sync
        else _t("Never synced: this kiosk's own records only")
    ]
    for kiosk in fresh.kiosks:
        if kiosk.records == 0:
            lines.append(
                _t("{kiosk}: nothing received yet: its entries may be missing").format(
                    kiosk=kiosk.kiosk_id
                )
            )
        elif kiosk.newest is not None:
            text = _t("{kiosk}: newest record {time}").format(
                kiosk=kiosk.kiosk_id, time=at(kiosk.newest)
            )
            if kiosk.quiet(now):
                text += " · " + _t("quiet: may not have synced")
            lines.append(text)
    return lines


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
        self.counts = FitLabel(15, min_ratio=0.6, max_lines=3)
        self.fresh = FitLabel(12, min_ratio=0.7, max_lines=8)
        self.model = PeopleModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.close_button = QPushButton()
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close_view)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.counts)
        layout.addWidget(self.fresh)
        layout.addWidget(self.table, 1)
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
        self.counts.setText("")
        self.fresh.setText("")
        if was_open:
            self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.is_open and event.type() in _INPUT:
            self.idle.start()  # any touch, click or key keeps it open a minute more
        return False

    def refresh(self, scale: float) -> None:
        self.scale = scale
        self.title.set_base_size(22 * scale)
        self.counts.set_base_size(15 * scale)
        self.fresh.set_base_size(12 * scale)
        self.table.setFont(ui_font(12 * scale))
        self.table.horizontalHeader().setFont(ui_font(12 * scale, bold=True))
        self.table.verticalHeader().setDefaultSectionSize(round(30 * scale))
        self.close_button.setText(_t("Close"))
        self.close_button.setFont(ui_font(14 * scale, bold=True))
        self.close_button.setMinimumSize(round(120 * scale), round(48 * scale))
        self.title.setText(_t("Roll call: who is inside now"))
        if not self.is_open:
            return
        self.show_roll(self.source())

    def show_roll(self, roll: RollCall) -> None:
        lang, tz = ui_language(), self.kiosk_event.tz
        parts, rows = [], []
        for hall_roll in roll.halls:
            name = hall_roll.hall.name_in(lang)
            session = hall_roll.session.title_in(lang) if hall_roll.session else _t("no session")
            parts.append(f"{name} ({session}): {hall_roll.count}")
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
        self.counts.setText(_t("{n} inside").format(n=roll.count) + " · " + " · ".join(parts))
        self.fresh.setText("\n".join(freshness_lines(roll.freshness, tz)))
        self.model.set_rows(rows)
