"""Decisions on the scan thread: the GUI never waits for the hub, scans keep their order,
a verdict shows only once recorded, and the hub's word (or its silence) is on screen."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.decision import Decision, Direction, Verdict
from kiosk.domain.trust import Role, fingerprint
from kiosk.service.checkin import CheckInService
from kiosk.store import checkins, events, settings, trust_state
from kiosk.store.checkins import LogRecord
from kiosk.store.db import open_db, write
from kiosk.store.keyfiles import key_dir_for, kiosk_key
from kiosk.store.organiser_setup import enrol_kiosk
from kiosk.sync.authority import PostgresAuthority
from kiosk.sync.engine import sync_once
from kiosk.sync.hubs import open_hub
from kiosk.sync.records import signed_checkin
from kiosk.ui.scan_worker import ScanWorker
from tests.conftest import at
from tests.pg_server import PgHub
from tests.sync.pgserver import free_port
from tests.ui.conftest import FakeClock

Scan = Callable[[Door, str], Decision]
Code = Callable[..., str]


class SlowHub:
    """An authority that holds every claim until the test lets go, then accepts it."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.claimed: list[str | None] = []

    def claim(self, record: LogRecord, timeout: float) -> bool | None:
        self.release.wait(10)
        self.claimed.append(record.attendee_id)
        return True

    def close(self) -> None:
        self.release.set()


def test_scans_queue_in_order_while_the_hub_is_slow(
    make_door: Callable[..., Door], code_for: Code, db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """With the first claim stuck at the hub, four more codes arrive: the GUI takes each at
    once, nothing shows before it is recorded, and verdicts come out in arrival order."""
    hub = SlowHub()
    door = make_door(authority=hub)
    shown: list[Decision] = []
    door.window.decided.connect(shown.append)
    codes = [code_for("A1"), code_for("A2"), "T-0003", code_for("A6"), "T-0004"]
    started = time.monotonic()
    for code in codes:
        door.window.on_code(code)
    queued_in = time.monotonic() - started
    qtbot.wait(100)
    assert (shown, checkins.count(db), queued_in < 0.05) == ([], 0, True)
    hub.release.set()
    qtbot.waitUntil(lambda: len(shown) == len(codes), timeout=5000)
    order = [d.attendee.id if d.attendee else None for d in shown]
    assert order == ["A1", "A2", "A3", "A6", "A4"]
    logged = db.execute("SELECT attendee_id FROM checkins ORDER BY seq").fetchall()
    assert [row[0] for row in logged] == order
    assert hub.claimed == ["A1", "A2", "A4"]  # A3 refused here, A6 (full) never asked
    assert [d.offline for d in shown if d.delta] == [False, False, False]


def test_closing_the_door_records_the_scans_still_queued(
    make_door: Callable[..., Door], code_for: Code, db: Database
) -> None:
    """A code that reached the door is never dropped: closing waits for the queue."""
    hub = SlowHub()
    door = make_door(authority=hub)
    for person in ("A1", "A2"):
        door.window.on_code(code_for(person))
    threading.Timer(0.1, hub.release.set).start()
    door.close()
    assert (checkins.count(db), door.scans.isRunning()) == (2, False)


def test_a_database_the_scan_thread_cannot_open_fails_every_scan(
    code_for: Code, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The scan thread's own connection failing answers each scan with a failure (the door
    shows NOT RECORDED), and the thread still stops cleanly."""
    worker = ScanWorker(lambda: CheckInService(open_db(tmp_path), None))  # type: ignore[arg-type]
    failures: list[str] = []
    worker.failed.connect(failures.append)
    worker.start()
    try:
        for person in ("A1", "A2"):
            worker.scan(code_for(person), "main", Direction.ENTRY, at("14 10:00"))
        qtbot.waitUntil(lambda: len(failures) == 2, timeout=5000)
    finally:
        assert worker.stop()
    assert "not a usable kiosk database" in failures[0]


def test_another_door_admitted_the_badge_at_the_postgresql_hub(
    make_door: Callable[..., Door],
    pg_hub: PgHub,
    published: Callable[[str], None],
    scan: Scan,
    code_for: Code,
    tmp_path: Path,
    organiser_root: Ed25519PrivateKey,
    db: Database,
) -> None:
    """Door B (another enrolled kiosk) admits A1 online; this door then asks the hub, which
    refuses on B's signed record: DENIED, already inside at another door, decided online
    (no offline note)."""
    published(pg_hub.admin)
    other = open_db(tmp_path / "other.db")
    with write(other):
        trust_state.expect_root(other, fingerprint(organiser_root.public_key()))
    key = kiosk_key(key_dir_for(tmp_path / "other.db"), settings.kiosk_id(other))
    enrol_kiosk(db, settings.kiosk_id(other), key.public_key(), Role.DOOR)  # this door's db
    hub = open_hub(pg_hub.kiosk)
    sync_once(other, hub, key)
    hub.close()
    event = events.load_event(other)
    assert event is not None
    claims = PostgresAuthority(pg_hub.kiosk, lambda r: signed_checkin(key, r))
    assert claims.wait_online(5)
    elsewhere = CheckInService(other, event, lambda: at("14 09:58"), claims)
    assert elsewhere.scan(code_for("A1"), "main").verdict is Verdict.ADMITTED
    claims.close()
    door = make_door(hub=pg_hub.kiosk)
    assert door.authority is not None and door.authority.wait_online(5)  # type: ignore[attr-defined]
    decision = scan(door, code_for("A1"))
    panel = door.window.panel
    assert (decision.reason, decision.offline) == ("inside_at_another_door", False)
    assert (panel.headline.text(), panel.reason.text(), panel.note.text()) == (
        "DENIED",
        "Already inside: admitted at another door.",
        "",
    )


def test_an_unreachable_hub_decides_offline_and_says_so(
    make_door: Callable[..., Door], scan: Scan, code_for: Code, clock: FakeClock, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """No PostgreSQL hub answers: the door admits alone, says 'decided offline' under the
    verdict, and the header says offline with the check-in waiting; a refusal, which never
    asks the hub, carries no such note."""
    door = make_door(hub=f"postgresql://kiosk:pw@127.0.0.1:{free_port()}/hub")
    admitted = scan(door, code_for("A1"))
    assert (admitted.verdict, admitted.offline) == (Verdict.ADMITTED, True)
    assert door.window.panel.note.text() == "Decided offline: no answer from the hub"
    qtbot.waitUntil(
        lambda: door.window.header.sync.text() == "Offline since 10:00 · 1 check-in waiting",
        timeout=5000,
    )
    clock.advance(60)
    refused = scan(door, code_for("A1"))
    assert (refused.verdict, door.window.panel.note.text()) == (Verdict.ALREADY_INSIDE, "")
