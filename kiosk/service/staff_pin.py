"""The staff PIN: stored as a salted scrypt hash, wrong guesses locked out for longer and longer."""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from kiosk.store import settings

HASH_KEY = "staff_pin_hash"
FAILURES_KEY = "staff_pin_failures"
LOCKED_UNTIL_KEY = "staff_pin_locked_until"
DEMO_PIN = "123456"  # what `kiosk demo` sets when its database has no PIN yet
MIN_DIGITS = 6  # new PINs; hashes set under the old 4-digit rule keep working until changed
MAX_DIGITS = 12
FREE_TRIES = 3  # wrong PINs before the first lock-out
FIRST_LOCK_S = 30.0  # then 30 s, doubling with each further wrong PIN...
MAX_LOCK_S = 15 * 60.0  # ...up to 15 minutes
# A stored hash asking for more memory or work than this is refused, not computed: a
# tampered setting must not hang the kiosk or exhaust its memory.
MAX_MEMORY = 512 * 1024 * 1024
MAX_WORK_FACTOR = 8  # times the work of COST


@dataclass(frozen=True)
class ScryptCost:
    n: int
    r: int
    p: int

    @property
    def memory(self) -> int:
        return 128 * self.n * self.r

    @property
    def work(self) -> int:  # what one guess costs, in units of scrypt's inner loop
        return self.n * self.r * self.p


# The lock-out guards the pad; a copied database has none, so the hash itself must be slow.
# The cost goes into each stored hash: raising it later never breaks a PIN already set.
# bench/pin_cost.py: one guess ~10x the old cost (~0.5 s a core and 128 MiB on the 2-core
# test machine; r=10 took 0.6-0.7 s, past what a PIN pad may keep staff waiting), so trying
# all 10**6 six-digit PINs takes two cores ~2.8 days, more than the two days of the event
# (README, "The staff PIN"). LEGACY is what PINs were hashed with before.
COST = ScryptCost(2**17, 8, 1)
LEGACY_COST = ScryptCost(2**14, 8, 1)


class PinError(ValueError):
    """A PIN that cannot be set (too short, not digits, one already set)."""


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    locked_for: float = 0.0  # seconds until the next try is allowed
    tries_left: int = FREE_TRIES  # before a (longer) lock-out


def digest(pin: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.memory + 2**20
    )


def _check_rules(pin: str) -> None:
    if not (pin.isdigit() and pin.isascii() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise PinError(f"a staff PIN is {MIN_DIGITS} to {MAX_DIGITS} digits")


class StaffPin:
    """Checks the staff PIN of one kiosk database; state survives a restart of the app.

    Setting a PIN never touches the lock-out: the first PIN needs no authority, changing
    it needs the current one (checked like any other try), resetting it the organiser key.
    `now` is wall-clock seconds (time.time), so that a lock-out outlasts a restart.
    """

    def __init__(self, db: Database, now: Callable[[], float] = time.time) -> None:
        self.db = db
        self.now = now

    def is_set(self) -> bool:
        return settings.get(self.db, HASH_KEY) is not None

    def set_pin(self, pin: str) -> None:
        """The first PIN of a database; PinError when one is set (change_pin, reset_pin)."""
        _check_rules(pin)
        if self.is_set():
            raise PinError("a staff PIN is set: changing it needs the current one")
        self._store(pin)

    def change_pin(self, current: str, new: str) -> PinCheck:
        """Replace the PIN when `current` is right; a wrong one counts toward the lock-out
        and, like any try during a lock-out, changes nothing."""
        _check_rules(new)
        result = self.check(current)
        if result.ok:
            self._store(new)
        return result

    def reset_pin(self, new: str, key_dir: Path) -> None:
        """Replace the PIN without the current one: only where the organiser's root key for
        this database is (NotOrganiser otherwise); a running lock-out stays."""
        from kiosk.store.organiser_setup import require_organiser

        _check_rules(new)
        require_organiser(self.db, key_dir)
        self._store(new)

    def cost(self) -> ScryptCost | None:
        """The KDF cost of the stored hash (None without one, or unreadable)."""
        parsed = self._parsed()
        return parsed[0] if parsed else None

    def is_legacy(self) -> bool:
        """Set before 6-digit PINs and the present cost: possibly 4 digits, quick to search."""
        cost = self.cost()
        return cost is not None and cost.work < COST.work

    def locked_for(self) -> float:
        until = float(settings.get(self.db, LOCKED_UNTIL_KEY) or 0)
        return max(0.0, until - self.now())

    def check(self, pin: str) -> PinCheck:
        """Try a PIN: refused unheard while locked out; a wrong one counts toward a lock-out."""
        wait = self.locked_for()
        failures = int(settings.get(self.db, FAILURES_KEY) or 0)
        if wait > 0:
            return PinCheck(False, wait, 0)
        if self._matches(pin):
            self._reset()
            if self.is_legacy() and MIN_DIGITS <= len(pin) <= MAX_DIGITS:
                self._store(pin)  # a long enough PIN under the old cost: rehashed at the new
            return PinCheck(True)
        failures += 1
        settings.put(self.db, FAILURES_KEY, str(failures))
        if failures < FREE_TRIES:
            return PinCheck(False, 0.0, FREE_TRIES - failures)
        lock = min(MAX_LOCK_S, FIRST_LOCK_S * 2 ** (failures - FREE_TRIES))
        settings.put(self.db, LOCKED_UNTIL_KEY, repr(self.now() + lock))
        return PinCheck(False, lock, 0)

    def verify(self, pin: str) -> bool:
        """check() as a plain yes/no (what the pickup service takes)."""
        return self.check(pin).ok

    def _store(self, pin: str) -> None:
        salt = os.urandom(16)
        hashed = digest(pin, salt, COST).hex()
        settings.put(self.db, HASH_KEY, f"scrypt${COST.n}${COST.r}${COST.p}${salt.hex()}${hashed}")

    def _parsed(self) -> tuple[ScryptCost, bytes, bytes] | None:
        stored = settings.get(self.db, HASH_KEY)
        if stored is None:
            return None
        try:
            scheme, n, r, p, salt, hashed = stored.split("$")
            cost = ScryptCost(int(n), int(r), int(p))
            parsed = (cost, bytes.fromhex(salt), bytes.fromhex(hashed))
        except ValueError:
            return None
        return parsed if scheme == "scrypt" else None

    def _matches(self, pin: str) -> bool:
        parsed = self._parsed()
        if parsed is None:
            return False
        cost, salt, expected = parsed
        if cost.memory > MAX_MEMORY or cost.work > MAX_WORK_FACTOR * COST.work:
            return False  # would hang or exhaust the kiosk
        try:
            actual = digest(pin, salt, cost)
        except ValueError:  # parameters scrypt rejects (n not a power of two...)
            return False
        return hmac.compare_digest(actual, expected)

    def _reset(self) -> None:
        settings.put(self.db, FAILURES_KEY, "0")
        settings.put(self.db, LOCKED_UNTIL_KEY, "0")
