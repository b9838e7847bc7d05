"""Seat labels read into row and seat number; what does not read is counted, not placed."""

from __future__ import annotations

import pytest

from kiosk.domain.seats import MAX_LABEL, parse_seat, seat_plan


@pytest.mark.parametrize(
    ("label", "row", "number"),
    [
        ("A-12", "A", 12),
        ("a12", "A", 12),
        ("A 12", "A", 12),
        ("B/7", "B", 7),
        ("AA-3", "AA", 3),
        ("3-12", "3", 12),
        ("3排12座", "3", 12),
        ("第3排12座", "3", 12),
        ("3排12号", "3", 12),
        ("３排１２座", "3", 12),  # full-width digits
        ("三排十二座", "3", 12),
        ("二十排一百零五座", "20", 105),
        ("A排5座", "A", 5),
        ("Row 3 Seat 12", "3", 12),
        ("row c, seat 7", "C", 7),
        ("Reihe 4 Platz 9", "4", 9),
        ("Fila 2 Asiento 30", "2", 30),
        ("R3 S12", "3", 12),
        ("Ａ－１２", "A", 12),
        (" C-01 ", "C", 1),
    ],
)
def test_labels_read_as_row_and_seat(label: str, row: str, number: int) -> None:
    """The ways registration systems write a seat all give the same row and number."""
    seat = parse_seat(label)
    assert seat is not None and (seat.row, seat.number) == (row, number)


@pytest.mark.parametrize(
    "label",
    [
        None,
        "",
        "   ",
        "Balcony",
        "12",  # a number alone: no row
        "A",  # a row alone: no seat
        "A-0",  # seats count from 1
        "A-1000",  # past any hall
        "ABC-12",  # three letters: not a row
        "1000-3",
        "A-12-3",
        "Row 3",
        "3排",
        "二三十排4座",  # not a Chinese number
        "十十排4座",
        "A-12\x00",
        "A\u202e-12",  # a right-to-left override
        "A-" + "1" * 50,
        "A" * (MAX_LABEL + 1),
        "VIP box 3",
        "standing",
    ],
)
def test_labels_that_do_not_read_give_none(label: str | None) -> None:
    """Anything else is no seat: not a guess at one."""
    assert parse_seat(label) is None


def test_seats_sort_in_hall_order() -> None:
    """Numeric rows by number (2 before 10), letter rows A..Z then AA, seats by number."""
    labels = ["10-1", "2-3", "2-1", "B-1", "AA-1", "Z-2", "A-10", "A-9"]
    seats = sorted(s for s in map(parse_seat, labels) if s)
    assert [f"{s.row}-{s.number}" for s in seats] == [
        "2-1", "2-3", "10-1", "A-9", "A-10", "B-1", "Z-2", "AA-1",
    ]  # fmt: skip


def test_plan_counts_unplaced_labels_and_shared_seats() -> None:
    """A plan lists its rows in order, is as wide as the highest seat, counts the labels
    it could not place (and how many of those people are present), and a seat two
    attendees share is taken when either is present."""
    plan = seat_plan(
        [("B-3", True), ("A-1", False), ("A-14", False), ("A-1", True),
         ("balcony", True), ("", False), ("C-2", False)]
    )  # fmt: skip
    assert (plan.rows, plan.columns, plan.unplaced, plan.unplaced_taken) == (
        ("A", "B", "C"), 14, 2, 1,
    )  # fmt: skip
    assert {f"{s.row}-{s.number}": taken for s, taken in plan.seats.items()} == {
        "A-1": True, "A-14": False, "B-3": True, "C-2": False,
    }  # fmt: skip
