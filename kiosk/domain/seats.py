"""Seat labels as registration systems write them ("A-12", "3排12座", "Row 3 Seat 12", "A12"),
read into a row and a seat number for the board's seat map.

A label that does not read as one row and one seat number gives None: the board counts
it apart and draws nothing for it, rather than guess a place in the hall.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

MAX_LABEL = 40  # longer labels are not seat labels (a pasted address, a hostile cell)
MAX_NUMBER = 999  # seat numbers and numeric rows: no hall has more
MAX_LETTERS = 2  # row letters: A..Z, AA..ZZ

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_NUMBER = "[〇零一二两三四五六七八九十百]+"
_ROW = rf"(?P<row>[A-Z]{{1,{MAX_LETTERS}}}|\d{{1,3}}|{_CN_NUMBER})"
_SEAT = rf"(?P<seat>\d{{1,3}}|{_CN_NUMBER})"
_ROW_WORDS = "ROW|REIHE|FILA|RANG|RIJ|R"
_SEAT_WORDS = "SEAT|PLATZ|SITZ|SEIENTO|ASIENTO|SIEGE|SIÈGE|PLACE|NO|NR|S"
_PATTERNS = (
    # 第3排12座, 3排12号, A排12座, 三排十二座
    re.compile(rf"第?{_ROW}排(?:第)?{_SEAT}(?:座|号|號|位)?"),
    # Row 3 Seat 12, Reihe C Platz 7, R3 S12, Row A, Seat 12, Fila 3 Asiento 12
    re.compile(rf"(?:{_ROW_WORDS})\.?{_ROW}[,;/\-]?(?:{_SEAT_WORDS})\.?{_SEAT}"),
    # A-12, A 12, A/12, A.12, A12
    re.compile(rf"(?P<row>[A-Z]{{1,{MAX_LETTERS}}})[\-/.:,]?(?P<seat>\d{{1,3}})"),
    # 3-12: a numeric row needs its separator ("312" is no seat label)
    re.compile(r"(?P<row>\d{1,3})[\-/.:,](?P<seat>\d{1,3})"),
)


@dataclass(frozen=True, order=True)
class Seat:
    """A place in a hall's seating: `row` as the label writes it ("A", "3"), `number` >= 1."""

    row_key: tuple[int, int]  # sort order: numeric rows first by number, then letter rows
    row: str
    number: int


def parse_seat(label: str | None) -> Seat | None:
    """The row and seat number of a seat label, or None when it does not read as one."""
    if not label or len(label) > MAX_LABEL:
        return None
    # NFKC: full-width "Ａ－１２" and "３排１２座" read as their ASCII forms.
    text = unicodedata.normalize("NFKC", label).upper()
    text = re.sub(r"\s+", "", text)
    if not text.isprintable():
        return None
    for pattern in _PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            return _seat(found.group("row"), found.group("seat"))
    return None


def _seat(row_text: str, seat_text: str) -> Seat | None:
    number = _number(seat_text)
    if number is None or not 1 <= number <= MAX_NUMBER:
        return None
    if row_text.isascii() and row_text.isalpha():
        value = 0
        for ch in row_text:  # A=1 .. Z=26, AA=27 ...: spreadsheet column order
            value = value * 26 + ord(ch) - ord("A") + 1
        return Seat((1, value), row_text, number)
    row = _number(row_text)
    if row is None or not 1 <= row <= MAX_NUMBER:
        return None
    return Seat((0, row), str(row), number)


def _number(text: str) -> int | None:
    if text.isascii() and text.isdigit():
        return int(text)
    return _chinese_number(text)


def _chinese_number(text: str) -> int | None:
    """一..九百九十九 (十二, 二十, 一百零五) or digit by digit (一二 = 12); None otherwise."""
    if not text or any(ch not in _CN_DIGITS and ch not in "十百" for ch in text):
        return None
    if "十" not in text and "百" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    total, digit, seen = 0, None, ""
    for ch in text.replace("零", "").replace("〇", ""):  # 一百零五: 零 only holds a place
        if ch in _CN_DIGITS:
            if digit is not None:  # two digits in a row ("二三十") is not a number
                return None
            digit = _CN_DIGITS[ch]
        else:
            unit = 10 if ch == "十" else 100
            if ch in seen or (seen == "十" and unit == 100):
                return None
            seen += ch
            total += (1 if digit is None else digit) * unit
            digit = None
    return total + (digit or 0)


@dataclass(frozen=True)
class SeatPlan:
    """Seats that parse, by row in hall order, and how many labels did not parse."""

    rows: tuple[str, ...]  # row labels in order
    columns: int  # the highest seat number (the map's width)
    seats: dict[Seat, bool]  # seat -> taken (its attendee is inside)
    unplaced: int  # labels that did not parse
    unplaced_taken: int


def seat_plan(labels: Iterable[tuple[str, bool]]) -> SeatPlan:
    """The plan of (seat label, present) pairs; two people on one seat count as present
    when either is (the map shows a seat, not a person)."""
    seats: dict[Seat, bool] = {}
    unplaced = unplaced_taken = 0
    for label, present in labels:
        seat = parse_seat(label)
        if seat is None:
            unplaced += 1
            unplaced_taken += bool(present)
        else:
            seats[seat] = seats.get(seat, False) or bool(present)
    ordered = sorted({(s.row_key, s.row) for s in seats})
    return SeatPlan(
        rows=tuple(row for _, row in ordered),
        columns=max((s.number for s in seats), default=0),
        seats=seats,
        unplaced=unplaced,
        unplaced_taken=unplaced_taken,
    )
