"""Applying the organiser's publications to a kiosk database: each part that verifies, in
order, in short transactions; the others reported (docs/trust.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from sqlite_utils import Database

from kiosk.domain.event_file import EventFileError, parse_event
from kiosk.domain.trust import public_from_raw
from kiosk.store import attendees, events, merges, minimise, photos, search, sync_state, trust_state
from kiosk.store.db import write
from kiosk.store.door_records import keep_on_site
from kiosk.sync import organiser, pretix_items
from kiosk.sync.errors import HubError, HubMismatch
from kiosk.sync.hub import Hub
from kiosk.sync.report import Progress, SyncReport, quiet

T = TypeVar("T")
Clock = Callable[[], dt.datetime]
ATTENDEE_BATCH = 500  # attendees per transaction on a live kiosk (search index upkeep)
BULK_ATTENDEE_BATCH = 20_000  # ... and while provisioning, with the index rebuilt after
BULK_CACHE_KIB = 256 * 1024  # SQLite page cache while provisioning


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def pull_organiser(
    db: Database, hub: Hub, report: SyncReport, clock: Clock = utc_now,
    progress: Progress = quiet,
) -> None:  # fmt: skip
    """Apply the organiser's parts that verify, in order; report the others."""
    fresh = attendees.count(db) == 0
    bulk = fresh or not search.index_is_live(db)
    cache = int(db.execute("PRAGMA cache_size").fetchone()[0])
    if bulk:
        # Provisioning writes a million rows into growing indexes: a bigger page cache for
        # the duration saves most of the random I/O.
        db.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        state = trust_state.applied(db)
        for part in hub.pull_publications(state.position):
            local = events.load_event(db)
            try:
                verified = organiser.verify(
                    part, trust_state.root(db), trust_state.expected_root(db),
                    None if local is None else local.id, clock(),
                )  # fmt: skip
                organiser.check_order(verified, trust_state.applied(db))
            except organiser.AlreadyApplied:
                continue
            except organiser.NotYet as exc:
                report.problems.append(str(exc))
                continue
            except organiser.Refused as exc:
                version, number = part.number
                report.problems.append(
                    f"refused organiser publication {version} part {number}: {exc}"
                )
                continue
            _apply(db, verified, report, bulk, fresh)
            progress("attendees", report.attendees)
            fresh = False
        if not search.index_is_live(db) and report.attendees:
            progress("index", report.attendees)
            search.refresh_search_index(db)
    finally:
        if bulk:
            db.execute(f"PRAGMA cache_size = {cache}")
    _check_freshness(db, hub, report, clock)


def _check_freshness(db: Database, hub: Hub, report: SyncReport, clock: Clock) -> None:
    state = trust_state.applied(db)
    newest = hub.newest_publication()
    if state.complete and newest < (state.complete, 0):
        report.problems.append(
            f"{hub.location} holds older organiser data than this kiosk has (version "
            f"{newest[0]} < {state.complete}): an old copy of the hub?"
        )
    if state.expires and dt.datetime.fromisoformat(state.expires) < clock():
        report.problems.append(
            f"the organiser's data here expired on {state.expires[:16]}: ask the organiser "
            "to publish again (this kiosk keeps deciding with what it has)"
        )


def _apply(
    db: Database, part: organiser.Verified, report: SyncReport, bulk: bool, fresh: bool
) -> None:
    with write(db):
        if trust_state.root(db) is None:
            trust_state.pin_root(db, part.root)
        if part.event_source is not None and part.event_source != events.event_source(db):
            try:
                event = parse_event(part.event_source, "<event from the hub>")
            except (EventFileError, RecursionError, ValueError) as exc:
                raise HubError(f"the organiser's event cannot be read: {exc}") from None
            local = events.load_event(db)
            if local is not None and event.id != local.id:
                raise HubMismatch(f"the organiser sent event {event.id!r}, not {local.id!r}")
            events.save_event(db, event, part.event_source)
            report.event_updated = True
        for key in part.keys:
            events.add_public_key(db, key.event_id, public_from_raw(key.public_key))
        for key_id in part.revoked_keys:
            events.remove_public_key(db, key_id)
        for revoked in part.revocations:
            attendees.revoke(db, revoked.attendee_id, revoked.below_issue, revoked.reason)
        before = trust_state.enrolments(db)
        for enrolment in part.enrolments:
            trust_state.enrol(db, enrolment)
        if trust_state.enrolments(db) != before:
            trust_state.restart_record_cursors(db)
            if not minimise.keeps_emails(db):  # enrolled as a door just now
                minimise.forget_emails(db)
        report.keys += len(part.keys) + len(part.revoked_keys)
        report.revocations += len(part.revocations)
        report.enrolments += len(part.enrolments)
        for kind, fields in part.pretix:
            pretix_items.apply(db, kind, fields)
        photos.save_many(db, part.photos)
        report.photos += len(part.photos)
        if bulk and part.attendees:
            search.suspend_search_index(db)
    size = BULK_ATTENDEE_BATCH if bulk else ATTENDEE_BATCH
    pieces = list(chunks(part.attendees, size)) or [[]]
    state = trust_state.applied(db)
    complete = part.version if part.last else state.complete
    done = trust_state.Applied(part.version, part.part, complete, part.expires)
    emails = minimise.keeps_emails(db)
    for number, piece in enumerate(pieces, 1):
        with write(db):
            people = list(_people(db, piece, emails))
            report.attendees += merges.merge_attendees(db, people, replace=not fresh)
            merges.keep_corrections(db)
            keep_on_site(db)
            if number == len(pieces):
                trust_state.put_applied(db, done)


def _people(db: Database, rows: Sequence[Any], emails: bool) -> Iterator[tuple[Any, Any]]:
    for row in rows:
        person = organiser.attendee_of(row)
        if not emails:
            person = dataclasses.replace(person, email="")
        if row.removed:
            # Gone from the organiser's list: kept here (the log names them) but cancelled.
            known = attendees.find_by_id(db, row.id)
            if known is None:
                continue
            person = dataclasses.replace(known, cancelled=True)
        yield person, sync_state.json_list(row.registrations)
