"""Sync fixtures: kiosks on a hub and helpers (the hubs themselves come from tests/pg_server.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.trust import Role, fingerprint
from kiosk.service.checkin import CheckInService
from kiosk.store import checkins, events, settings, trust_state
from kiosk.store.checkins import LogRecord
from kiosk.store.db import open_db, write
from kiosk.store.keyfiles import key_dir_for, kiosk_key
from kiosk.store.organiser_setup import enrol_kiosk
from kiosk.sync.engine import sync_once
from kiosk.sync.hubs import open_hub
from kiosk.sync.report import SyncReport
from tests.conftest import at
from tests.pg_server import PgHub, Publisher


@pytest.fixture(params=["folder", "postgresql"])
def hub_pair(request: pytest.FixtureRequest) -> tuple[str, str]:
    """(organiser location, kiosk location) for each kind of hub."""
    if request.param == "folder":
        folder: str = request.getfixturevalue("folder_hub")
        return folder, folder
    hub: PgHub = request.getfixturevalue("pg_hub")
    return hub.admin, hub.kiosk


class Kiosk:
    """A kiosk database of its own, provisioned from a hub, with its own clock and key."""

    def __init__(
        self, path: Path, skew: dt.timedelta = dt.timedelta(0), kiosk_id: str | None = None
    ) -> None:
        self.path = path
        self.db = open_db(path)
        self.skew = skew
        if kiosk_id is not None and settings.get(self.db, "kiosk_id") is None:
            with write(self.db):
                settings.put(self.db, "kiosk_id", kiosk_id)
        self.id = settings.kiosk_id(self.db)
        self.key = kiosk_key(key_dir_for(path), self.id)

    def trust(self, root: Ed25519PrivateKey) -> None:
        """Provisioning: the organiser fingerprint this kiosk is told to pin."""
        with write(self.db):
            trust_state.expect_root(self.db, fingerprint(root.public_key()))

    def sync(self, location: str) -> SyncReport:
        hub = open_hub(location)
        try:
            return sync_once(self.db, hub, self.key, clock=self.clock)
        finally:
            hub.close()

    def clock(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.skew

    def service(self, when: str = "14 10:00", **kwargs: object) -> CheckInService:
        event = events.load_event(self.db)
        assert event is not None
        moment = at(when) + self.skew
        return CheckInService(self.db, event, clock=lambda: moment, **kwargs)  # type: ignore[arg-type]

    def ids(self) -> set[str]:
        return log_ids(self.db)


@pytest.fixture
def kiosk_factory(
    tmp_path: Path, db: Database, organiser_root: Ed25519PrivateKey, published: Publisher
) -> Callable[..., Kiosk]:
    """Kiosk "a" has kiosk id "ka" (so fake_records("ka") are its own), is told the
    organiser's fingerprint and, unless role=None, enrolled (as a door by default) and
    announced on every hub published to so far."""

    def make(name: str, skew_minutes: float = 0, role: Role | None = Role.DOOR) -> Kiosk:
        made = Kiosk(tmp_path / f"{name}.db", dt.timedelta(minutes=skew_minutes), f"k{name}")
        made.trust(organiser_root)
        if role is not None:
            enrol_kiosk(db, made.id, made.key.public_key(), role)
            published.again()
        return made

    return make


@dataclass
class Venue:
    """A hub with the organiser's data published, and a way to add kiosks to it: each is
    told the organiser's fingerprint and enrolled (as a door unless said otherwise)."""

    admin: str
    location: str
    publish: Callable[[str], None]
    make: Callable[..., Kiosk]
    organiser: Database
    root: Ed25519PrivateKey

    def republish(self) -> None:
        self.publish(self.admin)

    def enrol(self, kiosk: Kiosk, role: Role = Role.DOOR) -> None:
        enrol_kiosk(self.organiser, kiosk.id, kiosk.key.public_key(), role)

    def kiosk(
        self, name: str, skew_minutes: float = 0, provision: bool = True,
        role: Role | None = Role.DOOR,
    ) -> Kiosk:  # fmt: skip
        made = self.make(name, skew_minutes, role)
        if provision:
            made.sync(self.location)
        return made


@pytest.fixture
def venue(
    hub_pair: tuple[str, str],
    published: Callable[[str], None],
    kiosk_factory: Callable[..., Kiosk],
    db: Database,
    organiser_root: Ed25519PrivateKey,
) -> Venue:
    admin, location = hub_pair
    published(admin)
    return Venue(admin, location, published, kiosk_factory, db, organiser_root)


def log_ids(db: Database) -> set[str]:
    return {str(r[0]) for r in db.execute("SELECT id FROM checkins")}


def presence_table(db: Database) -> dict[tuple[str, str], tuple[int, int]]:
    rows = db.execute("SELECT attendee_id, session_id, inside, entries FROM presence")
    return {(a, s): (i, e) for a, s, i, e in rows if (i, e) != (0, 0)}


def presence_from_log(db: Database) -> dict[tuple[str, str], tuple[int, int]]:
    """Presence recomputed from the log alone: equal to the table unless an effect doubled."""
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for _, r in checkins.since_seq(db, 0, 10**9):
        if r.attendee_id is None or r.session_id is None or r.delta == 0:
            continue
        inside, entries = found.get((r.attendee_id, r.session_id), (0, 0))
        entries += r.delta if (r.undoes is None) == (r.delta > 0) else 0
        found[(r.attendee_id, r.session_id)] = (inside + r.delta, entries)
    return {k: v for k, v in found.items() if v != (0, 0)}


def assert_converged(*dbs: Database, expected: set[str] | None = None) -> None:
    """Same records everywhere (nothing lost), effects applied once (nothing doubled)."""
    first = log_ids(dbs[0])
    for db in dbs:
        assert log_ids(db) == first
        assert checkins.count(db) == len(first)
        assert presence_table(db) == presence_from_log(db)
    if expected is not None:
        assert first == expected


def fake_records(kiosk_id: str, count: int, start: int = 0) -> list[LogRecord]:
    """Many admissions and exits by made-up attendees, for volume and fault tests."""
    records = []
    for n in range(start, start + count):
        records.append(
            LogRecord(
                id=f"{kiosk_id}-{n:07d}", kiosk_id=kiosk_id, hall="floor",
                session_id="floor-d1", direction="entry", verdict="admitted",
                reason="admitted", attendee_id=f"X{n:07d}", code=f"T-{n:07d}",
                at=f"2026-10-14T0{2 + n % 6}:{n % 60:02d}:00.000000+00:00", delta=1,
            )
        )  # fmt: skip
    return records


def as_rows(records: list[LogRecord]) -> list[tuple[object, ...]]:
    """Records as Hub.push takes them."""
    return [dataclasses.astuple(r) for r in records]


def add_records(db: Database, records: list[LogRecord]) -> None:
    with write(db):
        for record in records:
            checkins.append(db, record)
