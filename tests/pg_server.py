"""Hub fixtures shared by tests/sync and tests/ui (a pytest plugin): a private PostgreSQL
server for the session, fresh PostgreSQL and folder hubs, and publishing to them."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.store.keyfiles import key_dir_for
from kiosk.store.organiser_setup import init_organiser
from kiosk.sync.folder import FolderHub
from kiosk.sync.hubs import open_hub
from kiosk.sync.pg_schema import init_hub
from kiosk.sync.publish import publish
from tests.sync.pgserver import PgServer, find_bin_dir, start_server

KIOSK_PASSWORD = "kiosk-secret"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if find_bin_dir() is None:
        pytest.skip(
            "PostgreSQL server binaries not installed (/usr/lib/postgresql/*/bin); "
            "Debian: apt-get install postgresql (scripts/setup-system.sh does)"
        )
    server = start_server()
    yield server
    server.remove()


@dataclass
class PgHub:
    server: PgServer
    name: str
    admin: str  # the organiser's URL (database owner)
    kiosk: str  # the least-privilege kiosk role's URL


@pytest.fixture
def pg_hub(pg_server: PgServer) -> PgHub:
    name = f"hub{next(_numbers)}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    with psycopg.connect(pg_server.url(name), autocommit=True) as conn:
        init_hub(conn, f"{name}_kiosk", KIOSK_PASSWORD)
    return PgHub(
        pg_server, name, pg_server.url(name), pg_server.url(name, f"{name}_kiosk", KIOSK_PASSWORD)
    )


@pytest.fixture
def folder_hub(tmp_path: Path) -> str:
    location = tmp_path / "hub"
    FolderHub(location).create()
    return str(location)


@pytest.fixture
def organiser_root(db: Database, tmp_path: Path) -> Ed25519PrivateKey:
    """The organiser database (tests/conftest `db`) made the organiser's: its root key."""
    return init_organiser(db, key_dir_for(tmp_path / "kiosk.db"))


class Publisher:
    """Publishes the organiser database to hub locations, and again to every one of them
    when told (after a kiosk was enrolled)."""

    def __init__(self, db: Database, event: Event, root: Ed25519PrivateKey) -> None:
        self.db, self.event, self.root = db, event, root
        self.locations: list[str] = []

    def __call__(self, location: str) -> None:
        hub = open_hub(location)
        try:
            publish(self.db, hub, self.event, root=self.root)
        finally:
            hub.close()
        if location not in self.locations:
            self.locations.append(location)

    def again(self) -> None:
        for location in self.locations:
            self(location)


@pytest.fixture
def published(db: Database, event: Event, organiser_root: Ed25519PrivateKey) -> Publisher:
    """Publish the organiser database (tests/conftest `db`) to a hub location."""
    return Publisher(db, event, organiser_root)
