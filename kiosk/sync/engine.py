"""One sync pass between a kiosk database and a hub: organiser data down, records up, records down.

Nothing from the hub is believed unless a trusted key signed it (docs/trust.md): organiser
parts are checked in kiosk.sync.organiser, kiosk records in kiosk.sync.records. Every step
stores its cursor in the same SQLite transaction as the data it covers, so a pass cut
anywhere resumes where it stopped; a record sent or received twice is kept once (ids).
Network transfers happen outside SQLite transactions, which stay short so scans are never
held up for long. A bad item is reported and skipped; a pass never ends in a traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.store import attendees, events, merges, minimise, settings, sync_state, trust_state
from kiosk.store.db import write
from kiosk.sync.errors import HubMismatch, HubNotReady
from kiosk.sync.hub import JOURNAL_KINDS, Hub, HubInfo, WireRecord
from kiosk.sync.organiser_pull import chunks, pull_organiser, utc_now
from kiosk.sync.records import Accepted, Verifier, checkin_row_wire, journal_wire, signed
from kiosk.sync.report import Progress, SyncReport, quiet

Clock = Callable[[], dt.datetime]
PUSH_BATCH = 20_000
MERGE_BATCH = 2_000  # records per local transaction: a scan waits at most one of these
CLOCK_STEP_MS = 500  # store a new clock offset only when it moved by more than this
LAST_HUB_KEY = "sync:last_hub"  # the hub of the last good pass: whose cursor "waiting" counts


def check_event(db: Database, hub: Hub, info: HubInfo) -> HubInfo:
    """The hub and this kiosk serve the same event (the hub's word is only a label: what
    counts is the event the organiser signed)."""
    local = events.load_event(db)
    if info.event_id is None:
        if local is None:
            raise HubNotReady(f"{hub.location} has no event yet: publish one to it first")
        hub.bind(local.id)
        return HubInfo(info.hub_id, local.id)
    if local is not None and local.id != info.event_id:
        raise HubMismatch(
            f"{hub.location} is the hub of event {info.event_id!r}, "
            f"but this kiosk serves {local.id!r}: use that event's hub"
        )
    return info


def sync_once(
    db: Database, hub: Hub, identity: Ed25519PrivateKey, clock: Clock = utc_now,
    progress: Progress = quiet,
) -> SyncReport:  # fmt: skip
    """Provision (on an empty database), then pull organiser data, push, pull records.
    `identity` is this kiosk's key (it signs what it sends); `clock` is the kiosk's
    clock, the one its records are stamped with; `progress` hears long steps advance."""
    info = hub.info()
    if trust_state.root(db) is None and trust_state.expected_root(db) is None:
        raise HubNotReady(
            "this kiosk trusts no organiser yet: provision it with "
            "'kiosk sync --hub HUB --organiser FINGERPRINT' (the organiser's "
            "'kiosk organiser show' prints it)"
        )
    info = check_event(db, hub, info)
    report = SyncReport(hub.location)
    kiosk_id = settings.kiosk_id(db)
    pull_organiser(db, hub, report, clock, progress)
    if events.load_event(db) is None:
        why = "; ".join(report.problems + hub.problems()) or "publish it first"
        raise HubNotReady(f"{hub.location} has no event data yet ({why})")
    push(db, hub, info.hub_id, kiosk_id, identity, report)
    pull_records(db, hub, info.hub_id, kiosk_id, report, progress)
    offset = clock_offset_ms(hub, clock)
    current = settings.get(db, "clock_offset_ms")
    moved = offset is not None and (current is None or abs(int(current) - offset) > CLOCK_STEP_MS)
    finished = clock()
    note = sync_state.pass_to_note(db, finished)  # for the roll call's "last sync"
    if moved or note or settings.get(db, LAST_HUB_KEY) != info.hub_id:
        with write(db):
            settings.put(db, LAST_HUB_KEY, info.hub_id)
            if moved:
                settings.put(db, "clock_offset_ms", str(offset))
            if note:
                sync_state.note_synced(db, finished)
    report.problems += hub.problems()
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


def _own_sent(db: Database, hub_id: str, kiosk_id: str) -> int:
    """How many of this kiosk's own records it has sent to this hub."""
    total = 0
    for kind, table in (("checkin", "checkins"), *sync_state.JOURNAL_TABLES.items()):
        done = int(sync_state.cursor(db, hub_id, f"pushed:{kind}", "0"))
        total += sync_state.own_count(db, table, kiosk_id, done)
    return total


def push(
    db: Database, hub: Hub, hub_id: str, kiosk_id: str, identity: Ed25519PrivateKey,
    report: SyncReport,
) -> None:  # fmt: skip
    held, sent = hub.own_records(kiosk_id), _own_sent(db, hub_id, kiosk_id)
    if held < sent:
        report.problems.append(
            f"{hub.location} holds {held} of the {sent} records this kiosk sent it "
            "(a lost or replaced hub?): sending them all again"
        )
        report.resent = True
        with write(db):
            for kind in ("checkin", *JOURNAL_KINDS):
                sync_state.put_cursor(db, hub_id, f"pushed:{kind}", "0")
    while True:
        pushed = int(sync_state.cursor(db, hub_id, "pushed:checkin", "0"))
        rows = sync_state.checkin_rows(db, pushed, PUSH_BATCH)
        marks = {"checkin": int(rows[-1][0]) if rows else pushed}
        wire = [_outgoing(checkin_row_wire(row[1:-1]), row[-1], kiosk_id, identity) for row in rows]
        taken = len(rows)
        for kind in JOURNAL_KINDS:
            done = int(sync_state.cursor(db, hub_id, f"pushed:{kind}", "0"))
            journal = sync_state.journal_since(db, kind, done, PUSH_BATCH)
            wire += [_journal_out(db, kind, row, kiosk_id, identity) for _, row in journal]
            marks[kind] = journal[-1][0] if journal else done
            taken = max(taken, len(journal))
        if not taken:
            return
        records = [w for w in wire if w is not None]
        cursor = sync_state.cursor(db, hub_id, "push")
        if records:
            cursor = hub.push(records, kiosk_id, cursor)
        with write(db):
            sync_state.put_cursor(db, hub_id, "push", cursor)
            for kind, seq in marks.items():
                sync_state.put_cursor(db, hub_id, f"pushed:{kind}", str(seq))
        report.pushed += len(records)
        if taken < PUSH_BATCH:
            return


def _outgoing(
    wire: WireRecord, sig: str | None, kiosk_id: str, identity: Ed25519PrivateKey
) -> WireRecord | None:
    """Our own records are signed now; others' travel with their maker's signature (a
    record of another kiosk without one, from before signatures, stays here)."""
    if wire["kiosk_id"] == kiosk_id:
        return signed(identity, wire)
    return None if sig is None else {**wire, "sig": sig}


def _journal_out(
    db: Database, kind: str, row: dict[str, Any], kiosk_id: str, identity: Ed25519PrivateKey
) -> WireRecord | None:
    sig = row.pop("sig", None)
    person = None
    if kind != "print":
        found = attendees.find_by_id(db, str(row["attendee_id"]))
        person = None if found is None else dataclasses.asdict(found)
    return _outgoing(journal_wire(kind, row, person), sig, kiosk_id, identity)


def pull_records(
    db: Database, hub: Hub, hub_id: str, kiosk_id: str, report: SyncReport,
    progress: Progress = quiet,
) -> None:  # fmt: skip
    verifier = Verifier(trust_state.enrolments(db), kiosk_id)
    for batch in hub.pull_records(sync_state.cursor(db, hub_id, "records"), kiosk_id):
        # A record kept here already changes nothing: no need to verify it again (read
        # again after an enrolment, relayed by another kiosk, or our own sent back).
        fresh = merges.unknown_records(db, batch.records)
        accepted = [a for a in map(verifier.check, fresh) if a is not None]
        pieces = list(chunks(accepted, MERGE_BATCH)) or [[]]
        for number, piece in enumerate(pieces, 1):
            with write(db):
                report.pulled += _merge_checkins(db, hub_id, [a for a in piece if a.checkin])
                report.journal += _merge_journal(db, hub_id, [a for a in piece if a.row])
                if number == len(pieces):
                    sync_state.put_cursor(db, hub_id, "records", batch.cursor)
        progress("records", report.pulled + report.journal)
    report.problems += verifier.problems()


def _merge_checkins(db: Database, hub_id: str, records: Sequence[Accepted]) -> int:
    # With nothing of ours waiting, what we merge came from this hub: never send it back.
    pushed = sync_state.cursor(db, hub_id, "pushed:checkin", "0")
    nothing_waiting = int(pushed) == sync_state.max_seq(db, "checkins")
    added = 0
    for accepted in records:
        assert accepted.checkin is not None
        added += merges.merge_checkin(db, accepted.checkin, accepted.sig)
    if nothing_waiting and added:
        sync_state.put_cursor(db, hub_id, "pushed:checkin", str(sync_state.max_seq(db, "checkins")))
    return added


def _merge_journal(db: Database, hub_id: str, entries: Sequence[Accepted]) -> int:
    emails = minimise.keeps_emails(db)
    added = 0
    for kind in JOURNAL_KINDS:
        table = sync_state.JOURNAL_TABLES[kind]
        pushed = sync_state.cursor(db, hub_id, f"pushed:{kind}", "0")
        nothing_waiting = int(pushed) == sync_state.max_seq(db, table)
        count = 0
        for entry in (e for e in entries if e.kind == kind):
            assert entry.row is not None
            person = entry.person
            if person is not None and not emails:
                person = dataclasses.replace(person, email="")
            count += merges.merge_journal(db, kind, {**entry.row, "sig": entry.sig}, person)
        if nothing_waiting and count:
            sync_state.put_cursor(db, hub_id, f"pushed:{kind}", str(sync_state.max_seq(db, table)))
        added += count
    return added
