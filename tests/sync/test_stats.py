"""Report figures from the merged log: attendance, peak inside, entries over time, no-shows."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from kiosk.domain.decision import Direction
from kiosk.domain.event import Event
from kiosk.service.checkin import CheckInService
from kiosk.sync import stats
from tests.conftest import at

Code = Callable[..., str]


def test_figures_of_one_morning(
    db: Database, event: Event, service: CheckInService, code_for: Code
) -> None:
    """Two in, one out, one back, a third in: peak 2 and three entries in the keynote; time
    slots run evenly through a quiet quarter; never-admitted people count per type."""
    service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 09:40"))
    service.scan("T-0002", "main", Direction.ENTRY, at("14 09:41"))
    service.scan(code_for("A1"), "main", Direction.EXIT, at("14 10:10"))
    service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 10:12"))
    service.scan("T-0003", "floor", Direction.ENTRY, at("14 10:13"))
    figures = stats.compute(db, event)
    keynote = next(f for f in figures.sessions if f.session.id == "keynote")
    assert (keynote.people, keynote.entries, keynote.peak) == (2, 3, 2)
    (day,) = figures.entries_by_day.values()
    assert [(slot.strftime("%H:%M"), n) for slot, n in day] == [
        ("09:30", 2),
        ("09:45", 0),
        ("10:00", 2),
    ]
    assert figures.no_shows == {"delegate": (3, 1), "staff": (1, 1), "visitor": (1, 0)}
    assert (figures.records, figures.kiosks, figures.conflicts) == (5, 1, [])
