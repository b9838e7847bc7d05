"""`inside` and `leavers` agree with a plain replay of a generated day: 10,000 entries, exits
and undos at two doors across four halls, merged through a folder hub (issue 15)."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Decision, Direction
from kiosk.domain.event import Event
from kiosk.domain.event_file import parse_event
from kiosk.service.checkin import CheckInError
from kiosk.service.leavers import leavers
from kiosk.service.rollcall import inside
from kiosk.store import attendees, events, settings
from kiosk.store.db import open_db, write
from tests.sync.conftest import Kiosk, assert_converged

HALLS = ("h1", "h2", "h3", "h4")
SCANS = 10_000
PEOPLE = 1_500
SKEW = dt.timedelta(
    minutes=3
)  # door b's clock runs ahead; its offset is known (as a PG hub measures)
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
DAY = dt.datetime(2026, 10, 14, 8, 35, tzinfo=SHANGHAI)
AM_END = dt.datetime(2026, 10, 14, 12, 0, tzinfo=SHANGHAI)
PM_END = dt.datetime(2026, 10, 14, 17, 0, tzinfo=SHANGHAI)
PM_OPENS = dt.datetime(2026, 10, 14, 12, 30, tzinfo=SHANGHAI)


def four_halls() -> str:
    text = """
[event]
id = "four-2026"
name = "Four Halls"
timezone = "Asia/Shanghai"
days = ["2026-10-14"]

[admission]
opens_before_minutes = 30
admit_until_end = true

[[types]]
id = "delegate"
name = "Delegate"
color = "#1565c0"
halls = "*"
"""
    for hall in HALLS:
        text += f'\n[[halls]]\nid = "{hall}"\nname = "Hall {hall}"\ncapacity = 5000\n'
        for part, start, end in (("am", "09:00", "12:00"), ("pm", "13:00", "17:00")):
            text += (
                f'\n[[sessions]]\nid = "{hall}-{part}"\nhall = "{hall}"\ntitle = "{hall} {part}"\n'
                f'start = "2026-10-14T{start}"\nend = "2026-10-14T{end}"\ncapacity = 5000\n'
            )
    return text


@pytest.fixture
def event() -> Event:
    return parse_event(four_halls(), "four.toml")


@pytest.fixture
def db(tmp_path: Path, event: Event) -> Database:
    """The organiser's database: the four-hall event and 1,500 delegates."""
    database = open_db(tmp_path / "organiser.db")
    with write(database):
        events.save_event(database, event, four_halls())
        for n in range(PEOPLE):
            attendees.save(
                database,
                Attendee(f"P{n:05d}", "Ana", f"Test {n}", "", "", "delegate", f"T-{n:05d}"),
            )
    return database


def session_at(hall: str, when: dt.datetime) -> str:
    """The hall's session for a roll call, by the event's times alone (not Event's code)."""
    return f"{hall}-am" if when < PM_OPENS else f"{hall}-pm"


Effect = tuple[dt.datetime, str, str, int, str]  # true time, attendee, session, delta, kiosk


def generate(a: Kiosk, b: Kiosk, location: str) -> list[Effect]:
    """10,000 scans, exits and undos at two doors, syncing every 2,500; the effects the
    decisions report, with undone pairs dropped and times as a true clock has them."""
    rng = random.Random(15)
    doors = {a.id: a.service(), b.id: b.service()}
    skew = {a.id: dt.timedelta(0), b.id: SKEW}
    kept: dict[str, Effect] = {}
    when = DAY
    for n in range(SCANS):
        when += dt.timedelta(seconds=rng.choice((1, 2, 3, 4)))
        door = rng.choice((a.id, b.id))
        service, stamp = doors[door], when + skew[door]
        roll = rng.random()
        decision: Decision
        if roll < 0.04:
            target = service.undo_candidate(stamp)
            if target is None:
                continue
            try:
                service.undo_last(stamp, expect=target.record_id)
            except CheckInError:
                continue
            kept.pop(str(target.record_id), None)
            continue
        code = f"T-{rng.randrange(PEOPLE):05d}"
        direction = Direction.ENTRY if roll < 0.6 else Direction.EXIT
        decision = service.scan(code, rng.choice(HALLS), direction, stamp)
        if decision.recorded and decision.delta and decision.session and decision.attendee:
            kept[str(decision.record_id)] = (
                when, decision.attendee.id, decision.session, decision.delta, door
            )  # fmt: skip
        if n % 2_500 == 2_499:
            for kiosk in (a, b, a):
                kiosk.sync(location)
    for kiosk in (a, b, a):
        kiosk.sync(location)
    return list(kept.values())


def replay_inside(effects: list[Effect], hall: str, at: dt.datetime | None) -> dict[str, str]:
    """Attendee -> the kiosk of their latest entry, for those inside `hall` at `at`."""
    session = session_at(hall, at or PM_END)
    total: dict[str, int] = defaultdict(int)
    door: dict[str, tuple[dt.datetime, str]] = {}
    for when, person, sid, delta, kiosk in effects:
        if sid != session or (at is not None and when > at):
            continue
        total[person] += delta
        if delta > 0 and (person not in door or when >= door[person][0]):
            door[person] = (when, kiosk)
    return {p: door[p][1] for p, n in total.items() if n > 0}


def replay_leavers(
    effects: list[Effect], session: str, end: dt.datetime
) -> tuple[int, set[str], set[str]]:
    """(entered, left and gone, left and back) by the end of `session`."""
    state: dict[str, int] = defaultdict(int)
    came: set[str] = set()
    left: set[str] = set()
    for when, person, sid, delta, _ in sorted(effects, key=lambda e: (e[0], -e[3])):
        if sid != session or when > end:
            continue
        state[person] += delta
        came |= {person} if delta > 0 else set()
        left |= {person} if delta < 0 and when < end else set()
    back = {p for p in left if state[p] > 0}
    return len(came), left - back, back


@pytest.mark.slow
def test_inside_agrees_with_the_log_after_sync(
    folder_hub: str, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk]
) -> None:
    """At thirteen moments of the day and now, on both doors' databases once merged: the
    same people in each hall as a replay of the decisions, with the door that let them in;
    and the same leavers per session (entered, left for good, left and came back)."""
    published(folder_hub)
    a, b = kiosk_factory("a"), kiosk_factory("b", skew_minutes=SKEW.total_seconds() / 60)
    for kiosk in (a, b):
        kiosk.db.execute("PRAGMA synchronous = OFF")  # durability is not under test here
        kiosk.sync(folder_hub)
    with write(b.db):
        settings.put(b.db, "clock_offset_ms", str(int(SKEW.total_seconds() * 1000)))
    effects = generate(a, b, folder_hub)
    assert_converged(a.db, b.db)
    event = events.load_event(a.db)
    assert event is not None
    moments = [DAY + dt.timedelta(minutes=40 * k, seconds=0.5) for k in range(13)]
    checked = 0
    for db in (a.db, b.db):
        for moment in [*moments, None]:
            roll = inside(db, event, moment, now=moment or PM_END)
            for hall in roll.halls:
                expected = replay_inside(effects, hall.hall.id, moment)
                assert {p.attendee_id: p.kiosk_id for p in hall.people} == expected
                checked += len(expected)
    assert checked > 2_000  # the halls were not empty: the comparison compared something
    doors = {k.kiosk_id: k.records for k in inside(a.db, event, None, now=PM_END).freshness.kiosks}
    assert set(doors) == {a.id, b.id} and sum(doors.values()) > SCANS * 0.9
    undos = a.db.execute("SELECT count(*) FROM checkins WHERE verdict = 'undone'").fetchone()[0]
    assert undos > 100

    # Leavers per session: entered, left for good, left then back, as a replay counts them.
    found = {s.session.id: s for s in leavers(b.db, event)}
    for hall_id in HALLS:
        for part, end in (("am", AM_END), ("pm", PM_END)):
            entered, gone, back = replay_leavers(effects, f"{hall_id}-{part}", end)
            got = found[f"{hall_id}-{part}"]
            assert (got.entered, {p.attendee_id for p in got.gone}) == (entered, gone)
            assert {p.attendee_id for p in got.came_back} == back
    assert sum(len(s.leavers) for s in found.values()) > 300
    started = time.perf_counter()
    inside(b.db, event, None, now=PM_END)
    leavers(b.db, event)
    assert time.perf_counter() - started < 5  # generous on a shared machine; see bench/
