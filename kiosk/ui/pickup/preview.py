"""BadgePreview: the badge on screen, drawn by the same painter that prints it, except
that its QR is a stand-in no scanner reads (a screen can be photographed by anyone)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.printing.badge import BadgeData
from kiosk.printing.painter import BadgePainter, PaintedBadge


class BadgePreview(QWidget):
    def __init__(self, painter: BadgePainter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge_painter = painter
        self.badge: BadgeData | None = None
        self.painted: PaintedBadge | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)

    def set_badge(self, badge: BadgeData | None) -> None:
        self.badge = badge
        self.update()

    def badge_rect(self) -> QRectF:
        """The largest rectangle of the badge's proportions that fits, centred, with a margin."""
        lay = self.badge_painter.layout
        margin = 8.0
        w, h = self.width() - 2 * margin, self.height() - 2 * margin
        scale = min(w / lay.width, h / lay.height)
        bw, bh = lay.width * scale, lay.height * scale
        return QRectF((self.width() - bw) / 2, (self.height() - bh) / 2, bw, bh)

    def sizeHint(self) -> QSize:
        return QSize(420, 600)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.badge is None:
            return
        qp = QPainter(self)
        rect = self.badge_rect()
        qp.fillRect(rect.translated(4, 4), QColor(0, 0, 0, 60))  # a soft drop shadow
        self.painted = self.badge_painter.paint(qp, rect, self.badge, sample_qr=True)
        qp.end()
