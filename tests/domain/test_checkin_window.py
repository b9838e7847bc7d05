"""GB 50799-2012 12.2.5: a session's check-in start and end are set in the event file (per
session, with [admission] defaults), strictly checked, and the door refuses outside them
with the right reason on either side of each boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Direction, Verdict
from kiosk.domain.event import Event
from kiosk.domain.event_file import EventFileError, parse_event
from kiosk.domain.rules import Presence, decide, session_to_check
from tests.conftest import TINY_EVENT, at

DELEGATE = Attendee("A1", "Wei", "Zhang", "", "", "delegate")
TICK = dt.timedelta(microseconds=1)


def workshop_with(*lines: str, admission: str = "") -> Event:
    """The tiny event with `lines` added to the workshop (14:00-15:00, the last session of
    the day in `main`, so that after it closes the reason is after_admission)."""
    source = TINY_EVENT.replace(
        'title = "Workshop"', 'title = "Workshop"\n' + "\n".join(lines), 1
    ).replace("repeat_scan_seconds = 5", "repeat_scan_seconds = 5\n" + admission)
    return parse_event(source, "window.toml")


def refused(*lines: str, admission: str = "") -> EventFileError:
    with pytest.raises(EventFileError) as caught:
        workshop_with(*lines, admission=admission)
    return caught.value


def entry(event: Event, when: dt.datetime) -> tuple[Verdict, str]:
    """What the door decides for a delegate scanning into `main` at `when`."""
    session = session_to_check(event, "main", when)
    outcome = decide(
        event, "main", Direction.ENTRY, when, DELEGATE, session, Presence.NEVER, 0, "registered"
    )
    return outcome.verdict, outcome.reason


def window(event: Event) -> tuple[str, str]:
    workshop = event.session("workshop")
    assert workshop is not None
    return tuple(
        t.astimezone(event.tz).strftime("%H:%M") for t in (workshop.opens, workshop.closes)
    )  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("lines", "admission", "expected"),
    [
        ((), "", ("13:30", "14:15")),  # the [admission] defaults of the tiny event
        (("opens_before_minutes = 10", "closes_after_minutes = 0"), "", ("13:50", "14:00")),
        (('checkin_opens = "2026-10-14T13:05"', 'checkin_closes = "2026-10-14T14:40"'), "",
         ("13:05", "14:40")),
        (('checkin_closes = "2026-10-14T15:30"',), "", ("13:30", "15:30")),  # past the end
        (("admit_until_end = true",), "", ("13:30", "15:00")),
        ((), "admit_until_end = true", ("13:30", "15:00")),  # the event's default
        (("closes_after_minutes = 5",), "admit_until_end = true", ("13:30", "14:05")),
        (("admit_until_end = false",), "admit_until_end = true", ("13:30", "14:15")),
    ],
)  # fmt: skip
def test_checkin_start_and_end_come_from_the_session_else_the_event(
    lines: tuple[str, ...], admission: str, expected: tuple[str, str]
) -> None:
    """Minutes around the start, local times, or the session's end; a session's own keys
    win over [admission]'s."""
    assert window(workshop_with(*lines, admission=admission)) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("opens_before_minutes = 10", "closes_after_minutes = 0"), ("13:50", "14:00")),
        (('checkin_opens = "2026-10-14T13:05"', 'checkin_closes = "2026-10-14T14:40"'),
         ("13:05", "14:40")),
        (("admit_until_end = true",), ("13:30", "15:00")),
    ],
)  # fmt: skip
def test_the_door_refuses_on_either_side_of_each_boundary(
    lines: tuple[str, ...], expected: tuple[str, str]
) -> None:
    """One microsecond before check-in opens: before_admission; at the opening and at the
    close: admitted; one microsecond after the close: after_admission."""
    event = workshop_with(*lines)
    workshop = event.session("workshop")
    assert workshop is not None and window(event) == expected
    got = [entry(event, when) for when in (workshop.opens - TICK, workshop.opens)]
    got += [entry(event, when) for when in (workshop.closes, workshop.closes + TICK)]
    assert got == [
        (Verdict.OUTSIDE_WINDOW, "before_admission"),
        (Verdict.ADMITTED, "admitted"),
        (Verdict.ADMITTED, "admitted"),
        (Verdict.OUTSIDE_WINDOW, "after_admission"),
    ]


def test_an_exit_is_recorded_after_checkin_closed() -> None:
    """The check-in end closes entries only: leaving at 14:50 is an exit of the workshop."""
    event = workshop_with("closes_after_minutes = 0")
    session = event.session_for_exit("main", at("14 14:50"))
    assert session is not None and session.id == "workshop"


@pytest.mark.parametrize(
    ("lines", "field", "message"),
    [
        (('checkin_opens = "2026-10-14T13:00"', "opens_before_minutes = 10"),
         "checkin_opens", "give either checkin_opens or opens_before_minutes, not both"),
        (('checkin_closes = "2026-10-14T14:30"', "closes_after_minutes = 10"),
         "checkin_closes", "give either checkin_closes or closes_after_minutes, not both"),
        (('checkin_closes = "2026-10-14T14:30"', "admit_until_end = true"),
         "checkin_closes", "give either checkin_closes or admit_until_end, not both"),
        (("closes_after_minutes = 10", "admit_until_end = true"),
         "closes_after_minutes", "give either closes_after_minutes or admit_until_end, not both"),
        (('checkin_opens = "2026-10-14T14:01"',),
         "checkin_opens", "check-in opens after the session's start (14:00)"),
        (('checkin_opens = "2026-10-13T13:59"',),
         "checkin_opens", "check-in opens more than a day before the session's start (14:00)"),
        (('checkin_closes = "2026-10-14T13:59"',),
         "checkin_closes", "check-in closes before the session's start (14:00)"),
        (('checkin_closes = "2026-10-15T14:01"',),
         "checkin_closes", "check-in closes more than a day after the session's start (14:00)"),
        (('checkin_opens = "09:00"',),
         "checkin_opens", "needs a date and a time of day, e.g. 2026-10-14T09:30: '09:00'"),
        (("checkin_closes = 1030",),
         "checkin_closes", "expected a time like 2026-10-14T09:30, got 1030"),
        (('checkin_close = "2026-10-14T14:30"',),
         "checkin_close", "unknown key (did you mean checkin_closes?)"),
    ],
)  # fmt: skip
def test_a_bad_checkin_window_is_refused_at_its_field(
    lines: tuple[str, ...], field: str, message: str
) -> None:
    """Two keys for one end, a window that does not hold the start, a time without a date
    or a typo: refused with the session's field, never guessed."""
    error = refused(*lines)
    assert (error.field, error.message) == (f"sessions[1].{field}", message)


def test_a_bad_event_default_is_refused() -> None:
    """[admission] admit_until_end must be true or false."""
    error = refused(admission='admit_until_end = "yes"')
    assert (error.field, error.message) == (
        "admission.admit_until_end",
        "expected true or false, got 'yes'",
    )
