"""The staff PIN: salted slow hash, growing lock-out after wrong tries, survives restarts;
changing it needs the current PIN or the organiser, and never ends a lock-out."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.service.staff_pin import (
    COST,
    FIRST_LOCK_S,
    HASH_KEY,
    LEGACY_COST,
    PinError,
    ScryptCost,
    StaffPin,
)
from kiosk.store import settings
from kiosk.store.organiser_setup import NotOrganiser, init_organiser


class FakeTime:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


def legacy_hash(pin: str, cost: ScryptCost = LEGACY_COST) -> str:
    """A hash as `kiosk pin set` stored it before 6-digit PINs (4 digits, the old cost)."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p)
    return f"scrypt${cost.n}${cost.r}${cost.p}${salt.hex()}${digest.hex()}"


def locked_out(db: Database, clock: FakeTime) -> StaffPin:
    pin = StaffPin(db, now=clock)
    pin.set_pin("471100")
    for _ in range(3):
        pin.check("000000")
    return pin


def test_pin_is_stored_only_as_salted_hash(db: Database) -> None:
    """The PIN is not in the database; the same PIN twice is stored as two different hashes."""
    StaffPin(db).set_pin("123456")
    first = settings.get(db, HASH_KEY) or ""
    StaffPin(db).change_pin("123456", "123456")
    assert ("123456" not in first.split("$")[-1], first != settings.get(db, HASH_KEY)) == (
        True,
        True,
    )


def test_right_and_wrong_pin(db: Database) -> None:
    """The right PIN passes, a wrong one does not and says how many tries are left."""
    pin = StaffPin(db)
    pin.set_pin("471100")
    wrong, right = pin.check("000000"), pin.check("471100")
    assert (wrong.ok, wrong.tries_left, right.ok) == (False, 2, True)


def test_lockout_grows_and_refuses_even_the_right_pin(db: Database) -> None:
    """Three wrong PINs lock for 30 s, the next for 60 s; while locked even the right PIN fails."""
    clock = FakeTime()
    pin = StaffPin(db, now=clock)
    pin.set_pin("471100")
    results = [pin.check("000000") for _ in range(3)]
    locked = pin.check("471100")
    clock.t += FIRST_LOCK_S + 1
    again = pin.check("999999")
    assert (results[-1].locked_for, locked.ok, locked.locked_for > 0, again.locked_for) == (
        FIRST_LOCK_S,
        False,
        True,
        2 * FIRST_LOCK_S,
    )
    clock.t += 2 * FIRST_LOCK_S + 1
    assert StaffPin(db, now=clock).check("471100").ok  # a new instance (restart) sees the state


def test_pin_rules(db: Database) -> None:
    """A new PIN is 6-12 digits; without one set nothing passes."""
    pin = StaffPin(db)
    assert not pin.is_set() and not pin.verify("123456")
    for bad in ("12a456", "12345", "1234", "1234567890123", "１２３４５６"):
        with pytest.raises(PinError):
            pin.set_pin(bad)
    assert not pin.is_set()


def test_a_set_pin_is_not_replaced_without_the_current_one(db: Database) -> None:
    """set_pin is for the first PIN only: on a kiosk with one it refuses and the PIN stays."""
    pin = StaffPin(db)
    pin.set_pin("471100")
    with pytest.raises(PinError):
        pin.set_pin("000000")
    assert (pin.verify("000000"), pin.verify("471100")) == (False, True)


def test_change_needs_the_current_pin_and_a_wrong_one_counts(db: Database) -> None:
    """A wrong current PIN changes nothing and counts toward the lock-out; the right one
    changes it."""
    pin = StaffPin(db)
    pin.set_pin("471100")
    wrong = pin.change_pin("000000", "222222")
    right = pin.change_pin("471100", "333333")
    assert (wrong.ok, wrong.tries_left, right.ok, pin.verify("333333")) == (False, 2, True, True)


def test_change_never_ends_a_lock_out(db: Database) -> None:
    """During a lock-out even the right current PIN changes nothing, and the lock stays."""
    clock = FakeTime()
    pin = locked_out(db, clock)
    result = pin.change_pin("471100", "222222")
    clock.t += FIRST_LOCK_S + 1
    assert (result.ok, result.locked_for > 0, pin.verify("471100")) == (False, True, True)


def test_reset_needs_the_organiser_key(db: Database, tmp_path: Path) -> None:
    """Without the current PIN only the organiser's machine resets it; a kiosk cannot, and a
    running lock-out stays either way."""
    clock = FakeTime()
    pin = locked_out(db, clock)
    keys = tmp_path / "kiosk.db.keys"
    with pytest.raises(NotOrganiser):
        pin.reset_pin("222222", keys)
    init_organiser(db, keys)
    pin.reset_pin("333333", keys)
    still_locked = pin.locked_for() > 0
    clock.t += FIRST_LOCK_S + 1
    assert (still_locked, pin.verify("333333"), pin.verify("471100")) == (True, True, False)


def test_old_hashes_still_verify_and_say_they_are_old(db: Database) -> None:
    """A 4-digit PIN hashed at the old cost still works (and is flagged as legacy) until
    changed; the new cost is stored with each new hash."""
    settings.put(db, HASH_KEY, legacy_hash("1234"))
    pin = StaffPin(db)
    old = (pin.is_legacy(), pin.verify("1234"), pin.is_legacy())
    pin.change_pin("1234", "246802")
    assert (old, pin.is_legacy(), pin.cost(), pin.verify("246802")) == (
        (True, True, True),
        False,
        COST,
        True,
    )


def test_a_long_pin_at_the_old_cost_is_rehashed_when_typed(db: Database) -> None:
    """A 6-digit PIN stored at the old cost is stored again at the new one once it is right."""
    settings.put(db, HASH_KEY, legacy_hash("246802"))
    pin = StaffPin(db)
    assert (pin.verify("246802"), pin.cost(), pin.verify("246802")) == (True, COST, True)


def test_a_tampered_cost_is_refused_not_computed(db: Database) -> None:
    """A stored hash asking for gigabytes (or an impossible N) fails at once, never hangs."""
    pin = StaffPin(db)
    results = []
    for n, r, p in ((2**22, 8, 1), (2**17, 8, 1000), (3, 8, 1)):
        settings.put(db, HASH_KEY, f"scrypt${n}${r}${p}${'00' * 16}${'00' * 64}")
        results.append(pin.verify("123456"))
    assert results == [False, False, False]


def test_one_guess_is_slow(db: Database) -> None:
    """The present cost is at least 8 times the old one, memory-hard (128 MiB or more)."""
    assert (COST.work >= 8 * LEGACY_COST.work, COST.memory >= 128 * 2**20) == (True, True)
