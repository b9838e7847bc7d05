"""Merging what other kiosks and the organiser sent into a kiosk database, with only the
effect each kind of record may have (docs/trust.md); every function runs in the caller's
transaction, on items kiosk.sync.schema has checked."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.store import attendees, checkins, door_records
from kiosk.store.checkins import LogRecord
from kiosk.store.sync_state import JOURNAL_TABLES

_ATTENDEE_SQL = (
    "INSERT INTO attendees(id, first_name, last_name, company, email, position, type, "
    "ticket_code, badge_issue, cancelled, photo, seat, card_uid, note, search, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
    "first_name = excluded.first_name, last_name = excluded.last_name, "
    "company = excluded.company, email = excluded.email, position = excluded.position, "
    "type = excluded.type, "
    # A badge replaced here after the organiser's last word keeps its new ticket code.
    "ticket_code = CASE WHEN badge_issue > excluded.badge_issue "
    "THEN ticket_code ELSE excluded.ticket_code END, "
    "badge_issue = max(badge_issue, excluded.badge_issue), cancelled = excluded.cancelled, "
    "photo = excluded.photo, seat = excluded.seat, card_uid = excluded.card_uid, "
    "note = excluded.note, search = excluded.search, updated_at = excluded.updated_at"
)


def unknown_records(db: Database, records: Sequence[Any]) -> list[Any]:
    """The records (hub wire dicts) whose id this database does not hold yet, by kind."""
    tables = {"checkin": "checkins", **JOURNAL_TABLES}
    wanted: dict[str, list[str]] = {}
    for record in records:
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            table = tables.get(str(record.get("k")))
            if table is not None:
                wanted.setdefault(table, []).append(record["id"])
    known: set[tuple[str, str]] = set()
    for table, ids in wanted.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = db.execute(
                f"SELECT id FROM {table} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
            )
            known.update((table, str(row[0])) for row in rows)
    if not known:
        return list(records)
    return [
        r for r in records
        if not isinstance(r, dict) or (tables.get(str(r.get("k"))), r.get("id")) not in known
    ]  # fmt: skip


def merge_checkin(db: Database, record: LogRecord, sig: str) -> bool:
    return checkins.append(db, record, sig)


_JOURNAL_COLUMNS: dict[str, tuple[str, ...]] = {}


def _columns(db: Database, table: str) -> tuple[str, ...]:
    """The table's own columns (never a name from a record: those could be SQL)."""
    if table not in _JOURNAL_COLUMNS:
        names = [str(r[1]) for r in db.execute(f"PRAGMA table_info({table})")]
        _JOURNAL_COLUMNS[table] = tuple(n for n in names if n != "seq")
    return _JOURNAL_COLUMNS[table]


def merge_journal(db: Database, kind: str, row: dict[str, Any], person: Attendee | None) -> bool:
    """Keep another kiosk's print, correction, walk-in or replacement (once, by id), with
    only the effect its kind may have: a walk-in adds a new person (never an existing id
    or ticket code), a correction renames (only first and last name, only if the name is
    still the one it corrected), a replacement voids the badges it replaced and may renew
    only the ticket code. `row` was checked against kiosk.sync.schema."""
    if kind in door_records.TABLES:
        return door_records.merge(db, kind, row)
    table = JOURNAL_TABLES[kind]
    columns = _columns(db, table)
    unknown = set(row) - set(columns)
    if unknown:
        raise ValueError(f"{kind} record with unknown fields {sorted(unknown)[:3]}")
    values = [int(row[c]) if isinstance(row.get(c), bool) else row.get(c) for c in columns]
    inserted = db.execute(
        f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
        "ON CONFLICT(id) DO NOTHING",
        values,
    ).rowcount
    if not inserted:
        return False
    current = attendees.find_by_id(db, str(row["attendee_id"]))
    if kind == "replacement":
        replaced(db, str(row["attendee_id"]), int(row["new_issue"]), person)
    elif kind == "walk_in" and current is None and _walk_in_is_new(db, row, person):
        assert person is not None
        attendees.save(db, person)
    elif kind == "name_correction" and current is not None:
        original = (row["original_first"], row["original_last"])
        if (current.first_name, current.last_name) == original:
            attendees.save(db, _renamed(current, row["corrected_first"], row["corrected_last"]))
    return True


def _walk_in_is_new(db: Database, row: dict[str, Any], person: Attendee | None) -> bool:
    """A walk-in registers a new person: never someone's id or ticket code (the record is
    kept all the same: the organiser may have published the person already)."""
    if person is None or person.id != row["attendee_id"]:
        return False
    code = person.ticket_code
    return code is None or attendees.find_by_ticket_code(db, code) is None


def keep_corrections(db: Database) -> None:
    """Organiser data never undoes a name corrected at a kiosk: where an attendee carries
    again the name a correction replaced, the correction is applied again (caller's
    transaction). Corrections are few, so all of them are checked."""
    rows = db.execute(
        "SELECT c.attendee_id, c.corrected_first, c.corrected_last FROM name_corrections c "
        "JOIN attendees a ON a.id = c.attendee_id AND a.first_name = c.original_first "
        "AND a.last_name = c.original_last ORDER BY c.seq"
    ).fetchall()
    for attendee_id, first, last in rows:
        current = attendees.find_by_id(db, attendee_id)
        if current is not None:
            attendees.save(db, _renamed(current, first, last))


def replaced(db: Database, attendee_id: str, new_issue: int, person: Attendee | None) -> None:
    """Void every badge of `attendee_id` below `new_issue` (caller's transaction). The
    replacing kiosk's word counts for the badge issue and the new ticket code only, and
    only where this database does not know a later issue."""
    current = attendees.find_by_id(db, attendee_id)
    if current is not None and current.badge_issue < new_issue:
        code = current.ticket_code
        if person is not None and person.id == attendee_id and person.ticket_code:
            holder = attendees.find_by_ticket_code(db, person.ticket_code)
            if holder is None or holder.id == attendee_id:
                code = person.ticket_code
        attendees.save(db, dataclasses.replace(current, badge_issue=new_issue, ticket_code=code))
    attendees.revoke(db, attendee_id, new_issue, "badge_replaced")


def _renamed(a: Attendee, first: str, last: str) -> Attendee:
    return Attendee(
        a.id, first, last, a.company, a.email, a.type, a.ticket_code, a.badge_issue,
        a.cancelled, a.photo, a.position, a.seat, a.card_uid, a.note,
    )  # fmt: skip


def merge_attendees(
    db: Database, people: Iterable[tuple[Attendee, Sequence[Sequence[str]]]], replace: bool = True
) -> int:
    """Insert or update published attendees with their registrations (caller's transaction);
    replace=False when none of them can have registrations here yet (a new database)."""
    now = dt.datetime.now(dt.UTC).isoformat()
    rows = []
    registrations: list[tuple[str, str, str]] = []
    ids = []
    cards: list[tuple[str, str]] = []
    for person, regs in people:
        if person.card_uid is not None:
            cards.append((person.card_uid, person.id))
        row = attendees.row_for(person, now)
        rows.append(tuple(row.values()))
        ids.append((person.id,))
        registrations.extend((person.id, session, kind) for session, kind in regs)
    # A card handed from one attendee to another: the old holder lets go of it first, so
    # the unique index never sees the UID twice whatever order the publication has.
    db.conn.executemany(
        "UPDATE attendees SET card_uid = NULL WHERE card_uid = ? AND id != ?", cards
    )
    db.conn.executemany(_ATTENDEE_SQL, rows)
    if replace:
        db.conn.executemany("DELETE FROM registrations WHERE attendee_id = ?", ids)
    attendees.add_registrations(db, registrations)
    return len(rows)
