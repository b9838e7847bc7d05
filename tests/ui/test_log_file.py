"""The log file: Qt's warnings, sync state changes and printer failures go there, rotated,
and not to the terminal."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning
from pytestqt.qtbot import QtBot

from kiosk import logs
from kiosk.sync.runner import SyncStatus
from kiosk.ui import qt_messages
from kiosk.ui.qt_messages import handle_qt_message
from kiosk.ui.sync_thread import SyncThread
from tests.ui.conftest import HUB, FakeRunner


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logs" / "kiosk.log"
    assert logs.setup_logging(path) == path
    yield path
    logs.close_logging()


def test_log_file_path_follows_the_override_then_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "env.log"))
    chosen = (logs.log_file_path(tmp_path / "arg.log"), logs.log_file_path())
    monkeypatch.delenv(logs.LOG_ENV)
    default = logs.log_file_path()
    assert chosen == (tmp_path / "arg.log", tmp_path / "env.log")
    assert (default.name, "kiosk" in default.parts) == ("kiosk.log", True)


@pytest.mark.no_qt_log
def test_qt_warnings_go_to_the_log_file_not_the_terminal(
    log_file: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A qWarning (what qt.multimedia and QSoundEffect print at start-up) lands in the
    file under the qt. logger; nothing reaches stderr."""
    previous = qInstallMessageHandler(handle_qt_message)
    try:
        qWarning("QSoundEffect: playback of this format is not supported")
    finally:
        qInstallMessageHandler(previous)
        qt_messages._installed = False
    text = log_file.read_text(encoding="utf-8")
    assert "WARNING qt.default" in text and "QSoundEffect: playback" in text
    assert "QSoundEffect" not in capfd.readouterr().err


def test_the_file_rotates(log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = logs._handler
    assert handler is not None
    monkeypatch.setattr(handler, "maxBytes", 2000)
    for n in range(200):
        logging.getLogger("kiosk.test").warning("line %d of a long day at the doors", n)
    rotated = sorted(p.name for p in log_file.parent.iterdir())
    assert rotated[:3] == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]
    assert len(rotated) == logs.BACKUPS + 1
    assert log_file.stat().st_size <= 2000


def test_uncaught_exceptions_are_logged_with_their_traceback(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    text = log_file.read_text(encoding="utf-8")
    assert "CRITICAL kiosk [MainThread] uncaught exception" in text and "Traceback" in text
    assert f"details in {log_file}" in capsys.readouterr().err


def test_sync_state_changes_are_logged_once_each(log_file: Path, qtbot: QtBot) -> None:
    """Online, then offline with the reason: one line each, not one per pass."""
    import datetime as dt

    runner = FakeRunner()
    runner.current = SyncStatus(HUB, True, None, 0, dt.datetime(2026, 10, 14, 1, 0), None)
    thread = SyncThread(runner, every_s=0.05)
    thread.start()
    qtbot.waitUntil(lambda: runner.passes >= 3)
    since = dt.datetime(2026, 10, 14, 1, 5)
    runner.current = SyncStatus(HUB, False, since, 3, None, "the hub folder is not there")
    passes = runner.passes
    qtbot.waitUntil(lambda: runner.passes >= passes + 3)
    assert thread.stop()
    lines = [line for line in log_file.read_text().splitlines() if "kiosk.ui.sync_thread" in line]
    assert len(lines) == 2, lines
    assert "sync online with" in lines[0]
    assert "sync offline" in lines[1] and "folder is not there (3 check-ins" in lines[1]


def test_a_printer_failure_is_logged(log_file: Path, qtbot: QtBot) -> None:
    """The badge that did not come out, whose it was and the printer's words."""
    from kiosk.domain.attendee import Attendee
    from kiosk.service.pickup import PrintJob
    from kiosk.store.prints import PrintKind
    from kiosk.ui.print_worker import PrintWorker

    class JammedPrinter:
        name = "jammed"

        def print_badge(self, *args: object, **kwargs: object) -> None:
            raise OSError("printer jammed")

    delivered: list[str | None] = []
    worker = PrintWorker(JammedPrinter(), lambda _job, error: delivered.append(error))  # type: ignore[arg-type]
    attendee = Attendee("A0000042", "Jürgen", "Groß", "Siemens", "jg@example.com", "delegate")
    worker.submit(PrintJob(attendee, None, PrintKind.FIRST, "", False))
    qtbot.waitUntil(lambda: delivered != [])
    assert worker.stop()
    text = log_file.read_text(encoding="utf-8")
    assert "badge of A0000042 (first) not printed: printer_error: OSError" in text
    assert "OSError: printer jammed" in text  # the traceback, for support


def test_log_file_option_sets_the_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk --log-file PATH ...` is KIOSK_LOG_FILE for this run and its children."""
    from kiosk.cli.main import main

    monkeypatch.setenv(logs.LOG_ENV, "restored after the test")
    main(["--log-file", str(tmp_path / "door.log")])
    capsys.readouterr()
    assert logs.log_file_path() == tmp_path / "door.log"
