"""The header's next session carries its date when it is not today."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.app import Door
from tests.conftest import at


def test_next_session_tomorrow_shows_its_date(make_door: Callable[..., Door], clock) -> None:  # type: ignore[no-untyped-def]
    """At 16:00 on day 1 the main hall's next session is tomorrow's gala: its date shows,
    in each language; the same day, the time alone."""
    door = make_door()
    clock.now = at("14 12:00")
    door.window.refresh_header()
    assert door.window.header.next.text() == "Next: 14:00 Workshop (admission from 13:30)"
    clock.now = at("14 16:00")
    shown = {}
    for lang in ("en", "de", "zh_CN"):
        door.languages.switch(lang)
        shown[lang] = door.window.header.next.text()
    assert shown == {
        "en": "Next: Thu 15 Oct, 19:00 Gala (admission from 18:30)",
        "de": "Danach: Do. 15. Okt., 19:00 Gala (Einlass ab 18:30)",
        "zh_CN": "下一场：10月15日 周四 19:00 Gala（18:30 起入场）",
    }
