"""Every window command (`run` door|pickup|desk, `board`, `demo` door|pickup|desk) with a
missing or broken badge template or event file: one line on stderr, exit 1, no window."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk.cli.data import make_demo_database
from kiosk.cli.main import main
from kiosk.printing import template
from kiosk.service.staff_pin import StaffPin
from kiosk.store.db import open_db

MODES = [
    ["run", "--hall", "auditorium"],
    ["run", "--mode", "pickup"],
    ["run", "--mode", "desk"],
    ["board"],
    ["demo"],
    ["demo", "--mode", "pickup"],
    ["demo", "--mode", "desk"],
]
BADGE_MODES = [m for m in MODES if "pickup" in m or "desk" in m]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    make_demo_database(path, count=20)
    db = open_db(path)
    StaffPin(db).set_pin("246802")
    db.conn.close()  # checkpoints the WAL, so a copy of the file has the PIN
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    shutil.copytree(Path(f"{demo_template}.keys"), Path(f"{path}.keys"))
    return path


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The window functions replaced by recorders: a window opened is a test failure."""
    opened: list[str] = []
    for target in ("kiosk.app.run_door", "kiosk.app.run_board"):
        monkeypatch.setattr(target, lambda *a, _t=target, **k: opened.append(_t) or 0)
    for target in ("kiosk.app_badges.run_pickup", "kiosk.app_badges.run_desk"):
        monkeypatch.setattr(target, lambda *a, _t=target, **k: opened.append(_t) or 0)
    return opened


def _run(capsys: pytest.CaptureFixture[str], command: list[str], db: Path) -> tuple[int, str]:
    status = main([*command, "--hub", "none", "--db", str(db)])
    return status, capsys.readouterr().err


def _assert_one_line(err: str, *fragments: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and lines[0].startswith("kiosk: "), err
    for fragment in fragments:
        assert fragment in lines[0], err


def test_every_mode_opens_with_a_good_template_and_event(
    demo_db: Path, windows: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The baseline: each command reaches its window."""
    for command in MODES:
        assert _run(capsys, command, demo_db)[0] == 0, command
    assert len(windows) == len(MODES)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "is missing"),
        (b"[sizes.a6\n", "badge template"),
        (b"[fonts]\nfamily = 'x'\n", "no [sizes.*] tables"),
        (b"[sizes.a6]\nwidth = 'wide'\n", "badge template"),
        (b"sizes = 5\n", "badge template"),
        (b"[sizes.a6]\nwidth = 105\nheight = 148\nlogo = ['a', 1, 2, 3]\n", "badge template"),
    ],
)
@pytest.mark.parametrize("command", BADGE_MODES, ids=" ".join)
def test_a_missing_or_broken_badge_template_is_one_line(
    command: list[str],
    content: bytes | None,
    fragment: str,
    demo_db: Path,
    tmp_path: Path,
    windows: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Pickup and the desk print badges: without a usable template they do not start."""
    bad = tmp_path / "badges" / "badge.toml"
    bad.parent.mkdir()
    if content is not None:
        bad.write_bytes(content)
    monkeypatch.setattr(template, "TEMPLATE_FILE", bad)
    status, err = _run(capsys, command, demo_db)
    assert (status, windows) == (1, [])
    _assert_one_line(err, fragment, str(bad))


@pytest.mark.parametrize("command", [m for m in MODES if m[0] != "demo"], ids=" ".join)
def test_a_broken_event_in_the_database_is_one_line(
    command: list[str], demo_db: Path, windows: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The event the database holds no longer parses (a typo loaded by an older kiosk):
    one line naming the field, in every mode."""
    db = sqlite3.connect(demo_db)
    source = db.execute("SELECT source FROM event").fetchone()[0]
    db.execute("UPDATE event SET source = ?", [source.replace("capacity", "capacty", 1)])
    db.commit()
    db.close()
    status, err = _run(capsys, command, demo_db)
    assert (status, windows) == (1, [])
    _assert_one_line(err, "event", "capacty", "did you mean capacity?")


@pytest.mark.parametrize("command", [m for m in MODES if m[0] == "demo"], ids=" ".join)
@pytest.mark.parametrize("content", [None, "[event]\nid = 'x'\n"])
def test_a_missing_or_broken_demo_event_file_is_one_line(
    command: list[str],
    content: str | None,
    tmp_path: Path,
    windows: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`kiosk demo` makes its database from the demo event file: if that file is missing
    or broken (a damaged install), one line naming it, and no half-made database left."""
    bad = tmp_path / "sces.toml"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr("kiosk.cli.data.DEMO_EVENT", bad)
    db = tmp_path / "new-demo.db"
    status, err = _run(capsys, command, db)
    assert (status, windows) == (1, [])
    _assert_one_line(err, str(bad))
    assert not db.exists()
