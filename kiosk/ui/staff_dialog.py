"""StaffDialog: what door staff may do after the PIN; HallChooser: picking the hall."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.event import Event
from kiosk.ui.i18n import LANGUAGES, ui_language
from kiosk.ui.paths import ui_font


def _t(text: str) -> str:
    return QCoreApplication.translate("StaffDialog", text)


class StaffDialog(QDialog):
    """Big buttons; each closes the dialog and emits the action it names."""

    action = Signal(str)  # search, undo, toggle_mode, hall, mute, motion, fullscreen, quit, lang:xx

    def __init__(
        self,
        muted: bool,
        reduce_motion: bool,
        fullscreen: bool,
        languages: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Staff"))
        title = QLabel(_t("Staff functions"))
        title.setFont(ui_font(18, bold=True))
        grid = QGridLayout()
        entries = [
            ("search", _t("Search / admit manually")),
            ("undo", _t("Undo last scan")),
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
            button = QPushButton(text)
            button.setFont(ui_font(14, bold=True))
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, n=name: self._choose(n))
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[name] = button
        close = QPushButton(_t("Back to scanning"))
        close.setFont(ui_font(14))
        close.setMinimumHeight(48)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(close)

    def _choose(self, name: str) -> None:
        self.accept()
        self.action.emit(name)


class HallChooser(QDialog):
    """The halls of the event, each with the session admitting now (if any)."""

    def __init__(self, event: Event, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("HallChooser", "Choose the hall"))
        self.chosen: str | None = None
        label = QLabel(QCoreApplication.translate("HallChooser", "Which door is this kiosk at?"))
        label.setFont(ui_font(16, bold=True))
        self.list = QListWidget()
        self.list.setFont(ui_font(15))
        for hall in event.halls:
            current = event.session_for_entry(hall.id, now)
            lang = ui_language()
            text = hall.name_in(lang) + (f" — {current.title_in(lang)}" if current else "")
            item = QListWidgetItem(text)
            item.setData(256, hall.id)
            self.list.addItem(item)
        self.list.itemActivated.connect(self._pick)
        ok = QPushButton(QCoreApplication.translate("HallChooser", "Open this door"))
        ok.setFont(ui_font(14, bold=True))
        ok.clicked.connect(lambda: self._pick(self.list.currentItem()))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(ok)
        self.resize(640, 480)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.chosen = str(item.data(256))
        self.accept()
