"""The pickup screens: big type, big buttons, nothing about anyone but the attendee."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.attendee import Attendee
from kiosk.printing.badge import BadgeData
from kiosk.printing.painter import BadgePainter
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.paths import ui_font
from kiosk.ui.pickup.preview import BadgePreview
from kiosk.ui.pickup.texts import LANGS, LANGUAGE_NAMES, TEXTS, text


def _label(size: float, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setFont(ui_font(size, bold))
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _button(size: float = 20, primary: bool = False) -> QPushButton:
    button = QPushButton()
    button.setFont(ui_font(size, bold=primary))
    button.setMinimumHeight(72)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if primary:
        button.setStyleSheet(
            "QPushButton { background: #1565c0; color: white; border-radius: 10px;"
            " padding: 8px 24px; }"
        )
    return button


def _edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setFont(ui_font(22))
    edit.setMinimumHeight(64)
    edit.setMaxLength(80)
    return edit


class WelcomePage(QWidget):
    language_chosen = Signal(str)

    def __init__(self, event_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        title = _label(40, bold=True)
        title.setText(" · ".join(TEXTS["welcome"][lang] for lang in LANGS))
        event = _label(22)
        event.setText(event_name)
        hint = _label(16)
        hint.setText("\n".join(TEXTS["choose"][lang] for lang in LANGS))
        layout.addStretch(1)
        for widget in (title, event, hint):
            layout.addWidget(widget)
        layout.addSpacing(32)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for lang in LANGS:
            button = _button(26, primary=True)
            button.setText(LANGUAGE_NAMES[lang])
            button.setMinimumHeight(110)
            button.clicked.connect(lambda _=False, code=lang: self.language_chosen.emit(code))
            row.addWidget(button)
            self.buttons[lang] = button
        layout.addLayout(row)
        layout.addStretch(2)
        self.staff = QPushButton("⚙")  # staff only: leads to the PIN pad
        self.staff.setFlat(True)
        self.staff.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff.setFixedSize(48, 48)
        layout.addWidget(self.staff, 0, Qt.AlignmentFlag.AlignRight)


class IdentifyPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.camera_available = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        self.title = _label(30, bold=True)
        self.camera = QLabel("QR")  # the camera preview once frames arrive (show_frame)
        self.camera.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera.setMinimumSize(320, 240)
        self.camera.setFont(ui_font(72, bold=True))
        self.camera.setStyleSheet(
            "QLabel { color: #90a4ae; border: 6px dashed #90a4ae; border-radius: 24px; }"
        )
        self.type_name = _button(20)
        self.back = _button(18)
        layout.addWidget(self.title)
        layout.addWidget(self.camera, 1)
        layout.addWidget(self.type_name)
        layout.addWidget(self.back)

    def show_frame(self, frame: QImage) -> None:
        """A camera frame, scaled into the preview (the camera thread emits QImage)."""
        self.camera.setStyleSheet("")
        self.camera.setPixmap(
            QPixmap.fromImage(frame).scaled(
                self.camera.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def retranslate(self, lang: str) -> None:
        self.title.setText(text(lang, "show_qr" if self.camera_available else "show_qr_scanner"))
        self.type_name.setText(text(lang, "no_qr"))
        self.back.setText(text(lang, "back"))


class NamePage(QWidget):
    """Surname and the first characters of the booking code from the confirmation e-mail,
    typed on the on-screen keyboard (the kiosk has no keyboard; a handheld scanner still
    works). Nothing on it ever comes from the attendee list: only what was typed and the
    page's own words."""

    code_length = 6  # characters of the booking code asked for (PickupService.code_length)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.surname_label, self.secret_label = _label(18), _label(18)
        self.pinyin_hint, self.secret_hint = _label(14), _label(14)
        self.pinyin_hint.setStyleSheet("color: #546e7a;")
        self.secret_hint.setStyleSheet("color: #546e7a;")
        self.surname, self.secret = _edit(), _edit()
        self.message = _label(16)
        self.message.setStyleSheet("color: #b71c1c;")
        self.keyboard = OnScreenKeyboard([self.surname, self.secret], words=[self.surname])
        self.find_button = _button(22, primary=True)
        self.back = _button(18)
        self.keyboard.enter_pressed.connect(self.find_button.click)
        for edit in (self.surname, self.secret):  # a refusal is about what was typed then
            edit.textChanged.connect(lambda _text: self.message.clear())
        # One centred column at most 1200 px wide: full-width keys on a 1920 px screen
        # would send the hand a long way between letters.
        column = QWidget()
        column.setMaximumWidth(1200)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addStretch(1)
        for widget in (self.surname_label, self.pinyin_hint, self.surname):
            layout.addWidget(widget)
        layout.addSpacing(6)
        for widget in (self.secret_label, self.secret_hint, self.secret, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.keyboard, 4)  # spare height goes to the keys first
        layout.addSpacing(6)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back, 1)
        buttons.addWidget(self.find_button, 2)
        layout.addLayout(buttons)
        layout.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(column)

    def retranslate(self, lang: str) -> None:
        self.surname_label.setText(text(lang, "surname"))
        self.pinyin_hint.setText(text(lang, "pinyin_hint"))
        self.secret_label.setText(text(lang, "secret", n=self.code_length))
        self.secret_hint.setText(text(lang, "secret_hint"))
        self.find_button.setText(text(lang, "find"))
        self.back.setText(text(lang, "back"))
        self.keyboard.set_labels(
            text(lang, "key_space"), text(lang, "key_clear"), text(lang, "key_enter")
        )

    def values(self) -> tuple[str, str]:
        return self.surname.text(), self.secret.text()

    def say(self, message: str) -> None:
        self.message.setText(message)

    def clear(self) -> None:
        self.surname.clear()
        self.secret.clear()
        self.message.clear()
        self.keyboard.reset()


class PreviewPage(QWidget):
    def __init__(self, painter: BadgePainter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        self.title = _label(26, bold=True)
        self.badge = BadgePreview(painter)
        self.note = _label(18, bold=True)
        self.note.setStyleSheet("color: #b71c1c;")
        self.print_button = _button(24, primary=True)
        self.correct_button, self.not_me = _button(18), _button(18)
        self.staff_button = _button(16)
        row = QHBoxLayout()
        row.addWidget(self.correct_button)
        row.addWidget(self.not_me)
        layout.addWidget(self.title)
        layout.addWidget(self.badge, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.print_button)
        layout.addWidget(self.staff_button)
        layout.addLayout(row)

    def retranslate(self, lang: str) -> None:
        self.title.setText(text(lang, "is_this_you"))
        self.print_button.setText(text(lang, "print"))
        self.correct_button.setText(text(lang, "correct"))
        self.not_me.setText(text(lang, "not_me"))
        self.staff_button.setText(text(lang, "staff_reprint"))

    def set_badge(self, badge: BadgeData | None) -> None:
        self.badge.set_badge(badge)

    def set_state(self, already_printed: bool, note: str) -> None:
        """A badge already printed cannot be printed again without staff."""
        self.print_button.setVisible(not already_printed)
        self.staff_button.setVisible(already_printed)
        self.note.setText(note)
        self.note.setVisible(bool(note))


class CorrectPage(QWidget):
    """The attendee's own spelling of their name, typed on the on-screen keyboard; a bigger
    change than a spelling fix shows a note and the staff button (staff use the PIN)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_label, self.last_label = _label(18), _label(18)
        self.first, self.last = _edit(), _edit()
        self.message = _label(16)
        self.message.setStyleSheet("color: #b71c1c;")
        self.keyboard = OnScreenKeyboard([self.first, self.last], words=[self.first, self.last])
        self.save, self.cancel = _button(22, primary=True), _button(18)
        self.staff = _button(16)
        self.staff.hide()
        self.keyboard.enter_pressed.connect(self.save.click)
        column = QWidget()
        column.setMaximumWidth(1200)  # as the name page: keys within a hand's reach
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addStretch(1)
        for widget in (self.first_label, self.first, self.last_label, self.last, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.keyboard, 4)
        layout.addSpacing(6)
        buttons = QHBoxLayout()  # one row, the staff button in it: 800 px tall screens
        buttons.addWidget(self.cancel, 1)
        buttons.addWidget(self.staff, 1)
        buttons.addWidget(self.save, 2)
        layout.addLayout(buttons)
        layout.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(column)

    def retranslate(self, lang: str) -> None:
        self.first_label.setText(text(lang, "first_name"))
        self.last_label.setText(text(lang, "last_name"))
        self.save.setText(text(lang, "save"))
        self.cancel.setText(text(lang, "back"))
        self.staff.setText(text(lang, "staff_name"))
        self.keyboard.set_labels(
            text(lang, "key_space"), text(lang, "key_clear"), text(lang, "key_enter")
        )

    def load(self, attendee: Attendee) -> None:
        self.first.setText(attendee.first_name)
        self.last.setText(attendee.last_name)
        self.say("")
        self.keyboard.reset()
        self.first.end(False)

    def values(self) -> tuple[str, str]:
        return self.first.text(), self.last.text()

    def say(self, message: str, staff: bool = False) -> None:
        """A note under the fields; `staff`: the change needs staff, so offer them."""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.staff.setVisible(staff)


class MessagePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 64)
        self.headline = _label(36, bold=True)
        self.detail = _label(18)
        self.done = _button(22, primary=True)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(self.done)

    def retranslate(self, lang: str) -> None:
        self.done.setText(text(lang, "done"))

    def show_text(self, headline: str, detail: str, done: bool) -> None:
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.done.setVisible(done)


class LockedPage(QWidget):
    """After a run of failed identifications: "please ask staff", and only the staff PIN
    (the button) lets the kiosk serve anyone again. Names nobody."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 64)
        self.headline = _label(36, bold=True)
        self.detail = _label(18)
        self.message = _label(16)
        self.message.setStyleSheet("color: #b71c1c;")
        self.staff = _button(18)
        layout.addStretch(1)
        for widget in (self.headline, self.detail, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.staff)

    def retranslate(self, lang: str) -> None:
        # Shown to whoever comes next, so in all three languages at once.
        self.headline.setText("\n".join(TEXTS["ask_staff"][k] for k in LANGS))
        self.detail.setText("\n".join(TEXTS["locked"][k] for k in LANGS))
        self.staff.setText(text(lang, "staff_unlock"))

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
