"""Event files are read strictly: unknown keys and tables are typos, numbers are bounded to
what scans can handle, and no input whatever makes parse_event raise anything but
EventFileError (event text also arrives from sync hubs)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.domain.decision import Direction
from kiosk.domain.event_file import EventFileError, parse_event
from kiosk.service.checkin import CheckInService
from kiosk.store import attendees, events
from kiosk.store.db import open_db, write
from tests.conftest import PEOPLE, TINY_EVENT, at
from tests.domain.test_event_file import GOOD, line_of, refusal, with_second_session


def test_unknown_session_key_names_line_and_nearest_key() -> None:
    """`admit_untill_end` (a typo that silently closed the floor at 09:15) is refused at its
    line with the key it was meant to be."""
    source = with_second_session('title = "Panel"', 'title = "Panel"\nadmit_untill_end = true')
    error = refusal(source)
    line = line_of(source, "admit_untill_end")
    assert str(error) == (
        f"bad.toml:{line}: sessions[1].admit_untill_end: "
        "unknown key (did you mean admit_until_end?)"
    )


def test_unknown_table_names_line_and_nearest_table() -> None:
    """`[[sesions]]` (which silently dropped a session) is refused at its header."""
    source = GOOD + '\n[[sesions]]\nid = "late"\nhall = "main"\ntitle = "Late"\n'
    error = refusal(source)
    assert (error.line, error.field) == (line_of(source, "[[sesions]]"), "sesions")
    assert "did you mean sessions?" in error.message


@pytest.mark.parametrize(
    ("before", "after", "field", "hint"),
    [
        ('name = "Mini Expo"', 'name = "Mini Expo"\ntimezon = "UTC"', "event.timezon",
         "timezone"),
        ("capacity = 300", "capacity = 300\ncapacty = 5", "halls[0].capacty", "capacity"),
        ('color = "#78909c"', 'color = "#78909c"\ncolour = "#000000"', "types[0].colour",
         "color"),
        ('name = "Digital Transformation"', 'name = "Digital Transformation"\nnmae = "x"',
         "tracks[0].nmae", "name"),
    ],
)  # fmt: skip
def test_unknown_keys_in_every_table(before: str, after: str, field: str, hint: str) -> None:
    """Every table refuses keys it does not have, at the key's line."""
    source = GOOD.replace(before, after, 1)
    error = refusal(source)
    assert (error.field, error.line) == (field, line_of(source, after.splitlines()[-1]))
    assert error.message == f"unknown key (did you mean {hint}?)"
    assert f"did you mean {hint}?" in error.message


def test_unknown_admission_key_and_top_level_key() -> None:
    """[admission] and the top level are checked too."""
    admission = GOOD.replace("[[tracks]]", "[admission]\nrepeat_scan_secs = 5\n\n[[tracks]]")
    error = refusal(admission)
    assert error.line == line_of(admission, "repeat_scan_secs")
    assert "did you mean repeat_scan_seconds?" in error.message
    top = 'hals = "x"\n' + GOOD
    error = refusal(top)
    assert (error.line, error.field) == (1, "hals")


@pytest.mark.parametrize(
    ("before", "after", "field"),
    [
        ("capacity = 300", "capacity = 1000001", "halls[0].capacity"),
        ('end = "2026-10-14T10:30"', 'end = "2026-10-14T10:30"\ncapacity = 10000000000',
         "sessions[0].capacity"),
        ("[[tracks]]", "[admission]\nrepeat_scan_seconds = 100000000000\n\n[[tracks]]",
         "admission.repeat_scan_seconds"),
        ('end = "2026-10-14T10:30"', 'end = "2026-10-14T10:30"\nopens_before_minutes = 1441',
         "sessions[0].opens_before_minutes"),
        ('end = "2026-10-14T10:30"', 'end = "9999-12-31T23:00"', "sessions[0].end"),
        ('end = "2026-10-14T10:30"', 'end = "2026-12-14T10:30"', "sessions[0].end"),
        ('days = ["2026-10-14", "2026-10-15"]', 'days = [0001-01-01]', "event.days"),
    ],
)  # fmt: skip
def test_numbers_beyond_what_scans_handle_are_refused(before: str, after: str, field: str) -> None:
    """Capacities, seconds, minutes, years and session lengths are bounded, at their line."""
    source = GOOD.replace(before, after, 1)
    error = refusal(source)
    changed = next(line for line in after.splitlines() if "=" in line and line not in before)
    assert (error.field, error.line) == (field, line_of(source, changed))


def test_the_largest_accepted_numbers_still_scan(tmp_path: Path) -> None:
    """At every bound, scans still decide (no OverflowError): `event check` passing means
    the doors work."""
    source = (
        TINY_EVENT.replace("capacity = 1000", "capacity = 1000000")
        .replace("repeat_scan_seconds = 5", "repeat_scan_seconds = 604800")
        .replace("opens_before_minutes = 30", "opens_before_minutes = 1440")
        .replace("closes_after_minutes = 15", "closes_after_minutes = 1440")
    )
    event = parse_event(source, "max.toml")
    db = open_db(tmp_path / "k.db")
    with write(db):
        events.save_event(db, event, source)
        attendees.save(db, PEOPLE[0])
    service = CheckInService(db, event, clock=lambda: at("14 10:00"))
    first = service.scan("T-0001", "floor", Direction.ENTRY, at("14 09:10"))
    again = service.scan("T-0001", "floor", Direction.ENTRY, at("15 09:10"))
    assert (first.verdict.accepted, again.repeat) == (True, True)


def test_deeply_nested_toml_is_a_clear_error() -> None:
    """A value nested thousands deep is an EventFileError, not a RecursionError."""
    error = refusal(GOOD + "\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested too deeply" in error.message


def test_huge_toml_is_refused_up_front() -> None:
    """Text far beyond any event (tens of MB from a hub) is refused before parsing."""
    error = refusal(GOOD + "\n# " + "x" * 5_000_000 + "\n")
    assert "too large" in error.message


def test_an_integer_past_pythons_digit_limit_is_an_event_file_error() -> None:
    """tomllib raises ValueError for integers over 4300 digits; that is a bad file too."""
    error = refusal(GOOD.replace("capacity = 300", "capacity = " + "9" * 5000))
    assert error.path == "bad.toml"


# Arbitrary text, and GOOD with one value replaced by an arbitrary TOML value.

_scalar = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True).map(repr),
    st.booleans().map(lambda b: str(b).lower()),
    st.text(max_size=40).map(json.dumps),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=14))])).map(
        lambda d: d.isoformat()
    ),
    st.times().map(lambda t: t.isoformat()),
    st.sampled_from(['"*"', '"2026-10-14T09:30"', '"Asia/Shanghai"', '"../../etc/passwd"',
                     '"America"', '"main"', '"#1565c0"', '"invite_only"']),
)  # fmt: skip
_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.dictionaries(st.sampled_from(["id", "a", "name", "x"]), inner, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k} = {v}" for k, v in d.items()) + "}"
        ),
    ),
    max_leaves=8,
)


def _only_event_file_errors(source: str) -> None:
    try:
        parse_event(source, "fuzz.toml")
    except EventFileError as exc:
        assert str(exc).startswith("fuzz.toml")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_gives_only_event_file_errors(source: str) -> None:
    """Any text at all: an Event or an EventFileError, never another exception."""
    _only_event_file_errors(source)


_LINES = GOOD.splitlines()
_VALUE_LINES = [i for i, line in enumerate(_LINES) if " = " in line]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_VALUE_LINES), _value, st.booleans())
# Found before the fix: OverflowError, ValueError (digit limit), RecursionError.
@example(_LINES.index('start = "2026-10-14T09:30"'), "0001-01-01T00:00:00+14:00", False)
@example(_LINES.index("capacity = 300"), "9" * 5000, False)
@example(_LINES.index("capacity = 300"), "[" * 5000 + "]" * 5000, False)
@example(_LINES.index('color = "#78909c"'), "[" * 300 + "]" * 300, True)
def test_any_value_anywhere_gives_only_event_file_errors(index: int, value: str, add: bool) -> None:
    """GOOD with one value replaced (or one key added) by any TOML value: an Event or an
    EventFileError, never another exception (OverflowError, TypeError, RecursionError)."""
    lines = list(_LINES)
    key = lines[index].split(" = ")[0]
    if add:
        lines.insert(index + 1, f"{key}_x = {value}")
    lines[index] = f"{key} = {value}"
    _only_event_file_errors("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("source", "marker"),
    [
        (GOOD + "\n[event.extra]\nnote = 1\n", "[event.extra]"),
        (GOOD.replace('name = "Mini Expo"', 'name = "Mini Expo"\nextra.note = 1'), "extra.note"),
        (GOOD.replace("capacity = 300", 'capacity = 300\n"extra" = 1'), '"extra" = 1'),
    ],
)
def test_unknown_sub_tables_dotted_and_quoted_keys_point_at_their_line(
    source: str, marker: str
) -> None:
    """`[event.extra]`, `extra.note = 1` and `"extra" = 1` are unknown keys too, found at
    their own line rather than the table's header."""
    error = refusal(source)
    assert (error.line, error.field.endswith(".extra")) == (line_of(source, marker), True)
