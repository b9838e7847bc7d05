"""Faults of issue 6 §5: after each, every kiosk holds the same records, none lost, none doubled."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from kiosk.domain.event import Event
from kiosk.store import settings, sync_state
from kiosk.sync import stats
from kiosk.sync.engine import sync_once
from kiosk.sync.errors import HubUnreachable
from kiosk.sync.hub import RecordBatch
from kiosk.sync.pg_hub import PostgresHub
from kiosk.sync.runner import SyncRunner, local_error
from tests.pg_server import PgHub
from tests.sync.conftest import (
    Kiosk,
    Venue,
    add_records,
    assert_converged,
    fake_records,
    log_ids,
)
from tests.sync.proxy import Proxy

REPO = Path(__file__).resolve().parents[2]
Code = Callable[..., str]


@pytest.fixture
def pg_pair(
    pg_hub: PgHub, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk]
) -> tuple[Kiosk, Kiosk]:
    published(pg_hub.admin)
    a, b = kiosk_factory("a"), kiosk_factory("b")
    a.sync(pg_hub.kiosk)
    b.sync(pg_hub.kiosk)
    return a, b


def hub_ids(pg_hub: PgHub) -> set[str]:
    with psycopg.connect(pg_hub.admin) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM kiosk_hub.log")}


def ids(prefix: str, count: int) -> set[str]:
    return {r.id for r in fake_records(prefix, count)}


def test_connection_cut_in_the_middle_of_a_push(
    pg_hub: PgHub, pg_pair: tuple[Kiosk, Kiosk]
) -> None:
    """The push is one transaction: cut mid-COPY, the hub keeps nothing of it; retried, all."""
    a, b = pg_pair
    add_records(a.db, fake_records("ka", 8_000))
    proxy = Proxy(pg_hub.server.port, cut_after=400_000)
    with pytest.raises(HubUnreachable, match="cannot reach the hub"):
        a.sync(proxy.url(pg_hub.kiosk))
    assert proxy.cuts >= 1 and hub_ids(pg_hub) == set()
    a.sync(pg_hub.kiosk)
    b.sync(pg_hub.kiosk)
    assert hub_ids(pg_hub) == ids("ka", 8_000)
    assert_converged(a.db, b.db, expected=ids("ka", 8_000))


def test_connection_cut_in_the_middle_of_a_pull(
    pg_hub: PgHub, pg_pair: tuple[Kiosk, Kiosk], kiosk_factory: Callable[..., Kiosk]
) -> None:
    """A connection cut mid-pull is taken up again on a new one, nothing doubled; a hub
    gone for good mid-pull leaves the batches merged before with their cursor, and the
    rest comes next time."""
    a, b = pg_pair
    add_records(a.db, fake_records("ka", 20_000))
    a.sync(pg_hub.kiosk)
    measure = Proxy(pg_hub.server.port)
    c = kiosk_factory("c", role=None)
    c.sync(measure.url(pg_hub.kiosk))
    proxy = Proxy(pg_hub.server.port, cut_after=measure.total // 3)
    b.sync(proxy.url(pg_hub.kiosk))
    assert proxy.cuts >= 2
    assert_converged(a.db, b.db, expected=ids("ka", 20_000))

    gone = Proxy(pg_hub.server.port)
    hub = PostgresHub(gone.url(pg_hub.kiosk))
    pull = hub.pull_records

    def pull_then_vanish(cursor: str, kiosk_id: str) -> Iterator[RecordBatch]:
        for number, batch in enumerate(pull(cursor, kiosk_id)):
            yield batch
            if number == 0:
                gone.kill()

    hub.pull_records = pull_then_vanish  # type: ignore[method-assign]
    d = kiosk_factory("d", role=None)
    with pytest.raises(HubUnreachable):
        sync_once(d.db, hub, d.key)
    partly = len(d.ids())
    assert 0 < partly < 20_000
    d.sync(pg_hub.kiosk)
    assert_converged(a.db, d.db, expected=ids("ka", 20_000))


def test_sync_killed_with_sigkill_at_random_points(
    pg_hub: PgHub, pg_pair: tuple[Kiosk, Kiosk]
) -> None:
    """A sync process killed anywhere (mid-push, mid-merge, between cursor and data) resumes."""
    a, b = pg_pair
    add_records(a.db, fake_records("ka", 15_000))
    add_records(b.db, fake_records("kb", 3_000))
    rng = random.Random(20261014)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for kiosk in (a, b, a, b, a, b, b):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.child", str(kiosk.path), pg_hub.kiosk, "3"],
            stdout=subprocess.PIPE, cwd=REPO, env=env,
        )  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 1.0))
        child.kill()
        child.wait()
    for kiosk in (a, b, a):
        kiosk.sync(pg_hub.kiosk)
    everything = ids("ka", 15_000) | ids("kb", 3_000)
    assert hub_ids(pg_hub) == everything
    assert_converged(a.db, b.db, expected=everything)


def test_two_kiosks_syncing_at_the_same_time_while_scanning(venue: Venue) -> None:
    """Concurrent passes of two kiosks, with new records arriving meanwhile, converge."""
    a, b = venue.kiosk("a"), venue.kiosk("b")
    add_records(a.db, fake_records("ka", 5_000))
    add_records(b.db, fake_records("kb", 5_000))
    runners = [SyncRunner(a.path, venue.location), SyncRunner(b.path, venue.location)]
    start = threading.Barrier(2)

    def passes(runner: SyncRunner) -> None:
        start.wait()
        for _ in range(4):
            runner.run_once()

    threads = [threading.Thread(target=passes, args=(r,)) for r in runners]
    for thread in threads:
        thread.start()
    for n in range(10):  # the doors keep scanning while the sync threads run
        add_records(a.db, fake_records("ka", 50, start=5_000 + 50 * n))
        add_records(b.db, fake_records("kb", 50, start=5_000 + 50 * n))
    for thread in threads:
        thread.join()
    for runner in runners + runners:
        assert runner.run_once() is not None, runner.status().last_error
    for runner in runners:
        runner.close()
    assert_converged(a.db, b.db, expected=ids("ka", 5_500) | ids("kb", 5_500))


def test_hub_restarted_during_a_sync(pg_hub: PgHub, pg_pair: tuple[Kiosk, Kiosk]) -> None:
    """The server restarts mid-pass: the pass fails cleanly (offline), the next one completes."""
    a, b = pg_pair
    add_records(a.db, fake_records("ka", 20_000))
    runner = SyncRunner(a.path, pg_hub.kiosk)
    syncing = threading.Thread(target=runner.run_once)
    syncing.start()
    time.sleep(0.3)
    pg_hub.server.restart()
    syncing.join()
    first = runner.status()
    report = runner.run_once()
    assert report is not None, runner.status().last_error
    assert runner.status().online and runner.status().waiting == 0
    if not first.online:
        assert first.offline_since is not None and "cannot reach the hub" in str(first.last_error)
    runner.close()
    b.sync(pg_hub.kiosk)
    assert hub_ids(pg_hub) == ids("ka", 20_000)
    assert_converged(a.db, b.db, expected=ids("ka", 20_000))


def test_clock_skew_of_minutes_between_kiosks(venue: Venue, event: Event, code_for: Code) -> None:
    """Kiosks 7 minutes fast and 6 minutes slow: records merge the same, the double admission
    is found, and (with a PostgreSQL hub) times are put back on the hub's clock."""
    a, b = venue.kiosk("a", skew_minutes=7), venue.kiosk("b", skew_minutes=-6)
    # Two minutes inside the 10:00 bucket: the offset is measured to a few milliseconds,
    # and a scan at 10:00:00 sharp fell into 09:45 whenever the error was negative.
    a.service("14 10:02").scan(code_for("A1"), "main")
    b.service("14 10:02").scan(code_for("A1"), "main")
    b.service("14 10:03").scan("T-0002", "main")
    for kiosk in (a, b, a):
        kiosk.sync(venue.location)
    assert_converged(a.db, b.db)
    assert [c.attendee_id for c in sync_state.conflicts(a.db, [])] == ["A1"]
    if venue.location.startswith("postgresql://"):
        offsets = [int(settings.get(k.db, "clock_offset_ms") or 0) for k in (a, b)]
        assert abs(offsets[0] - 420_000) < 2_000 and abs(offsets[1] + 360_000) < 2_000
        figures = stats.compute(a.db, event)
        day = next(iter(figures.entries_by_day.values()))
        assert [(bucket.strftime("%H:%M"), n) for bucket, n in day] == [("10:00", 3)]


@contextlib.contextmanager
def small_disk(root: Path) -> Iterator[tuple[Path, Callable[[], None]]]:
    """A directory on a 6 MB tmpfs (as root), with a way to grow it; without the right to
    mount, a plain directory whose database will be capped by max_page_count instead."""
    place = root / "small"
    place.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(place)], capture_output=True
    ).returncode == 0  # fmt: skip

    def grow() -> None:
        subprocess.run(["mount", "-o", "remount,size=256m", str(place)], check=True)

    try:
        yield place, (grow if mounted else lambda: None)
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(place)], check=False)


def test_full_disk_on_the_kiosk(venue: Venue, tmp_path: Path) -> None:
    """A disk that fills up mid-pull: a clear message, the merged part stays consistent, and
    the rest arrives once there is space again."""
    with small_disk(tmp_path) as (place, grow):
        b = Kiosk(place / "b.db")
        b.trust(venue.root)
        b.sync(venue.location)
        a = venue.kiosk("a")
        add_records(a.db, fake_records("ka", 20_000))
        a.sync(venue.location)
        capped = not os.path.ismount(place)
        if capped:
            pages = int(b.db.execute("PRAGMA page_count").fetchone()[0])
            b.db.execute(f"PRAGMA max_page_count = {pages + 300}")
        with pytest.raises(sqlite3.OperationalError) as caught:
            b.sync(venue.location)
        assert "full" in str(caught.value)
        assert local_error(caught.value).startswith("the kiosk's disk is full")
        got = log_ids(b.db)
        assert got < ids("ka", 20_000)
        if capped:
            b.db.execute("PRAGMA max_page_count = 1073741823")
        grow()
        b.sync(venue.location)
        assert_converged(a.db, b.db, expected=ids("ka", 20_000))
        b.db.conn.close()
