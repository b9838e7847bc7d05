"""Scans arrive from the camera thread and from a handheld scanner, whatever has focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.store import checkins
from kiosk.ui.camera import CameraThread
from kiosk.ui.pin_dialog import PinDialog
from tests.ui.conftest import QrFrames


def test_camera_thread_scans_reach_the_screen(
    make_door: Callable[..., Door], code_for: Callable[..., str], qtbot, db: Database
) -> None:  # type: ignore[no-untyped-def]
    """A code shown to the (fake) camera is decided, shown and logged; the thread ends."""
    door = make_door(codes=[code_for("A1")])
    qtbot.waitUntil(lambda: door.window.panel.decision is not None, timeout=10_000)
    decision = door.window.panel.decision
    assert (decision.verdict.value, door.window.panel.headline.text()) == ("admitted", "ADMIT")
    assert checkins.count(db) == 1
    assert door.camera is not None
    qtbot.waitUntil(lambda: not door.camera.isRunning(), timeout=10_000)


def test_camera_frames_are_previewed(
    make_door: Callable[..., Door], code_for: Callable[..., str], qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Frames reach the preview as QImages."""
    door = make_door(codes=[code_for("A2")])
    qtbot.waitUntil(lambda: door.window.camera.frames_shown > 0, timeout=10_000)
    qtbot.waitUntil(lambda: not door.camera.isRunning(), timeout=10_000)  # type: ignore[union-attr]


def test_stop_ends_a_running_camera(qtbot, code_for: Callable[..., str]) -> None:  # type: ignore[no-untyped-def]
    """stop() ends the thread promptly even when the source would go on."""
    thread = CameraThread(lambda _stop: QrFrames([code_for("A1")] * 50, repeat=20))
    thread.start()
    qtbot.waitUntil(thread.isRunning, timeout=2000)
    assert thread.stop(5000)
    assert not thread.isRunning()


def test_missing_camera_says_so(make_door: Callable[..., Door], qtbot) -> None:  # type: ignore[no-untyped-def]
    """No camera: the panel tells staff to use the handheld scanner."""
    door = make_door()
    assert door.window.camera.message.text() == "No camera: use the handheld scanner"


def type_fast(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_wedge_burst_is_a_scan_and_not_typed_into_the_field(
    make_door: Callable[..., Door], code_for: Callable[..., str], qtbot
) -> None:  # type: ignore[no-untyped-def]
    """A scanner burst ending in Enter becomes a scan; the focused line edit stays empty."""
    door = make_door()
    dialog = QDialog(door.window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    field.setFocus()
    with qtbot.waitSignal(door.window.decided, timeout=3000) as blocker:
        type_fast(qtbot, field, "T-0001")
    assert (blocker.args[0].attendee.id, field.text()) == ("A1", "")
    dialog.close()


def test_slow_typing_reaches_the_field(make_door: Callable[..., Door], qtbot) -> None:  # type: ignore[no-untyped-def]
    """A person typing (keys 120 ms apart) gets their letters, and no scan happens."""
    door = make_door()
    dialog = QDialog(door.window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    field.setFocus()
    with qtbot.assertNotEmitted(door.window.decided, wait=200):
        qtbot.keyClicks(field, "jurgen", delay=120)
        qtbot.waitUntil(lambda: field.text() == "jurgen", timeout=2000)
    dialog.close()


def test_scan_while_pin_dialog_is_open_is_not_lost(
    make_door: Callable[..., Door], qtbot, db: Database
) -> None:  # type: ignore[no-untyped-def]
    """With the modal PIN pad open, a handheld scan is still decided and logged."""
    door = make_door()
    pad = PinDialog(door.window.pin, door.window)
    pad.open()
    pad.entry.setFocus()
    with qtbot.waitSignal(door.window.decided, timeout=3000):
        type_fast(qtbot, pad.entry, "T-0002")
    assert (pad.entry.text(), pad.isVisible(), checkins.count(db)) == ("", True, 1)
    pad.reject()
