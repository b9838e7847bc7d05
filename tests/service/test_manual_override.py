"""Manual admission: staff see what a scan would decide, and a refusal needs an override."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlite_utils import Database

from kiosk.domain.decision import Direction, Verdict
from kiosk.service.checkin import CheckInService, OverrideNeeded
from kiosk.store import checkins
from tests.conftest import at


def test_a_visitor_admitted_by_hand_needs_the_access_rule_overridden(
    service: CheckInService, db: Database
) -> None:
    """A Visitor has no access to the main hall: admitting them by hand is refused until
    staff override that rule, and the record keeps which rule was overridden."""
    would = service.would_decide("A3", "main", at("14 10:00"))
    assert (would.verdict, would.reason, would.recorded) == (
        Verdict.NOT_REGISTERED,
        "type_not_allowed",
        False,
    )
    with pytest.raises(OverrideNeeded, match="type_not_allowed") as refused:
        service.admit_manually("A3", "main", "organiser request", at("14 10:00"))
    assert (refused.value.would.reason, checkins.count(db)) == ("type_not_allowed", 0)
    manual = service.admit_manually(
        "A3", "main", "organiser request", at("14 10:00"), override="type_not_allowed"
    )
    record = checkins.get(db, manual.record_id or "")
    assert record is not None
    assert (record.verdict, record.reason, record.note, manual.occupancy) == (
        "manual_admission",
        "override_type_not_allowed",
        "organiser request",
        1,
    )


def test_a_full_session_is_not_overfilled_without_an_override(
    service: CheckInService, code_for: Callable[..., str], db: Database
) -> None:
    """With the main hall at 2/2, a manual admission shows 'session full 2/2' and is
    refused; overridden, it is logged as such and the count goes to 3."""
    for person in ("A1", "A2"):
        service.scan(code_for(person), "main", Direction.ENTRY, at("14 10:00"))
    would = service.would_decide("A6", "main", at("14 10:01"))
    assert (would.reason, would.occupancy, would.capacity) == ("session_full", 2, 2)
    with pytest.raises(OverrideNeeded, match=r"session_full \(2/2\)"):
        service.admit_manually("A6", "main", "badge at the hotel", at("14 10:01"))
    with pytest.raises(OverrideNeeded):  # overriding another rule is no override of this one
        service.admit_manually(
            "A6", "main", "badge at the hotel", at("14 10:01"), override="type_not_allowed"
        )
    manual = service.admit_manually(
        "A6", "main", "badge at the hotel", at("14 10:01"), override="session_full"
    )
    assert (manual.reason, manual.occupancy, checkins.count(db)) == ("override_session_full", 3, 3)


def test_a_badge_that_will_not_scan_needs_no_override(
    service: CheckInService, db: Database
) -> None:
    """Where a scan would admit, a manual admission is a plain staff admission."""
    assert service.would_decide("A6", "main", at("14 10:00")).verdict is Verdict.ADMITTED
    manual = service.admit_manually("A6", "main", "badge will not scan", at("14 10:00"))
    assert (manual.verdict, manual.reason, manual.occupancy) == (
        Verdict.MANUAL_ADMISSION,
        "staff_override",
        1,
    )


def test_would_decide_records_nothing(service: CheckInService, db: Database) -> None:
    """Looking at what a scan would decide leaves the log and the counts as they were."""
    for person in ("A1", "A2", "A3", "A4", "A5", "A6"):
        service.would_decide(person, "main", at("14 10:00"))
    assert (checkins.count(db), service.occupancy("keynote")) == (0, 0)
    assert service.would_decide("A5", "main", at("14 10:00")).reason == "cancelled"
