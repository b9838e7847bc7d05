"""The organiser's side: send the event, keys, attendees and revocations that changed to a hub."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.store import events, sync_state
from kiosk.store.db import write
from kiosk.sync.hub import AttendeeRow, Hub, KeyRow, Publication, RevocationRow

PIECE = 50_000  # attendees per publication: one hub transaction or a few folder files each


@dataclass
class PublishReport:
    hub: str
    event_sent: bool = False
    keys: int = 0
    attendees: int = 0
    removed: int = 0
    revocations: int = 0

    def summary(self) -> str:
        return (
            f"published to {self.hub}: event {'sent' if self.event_sent else 'unchanged'}, "
            f"{self.keys} keys, {self.attendees} attendees changed ({self.removed} removed), "
            f"{self.revocations} revocations"
        )


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=12).hexdigest()


def publish(db: Database, hub: Hub, event: Event, full: bool = False) -> PublishReport:
    """Send what changed since the last publish to this hub (everything with `full`)."""
    info = hub.ensure()
    report = PublishReport(hub.location)
    before = {} if full else sync_state.published(db, info.hub_id)
    source = events.event_source(db) or ""
    first = Publication(event.id, event.name)
    done: list[tuple[str, str]] = []
    if before.get("event") != _digest(source):
        first.event_source = source
        done.append(("event", _digest(source)))
    for key_id, key in sorted(events.public_keys(db, event.id).items()):
        raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
        if before.get(f"key:{key_id}") != _digest(raw):
            first.keys.append(KeyRow(key_id, event.id, raw))
            done.append((f"key:{key_id}", _digest(raw)))
    for revoked in sync_state.revocation_rows(db):
        if before.get(f"revocation:{revoked[0]}") != _digest(revoked):
            first.revocations.append(RevocationRow(*revoked))
            done.append((f"revocation:{revoked[0]}", _digest(revoked)))
    report.event_sent = first.event_source is not None
    report.keys, report.revocations = len(first.keys), len(first.revocations)
    piece, piece_done = first, done
    for row in _changed_attendees(db, before):
        piece.attendees.append(row)
        piece_done.append((f"attendee:{row.id}", "removed" if row.removed else _digest(row)))
        report.attendees += 1
        report.removed += row.removed
        if len(piece.attendees) >= PIECE:
            _send(db, hub, info.hub_id, piece, piece_done)
            piece, piece_done = Publication(event.id, event.name), []
    _send(db, hub, info.hub_id, piece, piece_done)
    return report


def _send(
    db: Database, hub: Hub, hub_id: str, piece: Publication, done: list[tuple[str, str]]
) -> None:
    # Digests are kept only after the hub confirmed: a publish cut short is sent again.
    if piece.empty() and not done:
        return
    hub.publish(piece)
    with write(db):
        sync_state.mark_published(db, hub_id, done)


def _changed_attendees(db: Database, before: dict[str, str]) -> Iterator[AttendeeRow]:
    seen = set()
    for person, registrations in sync_state.organiser_rows(db):
        row = AttendeeRow(
            person.id, person.first_name, person.last_name, person.company, person.email,
            person.position, person.type, person.ticket_code, person.badge_issue,
            person.cancelled, person.photo, registrations,
        )  # fmt: skip
        seen.add(f"attendee:{person.id}")
        if before.get(f"attendee:{person.id}") != _digest(row):
            yield row
    for item, digest in before.items():
        if item.startswith("attendee:") and item not in seen and digest != "removed":
            yield AttendeeRow(item[9:], "", "", "", "", "", "", None, 0, True, None, "[]", True)
