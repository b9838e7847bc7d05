"""The venue board with sync: conflicts (badges admitted at two doors while offline), live,
and the hub's state in the subtitle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.store import checkins
from kiosk.store.checkins import LogRecord
from kiosk.store.db import write
from kiosk.sync.runner import SyncStatus
from kiosk.ui.board import BoardWindow
from kiosk.ui.i18n import Languages
from tests.conftest import at


def admit(db: Database, kiosk: str, attendee: str, when: str) -> None:
    """An offline admission to the keynote made at another door, merged by sync."""
    moment = at(when).isoformat(timespec="microseconds")
    record = LogRecord(
        id=f"{kiosk}-{attendee}-{when}", kiosk_id=kiosk, hall="main", session_id="keynote",
        direction="entry", verdict="admitted", reason="admitted", attendee_id=attendee,
        code=f"code-{attendee}", at=moment, delta=1,
    )  # fmt: skip
    with write(db):
        checkins.append(db, record)


@pytest.fixture
def board(qapp: QApplication, db: Database, event: Event, qm_folder: Path) -> Iterator[BoardWindow]:
    window = BoardWindow(db, event, lambda: at("14 10:05"), Languages(qapp, qm_folder), 50)
    window.resize(1280, 800)
    window.show()
    yield window
    window.close()


def panel_text(board: BoardWindow) -> list[str]:
    panel = board.conflicts
    return [panel.summary.text()] + [r.text() for r in panel.rows if r.isVisible()]


def test_no_conflicts_says_so(board: BoardWindow) -> None:
    """A calm line when no badge was admitted twice; local data only without a hub."""
    assert panel_text(board) == ["No badge admitted twice."]
    assert board.subtitle.text() == "Updated 10:05:00 · local data only"


def test_conflicts_appear_live_with_who_when_and_doors(
    board: BoardWindow, db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Two doors admitted 张伟 while offline: the board lists it; a second one merged later
    shows on the next refresh, the latest first."""
    admit(db, "k-door-a", "A1", "14 10:01")
    admit(db, "k-door-b", "A1", "14 10:02")
    qtbot.waitUntil(lambda: len(board.conflicts.conflicts) == 1, timeout=3000)
    assert panel_text(board) == [
        "1 badge admitted twice while doors were offline:",
        "张伟 · Keynote: admitted 10:01, 10:02 at 2 doors",
    ]
    admit(db, "k-door-a", "A2", "14 10:03")
    admit(db, "k-door-b", "A2", "14 10:04")
    qtbot.waitUntil(lambda: len(board.conflicts.conflicts) == 2, timeout=3000)
    assert panel_text(board) == [
        "2 badges admitted twice while doors were offline:",
        "Núria Puig i Solé · Keynote: admitted 10:03, 10:04 at 2 doors",
        "张伟 · Keynote: admitted 10:01, 10:02 at 2 doors",
    ]


def test_subtitle_shows_the_hub(board: BoardWindow) -> None:
    """With a sync thread beside it the board says its figures cover every door, and how
    fresh they are."""
    board.show_sync(SyncStatus("/media/usb/hub", True, None, 0, at("14 10:04"), None))
    assert board.subtitle.text() == (
        "Updated 10:05:00 · all doors through the hub: Online · synced 10:04"
    )
