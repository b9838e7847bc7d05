"""The attendee-type chip stays visible on every verdict colour: outlined in the panel's
text colour, which contrasts with the panel (a green chip on green ADMIT, red on DENIED)."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.app import Door
from kiosk.domain.decision import Decision, Verdict
from kiosk.domain.event import Event
from kiosk.ui import palette, verdicts
from kiosk.ui.verdicts import Kind
from tests.conftest import PEOPLE


def test_chip_outline_contrasts_with_every_verdict(
    make_door: Callable[..., Door], event: Event
) -> None:
    """On each verdict (admit, caution, exit, deny, undone) the chip of a delegate is
    outlined in the panel's text colour, at least 3:1 on the panel (a boundary's minimum)."""
    door = make_door()
    person = PEOPLE[0]
    decisions = {
        Kind.ADMIT: Decision(Verdict.ADMITTED, "admitted", person, "main", None),
        Kind.CAUTION: Decision(
            Verdict.ADMITTED, "admitted", person, "main", None, warnings=("not_in_local_list",)
        ),
        Kind.EXIT: Decision(Verdict.EXIT_RECORDED, "exit", person, "main", None),
        Kind.DENY: Decision(Verdict.ALREADY_INSIDE, "already_inside", person, "main", None),
        Kind.UNDONE: Decision(Verdict.UNDONE, "undo_admitted", person, "main", None),
    }
    seen = {}
    for kind, decision in decisions.items():
        look = door.window.panel.show_decision(decision)
        chip = door.window.panel.chip
        assert f"solid {look.foreground}" in chip.styleSheet()
        seen[kind] = (chip.outline, palette.contrast_ratio(chip.outline, look.background) >= 3)
    assert seen == {k: (verdicts.LOOKS[k].foreground, True) for k in decisions}


def test_green_visitor_chip_on_green_admit_is_outlined_white(
    make_door: Callable[..., Door],
    scan: Callable[[Door, str], Decision],
    code_for: Callable[..., str],
) -> None:
    """Jürgen (Visitor, green) admitted on the floor: his chip has a white outline."""
    door = make_door(hall="floor")
    decision = scan(door, code_for("A3", "visitor"))
    chip = door.window.panel.chip
    assert (decision.verdict.value, chip.text(), chip.isVisible()) == (
        "admitted",
        "Visitor",
        True,
    )
    assert chip.outline == verdicts.LOOKS[verdicts.Kind.ADMIT].foreground == "#ffffff"
    assert "solid #ffffff" in chip.styleSheet()
