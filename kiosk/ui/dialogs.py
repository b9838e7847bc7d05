"""KioskDialog: the look every staff dialog shares; ConfirmDialog: "are you sure?" naming what.

Staff dialogs open over a door screen seen from two metres and tapped with a finger: the
kiosk's navy and white rather than grey Qt, keys at least 64 px, text scaled with the
screen (1.0 is 1280x800, as on the door screen), no window-manager title bar when the door
is full screen (a locked kiosk has nothing to drag or close), and placed so that they do
not hide what they should not (the PIN pad leaves the verdict in view).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.paths import ui_font

NAVY, INK, PAPER, LINE = "#14213d", "#1a1a1a", "#ffffff", "#5b6780"
DANGER = "#b3261e"
DISABLED_TEXT, DISABLED_BACKGROUND = "#5f6673", "#f1f3f6"
MIN_KEY_PX = 64  # touch targets: a fingertip, with room to spare


def _t(text: str) -> str:
    return QCoreApplication.translate("KioskDialog", text)


def _screen_area() -> QRect:
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def screen_scale(widget: QWidget | None) -> float:
    """The door screen's scale for the window `widget` is in (or its screen's)."""
    if widget is not None:
        top = widget.window()
        w, h = top.width(), top.height()
    else:
        w, h = _screen_area().width(), _screen_area().height()
    scale = min(w / 800, h / 1280) * 0.95 if h > w else min(w / 1280, h / 800)
    return max(0.8, min(scale, 1.8))


def stylesheet(scale: float) -> str:
    """Navy frame, white body, big buttons; "primary" and "danger" buttons by property."""
    radius = round(10 * scale)
    return (
        f"KioskDialog {{ background:{PAPER}; border:{max(2, round(3 * scale))}px solid {NAVY}; }}"
        f"QLabel {{ color:{INK}; background:transparent; }}"
        f"QLabel#dialogTitle {{ color:{PAPER}; background:{NAVY}; padding:{round(8 * scale)}px;"
        f" border-radius:{radius}px; }}"
        f"QPushButton {{ background:{PAPER}; color:{NAVY}; border:2px solid {NAVY};"
        f" border-radius:{radius}px; padding:{round(6 * scale)}px {round(16 * scale)}px; }}"
        f"QPushButton:pressed {{ background:#dfe5f0; }}"
        f"QPushButton:disabled {{ color:{DISABLED_TEXT}; border-color:#9aa3b2;"
        f" background:{DISABLED_BACKGROUND}; }}"
        f'QPushButton[role="primary"] {{ background:{NAVY}; color:{PAPER}; }}'
        f'QPushButton[role="danger"] {{ background:{DANGER}; color:{PAPER};'
        f" border-color:{DANGER}; }}"
        f"QLineEdit, QComboBox {{ color:{INK}; background:{PAPER}; border:2px solid {LINE};"
        f" border-radius:{radius // 2}px; padding:{round(4 * scale)}px; }}"
        f"QListWidget, QTableWidget {{ color:{INK}; background:{PAPER}; border:2px solid {LINE};"
        f" selection-background-color:{NAVY}; selection-color:{PAPER}; }}"
        f"QHeaderView::section {{ color:{PAPER}; background:{NAVY}; border:none;"
        f" padding:{round(4 * scale)}px; }}"
    )


class KioskDialog(QDialog):
    """A modal dialog in the kiosk's look, scaled to the window it opens over."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskDialog")
        self.scale = screen_scale(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        top = parent.window() if parent is not None else None
        self.frameless = bool(top is not None and top.isFullScreen())
        if self.frameless:
            self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(stylesheet(self.scale))
        self.title = QLabel(title)
        self.title.setObjectName("dialogTitle")
        self.title.setWordWrap(True)
        self.title.setFont(ui_font(17 * self.scale, bold=True))
        self.column = QVBoxLayout(self)
        m = round(12 * self.scale)
        self.column.setContentsMargins(m, m, m, m)
        self.column.setSpacing(round(8 * self.scale))
        self.column.addWidget(self.title)

    def button(self, text: str, role: str = "", size: float = 15) -> QPushButton:
        """A touch-sized button in the kiosk look; role "primary" or "danger" colours it."""
        button = QPushButton(text)
        button.setFont(ui_font(size * self.scale, bold=True))
        button.setMinimumHeight(max(MIN_KEY_PX, round(64 * self.scale)))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if role:
            button.setProperty("role", role)
        return button

    def text_label(self, text: str, size: float = 15, bold: bool = False) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setFont(ui_font(size * self.scale, bold))
        return label

    def fit_to_window(self, width: float, height: float | None = None) -> None:
        """Size as a fraction of the window it opens over (never past its edges)."""
        parent = self.parentWidget()
        area = parent.window().geometry() if parent is not None else _screen_area()
        w = min(round(area.width() * width), area.width() - 16)
        h = self.sizeHint().height() if height is None else round(area.height() * height)
        self.resize(w, min(h, area.height() - 16))

    def place_beside(self, keep_visible: QWidget) -> None:
        """Move into the largest part of the window that `keep_visible` does not take, so
        that it stays in view (the PIN pad beside the verdict, never over it)."""
        window = keep_visible.window()
        outer = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
        inner = QRect(keep_visible.mapToGlobal(QPoint(0, 0)), keep_visible.size())
        free = [
            QRect(outer.left(), outer.top(), inner.left() - outer.left(), outer.height()),
            QRect(inner.right() + 1, outer.top(), outer.right() - inner.right(), outer.height()),
            QRect(outer.left(), outer.top(), outer.width(), inner.top() - outer.top()),
            QRect(outer.left(), inner.bottom() + 1, outer.width(), outer.bottom() - inner.bottom()),
        ]
        self.adjustSize()
        size = self.size()
        fitting = [r for r in free if r.width() >= size.width() and r.height() >= size.height()]
        best = max(fitting or free, key=lambda r: r.width() * r.height())
        x = best.left() + max(0, (best.width() - size.width()) // 2)
        y = best.top() + max(0, (best.height() - size.height()) // 2)
        self.move(x, y)


class ConfirmDialog(KioskDialog):
    """A question that names what will happen, with Cancel and one confirming button."""

    def __init__(
        self,
        title: str,
        text: str,
        confirm: str,
        parent: QWidget | None = None,
        danger: bool = True,
    ) -> None:
        super().__init__(title, parent)
        self.text = self.text_label(text, 16)
        self.column.addWidget(self.text)
        self.cancel = self.button(_t("Cancel"))
        self.confirm = self.button(confirm, "danger" if danger else "primary")
        self.cancel.clicked.connect(self.reject)
        self.confirm.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.setSpacing(round(12 * self.scale))
        row.addWidget(self.cancel)
        row.addWidget(self.confirm)
        self.column.addLayout(row)
        self.cancel.setDefault(True)  # Enter from a stray key press must not confirm
        self.fit_to_window(0.5)
