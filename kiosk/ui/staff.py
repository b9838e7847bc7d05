"""The staff menu behind the PIN: search and manual admission, undo, late check-in, mode, hall,
sound, language."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk.service.late_checkin import record_late_checkin
from kiosk.ui import verdicts
from kiosk.ui.i18n import ui_language
from kiosk.ui.late_checkin_dialog import LateCheckinDialog
from kiosk.ui.search_dialog import SearchDialog
from kiosk.ui.staff_dialog import HallChooser, StaffDialog

if TYPE_CHECKING:
    from kiosk.ui.door import DoorWindow


def open_staff_menu(door: DoorWindow) -> None:
    """Ask for the PIN (unless staff signed in within two minutes), then offer the functions."""
    door.with_staff(lambda: _menu(door))


def _menu(door: DoorWindow) -> None:
    dialog = StaffDialog(
        muted=door.sounds.muted,
        reduce_motion=door.options.reduce_motion,
        fullscreen=door.isFullScreen(),
        languages=door.languages.available(),
        parent=door,
    )
    chosen: list[str] = []
    dialog.action.connect(chosen.append)
    dialog.exec()
    if chosen:
        run_action(door, chosen[0])


def _t(text: str) -> str:
    return QCoreApplication.translate("StaffDialog", text)


def _undo(door: DoorWindow) -> None:
    """Name what will be undone and undo only that (nothing to undo: the door says so)."""
    last = door.service.undo_candidate(door.clock())
    if last is None:
        door.undo_last()
        return
    person = last.attendee
    who = (person.name or person.id) if person else _t("unknown badge")
    when = dt.datetime.fromisoformat(last.at or "").astimezone(door.kiosk_event.tz)
    session = door.kiosk_event.session(last.session) if last.session else None
    text = _t("{verdict}: {name} at {time}").format(
        verdict=verdicts.headline(last), name=who, time=when.strftime("%H:%M")
    )
    if session is not None:
        text += "\n" + session.title_in(ui_language())
    text += "\n\n" + _t("It will no longer count, and the number inside is corrected.")
    if door.ask(_t("Undo the last scan?"), text, _t("Undo")):
        door.undo_last(expect=last.record_id)


def _late_checkin(door: DoorWindow) -> None:
    """Late check-ins (补签到) for this hall's sessions of today, recorded on the GUI
    thread's own connection: a staff action in a modal dialog, off the scan path."""
    db, event = door.service.db, door.kiosk_event

    def record(attendee_id: str, session_id: str, reason: str, when: dt.datetime | None) -> None:
        record_late_checkin(db, event, attendee_id, session_id, reason, when, clock=door.clock)

    LateCheckinDialog(db, event, door.hall, door.clock(), record, door).exec()


def run_action(door: DoorWindow, name: str) -> None:
    if name == "search":
        search = SearchDialog(
            door.service.db,
            door.kiosk_event,
            door,
            preview=door.would_decide,
            presence=door.presence_text,
        )
        search.admit_requested.connect(door.admit_manually)
        search.exec()
    elif name == "undo":
        _undo(door)
    elif name == "late_checkin":
        _late_checkin(door)
    elif name == "toggle_mode":
        door.toggle_direction()
    elif name == "hall":
        chooser = HallChooser(door.kiosk_event, door.clock(), door)
        if chooser.exec() and chooser.chosen:
            door.set_hall(chooser.chosen)
    elif name == "mute":
        door.sounds.muted = not door.sounds.muted
    elif name == "motion":
        door.options.reduce_motion = not door.options.reduce_motion
    elif name == "fullscreen":
        door.options.locked = not door.isFullScreen()
        door.lock.set_locked(door.options.locked)
    elif name == "quit":
        hall = door.kiosk_event.hall(door.hall)
        if not door.ask(
            _t("Quit the kiosk?"),
            _t(
                "The door screen of {hall} closes and nobody is checked in here until"
                " it is started again."
            ).format(hall=hall.name_in(ui_language()) if hall else door.hall),
            _t("Quit the kiosk"),
        ):
            return
        door.allow_close()
        door.close()
        QApplication.quit()
    elif name.startswith("lang:"):
        door.languages.switch(name.split(":", 1)[1])
