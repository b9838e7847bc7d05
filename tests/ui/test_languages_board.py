"""Languages switch at runtime; the venue board shows occupancy and the entries chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.decision import Decision
from kiosk.domain.event import Event
from kiosk.ui.board import BoardWindow
from kiosk.ui.board_data import entries_per_quarter
from kiosk.ui.i18n import Languages
from tests.conftest import at

Scan = Callable[[Door, str], Decision]


def test_switch_language_rerenders_the_verdict(
    make_door: Callable[..., Door], scan: Scan, code_for: Callable[..., str]
) -> None:
    """The shown verdict is re-rendered in German and Chinese; names stay as they are."""
    door = make_door()
    scan(door, code_for("A1"))
    texts = {}
    for lang in ("de", "zh_CN", "en"):
        assert door.languages.switch(lang)
        texts[lang] = (door.window.panel.headline.text(), door.window.panel.name.text())
    assert texts == {
        "de": ("EINLASS", "张伟"),
        "zh_CN": ("放行", "张伟"),
        "en": ("ADMIT", "张伟"),
    }
    assert door.window.header.sync.text() == "Local only"


def test_each_language_is_offered_once(make_door: Callable[..., Door]) -> None:
    """The staff language menu lists English, 简体中文 and Deutsch, each once (English
    has a translation file of its own, which once made it appear twice)."""
    assert make_door().languages.available() == ["en", "zh_CN", "de"]


def test_language_is_remembered(make_door: Callable[..., Door], db: Database) -> None:
    """The chosen language is kept in the kiosk's settings for the next start."""
    from kiosk.store import settings

    door = make_door()
    door.languages.switch("de")
    assert settings.get(db, "ui_language") == "de"


def test_board_shows_halls_and_entries(
    qapp: QApplication,
    db: Database,
    event: Event,
    code_for: Callable[..., str],
    qm_folder,  # type: ignore[no-untyped-def]
    make_door: Callable[..., Door],
    scan: Scan,
) -> None:
    """After two admissions the board shows 2 / 2 in the main hall and 2 entries at 10:00."""
    door = make_door()
    scan(door, code_for("A1"))
    scan(door, code_for("A2"))
    languages = Languages(qapp, qm_folder)
    board = BoardWindow(db, event, lambda: at("14 10:05"), languages, refresh_ms=60_000)
    board.resize(1280, 800)
    board.show()
    board.refresh()
    card = board.cards[0]
    assert (card.name.text(), card.count.text(), card.session.text()) == (
        "Main hall",
        "2 / 2",
        "Keynote",
    )
    quarters = entries_per_quarter(db, event, at("14 10:05"))
    assert quarters["main"] == [(at("14 10:00").astimezone(dt.UTC), 2)]
    assert board.series["main"].count() > 0
    board.close()
