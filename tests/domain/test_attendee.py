"""How attendee names are displayed."""

from __future__ import annotations

from kiosk.domain.attendee import Attendee


def test_display_name_order_follows_the_script() -> None:
    """Chinese and Korean names run family-first without a space; others first-last."""

    def name(first: str, last: str) -> str:
        return Attendee("A", first, last, "", "", "delegate").name

    assert [
        name("伟", "张"),
        name("민준", "김"),
        name("Núria", "Puig i Solé"),
        name("", "Groß"),
    ] == ["张伟", "김민준", "Núria Puig i Solé", "Groß"]
