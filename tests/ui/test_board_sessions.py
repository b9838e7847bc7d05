"""The board's session counts (GB 50799 12.2.1) and seat map (12.2.7), from the log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.domain.seats import parse_seat
from kiosk.service.session_counts import PresentTally, seats_of, session_counts
from kiosk.store import attendees, checkins
from kiosk.store.db import write
from kiosk.store.demo_day import admit
from kiosk.ui.board import BoardWindow
from kiosk.ui.board_pages import SEATS, SESSIONS
from kiosk.ui.board_sessions import figure_text
from kiosk.ui.i18n import Languages
from tests.conftest import at


def _session(event: Event, session_id: str):  # type: ignore[no-untyped-def]
    found = event.session(session_id)
    assert found is not None
    return found


def _workshop_day(db: Database, event: Event) -> None:
    """Four registered for the workshop (one cancelled), seats for three; two in, one of
    them seated, a third admitted by mistake and undone; a staff member walks in."""
    workshop = _session(event, "workshop")
    with write(db):
        attendees.add_registrations(db, [(a, "workshop", "registered") for a in ("A2", "A5", "A6")])
        for aid, seat in (("A1", "A-1"), ("A2", "A-2"), ("A6", "Balcony")):
            db.execute("UPDATE attendees SET seat = ? WHERE id = ?", [seat, aid])
        admit(db, workshop, "A1", at("14 13:50"))
        admit(db, workshop, "A6", at("14 14:10"))
        admit(db, workshop, "A4", at("14 13:55"))  # staff: not on the list
        admit(db, workshop, "A2", at("14 13:58"))
        last = db.execute("SELECT * FROM checkins ORDER BY seq DESC LIMIT 1").fetchone()
        undo = checkins.get(db, last[1])
        assert undo is not None
        checkins.append(
            db,
            checkins.LogRecord(**{**undo.__dict__, "id": "undo-1", "undoes": undo.id,
                                  "delta": -1, "verdict": "undone"}),
        )  # fmt: skip


def test_counts_of_a_session_with_registration(db: Database, event: Event) -> None:
    """Expected is the list less the cancelled; present counts who came at least once
    (an undone admission does not), the percentage only those on the list; seated counts
    the listed attendees inside with a seat."""
    _workshop_day(db, event)
    count = session_counts(db, [_session(event, "workshop")])[0]
    figures = (count.expected, count.present, count.expected_present, count.inside)
    assert figures == (3, 3, 2, 3)
    assert (count.seats, count.seated, round(count.share, 3)) == (3, 2, 0.667)


def test_counts_of_an_open_session(db: Database, event: Event) -> None:
    """An open session has no list: inside against its capacity, and after an exit
    present still counts the person, inside does not."""
    floor = _session(event, "floor-d1")
    with write(db):
        admit(db, floor, "A3", at("14 09:10"))
        admit(db, floor, "A1", at("14 09:20"))
        admit(db, floor, "A3", at("14 09:40"), -1)
    count = session_counts(db, [floor])[0]
    assert (count.expected, count.present, count.inside, count.seats, count.share) == (
        None, 2, 1, 0, 1 / floor.capacity,
    )  # fmt: skip
    assert figure_text(count) == f"1 / {floor.capacity}"


def test_a_kept_tally_follows_new_records_and_undos(db: Database, event: Event) -> None:
    """A board keeps one tally between refreshes: it reads only what was added since, and
    agrees with a fresh count after admissions, an undo and a new database behind it."""
    floor = _session(event, "floor-d1")
    tally = PresentTally()

    def both() -> tuple[int, int]:
        kept = session_counts(db, [floor], tally)[0].present
        return kept, session_counts(db, [floor])[0].present

    assert both() == (0, 0)
    with write(db):
        admit(db, floor, "A3", at("14 09:10"))
    assert both() == (1, 1)
    with write(db):
        admit(db, floor, "A1", at("14 09:20"))
        admit(db, floor, "A3", at("14 09:40"), -1)  # an exit: still came
    assert both() == (2, 2)
    with write(db):
        first = db.execute("SELECT id FROM checkins WHERE attendee_id = 'A1'").fetchone()[0]
        record = checkins.get(db, first)
        assert record is not None
        undo = {"id": "undo-A1", "undoes": record.id, "delta": -1, "verdict": "undone"}
        checkins.append(db, checkins.LogRecord(**{**record.__dict__, **undo}))
    assert both() == (1, 1)
    tally.seq = 10**9  # as if the database behind it were another, shorter one
    assert both() == (1, 1)


def test_seat_map_marks_who_is_in_their_seat(db: Database, event: Event) -> None:
    """Seats of the listed attendees: taken while inside, not after an exit; a label that
    does not read as row and seat is counted, not placed."""
    _workshop_day(db, event)
    workshop = _session(event, "workshop")
    plan = seats_of(db, workshop)
    assert ({f"{s.row}-{s.number}": t for s, t in plan.seats.items()},
            plan.unplaced, plan.unplaced_taken) == ({"A-1": True, "A-2": False}, 1, 1)  # fmt: skip
    with write(db):
        admit(db, workshop, "A1", at("14 14:30"), -1)
    assert seats_of(db, workshop).seats[parse_seat("A-1")] is False  # type: ignore[index]


def test_hostile_seat_labels_are_counted_not_drawn(db: Database, event: Event) -> None:
    """A megabyte of text, control characters or a right-to-left override in a seat
    label: no seat on the map, one more unplaced, the board still draws."""
    with write(db):
        db.execute("UPDATE attendees SET seat = ? WHERE id = 'A1'", ["A-1" * 300_000])
        db.execute("UPDATE attendees SET seat = ? WHERE id = 'A2'", ["A\u202e-1\x00"])
        attendees.add_registrations(db, [("A2", "workshop", "registered")])
    plan = seats_of(db, _session(event, "workshop"))
    assert (plan.seats, plan.unplaced) == ({}, 2)


def _board(qapp: QApplication, db: Database, event: Event, qm_folder: Path,
           now: dt.datetime) -> BoardWindow:  # fmt: skip
    board = BoardWindow(db, event, lambda: now, Languages(qapp, qm_folder), refresh_ms=60_000)
    board.resize(1920, 1080)
    board.show()
    return board


def test_sessions_page_lists_today_with_running_first_to_stay(
    qapp: QApplication, db: Database, event: Event, qm_folder: Path
) -> None:
    """The sessions page paints today's sessions (not tomorrow's gala) with their figures."""
    _workshop_day(db, event)
    board = _board(qapp, db, event, qm_folder, at("14 14:20"))
    board.pages.show_page(SESSIONS)
    board.pages.sessions.grab()  # paints it
    shown = {c.session.id: figure_text(c) for c in board.pages.sessions.shown}
    assert shown == {"floor-d1": "0 / 1000", "keynote": "0 / 2", "workshop": "3 / 3"}
    board.close()


def test_seat_page_shows_the_running_session_with_seats(
    qapp: QApplication, db: Database, event: Event, qm_folder: Path
) -> None:
    """The seat map opens on the running session that has seats, its figures above it,
    the unplaced label counted under it."""
    _workshop_day(db, event)
    board = _board(qapp, db, event, qm_folder, at("14 14:20"))
    board.pages.show_page(SEATS)
    page = board.pages.seats
    page.grid.grab()  # paints it
    assert (page.title.text(), page.figures.text()) == ("Workshop", "3 / 3 present")
    assert page.grid.seat_at(parse_seat("A-1")) is True  # type: ignore[arg-type]
    assert page.grid.seat_at(parse_seat("A-2")) is False  # type: ignore[arg-type]
    assert page.grid.cell >= 40  # a seat big enough to see from the back of the hall
    assert "1, inside: 1" in page.legend.text()
    board.close()


def test_seat_page_without_seats_says_so(
    qapp: QApplication, db: Database, event: Event, qm_folder: Path
) -> None:
    """No attendee has a seat: the page says a map shows once they have."""
    board = _board(qapp, db, event, qm_folder, at("14 14:20"))
    board.pages.show_page(SEATS)
    assert board.pages.seats.title.text() == "No session with seats today"
    board.close()
