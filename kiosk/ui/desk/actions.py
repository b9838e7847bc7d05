"""What the desk's buttons do: each asks the StaffDesk service, then prints on the thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from kiosk.domain.attendee import Attendee
from kiosk.printing.badge import badge_for
from kiosk.service.desk import PossibleDuplicate, Replaced, WalkInResult
from kiosk.service.pickup import PickupError, PrintJob, StaffNeeded
from kiosk.ui.desk import messages as say
from kiosk.ui.desk.messages import Tone
from kiosk.ui.desk.walk_in import refusal_text

if TYPE_CHECKING:
    from kiosk.ui.desk.window import DeskWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("DeskActions", text)


class DeskActions:
    def __init__(self, window: DeskWindow) -> None:
        self.window = window
        self.service = window.service
        self.walk_in: WalkInResult | None = None  # the last one registered, until "New"
        self.match: Attendee | None = None  # who a refused walk-in may already be

    def _ready(self) -> Attendee | None:
        """The attendee on screen, if the desk is unlocked, not printing, and they may
        have a badge; else None with the reason on the status line."""
        w = self.window
        person = w.attendee
        if person is None or not w.unlocked():
            return None
        if w.printer.busy:
            w.tell(say.busy(), Tone.PROBLEM)
            return None
        state = w.badge_state(person)
        if person.cancelled or state.revoked is not None:
            w.tell(say.blocked(person.cancelled), Tone.PROBLEM)
            return None
        return person

    def _reason(self) -> str | None:
        reason = " ".join(self.window.find_page.card.reason.currentText().split())
        if not reason:
            self.window.tell(say.staff_needed("reason_required"), Tone.PROBLEM)
            return None
        return reason

    def print_first(self) -> None:
        if (person := self._ready()) is not None:
            self.window.submit(self.service.prepare_print(person))

    def reprint(self) -> None:
        if (person := self._ready()) is None or (reason := self._reason()) is None:
            return
        self.window.submit(self.service.prepare_print(person, pin=self.window.pin, reason=reason))

    def replace(self) -> None:
        """Lost or stolen: confirm, raise the badge issue (the old badge is refused), print."""
        w = self.window
        if (person := self._ready()) is None or (reason := self._reason()) is None:
            return
        if not w.confirm(say.confirm_replace(person.name)):
            w.tell(_t("Nothing replaced."), Tone.INFO)
            return
        result = self.service.replace_badge(person, pin=w.pin or "", reason=reason)
        if isinstance(result, StaffNeeded):
            w.submit(result)  # says why (and locks on a refused PIN)
            return
        assert isinstance(result, Replaced)
        w.show_attendee(result.attendee)
        job = self.service.prepare_print(
            result.attendee, pin=w.pin, reason=say.REPLACEMENT + reason
        )
        if w.submit(job):
            w.tell(say.replaced(person.name, result.signed) + " " + w.status.text(), Tone.INFO)

    def ask_correction(self) -> None:
        person = self.window.attendee
        if person is None:
            return
        dialog = QDialog(self.window)
        dialog.setWindowTitle(_t("Correct the name"))
        first, last = QLineEdit(person.first_name), QLineEdit(person.last_name)
        form = QFormLayout(dialog)
        form.addRow(_t("First name"), first)
        form.addRow(_t("Last name"), last)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.correct_name(first.text(), last.text())

    def correct_name(self, first: str, last: str) -> None:
        """Stored and logged with the original spelling (the next print uses it)."""
        w = self.window
        if w.attendee is None or not w.unlocked():
            return
        try:
            corrected = self.service.correct_name(w.attendee, first, last)
        except PickupError as exc:
            w.tell(_t("Name not changed: {why}").format(why=refusal_text(str(exc))), Tone.PROBLEM)
            return
        w.show_attendee(corrected)
        w.tell(_t("Name corrected to {name} (logged).").format(name=corrected.name), Tone.OK)

    # -- walk-ins --------------------------------------------------------------------------

    def register_walk_in(self, different_person: bool = False) -> None:
        """Register the form's walk-in; someone who looks registered already is shown
        and needs staff to confirm a different person (register_different)."""
        w = self.window
        if not w.unlocked() or self.walk_in is not None:
            return
        if w.printer.busy:
            w.tell(say.busy(), Tone.PROBLEM)
            return
        values = w.walk_in.values()
        email = values["email"].strip()
        if email and not _looks_like_email(email):
            w.walk_in.refuse("e-mail: not an e-mail address")
            w.tell(_t("Not registered: check the e-mail address."), Tone.PROBLEM)
            return
        try:
            result = self.service.register_walk_in(
                values["first_name"],
                values["last_name"],
                values["type_id"],
                company=values["company"],
                email=values["email"],
                position=values["position"],
                different_person=different_person,
            )
        except PossibleDuplicate as exc:
            self.match = exc.matches[0]
            w.walk_in.possible_duplicate(say.possible_duplicate(self.match, w.service.event))
            w.tell(_t("Not registered: this person may be registered already."), Tone.PROBLEM)
            return
        except PickupError as exc:
            w.walk_in.refuse(str(exc))
            w.tell(_t("Not registered: {why}").format(why=refusal_text(str(exc))), Tone.PROBLEM)
            return
        self.walk_in, self.match = result, None
        badge = badge_for(w.service.event, result.attendee, result.code)
        text = say.walk_in_registered(result.attendee.name, result.flagged)
        w.walk_in.registered(text, True, badge)
        w.submit(self.service.prepare_print(result.attendee))

    def register_different(self) -> None:
        """Staff checked the registered attendee and confirm the walk-in is someone else."""
        if self.match is None:
            return
        if self.window.confirm(say.confirm_different(self.match.name)):
            self.register_walk_in(different_person=True)

    def print_walk_in_again(self) -> None:
        w = self.window
        if self.walk_in is None or w.printer.busy:
            return
        w.submit(self.service.prepare_print(self.walk_in.attendee))

    def show_walk_in(self) -> None:
        """The registered walk-in, or the attendee they may already be."""
        person = self.walk_in.attendee if self.walk_in is not None else self.match
        if person is not None:
            self.window.tabs.setCurrentWidget(self.window.find_page)
            self.window.show_attendee(person)

    def forget_walk_in(self) -> None:
        """'New walk-in': the form is cleared and the next registration may start."""
        self.walk_in = self.match = None

    def printed(self, job: PrintJob, ok: bool) -> None:
        """The print thread reported back: tell the walk-in form when it was its badge."""
        if self.walk_in is None or job.attendee.id != self.walk_in.attendee.id:
            return
        text = say.walk_in_registered(job.attendee.name, self.walk_in.flagged)
        if ok:
            self.window.walk_in.show_outcome(text + " " + _t("Badge printed."), True)
        else:
            self.window.walk_in.show_outcome(text + " " + self.window.status.text(), False)


def _looks_like_email(text: str) -> bool:
    """The import's rule of thumb: something@domain.tld without spaces."""
    local, _, domain = text.partition("@")
    return bool(local) and "." in domain.strip(".") and " " not in text
