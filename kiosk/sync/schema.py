"""Strict schemas for everything read from a hub: exact keys, types, lengths and ranges,
checked before anything touches the database. Columns come from these tables, never from
an item, so no text from a hub ever becomes SQL."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from kiosk.domain import pretix_sig1
from kiosk.domain.attendee import Attendee
from kiosk.domain.cards import clean_note, clean_seat, normal_uid
from kiosk.domain.decision import Verdict
from kiosk.domain.trust import Enrolment, Role
from kiosk.store import pretix
from kiosk.store.checkins import MAX_STORED_CODE, LogRecord
from kiosk.sync import photo_items
from kiosk.sync.hub import AttendeeRow, KeyRow, RevocationRow

ID = 64
NAME = 200
TEXT = 1_000
MAX_ISSUE = 10_000
MAX_EVENT_SOURCE = 1 << 20
MAX_REGISTRATIONS = 100_000  # characters of an attendee's registration list
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,63}$")
_VERDICTS = frozenset(v.value for v in Verdict)


class BadItem(ValueError):
    """An item from a hub that does not have the shape it must have."""


Check = Callable[[Any], Any]


def text(limit: int, optional: bool = False, pattern: re.Pattern[str] | None = None) -> Check:
    def check(value: Any) -> Any:
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > limit:
            raise BadItem(f"text of at most {limit} characters expected")
        if pattern is not None and not pattern.match(value):
            raise BadItem(f"{value[:40]!r} is not an identifier")
        if "\x00" in value:
            raise BadItem("text with a NUL character")
        return value

    return check


def integer(low: int, high: int, optional: bool = False) -> Check:
    def check(value: Any) -> Any:
        if value is None and optional:
            return None
        if type(value) is not int or not low <= value <= high:
            raise BadItem(f"a whole number from {low} to {high} expected")
        return value

    return check


def flag(value: Any) -> int:
    """0/1 as SQLite keeps it (a JSON true/false is taken too)."""
    if type(value) is bool or (type(value) is int and value in (0, 1)):
        return int(value)
    raise BadItem("0 or 1 expected")


def boolean(value: Any) -> bool:
    return bool(flag(value))


def one_of(*choices: str) -> Check:
    def check(value: Any) -> Any:
        if value not in choices:
            raise BadItem(f"one of {', '.join(choices)} expected")
        return value

    return check


def moment(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 40:
        raise BadItem("an ISO-8601 time expected")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise BadItem(f"{value!r} is not an ISO-8601 time") from None
    if parsed.tzinfo is None:
        raise BadItem(f"{value!r} has no time zone")
    return value


def shaped(
    item: Mapping[str, Any], fields: Mapping[str, Check], what: str, later: Collection[str] = ()
) -> dict[str, Any]:
    """The item's fields, each checked; exactly the keys of `fields`, no more, no fewer,
    but for `later` ones (added in a later version: a sender from before may lack them)."""
    if not isinstance(item, Mapping):
        raise BadItem(f"{what}: an object expected")
    keys = set(item)
    if keys != set(fields) and not (keys <= set(fields) and set(fields) - keys <= set(later)):
        extra, missing = sorted(keys - set(fields)), sorted(set(fields) - keys)
        raise BadItem(f"{what}: unexpected fields {extra[:5]} / missing {missing[:5]}")
    out = {}
    for name, check in fields.items():
        if name not in item:
            continue
        try:
            out[name] = check(item[name])
        except BadItem as exc:
            raise BadItem(f"{what}.{name}: {exc}") from None
    return out


# Ids are only ever SQL parameters; a kiosk id also names a folder on a folder hub.
_IDENT = text(ID)
_OPT_IDENT = text(ID, optional=True)
_KIOSK = text(ID, pattern=SAFE_ID)
CHECKIN: dict[str, Check] = {
    "id": _IDENT, "kiosk_id": _KIOSK, "hall": _IDENT, "session_id": _OPT_IDENT,
    "direction": one_of("entry", "exit"), "verdict": one_of(*sorted(_VERDICTS)),
    "reason": text(ID), "attendee_id": _OPT_IDENT, "code": text(MAX_STORED_CODE),
    "at": moment, "delta": integer(-1, 1),
    "clock_offset_ms": integer(-(10**10), 10**10, optional=True),
    "note": text(TEXT), "undoes": _OPT_IDENT, "offline": boolean, "warnings": text(TEXT),
}  # fmt: skip
_CARD: Check = lambda v: _in_normal_form(v, normal_uid, "card UID")  # noqa: E731
_NOTE: Check = lambda v: _in_normal_form(v, clean_note, "note")  # noqa: E731
_COMMON = {"id": _IDENT, "kiosk_id": _KIOSK, "attendee_id": _IDENT, "at": moment}
JOURNAL: dict[str, dict[str, Check]] = {
    "print": {
        **_COMMON, "badge_issue": integer(1, MAX_ISSUE),
        "kind": one_of("first", "reprint", "walk_in"), "reason": text(TEXT),
        "printer": text(NAME), "status": one_of("ok", "failed"), "error": text(TEXT),
        "staff": flag,
    },
    "name_correction": {
        **_COMMON, "original_first": text(NAME), "original_last": text(NAME),
        "corrected_first": text(NAME), "corrected_last": text(NAME),
    },
    "walk_in": {**_COMMON, "signed": flag, "flagged": flag},
    "replacement": {
        **_COMMON, "old_issue": integer(0, MAX_ISSUE), "new_issue": integer(1, MAX_ISSUE),
        "reason": text(TEXT), "signed": flag,
    },
    "card_loss": {**_COMMON, "card_uid": _CARD, "reason": text(TEXT)},
    "card_assignment": {**_COMMON, "card_uid": _CARD},
    "attention_note": {**_COMMON, "note": _NOTE},
}  # fmt: skip
ATTENDEE: dict[str, Check] = {
    "id": _IDENT, "first_name": text(NAME), "last_name": text(NAME), "company": text(NAME),
    "email": text(NAME), "type": _IDENT, "ticket_code": text(MAX_STORED_CODE, optional=True),
    "badge_issue": integer(0, MAX_ISSUE), "cancelled": boolean,
    "photo": text(TEXT, optional=True), "position": text(NAME),
    "seat": lambda v: _in_normal_form(v, clean_seat, "seat"),
    "card_uid": lambda v: None if v is None else _CARD(v),
    "note": lambda v: _NOTE(v),
}  # fmt: skip
ATTENDEE_LATER = ("seat", "card_uid", "note")  # issue 15: older senders lack them


def _in_normal_form(value: Any, normal: Callable[[str], str | None], what: str) -> str:
    """A field as kiosk itself stores it (what the import, the desk or a reader made)."""
    try:
        ok = isinstance(value, str) and normal(value) == value
    except ValueError:
        ok = False
    if not ok:
        raise BadItem(f"not a {what} as kiosk stores it")
    return str(value)


def checkin(item: Mapping[str, Any]) -> LogRecord:
    """A check-in wire record (without "k" and "sig") as a LogRecord."""
    record = LogRecord(**shaped(item, CHECKIN, "check-in"))
    if record.verdict == Verdict.LATE_CHECKIN.value:
        _late_checkin(record)
    return record


def _late_checkin(record: LogRecord) -> None:
    """A late check-in is attendance only (kiosk.service.late_checkin): of a person and a
    session, an entry that changes no occupancy, undoes nothing, and claims a time."""
    if record.delta != 0 or record.undoes is not None or record.direction != "entry":
        raise BadItem("late check-in: it may not change occupancy or undo a record")
    if record.attendee_id is None or record.session_id is None:
        raise BadItem("late check-in: an attendee and a session are needed")
    if not record.code.startswith("late:"):
        raise BadItem("late check-in: the code must be late:TIME")
    moment(record.code.removeprefix("late:"))


def journal(kind: str, item: Mapping[str, Any]) -> tuple[dict[str, Any], Attendee | None]:
    """A journal wire record's body: the row for its table and the attendee it carries."""
    fields = JOURNAL.get(kind)
    if fields is None:
        raise BadItem(f"unknown record kind {kind[:20]!r}")
    body = shaped(item, {"row": lambda v: v, "attendee": lambda v: v}, kind)
    row = shaped(body["row"], fields, kind)
    person = None
    if body["attendee"] is not None:
        person = Attendee(
            **shaped(body["attendee"], ATTENDEE, f"{kind}.attendee", later=ATTENDEE_LATER)
        )
    return row, person


def _registrations(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_REGISTRATIONS:
        raise BadItem("a JSON list of registrations expected")
    try:
        parsed = json.loads(value)
    except ValueError:
        raise BadItem("registrations are not JSON") from None
    pairs_ok = isinstance(parsed, list) and all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and len(x) <= ID for x in p)
        for p in parsed
    )
    if not pairs_ok:
        raise BadItem("registrations must be [session, kind] pairs")
    return value


def _public_key(value: Any) -> bytes:
    if not isinstance(value, str) or len(value) > 64:
        raise BadItem("a base64 public key expected")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise BadItem("a base64 public key expected") from None
    if len(raw) != 32:
        raise BadItem("an Ed25519 public key has 32 bytes")
    return raw


# pretix (kiosk.store.pretix, kiosk.sync.pretix_items): the event's pretix_sig1 keys and date,
# the product map, and each revoked or blocked secret; only ever from the organiser.
_PRETIX_ITEM_ID = re.compile(r"^[0-9]{1,18}$")


def _pretix_key(value: Any) -> str:
    if not isinstance(value, str) or len(value) > pretix_sig1.MAX_KEY_TEXT:
        raise BadItem("a pretix key (base64 of a PEM) expected")
    try:
        pretix_sig1.load_key(value)
    except ValueError as exc:
        raise BadItem(str(exc)) from None
    return value


def _pretix_keys(limit: int) -> Check:
    def check(value: Any) -> list[str]:
        if not isinstance(value, list) or len(value) > limit:
            raise BadItem(f"a list of at most {limit} pretix keys expected")
        return [_pretix_key(v) for v in value]

    return check


def _pretix_label(value: Any, limit: int = pretix.MAX_NAME) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise BadItem(f"a name of 1 to {limit} characters expected")
    if not value.isprintable():
        raise BadItem("a name with control characters")
    return value


def _pretix_product_map(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or len(value) > pretix.MAX_ITEMS:
        raise BadItem(f"a map of at most {pretix.MAX_ITEMS} products expected")
    return {_pretix_label(k): _pretix_label(v) for k, v in value.items()}


def _pretix_product_names(value: Any) -> dict[int, str]:
    if not isinstance(value, Mapping) or len(value) > pretix.MAX_ITEMS:
        raise BadItem(f"at most {pretix.MAX_ITEMS} product names expected")
    if not all(isinstance(k, str) and _PRETIX_ITEM_ID.match(k) for k in value):
        raise BadItem("product names are keyed by pretix product id")
    return {int(k): _pretix_label(v) for k, v in value.items()}


def _pretix_secret(value: Any) -> str:
    return _pretix_label(value, pretix.MAX_SECRET)


PRETIX_ITEMS: dict[str, dict[str, Check]] = {
    "pretix_keys": {
        "trusted": _pretix_keys(pretix.MAX_KEYS),
        "distrusted": _pretix_keys(pretix.MAX_DISTRUSTED),
        "subevent": integer(0, (1 << 63) - 1),
    },
    "pretix_items": {"map": _pretix_product_map, "names": _pretix_product_names},
    "pretix_secret": {
        "secret": _pretix_secret, "state": one_of("revoked", "blocked", "unblocked"),
    },
}  # fmt: skip


def _photo(value: Any) -> bytes:
    try:
        return photo_items.jpeg_of(value)
    except photo_items.BadPhoto as exc:
        raise BadItem(str(exc)) from None


ORGANISER_ITEMS: dict[str, dict[str, Check]] = {
    "event": {"source": text(MAX_EVENT_SOURCE)},
    "key": {"key_id": _IDENT, "event_id": _IDENT, "public_key": _public_key},
    "key_revoked": {"key_id": _IDENT},
    "revocation": {
        "attendee_id": _IDENT, "below_issue": integer(0, MAX_ISSUE), "reason": text(ID),
        "at": text(40),
    },
    "attendee": {
        **{f: c for f, c in ATTENDEE.items()}, "registrations": _registrations,
        "removed": boolean,
    },
    "enrolment": {
        "kiosk_id": _KIOSK, "public_key": _public_key,
        "role": one_of(*(r.value for r in Role)), "revoked": boolean,
    },
    **PRETIX_ITEMS,
    "photo": {"attendee_id": _IDENT, "jpeg": _photo},
}  # fmt: skip


def organiser_item(item: Mapping[str, Any]) -> tuple[str, Any]:
    """(kind, value) of one organiser item: the event text, a KeyRow, a revoked key's id,
    a RevocationRow, an AttendeeRow or an Enrolment."""
    if not isinstance(item, Mapping) or item.get("k") not in ORGANISER_ITEMS:
        raise BadItem("unknown organiser item")
    kind = str(item["k"])
    later = ATTENDEE_LATER if kind == "attendee" else ()
    fields = shaped({k: v for k, v in item.items() if k != "k"}, ORGANISER_ITEMS[kind], kind, later)
    if kind == "event":
        return kind, fields["source"]
    if kind in PRETIX_ITEMS:
        return kind, fields
    if kind == "photo":
        return kind, (fields["attendee_id"], fields["jpeg"])
    if kind == "key_revoked":
        return kind, fields["key_id"]
    if kind == "key":
        return kind, KeyRow(**fields)
    if kind == "revocation":
        return kind, RevocationRow(**fields)
    if kind == "enrolment":
        return kind, Enrolment(
            fields["kiosk_id"], fields["public_key"], Role(fields["role"]), fields["revoked"]
        )
    return kind, AttendeeRow(**{f: fields[f] for f in AttendeeRow._fields if f in fields})
