"""A pytest plugin that makes every database `open_db` creates SQLCipher-encrypted, so the
suites that decide, record and sync run against encrypted kiosks exactly as against plain
ones (scripts/check runs the service, domain and sync-attack suites with it):

    python -m pytest -p tests.encrypted tests/service tests/sync/test_attacks.py

Files made by other means (plain sqlite3 in a test, a plain backup) stay plain and open as
such. Tests that run the kiosk in a subprocess do not see the plugin.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.store import cipher

KEY = bytes(range(32))
_plain_rule = cipher.is_encrypted


def _new_files_encrypted(path: Path) -> bool:
    """open_db makes an empty file before SQLite writes it: that one becomes SQLCipher."""
    try:
        if path.is_file() and path.stat().st_size == 0:
            return True
    except OSError:
        return False
    return _plain_rule(path)


@pytest.fixture(autouse=True)
def _every_new_database_encrypted(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(cipher, "is_encrypted", _new_files_encrypted)
    monkeypatch.setattr(cipher, "database_key", lambda _path: KEY)
    monkeypatch.setattr(cipher, "needs_person", lambda _path: False)
    yield
