"""The door's manual admission: what a scan would decide is shown, a refusal is overridden
only after a confirmation, and the verdict says which rule staff overrode."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.store import checkins
from kiosk.ui.search_dialog import SearchDialog


def _search(door: Door, db: Database, text: str) -> SearchDialog:
    dialog = SearchDialog(db, door.service.event, door.window, preview=door.window.would_decide)
    dialog.admit_requested.connect(door.window.admit_manually)
    dialog.query.setText(text)
    dialog.run_search()
    dialog.table.selectRow(0)
    return dialog


def test_a_refused_person_needs_a_confirmed_override(
    make_door: Callable[..., Door], db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Jürgen (Visitor) chosen at the main hall: 'Visitor badges have no access', the
    button says 'Admit anyway'; Cancel in the confirmation admits nobody; confirming
    admits him with the rule overridden on record and on screen."""
    door = make_door(hall="main")
    dialog = _search(door, db, "jurgen")
    qtbot.addWidget(dialog)
    rule = "Visitor badges have no access to this hall."
    assert dialog.verdict.text() == f"A scan would refuse: {rule}"
    assert dialog.admit.text() == "Admit anyway…"

    QTimer.singleShot(0, lambda: dialog.confirmation.cancel.click())
    with qtbot.assertNotEmitted(dialog.admit_requested):
        dialog.admit.click()
    assert "Visitor badges have no access" in dialog.confirmation.text.text()
    assert checkins.count(db) == 0

    QTimer.singleShot(0, lambda: dialog.confirmation.confirm.click())
    with qtbot.waitSignal(door.window.decided, timeout=5000) as blocker:
        dialog.admit.click()
    decision = blocker.args[0]
    assert decision.reason == "override_type_not_allowed"
    assert door.window.panel.headline.text() == "ADMIT (STAFF)"
    assert door.window.panel.reason.text() == (
        "Admitted by staff despite: This badge type has no access to this hall."
        " The reason is logged."
    )


def test_an_admissible_person_is_admitted_without_a_question(
    make_door: Callable[..., Door], db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Núria (Delegate) at the keynote: 'A scan would admit', no confirmation, staff_override."""
    door = make_door(hall="main")
    dialog = _search(door, db, "nuria")
    qtbot.addWidget(dialog)
    assert dialog.verdict.text() == "A scan would admit Núria Puig i Solé."
    with qtbot.waitSignal(door.window.decided, timeout=5000) as blocker:
        dialog.admit.click()
    assert blocker.args[0].reason == "staff_override"
