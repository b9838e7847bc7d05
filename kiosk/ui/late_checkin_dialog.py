"""LateCheckinDialog: door staff record late check-ins (补签到, GB 50799-2012 12.2.5), one
after another (a paper list), for a session of this hall that has opened today.

The dialog only gathers who, which session, when and why; `record` (the door passes
kiosk.service.late_checkin.record_late_checkin bound to its database) decides, and its
refusal is shown in the dialog as it is, nothing recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget
from sqlite_utils import Database

from kiosk.domain.event import Event, Session
from kiosk.service.late_checkin import LateCheckinError
from kiosk.ui.attendee_search import AttendeeSearch
from kiosk.ui.dialogs import DANGER, KioskDialog
from kiosk.ui.i18n import ui_language
from kiosk.ui.paths import ui_font

# (attendee id, session id, reason, time attended or None); raises LateCheckinError
Record = Callable[[str, str, str, dt.datetime | None], object]


def _t(text: str) -> str:
    return QCoreApplication.translate("LateCheckinDialog", text)


def reasons() -> list[str]:
    return [
        _t("Forgot to scan at the door"),
        _t("The door scanner was down"),
        _t("From the paper sign-in list"),
    ]


def refusal_text(error: LateCheckinError) -> str:
    """Why the service refused, in the UI language (its English message where unknown)."""
    texts = {
        "future": _t("That time is still to come."),
        "outside_session": _t("The session did not run at that time."),
        "no_reason": _t("Please give a reason."),
        "reason_too_long": _t("The reason is too long (at most 500 characters)."),
        "reason_not_one_line": _t("The reason must be one line of text."),
        "cancelled": _t("This registration was cancelled."),
        "revoked": _t("This badge has been revoked."),
        "not_admissible": _t("A scan would refuse this person for this session."),
        "already_scanned": _t("Already checked in to this session by a scan."),
        "already_recorded": _t("A late check-in is recorded for this person and session already."),
        "wrong_role": _t("This kiosk may not record late check-ins."),
    }
    return texts.get(error.code, str(error)) + " " + _t("Nothing was recorded.")


def opened_sessions(event: Event, hall: str, now: dt.datetime) -> list[Session]:
    """This hall's sessions of today that have opened by `now`, the latest first."""
    today = event.day_of(now)
    return [
        s
        for s in reversed(event.sessions_in(hall))
        if s.opens <= now and event.day_of(s.start) == today
    ]


class LateCheckinDialog(KioskDialog):
    def __init__(
        self,
        db: Database,
        event: Event,
        hall: str,
        now: dt.datetime,
        record: Record,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_t("Late check-in"), parent)
        self.kiosk_event, self.now, self.record = event, now, record
        self.recorded: list[str] = []  # attendee ids recorded while open
        hint = self.text_label(
            _t(
                "For someone who attended although no scan recorded it. It counts as "
                "attendance, not as an entry: nobody is counted inside."
            ),
            13,
        )
        self.search = AttendeeSearch(db, event)
        self.search.set_scale(self.scale)
        self.session = QComboBox()
        lang = ui_language()
        for s in opened_sessions(event, hall, now):
            start = s.start.astimezone(event.tz).strftime("%H:%M")
            self.session.addItem(f"{start}  {s.title_in(lang)}", s.id)
        self.time = QLineEdit()
        self.time.setPlaceholderText(_t("HH:MM (empty: now, or the start if it has ended)"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(reasons())
        for box in (self.session, self.time, self.reason):
            box.setFont(ui_font(14 * self.scale))
            box.setMinimumHeight(round(52 * self.scale))
        self.message = self.text_label("", 14, bold=True)
        self.save = self.button(_t("Record late check-in"), "primary")
        self.save.setEnabled(False)
        self.save.clicked.connect(self._record)
        self.search.selection_changed.connect(lambda p: self.save.setEnabled(p is not None))
        close = self.button(_t("Close"))
        close.clicked.connect(self.accept)
        self.column.addWidget(hint)
        self.column.addWidget(self.search, 1)
        for label, box in (
            (_t("Session:"), self.session),
            (_t("Attended at:"), self.time),
            (_t("Reason:"), self.reason),
        ):
            row = QHBoxLayout()
            text = QLabel(label)
            text.setFont(ui_font(14 * self.scale, bold=True))
            row.addWidget(text)
            row.addWidget(box, 1)
            self.column.addLayout(row)
        self.column.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addWidget(self.save)
        self.column.addLayout(buttons)
        self.fit_to_window(0.9, 0.92)
        if self.session.count() == 0:
            self._say(_t("No session of this hall has opened today."), refused=True)

    def _say(self, text: str, refused: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{DANGER};" if refused else "")

    def _attended_at(self, session: Session) -> dt.datetime | None:
        text = self.time.text().strip()
        if not text:
            return None
        clock = dt.time.fromisoformat(text if len(text) > 2 else f"{text}:00")
        day = session.start.astimezone(self.kiosk_event.tz).date()
        return dt.datetime.combine(day, clock, tzinfo=self.kiosk_event.tz)

    def _record(self) -> None:
        person = self.search.selected()
        session = self.kiosk_event.session(str(self.session.currentData() or ""))
        if person is None or session is None:
            return
        try:
            when = self._attended_at(session)
        except ValueError:
            self._say(_t("Type the time as HH:MM, e.g. 10:20."), refused=True)
            return
        try:
            self.record(person.id, session.id, self.reason.currentText(), when)
        except LateCheckinError as exc:
            self._say(refusal_text(exc), refused=True)
            return
        self.recorded.append(person.id)
        self._say(
            _t("Late check-in recorded: {name}, {session}.").format(
                name=person.name, session=session.title_in(ui_language())
            ),
            refused=False,
        )
        self.search.query.clear()
        self.search.table.clearSelection()  # the next person, not this one again
        self.time.clear()
