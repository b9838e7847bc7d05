"""The built-in SCES demo event: what PRODUCT.md and issue 2 promise it holds."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from kiosk import resources
from kiosk.domain.event import Event, Registration, Session
from kiosk.domain.event_file import load_event

DEMO = resources.demo_event()
FLOOR = "expo"


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(DEMO)[0]


def congress(event: Event) -> list[Session]:
    return [s for s in event.sessions if s.hall != FLOOR]


def local_day(event: Event, session: Session) -> dt.date:
    return session.start.astimezone(event.tz).date()


def only(sessions: list[Session], words: str) -> Session:
    found = [s for s in sessions if words in s.title]
    assert len(found) == 1, [s.title for s in found]
    return found[0]


def test_demo_event_is_sces_in_shanghai(event: Event) -> None:
    """The demo is SCES 2026: Asia/Shanghai, 14-15 October, its motto, en/zh_CN/de."""
    assert (event.id, event.timezone, event.motto) == (
        "sces-2026",
        "Asia/Shanghai",
        "The Smart is Rising",
    )
    assert event.days == (dt.date(2026, 10, 14), dt.date(2026, 10, 15))
    assert event.languages == ("en", "zh_CN", "de")


def test_at_least_twenty_congress_sessions_in_four_halls(event: Event) -> None:
    """More than 20 congress sessions, spread over at least 4 halls besides the floor."""
    sessions = congress(event)
    assert len(sessions) >= 20
    assert len({s.hall for s in sessions}) >= 4


def test_congress_runs_on_both_days(event: Event) -> None:
    """Both days hold congress sessions."""
    assert {local_day(event, s) for s in congress(event)} == set(event.days)


def test_each_track_is_used(event: Event) -> None:
    """The four thematic tracks exist and each has sessions."""
    assert sorted(event.tracks.values()) == [
        "Digital Transformation",
        "Energy and Environment",
        "Governance",
        "Smart Mobility",
    ]
    assert {s.track for s in event.sessions if s.track} == set(event.tracks)


def test_exhibition_floor_opens_each_day_to_everyone(event: Event) -> None:
    """The floor is a big hall with one session per day, admitting every type until it ends."""
    floor = event.hall(FLOOR)
    assert floor is not None and floor.capacity >= 1000
    sessions = event.sessions_in(FLOOR)
    assert [local_day(event, s) for s in sessions] == list(event.days)
    for s in sessions:
        assert s.closes == s.end
        assert s.types is None and s.registration is Registration.OPEN
    assert all(t.may_enter(FLOOR) for t in event.types)


def test_awards_ceremony_is_invitation_only_on_day_two(event: Event) -> None:
    """The SCES Awards ceremony is invitation-only and held on day 2."""
    awards = only(list(event.sessions), "SCES Awards")
    assert awards.registration is Registration.INVITATION
    assert local_day(event, awards) == event.days[1]


def test_bridge_launch_is_invitation_only(event: Event) -> None:
    """The Barcelona-Shanghai Bridge launch is invitation-only, on an event day."""
    bridge = only(list(event.sessions), "Barcelona-Shanghai Bridge")
    assert bridge.registration is Registration.INVITATION
    assert local_day(event, bridge) in event.days
    invitation = [s.id for s in event.sessions if s.registration is Registration.INVITATION]
    assert sorted(invitation) == sorted([bridge.id, only(list(event.sessions), "Awards").id])


def test_workshops_need_registration_and_are_small(event: Event) -> None:
    """Some sessions require a per-session registration, in a small room."""
    required = [s for s in event.sessions if s.registration is Registration.REQUIRED]
    assert len(required) >= 2
    assert all(s.capacity <= 50 for s in required)


def test_some_sessions_are_single_entry(event: Event) -> None:
    """Some sessions refuse re-entry; most allow it."""
    single = [s for s in event.sessions if not s.reentry]
    assert 0 < len(single) < len(event.sessions) / 2


def test_types_and_their_halls(event: Event) -> None:
    """Visitors see the floor only, delegates every hall, exhibitors some, staff everything."""
    types = {t.id: t for t in event.types}
    assert set(types) == {"visitor", "delegate", "exhibitor", "speaker", "press", "vip", "staff"}
    halls = [h.id for h in event.halls]
    assert [h for h in halls if types["visitor"].may_enter(h)] == [FLOOR]
    assert all(types["delegate"].may_enter(h) for h in halls)
    exhibitor = [h for h in halls if types["exhibitor"].may_enter(h)]
    assert FLOOR in exhibitor and 1 < len(exhibitor) < len(halls)
    assert types["staff"].all_access
    assert [t.id for t in event.types if t.all_access] == ["staff"]
    assert len({t.color for t in event.types}) == len(event.types)


def test_capacities_are_realistic(event: Event) -> None:
    """Auditorium for hundreds, rooms for 100-300, a workshop room for dozens, floor for 3000."""
    capacity = {h.id: h.capacity for h in event.halls}
    assert capacity["auditorium"] >= 500 and capacity[FLOOR] >= 3000
    assert min(capacity.values()) <= 50
    for s in event.sessions:
        hall = event.hall(s.hall)
        assert hall is not None and s.capacity <= hall.capacity


def test_admission_windows_in_a_hall_never_overlap(event: Event) -> None:
    """At any time a door admits for at most one session, so a scan finds its session."""
    for hall in event.halls:
        sessions = event.sessions_in(hall.id)
        for before, after in pairwise(sessions):
            assert before.end <= after.start, (before.id, after.id)
            assert before.closes < after.opens, (before.id, after.id)


def test_each_session_is_found_from_its_hall_and_time(event: Event) -> None:
    """Scanning at a door at a session's start yields that session."""
    for s in event.sessions:
        assert event.session_for_entry(s.hall, s.start) == s
