"""The guessing attack on a pickup kiosk, measured on the demo data (bench/pickup_guessing.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "pickup_guessing.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pickup_guessing", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pickup_guessing"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def demo(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = bench.demo_database(tmp_path_factory.mktemp("guessing"), 3000)
    return path


def test_a_thousand_guesses_with_the_lock_out_give_no_badge(bench: ModuleType, demo: Path) -> None:
    """Names and companies of 3,000 attendees, 1,000 guesses, the attacker's own
    registration after every 4 wrong ones and 9 restarts: the first run of failures locks
    the kiosk for good, nothing after it is even compared, and no badge comes out."""
    result = bench.attack(bench.fresh_copy(demo, "locked.db"), 1000)
    assert (result.attempts, result.own_tries, result.restarts, result.evaluated) == (
        1000,
        250,
        9,
        5,
    )
    assert (result.badges, result.lockouts) == (0, 1)


def test_the_factor_alone_holds_when_staff_unlock_every_time(bench: ModuleType, demo: Path) -> None:
    """Even with staff typing the PIN at every lock-out, all 1,000 guesses compared give no
    badge, and own successes never reset the count (a lock every 5 failures)."""
    result = bench.attack(bench.fresh_copy(demo, "careless.db"), 1000, staff_clears=True)
    assert (result.evaluated, result.badges, result.lockouts) == (1000, 0, 200)


def test_every_real_attendee_succeeds_at_the_first_try(bench: ModuleType, demo: Path) -> None:
    """Each of the 3,000, with surname (pinyin for Chinese names) and the first 6
    characters of the booking code from the e-mail, is found at once; nothing locks."""
    assert bench.real_attendees(bench.fresh_copy(demo, "real.db")) == (3000, 3000, False)
