"""AttendeeCard: one attendee at the desk: who, badge state, print history and the actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.attendee import Attendee
from kiosk.store.prints import PrintRecord
from kiosk.ui.desk.messages import shown_kind
from kiosk.ui.paths import ui_font
from kiosk.ui.pickup.texts import REPRINT_REASONS
from kiosk.ui.widgets import Chip, FitLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("DeskCard", text)


@dataclass(frozen=True)
class BadgeState:
    """What the desk knows about an attendee's badge besides the attendee row."""

    revoked: str | None  # why the current badge is refused (organiser), else None
    walk_in: bool
    flagged: bool  # a walk-in the organiser still has to confirm
    history: list[PrintRecord]

    @property
    def printed(self) -> bool:
        return any(r.ok for r in self.history)


class AttendeeCard(QWidget):
    """Shows an attendee and offers Print, Reprint, Replace lost badge and Correct name;
    the window does them (it has the service, the printer and the staff PIN)."""

    def __init__(self, tz: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.name = FitLabel(22, bold=True, min_ratio=0.6)
        self.type_chip = Chip()
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.captions: dict[str, QLabel] = {}
        for key in ("company", "position", "email", "ticket", "issue", "status"):
            value = QLabel()
            value.setFont(ui_font(13))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = self.captions[key] = QLabel()
            caption.setFont(ui_font(12))
            form.addRow(caption, value)
            self.fields[key] = value
        self.history = QTableWidget(0, 5)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 4):  # printer, reason: they share what is left, wrapped
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Nothing elided: long printer names and reasons wrap, rows grow to hold them.
        self.history.setWordWrap(True)
        self.history.setTextElideMode(Qt.TextElideMode.ElideNone)
        follow_columns(self.history)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setFont(ui_font(11))
        self.history.setMinimumHeight(72)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", *REPRINT_REASONS])
        self.reason.setFont(ui_font(13))
        self.print_button = self._button(primary=True)
        self.reprint_button = self._button()
        self.replace_button = self._button()
        self.correct_button = self._button()
        actions = QGridLayout()
        actions.addWidget(self.reason, 0, 0, 1, 2)
        actions.addWidget(self.print_button, 1, 0)
        actions.addWidget(self.reprint_button, 1, 1)
        actions.addWidget(self.replace_button, 2, 0)
        actions.addWidget(self.correct_button, 2, 1)
        self.empty = QLabel()
        self.empty.setFont(ui_font(14))
        self.empty.setWordWrap(True)
        self.details = QWidget()
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.name)
        inner.addWidget(self.type_chip)
        inner.addLayout(form)
        self.history_title = QLabel()
        self.history_title.setFont(ui_font(13, bold=True))
        inner.addWidget(self.history_title)
        inner.addWidget(self.history, 1)
        # Scrolls rather than growing the window: a portrait screen switching back to
        # landscape would otherwise be held at the portrait layout's minimum height.
        self.details_scroll = QScrollArea()
        self.details_scroll.setWidget(self.details)
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        viewport = self.details_scroll.viewport()
        assert viewport is not None
        viewport.setAutoFillBackground(False)
        self.details.setObjectName("cardDetails")  # the style must not reach the table
        self.details.setStyleSheet("#cardDetails { background:transparent; }")
        self.actions_box = QWidget()  # always in view: the details scroll, never the buttons
        self.actions_box.setLayout(actions)
        actions.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.details_scroll, 1)
        layout.addWidget(self.actions_box)
        self.retranslate()
        self.show_attendee(None, None, None)

    def retranslate(self) -> None:
        """The fixed texts; the attendee's own lines follow on the next show_attendee."""
        captions = {
            "company": _t("Company"),
            "position": _t("Position"),
            "email": _t("E-mail"),
            "ticket": _t("Ticket code"),
            "issue": _t("Badge issue"),
            "status": _t("Status"),
        }
        for key, caption in captions.items():
            self.captions[key].setText(caption)
        self.history.setHorizontalHeaderLabels(
            [_t("Time"), _t("Kind"), _t("Printer"), _t("Result"), _t("Reason")]
        )
        line = self.reason.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText(_t("Reason (reprint, replacement)"))
        self.print_button.setText(_t("Print badge"))
        self.reprint_button.setText(_t("Reprint"))
        self.replace_button.setText(_t("Replace lost badge"))
        self.correct_button.setText(_t("Correct name"))
        self.empty.setText(_t("Search or scan a badge to show an attendee."))
        self.history_title.setText(_t("Print history"))

    def _button(self, primary: bool = False) -> QPushButton:
        button = QPushButton()
        button.setFont(ui_font(14, bold=primary))
        button.setMinimumHeight(44)
        if primary:
            button.setStyleSheet(
                "QPushButton { background:#1565c0; color:#ffffff; border-radius:8px; }"
                "QPushButton:disabled { background:#9fb4cc; }"
            )
        return button

    def show_attendee(
        self, attendee: Attendee | None, type_name: tuple[str, str] | None, state: BadgeState | None
    ) -> None:
        """`type_name`: the type's name and colour. None: nobody shown."""
        self.empty.setVisible(attendee is None)
        self.details_scroll.setVisible(attendee is not None)
        self.actions_box.setVisible(attendee is not None)
        if attendee is None or state is None:
            return
        self.name.setText(attendee.name)
        name, color = type_name or (attendee.type, "#757575")
        self.type_chip.show_type(name, color, 12)
        self.fields["company"].setText(attendee.company or "—")
        self.fields["position"].setText(attendee.position or "—")
        self.fields["email"].setText(attendee.email or "—")
        self.fields["ticket"].setText(f"{attendee.ticket_code or '—'}   ({attendee.id})")
        self.fields["issue"].setText(str(attendee.badge_issue))
        self.fields["status"].setText(self.status_text(attendee, state))
        self.history.setRowCount(len(state.history))
        for row, record in enumerate(reversed(state.history)):  # newest first
            kind, reason = shown_kind(record.kind, record.reason, record.staff)
            cells = (
                self.local_time(record.at),
                kind,
                printer_text(record.printer),
                _t("ok") if record.ok else _t("FAILED: {error}").format(error=record.error),
                reason,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(record.printer if col == 2 else text)
                self.history.setItem(row, col, item)
        blocked = attendee.cancelled or state.revoked is not None
        self.print_button.setEnabled(not blocked and not state.printed)
        self.reprint_button.setEnabled(not blocked and state.printed)
        self.replace_button.setEnabled(not blocked)
        self.correct_button.setEnabled(not attendee.cancelled)

    def status_text(self, attendee: Attendee, state: BadgeState) -> str:
        parts = []
        if attendee.cancelled:
            parts.append(_t("CANCELLED: no badge may be printed"))
        elif state.revoked is not None:
            parts.append(_t("REVOKED ({why}): no badge may be printed").format(why=state.revoked))
        else:
            parts.append(_t("badge printed") if state.printed else _t("badge not printed yet"))
        if state.flagged:
            parts.append(_t("walk-in, flagged for the organiser (not signed)"))
        elif state.walk_in:
            parts.append(_t("walk-in"))
        return " · ".join(parts)

    def local_time(self, iso: str) -> str:
        try:
            return dt.datetime.fromisoformat(iso).astimezone(self.tz).strftime("%d %b %H:%M")
        except ValueError:
            return iso


def printer_text(printer: str) -> str:
    """A printer as the history shows it: a PDF output by its file name (the whole path is
    in the tooltip), with break points so a long queue name wraps instead of being cut."""
    if printer.startswith("pdf:"):
        return "PDF " + printer.rsplit("/", 1)[-1]
    return printer.replace("_", "_\u200b").replace("-", "-\u200b")


def follow_columns(table: QTableWidget) -> None:
    """Rows as tall as their wrapped cells, again whenever a column's width changes (a row
    height set for the old widths would clip the new last line)."""

    def fit_rows() -> None:
        QTimer.singleShot(0, table, table.resizeRowsToContents)

    table.horizontalHeader().sectionResized.connect(lambda *_: fit_rows())
    table.model().rowsInserted.connect(lambda *_: fit_rows())
    table.model().dataChanged.connect(lambda *_: fit_rows())
