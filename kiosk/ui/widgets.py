"""Small widgets the screens share: text that shrinks to fit, a type chip, recoloured SVG icons."""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.ui.palette import readable_on
from kiosk.ui.paths import icon_path, ui_font


def icon_pixmap(name: str, size: int, color: str, ratio: float = 1.0) -> QPixmap:
    """The SVG icon `name` drawn in one colour (icons are single-colour shapes)."""
    px = max(1, round(size * ratio))
    pixmap = QPixmap(px, px)
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(str(icon_path(name)))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, px, px))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), QColor(color))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def contrast_text(background: str) -> str:
    """Black or white, whichever reads better on `background` (kiosk.ui.palette)."""
    return readable_on(QColor(background).name())


# Where a line may break: after spaces, and between CJK characters (which have no spaces),
# never after a hyphen ("Hohenzollern-Sigmaringen" stays whole) nor before CJK punctuation.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKENS = re.compile(f"[{_CJK}][。，、；：！？）」』》〉”’]*|[^\\s{_CJK}]+\\s*|\\s+")


def wrap_lines(text: str, font: QFont, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` at the break points above (a word
    wider than `width` stays whole on its own line); explicit newlines are kept."""
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKENS.findall(paragraph):
            trial = line + token
            if line and metrics.horizontalAdvance(trial.rstrip()) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = trial
        lines.append(line.rstrip())
    return lines


class FitLabel(QLabel):
    """A label whose text fits its width, never cut off: in one line at its size if it can,
    else (`max_lines` > 1) wrapped at word breaks into up to `max_lines` lines at its size,
    else shrunk (down to `min_ratio` of its size) in those lines; below that it wraps as
    it must. Long names and German reasons thus stay big, in two lines."""

    def __init__(
        self,
        point_size: float,
        bold: bool = False,
        min_ratio: float = 0.45,
        parent: QWidget | None = None,
        max_lines: int = 1,
    ) -> None:
        super().__init__(parent)
        self.base_size = point_size
        self.bold = bold
        self.min_ratio = min_ratio
        self.max_lines = max_lines
        self._source = ""
        self.setFont(ui_font(point_size, bold))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_base_size(self, point_size: float) -> None:
        self.base_size = point_size
        self._fit()

    def setText(self, text: str) -> None:
        self._source = text
        super().setText(text)
        self._fit()

    def text(self) -> str:
        """The text as set (the lines shown may have breaks of the label's own)."""
        return self._source

    def shown_lines(self) -> list[str]:
        return super().text().split("\n") if self._source else []

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(1, self.contentsRect().width() - 4)
        paragraphs = max(1, self._source.count("\n") + 1)
        allowed = paragraphs * self.max_lines
        size = self.base_size
        font = ui_font(size, self.bold)
        lines = [self._source]
        while True:
            font = ui_font(size, self.bold)
            metrics = QFontMetricsF(font)
            lines = self._source.split("\n")
            if max((metrics.horizontalAdvance(x) for x in lines), default=0.0) <= width:
                break
            if self.max_lines > 1:
                lines = wrap_lines(self._source, font, width)
                widest = max((metrics.horizontalAdvance(x) for x in lines), default=0.0)
                if len(lines) <= allowed and widest <= width:
                    break
            if size * 0.92 <= self.base_size * self.min_ratio:
                break
            size *= 0.92
        fits = max((QFontMetricsF(font).horizontalAdvance(x) for x in lines), default=0.0)
        self.setWordWrap(fits > width)  # at the floor: let Qt wrap what still does not fit
        shown = "\n".join(lines)
        if shown != super().text():
            super().setText(shown)
        if font != self.font():
            self.setFont(font)
            self.updateGeometry()


class Chip(QLabel):
    """A rounded coloured label: the attendee type in its badge colour, outlined in the
    panel's text colour so that it stands out on any verdict (a green Exhibitor chip on the
    green ADMIT, a red Staff chip on the red DENIED)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.outline = "#ffffff"

    def show_type(self, name: str, color: str, point_size: float, outline: str = "#ffffff") -> None:
        pad = round(point_size * 0.6)
        border = max(3, round(point_size * 0.18))
        self.outline = outline
        self.setFont(ui_font(point_size, bold=True))
        self.setText(name)
        self.setStyleSheet(
            f"background:{color}; color:{contrast_text(color)}; border-radius:{pad}px;"
            f"padding:{pad // 3}px {pad}px; border:{border}px solid {outline};"
        )
        self.setVisible(bool(name))

    def sizeHint(self) -> QSize:
        return super().sizeHint()
