"""Running `kiosk ARGS...` in-process in CLI tests, and what a one-line error looks like."""

from __future__ import annotations

import pytest

from kiosk.cli.main import main


def kiosk(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of one command."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line(err: str, *fragments: str) -> None:
    """One `kiosk: ...` line on stderr, no traceback, holding every fragment."""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("kiosk: "), err
    for fragment in fragments:
        assert fragment in lines[0], err
