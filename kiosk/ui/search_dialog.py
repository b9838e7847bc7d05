"""SearchDialog: find an attendee whose badge will not scan; admit them by hand with a reason.

Before a manual admission staff see what a scan would have decided for the person chosen
("Visitor badges have no access to this hall", "Session full: 600 / 600 inside"); where
it would refuse, admitting is an override staff confirm, and the rule overridden is logged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QWidget
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Decision
from kiosk.domain.event import Event
from kiosk.ui import verdicts
from kiosk.ui.attendee_search import AttendeeSearch
from kiosk.ui.dialogs import DANGER, ConfirmDialog, KioskDialog
from kiosk.ui.i18n import ui_language
from kiosk.ui.paths import ui_font

Preview = Callable[[Attendee], Decision | None]  # what a scan would decide for this person


def _t(text: str) -> str:
    return QCoreApplication.translate("SearchDialog", text)


def reasons() -> list[str]:
    return [
        _t("Badge will not scan"),
        _t("Badge forgotten, identity checked"),
        _t("Speaker or organiser request"),
    ]


class SearchDialog(KioskDialog):
    """The staff search (kiosk.ui.attendee_search) with a reason and an admit button."""

    admit_requested = Signal(str, str, str)  # attendee id, reason, rule overridden ("": none)

    def __init__(
        self,
        db: Database,
        event: Event,
        parent: QWidget | None = None,
        preview: Preview | None = None,
        presence: Callable[[Attendee], str] | None = None,
    ) -> None:
        super().__init__(_t("Search attendees"), parent)
        self.kiosk_event = event
        self.preview = preview
        self.would: Decision | None = None  # the scan's decision for the person selected
        self.search = AttendeeSearch(db, event, presence=presence)
        self.search.set_scale(self.scale)
        self.query, self.table = self.search.query, self.search.table
        self.verdict = self.text_label("", 15, bold=True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(reasons())
        self.reason.setFont(ui_font(14 * self.scale))
        self.reason.setMinimumHeight(round(56 * self.scale))
        self.admit = self.button(_t("Admit manually"), "primary")
        self.admit.setEnabled(False)
        self.admit.clicked.connect(self._admit)
        self.search.selection_changed.connect(self._selected)
        close = self.button(_t("Close"))
        close.clicked.connect(self.reject)
        reason_label = QLabel(_t("Reason:"))
        reason_label.setFont(ui_font(14 * self.scale, bold=True))
        row = QHBoxLayout()
        row.addWidget(reason_label)
        row.addWidget(self.reason, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addWidget(self.admit)
        self.column.addWidget(self.search, 1)
        self.column.addWidget(self.verdict)
        self.column.addLayout(row)
        self.column.addLayout(buttons)
        self.fit_to_window(0.9, 0.9)

    @property
    def found(self) -> list[Attendee]:
        return self.search.found

    @property
    def last_ms(self) -> float:
        return self.search.last_ms

    def run_search(self) -> None:
        self.search.run_search()

    def selected(self) -> Attendee | None:
        return self.search.selected()

    def _selected(self, person: Attendee | None) -> None:
        self.admit.setEnabled(person is not None)
        self.would = self.preview(person) if person is not None and self.preview else None
        refused = self.would is not None and not self.would.verdict.lets_in
        if person is None or self.would is None:
            self.verdict.setText("")
        elif refused:
            self.verdict.setText(_t("A scan would refuse: {rule}").format(rule=self._rule()))
        else:
            self.verdict.setText(_t("A scan would admit {name}.").format(name=person.name))
        self.verdict.setStyleSheet(f"color:{DANGER};" if refused else "")
        self.admit.setText(_t("Admit anyway…") if refused else _t("Admit manually"))
        self.admit.setProperty("role", "danger" if refused else "primary")
        self.admit.setStyle(self.admit.style())  # a changed property restyles only so

    def _rule(self) -> str:
        if self.would is None:
            return ""
        person = self.would.attendee
        kind = self.kiosk_event.type(person.type) if person else None
        return verdicts.refusal_text(self.would, kind.name_in(ui_language()) if kind else "")

    def _admit(self) -> None:
        person = self.selected()
        reason = self.reason.currentText().strip()
        if person is None or not reason:
            return
        override = ""
        if self.would is not None and not self.would.verdict.lets_in:
            ask = ConfirmDialog(
                _t("Override the rule?"),
                _t(
                    "A scan would refuse {name}: {rule}\n\nAdmit anyway? The override"
                    " and your reason are logged."
                ).format(name=person.name, rule=self._rule()),
                _t("Admit anyway"),
                self,
            )
            self.confirmation = ask
            if ask.exec() != QDialog.DialogCode.Accepted:
                return
            override = self.would.reason
        self.admit_requested.emit(person.id, reason, override)
        self.accept()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Enter in the search box must not close the dialog (QDialog's default button).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.query.hasFocus():
            self.run_search()
            return
        super().keyPressEvent(event)
