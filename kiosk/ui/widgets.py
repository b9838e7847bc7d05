"""Small widgets the screens share: text that shrinks to fit, a type chip, recoloured SVG icons."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPixmap, QResizeEvent
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


class FitLabel(QLabel):
    """A label whose font shrinks (down to `min_ratio` of its size) so its text fits in one
    line; below that it wraps. Nothing is ever cut off."""

    def __init__(
        self,
        point_size: float,
        bold: bool = False,
        min_ratio: float = 0.45,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.base_size = point_size
        self.bold = bold
        self.min_ratio = min_ratio
        self.setFont(ui_font(point_size, bold))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_base_size(self, point_size: float) -> None:
        self.base_size = point_size
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(1, self.contentsRect().width() - 4)
        size = self.base_size
        font = ui_font(size, self.bold)
        while size > self.base_size * self.min_ratio:
            font = ui_font(size, self.bold)
            longest = max(
                (QFontMetricsF(font).horizontalAdvance(line) for line in self.text().split("\n")),
                default=0.0,
            )
            if longest <= width:
                break
            size *= 0.92
        self.setWordWrap(size <= self.base_size * self.min_ratio)
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
