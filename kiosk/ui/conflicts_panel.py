"""ConflictsPanel: the board's list of badges admitted twice at two doors while offline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.board_data import ConflictRow
from kiosk.ui.paths import ui_font
from kiosk.ui.widgets import FitLabel

SHOWN = 6  # rows that fit a quarter of the board; the rest are counted


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
        self.conflicts: list[ConflictRow] = []

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
        for label, row in zip(self.rows, latest + [None] * SHOWN, strict=False):
            label.setFont(ui_font(12 * scale))
            label.setVisible(row is not None)
            if row is not None:
                times = ", ".join(t.astimezone(tz).strftime("%H:%M") for t in row.times)
                text = (
                    _t("{name} · {session}: admitted {times} at {doors} doors")
                    if row.doors > 1
                    else _t("{name} · {session}: admitted {times}")
                )
                label.setText(
                    text.format(name=row.name, session=row.session, times=times, doors=row.doors)
                )
        extra = count - SHOWN
        self.more.setFont(ui_font(12 * scale))
        self.more.setVisible(extra > 0)
        self.more.setText(_t("… and {count} more (kiosk conflicts)").format(count=extra))
        border = "#c62828" if count else "#d0d5dd"
        width = 3 if count else 1
        self.setStyleSheet(
            f"#conflicts {{ background:#ffffff; border-radius:14px; border:{width}px solid"
            f" {border}; }} #conflicts QLabel {{ color:{'#8e1b1b' if count else '#344054'}; }}"
        )


def _last_admission(row: ConflictRow) -> dt.datetime:
    return max(row.times, default=dt.datetime.min.replace(tzinfo=dt.UTC))
