"""The desk's frame: the top bar (event, sync state, lock, quit), the locked page, the
status line, and the PIN dialog that hands the PIN it accepted to the desk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.sync.runner import SyncStatus
from kiosk.ui.desk.messages import Tone
from kiosk.ui.paths import ui_font
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.sync_text import show_look, sync_look
from kiosk.ui.widgets import FitLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("DeskWindow", text)


class SessionPin(PinDialog):
    """The PIN pad; keeps the PIN it accepted, so that the desk can hand it to the service
    for each reprint and replacement (the service checks it and logs staff every time)."""

    entered = ""

    def submit(self) -> None:
        self.entered = self.entry.text()
        super().submit()


class TopBar(QFrame):
    def __init__(self, title: str, tz: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.setObjectName("deskBar")
        self.setStyleSheet(
            "#deskBar { background:#14213d; border-radius:10px; }"
            "#deskBar QLabel { color:#ffffff; }"
            "#deskBar QPushButton { background:#ffffff; color:#14213d; border-radius:8px;"
            " padding:4px 14px; }"
        )
        self.title = FitLabel(18, bold=True, min_ratio=0.6)
        self.title.setText(title)
        self.sync = QLabel()
        self.sync.setFont(ui_font(12, bold=True))
        self.lock = QPushButton(_t("Lock"))
        self.quit = QPushButton(_t("Quit"))
        for button in (self.lock, self.quit):
            button.setFont(ui_font(13, bold=True))
            button.setMinimumHeight(38)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.title, 1)
        row.addWidget(self.sync)
        row.addSpacing(8)
        row.addWidget(self.lock)
        row.addWidget(self.quit)
        self.show_sync(None)

    def show_sync(self, status: SyncStatus | None) -> None:
        show_look(self.sync, sync_look(status, self.tz))


class LockedPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_t("Staff desk locked"))
        title.setFont(ui_font(26, bold=True))
        note = QLabel(_t("Enter the staff PIN to register walk-ins and print badges."))
        note.setFont(ui_font(15))
        note.setWordWrap(True)
        self.unlock = QPushButton(_t("Unlock"))
        self.unlock.setFont(ui_font(18, bold=True))
        self.unlock.setMinimumSize(240, 64)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for widget in (title, note, self.unlock):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)


class StatusLine(QLabel):
    """The last outcome in words; a coloured bar beside it, never colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(ui_font(14, bold=True))
        self.setWordWrap(True)
        self.setMinimumHeight(44)
        self.tone = Tone.INFO
        self.say("", Tone.INFO)

    def say(self, text: str, tone: Tone) -> None:
        self.tone = tone
        self.setText(text)
        self.setStyleSheet(
            f"QLabel {{ color:{tone.value}; background:#ffffff; border-left:8px solid"
            f" {tone.value}; border-radius:4px; padding:6px 12px; }}"
        )
