"""Checking every row of an export: attendees from the good ones, numbered reasons for the bad."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.domain.attendee import Attendee
from kiosk.domain.cards import MAX_UID, MIN_UID, clean_note, clean_seat, normal_uid
from kiosk.domain.event import Event
from kiosk.domain.text import fold
from kiosk.importing.columns import ColumnMap, header_key
from kiosk.importing.names import split_full_name

MAX_ID = 64
MAX_TICKET_CODE = 128  # what the scanner accepts as a plain ticket code
# Deliberately loose: one @, no spaces or list separators, a dot in the domain. Registration
# systems checked the address already; this catches shifted columns and "n/a".
_EMAIL = re.compile(r"[^@\s,;<>\"()]+@[^@\s,;<>\"().]+(\.[^@\s,;<>\"().]+)+")


def email_problem(email: str) -> str | None:
    """Why an e-mail address is refused ("malformed e-mail 'n/a'"), or None: one rule for
    imported rows and for walk-ins registered on site. An empty address is allowed."""
    if email and not _EMAIL.fullmatch(email):
        return f"malformed e-mail {email!r}"
    return None


# Status words meaning the registration is void (pretix "c", Eventbrite "Not Attending"...).
_CANCELLED_WORDS = (
    "cancelled, canceled, refunded, deleted, expired, void, voided, c, not attending, "
    "withdrawn, rejected, "  # Indico's registration states
    "storniert, cancelado, anulado, cancel·lat, 已取消, 取消, 已退款, 退款, 作废, 已作废"
)
_CANCELLED = frozenset(header_key(word) for word in _CANCELLED_WORDS.split(","))
_YES = frozenset({"1", "true", "yes", "y", "x", "ja", "si", "是", "已取消"})


def _one_line(text: str) -> str:
    """A quoted cell may span lines or hold runs of spaces; a name or company is one line."""
    if "\n" in text or "  " in text or "\t" in text:
        return " ".join(text.split())
    return text.strip()


_UNSEEN = "<not resolved yet>"  # compared by identity: no cell is this very object


@dataclass(frozen=True)
class BadRow:
    row: int  # as the spreadsheet shows it, header = row 1
    reason: str


class TypeResolver:
    """Ticket type text -> event type id: --type-map, then the id, then the type's name."""

    def __init__(self, event: Event, type_map: Mapping[str, str], default: str | None) -> None:
        self.event = event
        self.default = default
        self._map = {fold(k): v for k, v in type_map.items()}
        self._cache: dict[str, str | None] = {}

    def resolve(self, text: str) -> str | None:
        found = self._cache.get(text, _UNSEEN)
        if found is not _UNSEEN:
            return found
        if not text:
            found = self.default
        else:
            key = fold(text)
            found = self._map.get(key)
            if found is None:
                exact = self.event.type(text)
                found = (
                    exact.id
                    if exact is not None
                    else next(
                        (t.id for t in self.event.types if key in (fold(t.name), fold(t.id))),
                        None,
                    )
                )
        self._cache[text] = found
        return found


class RowChecker:
    """Turns rows into attendees, collecting every bad row (and keeping the first 10,000)."""

    KEEP = 10_000

    def __init__(self, columns: ColumnMap, types: TypeResolver, width: int) -> None:
        self.columns = columns
        self.types = types
        self.width = width
        self.bad: list[BadRow] = []
        self.bad_count = 0
        self.row_of_id: dict[str, int] = {}
        self._row_of_code: dict[str, int] = {}
        self._status: dict[str, bool] = {}
        self._row_of_card: dict[str, int] = {}
        c = columns
        self._door_cols = (c["seat"], c["card_uid"], c["note"])
        self._has_door_cols = any(i >= 0 for i in self._door_cols)  # else no cost a row
        self._cols = (
            c["id"], c["first_name"], c["last_name"], c["name"], c["email"],
            c["company"], c["type"], c["ticket_code"], c["position"], c["status"],
        )  # fmt: skip

    def _fail(self, number: int, reasons: list[str]) -> None:
        self.bad_count += 1
        if len(self.bad) < self.KEEP:
            self.bad.append(BadRow(number, "; ".join(reasons)))

    def check(self, number: int, cells: list[str]) -> Attendee | None:
        """The attendee of one row, or None (a blank row, or a bad one, now recorded)."""
        if len(cells) < self.width:
            cells.extend([""] * (self.width - len(cells)))
        # An absent column has index -1: this trailing "" answers for it.
        cells.append("")
        (i_id, i_first, i_last, i_name, i_email, i_company, i_type, i_code, i_pos, i_status) = (
            self._cols
        )
        if self.columns.order_and_position is not None:
            order, position = self.columns.order_and_position
            order_code = cells[order].strip()
            aid = f"{order_code}-{cells[position].strip()}" if order_code else ""
        else:
            aid = cells[i_id].strip()
        first, last = _one_line(cells[i_first]), _one_line(cells[i_last])
        if not first and not last and cells[i_name]:
            first, last = split_full_name(cells[i_name])
        email = cells[i_email].strip()
        kind = cells[i_type].strip()
        code = cells[i_code].strip() or None
        reasons: list[str] = []
        if not aid:
            if not any(cell.strip() for cell in cells):
                return None  # a blank row: spreadsheets have them, nobody means anything
            reasons.append("missing id")
        elif len(aid) > MAX_ID or not aid.isprintable():
            reasons.append(f"id {aid[:MAX_ID]!r} is not usable (printable, at most {MAX_ID})")
        else:
            first_row = self.row_of_id.setdefault(aid, number)
            if first_row != number:
                reasons.append(f"duplicate id {aid!r} (also row {first_row})")
        if not first and not last:
            reasons.append("missing name")
        type_id = self.types.resolve(kind)
        if type_id is None:
            reasons.append(f"unknown type {kind!r}" if kind else "missing type")
        if (problem := email_problem(email)) is not None:
            reasons.append(problem)
        if code is not None:
            if len(code) > MAX_TICKET_CODE or not code.isprintable():
                reasons.append(f"ticket code {code[:40]!r} is not usable")
            else:
                first_row = self._row_of_code.setdefault(code, number)
                if first_row != number:
                    reasons.append(f"duplicate ticket code {code!r} (also row {first_row})")
        seat, card, note = "", None, ""
        if self._has_door_cols:
            seat, card, note = self._door_fields(number, cells, code, reasons)
        if reasons:
            self._fail(number, reasons)
            return None
        status = cells[i_status]
        cancelled = self._cancelled(status.strip()) if status else False
        assert type_id is not None
        return Attendee(
            aid,
            first,
            last,
            _one_line(cells[i_company]),
            email,
            type_id,
            code,
            cancelled=cancelled,
            position=_one_line(cells[i_pos]),
            seat=seat,
            card_uid=card,
            note=note,
        )

    def _door_fields(
        self, number: int, cells: list[str], code: str | None, reasons: list[str]
    ) -> tuple[str, str | None, str]:
        """Seat, card UID (normal form) and note of a row; what is wrong goes to `reasons`.
        A card UID is unique, and never another row's ticket code: a scan must name one."""
        i_seat, i_card, i_note = self._door_cols
        seat, note = cells[i_seat], cells[i_note]
        try:
            seat = clean_seat(seat) if seat else ""
        except ValueError as exc:
            reasons.append(str(exc))
        try:
            note = clean_note(note) if note else ""
        except ValueError as exc:
            reasons.append(str(exc))
        typed = cells[i_card].strip()
        card = normal_uid(typed) if typed else None
        if typed and card is None:
            reasons.append(
                f"card UID {typed[:40]!r} is not {MIN_UID}-{MAX_UID} hex or decimal digits"
            )
        if code is not None and code in self._row_of_card:
            reasons.append(f"ticket code {code!r} is row {self._row_of_card[code]}'s card UID")
        if card is not None:
            first_row = self._row_of_card.setdefault(card, number)
            if first_row != number:
                reasons.append(f"duplicate card UID {card!r} (also row {first_row})")
            elif self._row_of_code.get(card, number) != number:
                reasons.append(f"card UID {card!r} is row {self._row_of_code[card]}'s ticket code")
        return seat, card, note

    def _cancelled(self, status: str) -> bool:
        """Whether a status cell means the registration is void (cached: a handful of values)."""
        if not status:
            return False
        known = self._status.get(status)
        if known is None:
            known = header_key(status) in _CANCELLED or (
                self.columns.status_is_flag and status.lower() in _YES
            )
            self._status[status] = known
        return known
