"""How many badges a stranger gets at a pickup kiosk by guessing, and whether real attendees
still get theirs at the first try.

    python bench/pickup_guessing.py [--count 3000] [--attempts 1000] [--json]

The attacker holds the published attendee list (names and companies, no e-mails, no
codes) and works through the real PickupService on a real demo database: most common
surnames first, each with a guessed booking-code start built from what the list gives
(the e-mail-style strings name and company suggest, the company's letters) or drawn at
random from the codes' alphabet. After every 4 wrong guesses the attacker types their own
valid registration to try to reset the counter, and every 100 attempts the kiosk is
restarted (a new service on the same database file). Two runs:

- lock-out in force: the kiosk locks after the run of failures and nobody unlocks it;
- careless staff: staff type the PIN whenever the kiosk locks, so every one of the
  attempts reaches the comparison (what the factor alone is worth).

Then every attendee of the list identifies themselves once with their surname (pinyin
for Chinese names) and the first 6 characters of the booking code from their
confirmation e-mail, on one kiosk, counting first-try successes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from kiosk.domain.attendee import Attendee  # noqa: E402
from kiosk.domain.names import has_han, pinyin  # noqa: E402
from kiosk.service.pickup import MIN_CODE, Found, PickupService  # noqa: E402
from kiosk.store import attendees, events  # noqa: E402
from kiosk.store.db import open_db  # noqa: E402

PIN = "staff-pin-for-the-bench"
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # the demo codes' own alphabet (kiosk.demodata)


@dataclass
class Attack:
    attempts: int = 0  # guesses at other people's badges
    evaluated: int = 0  # guesses the kiosk compared (not refused as locked)
    badges: int = 0  # other people's badges the attacker could print
    own_tries: int = 0  # the attacker's own registration, typed to reset the counter
    lockouts: int = 0
    restarts: int = 0
    expected_hits: float = 0.0  # sum over evaluated guesses of namesakes / 32**6


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 10, 14, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=3)  # a fast attacker: one try every 3 s
        return self.now


def typed_surname(person: Attendee) -> str:
    return pinyin(person.last_name) if has_han(person.last_name) else person.last_name


def _ascii(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


def guesses(person: Attendee, rnd: random.Random) -> list[str]:
    """What a list of names and companies suggests for a code start, then random ones."""
    first, last = _ascii(person.first_name), _ascii(typed_surname(person))
    company = _ascii(person.company)
    shaped = [first + last, first[:1] + last, last + first, company, company[:3] + last]
    out = [g[:MIN_CODE] for g in shaped if len(g) >= MIN_CODE]
    out += ["".join(rnd.choice(ALPHABET) for _ in range(MIN_CODE)) for _ in range(3)]
    return out


def service(db: Database, clock: Clock) -> PickupService:
    event = events.load_event(db)
    assert event is not None
    return PickupService(db, event, verify_pin=lambda pin: pin == PIN, clock=clock)


def attack(
    path: Path, attempts: int = 1000, *, staff_clears: bool = False, seed: int = 7
) -> Attack:
    """The attack of the module docstring on the kiosk database at `path` (its lock-out
    state is left as the attack leaves it)."""
    rnd = random.Random(seed)
    db = open_db(path)
    people = [a for a in attendees.iter_all(db) if not a.cancelled]
    me = people[rnd.randrange(len(people))]  # the attacker's own, real registration
    others = [a for a in people if a.id != me.id]
    by_surname = Counter(typed_surname(a).casefold() for a in others)
    targets = sorted(others, key=lambda a: -by_surname[typed_surname(a).casefold()])
    clock, result = Clock(), Attack()
    kiosk = service(db, clock)
    wrong_in_a_row = 0
    queue = [(t, g) for t in targets for g in guesses(t, rnd)]
    for target, guess in queue[:attempts]:
        if result.attempts and result.attempts % 100 == 0:  # the kiosk restarts
            kiosk, result.restarts = service(open_db(path), clock), result.restarts + 1
        if staff_clears and kiosk.locked():
            kiosk.unlock(PIN)
        was_locked = kiosk.locked()
        result.attempts += 1
        found = kiosk.identify_name(typed_surname(target), guess)
        if not was_locked:
            result.evaluated += 1
            result.expected_hits += by_surname[typed_surname(target).casefold()] / 32**MIN_CODE
        if isinstance(found, Found) and found.attendee.id != me.id:
            result.badges += 1
        result.lockouts += kiosk.locked() and not was_locked
        wrong_in_a_row += 1
        if wrong_in_a_row == 4:  # then the attacker's own registration, to reset the count
            result.own_tries += 1
            kiosk.identify_name(typed_surname(me), (me.ticket_code or "")[:MIN_CODE])
            wrong_in_a_row = 0
    return result


def real_attendees(path: Path) -> tuple[int, int, bool]:
    """(first-try successes, attendees, whether the kiosk locked meanwhile)."""
    db = open_db(path)
    kiosk = service(db, Clock())
    people = [a for a in attendees.iter_all(db) if not a.cancelled and a.ticket_code]
    ok = 0
    for person in people:
        found = kiosk.identify_name(typed_surname(person), (person.ticket_code or "")[:MIN_CODE])
        ok += isinstance(found, Found) and found.attendee.id == person.id
    return ok, len(people), kiosk.locked()


def demo_database(folder: Path, count: int) -> Path:
    """A demo kiosk database of `count` attendees (kiosk demo-data), made once."""
    from kiosk.cli.data import make_demo_database

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "demo.db"
    make_demo_database(path, count)
    return path


def fresh_copy(path: Path, name: str) -> Path:
    """The same attendees on a kiosk no one has guessed at yet."""
    copy = path.with_name(name)
    source, target = open_db(path), open_db(copy, migrate=False)
    source.conn.backup(target.conn)
    source.conn.close()
    target.conn.close()
    return copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--attempts", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # one warning a failed guess: the figures say it all
    with tempfile.TemporaryDirectory() as tmp:
        figures: dict[str, object] = {"attendees": args.count, "attempts": args.attempts}
        demo = demo_database(Path(tmp), args.count)
        for name, clears in (("locked", False), ("careless_staff", True)):
            started = time.perf_counter()
            result = attack(fresh_copy(demo, f"{name}.db"), args.attempts, staff_clears=clears)
            figures[name] = {**result.__dict__, "seconds": round(time.perf_counter() - started, 2)}
        ok, total, locked = real_attendees(fresh_copy(demo, "real.db"))
        figures["real_attendees"] = {"first_try": ok, "of": total, "kiosk_locked": locked}
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
