"""Checking an organiser publication part before anything of it is used: the pinned root
key's signature, the items' hash, the event, the version order and the expiry."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.attendee import Attendee
from kiosk.domain.trust import (
    PUBLICATION_FORMAT,
    Enrolment,
    TrustError,
    fingerprint,
    items_digest,
    public_from_raw,
    statement_verifies,
)
from kiosk.store.trust_state import Applied
from kiosk.sync import schema
from kiosk.sync.hub import AttendeeRow, KeyRow, RevocationRow, SignedPart

_STATEMENT = {
    "format", "event", "version", "part", "last", "base", "issued", "expires", "count",
    "items_sha256", "root",
}  # fmt: skip


class Refused(Exception):
    """A part that is not the organiser's, or not whole: nothing of it is used."""


class NotYet(Exception):
    """A genuine part that cannot be applied yet: what it builds on is missing (a gap)."""


class AlreadyApplied(Exception):
    """A genuine part this kiosk has applied before (on this hub or another)."""


@dataclass
class Verified:
    """A part that verified, with its items sorted by kind."""

    version: int
    part: int
    last: bool
    base: int
    expires: str
    root: bytes
    event_source: str | None = None
    keys: list[KeyRow] = field(default_factory=list)
    revoked_keys: list[str] = field(default_factory=list)
    attendees: list[AttendeeRow] = field(default_factory=list)
    revocations: list[RevocationRow] = field(default_factory=list)
    enrolments: list[Enrolment] = field(default_factory=list)
    pretix: list[tuple[str, Any]] = field(default_factory=list)  # (kind, checked fields)
    photos: list[tuple[str, bytes]] = field(default_factory=list)  # (attendee id, JPEG)


def _root_of(statement: dict[str, object]) -> bytes:
    try:
        raw = base64.b64decode(str(statement.get("root", "")), validate=True)
        public_from_raw(raw)
    except (binascii.Error, ValueError, TrustError):
        raise Refused("its root key is unreadable") from None
    return raw


def verify(
    part: SignedPart, pinned: bytes | None, expected: str | None, event_id: str | None,
    now: dt.datetime,
) -> Verified:  # fmt: skip
    """The part's content if the pinned key (or, on a kiosk not provisioned yet, the key
    with the expected fingerprint) signed it for this event and it has not expired."""
    statement = part.statement
    if not isinstance(statement, dict) or set(statement) != _STATEMENT:
        raise Refused("not a publication statement")
    if statement["format"] != PUBLICATION_FORMAT:
        raise Refused(f"unknown format {str(statement['format'])[:40]!r}")
    raw = _root_of(statement)
    if pinned is not None and raw != pinned:
        raise Refused(f"signed by {fingerprint(raw)}, not the organiser this kiosk trusts")
    if pinned is None and (expected is None or fingerprint(raw) != expected):
        raise Refused(f"signed by {fingerprint(raw)}, not the organiser fingerprint given")
    if not statement_verifies(public_from_raw(raw), statement, part.signature):
        raise Refused("its signature does not verify (altered or forged)")
    checks = {
        "version": schema.integer(1, 10**12), "part": schema.integer(1, 10**6),
        "base": schema.integer(0, 10**12), "count": schema.integer(0, 10**7),
        "last": schema.boolean, "issued": schema.moment, "expires": schema.moment,
        "event": schema.text(schema.ID), "items_sha256": schema.text(64),
    }  # fmt: skip
    try:
        fields = {name: check(statement[name]) for name, check in checks.items()}
    except schema.BadItem as exc:
        raise Refused(f"malformed statement ({exc})") from None
    if event_id is not None and fields["event"] != event_id:
        raise Refused(f"it is for event {fields['event']!r}, not {event_id!r}")
    try:
        digest = items_digest(part.items)
    except (TypeError, ValueError):  # a lone surrogate, say: no organiser signed that
        raise Refused("its items are not plain JSON") from None
    if len(part.items) != fields["count"] or digest != fields["items_sha256"]:
        raise Refused("its items differ from what the organiser signed")
    if dt.datetime.fromisoformat(fields["expires"]) < now:
        raise Refused(f"it expired on {fields['expires'][:16]} (a stale copy of the hub?)")
    out = Verified(
        fields["version"], fields["part"], fields["last"], fields["base"], fields["expires"], raw
    )
    for item in part.items:
        try:
            kind, value = schema.organiser_item(item)
        except schema.BadItem as exc:
            raise Refused(f"an item is malformed ({exc})") from None
        if kind == "event":
            out.event_source = value
        elif kind == "key":
            out.keys.append(value)
        elif kind == "key_revoked":
            out.revoked_keys.append(value)
        elif kind == "revocation":
            out.revocations.append(value)
        elif kind == "attendee":
            out.attendees.append(value)
        elif kind.startswith("pretix_"):
            out.pretix.append((kind, value))
        elif kind == "photo":
            out.photos.append(value)
        else:
            out.enrolments.append(value)
    return out


def check_order(part: Verified, state: Applied) -> None:
    """Nothing if `part` is the next one: the next part of the version being applied, or
    the first part of a newer version that builds on what this kiosk has whole;
    AlreadyApplied or NotYet otherwise."""
    if (part.version, part.part) <= state.position or part.version <= state.complete:
        raise AlreadyApplied(part.version, part.part)
    if part.version == state.version and part.part == state.part + 1:
        return
    if part.part == 1 and part.base <= state.complete:
        return
    raise NotYet(
        f"organiser publication {part.version} part {part.part} waits for what comes "
        f"before it (it builds on version {part.base}; this kiosk has {state.complete} "
        f"whole, and part {state.part} of {state.version})"
    )


def attendee_of(row: AttendeeRow) -> Attendee:
    return Attendee(
        row.id, row.first_name, row.last_name, row.company, row.email, row.type,
        row.ticket_code, row.badge_issue, row.cancelled, row.photo, row.position, row.seat,
        row.card_uid, row.note,
    )  # fmt: skip
