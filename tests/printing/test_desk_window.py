"""The staff desk window with pytest-qt: unlock, find, print, reprint, replace, walk-ins, relock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from kiosk.domain.decision import Verdict
from kiosk.domain.event import Event
from kiosk.printing.painter import BadgePainter
from kiosk.printing.template import load_template
from kiosk.service.desk import StaffDesk
from kiosk.service.staff_pin import StaffPin
from kiosk.store import attendees, prints
from kiosk.store.keyfiles import key_dir_for, write_private_key
from kiosk.ui.desk import DeskOptions, DeskWindow, build_desk_window, desk_parts
from tests.conftest import PEOPLE
from tests.printing.conftest import STAFF_PIN, Clock, FakeOutput
from tests.printing.test_desk_service import _door

MakeDesk = Callable[..., DeskWindow]


@pytest.fixture
def make_desk(qtbot: QtBot, desk: StaffDesk, db: Database) -> MakeDesk:
    """An unlocked desk window on the tiny event (the staff PIN is STAFF_PIN)."""
    pin = StaffPin(db)
    pin.set_pin(STAFF_PIN)

    def make(
        service: StaffDesk | None = None, output: FakeOutput | None = None, **options: object
    ) -> DeskWindow:
        window = build_desk_window(
            service or desk,
            output or FakeOutput(),
            BadgePainter(load_template()),
            DeskOptions(**options),  # type: ignore[arg-type]
            staff_pin=pin,
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        assert window.unlock(STAFF_PIN)
        return window

    return make


def click_and_print(qtbot: QtBot, window: DeskWindow, button: QPushButton) -> None:
    """Click a button that prints and wait for the print thread to report back."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.printer.busy == 0, timeout=5000)


def find(window: DeskWindow, text: str) -> None:
    """Type in the search box and pick the first attendee listed, as staff do."""
    window.find_page.search.query.setText(text)
    window.find_page.search.run_search()
    window.find_page.search.table.selectRow(0)


def open_walk_in(window: DeskWindow, **typed: str) -> None:
    """The walk-in tab, filled in."""
    window.tabs.setCurrentWidget(window.walk_in)
    window.walk_in.fill(**typed)


def logged(db: Database, attendee_id: str) -> list[tuple[str, str, str, bool]]:
    return [(r.kind, r.status, r.reason, r.staff) for r in prints.for_attendee(db, attendee_id)]


def test_search_select_and_print_logs_a_first_print(
    qtbot: QtBot, make_desk: MakeDesk, db: Database, output: FakeOutput
) -> None:
    """Search by name, select, print: a first print, logged, the card and status say so."""
    window = make_desk(output=output)
    find(window, "jurgen")
    assert window.attendee is not None and window.attendee.id == "A3"
    assert window.find_page.card.name.text() == "Jürgen Groß"
    assert window.find_page.preview.badge is not None
    click_and_print(qtbot, window, window.find_page.card.print_button)
    assert logged(db, "A3") == [("first", "ok", "", False)]
    assert output.printed and output.printed[0][0] == "A3"
    assert "Printed: Jürgen Groß's badge (first print)" in window.status.text()
    assert window.find_page.card.history.rowCount() == 1
    assert not window.find_page.card.print_button.isEnabled()  # the next one is a reprint


def test_reprint_needs_a_reason_and_is_logged_as_staff(
    qtbot: QtBot, make_desk: MakeDesk, db: Database, desk: StaffDesk, output: FakeOutput
) -> None:
    """A reprint without a reason is refused with a message; with one it is logged as a
    staff reprint, and the PIN typed at unlock is not asked again."""
    desk.print_badge(PEOPLE[1], output)
    window = make_desk(output=output)
    find(window, "nuria")
    card = window.find_page.card
    click_and_print(qtbot, window, card.reprint_button)
    assert "reason" in window.status.text()
    assert len(prints.for_attendee(db, "A2")) == 1
    card.reason.setEditText("damaged badge")
    click_and_print(qtbot, window, card.reprint_button)
    assert logged(db, "A2")[-1] == ("reprint", "ok", "damaged badge", True)


def test_replace_lost_badge_revokes_the_old_code_and_prints_the_new(
    qtbot: QtBot,
    make_desk: MakeDesk,
    db: Database,
    event: Event,
    desk: StaffDesk,
    output: FakeOutput,
    code_for: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Replace (confirmed): the old signed code is refused at a door, the new badge prints
    at once as a reprint 'replacement: <reason>', and scanning the old code says so."""
    desk.print_badge(PEOPLE[0], output)
    window = make_desk(output=output)
    questions: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda q: questions.append(q) or True)
    window.on_code_scanned(code_for("A1"))
    assert window.attendee is not None and window.attendee.id == "A1"
    window.find_page.card.reason.setEditText("lost on day 1")
    click_and_print(qtbot, window, window.find_page.card.replace_button)
    assert "refused" in questions[0]
    door = _door(db, event)
    assert door.scan(code_for("A1", "delegate", 1), "main").verdict is Verdict.REVOKED
    new_code = code_for("A1", "delegate", 2)
    assert output.printed[-1] == ("A1", new_code)
    assert door.scan(new_code, "main").verdict is Verdict.ADMITTED
    assert logged(db, "A1")[-1] == ("reprint", "ok", "replacement: lost on day 1", True)
    assert window.find_page.card.fields["issue"].text() == "2"
    window.on_code_scanned(code_for("A1", "delegate", 1))
    assert "replaced" in window.status.text()


def test_replace_not_confirmed_changes_nothing(
    make_desk: MakeDesk, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saying no to the confirmation keeps the old badge valid."""
    window = make_desk()
    monkeypatch.setattr(window, "confirm", lambda q: False)
    find(window, "jurgen")
    window.find_page.card.reason.setEditText("lost")
    window.find_page.card.replace_button.click()
    assert attendees.revocation(db, "A3") is None
    assert prints.for_attendee(db, "A3") == []


def test_walk_in_with_signing_key_prints_a_signed_badge(
    qtbot: QtBot, make_desk: MakeDesk, db: Database, output: FakeOutput
) -> None:
    """A walk-in is registered and their badge prints at once, with a signed code."""
    window = make_desk(output=output)
    open_walk_in(window, first_name="Marta", last_name="Vidal", company="BCN", type_id="visitor")
    click_and_print(qtbot, window, window.walk_in.register)
    walk_in = window.do.walk_in
    assert walk_in is not None and not walk_in.flagged
    assert attendees.find_by_id(db, walk_in.attendee.id) == walk_in.attendee
    assert output.printed == [(walk_in.attendee.id, walk_in.code)]
    assert walk_in.code != walk_in.attendee.ticket_code  # signed
    assert logged(db, walk_in.attendee.id) == [("walk_in", "ok", "", False)]
    assert "signed badge code" in window.walk_in.result.text()
    assert prints.flagged_walk_ins(db) == []
    assert not window.walk_in.register.isEnabled()  # no second registration by a 2nd click
    qtbot.mouseClick(window.walk_in.new, Qt.MouseButton.LeftButton)
    assert window.walk_in.edits["first_name"].text() == ""
    assert window.walk_in.register.isEnabled() and window.do.walk_in is None


def test_walk_in_without_signing_key_is_flagged(
    qtbot: QtBot, make_desk: MakeDesk, db: Database, event: Event, clock: Clock
) -> None:
    """Without the signing key the walk-in is admitted by the local ticket code and
    flagged for the organiser, and the desk says so."""
    unsigned = StaffDesk(db, event, verify_pin=lambda pin: pin == STAFF_PIN, clock=clock)
    output = FakeOutput()
    window = make_desk(service=unsigned, output=output)
    open_walk_in(window, first_name="Li", last_name="王", email="li@example.cn", type_id="delegate")
    click_and_print(qtbot, window, window.walk_in.register)
    walk_in = window.do.walk_in
    assert walk_in is not None and walk_in.flagged
    assert output.printed == [(walk_in.attendee.id, walk_in.attendee.ticket_code)]
    assert [w.attendee_id for w in prints.flagged_walk_ins(db)] == [walk_in.attendee.id]
    assert "flagged for the organiser" in window.walk_in.result.text()
    qtbot.mouseClick(window.walk_in.show_attendee, Qt.MouseButton.LeftButton)
    assert "flagged for the organiser" in window.find_page.card.fields["status"].text()


@pytest.mark.parametrize(
    ("typed", "field", "words"),
    [
        ({"first_name": " ", "last_name": ""}, "first_name", "empty"),
        ({"first_name": "Ana", "last_name": "x" * 81}, "last_name", "too long"),
        ({"first_name": "Ana", "email": "ana-at-example"}, "email", "not an e-mail"),
        ({"first_name": "Ana", "company": "X"}, "last_name", "first and a last name"),
        ({"first_name": "Ana", "last_name": "Vidal"}, "company", "e-mail or a company"),
    ],
)
def test_bad_walk_in_input_shows_a_message_by_the_field_and_saves_nothing(
    make_desk: MakeDesk,
    db: Database,
    output: FakeOutput,
    typed: dict[str, str],
    field: str,
    words: str,
) -> None:
    """Refused input: the message next to the field, the typing kept, nothing stored or printed."""
    window = make_desk(output=output)
    before = attendees.count(db)
    open_walk_in(window, **typed)
    window.walk_in.register.click()
    error = window.walk_in.errors[field]
    assert error.isVisibleTo(window) and words in error.text()
    assert "Not registered" in window.status.text()
    assert attendees.count(db) == before
    assert db.execute("SELECT count(*) FROM walk_ins").fetchone()[0] == 0
    assert output.printed == []
    assert {k: window.walk_in.edits[k].text() for k in typed} == typed
    assert window.walk_in.register.isEnabled()


def test_walk_in_of_a_registered_attendee_shows_the_match(
    qtbot: QtBot,
    make_desk: MakeDesk,
    db: Database,
    output: FakeOutput,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Jürgen Groß again with his e-mail: the desk names the registered attendee and saves
    nothing; 'Show attendee' shows him; staff register anyway only after confirming."""
    window = make_desk(output=output)
    open_walk_in(window, first_name="Jurgen", last_name="Gross", email="jurgen@example.de")
    before = attendees.count(db)
    window.walk_in.register.click()
    text = window.walk_in.result.text()
    assert "Jürgen Groß" in text and "INTEX" in text and "j•••@example.de" in text
    assert attendees.count(db) == before and output.printed == []
    assert window.walk_in.different.isVisibleTo(window)
    monkeypatch.setattr(window, "confirm", lambda q: False)
    window.walk_in.different.click()
    assert attendees.count(db) == before
    qtbot.mouseClick(window.walk_in.show_attendee, Qt.MouseButton.LeftButton)
    assert window.attendee is not None and window.attendee.id == "A3"
    window.tabs.setCurrentWidget(window.walk_in)
    monkeypatch.setattr(window, "confirm", lambda q: "different person" in q)
    click_and_print(qtbot, window, window.walk_in.different)
    walk_in = window.do.walk_in
    assert walk_in is not None and walk_in.attendee.id != "A3"
    assert attendees.count(db) == before + 1 and len(output.printed) == 1


def test_printer_failure_is_said_and_not_marked_printed(
    qtbot: QtBot, make_desk: MakeDesk, db: Database
) -> None:
    """A failed print names the reason, is logged as failed, and the badge may print again."""
    window = make_desk(output=FakeOutput(error="paper_out"))
    find(window, "jurgen")
    click_and_print(qtbot, window, window.find_page.card.print_button)
    assert "paper_out" in window.status.text() and "NOT marked printed" in window.status.text()
    assert not prints.has_printed(db, "A3")
    assert logged(db, "A3") == [("first", "failed", "", False)]
    assert window.find_page.card.print_button.isEnabled()


def test_walk_in_printer_failure_keeps_what_was_typed(
    qtbot: QtBot, make_desk: MakeDesk, db: Database
) -> None:
    """The walk-in is saved once; the printer failure keeps the form and offers to print again."""
    output = FakeOutput(error="offline")
    window = make_desk(output=output)
    open_walk_in(window, first_name="Marta", last_name="Vidal", company="BCN")
    click_and_print(qtbot, window, window.walk_in.register)
    assert window.walk_in.edits["company"].text() == "BCN"
    assert window.walk_in.print_again.isVisibleTo(window)
    assert "offline" in window.walk_in.result.text()
    output.error = None
    click_and_print(qtbot, window, window.walk_in.print_again)
    walk_in = window.do.walk_in
    assert walk_in is not None
    assert [k for k, status, _, _ in logged(db, walk_in.attendee.id)] == ["walk_in", "walk_in"]
    assert prints.has_printed(db, walk_in.attendee.id)
    assert db.execute("SELECT count(*) FROM walk_ins").fetchone()[0] == 1


def test_cancelled_attendee_cannot_print(make_desk: MakeDesk, output: FakeOutput) -> None:
    """A cancelled registration shows why and prints nothing."""
    window = make_desk(output=output)
    find(window, "gone")
    card = window.find_page.card
    assert "CANCELLED" in card.fields["status"].text()
    assert not (card.print_button.isEnabled() or card.replace_button.isEnabled())
    window.do.print_first()
    assert "cancelled" in window.status.text() and output.printed == []


def test_name_correction_is_logged(make_desk: MakeDesk, db: Database) -> None:
    """Correct name: stored, the original kept in the log, shown on the card."""
    window = make_desk()
    find(window, "jurgen")
    window.do.correct_name("Jürgen", "Gross")
    assert window.find_page.card.name.text() == "Jürgen Gross"
    assert [(c.original_last, c.corrected_last) for c in prints.corrections_for(db, "A3")] == [
        ("Groß", "Gross")
    ]


def test_idle_desk_locks_and_forgets_the_pin(qtbot: QtBot, make_desk: MakeDesk) -> None:
    """After the idle time the desk locks: no PIN kept, nobody shown, scans refused."""
    window = make_desk(idle_minutes=0.002)  # 120 ms
    find(window, "jurgen")
    qtbot.waitUntil(lambda: not window.unlocked(), timeout=3000)
    assert window.pin is None and window.attendee is None
    assert window.stack.currentWidget() is window.locked_page
    window.on_code_scanned("T-0003")
    assert window.attendee is None and "Unlock" in window.status.text()


def test_wrong_pin_does_not_unlock(make_desk: MakeDesk) -> None:
    """A wrong PIN says so and the desk stays locked."""
    window = make_desk()
    window.lock_desk()
    assert not window.unlock("0000")
    assert "Wrong staff PIN" in window.status.text() and not window.unlocked()


def test_pin_refused_by_the_service_locks_the_desk(
    qtbot: QtBot, make_desk: MakeDesk, desk: StaffDesk, output: FakeOutput
) -> None:
    """If the service refuses the session's PIN (changed since), nothing prints and the
    desk asks for the PIN again."""
    desk.print_badge(PEOPLE[1], output)
    window = make_desk(output=output)
    window.pin = "9999"  # as if the PIN had been changed since the desk was unlocked
    find(window, "nuria")
    window.find_page.card.reason.setEditText("damaged badge")
    click_and_print(qtbot, window, window.find_page.card.reprint_button)
    assert len(output.printed) == 1
    assert "refused" in window.status.text() and not window.unlocked()


def test_unknown_scan_is_explained(make_desk: MakeDesk) -> None:
    """A code nobody has: the status line says so."""
    window = make_desk()
    window.on_code_scanned("T-NOBODY")
    assert window.attendee is None and "Unknown code" in window.status.text()


def test_desk_parts_sign_only_with_the_key_beside_the_database(
    db: Database, event: Event, signing_key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    """The desk signs walk-ins only where the organiser's key file lies beside the database."""
    path = tmp_path / "kiosk.db"  # the db fixture's file
    service, _output, _painter = desk_parts(db, path, event)
    assert isinstance(service, StaffDesk) and service.signing_key is None
    write_private_key(key_dir_for(path), event.id, signing_key)
    service, _output, _painter = desk_parts(db, path, event)
    assert service.signing_key is not None
    assert service.register_walk_in("Ana", "Key", "visitor", company="K").flagged is False
