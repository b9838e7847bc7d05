"""Shared fixtures: a tiny event, a fresh kiosk database with keys and a few attendees."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.codes import sign_code
from kiosk.domain.event import Event
from kiosk.domain.event_file import parse_event
from kiosk.service.checkin import CheckInService
from kiosk.store import attendees, events
from kiosk.store.db import open_db, write

pytest_plugins = ["tests.pg_server"]  # hub fixtures for tests/sync and tests/ui


@pytest.fixture(autouse=True, scope="session")
def _log_file_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Screens started by tests (and their subprocesses) log into a temporary file, never
    into the developer's own kiosk log."""
    os.environ.setdefault("KIOSK_LOG_FILE", str(tmp_path_factory.mktemp("log") / "kiosk.log"))


TINY_EVENT = """
[event]
id = "tiny-2026"
name = "Tiny Expo"
timezone = "Asia/Shanghai"
days = ["2026-10-14", "2026-10-15"]

[admission]
opens_before_minutes = 30
closes_after_minutes = 15
repeat_scan_seconds = 5

[[halls]]
id = "main"
name = "Main hall"
capacity = 2

[[halls]]
id = "floor"
name = "Exhibition floor"
capacity = 1000

[[types]]
id = "delegate"
name = "Delegate"
color = "#1565c0"
halls = "*"

[[types]]
id = "visitor"
name = "Visitor"
color = "#2e7d32"
halls = ["floor"]

[[types]]
id = "staff"
name = "Staff"
color = "#424242"
all_access = true

[[sessions]]
id = "keynote"
hall = "main"
title = "Keynote"
start = "2026-10-14T10:00"
end = "2026-10-14T11:00"

[[sessions]]
id = "workshop"
hall = "main"
title = "Workshop"
start = "2026-10-14T14:00"
end = "2026-10-14T15:00"
registration = "required"
reentry = false

[[sessions]]
id = "gala"
hall = "main"
title = "Gala"
start = "2026-10-15T19:00"
end = "2026-10-15T21:00"
registration = "invitation"

[[sessions]]
id = "floor-d1"
hall = "floor"
title = "Exhibition day 1"
start = "2026-10-14T09:00"
end = "2026-10-14T18:00"
admit_until_end = true
"""

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def at(text: str) -> dt.datetime:
    """A Shanghai wall-clock time on the tiny event's days, e.g. at('14 10:05')."""
    day, clock = text.split()
    hour, minute = clock.split(":")
    return dt.datetime(2026, 10, int(day), int(hour), int(minute), tzinfo=SHANGHAI)


PEOPLE = [
    Attendee("A1", "伟", "张", "华为", "zhang.wei@example.cn", "delegate", ticket_code="T-0001"),
    Attendee(
        "A2",
        "Núria",
        "Puig i Solé",
        "Fira de Barcelona",
        "nuria@example.es",
        "delegate",
        ticket_code="T-0002",
    ),
    Attendee("A3", "Jürgen", "Groß", "INTEX", "jurgen@example.de", "visitor", ticket_code="T-0003"),
    Attendee("A4", "Ada", "Staff", "SCES", "ada@example.com", "staff", ticket_code="T-0004"),
    Attendee(
        "A5",
        "Ana",
        "Gone",
        "X",
        "ana@example.com",
        "delegate",
        ticket_code="T-0005",
        cancelled=True,
    ),
    Attendee("A6", "Carl", "Late", "Y", "carl@example.com", "delegate", ticket_code="T-0006"),
]


@pytest.fixture
def event() -> Event:
    return parse_event(TINY_EVENT, "tiny.toml")


@pytest.fixture
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def db(tmp_path: Path, event: Event, signing_key: Ed25519PrivateKey) -> Database:
    database = open_db(tmp_path / "kiosk.db")
    with write(database):
        events.save_event(database, event, TINY_EVENT)
        events.add_public_key(database, event.id, signing_key.public_key())
        for person in PEOPLE:
            attendees.save(database, person)
        attendees.add_registrations(
            database, [("A1", "workshop", "registered"), ("A2", "gala", "invited")]
        )
    return database


@pytest.fixture
def code_for(event: Event, signing_key: Ed25519PrivateKey) -> Callable[..., str]:
    def make(attendee_id: str, type_id: str = "delegate", issue: int = 1) -> str:
        return sign_code(signing_key, event.id, attendee_id, type_id, issue)

    return make


@pytest.fixture
def service(db: Database, event: Event) -> CheckInService:
    return CheckInService(db, event, clock=lambda: at("14 10:00"))
