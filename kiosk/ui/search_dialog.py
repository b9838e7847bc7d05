"""SearchDialog: find an attendee whose badge will not scan; admit them by hand with a reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.ui.attendee_search import AttendeeSearch
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
    """The staff search (kiosk.ui.attendee_search) with a reason and an admit button."""

    admit_requested = Signal(str, str)  # attendee id, reason

    def __init__(self, db: Database, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Search attendees"))
        self.search = AttendeeSearch(db, event)
        self.query, self.table = self.search.query, self.search.table
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(reasons())
        self.reason.setFont(ui_font(13))
        self.admit = QPushButton(_t("Admit manually"))
        self.admit.setFont(ui_font(14, bold=True))
        self.admit.setEnabled(False)
        self.admit.clicked.connect(self._admit)
        self.search.selection_changed.connect(lambda person: self.admit.setEnabled(bool(person)))
        close = QPushButton(_t("Close"))
        close.setFont(ui_font(14))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("Reason:")))
        row.addWidget(self.reason, 1)
        row.addWidget(self.admit)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search, 1)
        layout.addLayout(row)
        self.resize(900, 600)

    @property
    def found(self) -> list[Attendee]:
        return self.search.found

    @property
    def last_ms(self) -> float:
        return self.search.last_ms

    def run_search(self) -> None:
        self.search.run_search()

    def selected(self) -> Attendee | None:
        return self.search.selected()

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
