"""Every text colour of the door screen reads at 4.5:1 or more on what it is drawn on, and
the header's occupancy says NEARLY FULL and FULL in words and colour."""

from __future__ import annotations

import pytest

from kiosk import resources
from kiosk.domain.decision import Direction
from kiosk.domain.event import Event
from kiosk.domain.event_file import load_event
from kiosk.ui import dialogs, palette, verdicts
from kiosk.ui.header import HeaderBar
from kiosk.ui.sync_text import BACKGROUNDS
from tests.conftest import at


def test_contrast_ratio_matches_wcag() -> None:
    """Black on white is 21:1, a colour on itself 1:1, white on #4CAF50 about 2.8:1."""
    assert palette.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast_ratio("#1b7a36", "#1b7a36") == pytest.approx(1.0)
    assert palette.contrast_ratio("#ffffff", "#4caf50") == pytest.approx(2.78, abs=0.01)


def door_text_pairs(event: Event) -> list[tuple[str, str, str]]:
    """(where, text colour, background) for every text the door screen and its dialogs draw."""
    pairs = [
        ("header text", palette.WHITE, palette.HEADER),
        ("staff button", palette.HEADER, palette.WHITE),
        ("occupancy, empty part", palette.WHITE, palette.GROOVE),
        ("camera text", palette.WHITE, palette.CAMERA),
        ("idle panel", verdicts.IDLE_FOREGROUND, verdicts.IDLE_BACKGROUND),
        ("exit idle panel", verdicts.EXIT_IDLE_FOREGROUND, verdicts.EXIT_IDLE_BACKGROUND),
        ("dialog text", dialogs.INK, dialogs.PAPER),
        ("dialog title", dialogs.PAPER, dialogs.NAVY),
        ("dialog button", dialogs.NAVY, dialogs.PAPER),
        ("dialog danger button", dialogs.PAPER, dialogs.DANGER),
        ("dialog warning text", dialogs.DANGER, dialogs.PAPER),
        ("dialog disabled button", dialogs.DISABLED_TEXT, dialogs.DISABLED_BACKGROUND),
    ]
    pairs += [(f"occupancy {k}", palette.WHITE, c) for k, c in palette.OCCUPANCY.items()]
    pairs += [(f"mode {k}", palette.WHITE, c) for k, c in palette.MODE.items()]
    pairs += [(f"verdict {k.value}", v.foreground, v.background) for k, v in verdicts.LOOKS.items()]
    pairs += [
        (f"sync {k.value}", palette.WHITE, c) for k, c in BACKGROUNDS.items() if c != "transparent"
    ]
    pairs += [(f"chip {t.id}", palette.readable_on(t.color), t.color) for t in event.types]
    return pairs


def test_every_door_text_has_contrast(event: Event) -> None:
    """The palette table: no text below 4.5:1 (tiny and SCES demo events' type colours)."""
    demo, _ = load_event(resources.demo_event())
    low = {
        where: round(palette.contrast_ratio(fg, bg), 2)
        for where, fg, bg in door_text_pairs(event) + door_text_pairs(demo)
        if palette.contrast_ratio(fg, bg) < palette.MIN_TEXT_CONTRAST
    }
    assert low == {}


def test_occupancy_says_nearly_full_and_full(qtbot, event: Event) -> None:  # type: ignore[no-untyped-def]
    """1/1000 plain and green; 900/1000 NEARLY FULL in amber; 1000/1000 FULL in red."""
    header = HeaderBar(event)
    qtbot.addWidget(header)
    session = event.session("floor-d1")
    shown = []
    for inside in (1, 899, 900, 1000, 1003):
        header.show_state("Floor", at("14 10:00"), session, None, inside, Direction.ENTRY)
        shown.append((header.occupancy.text(), header.occupancy_state))
    assert shown == [
        ("1 / 1000 inside", "normal"),
        ("899 / 1000 inside", "normal"),
        ("NEARLY FULL · 900 / 1000 inside", "near_full"),
        ("FULL · 1000 / 1000 inside", "full"),
        ("FULL · 1003 / 1000 inside", "full"),
    ]
    assert palette.OCCUPANCY["full"] in header.occupancy.styleSheet()
