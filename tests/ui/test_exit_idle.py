"""In exit mode the waiting screen says EXIT in large words and looks unlike entry mode."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.app import Door
from kiosk.ui import verdicts


def test_exit_mode_idle_says_exit(make_door: Callable[..., Door]) -> None:
    """Switching to exit: a big EXIT on light blue with the exit icon; back: Show your badge."""
    door = make_door()
    panel = door.window.panel
    entry_look = panel.styleSheet()
    door.window.toggle_direction()
    assert (panel.headline.text(), panel.reason.text()) == (
        "EXIT",
        "Leaving? Show your badge on the way out.",
    )
    assert verdicts.EXIT_IDLE_BACKGROUND in panel.styleSheet() != entry_look
    assert panel.headline.font().pointSizeF() >= 0.9 * panel.headline.base_size
    door.languages.switch("de")
    assert panel.headline.text() == "AUSGANG"
    door.languages.switch("en")
    door.window.toggle_direction()
    assert (panel.headline.text(), panel.styleSheet()) == ("Show your badge", entry_look)
