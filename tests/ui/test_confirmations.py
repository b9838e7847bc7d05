"""Undo and "Quit the kiosk" act only after a confirmation that names what they do."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer

from kiosk.app import Door
from kiosk.domain.decision import Decision
from kiosk.ui import staff
from kiosk.ui.staff import run_action
from tests.ui.conftest import wait_decided


def answer(door: Door, confirm: bool, seen: list[str]) -> None:
    """Once the door's confirmation is open, note its text and press Undo/Quit or Cancel."""

    def press() -> None:
        dialog = door.window.confirmation
        seen.append(f"{dialog.title.text()} | {dialog.text.text()} | {dialog.confirm.text()}")
        (dialog.confirm if confirm else dialog.cancel).click()

    QTimer.singleShot(0, press)


def test_undo_names_the_scan_and_cancel_keeps_it(
    make_door: Callable[..., Door],
    scan: Callable[[Door, str], Decision],
    code_for: Callable[..., str],
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    """Undo asks 'Undo the last scan?' naming ADMIT, 张伟, the time and the session;
    Cancel leaves the admission counted; confirming undoes exactly that one."""
    door = make_door()
    scan(door, code_for("A1"))
    seen: list[str] = []
    answer(door, False, seen)
    run_action(door.window, "undo")
    qtbot.wait(50)
    assert seen == [
        "Undo the last scan? | ADMIT: 张伟 at 10:00\nKeynote\n\nIt will no longer count,"
        " and the number inside is corrected. | Undo"
    ]
    assert (door.window.panel.headline.text(), door.service.occupancy("keynote")) == ("ADMIT", 1)
    answer(door, True, seen)
    undone = wait_decided(qtbot, door, lambda: run_action(door.window, "undo"))
    assert (undone.reason, door.service.occupancy("keynote")) == ("undo_admitted", 0)


def test_quit_asks_first(
    make_door: Callable[..., Door], monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """'Quit the kiosk' names the door that stops; Cancel keeps it open, Quit closes it."""
    quits: list[int] = []
    monkeypatch.setattr(staff.QApplication, "quit", lambda: quits.append(1))
    door = make_door()
    seen: list[str] = []
    answer(door, False, seen)
    run_action(door.window, "quit")
    assert (door.window.isVisible(), quits) == (True, [])
    assert seen == [
        "Quit the kiosk? | The door screen of Main hall closes and nobody is checked in here"
        " until it is started again. | Quit the kiosk"
    ]
    answer(door, True, seen)
    run_action(door.window, "quit")
    assert (door.window.isVisible(), quits) == (False, [1])
