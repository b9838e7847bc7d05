"""The dedicated-kiosk session end to end, on a display server with no window manager.

`kiosk install-kiosk` writes the unit; its ExecStart's kiosk command (what cage runs) is
started as the unit would start it, with the unit's environment, on Xvfb: a bare X
server like an xinit session, where nobody answers a full-screen request. The locked door
must cover the whole screen (the window's geometry, and the screen's corners painted by
it rather than left black), and Qt's warnings must land in the log file, not on stderr.

Why not cage itself: it refuses to run as root (CI's user), and Debian 12's wlroots 0.15
headless backend fails its output test ("Basic output test failed for HEADLESS-1", with
pixman or without), so after a client's first buffer nothing more is composited and a
screenshot (grim) shows that stale first frame whatever the client does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.cli.data import make_demo_database
from kiosk.cli.main import main
from kiosk.service.staff_pin import StaffPin
from kiosk.store.db import open_db
from tests.cli.test_install_kiosk import UNIT, exec_words, unit_lines

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xwininfo")),
    reason="needs Xvfb and xwininfo (scripts/setup-system.sh installs them)",
)

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
"""
BACKGROUND = QColor("#f7f8fa")  # the door screen's own background, at its very edges


@contextmanager
def bare_x_server(size: str) -> Iterator[str]:
    """Xvfb with one screen of `size` and no window manager; yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def top_windows(display: str) -> list[tuple[str, str]]:
    """(title, WxH+X+Y) of the root window's children, as xwininfo sees them."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
    ).stdout
    return re.findall(r'^\s+0x[0-9a-f]+ "([^"]*)":.*?(\d+x\d+\+-?\d+\+-?\d+)', tree, re.M)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, str]]:
    """The kiosk command and environment of the unit install-kiosk writes for a door."""
    folder = tmp_path_factory.mktemp("session")
    db = folder / "door.db"
    make_demo_database(db, count=200)
    database = open_db(db)
    StaffPin(database).set_pin("123456")
    database.close()
    root = folder / "root"
    args = ["--hall", "auditorium", "--user", "kiosk", "--db", str(db), "--root", str(root)]
    assert main(["install-kiosk", *args]) == 0
    unit = unit_lines((root / UNIT).read_text())
    words = exec_words(unit["Service.ExecStart"][0])
    environment = dict(v.strip('"').split("=", 1) for v in unit["Service.Environment"])
    return words[words.index("--") + 1 :], environment


@pytest.mark.parametrize("size", ["1920x1080", "1280x800", "800x1280"])
def test_the_installed_door_covers_a_bare_x_screen(
    size: str, installed: tuple[list[str], dict[str, str]], tmp_path: Path
) -> None:
    command, unit_environment = installed
    log_file = tmp_path / "kiosk.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAYLAND", "QT_"))}
    env.update(unit_environment)
    env.update(
        QT_QPA_PLATFORM="xcb",  # the X server stands in for cage here
        HOME=str(tmp_path / "home"),
        KIOSK_LOG_FILE=str(log_file),
        XDG_RUNTIME_DIR=str(tmp_path),
    )
    env.pop("XDG_SESSION_TYPE", None)
    width, height = (int(n) for n in size.split("x"))
    shot = tmp_path / "screen.png"
    with bare_x_server(size) as display:
        env["DISPLAY"] = display
        kiosk = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            door: list[tuple[str, str]] = []
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and kiosk.poll() is None:
                door = [w for w in top_windows(display) if w[0] == "Kiosk door"]
                if door and door[0][1] == f"{size}+0+0":
                    break
                time.sleep(0.5)
            time.sleep(1.5)  # let it paint
            grab = subprocess.run(
                [sys.executable, "-c", GRAB, str(shot)], env=env, timeout=30, check=False
            )
        finally:
            kiosk.terminate()
            _, err = kiosk.communicate(timeout=30)
    assert door == [("Kiosk door", f"{size}+0+0")], err.decode(errors="replace")[-2000:]
    assert grab.returncode == 0
    image = QImage(str(shot))
    corners = [(0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1)]
    assert [image.pixelColor(x, y).name() for x, y in corners] == [BACKGROUND.name()] * 4
    log = log_file.read_text(encoding="utf-8")
    assert "locked window covers screen" in log and f"{width}x{height} at 0,0" in log
    text = err.decode(errors="replace")
    assert "qt.multimedia" not in text and "QSoundEffect" not in text
    assert "Traceback" not in text and "Traceback" not in log
