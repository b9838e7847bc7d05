"""A guard against PySide6 6.12's lost reference to None on Python 3.11 (a fatal crash).

On Python 3.11 every call of a PySide6 6.12.0 method that returns nothing (QLabel.setText,
QLineSeries.append...) drops one reference to None that it never took; after some tens of
thousands of calls None's count reaches zero and the interpreter aborts with "none_dealloc:
deallocating None". Python 3.12 made None immortal, so there the bug is harmless. Until
the pinned PySide6 is fixed, the app gives None a reserve of references at start: None is
never freed anyway, so an overly high count costs nothing.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # more void calls than a kiosk makes in centuries


def keep_none_alive() -> bool:
    """Top up None's reference count on interpreters where it is mortal; True if done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < RESERVE:
        count.value += RESERVE
    return True
