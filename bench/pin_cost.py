"""What one staff PIN guess costs an attacker holding a copy of a kiosk database, and how
long a search of every PIN of the minimum length takes, beside the old parameters.

    python bench/pin_cost.py [--repeats 7] [--cores 2] [--event-days 2]

One guess is one scrypt call with the parameters kiosk stores with each hash (exactly what
the attacker must compute per candidate: the salt and the parameters are in the copy).
Both wall-clock and CPU time are measured and the median of the repeats reported; the
search time uses the CPU time per guess (an attacker's cores do nothing else) and counts
every PIN of the length on `--cores` cores, each core guessing on its own. On average the
PIN turns up after half of that.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.service.staff_pin import COST, LEGACY_COST, MIN_DIGITS, ScryptCost, digest


def one_guess(cost: ScryptCost, repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds of one guess."""
    salt = os.urandom(16)
    digest("000000", salt, cost)  # warm-up: the first call also maps the memory
    wall, cpu = [], []
    for i in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        digest(f"{i:06d}", salt, cost)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--event-days", type=float, default=2.0, help="SCES: 2 days")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} while measuring")
    print(f"search on {args.cores} cores, against an event of {args.event_days:g} days")
    event_s = args.event_days * 86400
    rows = [
        ("baseline (old)", LEGACY_COST, 4),
        ("baseline, 6 digits", LEGACY_COST, MIN_DIGITS),
        ("kiosk (now)", COST, MIN_DIGITS),
    ]
    header = f"{'':20} {'scrypt N,r,p':>14} {'MiB':>4} {'wall ms':>8} {'cpu ms':>7}"
    print(f"{header} {'digits':>6} {'all PINs':>10} {'on average':>10}  > event?")
    for name, cost, digits in rows:
        wall, cpu = one_guess(cost, args.repeats)
        every = 10**digits * cpu / args.cores
        params = f"2^{cost.n.bit_length() - 1},{cost.r},{cost.p}"
        print(
            f"{name:20} {params:>14} {cost.memory >> 20:>4} {wall * 1000:>8.0f} "
            f"{cpu * 1000:>7.0f} {digits:>6} {duration(every):>10} {duration(every / 2):>10}"
            f"  {'yes' if every > event_s else 'no'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
