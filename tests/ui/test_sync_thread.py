"""SyncThread: passes on its own thread, signals for what a pass brought, a prompt stop."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.event_file import parse_event
from kiosk.store import events
from kiosk.store.db import write
from kiosk.sync.report import SyncReport
from kiosk.sync.runner import SyncStatus
from kiosk.ui.sync_thread import SyncThread
from tests.conftest import TINY_EVENT, at
from tests.ui.conftest import HUB, FakeRunner


@pytest.fixture
def threads() -> Iterator[list[SyncThread]]:
    """Threads a test starts, stopped even when it fails (Qt aborts the process when a
    running QThread is destroyed)."""
    made: list[SyncThread] = []
    yield made
    for thread in made:
        thread.stop(3000)


def test_status_after_every_pass_and_what_the_pass_brought(
    qtbot, threads: list[SyncThread]
) -> None:  # type: ignore[no-untyped-def]
    """The first status comes before any pass; each pass sends the status and its report;
    keys and a new event each have their own signal."""
    runner = FakeRunner()
    thread = SyncThread(runner, every_s=0.02)
    threads.append(thread)
    statuses: list[SyncStatus] = []
    reports: list[SyncReport] = []
    brought: list[str] = []
    # Plain lists, not qtbot.waitSignal: pytest-qt disconnects its slot while a queued
    # call from another thread runs it, which crashed PySide 6.11 now and then.
    thread.status_changed.connect(statuses.append)
    thread.synced.connect(reports.append)
    thread.keys_changed.connect(lambda: brought.append("keys"))
    thread.event_changed.connect(lambda: brought.append("event"))
    thread.start()
    qtbot.waitUntil(lambda: len(statuses) > 0, timeout=3000)
    assert statuses[0] == SyncStatus(HUB, False, None, 0, None, None)
    runner.bring(SyncReport(HUB, keys=2))
    qtbot.waitUntil(lambda: brought == ["keys"], timeout=3000)
    runner.bring(SyncReport(HUB, event_updated=True))
    qtbot.waitUntil(lambda: brought == ["keys", "event"], timeout=3000)
    assert [(r.keys, r.event_updated) for r in reports] == [(2, False), (0, True)]
    assert thread.stop(3000) and not thread.isRunning() and runner.closed.is_set()


def test_stop_does_not_wait_for_the_next_pass(qtbot, threads: list[SyncThread]) -> None:  # type: ignore[no-untyped-def]
    """A minute between passes: stop() ends the thread at once, not after the minute."""
    runner = FakeRunner()
    thread = SyncThread(runner, every_s=60)
    threads.append(thread)
    thread.start()
    qtbot.waitUntil(lambda: runner.passes == 1, timeout=3000)
    assert thread.stop(2000)
    assert not thread.isRunning() and runner.closed.is_set()


def test_a_new_event_from_the_hub_reaches_the_door(
    make_door: Callable[..., Door], db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """The organiser renamed the hall; after the pass that merged it the header says so."""
    runner = FakeRunner()
    door = make_door(runner=runner)
    renamed = TINY_EVENT.replace('name = "Main hall"', 'name = "Great hall"')
    with write(db):
        events.save_event(db, parse_event(renamed, "tiny.toml"), renamed)
    runner.current = SyncStatus(HUB, True, None, 0, at("14 10:00"), None)
    runner.bring(SyncReport(HUB, event_updated=True))
    qtbot.waitUntil(lambda: door.window.header.hall.text() == "Great hall", timeout=3000)
    assert door.service.event.hall("main").name == "Great hall"  # type: ignore[union-attr]
