"""WalkInPage: the form staff fill in for someone registering on site, and its outcome."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.event import Event
from kiosk.printing.badge import BadgeData
from kiosk.printing.painter import BadgePainter
from kiosk.ui.paths import ui_font
from kiosk.ui.pickup.preview import BadgePreview

FIELDS = ("first_name", "last_name", "company", "email", "position", "type")
ERROR_STYLE = "color:#b71c1c;"


def _t(text: str) -> str:
    return QCoreApplication.translate("DeskWalkIn", text)


def field_for(message: str) -> str:
    """Which field a service message (PickupError) is about, from its opening words."""
    starts = {
        "first name": "first_name",
        "last name": "last_name",
        "the name": "first_name",
        "company": "company",
        "e-mail": "email",
        "position": "position",
        "unknown attendee type": "type",
    }
    return next((f for start, f in starts.items() if message.startswith(start)), "first_name")


def refusal_text(message: str) -> str:
    """A service refusal (PickupError, in English words) in the desk's language; one it
    does not know stays as the service put it."""
    if message.endswith("cannot be empty"):
        return _t("The name cannot be empty.")
    if message.endswith("is too long or holds unprintable characters"):
        return _t("This is too long or holds characters a badge cannot print.")
    if message.endswith("not an e-mail address"):
        return _t("This is not an e-mail address.")
    if message.endswith("is required"):
        return _t("Required for a walk-in: a first and a last name, and an e-mail or a company.")
    return message[:1].upper() + message[1:] + "."


class WalkInPage(QWidget):
    """Typed data stays in the form until staff start the next walk-in: a refused entry
    or a printer failure never loses it, and once registered the form is read-only so the
    same person cannot be registered twice by a second click."""

    def __init__(self, event: Event, painter: BadgePainter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setFont(ui_font(18, bold=True))
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.type = QComboBox()
        self.type.setFont(ui_font(14))
        for kind in event.types:
            self.type.addItem(kind.name, kind.id)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.captions: dict[str, QLabel] = {}
        for row, key in enumerate(FIELDS):
            caption = self.captions[key] = QLabel()
            caption.setFont(ui_font(13))
            if key == "type":
                widget: QWidget = self.type
            else:
                widget = self.edits[key] = QLineEdit()
                widget.setFont(ui_font(15))
            error = self.errors[key] = QLabel("")
            error.setFont(ui_font(12, bold=True))
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setVisible(False)
            grid.addWidget(caption, 2 * row, 0)
            grid.addWidget(widget, 2 * row, 1)
            grid.addWidget(error, 2 * row + 1, 1)
        self.register = QPushButton()
        self.register.setFont(ui_font(15, bold=True))
        self.register.setMinimumHeight(52)
        self.register.setStyleSheet(
            "QPushButton { background:#2e7d32; color:#ffffff; border-radius:8px; }"
            "QPushButton:disabled { background:#a5c8a7; }"
        )
        for edit in self.edits.values():
            edit.returnPressed.connect(self.register.click)
        self.print_again = QPushButton()
        self.show_attendee = QPushButton()
        self.different = QPushButton()  # after a possible duplicate: staff confirm
        self.new = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.print_again, self.show_attendee, self.different, self.new):
            button.setFont(ui_font(14))
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        self.result = QLabel("")
        self.result.setFont(ui_font(15, bold=True))
        self.result.setWordWrap(True)
        form = QWidget()
        form.setMaximumWidth(900)
        column = QVBoxLayout(form)
        column.addWidget(self.title)
        column.addLayout(grid)
        column.addWidget(self.register)
        column.addWidget(self.result)
        column.addLayout(buttons)
        column.addStretch(1)
        self.preview = BadgePreview(painter)
        self.preview.setMinimumSize(120, 150)
        self.outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.outer.addWidget(form, 3)
        self.outer.addWidget(self.preview, 2)
        self.new.clicked.connect(self.clear)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        """The form's fixed texts (a shown error or outcome stays until the next one)."""
        self.title.setText(_t("Register a walk-in attendee"))
        captions = {
            "first_name": _t("First name"),
            "last_name": _t("Last name"),
            "company": _t("Company"),
            "email": _t("E-mail"),
            "position": _t("Position"),
            "type": _t("Attendee type"),
        }
        for key, caption in captions.items():
            self.captions[key].setText(caption)
        self.register.setText(_t("Register and print badge"))
        self.print_again.setText(_t("Print the badge again"))
        self.show_attendee.setText(_t("Show attendee"))
        self.different.setText(_t("A different person: register"))
        self.new.setText(_t("New walk-in"))

    def values(self) -> dict[str, str]:
        typed = {key: edit.text() for key, edit in self.edits.items()}
        return {**typed, "type_id": str(self.type.currentData())}

    def fill(self, **values: str) -> None:
        for key, text in values.items():
            if key == "type_id":
                self.type.setCurrentIndex(max(0, self.type.findData(text)))
            else:
                self.edits[key].setText(text)

    def refuse(self, message: str) -> None:
        """Bad input: the message next to the field it is about; the form stays editable."""
        self.clear_errors()
        key = field_for(message)
        self.errors[key].setText(refusal_text(message))
        self.errors[key].setVisible(True)
        self.result.setText("")
        if key in self.edits:
            self.edits[key].setFocus()

    def possible_duplicate(self, text: str) -> None:
        """Someone registered looks like this walk-in: say who, offer to show them, and
        let staff register anyway once they have checked it is a different person."""
        self.clear_errors()
        self.result.setText(text)
        self.result.setStyleSheet(ERROR_STYLE)
        self.show_attendee.setVisible(True)
        self.different.setVisible(True)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.setText("")
            label.setVisible(False)

    def registered(self, text: str, ok: bool, badge: BadgeData) -> None:
        """The walk-in is saved: the form freezes, shows how it went and their badge."""
        self.clear_errors()
        self.preview.set_badge(badge)
        self._editable(False)
        self.show_outcome(text, ok)
        self.show_attendee.setVisible(True)
        self.different.setVisible(False)
        self.new.setVisible(True)

    def show_outcome(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color:#1b5e20;" if ok else ERROR_STYLE)
        self.print_again.setVisible(not ok)

    def clear(self) -> None:
        for edit in self.edits.values():
            edit.clear()
        self.type.setCurrentIndex(0)
        self.clear_errors()
        self.result.setText("")
        self.preview.set_badge(None)
        self._editable(True)
        for button in (self.print_again, self.show_attendee, self.different, self.new):
            button.setVisible(False)
        self.edits["first_name"].setFocus()

    def _editable(self, editable: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(not editable)
        self.type.setEnabled(editable)
        self.register.setEnabled(editable)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = event.size().height() > event.size().width()
        self.outer.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
