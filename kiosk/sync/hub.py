"""The Hub interface both backends implement, and the records that travel through it.

A hub is an untrusted store: it keeps signed organiser publication parts and signed kiosk
records and hands them back, nothing more. Every check (signatures, enrolments, roles,
schemas, versions) happens in the engine on the reading kiosk (docs/trust.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from kiosk.store.checkins import LogRecord

# Records of the kiosks' logs other than check-ins, by the local table they live in.
JOURNAL_KINDS = (
    "print", "name_correction", "walk_in", "replacement",
    "card_loss", "card_assignment", "attention_note",  # kiosk.store.door_records
)  # fmt: skip
RECORD_KINDS = ("checkin", *JOURNAL_KINDS)
LOG_FIELDS = tuple(LogRecord.__dataclass_fields__)
# A record on the wire: {"k": kind, "id", "kiosk_id", "sig", ...}; a check-in carries the
# LogRecord fields flat, the others a "body" ({"row": ..., "attendee": ...}). Unverified.
WireRecord = dict[str, Any]


@dataclass(frozen=True)
class SignedPart:
    """One part of an organiser publication as a hub holds it: a statement (event, version,
    part, hash of the items...), the organiser's signature over it, and the items. Nothing
    in it is believed before kiosk.sync.organiser verifies it against the pinned key."""

    statement: dict[str, Any]
    signature: str
    items: list[dict[str, Any]]

    @property
    def number(self) -> tuple[int, int]:
        """(version, part) as the statement claims them; (0, 0) when it does not."""
        version, part = self.statement.get("version"), self.statement.get("part")
        if type(version) is int and type(part) is int:
            return version, part
        return 0, 0


class AttendeeRow(NamedTuple):
    """An attendee as published by the organiser, with their per-session registrations."""

    id: str
    first_name: str
    last_name: str
    company: str
    email: str
    position: str
    type: str
    ticket_code: str | None
    badge_issue: int
    cancelled: bool
    photo: str | None
    registrations: str  # JSON list of [session_id, kind]
    removed: bool = False  # gone from the organiser's list: kiosks treat it as cancelled
    seat: str = ""  # issue 15; last, with defaults, so a publication without them reads
    card_uid: str | None = None
    note: str = ""


class RevocationRow(NamedTuple):
    attendee_id: str
    below_issue: int
    reason: str
    at: str


class KeyRow(NamedTuple):
    key_id: str
    event_id: str
    public_key: bytes


@dataclass(frozen=True)
class HubInfo:
    hub_id: str  # random, made when the hub was created: cursors are kept per hub
    event_id: str | None  # None until an event is published (or a kiosk binds a folder)


@dataclass
class RecordBatch:
    """Records from the hub, with the cursor to store once they are merged."""

    cursor: str
    records: list[WireRecord] = field(default_factory=list)


class Hub(Protocol):
    """A place kiosks and the organiser meet. Cursors are opaque strings the hub hands out;
    the kiosk stores each one in the same transaction as the records it covers."""

    @property
    def location(self) -> str:
        """Where the hub is, for people (no password)."""
        ...

    def info(self) -> HubInfo: ...

    def ensure(self) -> HubInfo:
        """info(), creating the hub first where that is the caller's right (a new folder)."""
        ...

    def bind(self, event_id: str) -> None:
        """Make an event-less hub serve `event_id` (HubRefused where kiosks may not)."""
        ...

    def push(self, records: Sequence[WireRecord], kiosk_id: str, cursor: str) -> str:
        """Store signed records durably at the hub (a record already there is kept as is)
        and return the push cursor to keep; raises HubError with nothing half-stored."""
        ...

    def pull_records(self, cursor: str, kiosk_id: str) -> Iterator[RecordBatch]:
        """Records since `cursor` that were not made by `kiosk_id`, in batches."""
        ...

    def own_records(self, kiosk_id: str) -> int:
        """How many records made by `kiosk_id` the hub holds (a kiosk sends again what a
        destroyed or rolled-back hub lost)."""
        ...

    def publish_part(self, part: SignedPart) -> None:
        """Store one signed part of an organiser publication."""
        ...

    def pull_publications(self, after: tuple[int, int]) -> Iterator[SignedPart]:
        """Publication parts numbered after `after` (version, part), in that order."""
        ...

    def newest_publication(self) -> tuple[int, int]:
        """The highest (version, part) the hub claims to hold, (0, 0) for none (unverified:
        used only to notice a hub older than what a kiosk already has)."""
        ...

    def hub_time(self) -> dt.datetime | None:
        """The hub's clock now, when it has one (kiosks measure their skew against it)."""
        ...

    def problems(self) -> list[str]:
        """What the last pull skipped (damaged files), one line each."""
        ...

    def close(self) -> None: ...


def is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))
