"""The chart's kept tally agrees with a count of the whole log, refresh after refresh."""

from __future__ import annotations

from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.store import checkins
from kiosk.store.db import write
from kiosk.store.demo_day import admit
from kiosk.ui.board_data import entries_per_quarter
from kiosk.ui.board_quarters import QuarterTally
from tests.conftest import at


def _undo(db: Database, record_id: str, delta: int = -1, undo_id: str = "") -> None:
    record = checkins.get(db, record_id)
    assert record is not None
    undo = {"id": undo_id or f"undo-{record_id}", "undoes": record_id, "delta": delta,
            "verdict": "undone"}  # fmt: skip
    checkins.append(db, checkins.LogRecord(**{**record.__dict__, **undo}))


def _ids(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM checkins ORDER BY seq")]


def test_kept_tally_agrees_with_the_whole_log(db: Database, event: Event) -> None:
    """Admissions, exits, an undo, a refused undo (delta 0), an undo merged before its
    target, and a database with fewer records behind the tally: always the full count."""
    keynote, floor = event.session("keynote"), event.session("floor-d1")
    assert keynote is not None and floor is not None
    tally = QuarterTally()
    now = at("14 10:30")

    def agree() -> None:
        assert tally.per_quarter(db, event, now) == entries_per_quarter(db, event, now)

    agree()
    with write(db):
        admit(db, keynote, "A1", at("14 09:40"))
        admit(db, floor, "A3", at("14 09:41"))
    agree()
    with write(db):
        admit(db, floor, "A2", at("14 10:02"))
        admit(db, floor, "A3", at("14 10:03"), -1)
        _undo(db, _ids(db)[0])
        _undo(db, _ids(db)[1], delta=0, undo_id="refused")
    agree()
    with write(db):
        # A merge can bring an undo before the admission it takes back.
        record = checkins.get(db, _ids(db)[2])
        assert record is not None
        late = {"id": "later", "at": at("14 10:10").isoformat()}
        checkins.append(db, checkins.LogRecord(**{**record.__dict__, "id": "undo-later",
                                                  "undoes": "later", "verdict": "undone",
                                                  "delta": -1}))  # fmt: skip
        checkins.append(db, checkins.LogRecord(**{**record.__dict__, **late}))
    agree()
    assert sum(n for points in tally.per_quarter(db, event, now).values() for _, n in points) == 2
    tally.seq = 10**9
    agree()
