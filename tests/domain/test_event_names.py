"""An event file may name halls, sessions, tracks and types per language."""

from __future__ import annotations

import pytest

from kiosk import resources
from kiosk.domain.event_file import EventFileError, load_event, parse_event
from tests.conftest import TINY_EVENT

NAMED = (
    TINY_EVENT.replace(
        'name = "Main hall"\n',
        'name = "Main hall"\nnames = { zh_CN = "主会场", de = "Hauptsaal" }\n',
    )
    .replace(
        'title = "Keynote"\n',
        'title = "Keynote"\ntitles = { zh_CN = "主旨演讲", de = "Grundsatzrede" }\n',
    )
    .replace(
        'name = "Visitor"\n',
        'name = "Visitor"\nnames = { zh_CN = "观众", de = "Besucher" }\n',
    )
)


def test_names_per_language_with_fallbacks() -> None:
    """The exact tag, then the language alone (de_DE finds de), else the file's name."""
    event = parse_event(NAMED, "named.toml")
    main, keynote, visitor = event.hall("main"), event.session("keynote"), event.type("visitor")
    assert main is not None and keynote is not None and visitor is not None
    assert [main.name_in(lang) for lang in ("en_US", "zh_CN", "de_DE", "de", "fr_FR")] == [
        "Main hall",
        "主会场",
        "Hauptsaal",
        "Hauptsaal",
        "Main hall",
    ]
    assert (keynote.title_in("zh_CN"), visitor.name_in("de_DE")) == ("主旨演讲", "Besucher")
    workshop = event.session("workshop")
    assert workshop is not None and workshop.title_in("de_DE") == "Workshop"


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ('names = "Hauptsaal"', "expected a table of languages"),
        ('names = { German = "Hauptsaal" }', "not a language tag"),
        ('names = { de = "" }', "non-empty string"),
    ],
)
def test_bad_names_are_refused_at_their_line(names: str, message: str) -> None:
    """A names value that is not {tag = text} is an error at its line."""
    source = TINY_EVENT.replace('name = "Main hall"\n', f'name = "Main hall"\n{names}\n')
    with pytest.raises(EventFileError, match=message) as error:
        parse_event(source, "bad.toml")
    assert error.value.line == source.splitlines().index(names) + 1


def test_the_demo_event_speaks_chinese_and_german() -> None:
    """Every hall, session, track and type of the SCES demo event has zh_CN and de names."""
    event, _ = load_event(resources.demo_event())
    missing = [
        what
        for what, names in [
            *((h.id, h.names) for h in event.halls),
            *((t.id, t.names) for t in event.types),
            *((s.id, s.titles) for s in event.sessions),
            *((tid, event.track_names.get(tid, ())) for tid in event.tracks),
        ]
        if {tag for tag, _ in names} != {"zh_CN", "de"}
    ]
    assert missing == []
