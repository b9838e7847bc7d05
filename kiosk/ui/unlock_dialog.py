"""UnlockDialog: the unlock code of an encrypted kiosk database, asked for when a screen
starts with no terminal, no KIOSK_DB_PASSPHRASE and no systemd credential (the locked
kiosk session booting at a door)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.store import cipher
from kiosk.ui.dialogs import KioskDialog
from kiosk.ui.paths import ui_font


def _t(text: str) -> str:
    return QCoreApplication.translate("UnlockDialog", text)


class UnlockDialog(KioskDialog):
    """Accepts once the code unwraps the database key (held for this process); a wrong
    code says so and may be typed again. Each try costs the scrypt derivation (~0.5 s)."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(_t("Unlock this kiosk"))
        self.db_path = db_path
        self.wrapped = cipher.read_wrapped(db_path)
        self.setMinimumWidth(round(520 * self.scale))
        self.column.addWidget(
            self.text_label(
                _t("Its data is encrypted. Type the unlock code the organiser gave you."), 14
            )
        )
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setFont(ui_font(22 * self.scale))
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.entry.returnPressed.connect(self.submit)
        self.message = self.text_label("", 13)
        ok = self.button(_t("Unlock"), "primary")
        ok.clicked.connect(self.submit)
        quit_button = self.button(_t("Quit"))
        quit_button.clicked.connect(self.reject)
        for widget in (self.entry, self.message, ok, quit_button):
            self.column.addWidget(widget)

    def submit(self) -> None:
        code = self.entry.text()
        if not code.strip():
            return
        self.message.setText(_t("Checking…"))
        QApplication.processEvents()
        try:
            key = cipher.unwrap(self.wrapped, code)
        except cipher.Locked:
            self.entry.clear()
            self.message.setText(_t("Wrong unlock code. Type it again."))
            return
        cipher.remember(self.db_path, key)
        self.accept()


def unlock_on_screen(db_path: Path) -> bool:
    """Ask on screen until the right code is typed (True) or the person quits (False).
    Needs the QApplication made already (kiosk.app.make_application)."""
    return UnlockDialog(db_path).exec() == KioskDialog.DialogCode.Accepted
