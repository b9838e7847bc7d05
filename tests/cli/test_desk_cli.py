"""`kiosk run --mode desk`: refused without a staff PIN; otherwise the desk opens unlocked
by default, honouring --locked, --printer, --hub and --idle-minutes (no Qt event loop)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.cli.data import make_demo_database
from kiosk.cli.main import main
from kiosk.service.staff_pin import StaffPin
from kiosk.store.db import open_db


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    make_demo_database(path, count=50)
    return path


@pytest.fixture
def desk_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """run_desk replaced by a recorder: what the window would have been opened with."""
    calls: list[dict[str, Any]] = []

    def record(*args: Any, **kwargs: Any) -> int:
        calls.append({"args": args, **kwargs})
        return 0

    monkeypatch.setattr("kiosk.app_badges.run_desk", record)
    return calls


def test_desk_refuses_without_a_staff_pin(
    demo_db: Path, desk_calls: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """No staff PIN on this kiosk: one line saying how to set one, and no window."""
    status = main(["run", "--mode", "desk", "--db", str(demo_db)])
    assert status != 0
    assert "kiosk pin set" in capsys.readouterr().err
    assert desk_calls == []


def test_desk_opens_unlocked_by_default_and_honours_the_options(
    demo_db: Path, desk_calls: list[dict[str, Any]]
) -> None:
    """Staff-operated: a normal window unless --locked; printer, hub and idle time passed on."""
    StaffPin(open_db(demo_db)).set_pin("246802")
    base = ["run", "--mode", "desk", "--db", str(demo_db), "--hub", "none"]
    assert main(base) == 0
    assert main([*base, "--locked", "--printer", "Zebra", "--idle-minutes", "2"]) == 0
    seen = [(c["locked"], c["printer"], c["hub"], c["idle_minutes"]) for c in desk_calls]
    assert seen == [(False, None, None, 5.0), (True, "Zebra", None, 2.0)]
    assert desk_calls[0]["args"][1] == demo_db


def test_desk_refuses_a_zero_idle_time(demo_db: Path, desk_calls: list[dict[str, Any]]) -> None:
    """--idle-minutes 0 would lock the desk at once: a usage error."""
    StaffPin(open_db(demo_db)).set_pin("246802")
    assert main(["run", "--mode", "desk", "--idle-minutes", "0", "--db", str(demo_db)]) == 2
    assert desk_calls == []
