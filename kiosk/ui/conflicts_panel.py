"""ConflictsPanel: the board's list of badges admitted twice at two doors while offline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.board_data import ConflictRow
from kiosk.ui.paths import ui_font
from kiosk.ui.widgets import FitLabel

SHOWN = 8  # rows at most; fewer when the panel is short, the rest are counted


def _t(text: str) -> str:
    return QCoreApplication.translate("ConflictsPanel", text)


class ConflictsPanel(QFrame):
    """A count and the latest conflicts: who, which session, when and at how many doors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.title = FitLabel(18, bold=True, min_ratio=0.6)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rows = [QLabel() for _ in range(SHOWN)]
        self.more = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        for label in self.rows:
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        layout.addWidget(self.more)
        layout.addStretch(1)
        self.layout_ = layout
        self.conflicts: list[ConflictRow] = []
        self.filled = 0  # rows with a conflict in them, before fitting

    def show_conflicts(self, conflicts: list[ConflictRow], tz: Any, scale: float) -> None:
        self.conflicts = conflicts
        count = len(conflicts)
        self.title.set_base_size(18 * scale)
        self.title.setText(_t("Conflicts"))
        self.summary.setFont(ui_font(13 * scale, bold=count > 0))
        if count == 0:
            self.summary.setText(_t("No badge admitted twice."))
        elif count == 1:
            self.summary.setText(_t("1 badge admitted twice while doors were offline:"))
        else:
            self.summary.setText(
                _t("{count} badges admitted twice while doors were offline:").format(count=count)
            )
        latest = sorted(conflicts, key=_last_admission, reverse=True)
        self.filled = min(count, SHOWN)
        for label, row in zip(self.rows, latest, strict=False):
            label.setFont(ui_font(12 * scale))
            times = ", ".join(t.astimezone(tz).strftime("%H:%M") for t in row.times)
            text = (
                _t("{name} · {session}: admitted {times} at {doors} doors")
                if row.doors > 1
                else _t("{name} · {session}: admitted {times}")
            )
            label.setText(
                text.format(name=row.name, session=row.session, times=times, doors=row.doors)
            )
        self.more.setFont(ui_font(12 * scale))
        self._fit_rows()
        self.updateGeometry()
        border = "#c62828" if count else "#d0d5dd"
        width = 3 if count else 1
        self.setStyleSheet(
            f"#conflicts {{ background:#ffffff; border-radius:14px; border:{width}px solid"
            f" {border}; }} #conflicts QLabel {{ color:{'#8e1b1b' if count else '#344054'}; }}"
        )

    def shown(self) -> int:
        return sum(not label.isHidden() for label in self.rows)

    def _room(self) -> tuple[int, int, int]:
        """(text width, height the frame, title and summary take, height of one more line)."""
        layout = self.layout_
        margins = layout.contentsMargins()
        width = max(1, self.contentsRect().width() - margins.left() - margins.right())
        spacing = max(0, layout.spacing())
        used = margins.top() + margins.bottom() + (self.height() - self.contentsRect().height())
        used += sum(_height(w, width) + spacing for w in (self.title, self.summary))
        return width, used, self.more.fontMetrics().lineSpacing() + spacing

    def _fit_rows(self) -> None:
        """Show the latest conflicts that fit the panel's height; count the others."""
        width, used, line = self._room()
        spacing = line - self.more.fontMetrics().lineSpacing()
        room = self.height() - used
        shown = 0
        for index, label in enumerate(self.rows):
            need = _height(label, width) + spacing
            last = index == self.filled - 1
            fits = index < self.filled and need + (0 if last else line) <= room
            if fits and shown == index:
                room -= need
                shown += 1
            label.setHidden(shown <= index)
        extra = len(self.conflicts) - shown
        self.more.setHidden(extra <= 0)
        self.more.setText(_t("… and {count} more (kiosk conflicts)").format(count=extra))

    # As tall as the chart beside it, never asking for more than the title, the count and
    # the latest conflict, so the hall cards above keep the height they need.
    # (Not height-for-width, which the wrapping labels would make it: layouts then ask
    # for the height of the rows shown now, which is what _fit_rows decides from.)
    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:
        _width, used, line = self._room()
        return QSize(super().minimumSizeHint().width(), used + (2 * line if self.filled else 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()


def _last_admission(row: ConflictRow) -> dt.datetime:
    return max(row.times, default=dt.datetime.min.replace(tzinfo=dt.UTC))


def _height(label: QLabel, width: int) -> int:
    """The label's height at `width` (a label that does not wrap has no height-for-width)."""
    height = label.heightForWidth(width)
    return height if height >= 0 else label.sizeHint().height()
