"""The Hub interface both backends implement, and the records that travel through it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from kiosk.store.checkins import LogRecord

# Records of the kiosks' logs other than check-ins, by the local table they live in.
JOURNAL_KINDS = ("print", "name_correction", "walk_in", "replacement")
LOG_FIELDS = tuple(LogRecord.__dataclass_fields__)
# A check-in record on its way up: the LogRecord fields in LOG_FIELDS order (offline 0/1).
CheckinRow = tuple[Any, ...]


@dataclass(frozen=True)
class JournalEntry:
    """A print, name correction, walk-in or replacement record; `body` holds the record's
    own fields and, except for prints, the attendee as the kiosk saw them afterwards."""

    kind: str
    id: str
    kiosk_id: str
    body: dict[str, Any]


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
class Publication:
    """What the organiser sends: only what changed since the last publish to this hub."""

    event_id: str
    event_name: str = ""
    event_source: str | None = None
    keys: list[KeyRow] = field(default_factory=list)
    attendees: list[AttendeeRow] = field(default_factory=list)
    revocations: list[RevocationRow] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.event_source or self.keys or self.attendees or self.revocations)


@dataclass
class OrganiserBatch:
    """One step of the organiser's data on its way to a kiosk, with the cursor after it."""

    cursor: str
    event_source: str | None = None
    keys: list[KeyRow] = field(default_factory=list)
    attendees: list[AttendeeRow] = field(default_factory=list)
    revocations: list[RevocationRow] = field(default_factory=list)


@dataclass
class RecordBatch:
    """Other kiosks' records from the hub, with the cursor to store once they are merged."""

    cursor: str
    checkins: list[LogRecord] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)


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

    def push(
        self, checkins: Sequence[CheckinRow], journal: Sequence[JournalEntry], kiosk_id: str,
        cursor: str,
    ) -> str:  # fmt: skip
        """Store records durably at the hub (a record already there is kept as is) and
        return the push cursor to keep; raises HubError with nothing half-stored."""
        ...

    def pull_records(self, cursor: str, kiosk_id: str) -> Iterator[RecordBatch]:
        """Records other kiosks pushed since `cursor`, in batches."""
        ...

    def pull_organiser(self, cursor: str) -> Iterator[OrganiserBatch]: ...

    def publish(self, publication: Publication) -> None: ...

    def hub_time(self) -> dt.datetime | None:
        """The hub's clock now, when it has one (kiosks measure their skew against it)."""
        ...

    def problems(self) -> list[str]:
        """What the last pull skipped (damaged files), one line each."""
        ...

    def close(self) -> None: ...


def is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def open_hub(location: str) -> Hub:
    """A hub from a `postgresql://` URL or a folder path."""
    if is_postgres(location):
        from kiosk.sync.pg_hub import PostgresHub

        return PostgresHub(location)
    from kiosk.sync.folder import FolderHub

    return FolderHub(location)
