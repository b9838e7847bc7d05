"""Staff functions: the PIN pad and its lock-out, search and manual admission, locked mode."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.decision import Decision
from kiosk.service.staff_pin import StaffPin
from kiosk.store import checkins
from kiosk.ui.door import DoorOptions
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.search_dialog import SearchDialog
from kiosk.ui.staff import run_action
from tests.ui.conftest import wait_decided


def test_pin_pad_accepts_the_right_pin(db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Digits typed on the pad and OK: accepted."""
    StaffPin(db).set_pin("246802")
    pad = PinDialog(StaffPin(db))
    qtbot.addWidget(pad)
    for key in "246802":
        pad.buttons[key].click()
    pad.buttons["OK"].click()
    assert pad.result() == QDialog.DialogCode.Accepted


def test_pin_pad_locks_after_wrong_pins(db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Three wrong PINs lock the pad: keys disabled, the wait shown, even the right PIN refused."""
    StaffPin(db).set_pin("246802")
    pad = PinDialog(StaffPin(db))
    qtbot.addWidget(pad)
    pad.show()
    for _ in range(3):
        pad.entry.setText("0000")
        pad.submit()
    assert (pad.buttons["1"].isEnabled(), pad.entry.isEnabled()) == (False, False)
    assert "Try again in 30 s" in pad.message.text()
    assert not StaffPin(db).check("246802").ok
    assert pad.result() != QDialog.DialogCode.Accepted


def test_staff_grace_period(make_door: Callable[..., Door], db: Database) -> None:
    """After a right PIN staff actions run without asking again for a while."""
    StaffPin(db).set_pin("246802")
    door = make_door()
    assert not door.window.staff_unlocked()
    door.window.unlock_staff()
    ran: list[int] = []
    door.window.with_staff(lambda: ran.append(1))
    assert (ran, door.window.staff_unlocked()) == ([1], True)
    door.window.lock_staff()
    assert not door.window.staff_unlocked()


def test_search_finds_accent_free_and_admits_with_reason(
    make_door: Callable[..., Door], db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """'jurgen' finds Jürgen Groß fast; admitting logs a manual admission with the reason."""
    door = make_door(hall="floor")
    dialog = SearchDialog(db, door.service.event, door.window)
    dialog.admit_requested.connect(door.window.admit_manually)
    qtbot.addWidget(dialog)
    dialog.query.setText("jurgen")
    dialog.run_search()
    assert [a.name for a in dialog.found] == ["Jürgen Groß"]
    assert dialog.last_ms < 100
    dialog.table.selectRow(0)
    dialog.reason.setCurrentText("Badge forgotten, identity checked")
    with qtbot.waitSignal(door.window.decided) as blocker:
        dialog.admit.click()
    record = checkins.get(db, blocker.args[0].record_id)
    assert record is not None
    assert (record.verdict, record.note, record.attendee_id) == (
        "manual_admission",
        "Badge forgotten, identity checked",
        "A3",
    )


def test_search_by_chinese_characters(make_door: Callable[..., Door], db: Database) -> None:
    """张伟 is found by the single character 伟."""
    door = make_door()
    dialog = SearchDialog(db, door.service.event, door.window)
    dialog.query.setText("伟")
    dialog.run_search()
    assert [a.id for a in dialog.found] == ["A1"]
    dialog.close()


def test_staff_actions(
    make_door: Callable[..., Door],
    scan: Callable[[Door, str], Decision],
    code_for: Callable[..., str],
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    """Menu actions: toggle mode, mute, choose language, undo."""
    door = make_door()
    run_action(door.window, "toggle_mode")
    run_action(door.window, "mute")
    assert (door.window.direction.value, door.sounds.muted) == ("exit", True)
    run_action(door.window, "toggle_mode")
    scan(door, code_for("A1"))
    QTimer.singleShot(0, lambda: door.window.confirmation.confirm.click())
    wait_decided(qtbot, door, lambda: run_action(door.window, "undo"))
    assert door.window.panel.headline.text() == "UNDONE"
    assert door.sounds.last == "undo"  # chosen even while muted; just not played


def test_locked_window_cannot_be_closed(make_door: Callable[..., Door]) -> None:
    """In locked mode closing the window is refused until staff quit through the PIN."""
    door = make_door(options=DoorOptions(locked=True, reduce_motion=True))
    door.window.close()
    assert door.window.isVisible()
    door.window.allow_close()
    door.window.close()
    assert not door.window.isVisible()


def test_pin_pad_counts_down(db: Database, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """When the lock-out ends the pad opens again by itself."""
    clock = [time.time()]
    pin = StaffPin(db, now=lambda: clock[0])
    pin.set_pin("246802")
    for _ in range(3):
        pin.check("0000")
    pad = PinDialog(pin)
    qtbot.addWidget(pad)
    assert not pad.entry.isEnabled()
    clock[0] += 31
    qtbot.waitUntil(pad.entry.isEnabled, timeout=3000)
