"""`kiosk run`, `demo` and `board` with --hub: which hub the windows sync with, and the demo
publishing its event to a folder hub so other kiosks can be provisioned from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.cli.data import make_demo_database
from kiosk.cli.main import main
from kiosk.domain.trust import fingerprint
from kiosk.service.staff_pin import StaffPin
from kiosk.store import settings, trust_state
from kiosk.store.db import open_db, write
from kiosk.store.keyfiles import key_dir_for, kiosk_key, organiser_key
from kiosk.sync.engine import sync_once
from kiosk.sync.folder import FolderHub


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    make_demo_database(path, count=300)
    StaffPin(open_db(path)).set_pin("246802")
    return path


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, Any]]:
    """The window functions replaced by recorders: no Qt event loop in CLI tests."""
    calls: dict[str, dict[str, Any]] = {}

    def recorder(name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> int:
            calls[name] = {"args": args, **kwargs}
            return 0

        return record

    monkeypatch.setattr("kiosk.app.run_door", recorder("door"))
    monkeypatch.setattr("kiosk.app.run_board", recorder("board"))
    monkeypatch.setattr("kiosk.app_badges.run_pickup", recorder("pickup"))
    monkeypatch.setattr("kiosk.app_badges.run_desk", recorder("desk"))
    return calls


def test_run_and_board_default_to_the_last_hub_synced(
    demo_db: Path, windows: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    """No --hub: the hub `kiosk sync --hub` stored; --hub none: no sync at all."""
    db = open_db(demo_db)
    with write(db):
        settings.put(db, "sync:hub", str(tmp_path / "hub"))
    assert main(["run", "--hall", "auditorium", "--db", str(demo_db)]) == 0
    assert main(["board", "--db", str(demo_db), "--sync-every", "2"]) == 0
    assert (windows["door"]["hub"], windows["board"]["hub"]) == (str(tmp_path / "hub"),) * 2
    assert (windows["door"]["sync_every_s"], windows["board"]["sync_every_s"]) == (5.0, 2.0)
    assert main(["run", "--hall", "auditorium", "--hub", "none", "--db", str(demo_db)]) == 0
    assert windows["door"]["hub"] is None


def test_demo_publishes_to_a_new_folder_hub_a_kiosk_can_be_provisioned_from(
    demo_db: Path, windows: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    """`kiosk demo --hub FOLDER` creates the hub, sends the demo event, key and attendees,
    and opens the door syncing with it; a new kiosk then provisions from that folder."""
    hub = tmp_path / "hub"
    assert main(["demo", "--db", str(demo_db), "--hub", str(hub)]) == 0
    assert windows["door"]["hub"] == str(hub)
    root = organiser_key(key_dir_for(demo_db))
    assert root is not None
    kiosk = open_db(tmp_path / "door2.db")
    with write(kiosk):
        trust_state.expect_root(kiosk, fingerprint(root.public_key()))
    report = sync_once(kiosk, FolderHub(hub), kiosk_key(tmp_path / "keys", "k-door2"))
    assert (report.event_updated, report.keys, report.attendees) == (True, 1, 300)


@pytest.mark.parametrize("mode", ["pickup", "desk"])
def test_demo_opens_pickup_and_desk_unlocked_on_the_demo_database(
    demo_db: Path,
    windows: dict[str, dict[str, Any]],
    mode: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`kiosk demo --mode pickup|desk`: the same demo database, a normal window (closable
    without the PIN unless --locked), badges as PDF files beside the database."""
    assert main(["demo", "--db", str(demo_db), "--mode", mode, "--hub", "none"]) == 0
    call = windows[mode]
    assert (call["args"][1], call["locked"], call["hub"]) == (demo_db, False, None)
    assert str(demo_db.parent / "badges") in capsys.readouterr().out
    assert main(["demo", "--db", str(demo_db), "--mode", mode, "--locked"]) == 0
    assert windows[mode]["locked"] is True
