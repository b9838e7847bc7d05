"""DeskWindow: the staffed desk: find an attendee, print, reprint, replace a lost badge,
correct a name, register walk-ins; locked behind the staff PIN when idle."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from kiosk.domain.attendee import Attendee
from kiosk.printing.badge import badge_for
from kiosk.printing.painter import BadgePainter
from kiosk.service.desk import StaffDesk
from kiosk.service.pickup import BadgeOutput, Found, PrintJob, StaffNeeded
from kiosk.service.staff_pin import StaffPin
from kiosk.store import attendees, prints
from kiosk.sync.runner import SyncStatus
from kiosk.ui.desk import messages as say
from kiosk.ui.desk.actions import DeskActions
from kiosk.ui.desk.card import BadgeState
from kiosk.ui.desk.chrome import LockedPage, SessionPin, StatusLine, TopBar
from kiosk.ui.desk.find_page import FindPage
from kiosk.ui.desk.messages import Tone
from kiosk.ui.desk.walk_in import WalkInPage
from kiosk.ui.i18n import Languages
from kiosk.ui.lockdown import WindowLock
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.print_worker import PrintWorker

_INPUT_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel}


def _t(text: str) -> str:
    return QCoreApplication.translate("DeskWindow", text)


@dataclass(frozen=True)
class DeskOptions:
    idle_minutes: float = 5.0  # locked again after this long without a key or a click
    locked: bool = False  # full screen, no way out without the PIN
    photo_dir: Path | None = None


class DeskWindow(QWidget):
    """With `languages`, the top bar offers them and every text follows a switch (the
    status line from its next message on)."""

    def __init__(
        self,
        service: StaffDesk,
        output: BadgeOutput,
        painter: BadgePainter,
        options: DeskOptions | None = None,
        staff_pin: StaffPin | None = None,
        languages: Languages | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.output = service, output
        self.languages = languages
        self.options = options or DeskOptions()
        self.staff_pin = staff_pin or StaffPin(service.db)
        self.pin: str | None = None  # the PIN staff unlocked with, for this session only
        self.attendee: Attendee | None = None
        self.lock = WindowLock(self, self.options.locked)
        self.printer = PrintWorker(output, self._printed, self)
        event = service.event
        self.bar = TopBar(event.name, event.tz)
        self.locked_page = LockedPage()
        self.find_page = FindPage(service.db, event, painter, event.tz)
        self.walk_in = WalkInPage(event, painter)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.find_page, "")
        self.tabs.addTab(self.walk_in, "")
        self.tabs.tabBar().setMinimumHeight(36)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.locked_page)
        self.stack.addWidget(self.tabs)
        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self.setObjectName("desk")
        self.setStyleSheet("#desk { background:#eef1f5; }")
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(round(self.options.idle_minutes * 60_000))
        self.idle.timeout.connect(self.lock_desk)
        self.do = DeskActions(self)
        self._wire()
        self._retranslate_own()
        if languages is not None:
            self.bar.offer_languages(languages.available(), languages.current)
            self.bar.language_chosen.connect(languages.switch)
            languages.changed.connect(self.retranslate)
        self.lock_desk()

    def _wire(self) -> None:
        self.bar.lock.clicked.connect(self.lock_desk)
        self.bar.quit.clicked.connect(self.quit_desk)
        self.locked_page.unlock.clicked.connect(self.ask_unlock)
        self.find_page.search.selection_changed.connect(self._selected)
        self.find_page.search.query.textChanged.connect(lambda _text: self._clear_problem())
        card = self.find_page.card
        card.print_button.clicked.connect(self.do.print_first)
        card.reprint_button.clicked.connect(self.do.reprint)
        card.replace_button.clicked.connect(self.do.replace)
        card.correct_button.clicked.connect(self.do.ask_correction)
        self.walk_in.register.clicked.connect(self.do.register_walk_in)
        self.walk_in.print_again.clicked.connect(self.do.print_walk_in_again)
        self.walk_in.show_attendee.clicked.connect(self.do.show_walk_in)
        self.walk_in.different.clicked.connect(self.do.register_different)
        self.walk_in.new.clicked.connect(self.do.forget_walk_in)

    def retranslate(self, code: str = "") -> None:
        """Every text set once in a constructor, again in the current language."""
        self._retranslate_own()
        self.bar.retranslate()
        self.locked_page.retranslate()
        self.find_page.search.retranslate()
        self.find_page.card.retranslate()
        self.walk_in.retranslate()
        if code:  # switched elsewhere too (a test, a future menu): the box shows it
            self.bar.language.setCurrentIndex(max(0, self.bar.language.findData(code)))
        self.show_attendee(self.attendee)  # its status and print history in words

    def _retranslate_own(self) -> None:
        self.setWindowTitle(_t("Staff desk — {event}").format(event=self.service.event.name))
        self.tabs.setTabText(self.tabs.indexOf(self.find_page), _t("Find attendee"))
        self.tabs.setTabText(self.tabs.indexOf(self.walk_in), _t("Register walk-in"))

    # -- the staff session ---------------------------------------------------------------

    def unlocked(self) -> bool:
        return self.pin is not None

    def ask_unlock(self) -> None:
        dialog = SessionPin(self.staff_pin, self)
        if dialog.exec() == SessionPin.DialogCode.Accepted:
            self._open(dialog.entered)

    def unlock(self, pin: str) -> bool:
        """Check `pin` as the PIN pad does (wrong tries count toward the lock-out)."""
        check = self.staff_pin.check(pin)
        if check.ok:
            self._open(pin)
        elif check.locked_for > 0:
            wait = int(check.locked_for + 0.999)
            self.tell(_t("Too many wrong PINs: try again in {s} s.").format(s=wait), Tone.PROBLEM)
        else:
            self.tell(_t("Wrong staff PIN."), Tone.PROBLEM)
        return check.ok

    def _open(self, pin: str) -> None:
        self.pin = pin
        self.stack.setCurrentWidget(self.tabs)
        self.idle.start()
        self.tell(_t("Desk unlocked. Search, scan a badge or register a walk-in."), Tone.INFO)
        self.find_page.search.query.setFocus()

    def lock_desk(self) -> None:
        """Forget the PIN and the attendee on screen (the walk-in form keeps its typing)."""
        self.pin = None
        self.idle.stop()
        self.show_attendee(None)
        self.find_page.search.query.clear()
        self.find_page.search.run_search()
        self.stack.setCurrentWidget(self.locked_page)
        self.tell(_t("Locked."), Tone.INFO)

    def quit_desk(self) -> None:
        if self.options.locked:
            if PinDialog(self.staff_pin, self).exec() != PinDialog.DialogCode.Accepted:
                return
            self.lock.allow_close()
        self.close()

    def allow_close(self) -> None:
        self.lock.allow_close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.idle.isActive():
            self.idle.start()  # staff at work: the desk stays open
        return False

    # -- what the desk shows ---------------------------------------------------------------

    def tell(self, text: str, tone: Tone) -> None:
        self.status.say(text, tone)

    def _clear_problem(self) -> None:
        """A problem ("Unknown code") is over once staff search again: it must not stand
        under the attendee they found next."""
        if self.status.tone is Tone.PROBLEM:
            self.status.say("", Tone.INFO)

    def _selected(self, person: Attendee | None) -> None:
        if person is not None:
            self._clear_problem()
            self.show_attendee(person)

    def on_code_scanned(self, code: str) -> None:
        """A badge or ticket QR from the handheld scanner or the camera."""
        if not self.unlocked():
            self.tell(_t("Unlock the desk before scanning."), Tone.PROBLEM)
            return
        found = self.service.identify_scan(code)
        if isinstance(found, Found):
            self.tabs.setCurrentWidget(self.find_page)
            self.show_attendee(found.attendee)
            self.tell(_t("Scanned: {name}.").format(name=found.attendee.name), Tone.INFO)
        else:
            self.tell(say.not_found(found.reason), Tone.PROBLEM)

    def badge_state(self, attendee: Attendee) -> BadgeState:
        db = self.service.db
        revocation = attendees.revocation(db, attendee.id)
        revoked = None
        if revocation is not None and attendee.badge_issue < revocation[0]:
            revoked = revocation[1]
        flagged = any(w.attendee_id == attendee.id for w in prints.flagged_walk_ins(db))
        walk_in = flagged or prints.is_walk_in(db, attendee.id)
        return BadgeState(revoked, walk_in, flagged, prints.for_attendee(db, attendee.id))

    def show_attendee(self, attendee: Attendee | None) -> None:
        """The attendee as stored now (a print, a correction or a replacement may have
        changed them since they were listed)."""
        if attendee is not None:
            attendee = attendees.find_by_id(self.service.db, attendee.id) or attendee
        self.attendee = attendee
        if attendee is None:
            self.find_page.card.show_attendee(None, None, None)
            self.find_page.preview.set_badge(None)
            return
        kind = self.service.event.type(attendee.type)
        look = (kind.name, kind.color) if kind else None
        self.find_page.card.show_attendee(attendee, look, self.badge_state(attendee))
        code = self.service.badge_code(attendee)
        badge = badge_for(self.service.event, attendee, code, photo_dir=self.options.photo_dir)
        self.find_page.preview.set_badge(badge)

    def show_sync(self, status: SyncStatus | None) -> None:
        self.bar.show_sync(status)

    # -- printing --------------------------------------------------------------------------

    def submit(self, job: PrintJob | StaffNeeded) -> bool:
        """Send an allowed job to the print thread, or say why not."""
        if isinstance(job, StaffNeeded):
            self.tell(say.staff_needed(job.reason), Tone.PROBLEM)
            if job.reason == "bad_pin":
                self.lock_desk()
                self.tell(say.staff_needed(job.reason), Tone.PROBLEM)
            return False
        self.printer.submit(job)
        self.tell(say.printing(job.attendee.name), Tone.INFO)
        return True

    def _printed(self, job: PrintJob, error: str | None) -> None:
        self.service.record_print(job, self.output.name, error)
        name = job.attendee.name
        if error is None:
            replacement = job.reason.startswith(say.REPLACEMENT)
            self.tell(say.printed(name, "replacement" if replacement else job.kind.value), Tone.OK)
        else:
            self.tell(say.print_failed(name, error), Tone.PROBLEM)
        self.do.printed(job, error is None)
        if self.attendee is not None and self.attendee.id == job.attendee.id:
            self.show_attendee(self.attendee)

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, _t("Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        self.printer.stop()  # a badge already on its way still comes out and is logged
        super().closeEvent(event)
