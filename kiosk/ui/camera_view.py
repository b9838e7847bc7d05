"""CameraView: the live preview, or a clear "no camera: use the handheld scanner" panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.scanning.events import StatusKind
from kiosk.ui.paths import ui_font
from kiosk.ui.widgets import FitLabel, icon_pixmap


def _t(text: str) -> str:
    return QCoreApplication.translate("CameraView", text)


class CameraView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.setStyleSheet(
            "#cameraView { background:#1d1f24; border-radius:18px; }"
            "#cameraView QLabel { color:#ffffff; background:transparent; }"
        )
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.message = FitLabel(16, bold=True, min_ratio=0.6)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        self.scale = 1.0
        self.has_camera = False
        self.kind = ""
        self.status_text = ""
        self._last: QImage | None = None
        self.frames_shown = 0
        self.show_no_camera()

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.message.set_base_size(16 * scale)
        self.detail.setFont(ui_font(11 * scale))
        self.retranslate()

    def show_no_camera(self, detail: str = "") -> None:
        self.has_camera = False
        self._last = None
        self.status_text = detail
        side = max(48, min(self.width(), self.height()) // 3)
        self.picture.setPixmap(icon_pixmap("camera-off", side, "#9aa0a6", self.devicePixelRatioF()))
        self.message.setText(_t("No camera: use the handheld scanner"))
        self.detail.setText(detail)

    def show_status(self, kind: str, message: str) -> None:
        self.kind = kind
        if kind in (StatusKind.RUNNING.value, StatusKind.CAMERA_BACK.value):
            self.has_camera = True
            self.message.setText(_t("Camera on: hold the badge's QR code up to it"))
            self.detail.setText("")
        elif kind == "preparing":
            self.status_text = message
            self.message.setText(_t("Starting the camera…"))
            self.detail.setText(message)
        elif (
            kind
            in (
                StatusKind.NO_CAMERA.value,
                StatusKind.CAMERA_LOST.value,
                StatusKind.FAILED.value,
            )
            or kind == StatusKind.ENDED.value
        ):
            self.show_no_camera(message)

    def show_frame(self, image: QImage) -> None:
        self.frames_shown += 1
        if not self.has_camera:
            self.has_camera = True
            self.message.setText(_t("Camera on: hold the badge's QR code up to it"))
        self._last = image
        self._draw()

    def retranslate(self) -> None:
        if self.has_camera:
            self.message.setText(_t("Camera on: hold the badge's QR code up to it"))
            self._draw()
        elif self.kind == "preparing":
            self.show_status("preparing", self.status_text)
        else:
            self.show_no_camera(self.status_text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.retranslate()

    def _draw(self) -> None:
        if self._last is None:
            return
        pixmap = QPixmap.fromImage(self._last)
        self.picture.setPixmap(
            pixmap.scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
