"""Event data in the UI language: hall, session and type names from the event file's
per-language names, the file's own name where it gives none."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from kiosk.domain.decision import Decision, Direction, Verdict
from kiosk.domain.event_file import parse_event
from kiosk.ui.header import HeaderBar
from kiosk.ui.staff_dialog import HallChooser
from kiosk.ui.verdict_panel import VerdictPanel
from tests.conftest import PEOPLE, at
from tests.domain.test_event_names import NAMED


@pytest.fixture
def locale() -> Iterator[None]:
    yield
    QLocale.setDefault(QLocale("en"))


def test_door_texts_follow_the_ui_language(qtbot, locale: None) -> None:  # type: ignore[no-untyped-def]
    """In Chinese the header, the verdict's session and type chip and the hall chooser
    show 主会场, 主旨演讲, 观众; in German Hauptsaal...; the Workshop, with no German
    title, stays 'Workshop'."""
    event = parse_event(NAMED, "named.toml")
    header, panel = HeaderBar(event), VerdictPanel(event)
    qtbot.addWidget(header)
    qtbot.addWidget(panel)
    keynote = event.session("keynote")
    visitor = PEOPLE[2]  # Jürgen, a visitor
    decision = Decision(Verdict.NOT_REGISTERED, "type_not_allowed", visitor, "main", "keynote")
    shown = {}
    for lang in ("zh_CN", "de"):
        QLocale.setDefault(QLocale(lang))
        header.show_state("-", at("14 10:00"), keynote, None, 1, Direction.ENTRY)
        panel.show_decision(decision)
        chooser = HallChooser(event, at("14 10:00"))
        qtbot.addWidget(chooser)
        shown[lang] = (header.now.text(), panel.session.text(), panel.chip.text(),
                       chooser.list.item(0).text())  # fmt: skip
    assert shown["zh_CN"][1:] == ("主旨演讲", "观众", "主会场\n主旨演讲")
    assert "主旨演讲" in shown["zh_CN"][0]
    assert shown["de"][1:] == ("Grundsatzrede", "Besucher", "Hauptsaal\nGrundsatzrede")
    QLocale.setDefault(QLocale("de"))
    workshop = event.session("workshop")
    header.show_state("-", at("14 14:00"), workshop, None, 1, Direction.ENTRY)
    assert header.now.text().startswith("Now: Workshop")
