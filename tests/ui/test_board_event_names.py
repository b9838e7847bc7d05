"""The board shows the event's own names in the UI language: hall cards and the legend."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk import resources
from kiosk.domain.event_file import load_event
from kiosk.store import events
from kiosk.store.db import open_db, write
from kiosk.ui.board import BoardWindow
from kiosk.ui.i18n import Languages


def test_board_names_halls_in_the_ui_language(
    qapp: QApplication, tmp_path: Path, qm_folder: Path
) -> None:
    """Switched to Chinese, the chart legend and the hall cards carry the event's Chinese
    hall names; back in English, the English ones."""
    event, source = load_event(resources.demo_event())
    db = open_db(tmp_path / "sces.db")
    with write(db):
        events.save_event(db, event, source)
    languages = Languages(qapp, qm_folder)
    now = event.sessions[0].start
    board = BoardWindow(db, event, lambda: now, languages, refresh_ms=60_000)
    hall = event.halls[0]
    chinese = hall.name_in("zh_CN")
    assert chinese != hall.name
    assert languages.switch("zh_CN")
    assert board.series[hall.id].name() == chinese
    assert chinese in {card.name.text() for card in board.cards}
    assert languages.switch("en")
    assert board.series[hall.id].name() == hall.name
    board.close()
