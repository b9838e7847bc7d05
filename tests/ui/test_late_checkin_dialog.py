"""The door's late check-in dialog (补签到, GB 50799-2012 12.2.5): behind the staff menu,
staff pick the person, a session of this hall that opened today, a reason, and record
one after another; the service's refusals are said in the UI language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.service.checkin import CheckInService
from kiosk.service.late_checkin import late_checkins, record_late_checkin
from kiosk.store import checkins
from kiosk.ui.i18n import Languages
from kiosk.ui.late_checkin_dialog import LateCheckinDialog, opened_sessions
from kiosk.ui.staff_dialog import StaffDialog
from tests.conftest import at

NOW = at("14 12:00")


@pytest.fixture
def window(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1280, 800)
    return parent


@pytest.fixture
def chinese(qapp: QApplication, qm_folder: Path) -> Iterator[Languages]:
    languages = Languages(qapp, qm_folder)
    assert languages.switch("zh_CN")
    yield languages
    languages.switch("en")


def dialog_for(db: Database, event: Event, parent: QWidget, qtbot) -> LateCheckinDialog:  # type: ignore[no-untyped-def]
    def record(attendee: str, session: str, reason: str, when) -> None:  # type: ignore[no-untyped-def]
        record_late_checkin(db, event, attendee, session, reason, when, clock=lambda: NOW)

    dialog = LateCheckinDialog(db, event, "main", NOW, record, parent)
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog: LateCheckinDialog, name: str) -> None:
    dialog.search.query.setText(name)
    dialog.search.run_search()
    dialog.search.table.selectRow(0)


def test_the_staff_menu_offers_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The door's staff menu has a 'Late check-in…' button."""
    menu = StaffDialog(False, False, False, ["en"])
    qtbot.addWidget(menu)
    assert menu.buttons["late_checkin"].text() == "Late check-in…"


def test_only_sessions_of_this_hall_that_opened_today_are_offered(event: Event) -> None:
    """At 12:00 in `main`: the keynote (the workshop opens at 13:30, the gala tomorrow)."""
    assert [s.id for s in opened_sessions(event, "main", NOW)] == ["keynote"]
    assert [s.id for s in opened_sessions(event, "main", at("14 15:00"))] == [
        "workshop", "keynote"
    ]  # fmt: skip


def test_records_one_after_another_and_nobody_is_inside(
    db: Database, event: Event, window: QWidget, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Carl then Núria from the paper list, the first with a time: two late check-ins with
    the reason chosen, the confirmation names the person, occupancy stays 0."""
    dialog = dialog_for(db, event, window, qtbot)
    dialog.reason.setCurrentIndex(2)
    choose(dialog, "Carl")
    dialog.time.setText("10:20")
    dialog.save.click()
    assert dialog.message.text() == "Late check-in recorded: Carl Late, Keynote."
    choose(dialog, "Núria")
    dialog.save.click()
    found = late_checkins(db, event, "keynote")
    assert [(x.attendee_id, x.claimed_at, x.reason) for x in found] == [
        ("A2", at("14 10:00"), "From the paper sign-in list"),  # no time: the start
        ("A6", at("14 10:20"), "From the paper sign-in list"),
    ]
    assert checkins.occupancy(db, "keynote") == 0


def test_a_refusal_is_said_in_chinese_and_records_nothing(
    db: Database, event: Event, window: QWidget, qtbot, chinese: Languages
) -> None:  # type: ignore[no-untyped-def]
    """Someone a scan checked in already, a time to come, a typo in the time: said in
    the UI language, in the danger colour, nothing recorded."""
    CheckInService(db, event, clock=lambda: at("14 10:05")).scan("T-0006", "main")
    before = checkins.count(db)
    dialog = dialog_for(db, event, window, qtbot)
    choose(dialog, "Carl")
    dialog.save.click()
    assert dialog.message.text() == "此人已通过扫码签到该场次。 未作任何记录。"
    choose(dialog, "Núria")
    dialog.time.setText("12:30")
    dialog.save.click()
    assert dialog.message.text() == "该时间尚未到来。 未作任何记录。"
    dialog.time.setText("10h20")
    dialog.save.click()
    assert dialog.message.text() == "请按 时:分 输入时间，例如 10:20。"
    assert "color:" in dialog.message.styleSheet()
    assert checkins.count(db) == before


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (800, 1280)])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(
    db: Database,
    event: Event,
    qtbot,
    qapp: QApplication,
    qm_folder: Path,
    size: tuple[int, int],
    language: str,
) -> None:  # type: ignore[no-untyped-def]
    """The dialog over a door window of each size fits inside it (saved as a PNG when
    KIOSK_SHOTS names a folder, for looking at)."""
    languages = Languages(qapp, qm_folder)
    assert languages.switch(language)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        parent.resize(*size)
        dialog = dialog_for(db, event, parent, qtbot)
        choose(dialog, "Carl")
        dialog.time.setText("10:20")
        dialog.save.click()
        dialog.show()
        qtbot.wait(30)
        assert dialog.width() <= size[0] and dialog.height() <= size[1]
        assert dialog.save.isVisible() and dialog.message.text()
        folder = os.environ.get("KIOSK_SHOTS")
        if folder:
            dialog.grab().save(str(Path(folder) / f"late-{language}-{size[0]}x{size[1]}.png"))
    finally:
        languages.switch("en")
