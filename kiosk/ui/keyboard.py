"""OnScreenKeyboard: big touch keys typing into one of a few line edits (no keyboard at a kiosk).

The keys never take focus: focus stays in the line edit being typed into, so its cursor
shows and a handheld scanner (a keyboard wedge, kiosk/ui/wedge.py) still types where it
did. Tapping a field makes it the target; the target has a thick blue frame.

Letters come out the way names and addresses are written rather than in capitals: a
field marked `words` (a surname) capitalises the first letter of each word (Müller,
O'Brien, Puig-Solé), other fields (a code or e-mail) type lower case. Searches fold
case, so this is only for the eye; the keys show what a tap will type.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.paths import ui_font

KEY_HEIGHT = 64  # touch target: about 17 mm on a 96 dpi screen
_LETTERS = ("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm-_.@")
# Letters of German, Catalan, Spanish, French, Portuguese, Nordic and Polish names; l·l is
# one key for Catalan's geminated l (Gal·la, Col·lell).
_ACCENTS = (
    "äöüßåøæœ",
    "éèêëàáâã",
    "íìîïóòôõ",
    ("ú", "ù", "û", "ç", "ñ", "ł", "ý", "l·l"),
)
_ACTIVE = "QLineEdit { border: 4px solid #1565c0; border-radius: 8px; padding: 2px 8px; }"
_IDLE = "QLineEdit { border: 2px solid #90a4ae; border-radius: 8px; padding: 4px 10px; }"
_KEY = (
    "QPushButton { background: #eceff1; border: 1px solid #b0bec5; border-radius: 8px; }"
    "QPushButton:pressed { background: #90caf9; }"
)
_ACTION = (
    "QPushButton { background: #cfd8dc; border: 1px solid #90a4ae; border-radius: 8px; }"
    "QPushButton:pressed { background: #90caf9; }"
)
_ENTER = (
    "QPushButton { background: #1565c0; color: white; border-radius: 8px; }"
    "QPushButton:pressed { background: #0d47a1; }"
)


class OnScreenKeyboard(QWidget):
    enter_pressed = Signal()

    def __init__(
        self,
        fields: Sequence[QLineEdit],
        words: Sequence[QLineEdit] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not fields:
            raise ValueError("the keyboard needs at least one field to type into")
        self.fields = list(fields)
        self.words = set(words)
        self.target = self.fields[0]
        self.letter_keys: dict[str, QPushButton] = {}
        for field in self.fields:
            field.installEventFilter(self)
            field.textChanged.connect(self._update_labels)
            field.cursorPositionChanged.connect(self._update_labels)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        # Min and max: the keyboard grows with its keys up to their maximum height and no
        # further, so a tall screen gets taller keys, not gaps between the rows.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        self.letters, self.accent_letters = self._grid(_LETTERS), self._grid(_ACCENTS)
        self.accent_letters.hide()
        layout.addWidget(self.letters)
        layout.addWidget(self.accent_letters)
        bottom = QGridLayout()
        bottom.setSpacing(6)
        self.accents = self._key("àé", _ACTION, checkable=True)
        self.accents.toggled.connect(self.show_accents)
        self.space = self._key("", _ACTION)
        self.space.clicked.connect(lambda: self.type_text(" "))
        self.backspace = self._key("⌫", _ACTION)
        self.backspace.setAutoRepeat(True)  # hold to delete more
        self.backspace.clicked.connect(self.delete_back)
        self.clear = self._key("", _ACTION)
        self.clear.clicked.connect(lambda: self.target.clear())
        self.enter = self._key("", _ENTER)
        self.enter.clicked.connect(self.enter_pressed)
        column = 0
        for key, span in [
            (self.accents, 2),
            (self.space, 4),
            (self.backspace, 2),
            (self.clear, 2),
            (self.enter, 2),
        ]:
            bottom.addWidget(key, 0, column, 1, span)
            column += span
        for each in range(column):
            bottom.setColumnStretch(each, 1)
        layout.addLayout(bottom)
        self.set_labels("Space", "Clear", "OK")
        self.set_target(self.target)

    # -- building ------------------------------------------------------------------------

    def _key(self, label: str, style: str, checkable: bool = False) -> QPushButton:
        key = QPushButton(label)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays in the field (and the wedge)
        key.setFont(ui_font(20))
        key.setMinimumHeight(KEY_HEIGHT)
        key.setMaximumHeight(KEY_HEIGHT * 3 // 2)  # taller where a portrait screen has room
        key.setMinimumWidth(40)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        key.setCheckable(checkable)
        key.setStyleSheet(style)
        return key

    def _grid(self, rows: Sequence[Sequence[str]]) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        width = max(len(row) for row in rows)
        for r, row in enumerate(rows):
            # Shorter rows are centred, a half key in per missing key, as on a keyboard.
            offset = width - len(row)
            for c, char in enumerate(row):
                key = self._key(char, _KEY)
                key.clicked.connect(lambda _=False, ch=char: self.type_letter(ch))
                grid.addWidget(key, r, 2 * c + offset, 1, 2)
                self.letter_keys[char] = key
        for column in range(2 * width):
            grid.setColumnStretch(column, 1)
        return page

    # -- state ---------------------------------------------------------------------------

    def set_labels(self, space: str, clear: str, enter: str) -> None:
        """The words on the space, clear and enter keys, in the attendee's language."""
        self.space.setText(space)
        self.clear.setText(clear)
        self.enter.setText(enter)

    def set_target(self, field: QLineEdit) -> None:
        """Type into `field` from now on, framed so the attendee sees where letters go."""
        self.target = field
        for each in self.fields:
            each.setStyleSheet(_ACTIVE if each is field else _IDLE)
        if field.isVisible():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_labels()

    def show_accents(self, on: bool) -> None:
        """The accented letters in place of the plain ones (or back)."""
        self.letters.setVisible(not on)
        self.accent_letters.setVisible(on)
        self.accents.setChecked(on)
        self.accents.setText("abc" if on else "àé")

    def reset(self) -> None:
        """Back to the first field and the plain letters (a new attendee)."""
        self.show_accents(False)
        self.set_target(self.fields[0])

    # -- typing --------------------------------------------------------------------------

    def type_letter(self, char: str) -> None:
        self.type_text(_capital(char) if self._capital_next() else char)

    def type_text(self, text: str) -> None:
        self.target.insert(text)

    def delete_back(self) -> None:
        self.target.backspace()

    def _capital_next(self) -> bool:
        """A surname's letter at the start of a word is a capital; everything else lower."""
        if self.target not in self.words:
            return False
        before = self.target.text()[: self.target.cursorPosition()]
        return not before or before[-1] in " -'’"

    def _update_labels(self) -> None:
        capital = self._capital_next()
        for char, key in self.letter_keys.items():
            key.setText(_capital(char) if capital else char)

    # -- Qt --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self.fields and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.MouseButtonPress,
        ):
            assert isinstance(watched, QLineEdit)
            if watched is not self.target:
                self.set_target(watched)
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.set_target(self.target)  # focus the target once the page is on screen


def _capital(key: str) -> str:
    """'ü' -> 'Ü', 'l·l' -> 'L·l'; ß stays (its capital is two letters, SS)."""
    upper = key[0].upper()
    return upper + key[1:] if len(upper) == 1 else key
