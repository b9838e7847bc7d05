"""pretix order positions -> attendees: one rule for the "Order data (JSON)" export and the
REST API (kiosk pretix pull), which name the same fields alike.

- The attendee id is ORDERCODE-POSITIONID (7XJGM-1), as kiosk's CSV import of pretix's
  order list makes it: importing the CSV, the JSON or pulling gives the same attendees.
- Only paid orders admit: a pending (unpaid), expired or cancelled order, and a cancelled
  position, is imported cancelled, as pretix's check-in refuses them by default.
- Products that are no admission (parking, merchandise) give no attendee; a product that
  maps to no kiosk type (`kiosk pretix items`, or an import's --type-map / --default-type;
  never guessed from a name, as a door cannot for a signed ticket) is left out and
  counted: its signed tickets are denied as an unmapped product, unsigned ones unknown.
- A position of a listed order that is no longer listed (cancelled, or split off) is
  cancelled, and so is one whose product lost its mapping.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.importing.names import split_full_name
from kiosk.importing.rows import MAX_ID, MAX_TICKET_CODE, BadRow, email_problem
from kiosk.store import attendees as stored
from kiosk.store import pretix, search
from kiosk.store.db import write
from kiosk.store.imports import KEEPABLE, ImportCounts, apply_import

ADMITTED_STATUS = "p"  # pretix Order.STATUS_PAID; n pending, e expired, c cancelled
MAX_TEXT = 1_000  # characters of a name, company or e-mail worth keeping


class PositionError(ValueError):
    """Not the shape pretix gives an order or position (a one-line reason)."""


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PositionError(f"{what} is not text")
    return " ".join(value.split())[:MAX_TEXT]


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 1 << 63:
        raise PositionError(f"{what} is not a pretix id")
    return value


def _names(position: Mapping[str, Any]) -> tuple[str, str]:
    parts = position.get("attendee_name_parts")
    if isinstance(parts, Mapping):
        given = _text(parts.get("given_name"), "given_name")
        family = _text(parts.get("family_name"), "family_name")
        if given or family:
            return given, family
        full = _text(parts.get("full_name"), "full_name")
        if full:
            return _split(full)
    return _split(_text(position.get("attendee_name"), "attendee_name"))


def _split(full: str) -> tuple[str, str]:
    """pretix's composed name (the export has no parts): its default scheme joins given and
    family name with a space, CJK ones too (伟 张); family_nospace_given writes 张伟."""
    given, space, family = full.partition(" ")
    if space and given and family:
        return given, family
    return split_full_name(full)


def _seat(value: Any) -> str:
    if isinstance(value, Mapping):  # the API: the seat's name ("Row 3, Seat 12")
        return _text(value.get("name") or value.get("seat_guid"), "seat")
    return _text(value, "seat")  # the export: the seat's id in the seating plan


@dataclass
class Positions:
    """Turns the positions of one pretix event's orders into attendees, collecting bad ones."""

    db: Database
    event: Event
    type_map: Mapping[str, str] = field(default_factory=dict)
    default_type: str | None = None
    item_names: dict[int, str] = field(default_factory=dict)
    not_admission: set[int] = field(default_factory=set)
    people: list[Attendee] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)  # the first 10,000
    bad_count: int = 0
    unmapped: dict[int, int] = field(default_factory=dict)  # product id -> positions
    blocked: set[str] = field(default_factory=set)
    unblocked: set[str] = field(default_factory=set)
    orders: set[str] = field(default_factory=set)
    _seen: dict[str, int] = field(default_factory=dict)
    _codes: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._map = {k.strip().casefold(): v for k, v in self.type_map.items()}

    def add_items(self, items: Iterable[Any]) -> None:
        """pretix's products (the export's event.items, or the API's items/)."""
        for item in items:
            if not isinstance(item, Mapping):
                raise PositionError("a product is not an object")
            item_id = _int(item.get("id"), "a product's id")
            name = item.get("name")
            if isinstance(name, Mapping):  # the API: a translated name per language
                name = next((v for v in name.values() if isinstance(v, str)), "")
            self.item_names[item_id] = _text(name, "a product's name")
            if item.get("admission") is False:
                self.not_admission.add(item_id)

    def type_of(self, item_id: int) -> str | None:
        """--type-map (product id or name), then the item map the doors have too; no guess
        from the product's name: a door deciding a signed ticket offline knows only the map."""
        name = self.item_names.get(item_id, "")
        for text in (str(item_id), name.casefold()):
            if text and (found := self._map.get(text)) is not None:
                return found
        mapped = pretix.item_type(self.db, item_id, name or None)
        if mapped is not None and self.event.type(mapped) is not None:
            return mapped
        return self.default_type

    def add_order(self, number: int, order: Mapping[str, Any]) -> None:
        """One order (`number`: its place in the file or pull, for messages)."""
        if not isinstance(order, Mapping):
            raise PositionError(f"order {number}: not an object")
        code = _text(order.get("code"), f"order {number}: code")
        positions = order.get("positions")
        if not code or not isinstance(positions, list):
            raise PositionError(f"order {number}: no code or no positions")
        self.orders.add(code)
        paid = order.get("status") == ADMITTED_STATUS
        for position in positions:
            try:
                self._add(number, code, paid, order, position)
            except PositionError as exc:
                self._fail(number, f"order {code}: {exc}")

    def _fail(self, number: int, reason: str) -> None:
        self.bad_count += 1
        if len(self.bad) < 10_000:
            self.bad.append(BadRow(number, reason))

    def _add(
        self, number: int, code: str, paid: bool, order: Mapping[str, Any], position: Any
    ) -> None:
        if not isinstance(position, Mapping):
            raise PositionError("a position is not an object")
        aid = f"{code}-{_int(position.get('positionid'), 'positionid')}"
        item = _int(position.get("item"), f"{aid}: item")
        if item in self.not_admission:
            return
        secret = _text(position.get("secret"), f"{aid}: secret")
        reasons = []
        if len(aid) > MAX_ID or not aid.isprintable():
            reasons.append(f"id {aid[:MAX_ID]!r} is not usable")
        elif aid in self._seen:
            reasons.append(f"duplicate position {aid} (also order {self._seen[aid]})")
        if not secret or len(secret) > MAX_TICKET_CODE or not secret.isprintable():
            reasons.append(f"{aid}: secret {secret[:40]!r} is not usable")
        elif secret in self._codes:
            reasons.append(f"{aid}: duplicate secret (also order {self._codes[secret]})")
        email = _text(position.get("attendee_email"), "attendee_email") or _text(
            order.get("email"), "email"
        )
        if (problem := email_problem(email)) is not None:
            reasons.append(f"{aid}: {problem}")
        if reasons:
            self._fail(number, "; ".join(reasons))
            return
        self._seen[aid], self._codes[secret] = number, number
        kind = self.type_of(item)
        if kind is None:
            self.unmapped[item] = self.unmapped.get(item, 0) + 1
            return
        first, last = _names(position)
        if not first and not last:  # a ticket sold without a name: what it is, and whose
            first, last = self.item_names.get(item, "Ticket"), aid
        blocked = position.get("blocked")
        (self.blocked if blocked else self.unblocked).add(secret)
        self.people.append(
            Attendee(
                aid,
                first,
                last,
                _text(position.get("company"), "company"),
                email,
                kind,
                secret,
                cancelled=not paid or position.get("canceled") is True,
                seat=_seat(position.get("seat")),
            )
        )

    def gone(self) -> list[Attendee]:
        """Stored attendees of the orders seen whose position is no longer listed, or whose
        product maps to no type any more: cancelled."""
        listed = {p.id for p in self.people}
        found = []
        for person in stored.iter_all(self.db):
            code, dash, number = person.id.rpartition("-")
            if (
                dash and number.isdigit() and code in self.orders and person.id not in listed
                and not person.cancelled
            ):  # fmt: skip
                found.append(replace(person, cancelled=True))
        return found

    def warnings(self) -> list[str]:
        if not self.unmapped:
            return []
        listed = ", ".join(
            f"{item} {self.item_names.get(item, '?')!r} ({count:,})"
            for item, count in sorted(self.unmapped.items())
        )
        return [
            f"tickets of products that map to no kiosk type were left out (their doors deny "
            f"them): {listed}; map them with 'kiosk pretix items ID=TYPE' or --type-map"
        ]


def apply_positions(db: Database, found: Positions, dry_run: bool) -> ImportCounts:
    """Make the attendees agree with the positions, all or nothing (kiosk.store.imports).

    Blocking is written before the attendees and lifting a block after them, each in its
    own transaction: should the import fail, no ticket is left admitted that pretix blocks.
    """
    people = found.people + found.gone()
    if not dry_run and found.blocked:
        with write(db):
            pretix.set_blocked(db, sorted(found.blocked), True)
    # Fields pretix has no word on (a job title; a card or note given on site) are kept.
    absent = {"position", "card_uid", "note"} & KEEPABLE.keys()
    counts = apply_import(db, people, dry_run=dry_run, absent=absent)
    if dry_run:
        return counts
    with write(db):
        lifted = [s for s in sorted(found.unblocked) if pretix.is_blocked(db, s)]
        if lifted:
            pretix.set_blocked(db, lifted, False)
        pretix.set_item_names(db, found.item_names)
    if counts.search_stale:
        search.refresh_search_index(db)
    return counts
