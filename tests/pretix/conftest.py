"""The real pretix server, started once for the tests that need it (tests/pretix/server.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.pretix import server
from tests.pretix.server import PretixServer


@pytest.fixture(scope="session")
def pretix_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PretixServer]:
    if server.python() is None:
        message = f"pretix is not installed in {server.VENV} (run scripts/setup-pretix)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: CI must run the real-pretix-server tests")
        pytest.skip(message)
    running = server.start(tmp_path_factory.mktemp("pretix"))
    yield running
    running.stop()


# The door kiosks of the sync tests, for the end-to-end test (tests/pretix/test_doors.py).
from tests.sync.conftest import kiosk_factory  # noqa: E402, F401
