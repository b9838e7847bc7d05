"""The staff PIN: salted slow hash, growing lock-out after wrong tries, survives restarts."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from kiosk.service.staff_pin import FIRST_LOCK_S, HASH_KEY, PinError, StaffPin
from kiosk.store import settings


class FakeTime:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


def test_pin_is_stored_only_as_salted_hash(db: Database) -> None:
    """The PIN is not in the database; the same PIN twice is stored as two different hashes."""
    StaffPin(db).set_pin("1234")
    first = settings.get(db, HASH_KEY) or ""
    StaffPin(db).set_pin("1234")
    assert ("1234" not in first.split("$")[-1], first != settings.get(db, HASH_KEY)) == (True, True)


def test_right_and_wrong_pin(db: Database) -> None:
    """The right PIN passes, a wrong one does not and says how many tries are left."""
    pin = StaffPin(db)
    pin.set_pin("4711")
    wrong, right = pin.check("0000"), pin.check("4711")
    assert (wrong.ok, wrong.tries_left, right.ok) == (False, 2, True)


def test_lockout_grows_and_refuses_even_the_right_pin(db: Database) -> None:
    """Three wrong PINs lock for 30 s, the next for 60 s; while locked even the right PIN fails."""
    clock = FakeTime()
    pin = StaffPin(db, now=clock)
    pin.set_pin("4711")
    results = [pin.check("0000") for _ in range(3)]
    locked = pin.check("4711")
    clock.t += FIRST_LOCK_S + 1
    again = pin.check("9999")
    assert (results[-1].locked_for, locked.ok, locked.locked_for > 0, again.locked_for) == (
        FIRST_LOCK_S,
        False,
        True,
        2 * FIRST_LOCK_S,
    )
    clock.t += 2 * FIRST_LOCK_S + 1
    assert StaffPin(db, now=clock).check("4711").ok  # a new instance (restart) sees the state


def test_pin_rules(db: Database) -> None:
    """A PIN is 4-12 digits; without one set nothing passes."""
    pin = StaffPin(db)
    assert not pin.is_set() and not pin.verify("1234")
    with pytest.raises(PinError):
        pin.set_pin("12a4")
