"""Search results tell namesakes apart: company, type, a masked e-mail and, at the door,
whether each is inside the session now."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.attendee import Attendee, masked_email
from kiosk.domain.decision import Decision
from kiosk.store import attendees
from kiosk.store.db import write
from kiosk.ui.search_dialog import SearchDialog

NAMESAKES = [
    Attendee("H1", "Hans-Jürgen", "Müller", "Siemens", "hj.mueller@siemens", "delegate"),
    Attendee("H2", "Hans-Jürgen", "Müller", "Bosch", "hans@bosch", "visitor"),
    Attendee("H3", "Hans-Jürgen", "Müller", "", "hjm@web", "staff"),
]


def test_masked_email_keeps_a_little_of_each_part() -> None:
    """First and last letter of the name, the start of the domain."""
    assert [masked_email(a.email) for a in NAMESAKES] == [
        "h***r@si***",
        "h***s@bo***",
        "h***m@we***",
    ]
    assert (masked_email(""), masked_email("x")) == ("", "***")


def test_three_namesakes_are_told_apart(
    make_door: Callable[..., Door],
    db: Database,
    scan: Callable[[Door, str], Decision],
    code_for: Callable[..., str],
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    """Three Hans-Jürgen Müller: rows differ by company, type, masked e-mail and Here
    (the one admitted to the keynote is Inside), and no full e-mail is shown."""
    with write(db):
        for person in NAMESAKES:
            attendees.save(db, person)
    door = make_door()
    scan(door, code_for("H1"))
    dialog = SearchDialog(db, door.service.event, door.window, presence=door.window.presence_text)
    qtbot.addWidget(dialog)
    dialog.query.setText("hans-jurgen muller")
    dialog.run_search()
    table = dialog.table
    rows = sorted(
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    )
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Name", "Company", "Type", "E-mail", "Here",
    ]  # fmt: skip
    assert rows == [
        ("Hans-Jürgen Müller", "", "Staff", "h***m@we***", "Not in yet"),
        ("Hans-Jürgen Müller", "Bosch", "Visitor", "h***s@bo***", "Not in yet"),
        ("Hans-Jürgen Müller", "Siemens", "Delegate", "h***r@si***", "Inside"),
    ]
