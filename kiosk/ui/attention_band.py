"""AttentionBand: a note for door staff (pretix's check-in text), shown with any verdict.

Its own look, used by no verdict: black on white (the strongest contrast on the screen,
whatever the verdict's colour), a purple edge, a bell and the words NOTE FOR STAFF, in a
band inside the verdict panel: the verdict's colour, icon and headline stay around it, so
the note is neither missed nor read as a refusal. The whole note shows: it wraps at
word breaks and between CJK characters, and shrinks a little before it would be cut.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets import FitLabel, icon_pixmap

ATTENTION_BACKGROUND, ATTENTION_FOREGROUND = "#ffffff", "#1a1a1a"  # 17.4:1
ATTENTION_ACCENT = "#5b2a86"  # the edge, bell and title: 9.6:1 on white
TITLE_SIZE, TEXT_SIZE, ICON_SIZE = 17, 28, 56  # at scale 1.0


def _t(text: str) -> str:
    return QCoreApplication.translate("VerdictPanel", text)


class AttentionBand(QFrame):
    """Hidden, or the bell, NOTE FOR STAFF and the note's text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attentionBand")
        self.scale = 1.0
        self.outline = "#ffffff"
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.title = FitLabel(TITLE_SIZE, bold=True)
        self.title.setObjectName("attentionTitle")
        # Wrapped by kiosk's own line breaking (CJK between characters) into as many lines
        # as the note needs: the panel around it makes room, every text alike (_fit_height).
        self.text = FitLabel(TEXT_SIZE, bold=True, min_ratio=0.8, max_lines=16)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.row = row
        self.setVisible(False)

    def show_note(self, note: str, outline: str) -> None:
        """`note` in the band (an empty note hides it); `outline` is the verdict panel's
        text colour, so the band's edge stands out on every verdict colour."""
        self.outline = outline
        self.title.setText(_t("NOTE FOR STAFF") if note else "")
        self.text.setText(note)
        self._paint()
        self.setVisible(bool(note))

    def note(self) -> str:
        return self.text.text()

    def set_scale(self, scale: float, factor: float = 1.0) -> None:
        """Sizes follow the window (`scale`) and the panel's squeeze (`factor`)."""
        self.scale = scale
        s = scale * factor
        self.title.set_base_size(TITLE_SIZE * s)
        self.text.set_base_size(TEXT_SIZE * s)
        side = round(ICON_SIZE * s)
        if self.icon.width() != side + 4:  # the bell is drawn again only at a new size
            self.icon.setPixmap(
                icon_pixmap("attention", side, ATTENTION_ACCENT, self.devicePixelRatioF())
            )
            self.icon.setFixedSize(side + 4, side + 4)
        m = round(12 * s)
        self.row.setContentsMargins(m, round(m * 0.7), m, round(m * 0.8))
        self.row.setSpacing(m)
        self._paint()

    def _paint(self) -> None:
        border = max(3, round(4 * self.scale))
        edge = max(8, round(16 * self.scale))
        sheet = (
            f"#attentionBand {{ background:{ATTENTION_BACKGROUND}; border:{border}px solid"
            f" {self.outline}; border-left:{edge}px solid {ATTENTION_ACCENT};"
            f" border-radius:{round(10 * self.scale)}px; border-top-left-radius:3px;"
            " border-bottom-left-radius:3px; }"
            f"#attentionBand QLabel {{ color:{ATTENTION_FOREGROUND}; background:transparent;"
            " border:none; }"
            f"#attentionBand QLabel#attentionTitle {{ color:{ATTENTION_ACCENT}; }}"
        )
        if sheet != self.styleSheet():  # a new style sheet restyles every label in the band
            self.setStyleSheet(sheet)
