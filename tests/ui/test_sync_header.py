"""The door header's sync state: local only, connecting, online with the last sync, offline
since a time with the check-ins waiting; driven by a fake runner and by a real folder hub."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.app import Door
from kiosk.domain.codes import sign_code
from kiosk.domain.decision import Decision, Verdict
from kiosk.store import events
from kiosk.store.db import write
from kiosk.sync.report import SyncReport
from kiosk.sync.runner import SyncStatus
from tests.conftest import at
from tests.ui.conftest import HUB, FakeClock, FakeRunner

Scan = Callable[[Door, str], Decision]


def header_text(door: Door) -> str:
    return door.window.header.sync.text()


def test_no_hub_is_local_only(make_door: Callable[..., Door]) -> None:
    """Without a hub there is no sync thread and the header says 'Local only'."""
    door = make_door()
    assert (header_text(door), door.sync) == ("Local only", None)


def test_header_follows_the_runner_status(make_door: Callable[..., Door], qtbot) -> None:  # type: ignore[no-untyped-def]
    """Connecting before the first pass; online with the last sync time; offline since the
    first failed pass with the check-ins waiting, and the error in the tooltip."""
    runner = FakeRunner()
    door = make_door(runner=runner)
    assert header_text(door) == "Connecting to the hub…"
    runner.current = SyncStatus(HUB, True, None, 0, at("14 10:42"), None)
    qtbot.waitUntil(lambda: header_text(door) == "Online · synced 10:42", timeout=3000)
    unplugged = "hub folder not found (is the drive mounted?)"
    runner.current = SyncStatus(HUB, False, at("14 10:31"), 12, at("14 10:30"), unplugged)
    qtbot.waitUntil(lambda: header_text(door).startswith("Offline"), timeout=3000)
    assert header_text(door) == "Offline since 10:31 · 12 check-ins waiting"
    assert door.window.header.sync.toolTip() == f"Hub: {HUB}\n{unplugged}"
    runner.current = SyncStatus(HUB, False, at("14 10:31"), 1, at("14 10:30"), "gone")
    qtbot.waitUntil(lambda: header_text(door) == "Offline since 10:31 · 1 check-in waiting")
    door.close()
    assert runner.closed.is_set()


def test_header_sync_state_is_translated(make_door: Callable[..., Door], qtbot) -> None:  # type: ignore[no-untyped-def]
    """The sync line follows the language switch like every other text."""
    runner = FakeRunner()
    runner.current = SyncStatus(HUB, False, at("14 10:31"), 12, None, "gone")
    door = make_door(runner=runner, sync_every_s=60)
    texts = {}
    for lang in ("de", "zh_CN"):
        door.languages.switch(lang)
        texts[lang] = header_text(door)
    assert texts == {
        "de": "Offline seit 10:31 · 12 Check-ins warten",
        "zh_CN": "自 10:31 起离线 · 12 条签到待同步",
    }


def test_new_keys_from_the_hub_reach_the_scan_thread(
    make_door: Callable[..., Door], qtbot, scan: Scan, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    """A pass that brought public keys makes the door reload them: a badge signed with a
    key the organiser added after the door started is then genuine."""
    runner = FakeRunner()
    door = make_door(runner=runner)
    new_key = Ed25519PrivateKey.generate()
    code = sign_code(new_key, "tiny-2026", "A1", "delegate", 1)
    assert scan(door, code).verdict is Verdict.INVALID_CODE
    with write(door.service.db):
        events.add_public_key(door.service.db, "tiny-2026", new_key.public_key())
    reloads: list[int] = []
    door.sync.keys_changed.connect(lambda: reloads.append(1))  # type: ignore[union-attr]
    runner.bring(SyncReport(HUB, keys=1))
    qtbot.waitUntil(lambda: reloads == [1], timeout=3000)
    clock.advance(60)  # past the repeat-scan window: a new decision, not the earlier one
    assert scan(door, code).attendee.id == "A1"  # type: ignore[union-attr]


def test_a_folder_hub_pass_turns_the_header_online(
    make_door: Callable[..., Door],
    folder_hub: str,
    published: Callable[[str], None],
    scan: Scan,
    code_for: Callable[..., str],
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    """The real runner against a folder hub: online after a pass (the door's clock says
    when); the drive unplugged: offline since then, with the scan made meanwhile waiting."""
    published(folder_hub)
    door = make_door(hub=folder_hub, sync_every_s=0.05)
    qtbot.waitUntil(lambda: header_text(door) == "Online · synced 10:00", timeout=5000)
    away = Path(folder_hub).rename(Path(folder_hub).with_name("unplugged"))
    qtbot.waitUntil(lambda: header_text(door).startswith("Offline since 10:00"), timeout=5000)
    scan(door, code_for("A1"))
    qtbot.waitUntil(
        lambda: header_text(door) == "Offline since 10:00 · 1 check-in waiting", timeout=5000
    )
    away.rename(folder_hub)
    qtbot.waitUntil(lambda: header_text(door) == "Online · synced 10:00", timeout=5000)
