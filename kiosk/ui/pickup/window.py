"""PickupWindow: the attendee's badge pickup, from the welcome tap to "take your badge"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import QInputDialog, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.attendee import Attendee
from kiosk.printing.badge import badge_for
from kiosk.printing.painter import BadgePainter
from kiosk.service.pickup import (
    BadgeOutput,
    Found,
    NameNeedsStaff,
    NotFound,
    PickupError,
    PickupService,
    Printed,
    PrintJob,
    StaffNeeded,
)
from kiosk.service.staff_pin import StaffPin
from kiosk.ui.lockdown import WindowLock
from kiosk.ui.pickup.pages import (
    CorrectPage,
    IdentifyPage,
    LockedPage,
    MessagePage,
    NamePage,
    PreviewPage,
    WelcomePage,
)
from kiosk.ui.pickup.texts import REPRINT_REASONS, text
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.print_worker import PrintWorker

_INPUT_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin}
_REFUSALS = {"cancelled": "why_cancelled", "revoked": "why_cancelled"}
# A printer's failure codes (kiosk.printing.output) in words an attendee understands; the
# code itself goes to the print log for staff, never onto the attendee's screen.
_PRINTER_UNAVAILABLE = ("printer_missing", "job_refused")


@dataclass(frozen=True)
class PickupOptions:
    idle_ms: int = 45_000  # back to welcome when nobody touches the screen
    done_ms: int = 8_000  # how long "take your badge" stays
    locked: bool = True  # full screen, Escape and closing refused until staff allow it
    photo_dir: Path | None = None


class PinEntry(PinDialog):
    """The door screen's PIN pad, handing the digits to the pickup service to check
    (the service logs who authorised the reprint and applies the lock-out)."""

    entered = ""

    def submit(self) -> None:
        self.entered = self.entry.text()
        self.entry.clear()
        self.accept()


class PickupWindow(QWidget):
    page_changed = Signal(str)

    def __init__(
        self,
        service: PickupService,
        output: BadgeOutput,
        painter: BadgePainter,
        options: PickupOptions | None = None,
        staff_pin: StaffPin | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.output, self.painter = service, output, painter
        self.staff_pin = staff_pin or StaffPin(service.db)
        self.options = options or PickupOptions()
        self.lang = "en"
        self.attendee: Attendee | None = None
        self.lock = WindowLock(self, self.options.locked)
        self.printer = PrintWorker(output, self._printed, self)
        self.setWindowTitle("Badge pickup")
        self.welcome = WelcomePage(service.event.name, self)
        self.identify = IdentifyPage(self)
        self.name_page = NamePage(self)
        self.preview = PreviewPage(painter, self)
        self.correct = CorrectPage(self)
        self.message = MessagePage(self)
        self.locked_page = LockedPage(self)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {
            "welcome": self.welcome,
            "identify": self.identify,
            "name": self.name_page,
            "preview": self.preview,
            "correct": self.correct,
            "message": self.message,
            "locked": self.locked_page,
        }
        for page in self.pages.values():
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(self.options.idle_ms)
        self.idle.timeout.connect(self.reset)
        self._wire()
        self.reset()

    def _wire(self) -> None:
        self.welcome.language_chosen.connect(self.start)
        self.identify.type_name.clicked.connect(lambda: self.show_page("name"))
        self.identify.back.clicked.connect(self.reset)
        self.name_page.find_button.clicked.connect(self.find_by_name)
        self.name_page.secret.returnPressed.connect(self.find_by_name)
        self.name_page.back.clicked.connect(lambda: self.show_page("identify"))
        self.preview.print_button.clicked.connect(lambda: self.print_badge())
        self.preview.correct_button.clicked.connect(self.start_correction)
        self.preview.not_me.clicked.connect(self.reset)
        self.preview.staff_button.clicked.connect(self.staff_reprint)
        self.correct.save.clicked.connect(lambda: self.save_correction())
        self.correct.staff.clicked.connect(self.staff_correction)
        self.correct.cancel.clicked.connect(lambda: self.show_page("preview"))
        self.message.done.clicked.connect(self.reset)
        self.welcome.staff.clicked.connect(self.staff_exit)
        self.locked_page.staff.clicked.connect(self.staff_unlock)

    # -- flow ----------------------------------------------------------------------------

    def show_page(self, name: str, timeout_ms: int | None = None) -> None:
        """Show a page with its own idle timeout (the attendee's, unless `timeout_ms`):
        the interval is set on every page change, so a short one (the "take your badge"
        screen's) never carries over to the next attendee."""
        self.stack.setCurrentWidget(self.pages[name])
        self.idle.start(self.options.idle_ms if timeout_ms is None else timeout_ms)
        self.page_changed.emit(name)

    def current_page(self) -> str:
        return next(k for k, v in self.pages.items() if v is self.stack.currentWidget())

    def reset(self) -> None:
        """Back to the welcome screen, forgetting the attendee and everything typed; to
        "please ask staff" instead while the kiosk is locked (a restart keeps the lock)."""
        self.attendee = None
        self.name_page.clear()
        self.preview.set_badge(None)
        self.lang = "en"
        self.name_page.code_length = self.service.code_length()
        self.retranslate()
        if self.service.locked():
            self.show_locked()
            return
        self.show_page("welcome")
        self.idle.stop()  # the welcome screen waits as long as it takes

    def show_locked(self) -> None:
        """The kiosk waits for staff: nothing typed stays, no timeout leads away."""
        self.attendee = None
        self.name_page.clear()
        self.locked_page.retranslate(self.lang)
        self.locked_page.say("")
        self.show_page("locked")
        self.idle.stop()

    def staff_unlock(self) -> None:
        """Staff lift the lock-out with their PIN (the service checks it, its own
        lock-out applies); a wrong PIN says so and the kiosk stays locked."""
        dialog = PinEntry(self.staff_pin, self)
        if dialog.exec() != PinEntry.DialogCode.Accepted:
            return
        if self.service.unlock(dialog.entered):
            self.reset()
        else:
            self.locked_page.say(text(self.lang, "wrong_pin"))

    def start(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self.show_page("identify")

    def retranslate(self) -> None:
        pages = (self.identify, self.name_page, self.preview, self.correct, self.message)
        for page in (*pages, self.locked_page):
            page.retranslate(self.lang)

    def on_code_scanned(self, code: str) -> None:
        """A QR from the camera or a handheld scanner: only heard while identifying."""
        if self.current_page() in ("welcome", "identify", "name"):
            self._identified(self.service.identify_scan(code))

    def set_camera(self, available: bool) -> None:
        """Whether a camera is watching: without one the attendee is told to use the
        handheld scanner, never to show their code to a camera that is not there."""
        self.identify.camera_available = available
        self.identify.retranslate(self.lang)

    def show_frame(self, frame: QImage) -> None:
        """Connect CameraThread.frame_ready here for the live preview while identifying."""
        if self.current_page() == "identify":
            self.identify.show_frame(frame)

    def find_by_name(self) -> None:
        surname, secret = self.name_page.values()
        found = self.service.identify_name(surname, secret)
        if isinstance(found, NotFound) and found.reason in ("no_match", "ambiguous"):
            self.name_page.say(text(self.lang, "no_match"))
        elif isinstance(found, NotFound) and found.reason == "too_short":
            self.name_page.say(text(self.lang, "too_short", n=self.service.code_length()))
        elif isinstance(found, NotFound) and found.reason == "locked":
            self.show_locked()
        else:
            self._identified(found)

    def _identified(self, found: Found | NotFound) -> None:
        if isinstance(found, NotFound) and found.reason == "locked":
            self.show_locked()
            return
        if isinstance(found, NotFound):
            self.ask_staff(_REFUSALS.get(found.reason, "why_not_found"))
            return
        self.attendee = found.attendee
        self._show_preview(found.already_printed)

    def _show_preview(self, already_printed: bool) -> None:
        assert self.attendee is not None
        code = self.service.badge_code(self.attendee)
        badge = badge_for(self.service.event, self.attendee, code, photo_dir=self.options.photo_dir)
        self.preview.set_badge(badge)
        note = text(self.lang, "why_already_printed") if already_printed else ""
        self.preview.set_state(already_printed, note)
        self.show_page("preview")

    def start_correction(self) -> None:
        if self.attendee is not None:
            self.correct.load(self.attendee)
            self.show_page("correct")

    def save_correction(self, pin: str | None = None) -> None:
        """The attendee's spelling fix; a bigger change waits for staff (the PIN)."""
        if self.attendee is None:
            return
        first, last = self.correct.values()
        try:
            self.attendee = self.service.correct_name(self.attendee, first, last, pin=pin)
        except NameNeedsStaff as refused:
            why = {"first_name_required": "first_name_required", "bad_pin": "wrong_pin"}
            self.correct.say(text(self.lang, why.get(refused.reason, "not_spelling")), staff=True)
            return
        except PickupError:
            self.correct.say(text(self.lang, "bad_name"))
            return
        self._show_preview(self.service.needs_staff(self.attendee))

    def staff_correction(self) -> None:
        """Staff at the kiosk change the name beyond spelling with their PIN (logged)."""
        dialog = PinEntry(self.staff_pin, self)
        if dialog.exec() == PinEntry.DialogCode.Accepted:
            self.save_correction(pin=dialog.entered)

    def print_badge(self, pin: str | None = None, reason: str = "") -> None:
        """Print on the print thread; the screen says "printing" until it reports back."""
        if self.attendee is None or self.printer.busy:
            return
        job = self.service.prepare_print(self.attendee, pin=pin, reason=reason)
        if isinstance(job, StaffNeeded):
            self._show_preview(True)
            if job.reason == "bad_pin":
                self.preview.set_state(True, text(self.lang, "wrong_pin"))
            return
        self.message.show_text(text(self.lang, "printing"), detail="", done=False)
        self.show_page("message")
        self.idle.stop()  # never back to the welcome screen with a badge on its way
        self.printer.submit(job)

    def _printed(self, job: PrintJob, error: str | None) -> None:
        result = self.service.record_print(job, self.output.name, error)
        if isinstance(result, Printed):
            self.message.show_text(text(self.lang, "take_badge"), detail="", done=True)
            self.show_page("message", timeout_ms=self.options.done_ms)
        else:
            unavailable = result.record.error.startswith(_PRINTER_UNAVAILABLE)
            self.ask_staff("why_printer" if unavailable else "why_print_failed")

    def staff_reprint(self) -> None:
        """Staff at the kiosk: PIN, then a reason, then the second print (all logged)."""
        dialog = PinEntry(self.staff_pin, self)
        if dialog.exec() != PinEntry.DialogCode.Accepted:
            return
        reason, ok = QInputDialog.getItem(
            self, text(self.lang, "reason"), text(self.lang, "reason"), REPRINT_REASONS, 0, True
        )
        if ok and reason.strip():
            self.print_badge(pin=dialog.entered, reason=reason)

    def staff_exit(self) -> None:
        """The only way out of the locked pickup screen: the staff PIN."""
        if PinDialog(self.staff_pin, self).exec() == PinDialog.DialogCode.Accepted:
            self.allow_close()
            self.close()

    def ask_staff(self, why: str) -> None:
        """'Please ask staff' and why, in plain words (the machine reason is in the log)."""
        self.message.show_text(text(self.lang, "ask_staff"), detail=text(self.lang, why), done=True)
        self.show_page("message")

    # -- locked down ---------------------------------------------------------------------

    def allow_close(self) -> None:
        self.lock.allow_close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.printer.stop()  # a badge already on its way still comes out and is logged
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.idle.isActive():
            self.idle.start()  # any touch keeps the attendee's screen up
        return False
