"""The pickup window end to end with pytest-qt: taps, scans, preview, print, staff, timeout."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.printing.painter import BadgePainter
from kiosk.printing.template import load_template
from kiosk.service.pickup import PickupService
from kiosk.store import attendees, prints
from kiosk.store.db import write
from kiosk.ui.pickup import PickupOptions, PickupWindow, build_pickup_window
from kiosk.ui.pickup.texts import LANGS, TEXTS
from kiosk.ui.pickup.window import PinEntry
from tests.conftest import PEOPLE
from tests.printing.conftest import STAFF_PIN, FakeOutput
from tests.printing.helpers import decode_qr


@pytest.fixture
def make_window(
    qtbot: QtBot, pickup: PickupService
) -> Callable[..., tuple[PickupWindow, FakeOutput]]:
    def make(
        output: FakeOutput | None = None, **options: object
    ) -> tuple[PickupWindow, FakeOutput]:
        out = output or FakeOutput()
        window = build_pickup_window(
            pickup,
            out,
            BadgePainter(load_template()),
            PickupOptions(**options),  # type: ignore[arg-type]
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.allow_close()  # the tests close it; locking is tested on its own
        return window, out

    return make


def print_and_wait(qtbot: QtBot, window: PickupWindow, button: QPushButton | None = None) -> None:
    """Tap print (or `button`) and wait for the print thread to report back."""
    qtbot.mouseClick(button or window.preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.printer.busy == 0, timeout=5000)


def shown_text(window: PickupWindow) -> str:
    """Every word a person can read on the window right now."""
    texts = [w.text() for w in window.findChildren(QLabel) if w.isVisibleTo(window)]
    texts += [w.text() for w in window.findChildren(QLineEdit) if w.isVisibleTo(window)]
    return "\n".join(texts)


def test_scan_preview_print(
    qtbot: QtBot,
    make_window: Callable[..., tuple[PickupWindow, FakeOutput]],
    code_for: Callable[..., str],
) -> None:
    """Tap a language, scan the e-mail's QR, see the own badge, print, 'take your badge'."""
    window, output = make_window()
    qtbot.mouseClick(window.welcome.buttons["de"], Qt.MouseButton.LeftButton)
    assert window.current_page() == "identify"
    assert window.identify.title.text() == TEXTS["show_qr"]["de"]
    window.on_code_scanned(code_for("A3", "visitor"))
    assert window.current_page() == "preview"
    assert window.preview.badge.badge is not None
    assert window.preview.badge.badge.name == "Jürgen Groß"
    qtbot.mouseClick(window.preview.print_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "message"
    assert window.message.headline.text() == TEXTS["printing"]["de"]
    qtbot.waitUntil(lambda: window.message.headline.text() == TEXTS["take_badge"]["de"])
    assert output.printed == [("A3", code_for("A3", "visitor"))]


def test_surname_and_secret(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]], db: Database
) -> None:
    """Typing the surname and the start of the booking code finds the attendee."""
    with write(db):
        attendees.save(db, replace(PEOPLE[0], ticket_code="ZH7K-M2QP-9A"))
    window, _ = make_window()
    qtbot.mouseClick(window.welcome.buttons["zh_CN"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.identify.type_name, Qt.MouseButton.LeftButton)
    assert window.current_page() == "name"
    window.name_page.surname.setText("张")  # CJK arrives through an input method, not keys
    qtbot.keyClicks(window.name_page.secret, "zh7k-m2")
    qtbot.mouseClick(window.name_page.find_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "preview"
    assert window.preview.title.text() == TEXTS["is_this_you"]["zh_CN"]
    assert window.attendee == replace(PEOPLE[0], ticket_code="ZH7K-M2QP-9A")


def test_no_list_of_others(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """A surname without a matching secret shows a message and nobody's name or e-mail."""
    window, _ = make_window()
    qtbot.mouseClick(window.welcome.buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.identify.type_name, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.name_page.surname, "Groß")
    qtbot.keyClicks(window.name_page.secret, "xyzxyz")  # six characters: the code's minimum
    qtbot.mouseClick(window.name_page.find_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "name"
    assert window.name_page.message.text() == TEXTS["no_match"]["en"]
    visible = shown_text(window)
    for person in PEOPLE:
        assert person.first_name not in visible and person.email not in visible


def test_a_run_of_failures_asks_for_staff_and_stays(
    qtbot: QtBot,
    make_window: Callable[..., tuple[PickupWindow, FakeOutput]],
    pickup: PickupService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Five wrong codes send the kiosk to "please ask staff": scans, the idle timeout and
    a new window (a restart) keep it there, a wrong PIN does not lift it, the PIN does."""
    window, _ = make_window(idle_ms=50)
    qtbot.mouseClick(window.welcome.buttons["de"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.identify.type_name, Qt.MouseButton.LeftButton)
    for _ in range(5):
        window.name_page.surname.setText("Groß")
        window.name_page.secret.setText("xyzxyz")
        qtbot.mouseClick(window.name_page.find_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "locked"
    assert TEXTS["locked"]["de"] in window.locked_page.detail.text()
    assert window.name_page.values() == ("", "")
    visible = shown_text(window)
    assert not [p.id for p in PEOPLE if p.name in visible or p.email in visible]
    window.on_code_scanned("T-0003")
    qtbot.wait(120)  # longer than the idle timeout
    restarted, _ = make_window()
    assert (window.current_page(), restarted.current_page()) == ("locked", "locked")
    typed = iter(["000000", STAFF_PIN])

    def staff_types(dialog: PinEntry) -> int:
        dialog.entered = next(typed)
        return PinEntry.DialogCode.Accepted.value

    monkeypatch.setattr(PinEntry, "exec", staff_types)
    qtbot.mouseClick(window.locked_page.staff, Qt.MouseButton.LeftButton)
    wrong = (window.current_page(), window.locked_page.message.text())
    qtbot.mouseClick(window.locked_page.staff, Qt.MouseButton.LeftButton)
    assert (wrong, window.current_page(), pickup.locked()) == (
        ("locked", TEXTS["wrong_pin"]["de"]),
        "welcome",
        False,
    )


def test_name_correction(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]], db: Database
) -> None:
    """The attendee fixes the spelling; the preview shows it and the log keeps both."""
    window, _ = make_window()
    qtbot.mouseClick(window.welcome.buttons["en"], Qt.MouseButton.LeftButton)
    window.on_code_scanned("T-0002")
    qtbot.mouseClick(window.preview.correct_button, Qt.MouseButton.LeftButton)
    assert window.correct.last.text() == "Puig i Solé"
    window.correct.first.setText("Núria Maria")
    qtbot.mouseClick(window.correct.save, Qt.MouseButton.LeftButton)
    assert window.current_page() == "preview"
    assert window.preview.badge.badge is not None
    assert window.preview.badge.badge.name == "Núria Maria Puig i Solé"
    [entry] = prints.corrections_for(db, "A2")
    assert (entry.original_first, entry.corrected_first) == ("Núria", "Núria Maria")


def test_second_pickup_needs_staff(
    qtbot: QtBot,
    make_window: Callable[..., tuple[PickupWindow, FakeOutput]],
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A badge printed before shows 'ask staff'; staff print again with PIN and reason."""
    window, output = make_window()
    window.on_code_scanned("T-0001")
    print_and_wait(qtbot, window)
    window.reset()
    window.on_code_scanned("T-0001")
    assert window.preview.print_button.isHidden() and not window.preview.staff_button.isHidden()
    assert window.preview.note.text() == TEXTS["why_already_printed"]["en"]

    def staff_types_pin(dialog: PinEntry) -> int:
        dialog.entered = STAFF_PIN
        return PinEntry.DialogCode.Accepted.value

    monkeypatch.setattr(PinEntry, "exec", staff_types_pin)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("lost badge", True))
    print_and_wait(qtbot, window, window.preview.staff_button)
    assert window.current_page() == "message"
    assert [(r.kind, r.reason, r.staff) for r in prints.for_attendee(db, "A1")] == [
        ("first", "", False),
        ("reprint", "lost badge", True),
    ]
    assert len(output.printed) == 2


def test_wrong_staff_pin_prints_nothing(
    qtbot: QtBot,
    make_window: Callable[..., tuple[PickupWindow, FakeOutput]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A wrong PIN leaves the badge unprinted and says so."""
    window, output = make_window()
    window.on_code_scanned("T-0001")
    print_and_wait(qtbot, window)
    window.on_code_scanned("T-0001")
    window.reset()
    window.on_code_scanned("T-0001")

    def wrong_pin(dialog: PinEntry) -> int:
        dialog.entered = "0000"
        return PinEntry.DialogCode.Accepted.value

    monkeypatch.setattr(PinEntry, "exec", wrong_pin)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("other", True))
    qtbot.mouseClick(window.preview.staff_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "preview"
    assert window.preview.note.text() == TEXTS["wrong_pin"]["en"]
    assert len(output.printed) == 1


def test_printer_failure_asks_staff(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]], db: Database
) -> None:
    """A failing printer: 'please ask staff', the badge not marked printed."""
    window, _ = make_window(FakeOutput(error="printer_missing"))
    window.on_code_scanned("T-0003")
    print_and_wait(qtbot, window)
    assert window.message.headline.text() == TEXTS["ask_staff"]["en"]
    assert window.message.detail.text() == TEXTS["why_printer"]["en"]
    assert not prints.has_printed(db, "A3")


@pytest.mark.parametrize("error", ["pdf_not_written", "job_failed", "printer_error: OSError"])
@pytest.mark.parametrize("lang", LANGS)
def test_printer_failure_in_plain_words(
    qtbot: QtBot,
    make_window: Callable[..., tuple[PickupWindow, FakeOutput]],
    db: Database,
    error: str,
    lang: str,
) -> None:
    """Whatever the printer's failure code, the attendee reads plain words in their
    language and never the code; the log keeps the code for staff."""
    window, _ = make_window(FakeOutput(error=error))
    window.start(lang)
    window.on_code_scanned("T-0003")
    print_and_wait(qtbot, window)
    assert window.message.detail.text() == TEXTS["why_print_failed"][lang]
    assert error.split(":")[0] not in shown_text(window) and "(" not in shown_text(window)
    assert [r.error for r in prints.for_attendee(db, "A3")] == [error]


def test_unknown_code_shows_no_machine_reason(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """A refused scan says why in words, not as 'unknown_code'."""
    window, _ = make_window()
    window.on_code_scanned("T-9999")
    assert window.message.detail.text() == TEXTS["why_not_found"]["en"]
    assert "_" not in shown_text(window)


def test_without_a_camera_the_scanner_is_named(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """With no camera the identify page never asks to show the code to the camera."""
    window, _ = make_window()
    window.set_camera(False)
    for lang in LANGS:
        window.start(lang)
        assert window.identify.title.text() == TEXTS["show_qr_scanner"][lang]
        window.reset()
    window.set_camera(True)
    window.start("de")
    assert window.identify.title.text() == TEXTS["show_qr"]["de"]


def test_unknown_code_asks_staff(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """A code nobody has leads to 'ask staff', not to any attendee."""
    window, _ = make_window()
    window.on_code_scanned("T-9999")
    assert window.current_page() == "message"
    assert window.attendee is None


def test_scans_are_ignored_on_the_preview(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """Someone else's QR held up behind the attendee does not replace their preview."""
    window, _ = make_window()
    window.on_code_scanned("T-0003")
    window.on_code_scanned("T-0002")
    assert window.attendee == PEOPLE[2]


def test_idle_timeout_returns_to_welcome(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """Walking away from the preview returns to the welcome screen and forgets the attendee."""
    window, _ = make_window(idle_ms=50)
    window.on_code_scanned("T-0003")
    with qtbot.waitSignal(window.page_changed, timeout=2000) as blocker:
        pass
    assert blocker.args == ["welcome"]
    assert window.attendee is None and window.preview.badge.badge is None


def test_done_screen_returns_to_welcome(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """After 'take your badge' the kiosk is ready for the next person by itself."""
    window, _ = make_window(done_ms=50)
    window.on_code_scanned("T-0003")
    with qtbot.waitSignal(
        window.page_changed, timeout=2000, check_params_cb=lambda p: p == "welcome"
    ):
        qtbot.mouseClick(window.preview.print_button, Qt.MouseButton.LeftButton)


def test_locked_window_refuses_to_close(qtbot: QtBot, pickup: PickupService) -> None:
    """Locked down: closing is refused until staff allow it."""
    window = build_pickup_window(pickup, FakeOutput(), BadgePainter(load_template()))
    qtbot.addWidget(window)
    window.show()
    assert not window.close() and window.isVisible()
    window.allow_close()
    assert window.close()


def test_every_text_in_every_language() -> None:
    """Each pickup text exists in English, Simplified Chinese and German."""
    missing = [(key, lang) for key, entry in TEXTS.items() for lang in LANGS if not entry.get(lang)]
    assert missing == []


class SlowOutput(FakeOutput):
    """A printer that takes its time, like one waking up."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def print_badge(self, attendee: Attendee, code: str | None) -> str | None:
        time.sleep(self.seconds)
        return super().print_badge(attendee, code)


def test_screen_keeps_answering_while_the_badge_prints(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]], db: Database
) -> None:
    """A slow printer does not freeze the screen, a second tap prints nothing more, and the
    idle timeout does not send the attendee back to the welcome screen mid-print."""
    window, output = make_window(SlowOutput(0.6), idle_ms=100)
    window.on_code_scanned("T-0003")
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.mouseClick(window.preview.print_button, Qt.MouseButton.LeftButton)
    window.print_badge()  # an impatient second tap
    qtbot.wait(300)
    assert (window.current_page(), window.message.headline.text()) == (
        "message",
        TEXTS["printing"]["en"],
    )
    assert len(ticks) >= 5  # the event loop ran while the printer worked
    qtbot.waitUntil(lambda: window.printer.busy == 0, timeout=5000)
    assert window.message.headline.text() == TEXTS["take_badge"]["en"]
    assert len(output.printed) == 1 and len(prints.for_attendee(db, "A3")) == 1


def test_closing_mid_print_still_logs_the_badge(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]], db: Database
) -> None:
    """Staff closing the kiosk while a badge is on its way: it comes out and is logged."""
    window, output = make_window(SlowOutput(0.3))
    window.on_code_scanned("T-0003")
    qtbot.mouseClick(window.preview.print_button, Qt.MouseButton.LeftButton)
    assert window.close()
    assert output.printed == [("A3", window.service.badge_code(PEOPLE[2]))]
    assert prints.has_printed(db, "A3")


def test_next_attendee_keeps_the_full_idle_timeout(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """The short 'take your badge' timeout never carries over to the next attendee's pages."""
    window, _ = make_window(idle_ms=45_000, done_ms=50)
    window.on_code_scanned("T-0003")
    with qtbot.waitSignal(
        window.page_changed, timeout=3000, check_params_cb=lambda p: p == "welcome"
    ):
        print_and_wait(qtbot, window)
    qtbot.mouseClick(window.welcome.buttons["en"], Qt.MouseButton.LeftButton)
    assert (window.current_page(), window.idle.interval()) == ("identify", 45_000)
    window.on_code_scanned("T-0002")
    qtbot.wait(200)  # several times the done screen's timeout
    assert (window.current_page(), window.idle.interval()) == ("preview", 45_000)


def test_preview_never_shows_a_scannable_code(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]]
) -> None:
    """After a print, scanning again shows the badge with a stand-in QR nobody can scan,
    while the printed badge's QR (the same painter without the stand-in) still decodes."""
    window, output = make_window()
    window.on_code_scanned("T-0003")
    print_and_wait(qtbot, window)
    window.reset()
    window.on_code_scanned("T-0003")
    assert window.current_page() == "preview"
    preview = window.preview.badge
    preview.resize(900, 1270)  # larger than any screen shows it: the easiest to decode
    shot = preview.grab().toImage()
    assert preview.painted is not None and preview.painted.qr_rect is not None
    assert decode_qr(shot) == []
    real = QImage(shot.size(), QImage.Format.Format_RGB32)
    qp = QPainter(real)
    assert preview.badge is not None
    preview.badge_painter.paint(qp, preview.badge_rect(), preview.badge)
    qp.end()
    assert decode_qr(real) == [output.printed[0][1]]


def test_name_correction_on_the_on_screen_keyboard(
    qtbot: QtBot, make_window: Callable[..., tuple[PickupWindow, FakeOutput]], db: Database
) -> None:
    """'Correct my name' shows the on-screen keyboard; taps on its keys fix the spelling."""
    window, _ = make_window()
    window.on_code_scanned("T-0003")  # Jürgen Groß
    qtbot.mouseClick(window.preview.correct_button, Qt.MouseButton.LeftButton)
    keyboard = window.correct.keyboard
    assert keyboard.isVisible() and keyboard.target is window.correct.first
    qtbot.mouseClick(window.correct.last, Qt.MouseButton.LeftButton)
    assert keyboard.target is window.correct.last
    qtbot.mouseClick(keyboard.letter_keys["-"], Qt.MouseButton.LeftButton)
    for letter in "meier":
        qtbot.mouseClick(keyboard.letter_keys[letter], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keyboard.enter, Qt.MouseButton.LeftButton)
    assert window.current_page() == "preview"
    assert window.attendee is not None and window.attendee.last_name == "Groß-Meier"


def test_name_correction_refuses_another_name(
    qtbot: QtBot,
    make_window: Callable[..., tuple[PickupWindow, FakeOutput]],
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another name or a deleted first name is refused with a note and the staff button;
    staff make the change with the PIN."""
    window, _ = make_window()
    window.on_code_scanned("T-0003")
    qtbot.mouseClick(window.preview.correct_button, Qt.MouseButton.LeftButton)
    window.correct.first.setText("")
    qtbot.mouseClick(window.correct.save, Qt.MouseButton.LeftButton)
    assert window.current_page() == "correct"
    assert window.correct.message.text() == TEXTS["first_name_required"]["en"]
    window.correct.first.setText("Donald")
    window.correct.last.setText("Duck")
    qtbot.mouseClick(window.correct.save, Qt.MouseButton.LeftButton)
    assert window.current_page() == "correct"
    assert window.correct.message.text() == TEXTS["not_spelling"]["en"]
    assert window.correct.staff.isVisible()
    assert window.attendee == PEOPLE[2] and prints.corrections_for(db, "A3") == []

    def staff_types_pin(dialog: PinEntry) -> int:
        dialog.entered = STAFF_PIN
        return PinEntry.DialogCode.Accepted.value

    monkeypatch.setattr(PinEntry, "exec", staff_types_pin)
    qtbot.mouseClick(window.correct.staff, Qt.MouseButton.LeftButton)
    assert window.current_page() == "preview"
    assert window.preview.badge.badge is not None
    assert window.preview.badge.badge.name == "Donald Duck"
