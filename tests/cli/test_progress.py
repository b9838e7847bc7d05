"""The progress line of long commands: drawn in place on a terminal, silent elsewhere."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main as cli
from kiosk.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_redraws_one_line_on_a_terminal_and_clears_it() -> None:
    """Counts overwrite each other with a carriage return; done() wipes the line."""
    out = Terminal()
    meter = Progress("publishing", "items", out)
    meter.update(20_000, force=True)
    meter.update(40_000, force=True)
    meter.done()
    assert out.getvalue() == ("\rpublishing: 20,000 items\rpublishing: 40,000 items\r\x1b[K")


def test_progress_writes_nothing_to_a_pipe_or_a_log() -> None:
    """Not a terminal: not a character (logs and --json output stay clean)."""
    out = io.StringIO()
    meter = Progress("syncing", "records", out)
    meter.update(5, force=True)
    meter.done()
    assert out.getvalue() == ""


def test_sync_and_publish_report_progress_on_a_terminal(
    folder_hub: str, published: Callable[[str], None], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """kiosk publish and a provisioning kiosk sync draw their counts on stderr."""
    organiser = str(tmp_path / "kiosk.db")
    published(folder_hub)  # also makes the conftest database the organiser's
    assert cli.main(["organiser", "show", "--db", organiser]) == 0
    fingerprint = capsys.readouterr().out.strip()
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert cli.main(["publish", "--hub", folder_hub, "--db", organiser]) == 0
    assert "publishing: " in terminal.getvalue()
    door = str(tmp_path / "door.db")
    assert cli.main(["sync", "--hub", folder_hub, "--db", door, "--organiser", fingerprint]) == 0
    assert "syncing: 6 attendees received" in terminal.getvalue()
