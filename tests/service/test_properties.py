"""Property tests: no scanned input can crash the service or change anything but the log."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from kiosk.domain.decision import Direction, Verdict
from kiosk.service.checkin import CheckInService
from tests.conftest import at

_tick = itertools.count()

hostile = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
    st.text(alphabet="0123456789ABCDEFGHJKLMNPQRSTUVWX", min_size=100, max_size=160),
    st.sampled_from(
        [
            "' OR 1=1 --",
            "https://evil.example/x",
            "BEGIN:VCARD\nFN:X\nEND:VCARD",
            "T-0001\x00",
            "%s%s%n",
            "\u202e\u200b",
            "X" * 5000,
        ]
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=hostile, exit_=st.booleans())
def test_any_input_gives_a_recorded_decision(
    service: CheckInService, db: Database, text: str, exit_: bool
) -> None:
    """Whatever is scanned, the answer is a decision that is logged once; attendees,
    registrations and keys are untouched; nothing but an identified badge is admitted."""
    before = [
        db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("attendees", "registrations", "public_keys", "checkins")
    ]
    when = at("14 09:00") + dt.timedelta(seconds=10 * next(_tick))
    decision = service.scan(text, "floor", Direction.EXIT if exit_ else Direction.ENTRY, when)
    after = [
        db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("attendees", "registrations", "public_keys", "checkins")
    ]
    assert after[:3] == before[:3]
    assert after[3] == before[3] + (0 if decision.repeat else 1)
    if decision.verdict.lets_in:
        assert decision.attendee is not None and text.strip() in {
            "T-0001",
            "T-0002",
            "T-0003",
            "T-0004",
            "T-0006",
        }
    assert isinstance(decision.verdict, Verdict) and decision.reason
