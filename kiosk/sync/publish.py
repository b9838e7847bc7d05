"""The organiser's side: send what changed (event, badge keys, attendees, revocations,
enrolments) to a hub as one signed, numbered publication (docs/trust.md)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.domain.trust import (
    PUBLICATION_FORMAT,
    items_digest,
    key_text,
    raw_public,
    sign_statement,
)
from kiosk.store import events, settings, sync_state, trust_state
from kiosk.store.db import write
from kiosk.sync import photo_items, pretix_items
from kiosk.sync.hub import AttendeeRow, Hub, SignedPart
from kiosk.sync.photo_items import PART_BYTES

PART_ITEMS = 20_000  # items per signed part: one folder file or one hub row each
VALID_DAYS = 30
Clock = Callable[[], dt.datetime]


@dataclass
class PublishReport:
    hub: str
    version: int = 0
    parts: int = 0
    event_sent: bool = False
    keys: int = 0
    attendees: int = 0
    removed: int = 0
    revocations: int = 0
    enrolments: int = 0
    pretix: int = 0  # pretix keys, product map, revoked and blocked secrets
    photos: int = 0  # attendee photos new or changed

    def summary(self) -> str:
        return (
            (
                f"published version {self.version} to {self.hub}: "
                f"event {'sent' if self.event_sent else 'unchanged'}, {self.keys} keys, "
                f"{self.attendees} attendees changed ({self.removed} removed), "
                f"{self.revocations} revocations, {self.enrolments} kiosk enrolments"
            )
            + (f", {self.pretix} pretix items" if self.pretix else "")
            + (f", {self.photos} photos" if self.photos else "")
        )


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=12).hexdigest()


def base_key(hub_id: str) -> str:
    return f"sync:{hub_id}:published_version"


@dataclass
class _Piece:
    items: list[dict[str, Any]] = field(default_factory=list)
    done: list[tuple[str, str]] = field(default_factory=list)


def publish(
    db: Database,
    hub: Hub,
    event: Event,
    *,
    root: Ed25519PrivateKey,
    full: bool = False,
    valid_days: int = VALID_DAYS,
    clock: Clock = lambda: dt.datetime.now(dt.UTC),
    progress: Callable[[int], None] | None = None,
) -> PublishReport:
    """Send what changed since the last publish to this hub (everything with `full`) as
    the next version, in signed parts; `progress` hears the items sent so far."""
    if trust_state.root(db) != raw_public(root.public_key()):
        raise ValueError("this database does not trust that organiser key")
    info = hub.info()  # never hub.ensure(): a mistyped folder must not become a new hub
    report = PublishReport(hub.location)
    before = {} if full else sync_state.published(db, info.hub_id)
    with write(db):
        version = trust_state.next_version(db)
        trust_state.put_version(db, version)  # never reused, even if this publish fails
    report.version = version
    base = 0 if full else int(settings.get(db, base_key(info.hub_id)) or "0")
    issued = clock()
    header = {
        "format": PUBLICATION_FORMAT, "event": event.id, "version": version, "base": base,
        "issued": issued.isoformat(),
        "expires": (issued + dt.timedelta(days=valid_days)).isoformat(),
        "root": key_text(root.public_key()),
    }  # fmt: skip
    pending: _Piece | None = None
    number = 0
    sent = 0
    for piece in _pieces(db, event, before, report):
        if pending is not None:
            number += 1
            _send(db, hub, info.hub_id, root, {**header, "part": number, "last": False}, pending)
            sent += len(pending.items)
            if progress:
                progress(sent)
        pending = piece
    assert pending is not None  # _pieces yields at least one piece
    number += 1
    _send(db, hub, info.hub_id, root, {**header, "part": number, "last": True}, pending)
    report.parts = number
    with write(db):
        settings.put(db, base_key(info.hub_id), str(version))
        mine = trust_state.applied(db)
        if version > mine.complete:
            trust_state.put_applied(
                db, trust_state.Applied(version, number, version, str(header["expires"]))
            )
    if progress:
        progress(sent + len(pending.items))
    return report


def _send(
    db: Database, hub: Hub, hub_id: str, root: Ed25519PrivateKey, head: dict[str, Any],
    piece: _Piece,
) -> None:  # fmt: skip
    statement = {**head, "count": len(piece.items), "items_sha256": items_digest(piece.items)}
    hub.publish_part(SignedPart(statement, sign_statement(root, statement), piece.items))
    # Digests are kept only after the hub confirmed: a publish cut short is sent again.
    with write(db):
        sync_state.mark_published(db, hub_id, piece.done)


def _pieces(
    db: Database, event: Event, before: dict[str, str], report: PublishReport
) -> Iterator[_Piece]:
    piece = _Piece()
    source = events.event_source(db) or ""
    if before.get("event") != _digest(source):
        piece.items.append({"k": "event", "source": source})
        piece.done.append(("event", _digest(source)))
        report.event_sent = True
    for key_id, key in sorted(events.public_keys(db, event.id).items()):
        raw = raw_public(key)
        if before.get(f"key:{key_id}") != _digest(raw):
            item = {"k": "key", "key_id": key_id, "event_id": event.id,
                    "public_key": base64.b64encode(raw).decode()}  # fmt: skip
            piece.items.append(item)
            piece.done.append((f"key:{key_id}", _digest(raw)))
            report.keys += 1
    for key_id in events.revoked_keys(db):
        if before.get(f"key_revoked:{key_id}") != "revoked":
            piece.items.append({"k": "key_revoked", "key_id": key_id})
            piece.done.append((f"key_revoked:{key_id}", "revoked"))
            report.keys += 1
    for revoked in sync_state.revocation_rows(db):
        if before.get(f"revocation:{revoked[0]}") != _digest(revoked):
            names = ("attendee_id", "below_issue", "reason", "at")
            piece.items.append({"k": "revocation", **dict(zip(names, revoked, strict=True))})
            piece.done.append((f"revocation:{revoked[0]}", _digest(revoked)))
            report.revocations += 1
    listed = sorted(trust_state.enrolments(db).values(), key=lambda e: e.kiosk_id)
    if before.get("enrolments") != _digest(listed):
        for e in listed:
            piece.items.append({
                "k": "enrolment", "kiosk_id": e.kiosk_id, "role": e.role.value,
                "public_key": base64.b64encode(e.public_key).decode(), "revoked": e.revoked,
            })  # fmt: skip
        piece.done.append(("enrolments", _digest(listed)))
        report.enrolments = len(listed)
    for item, done, digest in pretix_items.emitted(db, before):
        piece.items.append(item)
        piece.done.append((done, digest))
        report.pretix += 1
        if len(piece.items) >= PART_ITEMS:
            yield piece
            piece = _Piece()
    for row in _changed_attendees(db, before):
        piece.items.append({"k": "attendee", **row._asdict()})
        piece.done.append((f"attendee:{row.id}", "removed" if row.removed else _digest(row)))
        report.attendees += 1
        report.removed += row.removed
        if len(piece.items) >= PART_ITEMS:
            yield piece
            piece = _Piece()
    size = 0  # photos after the attendees they show, bounded by bytes per part
    for item, done, digest in photo_items.emitted(db, before):
        if piece.items and (
            len(piece.items) >= PART_ITEMS or size + photo_items.item_bytes(item) > PART_BYTES
        ):
            yield piece
            piece, size = _Piece(), 0
        piece.items.append(item)
        piece.done.append((done, digest))
        size += photo_items.item_bytes(item)
        report.photos += 1
    yield piece


def _changed_attendees(db: Database, before: dict[str, str]) -> Iterator[AttendeeRow]:
    seen = set()
    for person, registrations in sync_state.organiser_rows(db):
        row = AttendeeRow(
            person.id, person.first_name, person.last_name, person.company, person.email,
            person.position, person.type, person.ticket_code, person.badge_issue,
            person.cancelled, person.photo, registrations, False, person.seat, person.card_uid,
            person.note,
        )  # fmt: skip
        seen.add(f"attendee:{person.id}")
        if before.get(f"attendee:{person.id}") != _digest(row):
            yield row
    for item, digest in before.items():
        if item.startswith("attendee:") and item not in seen and digest != "removed":
            yield AttendeeRow(item[9:], "", "", "", "", "", "", None, 0, True, None, "[]", True)
