"""StaffDialog: what door staff may do after the PIN; HallChooser: picking the hall."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kiosk.domain.event import Event
from kiosk.ui.dialogs import KioskDialog
from kiosk.ui.i18n import LANGUAGES, ui_language
from kiosk.ui.paths import ui_font


def _t(text: str) -> str:
    return QCoreApplication.translate("StaffDialog", text)


class StaffDialog(KioskDialog):
    """Big buttons; each closes the dialog and emits the action it names."""

    # search, undo, late_checkin, toggle_mode, hall, mute, motion, fullscreen, quit, lang:xx
    action = Signal(str)

    def __init__(
        self,
        muted: bool,
        reduce_motion: bool,
        fullscreen: bool,
        languages: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_t("Staff functions"), parent)
        self.setWindowTitle(_t("Staff"))
        grid = QGridLayout()
        grid.setSpacing(round(10 * self.scale))
        entries = [
            ("search", _t("Search / admit manually")),
            ("undo", _t("Undo last scan")),
            ("late_checkin", _t("Late check-in…")),
            ("toggle_mode", _t("Switch entry / exit")),
            ("hall", _t("Choose hall")),
            ("mute", _t("Sound on") if muted else _t("Mute sound")),
            ("motion", _t("Allow motion") if reduce_motion else _t("Reduce motion")),
            ("fullscreen", _t("Leave full screen") if fullscreen else _t("Full screen (locked)")),
            ("quit", _t("Quit the kiosk")),
        ]
        entries += [(f"lang:{code}", LANGUAGES[code]) for code in languages]
        self.buttons: dict[str, QPushButton] = {}
        for i, (name, text) in enumerate(entries):
            button = self.button(text, "danger" if name == "quit" else "")
            button.clicked.connect(lambda _=False, n=name: self._choose(n))
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[name] = button
        close = self.button(_t("Back to scanning"), "primary")
        close.clicked.connect(self.reject)
        self.column.addLayout(grid)
        self.column.addWidget(close)
        self.fit_to_window(0.6)

    def _choose(self, name: str) -> None:
        self.accept()
        self.action.emit(name)


class HallChooser(KioskDialog):
    """The halls of the event, each with the session admitting now (if any) in full,
    on a second line; Cancel leaves the hall as it was."""

    def __init__(self, event: Event, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("HallChooser", "Which door is this kiosk at?"), parent
        )
        self.setWindowTitle(QCoreApplication.translate("HallChooser", "Choose the hall"))
        self.chosen: str | None = None
        self.list = QListWidget()
        self.list.setFont(ui_font(16 * self.scale))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(round(4 * self.scale))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lang = ui_language()
        for hall in event.halls:
            current = event.session_for_entry(hall.id, now)
            text = hall.name_in(lang) + (f"\n{current.title_in(lang)}" if current else "")
            item = QListWidgetItem(text)
            item.setData(256, hall.id)
            item.setSizeHint(QSize(0, 0))  # measured once the list has its width
            self.list.addItem(item)
        self.list.itemActivated.connect(self._pick)
        self.list.itemDoubleClicked.connect(self._pick)
        self.cancel = self.button(QCoreApplication.translate("HallChooser", "Cancel"))
        self.cancel.clicked.connect(self.reject)
        ok = self.button(QCoreApplication.translate("HallChooser", "Open this door"), "primary")
        ok.clicked.connect(lambda: self._pick(self.list.currentItem()))
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addWidget(ok)
        self.column.addWidget(self.list, 1)
        self.column.addLayout(row)
        self.fit_to_window(0.7, 0.85)
        self._measure_items()

    def _measure_items(self) -> None:
        """Each row as tall as its wrapped text: titles are shown whole, never cut."""
        width = max(100, self.width() - round(80 * self.scale))
        metrics = self.list.fontMetrics()
        for i in range(self.list.count()):
            item = self.list.item(i)
            rect = metrics.boundingRect(
                0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), item.text()
            )
            item.setSizeHint(QSize(width, rect.height() + round(20 * self.scale)))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._measure_items()

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.chosen = str(item.data(256))
        self.accept()
