"""The background runner's status: online or offline since when, check-ins waiting, last sync."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.sync.authority import PostgresAuthority
from kiosk.sync.records import signed_checkin
from kiosk.sync.runner import SyncRunner, SyncStatus
from tests.pg_server import KIOSK_PASSWORD, PgHub
from tests.sync.conftest import Kiosk

Code = Callable[..., str]


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 10, 14, 2, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: float) -> dt.datetime:
        self.now += dt.timedelta(minutes=minutes)
        return self.now


def summary(status: SyncStatus) -> tuple[bool, dt.datetime | None, int, dt.datetime | None]:
    return status.online, status.offline_since, status.waiting, status.last_sync


def test_status_follows_a_folder_hub_unplugged_and_plugged_back(
    folder_hub: str, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk],
    code_for: Code,
) -> None:  # fmt: skip
    """Online after a pass; unplugged: offline since the first failed pass, scans waiting;
    plugged back: online, nothing waiting, last sync moved on."""
    published(folder_hub)
    kiosk = kiosk_factory("k")
    clock = Clock()
    runner = SyncRunner(kiosk.path, folder_hub, clock=clock)
    assert summary(runner.status()) == (False, None, 0, None)
    assert runner.run_once() is not None
    t0 = clock.now
    assert summary(runner.status()) == (True, None, 0, t0)
    kiosk.service("14 10:00").scan(code_for("A1"), "main")
    kiosk.service("14 10:01").scan("T-0002", "main")
    unplugged = Path(folder_hub).rename(Path(folder_hub).with_name("away"))
    t1 = clock.advance(1)
    assert runner.run_once() is None
    clock.advance(1)
    runner.run_once()
    status = runner.status()
    assert summary(status) == (False, t1, 2, t0)
    assert status.last_error == f"hub folder {folder_hub} not found (is the drive mounted?)"
    unplugged.rename(folder_hub)
    t3 = clock.advance(1)
    assert runner.run_once() is not None
    assert summary(runner.status()) == (True, None, 0, t3)
    runner.close()


def test_wrong_password_status_is_one_line_and_claimed_scans_are_not_waiting(
    pg_hub: PgHub, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk],
    code_for: Code,
) -> None:  # fmt: skip
    """A scan the hub took online is not 'waiting'; an offline one is. A refused password
    shows as one line, offline."""
    published(pg_hub.admin)
    kiosk = kiosk_factory("k")
    kiosk.sync(pg_hub.kiosk)
    authority = PostgresAuthority(pg_hub.kiosk, lambda r: signed_checkin(kiosk.key, r))
    assert authority.wait_online(5)
    online = kiosk.service("14 10:00", authority=authority).scan(code_for("A1"), "main")
    authority.close()
    assert (online.verdict.value, online.offline) == ("admitted", False)
    kiosk.service("14 10:00").scan(code_for("A2"), "main")
    runner = SyncRunner(kiosk.path, pg_hub.kiosk.replace(KIOSK_PASSWORD, "wrong"))
    assert runner.run_once() is None
    status = runner.status()
    assert (status.online, status.waiting) == (False, 1)
    assert status.last_error is not None and "\n" not in status.last_error
    assert status.last_error.endswith("the hub refused the user name or password")
    assert "wrong" not in status.last_error and "wrong" not in status.hub
    runner.close()


def test_status_can_be_read_while_a_pass_runs(
    folder_hub: str, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk]
) -> None:
    """status() never waits for a pass: the GUI thread reads it at any time."""
    published(folder_hub)
    kiosk = kiosk_factory("k")
    runner = SyncRunner(kiosk.path, folder_hub)
    seen: list[SyncStatus] = []
    passing = threading.Thread(target=runner.run_once)
    passing.start()
    while passing.is_alive():
        seen.append(runner.status())
    passing.join()
    assert seen and runner.status().online
    runner.close()
