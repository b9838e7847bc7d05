"""`kiosk --version` tells the version pip installed."""

from __future__ import annotations

from importlib import metadata

import pytest

from kiosk.cli.main import main


def test_version_is_the_installed_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`kiosk --version` prints the package metadata's version and exits 0."""
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert (exit_.value.code, capsys.readouterr().out) == (
        0,
        f"kiosk {metadata.version('kiosk')}\n",
    )
