"""Fixtures for import tests: an event database without attendees, and tiny export files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.importing import ImportOptions, ImportReport, import_file
from kiosk.store.db import open_db, write
from kiosk.store.events import save_event
from tests.conftest import TINY_EVENT

WriteFile = Callable[..., Path]


@pytest.fixture
def empty_db(tmp_path: Path, event: Event) -> Database:
    database = open_db(tmp_path / "import.db")
    with write(database):
        save_event(database, event, TINY_EVENT)
    return database


@pytest.fixture
def export(tmp_path: Path) -> WriteFile:
    """export('name.csv', text, encoding='utf-8') writes a file and returns its path."""

    def write_file(name: str, text: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return write_file


def run_import(db: Database, event: Event, path: Path, **options: object) -> ImportReport:
    return import_file(db, event, path, ImportOptions(**options))  # type: ignore[arg-type]


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())
