"""SearchDialog: find an attendee whose badge will not scan; admit them by hand with a reason."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.store.search import search
from kiosk.ui.paths import ui_font


def _t(text: str) -> str:
    return QCoreApplication.translate("SearchDialog", text)


def reasons() -> list[str]:
    return [
        _t("Badge will not scan"),
        _t("Badge forgotten, identity checked"),
        _t("Speaker or organiser request"),
    ]


class SearchDialog(QDialog):
    """Search runs on the GUI thread: it answers in milliseconds even at 1M attendees
    (kiosk/store/search.py), and a 150 ms debounce keeps typing smooth."""

    admit_requested = Signal(str, str)  # attendee id, reason

    def __init__(self, db: Database, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.kiosk_event = event
        self.found: list[Attendee] = []
        self.last_ms = 0.0
        self.setWindowTitle(_t("Search attendees"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.run_search)
        self.query = QLineEdit()
        self.query.setPlaceholderText(_t("Name, company, e-mail or code"))
        self.query.setFont(ui_font(16))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(lambda _: self._debounce.start())
        self.status = QLabel("")
        self.status.setFont(ui_font(11))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_t("Name"), _t("Company"), _t("Type")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFont(ui_font(13))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(reasons())
        self.reason.setFont(ui_font(13))
        self.admit = QPushButton(_t("Admit manually"))
        self.admit.setFont(ui_font(14, bold=True))
        self.admit.setEnabled(False)
        self.admit.clicked.connect(self._admit)
        close = QPushButton(_t("Close"))
        close.setFont(ui_font(14))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("Reason:")))
        row.addWidget(self.reason, 1)
        row.addWidget(self.admit)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(900, 600)

    def run_search(self) -> None:
        started = time.perf_counter()
        result = search(self.db, self.query.text(), limit=50)
        self.last_ms = (time.perf_counter() - started) * 1000
        self.found = result.attendees
        self.table.setRowCount(len(self.found))
        for row, person in enumerate(self.found):
            kind = self.kiosk_event.type(person.type)
            for col, text in enumerate((person.name, person.company, kind.name if kind else "")):
                item = QTableWidgetItem(text)
                self.table.setItem(row, col, item)
        if not self.query.text().strip():
            self.status.setText("")
        elif not self.found:
            self.status.setText(_t("Nobody found."))
        elif result.more:
            self.status.setText(_t("Many found: type more to narrow the list."))
        else:
            self.status.setText(_t("{n} found.").format(n=len(self.found)))
        self._selection_changed()

    def selected(self) -> Attendee | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.admit.setEnabled(self.selected() is not None)

    def _admit(self) -> None:
        person = self.selected()
        reason = self.reason.currentText().strip()
        if person is None or not reason:
            return
        self.admit_requested.emit(person.id, reason)
        self.accept()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Enter in the search box must not close the dialog (QDialog's default button).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.query.hasFocus():
            self.run_search()
            return
        super().keyPressEvent(event)
