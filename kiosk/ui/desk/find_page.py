"""FindPage: the desk's search list, the attendee card and the badge preview, side by side
on a landscape screen; on a portrait one search and preview above, the card below."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHeaderView, QWidget
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.printing.painter import BadgePainter
from kiosk.ui.attendee_search import AttendeeSearch
from kiosk.ui.desk.card import AttendeeCard, follow_columns
from kiosk.ui.pickup.preview import BadgePreview


def _panel(widget: QWidget) -> QFrame:
    frame = QFrame()
    frame.setObjectName("deskPanel")
    frame.setStyleSheet("#deskPanel { background:#ffffff; border-radius:10px; }")
    grid = QGridLayout(frame)
    grid.addWidget(widget)
    return frame


class FindPage(QWidget):
    def __init__(
        self,
        db: Database,
        event: Event,
        painter: BadgePainter,
        tz: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.search = AttendeeSearch(db, event)
        # Names first: the type is on the card, the name must be whole in the list.
        header = self.search.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Long names wrap onto more lines rather than being elided; rows grow to them.
        self.search.table.setWordWrap(True)
        self.search.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        follow_columns(self.search.table)
        self.card = AttendeeCard(tz)
        self.preview = BadgePreview(painter)
        self.preview.setMinimumSize(120, 150)
        self.panels = [_panel(w) for w in (self.search, self.card, self.preview)]
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.portrait: bool | None = None
        self._arrange(portrait=False)

    def _arrange(self, portrait: bool) -> None:
        if portrait == self.portrait:
            return
        self.portrait = portrait
        for panel in self.panels:
            self.grid.removeWidget(panel)
        for i in range(3):
            self.grid.setColumnStretch(i, 0)
            self.grid.setRowStretch(i, 0)
        search, card, preview = self.panels
        if portrait:
            self.grid.addWidget(search, 0, 0)
            self.grid.addWidget(preview, 0, 1)
            self.grid.addWidget(card, 1, 0, 1, 2)
            self.grid.setRowStretch(0, 2)
            self.grid.setRowStretch(1, 3)
            self.grid.setColumnStretch(0, 3)
            self.grid.setColumnStretch(1, 2)
        else:
            self.grid.addWidget(search, 0, 0)
            self.grid.addWidget(card, 0, 1)
            self.grid.addWidget(preview, 0, 2)
            # Room for whole names in the list ("Hans-Jürg…" was cut) and for the
            # print history on the card; the preview gives way.
            self.grid.setColumnStretch(0, 4)
            self.grid.setColumnStretch(1, 5)
            self.grid.setColumnStretch(2, 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(portrait=event.size().height() > event.size().width())
