"""PhotoSlot: the attendee's photo on the verdict panel, in a box of fixed size.

The box keeps its place whether there is a photo or not (a neutral "no photo" stand-in),
so the name beside it never jumps between scans. `load_photo` reads and decodes the JPEG
on the scan thread, after the decision is on disk and on screen (ScanWorker.photo_ready).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.ui.paths import ui_font
from kiosk.ui.widgets import icon_pixmap

PHOTO_W, PHOTO_H = 150, 200  # at scale 1.0 (a 1280x800 screen): a 3:4 passport shape
# Imported photos are made far smaller (kiosk.importing.photos); these bound what is decoded.
MAX_PHOTO_SIDE, MAX_PHOTO_BYTES = 2000, 2 * 1024 * 1024


def _t(text: str) -> str:
    return QCoreApplication.translate("VerdictPanel", text)


def load_photo(db: Database, attendee: Attendee) -> QImage | None:
    """The attendee's photo decoded (the photo store first, then an older file path), or
    None. A QImage, not a QPixmap: it may be made on the scan thread and cross to the GUI."""
    from kiosk.store.photos import photo_for

    data = photo_for(db, attendee.id)
    if data is None and attendee.photo and Path(attendee.photo).is_file():
        path = Path(attendee.photo)
        data = path.read_bytes() if path.stat().st_size <= MAX_PHOTO_BYTES else None
    return decoded(data) if data else None


def decoded(data: bytes) -> QImage | None:
    """`data` as an image, or None where it is none or too big to be a door photo: the
    header's size is read before anything is decoded, so a tiny file claiming 30,000 x
    30,000 pixels costs nothing (a photo arrives from an import or a hub: any bytes)."""
    if len(data) > MAX_PHOTO_BYTES:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or max(size.width(), size.height()) > MAX_PHOTO_SIDE:
        return None
    image = reader.read()
    return None if image.isNull() else image


def cropped(image: QImage, width: int, height: int) -> QImage:
    """`image` filling width x height, the longer side cropped around the centre (as the
    badge does), so every face sits in the same box."""
    scaled = image.scaled(
        width,
        height,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    x, y = (scaled.width() - width) // 2, (scaled.height() - height) // 2
    return scaled.copy(x, y, width, height)


class PhotoSlot(QLabel):
    """A photo, the "no photo" stand-in, or hidden (no attendee known)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = 1.0
        self.foreground = "#ffffff"
        self.has_photo = False
        self._stand_in_for: tuple[object, QPixmap] = (None, QPixmap())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.setFixedSize(round(PHOTO_W * scale), round(PHOTO_H * scale))

    def show_photo(self, image: QImage | None, foreground: str) -> None:
        """The photo in the box, or the stand-in in the panel's text colour."""
        self.foreground = foreground
        ratio = self.devicePixelRatioF()
        w, h = round(self.width() * ratio), round(self.height() * ratio)
        self.has_photo = image is not None and not image.isNull()
        if image is not None and self.has_photo:
            picture = QPixmap.fromImage(_rounded(cropped(image, w, h), round(10 * self.scale)))
        else:
            key = (w, h, ratio, foreground, _t("No photo"))
            if self._stand_in_for[0] != key:  # drawn again only for a new size, colour or language
                self._stand_in_for = (key, self._stand_in(w, h, ratio))
            picture = self._stand_in_for[1]
        picture.setDevicePixelRatio(ratio)
        self.setPixmap(picture)
        self.setVisible(True)

    def _stand_in(self, w: int, h: int, ratio: float) -> QPixmap:
        """A faint outline of a person and the words "No photo": nothing to compare the
        face with, said plainly, in a box the size of a photo."""
        picture = QPixmap(w, h)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        faint = QColor(self.foreground)
        faint.setAlphaF(0.14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(faint)
        painter.drawRoundedRect(
            QRectF(0, 0, w, h), 10 * self.scale * ratio, 10 * self.scale * ratio
        )
        side = round(w * 0.62)
        figure = icon_pixmap("person", side, self.foreground, 1.0)
        painter.setOpacity(0.45)
        painter.drawPixmap((w - side) // 2, round(h * 0.12), figure)
        painter.setOpacity(0.9)
        painter.setPen(QColor(self.foreground))
        painter.setFont(ui_font(13 * self.scale * ratio * 0.75, bold=True))
        painter.drawText(
            QRectF(4, h * 0.72, w - 8, h * 0.24),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            _t("No photo"),
        )
        painter.end()
        return picture


def _rounded(image: QImage, radius: int) -> QImage:
    out = QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(out.rect()), radius, radius)
    painter.setClipPath(path)
    painter.drawImage(0, 0, image)
    painter.end()
    return out
