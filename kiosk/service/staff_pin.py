"""The staff PIN: stored as a salted scrypt hash, wrong guesses locked out for longer and longer."""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.store import settings

HASH_KEY = "staff_pin_hash"
FAILURES_KEY = "staff_pin_failures"
LOCKED_UNTIL_KEY = "staff_pin_locked_until"
DEMO_PIN = "1234"  # what `kiosk demo` sets when its database has no PIN yet
FREE_TRIES = 3  # wrong PINs before the first lock-out
FIRST_LOCK_S = 30.0  # then 30 s, doubling with each further wrong PIN...
MAX_LOCK_S = 15 * 60.0  # ...up to 15 minutes
_N, _R, _P = 2**14, 8, 1  # scrypt cost: ~50 ms a try on a laptop, 16 MiB of memory


class PinError(ValueError):
    """A PIN that cannot be set (too short, not digits)."""


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    locked_for: float = 0.0  # seconds until the next try is allowed
    tries_left: int = FREE_TRIES  # before a (longer) lock-out


def _digest(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024)


class StaffPin:
    """Checks the staff PIN of one kiosk database; state survives a restart of the app.

    `now` is wall-clock seconds (time.time), so that a lock-out outlasts a restart.
    """

    def __init__(self, db: Database, now: Callable[[], float] = time.time) -> None:
        self.db = db
        self.now = now

    def is_set(self) -> bool:
        return settings.get(self.db, HASH_KEY) is not None

    def set_pin(self, pin: str) -> None:
        if not (pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 12):
            raise PinError("a staff PIN is 4 to 12 digits")
        salt = os.urandom(16)
        stored = f"scrypt${_N}${_R}${_P}${salt.hex()}${_digest(pin, salt, _N, _R, _P).hex()}"
        settings.put(self.db, HASH_KEY, stored)
        self._reset()

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

    def _matches(self, pin: str) -> bool:
        stored = settings.get(self.db, HASH_KEY)
        if stored is None:
            return False
        try:
            scheme, n, r, p, salt, digest = stored.split("$")
            if scheme != "scrypt":
                return False
            actual = _digest(pin, bytes.fromhex(salt), int(n), int(r), int(p))
        except ValueError:
            return False
        return hmac.compare_digest(actual, bytes.fromhex(digest))

    def _reset(self) -> None:
        settings.put(self.db, FAILURES_KEY, "0")
        settings.put(self.db, LOCKED_UNTIL_KEY, "0")
