"""The chair's view of one session (GB 50799 12.2.8): present, expected, late arrivals and
leavers, from the log, in the UI language; `kiosk board --session` refuses an unknown id."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.service.session_counts import late_arrivals
from kiosk.store import attendees, checkins
from kiosk.store.db import write
from kiosk.store.demo_day import admit
from kiosk.ui.board_chair import ChairWindow
from kiosk.ui.i18n import Languages
from tests.cli.helpers import assert_one_line, kiosk
from tests.conftest import at


def _workshop(event: Event):  # type: ignore[no-untyped-def]
    found = event.session("workshop")
    assert found is not None
    return found


def _afternoon(db: Database, event: Event) -> None:
    """A1 on time; A2 in before the start, out and back after it (not late); A6 late; A3
    late but undone (a mistaken scan); A4 late and gone again at 14:40."""
    workshop = _workshop(event)
    with write(db):
        attendees.add_registrations(db, [(a, "workshop", "registered") for a in ("A2", "A6")])
        admit(db, workshop, "A1", at("14 13:50"))
        admit(db, workshop, "A2", at("14 13:55"))
        admit(db, workshop, "A2", at("14 14:05"), -1)
        admit(db, workshop, "A2", at("14 14:15"))
        admit(db, workshop, "A6", at("14 14:20"))
        admit(db, workshop, "A3", at("14 14:21"))
        mistaken = checkins.get(
            db, db.execute("SELECT id FROM checkins ORDER BY seq DESC LIMIT 1").fetchone()[0]
        )
        assert mistaken is not None
        undo = {"id": "undo-A3", "undoes": mistaken.id, "delta": -1, "verdict": "undone"}
        checkins.append(db, checkins.LogRecord(**{**mistaken.__dict__, **undo}))
        admit(db, workshop, "A4", at("14 14:25"))
        admit(db, workshop, "A4", at("14 14:40"), -1)


def test_late_arrivals_are_first_admissions_after_the_start(db: Database, event: Event) -> None:
    """Late: whose first admission that still counts came after the start (A6, A4), not
    someone back from a break nor a scan undone."""
    _afternoon(db, event)
    assert late_arrivals(db, _workshop(event)) == 2


def test_chair_view_figures(
    qapp: QApplication, db: Database, event: Event, qm_folder: Path
) -> None:
    """Present, expected, late and left, big enough for the podium; in Chinese too."""
    _afternoon(db, event)
    languages = Languages(qapp, qm_folder)
    chair = ChairWindow(db, event, _workshop(event), lambda: at("14 14:45"), languages)
    chair.resize(1280, 800)
    chair.show()
    figures = [(f.number.text(), f.word.text())
               for f in (chair.present, chair.expected, chair.late, chair.left)]  # fmt: skip
    assert figures == [("4", "Present"), ("3", "Expected"), ("2", "Late"), ("1", "Left")]
    assert chair.present.number.font().pointSizeF() >= 100  # readable from the stage
    assert languages.switch("zh_CN")
    assert [f.word.text() for f in (chair.present, chair.expected, chair.late, chair.left)] == [
        "实到", "应到", "迟到", "中途退场",
    ]  # fmt: skip
    languages.switch("en")
    chair.close()


def test_chair_view_before_the_session(
    qapp: QApplication, db: Database, event: Event, qm_folder: Path
) -> None:
    """Before an open session starts: its capacity stands for expected, nobody late or gone."""
    keynote = event.session("keynote")
    assert keynote is not None
    chair = ChairWindow(db, event, keynote, lambda: at("14 09:00"), Languages(qapp, qm_folder))
    figures = [(f.number.text(), f.word.text())
               for f in (chair.present, chair.expected, chair.late, chair.left)]  # fmt: skip
    assert figures == [("0", "Present"), ("2", "Capacity"), ("0", "Late"), ("0", "Left")]
    chair.close()


@pytest.mark.parametrize("session", ["nope", "x" * 5000, "work\nshop"])
def test_unknown_session_is_one_line(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path, session: str
) -> None:
    """`kiosk board --session` with an id the event lacks: one line listing its sessions,
    no window opened."""
    db.conn.close()
    status, _out, err = kiosk(
        capsys, "board", "--db", str(tmp_path / "kiosk.db"), "--session", session
    )
    assert status == 2
    assert_one_line(err, "unknown session", "keynote, workshop, gala, floor-d1")
    assert len(err) < 300
