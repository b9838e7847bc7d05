"""One sync pass between a kiosk database and a hub: organiser data down, records up, records down.

Every step stores its cursor in the same SQLite transaction as the data it covers, so a
pass cut anywhere (network, SIGKILL, full disk) resumes where it stopped; a record sent or
received twice is kept once (ids), so nothing is lost or doubled. Network transfers happen
outside SQLite transactions, which stay short so scans are never held up for long.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event_file import EventFileError, parse_event
from kiosk.store import attendees, checkins, events, search, settings, sync_state
from kiosk.store.db import write
from kiosk.sync.errors import HubError, HubMismatch, HubNotReady
from kiosk.sync.hub import JOURNAL_KINDS, AttendeeRow, Hub, HubInfo, JournalEntry, OrganiserBatch

T = TypeVar("T")
Clock = Callable[[], dt.datetime]
PUSH_BATCH = 20_000
MERGE_BATCH = 2_000  # records per local transaction: a scan waits at most one of these
ATTENDEE_BATCH = 500  # attendees per transaction on a live kiosk (search index upkeep)
BULK_ATTENDEE_BATCH = 20_000  # ... and while provisioning, with the index rebuilt after
BULK_CACHE_KIB = 256 * 1024  # SQLite page cache while provisioning
CLOCK_STEP_MS = 500  # store a new clock offset only when it moved by more than this
LAST_HUB_KEY = "sync:last_hub"  # the hub of the last good pass: whose cursor "waiting" counts


@dataclass
class SyncReport:
    hub: str
    pushed: int = 0
    pulled: int = 0
    journal: int = 0
    attendees: int = 0
    keys: int = 0
    revocations: int = 0
    event_updated: bool = False
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"pushed {self.pushed}", f"pulled {self.pulled} check-ins"]
        if self.journal:
            parts.append(f"{self.journal} print/correction records")
        if self.attendees or self.keys or self.revocations:
            parts.append(
                f"{self.attendees} attendees, {self.keys} keys, {self.revocations} revocations"
            )
        if self.event_updated:
            parts.append("event updated")
        return f"synced with {self.hub}: " + ", ".join(parts)


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_event(db: Database, hub: Hub, info: HubInfo) -> HubInfo:
    """The hub and this kiosk serve the same event (binding an event-less folder hub)."""
    local = events.load_event(db)
    if info.event_id is None:
        if local is None:
            raise HubNotReady(f"{hub.location} has no event yet: publish one to it first")
        hub.bind(local.id)
        return dataclasses.replace(info, event_id=local.id)
    if local is not None and local.id != info.event_id:
        raise HubMismatch(
            f"{hub.location} is the hub of event {info.event_id!r}, "
            f"but this kiosk serves {local.id!r}: use that event's hub"
        )
    return info


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def sync_once(db: Database, hub: Hub, clock: Clock = utc_now) -> SyncReport:
    """Provision (on an empty database), then pull organiser data, push, pull records.
    `clock` is the kiosk's clock, the one its records are stamped with."""
    info = check_event(db, hub, hub.info())
    report = SyncReport(hub.location)
    kiosk_id = settings.kiosk_id(db)
    pull_organiser(db, hub, info, report)
    if events.load_event(db) is None:
        why = "; ".join(hub.problems()) or "publish it first"
        raise HubNotReady(f"{hub.location} has no event data yet ({why})")
    push(db, hub, info.hub_id, kiosk_id, report)
    pull_records(db, hub, info.hub_id, kiosk_id, report)
    offset = clock_offset_ms(hub, clock)
    current = settings.get(db, "clock_offset_ms")
    moved = offset is not None and (current is None or abs(int(current) - offset) > CLOCK_STEP_MS)
    if moved or settings.get(db, LAST_HUB_KEY) != info.hub_id:
        with write(db):
            settings.put(db, LAST_HUB_KEY, info.hub_id)
            if moved:
                settings.put(db, "clock_offset_ms", str(offset))
    report.problems = hub.problems()
    return report


def clock_offset_ms(hub: Hub, clock: Clock) -> int | None:
    """The kiosk's clock minus the hub's (half the round trip taken as the hub's moment)."""
    before = clock()
    server = hub.hub_time()
    after = clock()
    if server is None:
        return None
    middle = before + (after - before) / 2
    return round((middle - server).total_seconds() * 1000)


def pull_organiser(db: Database, hub: Hub, info: HubInfo, report: SyncReport) -> None:
    start = sync_state.cursor(db, info.hub_id, "organiser")
    fresh = attendees.count(db) == 0
    bulk = fresh or not search.index_is_live(db)
    cache = int(db.execute("PRAGMA cache_size").fetchone()[0])
    if bulk:
        # Provisioning writes a million rows into growing indexes: a bigger page cache for
        # the duration saves most of the random I/O.
        db.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        for batch in hub.pull_organiser(start):
            if batch.cursor == sync_state.cursor(db, info.hub_id, "organiser"):
                continue
            _merge_organiser(db, info, batch, report, bulk, fresh)
        if not search.index_is_live(db) and report.attendees:
            search.refresh_search_index(db)
    finally:
        if bulk:
            db.execute(f"PRAGMA cache_size = {cache}")


def _merge_organiser(
    db: Database, info: HubInfo, batch: OrganiserBatch, report: SyncReport, bulk: bool,
    fresh: bool,
) -> None:  # fmt: skip
    with write(db):
        if batch.event_source is not None and batch.event_source != events.event_source(db):
            try:
                event = parse_event(batch.event_source, "<event from the hub>")
            except EventFileError as exc:
                raise HubError(f"the hub's event cannot be read: {exc}") from None
            if event.id != info.event_id:
                raise HubMismatch(f"the hub sent event {event.id!r}, not {info.event_id!r}")
            events.save_event(db, event, batch.event_source)
            report.event_updated = True
        for key in batch.keys:
            try:
                public = Ed25519PublicKey.from_public_bytes(key.public_key)
            except ValueError:
                raise HubError(f"the hub sent an unusable public key {key.key_id!r}") from None
            events.add_public_key(db, key.event_id, public)
        for revoked in batch.revocations:
            attendees.revoke(db, revoked.attendee_id, revoked.below_issue, revoked.reason)
        report.keys += len(batch.keys)
        report.revocations += len(batch.revocations)
        if bulk and batch.attendees:
            search.suspend_search_index(db)
    size = BULK_ATTENDEE_BATCH if bulk else ATTENDEE_BATCH
    pieces = list(_chunks(batch.attendees, size)) or [[]]
    for number, piece in enumerate(pieces, 1):
        with write(db):
            people = _people(db, piece)
            report.attendees += sync_state.merge_attendees(db, people, replace=not fresh)
            if number == len(pieces):
                sync_state.put_cursor(db, info.hub_id, "organiser", batch.cursor)


def _people(db: Database, rows: Sequence[AttendeeRow]) -> Iterator[tuple[Attendee, Any]]:
    for row in rows:
        person = Attendee(
            row.id, row.first_name, row.last_name, row.company, row.email, row.type,
            row.ticket_code, int(row.badge_issue), bool(row.cancelled), row.photo, row.position,
        )  # fmt: skip
        if row.removed:
            # Gone from the organiser's list: kept here (the log names them) but cancelled.
            known = attendees.find_by_id(db, row.id)
            if known is None:
                continue
            person = dataclasses.replace(known, cancelled=True)
        yield person, sync_state.json_list(row.registrations)


def push(db: Database, hub: Hub, hub_id: str, kiosk_id: str, report: SyncReport) -> None:
    while True:
        pushed = int(sync_state.cursor(db, hub_id, "pushed:checkin", "0"))
        records = sync_state.checkin_rows(db, pushed, PUSH_BATCH)
        marks = {"checkin": int(records[-1][0]) if records else pushed}
        journal: list[JournalEntry] = []
        for kind in JOURNAL_KINDS:
            done = int(sync_state.cursor(db, hub_id, f"pushed:{kind}", "0"))
            rows = sync_state.journal_since(db, kind, done, PUSH_BATCH)
            journal += [_journal_entry(db, kind, row) for _, row in rows]
            marks[kind] = rows[-1][0] if rows else done
        if not records and not journal:
            return
        cursor = sync_state.cursor(db, hub_id, "push")
        cursor = hub.push([r[1:] for r in records], journal, kiosk_id, cursor)
        with write(db):
            sync_state.put_cursor(db, hub_id, "push", cursor)
            for kind, seq in marks.items():
                sync_state.put_cursor(db, hub_id, f"pushed:{kind}", str(seq))
        report.pushed += len(records) + len(journal)
        if len(records) < PUSH_BATCH and len(journal) < PUSH_BATCH:
            return


def _journal_entry(db: Database, kind: str, row: dict[str, Any]) -> JournalEntry:
    person = None
    if kind != "print":
        found = attendees.find_by_id(db, str(row["attendee_id"]))
        person = None if found is None else dataclasses.asdict(found)
    return JournalEntry(
        kind, str(row["id"]), str(row["kiosk_id"]), {"row": row, "attendee": person}
    )


def pull_records(db: Database, hub: Hub, hub_id: str, kiosk_id: str, report: SyncReport) -> None:
    for batch in hub.pull_records(sync_state.cursor(db, hub_id, "records"), kiosk_id):
        pieces: list[tuple[str, Sequence[Any]]] = [
            ("checkin", piece) for piece in _chunks(batch.checkins, MERGE_BATCH)
        ]
        pieces += [("journal", piece) for piece in _chunks(batch.journal, MERGE_BATCH)]
        pieces = pieces or [("checkin", [])]
        for number, (kind, piece) in enumerate(pieces, 1):
            with write(db):
                if kind == "checkin":
                    report.pulled += _merge_checkins(db, hub_id, piece)
                else:
                    report.journal += _merge_journal(db, hub_id, piece)
                if number == len(pieces):
                    sync_state.put_cursor(db, hub_id, "records", batch.cursor)


def _merge_checkins(db: Database, hub_id: str, records: Sequence[Any]) -> int:
    # With nothing of ours waiting, what we merge came from this hub: never send it back.
    pushed = sync_state.cursor(db, hub_id, "pushed:checkin", "0")
    nothing_waiting = int(pushed) == sync_state.max_seq(db, "checkins")
    added = sum(checkins.append(db, record) for record in records)
    if nothing_waiting and added:
        sync_state.put_cursor(db, hub_id, "pushed:checkin", str(sync_state.max_seq(db, "checkins")))
    return added


def _merge_journal(db: Database, hub_id: str, entries: Sequence[JournalEntry]) -> int:
    added = 0
    for kind in JOURNAL_KINDS:
        table = sync_state.JOURNAL_TABLES[kind]
        pushed = sync_state.cursor(db, hub_id, f"pushed:{kind}", "0")
        nothing_waiting = int(pushed) == sync_state.max_seq(db, table)
        count = 0
        for entry in (e for e in entries if e.kind == kind):
            row = {k: v for k, v in entry.body["row"].items() if k != "seq"}
            person = entry.body.get("attendee")
            try:
                count += sync_state.merge_journal(
                    db, kind, row, Attendee(**person) if person else None
                )
            except (sqlite3.IntegrityError, TypeError, KeyError) as exc:
                raise HubError(f"a {kind} record from the hub cannot be kept: {exc}") from None
        if nothing_waiting and count:
            sync_state.put_cursor(db, hub_id, f"pushed:{kind}", str(sync_state.max_seq(db, table)))
        added += count
    return added
