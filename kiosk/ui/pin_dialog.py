"""PinDialog: the staff PIN pad (touch-friendly digits), the lock-out shown as it counts down.

Keys have a fixed size of at least 64 px and the message line keeps room for two lines, so
a "Wrong PIN" or lock-out text never squeezes the keypad; the door places the pad beside
its verdict panel (KioskDialog.place_beside), never over it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QLayout, QLineEdit, QPushButton, QWidget

from kiosk.service.staff_pin import StaffPin
from kiosk.ui.dialogs import MIN_KEY_PX, KioskDialog
from kiosk.ui.paths import ui_font


def _t(text: str) -> str:
    return QCoreApplication.translate("PinDialog", text)


class PinDialog(KioskDialog):
    """Accepts when the right PIN is entered; wrong PINs count toward the service's lock-out."""

    def __init__(self, pin: StaffPin, parent: QWidget | None = None) -> None:
        super().__init__(_t("Enter the staff PIN"), parent)
        self.pin = pin
        self.setWindowTitle(_t("Staff PIN"))
        key_w = max(MIN_KEY_PX, round(84 * self.scale))
        key_h = max(MIN_KEY_PX, round(68 * self.scale))
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setFont(ui_font(24 * self.scale))
        self.entry.setMaxLength(12)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.setMinimumHeight(key_h)
        self.entry.returnPressed.connect(self.submit)
        self.message = self.text_label("", 13)
        self.message.setFixedWidth(3 * key_w + 2 * round(8 * self.scale))
        # Room for two lines from the start: a message appearing must not move the keys.
        self.message.setFixedHeight(QFontMetrics(self.message.font()).lineSpacing() * 2 + 4)
        pad = QGridLayout()
        pad.setSpacing(round(8 * self.scale))
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(keys):
            button = self.button(key, "primary" if key == "OK" else "", 22)
            button.setFixedSize(key_w, key_h)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            pad.addWidget(button, i // 3, i % 3)
            self.buttons[key] = button
        cancel = self.button(_t("Cancel"))
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.reject)
        self.column.addWidget(self.entry)
        self.column.addWidget(self.message)
        self.column.addLayout(pad)
        self.column.addWidget(cancel)
        self.column.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
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
