"""PinDialog: the staff PIN pad (touch-friendly digits), the lock-out shown as it counts down."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.service.staff_pin import StaffPin
from kiosk.ui.paths import ui_font


def _t(text: str) -> str:
    return QCoreApplication.translate("PinDialog", text)


class PinDialog(QDialog):
    """Accepts when the right PIN is entered; wrong PINs count toward the service's lock-out."""

    def __init__(self, pin: StaffPin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pin = pin
        self.setWindowTitle(_t("Staff PIN"))
        self.setModal(True)
        self.title = QLabel(_t("Enter the staff PIN"))
        self.title.setFont(ui_font(18, bold=True))
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setFont(ui_font(22))
        self.entry.setMaxLength(12)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.returnPressed.connect(self.submit)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setFont(ui_font(13))
        pad = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setFont(ui_font(20, bold=True))
            button.setMinimumSize(80, 64)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            pad.addWidget(button, i // 3, i % 3)
            self.buttons[key] = button
        cancel = QPushButton(_t("Cancel"))
        cancel.setFont(ui_font(14))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addLayout(pad)
        layout.addWidget(cancel)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_lock)
        self._show_lock()

    def _press(self, key: str) -> None:
        if key == "⌫":
            self.entry.backspace()
        elif key == "OK":
            self.submit()
        else:
            self.entry.insert(key)

    def submit(self) -> None:
        result = self.pin.check(self.entry.text())
        self.entry.clear()
        if result.ok:
            self.accept()
            return
        if result.locked_for > 0:
            self._show_lock()
        else:
            self.message.setText(
                _t("Wrong PIN. {n} tries left before a lock-out.").format(n=result.tries_left)
            )

    def _show_lock(self) -> None:
        wait = self.pin.locked_for()
        locked = wait > 0
        self.entry.setEnabled(not locked)
        for button in self.buttons.values():
            button.setEnabled(not locked)
        if locked:
            self.message.setText(
                _t("Too many wrong PINs. Try again in {s} s.").format(s=int(wait + 0.999))
            )
            self._tick.start()
        else:
            if self._tick.isActive():
                self.message.setText("")
            self._tick.stop()
            self.entry.setFocus()
