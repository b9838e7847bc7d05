"""AttendeeSearch: a search box and the attendees it finds (door staff search, staff desk)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee, masked_email
from kiosk.domain.event import Event
from kiosk.store.search import search
from kiosk.ui.i18n import ui_language
from kiosk.ui.paths import ui_font


def _t(text: str) -> str:
    # The door's search dialog's context: its texts moved here with their translations.
    return QCoreApplication.translate("SearchDialog", text)


class AttendeeSearch(QWidget):
    """Search runs on the GUI thread: it answers in milliseconds even at 1M attendees
    (kiosk/store/search.py), and a 150 ms debounce keeps typing smooth."""

    selection_changed = Signal(object)  # the selected Attendee, or None

    def __init__(
        self,
        db: Database,
        event: Event,
        limit: int = 50,
        parent: QWidget | None = None,
        presence: Callable[[Attendee], str] | None = None,
    ) -> None:
        super().__init__(parent)
        # The door passes `presence` ("Inside", "Left"...): two more columns, a masked
        # e-mail and where they are, so that three Hans-Jürgen Müller can be told apart.
        self.presence = presence
        self.db = db
        self.kiosk_event = event
        self.limit = limit
        self.found: list[Attendee] = []
        self.more = False  # the search stopped at `limit`
        self.last_ms = 0.0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.run_search)
        self.query = QLineEdit()
        self.query.setFont(ui_font(16))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(lambda _: self._debounce.start())
        self.status = QLabel("")
        self.status.setFont(ui_font(11))
        self.table = QTableWidget(0, 5 if presence else 3)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if presence is not None:  # five columns share a portrait screen: wrap, never elide
            self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
            self.table.setWordWrap(True)
            # A type is one word ("Kongressteilnehmer") that cannot wrap: as wide as it is.
            self.table.horizontalHeader().setSectionResizeMode(
                2, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFont(ui_font(13))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def set_scale(self, scale: float) -> None:
        """Text sizes for the screen it is on (1.0 is 1280x800): the door's dialogs scale."""
        self.query.setFont(ui_font(16 * scale))
        self.query.setMinimumHeight(round(56 * scale))
        self.status.setFont(ui_font(12 * scale))
        self.table.setFont(ui_font(14 * scale))
        self.table.horizontalHeader().setFont(ui_font(13 * scale, bold=True))
        self.table.verticalHeader().setDefaultSectionSize(round(44 * scale))

    def retranslate(self) -> None:
        """Texts again in the current language (the staff desk switches languages live)."""
        self.query.setPlaceholderText(_t("Name, company, e-mail or code"))
        labels = [_t("Name"), _t("Company"), _t("Type")]
        if self.presence is not None:
            labels += [_t("E-mail"), _t("Here")]
        self.table.setHorizontalHeaderLabels(labels)
        self._show_status()

    def run_search(self) -> None:
        self._debounce.stop()
        started = time.perf_counter()
        result = search(self.db, self.query.text(), limit=self.limit)
        self.last_ms = (time.perf_counter() - started) * 1000
        self.found, self.more = result.attendees, result.more
        self.table.setRowCount(len(self.found))
        for row, person in enumerate(self.found):
            kind = self.kiosk_event.type(person.type)
            texts = [
                person.name,
                person.company,
                kind.name_in(ui_language()) if kind else "",
            ]
            if self.presence is not None:
                texts += [masked_email(person.email), self.presence(person)]
            for col, text in enumerate(texts):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if self.presence is not None:
            # Five columns on a portrait screen: names and companies wrap, never elide.
            self.table.resizeRowsToContents()
        self._show_status()
        self._selection_changed()

    def _show_status(self) -> None:
        if not self.query.text().strip():
            self.status.setText("")
        elif not self.found:
            self.status.setText(_t("Nobody found."))
        elif self.more:
            self.status.setText(_t("Many found: type more to narrow the list."))
        else:
            self.status.setText(_t("{n} found.").format(n=len(self.found)))

    def _selection_changed(self) -> None:
        self.selection_changed.emit(self.selected())

    def selected(self) -> Attendee | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None
