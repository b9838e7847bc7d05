"""GB 50799-2012 12.2.12: a check-in machine's failure does not stop the others, and when the
network fails the data is backed up at once and uploaded by itself once it is back.

One scenario end to end on a real PostgreSQL server: a door deciding online, the hub and
the other door gone, the door deciding alone within the scan's deadline, its records on its
own disk, then the hub back and the background runner (kiosk.sync.runner, as the screens
run it) uploading them with nobody calling sync. Neighbouring tests cover the parts:
test_runner.py (the runner's status with a folder hub unplugged), test_faults.py (cuts,
kills and restarts mid-pass), test_authority.py (a hung hub costs one claim timeout).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import psycopg
import pytest

from kiosk.domain.decision import Decision, Verdict
from kiosk.store.db import open_db
from kiosk.sync.authority import PostgresAuthority
from kiosk.sync.records import signed_checkin
from kiosk.sync.runner import SyncRunner
from tests.pg_server import PgHub
from tests.sync.conftest import Kiosk

Code = Callable[..., str]
SCAN_DEADLINE_S = 1.0  # the claim gives up after 0.3 s; the rest is the local decision


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def hub_ids(pg_hub: PgHub) -> set[str]:
    with psycopg.connect(pg_hub.admin) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM kiosk_hub.log")}


@pytest.fixture
def server_restarted(pg_hub: PgHub) -> Iterator[PgHub]:
    """The hub, started again after the test whatever happened (other tests share it)."""
    yield pg_hub
    pg_hub.server.stop()
    pg_hub.server.start()


def test_a_door_decides_alone_with_the_hub_and_the_other_door_gone_then_uploads_by_itself(
    server_restarted: PgHub,
    published: Callable[[str], None],
    kiosk_factory: Callable[..., Kiosk],
    code_for: Code,
) -> None:
    """Door a decides online; the server stops and door b's database is gone; door a still
    decides each scan in under a second, offline, each record on its disk at once (a fresh
    connection reads it); the server comes back and the runner's own next passes put every
    record on the hub (nothing waiting), where a kiosk set up later finds them."""
    pg_hub = server_restarted
    published(pg_hub.admin)
    a, b = kiosk_factory("a"), kiosk_factory("b")
    a.sync(pg_hub.kiosk)
    b.sync(pg_hub.kiosk)
    authority = PostgresAuthority(pg_hub.kiosk, lambda r: signed_checkin(a.key, r), retry_after=0.2)
    assert authority.wait_online(5), authority.last_error
    runner = SyncRunner(a.path, pg_hub.kiosk)
    stop = threading.Event()
    background = threading.Thread(target=runner.run_every, args=(0.1, stop))
    background.start()
    try:

        def scan(who: str, when: str) -> tuple[Decision, float]:
            started = time.monotonic()
            decision = a.service(when, authority=authority).scan(code_for(who), "floor")
            return decision, time.monotonic() - started

        online, _ = scan("A1", "14 10:00")
        assert (online.verdict, online.offline) == (Verdict.ADMITTED, False)
        assert wait_until(lambda: runner.status().online, 10), runner.status().last_error

        b.db.conn.close()
        b.path.unlink()
        pg_hub.server.stop("immediate")
        alone = [scan(who, f"14 10:0{n}") for n, who in enumerate(("A2", "A6", "A3"), 1)]
        assert [(d.verdict, d.offline, d.recorded) for d, _ in alone] == [
            (Verdict.ADMITTED, True, True)
        ] * 3
        assert max(took for _, took in alone) < SCAN_DEADLINE_S
        backup = open_db(a.path)
        offline_ids = {
            str(r[0]) for r in backup.execute("SELECT id FROM checkins WHERE offline = 1")
        }
        backup.conn.close()
        assert offline_ids == {d.record_id for d, _ in alone}
        assert wait_until(lambda: not runner.status().online, 10)
        assert wait_until(lambda: runner.status().waiting == 3, 10), runner.status()

        pg_hub.server.start()
        assert wait_until(lambda: runner.status().online and runner.status().waiting == 0, 30), (
            runner.status().last_error
        )
        assert {online.record_id} | offline_ids <= hub_ids(pg_hub)
    finally:
        stop.set()
        background.join()
        runner.close()
        authority.close()
    later = kiosk_factory("c")
    later.sync(pg_hub.kiosk)
    assert {online.record_id} | offline_ids <= later.ids()
