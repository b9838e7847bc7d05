"""Long German reasons and long names wrap to two lines at full size before they shrink,
never break at a hyphen, and the verdict panel never grows past the window."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.app import Door
from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Decision, Verdict
from kiosk.ui.paths import ui_font
from kiosk.ui.widgets import wrap_lines

LONG = Attendee(
    "L1",
    "Maximilian Alexander",
    "von Hohenzollern-Sigmaringen",
    "T-Systems International GmbH, Smart City Solutions",
    "max@example.de",
    "delegate",
)
REASONS = [
    "not_registered_for_session", "single_entry_used", "type_not_allowed", "unknown_type",
    "after_admission", "badge_replaced", "foreign_code", "forged", "unknown_key",
]  # fmt: skip


def test_wrap_breaks_at_spaces_and_between_han_characters_only(qapp) -> None:  # type: ignore[no-untyped-def]
    """'Hohenzollern-Sigmaringen' stays whole; Chinese breaks between characters."""
    font = ui_font(40, bold=True)
    lines = wrap_lines("Maximilian Alexander von Hohenzollern-Sigmaringen", font, 400)
    assert "Hohenzollern-Sigmaringen" in lines
    han = wrap_lines("中国移动通信集团有限公司，上海分公司", ui_font(26), 200)
    assert len(han) > 1 and "".join(han) == "中国移动通信集团有限公司，上海分公司"
    assert not any(line.startswith("，") for line in han)


def test_german_reasons_stay_full_size_in_two_lines(make_door: Callable[..., Door]) -> None:
    """At 1280x800 in German every refusal reason is at its full size, in one or two lines
    that each fit the panel's width."""
    door = make_door()
    door.languages.switch("de")
    panel = door.window.panel
    small = {}
    for reason in REASONS:
        panel.show_decision(Decision(Verdict.NOT_REGISTERED, reason, LONG, "main", None))
        label = panel.reason
        if label.font().pointSizeF() < 0.99 * label.base_size or len(label.shown_lines()) > 2:
            small[reason] = (round(label.font().pointSizeF(), 1), label.shown_lines())
    assert small == {}


def test_a_long_name_wraps_at_a_readable_size(make_door: Callable[..., Door], qtbot) -> None:  # type: ignore[no-untyped-def]
    """Maximilian Alexander von Hohenzollern-Sigmaringen: two lines, not broken at the hyphen,
    bigger than the company line, and the panel still fits in the window."""
    door = make_door()
    panel = door.window.panel
    panel.show_decision(Decision(Verdict.ADMITTED, "admitted", LONG, "main", "keynote"))
    qtbot.wait(20)
    name = panel.name
    assert name.shown_lines() == ["Maximilian Alexander von", "Hohenzollern-Sigmaringen"]
    assert name.font().pointSizeF() > 1.3 * panel.company.font().pointSizeF()
    assert panel.layout_.minimumSize().height() <= panel.height()
    assert door.window.height() == 800


def test_the_caution_screen_shows_who_to_check(make_door: Callable[..., Door], qtbot) -> None:  # type: ignore[no-untyped-def]
    """A genuine badge not in the local list yet: the name line (the badge's id, as the
    code carries no name), the type and the 'check the name by eye' note all show, at
    their sizes, in German too."""
    door = make_door()
    door.languages.switch("de")
    panel = door.window.panel
    stranger = Attendee("Z777", "", "", "", "", "delegate")
    decision = Decision(
        Verdict.ADMITTED, "admitted", stranger, "main", "keynote", warnings=("not_in_local_list",)
    )
    panel.show_decision(decision)
    qtbot.wait(20)
    shown = {
        label.text(): label.isVisible() and label.font().pointSizeF() >= 0.9 * label.base_size
        for label in (panel.name, panel.note)
    }
    note = "Noch nicht in der Liste dieses Kiosks, aber der Ausweis ist echt: Namen bitte prüfen."
    assert shown == {"Ausweis Z777": True, note: True}
    assert panel.chip.isVisible() and panel.layout_.minimumSize().height() <= panel.height()
