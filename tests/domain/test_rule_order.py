"""The order of an entry's checks: access rules, then the admission window, then presence
and capacity. For every pair of failing rules the reason given is the earlier one."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from typing import Any

import pytest

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Direction
from kiosk.domain.event import AttendeeType, Event, Hall, Registration, Session
from kiosk.domain.rules import ENTRY_CHECKS, Presence, decide

TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 10, 14, 10, 0, tzinfo=TZ)
SESSION = Session(
    id="talk", hall="main", title="Talk", track=None, start=START,
    end=START + dt.timedelta(hours=1), opens_before=dt.timedelta(minutes=30),
    closes_after=dt.timedelta(minutes=15), registration=Registration.OPEN, reentry=True,
    capacity=10, types=None,
)  # fmt: skip
TYPES = (
    AttendeeType("delegate", "Delegate", "#1565c0", frozenset({"main"})),
    AttendeeType("vip", "VIP", "#6a1b9a", None),
)

# How to make each rule fail, as changes to the inputs of decide(); pairs touching the same
# input cannot both fail (a type is unknown or not allowed; a session is by invitation or
# needs registration; a person is inside or has left).
FAILS: dict[str, dict[str, Any]] = {
    "unknown_type": {"type": "ghost"},
    "type_not_allowed": {"types": frozenset({"vip"})},
    "invitation_only": {"registration_rule": Registration.INVITATION},
    "not_registered_for_session": {"registration_rule": Registration.REQUIRED},
    "outside_window": {"when": START - dt.timedelta(hours=1)},
    "already_inside": {"presence": Presence.INSIDE},
    "single_entry_used": {"presence": Presence.LEFT, "reentry": False},
    "session_full": {"occupancy": 10},
}
REASON = {"outside_window": "before_admission"}


def _decide(**changes: Any) -> str:
    inputs: dict[str, Any] = {
        "type": "delegate", "types": None, "registration_rule": Registration.OPEN,
        "when": START, "presence": Presence.NEVER, "reentry": True, "occupancy": 0,
    }  # fmt: skip
    inputs.update(changes)
    session = replace(
        SESSION,
        types=inputs["types"],
        registration=inputs["registration_rule"],
        reentry=inputs["reentry"],
    )
    event = Event(
        "e", "E", "Asia/Shanghai", (START.date(),), (Hall("main", "Main", 10),), TYPES, (session,)
    )
    attendee = Attendee("A1", "Ada", "Lovelace", "", "", inputs["type"])
    outcome = decide(
        event, "main", Direction.ENTRY, inputs["when"], attendee, session,
        inputs["presence"], inputs["occupancy"], None,
    )  # fmt: skip
    return outcome.reason


def test_the_documented_order_covers_every_rule() -> None:
    """ENTRY_CHECKS names each rule once, and each alone gives its own reason."""
    assert sorted(ENTRY_CHECKS) == sorted(FAILS)
    assert [_decide(**FAILS[rule]) for rule in ENTRY_CHECKS] == [
        REASON.get(rule, rule) for rule in ENTRY_CHECKS
    ]
    assert _decide() == "admitted"


PAIRS = [
    (a, b) for a, b in itertools.combinations(ENTRY_CHECKS, 2) if not set(FAILS[a]) & set(FAILS[b])
]


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a}+{b}" for a, b in PAIRS])
def test_the_earlier_rule_is_the_reason(first: str, second: str) -> None:
    """Two rules fail: the reason is the one earlier in ENTRY_CHECKS."""
    assert _decide(**FAILS[first], **FAILS[second]) == REASON.get(first, first)


def test_only_exclusive_rules_are_left_unpaired() -> None:
    """Every pair is tested but the two that cannot fail together."""
    left = set(itertools.combinations(ENTRY_CHECKS, 2)) - set(PAIRS)
    assert left == {
        ("invitation_only", "not_registered_for_session"),
        ("already_inside", "single_entry_used"),
    }
