"""A pretix_sig1 ticket beside a kiosk badge at the door, in the same run, against the 5 ms
decision budget.

    python bench/pretix_verify.py [--attendees 20000] [--scans 2000]

On the demo database (N attendees, the demo event, its badge-signing key) with one trusted
pretix key and product 1 mapped to visitor, times per scan, in microseconds:
- the bare signature check: a kiosk badge code parsed and verified (the baseline) beside a
  pretix secret unpacked (base64, lengths, protobuf) and verified;
- identify(), the step before the rules: a kiosk badge, a pretix ticket not in the local
  list, the same typed by a scanner with caps lock on (the wedge repair: its variants are
  parsed and one verifies), and a forged pretix ticket (every check it may cost);
- identify and the hall rules (presence, occupancy: the decision, in memory);
- the whole scan through CheckInService.scan: that and the durable log record (a WAL
  commit with synchronous=FULL), for distinct visitors entering the exhibition hall.
Medians and p99, each median's ratio to the baseline and its share of the 5 ms budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.cli.data import make_demo_database
from kiosk.domain import codes, pretix_sig1
from kiosk.domain.decision import Direction
from kiosk.service.checkin import CheckInService
from kiosk.service.identify import Identified, identify
from kiosk.store import events, pretix
from kiosk.store.db import open_db, write
from kiosk.store.keyfiles import key_dir_for, signing_key

BUDGET_US = 5_000.0
HALL = "expo"
WHEN = dt.datetime(2026, 10, 14, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def timed(texts: list[str], run: Callable[[str], object]) -> list[float]:
    out = []
    for text in texts:
        started = time.perf_counter()
        run(text)
        out.append((time.perf_counter() - started) * 1e6)
    return out


def sig1(key: Ed25519PrivateKey, n: int, item: int = 1) -> str:
    payload = pretix_sig1.encode_ticket(f"B{n:08d}", item)
    return pretix_sig1.pack(payload, key.sign(payload))


def bare_badge(text: str) -> bool:
    code = codes.parse_code(text)
    return codes.verify(code, KEYS[code.key_id])


def bare_sig1(text: str) -> bool:
    ticket = pretix_sig1.unpack(text)
    assert isinstance(ticket, pretix_sig1.Ticket)
    return pretix_sig1.verifies(ticket, PRETIX_PUBLIC)


KEYS: dict[str, Ed25519PublicKey] = {}
PRETIX = Ed25519PrivateKey.generate()
PRETIX_PUBLIC = PRETIX.public_key()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=20_000)
    parser.add_argument("--scans", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        make_demo_database(path, args.attendees)
        db = open_db(path)
        event = events.load_event(db)
        assert event is not None
        KEYS.update(events.public_keys(db, event.id))
        private = signing_key(key_dir_for(path), event.id)
        assert private is not None
        with write(db):
            pretix.trust_key(db, pretix_sig1.pem_b64(PRETIX_PUBLIC))
            pretix.set_items(db, {"1": "visitor"})
        visitors = [
            str(r[0]) for r in db.execute("SELECT id FROM attendees WHERE type = 'visitor'")
        ][: min(args.scans, 1_400)]  # the hall holds 3,000: both kinds enter
        n = len(visitors)
        badges = [codes.sign_code(private, event.id, v, "visitor", 1) for v in visitors]
        tickets = [sig1(PRETIX, i) for i in range(n)]
        capslock = [t.swapcase() for t in (sig1(PRETIX, 10**6 + i) for i in range(n))]
        stranger = Ed25519PrivateKey.generate()
        forged = [sig1(stranger, 2 * 10**6 + i) for i in range(n)]
        keys = events.public_keys(db, event.id)

        def ident(text: str) -> object:
            return identify(db, event.id, keys, text, WHEN)

        service = CheckInService(db, event, clock=lambda: WHEN)

        def decide(text: str) -> object:
            found = identify(db, event.id, keys, text, WHEN)
            assert isinstance(found, Identified)
            return service._decide(found.attendee, HALL, Direction.ENTRY, WHEN)

        def scan(text: str) -> object:
            decision = service.scan(text, HALL, at=WHEN)
            assert decision.verdict.lets_in, decision.reason  # both fit the hall
            return decision

        cases: list[tuple[str, list[str], Callable[[str], object]]] = [
            ("signature: kiosk badge (baseline)", badges, bare_badge),
            ("signature: pretix_sig1", tickets, bare_sig1),
            ("identify: kiosk badge", badges, ident),
            ("identify: pretix, not in list", tickets, ident),
            ("identify: pretix, caps lock", capslock, ident),
            ("identify: pretix, forged", forged, ident),
            ("identify+rules: kiosk badge", badges, decide),
            ("identify+rules: pretix, not in list", tickets, decide),
            ("scan: kiosk badge", badges, scan),
            ("scan: pretix, not in list", tickets, scan),
        ]
        for _, texts, run in cases[:8]:  # warm caches (the scans would record: not warmed)
            timed(texts[:100], run)
        load = os.getloadavg()[0]
        print(f"{args.attendees:,} attendees, {n:,} scans each, hall {HALL!r}, load {load:.1f}")
        base = 0.0
        for name, texts, run in cases:
            times = timed(texts, run)
            median = statistics.median(times)
            base = base or median
            p99 = sorted(times)[int(0.99 * len(times))]
            print(
                f"{name:36s} median {median:7.1f} us  p99 {p99:7.1f} us  "
                f"{median / base:5.2f}x  {100 * median / BUDGET_US:5.2f}% of 5 ms"
            )


if __name__ == "__main__":
    main()
