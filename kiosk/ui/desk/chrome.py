"""The desk's frame: the top bar (event, sync state, language, lock, quit), the locked page,
the status line, and the PIN dialog that hands the PIN it accepted to the desk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.sync.runner import SyncStatus
from kiosk.ui.desk.messages import Tone
from kiosk.ui.i18n import LANGUAGES
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
    """Texts are set in `retranslate`, so a language switch re-renders them."""

    language_chosen = Signal(str)  # a code of kiosk.ui.i18n.LANGUAGES

    def __init__(self, event_name: str, tz: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_name = event_name
        self.tz = tz
        self.status: SyncStatus | None = None
        self.setObjectName("deskBar")
        self.setStyleSheet(
            "#deskBar { background:#14213d; border-radius:10px; }"
            "#deskBar QLabel { color:#ffffff; }"
            "#deskBar QPushButton { background:#ffffff; color:#14213d; border-radius:8px;"
            " padding:4px 14px; }"
            "#deskBar QComboBox { background:#ffffff; color:#14213d; border-radius:8px;"
            " padding:4px 8px; }"
        )
        self.title = FitLabel(18, bold=True, min_ratio=0.6)
        self.sync = QLabel()
        self.sync.setFont(ui_font(12, bold=True))
        self.language = QComboBox()  # hidden until the desk is given its languages
        self.language.setFont(ui_font(12, bold=True))
        self.language.setMinimumHeight(38)
        self.language.setVisible(False)
        self.language.activated.connect(
            lambda i: self.language_chosen.emit(self.language.itemData(i))
        )
        self.lock = QPushButton()
        self.quit = QPushButton()
        for button in (self.lock, self.quit):
            button.setFont(ui_font(13, bold=True))
            button.setMinimumHeight(38)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.title, 1)
        row.addWidget(self.sync)
        row.addSpacing(8)
        row.addWidget(self.language)
        row.addWidget(self.lock)
        row.addWidget(self.quit)
        self.retranslate()
        self.show_sync(None)

    def offer_languages(self, codes: list[str], current: str) -> None:
        """Each language in its own name (staff who cannot read the current one find theirs)."""
        self.language.clear()
        for code in codes:
            self.language.addItem(LANGUAGES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.setVisible(len(codes) > 1)

    def retranslate(self) -> None:
        self.title.setText(_t("Staff desk · {event}").format(event=self.event_name))
        self.language.setToolTip(_t("Language"))
        self.lock.setText(_t("Lock"))
        self.quit.setText(_t("Quit"))
        self.show_sync(self.status)  # "Local only" in the new language

    def show_sync(self, status: SyncStatus | None) -> None:
        self.status = status
        show_look(self.sync, sync_look(status, self.tz))


class LockedPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setFont(ui_font(26, bold=True))
        self.note = QLabel()
        self.note.setFont(ui_font(15))
        self.unlock = QPushButton()
        self.unlock.setFont(ui_font(18, bold=True))
        self.unlock.setMinimumSize(240, 64)
        column = QVBoxLayout(self)
        column.addStretch(1)
        # Full width, centred text: a wrapped label given an alignment in the layout gets
        # its one-line height, and a long translation (German) is cut off.
        for label in (self.title, self.note):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
        column.addWidget(self.unlock, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_t("Staff desk locked"))
        self.note.setText(_t("Enter the staff PIN to register walk-ins and print badges."))
        self.unlock.setText(_t("Unlock"))


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
