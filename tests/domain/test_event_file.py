"""The event file parser refuses malformed files with the file, line and field at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain.event_file import EventFileError, load_event, parse_event

GOOD = """\
[event]
id = "mini-2026"
name = "Mini Expo"
timezone = "Asia/Shanghai"
days = ["2026-10-14", "2026-10-15"]

[[tracks]]
id = "digital"
name = "Digital Transformation"

[[halls]]
id = "main"
name = "Main Hall"
capacity = 300

[[halls]]
id = "expo"
name = "Exhibition Floor"
capacity = 3000

[[types]]
id = "visitor"
name = "Visitor"
color = "#78909c"
halls = ["expo"]

[[types]]
id = "delegate"
name = "Delegate"
color = "#1565c0"
halls = "*"

[[sessions]]
id = "keynote"
hall = "main"
title = "Keynote"
track = "digital"
start = "2026-10-14T09:30"
end = "2026-10-14T10:30"

[[sessions]]
id = "panel"
hall = "main"
title = "Panel"
start = "2026-10-14T11:00"
end = "2026-10-14T12:00"
"""


def line_of(source: str, text: str, nth: int = 1) -> int:
    """1-based number of the line holding the nth occurrence of `text`."""
    found = 0
    for number, line in enumerate(source.splitlines(), start=1):
        if text in line:
            found += 1
            if found == nth:
                return number
    raise AssertionError(f"{text!r} not in source")


def refusal(source: str, path: str = "bad.toml") -> EventFileError:
    with pytest.raises(EventFileError) as caught:
        parse_event(source, path)
    return caught.value


def with_second_session(replace: str, by: str) -> str:
    """GOOD with one line of the second session (after its [[sessions]] header) changed."""
    head, tail = GOOD.split('id = "panel"')
    assert replace in tail
    return head + 'id = "panel"' + tail.replace(replace, by, 1)


def test_good_file_parses() -> None:
    """The reference document the error cases start from is itself valid."""
    event = parse_event(GOOD, "good.toml")
    assert [s.id for s in event.sessions] == ["keynote", "panel"]


def test_missing_field_names_table_line_and_key() -> None:
    """A missing required key is reported at its table's header, naming the table and the key."""
    source = with_second_session('title = "Panel"\n', "")
    error = refusal(source)
    assert (error.path, error.line, error.field) == (
        "bad.toml",
        line_of(source, "[[sessions]]", nth=2),
        "sessions[1].title",
    )
    assert "missing field 'title'" in error.message


def test_unknown_hall_points_at_the_hall_line() -> None:
    """A session in a hall the file does not declare is refused at its `hall =` line."""
    source = with_second_session('hall = "main"', 'hall = "nowhere"')
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, '"nowhere"'), "sessions[1].hall")
    assert "unknown hall 'nowhere'" in error.message


def test_unknown_hall_in_type_is_refused() -> None:
    """A type admitted to an undeclared hall is refused at the type's `halls =` line."""
    source = GOOD.replace('halls = ["expo"]', 'halls = ["expo", "roof"]')
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, '"roof"'), "types[0].halls")


def test_bad_time_points_at_the_start_line() -> None:
    """A start that is not an ISO-8601 time is refused at its line, quoting the value."""
    source = with_second_session('start = "2026-10-14T11:00"', 'start = "14 Oct 11am"')
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, "14 Oct 11am"), "sessions[1].start")
    assert "14 Oct 11am" in error.message


def test_end_before_start_points_at_the_end_line() -> None:
    """A session ending before it starts is refused at its `end =` line."""
    source = with_second_session('end = "2026-10-14T12:00"', 'end = "2026-10-14T10:59"')
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, "T10:59"), "sessions[1].end")
    assert "ends before it starts" in error.message


def test_session_on_another_day_is_refused() -> None:
    """A session outside the event's days is refused at its `start =` line."""
    source = with_second_session(
        'start = "2026-10-14T11:00"\nend = "2026-10-14T12:00"',
        'start = "2026-10-16T11:00"\nend = "2026-10-16T12:00"',
    )
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, "2026-10-16T11:00"), "sessions[1].start")


def test_duplicate_session_id_points_at_the_second_one() -> None:
    """A session id used twice is refused at the second occurrence's `id =` line."""
    source = GOOD.replace('id = "panel"', 'id = "keynote"')
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, 'id = "keynote"', nth=2), "sessions[1].id")
    assert "duplicate session id 'keynote'" in error.message


def test_duplicate_hall_id_is_refused() -> None:
    """A hall id used twice is refused at the second hall's `id =` line."""
    source = GOOD.replace('id = "expo"', 'id = "main"')
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, 'id = "main"', nth=2), "halls[1].id")


def test_bad_colour_points_at_the_colour_line() -> None:
    """A badge colour that is not #rrggbb is refused at the type's `color =` line."""
    source = GOOD.replace('color = "#1565c0"', 'color = "blue"')
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, '"blue"'), "types[1].color")
    assert "'blue'" in error.message


def test_toml_syntax_error_carries_its_line() -> None:
    """A document that is not TOML at all is refused with the line tomllib reports."""
    source = GOOD.replace("capacity = 3000", "capacity = = 3000")
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, "= = 3000"), "")
    assert "not valid TOML" in error.message


def test_bad_id_is_refused() -> None:
    """Ids must be lower-case letters, digits, '-' or '_': 'Room A' is refused at its line."""
    source = GOOD.replace('id = "expo"', 'id = "Room A"').replace('"expo"]', '"Room A"]')
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, '"Room A"'), "halls[1].id")


@pytest.mark.parametrize(
    ("before", "after", "field"),
    [
        ('timezone = "Asia/Shanghai"', 'timezone = "Asia/Atlantis"', "event.timezone"),
        ("capacity = 300", "capacity = -5", "halls[0].capacity"),
        ('track = "digital"', 'track = "cooking"', "sessions[0].track"),
        ('start = "2026-10-14T09:30"', 'start = "2026-10-14T09:30"\nregistration = "vip"',
         "sessions[0].registration"),
        ('start = "2026-10-14T09:30"', 'start = "2026-10-14T09:30"\ntypes = ["alien"]',
         "sessions[0].types"),
        ('start = "2026-10-14T09:30"', 'start = "2026-10-14T09:30"\nreentry = "no"',
         "sessions[0].reentry"),
    ],
)  # fmt: skip
def test_bad_values_name_their_field_and_line(before: str, after: str, field: str) -> None:
    """Each bad value is refused at the line holding it, under its dotted field name."""
    source = GOOD.replace(before, after, 1)
    error = refusal(source)
    assert error.field == field
    assert error.line == line_of(source, after.splitlines()[-1])


def test_missing_event_table_is_refused() -> None:
    """A document without [event] is refused naming the missing table."""
    error = refusal(GOOD.replace("[event]", "[evnt]"))
    assert (error.field, error.line) == ("event", None)


def test_message_reads_file_line_field(tmp_path: Path) -> None:
    """load_event's error text starts 'path:line: field:' so editors can jump to it."""
    path = tmp_path / "event.toml"
    source = GOOD.replace('color = "#1565c0"', 'color = "#12345"')
    path.write_text(source, encoding="utf-8")
    with pytest.raises(EventFileError) as caught:
        load_event(path)
    line = line_of(source, "#12345")
    assert str(caught.value).startswith(f"{path}:{line}: types[1].color: ")
    assert caught.value.path == str(path)


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    """A file that is not UTF-8 (or not there) is refused with its path, not a traceback."""
    path = tmp_path / "latin1.toml"
    path.write_bytes(GOOD.replace("Mini Expo", "Mini Expo M\u00fcnchen").encode("latin-1"))
    with pytest.raises(EventFileError) as caught:
        load_event(path)
    assert caught.value.path == str(path)
    with pytest.raises(EventFileError):
        load_event(tmp_path / "missing.toml")


# Faults found in review, fixed; these keep them fixed.


def test_time_zone_that_is_a_directory_is_refused() -> None:
    """A time zone naming a tz directory ('America') is refused like any unknown zone."""
    error = refusal(GOOD.replace('"Asia/Shanghai"', '"America"'))
    assert error.field == "event.timezone"


def test_non_table_items_are_refused() -> None:
    """`halls = [1, 2]` instead of [[halls]] tables is refused, not a TypeError."""
    source = "halls = [1, 2]\n" + GOOD.replace("[[halls]]", "[[old_halls]]")
    error = refusal(source)
    assert error.field.startswith("halls")


def test_non_table_admission_is_refused() -> None:
    """`admission = 5` at the top level is refused, not a TypeError."""
    error = refusal("admission = 5\n" + GOOD)
    assert error.field.startswith("admission")


def test_duplicate_track_id_is_refused() -> None:
    """A track id used twice is refused like duplicate hall, type and session ids."""
    source = GOOD.replace(
        "[[halls]]", '[[tracks]]\nid = "digital"\nname = "Digital, again"\n\n[[halls]]', 1
    )
    error = refusal(source)
    assert error.field == "tracks[1].id"


def test_languages_must_be_a_list() -> None:
    """`languages = "en"` is refused (or read as ["en"]), never split into letters."""
    source = GOOD.replace("days = [", 'languages = "en"\ndays = [')
    try:
        event = parse_event(source, "x.toml")
    except EventFileError:
        return
    assert event.languages == ("en",)
