"""Languages switch at runtime; the venue board shows occupancy and the entries chart."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from kiosk import resources
from kiosk.app import Door
from kiosk.domain.decision import Decision
from kiosk.domain.event import Event
from kiosk.domain.event_file import load_event
from kiosk.store import events
from kiosk.store.db import open_db, write
from kiosk.ui.board import PALETTE, BoardWindow
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


def test_board_chart_has_a_legend_and_no_alarm_colours(
    qapp: QApplication, db: Database, event: Event, qm_folder: Path
) -> None:
    """Each hall's line is named in a legend; no hall accent is a status colour (red,
    amber, green), and neighbouring lines differ in style as well as colour."""
    board = BoardWindow(db, event, lambda: at("14 10:05"), Languages(qapp, qm_folder), 60_000)
    board.resize(1280, 800)
    board.show()
    legend = board.chart.legend()
    assert legend.isVisible() and legend.geometry().height() > 0
    labels = [m.label() for m in legend.markers()]
    assert labels == [hall.name for hall in event.halls]
    for color in (QColor(c) for c in PALETTE):
        hue, vivid = color.hsvHue(), color.hsvSaturationF() > 0.5 and color.valueF() > 0.45
        assert not (vivid and (hue < 70 or hue > 330 or 80 < hue < 160)), color.name()
    assert not any(QColor("#c62828").hsvHue() == QColor(c).hsvHue() for c in PALETTE)
    styles = [s.pen().style() for s in board.series.values()]
    assert all(a != b for a, b in itertools.pairwise(styles))
    board.close()


def test_board_chart_is_usable_in_portrait(
    qapp: QApplication, tmp_path: Path, qm_folder: Path
) -> None:
    """At 800x1280 the SCES board (seven halls) leaves the chart a third of the height."""
    event, source = load_event(resources.demo_event())
    db = open_db(tmp_path / "sces.db")
    with write(db):
        events.save_event(db, event, source)
    now = event.sessions[0].start
    board = BoardWindow(db, event, lambda: now, Languages(qapp, qm_folder), 60_000)
    board.resize(800, 1280)
    board.show()
    QApplication.processEvents()
    assert board.chart_view.height() >= 1280 * 0.3 - 10
    assert board.chart.plotArea().height() >= 200
    legend = board.chart.legend()
    widest = max(QFontMetrics(legend.font()).horizontalAdvance(h.name) for h in event.halls)
    assert legend.geometry().width() > widest  # the names in a column beside the chart, whole
    for card in board.cards:  # and the cards are not squeezed under their text
        assert card.height() >= card.minimumSizeHint().height()
    board.close()
