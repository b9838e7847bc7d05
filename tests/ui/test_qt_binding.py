"""The Qt binding the kiosk runs on keeps Python's reference counts right."""

from __future__ import annotations

import sys

from PySide6.QtGui import QPainterPath


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    """PySide6 6.12.0 dropped a reference to None per void call and aborted the process
    after a few thousand (a door screen would crash within minutes): it is pinned out in
    pyproject.toml, and this keeps a future upgrade from bringing it back."""
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(1000):
        path.addRect(0, 0, 1, 1)
    assert sys.getrefcount(None) - before >= 0
