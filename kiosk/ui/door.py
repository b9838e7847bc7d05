"""DoorWindow: the hall door screen. It shows what the check-in service decides, nothing more.

Decisions run on a ScanWorker thread with its own connection (a PostgreSQL hub may take
up to 300 ms to answer a claim): the camera and the wedge only deliver codes, the window
queues them in arrival order and shows each verdict once the worker says it is recorded.
The window's own `service` (GUI thread) only reads: occupancy, and the database for search.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPropertyAnimation, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGraphicsOpacityEffect,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Decision, Direction
from kiosk.domain.event import Event
from kiosk.domain.rules import Presence
from kiosk.service.checkin import CheckInError, CheckInService
from kiosk.service.staff_pin import StaffPin
from kiosk.sync.runner import SyncStatus
from kiosk.ui.camera_view import CameraView
from kiosk.ui.dialogs import ConfirmDialog
from kiosk.ui.header import HeaderBar
from kiosk.ui.i18n import Languages, ui_language
from kiosk.ui.lockdown import WindowLock
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.scan_worker import ScanWorker
from kiosk.ui.sounds import Sounds
from kiosk.ui.staff import open_staff_menu
from kiosk.ui.verdict_panel import VerdictPanel
from kiosk.ui.verdicts import hold_seconds

STAFF_GRACE_S = 120.0  # after a right PIN, staff functions stay open this long


def _t(text: str) -> str:
    return QCoreApplication.translate("DoorWindow", text)


@dataclass
class DoorOptions:
    reset_after_s: float = 4.0
    locked: bool = False  # full screen, no way out without the PIN
    reduce_motion: bool = False
    hub_decides: bool = False  # a PostgreSQL hub arbitrates entries: say when it did not answer


class DoorWindow(QMainWindow):
    decided = Signal(object)  # every Decision shown, after it is on screen
    failed = Signal(str)  # a scan that could not be decided or recorded

    def __init__(
        self,
        service: CheckInService,
        hall: str,
        sounds: Sounds,
        languages: Languages,
        pin: StaffPin,
        clock: Callable[[], dt.datetime],
        scans: ScanWorker,
        options: DoorOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.kiosk_event = service.event
        self.hall = hall
        self.sounds = sounds
        self.languages = languages
        self.pin = pin
        self.clock = clock
        self.options = options or DoorOptions()
        self.scans = scans
        self.sync_status: SyncStatus | None = None  # None: no hub, this kiosk alone
        self.direction = Direction.ENTRY
        self._staff_until = 0.0
        self.lock = WindowLock(self, self.options.locked)
        self.setWindowTitle(_t("Kiosk door"))

        self.header = HeaderBar(self.kiosk_event)
        self.camera = CameraView()
        self.panel = VerdictPanel(self.kiosk_event)
        self.panel.hub_decides = self.options.hub_decides
        self._fade = QGraphicsOpacityEffect(self.panel)
        self._fade.setOpacity(1.0)
        self.panel.setGraphicsEffect(self._fade)
        self._fade_anim = QPropertyAnimation(self._fade, b"opacity", self)
        self._fade_anim.setDuration(180)
        body = QWidget()
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.camera, 2)
        self.body.addWidget(self.panel, 3)
        central = QWidget()
        column = QVBoxLayout(central)
        column.addWidget(self.header)
        body.setLayout(self.body)
        column.addWidget(body, 1)
        central.setObjectName("door")
        central.setStyleSheet("#door { background:#f7f8fa; }")
        self.setCentralWidget(central)

        self.scans.decided.connect(self.show_decision)
        self.scans.failed.connect(self._fail)
        self.scans.photo_ready.connect(self.panel.show_photo)
        self.header.mode_clicked.connect(lambda: self.with_staff(self.toggle_direction))
        self.header.staff_clicked.connect(lambda: open_staff_menu(self))
        self.languages.changed.connect(lambda _code: self.retranslate())
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.timeout.connect(self.panel.show_idle)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh_header)
        self._tick.start()
        self.refresh_header()

    # -- scans ---------------------------------------------------------------------------

    def on_code(self, code: str) -> None:
        """Queue one scanned code for a decision at this hall, in the current mode; the
        verdict shows once the worker has recorded it (`decided`)."""
        self.scans.scan(code, self.hall, self.direction, self.clock())

    def admit_manually(self, attendee_id: str, reason: str, override: str = "") -> None:
        """Staff admit by hand; `override` names the rule a scan would have refused them
        by, which staff saw and confirmed (SearchDialog), and the record keeps."""
        self.scans.admit_manually(attendee_id, self.hall, reason, self.clock(), override or None)

    def presence_text(self, person: Attendee) -> str:
        """Inside, left or not in yet, for the session running at this door (search)."""
        presence = self.service.presence(person.id, self.hall, self.clock())
        if presence is None:
            return ""
        return {
            Presence.INSIDE: _t("Inside"),
            Presence.LEFT: _t("Left"),
            Presence.NEVER: _t("Not in yet"),
        }[presence]

    def would_decide(self, person: Attendee) -> Decision | None:
        """What a scan of `person`'s badge would decide here now (nothing recorded)."""
        try:
            return self.service.would_decide(person.id, self.hall, self.clock())
        except CheckInError:
            return None

    def undo_last(self, expect: str | None = None) -> None:
        """Undo this kiosk's last admission or exit; `expect` is the record staff confirmed."""
        self.scans.undo_last(self.clock(), "door screen", expect)

    def ask(self, title: str, text: str, confirm: str) -> bool:
        """A confirmation over the door screen, naming what will happen: True if confirmed."""
        dialog = ConfirmDialog(title, text, confirm, self)
        self.confirmation = dialog  # tests answer it
        return dialog.exec() == ConfirmDialog.DialogCode.Accepted

    def show_decision(self, decision: Decision) -> None:
        look = self.panel.show_decision(decision)
        if not self.options.reduce_motion:
            self._fade_anim.stop()
            self._fade_anim.setStartValue(0.35)
            self._fade_anim.setEndValue(1.0)
            self._fade_anim.start()
        self.sounds.play(look.sound)
        if decision.attention:
            self.sounds.then_play("attention")  # after the verdict's sound: both heard
        hold = hold_seconds(self.options.reset_after_s, decision.attention)
        self._reset.start(round(hold * 1000))
        self.refresh_header()
        self.decided.emit(decision)

    def _fail(self, message: str) -> None:
        self.panel.show_idle()
        self.panel.headline.setText(_t("NOT RECORDED"))
        self.panel.reason.setText(_t("Please scan again. ({message})").format(message=message))
        self.sounds.play("deny")
        self._reset.start(round(self.options.reset_after_s * 1000))
        self.failed.emit(message)

    # -- state ---------------------------------------------------------------------------

    def toggle_direction(self) -> None:
        exit_ = self.direction is Direction.ENTRY
        self.direction = self.panel.direction = Direction.EXIT if exit_ else Direction.ENTRY
        self.panel.show_idle()
        self.refresh_header()

    def set_hall(self, hall: str) -> None:
        if self.kiosk_event.hall(hall) is not None:
            self.hall = hall
            self.panel.show_idle()
            self.refresh_header()

    def refresh_header(self) -> None:
        now = self.clock()
        if self.direction is Direction.EXIT:
            current = self.kiosk_event.session_for_exit(self.hall, now)
        else:
            current = self.kiosk_event.session_for_entry(self.hall, now)
        upcoming = self.kiosk_event.next_session(self.hall, now)
        hall = self.kiosk_event.hall(self.hall)
        self.header.show_state(
            hall.name_in(ui_language()) if hall else self.hall,
            now,
            current,
            upcoming,
            self.service.occupancy(current.id) if current else None,
            self.direction,
        )
        self.header.show_sync(self.sync_status)

    def show_sync(self, status: SyncStatus | None) -> None:
        """The sync thread's latest status (None: no hub configured)."""
        self.sync_status = status
        self.header.show_sync(status)

    def set_event(self, event: Event) -> None:
        """The organiser published a new event file: show its halls and sessions."""
        self.kiosk_event = self.service.event = event
        self.header.kiosk_event = self.panel.kiosk_event = event
        self.refresh_header()

    def retranslate(self) -> None:
        self.setWindowTitle(_t("Kiosk door"))
        self.panel.retranslate()
        self.camera.retranslate()
        self.refresh_header()

    # -- staff ---------------------------------------------------------------------------

    def staff_unlocked(self) -> bool:
        return time.monotonic() < self._staff_until

    def unlock_staff(self) -> None:
        self._staff_until = time.monotonic() + STAFF_GRACE_S

    def lock_staff(self) -> None:
        self._staff_until = 0.0

    def with_staff(self, action: Callable[[], object]) -> None:
        """Run `action` if staff are signed in, else after a right PIN."""
        if not self.staff_unlocked():
            dialog = PinDialog(self.pin, self)
            dialog.place_beside(self.panel)  # the verdict that made staff come stays in view
            self.pin_pad = dialog  # tests answer it
            if dialog.exec() != PinDialog.DialogCode.Accepted:
                return
            self.unlock_staff()
        action()

    def allow_close(self) -> None:
        self.lock.allow_close()  # only "Quit" behind the PIN closes a locked door screen

    # -- Qt ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        w, h = max(1, self.width()), max(1, self.height())
        portrait = h > w
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.body.setStretch(0, 2 if not portrait else 3)
        self.body.setStretch(1, 3 if not portrait else 5)
        scale = min(w / 1280, h / 800) if not portrait else min(w / 800, h / 1280) * 0.95
        scale = max(0.55, min(scale, 1.8))
        self.header.set_scale(scale)
        self.camera.set_scale(scale)
        self.panel.set_scale(scale)
