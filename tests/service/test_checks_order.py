"""The reason a person is refused is the one they can act on: access rules before the clock."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.domain.decision import Direction
from kiosk.service.checkin import CheckInService
from tests.conftest import at


def test_an_early_visitor_is_told_they_have_no_access(
    service: CheckInService, code_for: Callable[..., str]
) -> None:
    """A Visitor at the main hall before admission opens hears 'no access', not 'come back
    later'; someone not registered for the next workshop hears that, not 'not yet open'."""
    early = service.scan(code_for("A3", "visitor"), "main", Direction.ENTRY, at("14 08:00"))
    unregistered = service.scan(code_for("A2"), "main", Direction.ENTRY, at("14 13:00"))
    registered = service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 13:00"))
    assert [d.reason for d in (early, unregistered, registered)] == [
        "type_not_allowed",
        "not_registered_for_session",
        "before_admission",
    ]
