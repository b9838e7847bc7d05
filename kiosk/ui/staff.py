"""The staff menu behind the PIN: search and manual admission, undo, mode, hall, sound, language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

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


def run_action(door: DoorWindow, name: str) -> None:
    if name == "search":
        search = SearchDialog(door.service.db, door.kiosk_event, door, preview=door.would_decide)
        search.admit_requested.connect(door.admit_manually)
        search.exec()
    elif name == "undo":
        door.undo_last()
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
        door.allow_close()
        door.close()
        QApplication.quit()
    elif name.startswith("lang:"):
        door.languages.switch(name.split(":", 1)[1])
