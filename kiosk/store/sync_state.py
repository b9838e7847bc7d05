"""What sync keeps in a kiosk database: cursors, publish digests, merges of hub data, conflicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.store import attendees, checkins, settings
from kiosk.store.checkins import LogRecord

# Local append-only tables other than check-ins that travel through hubs, by record kind.
JOURNAL_TABLES = {
    "print": "prints",
    "name_correction": "name_corrections",
    "walk_in": "walk_ins",
    "replacement": "replacements",
}
_ATTENDEE_SQL = (
    "INSERT INTO attendees(id, first_name, last_name, company, email, position, type, "
    "ticket_code, badge_issue, cancelled, photo, search, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
    "first_name = excluded.first_name, last_name = excluded.last_name, "
    "company = excluded.company, email = excluded.email, position = excluded.position, "
    "type = excluded.type, "
    # A badge replaced here after the organiser's last word keeps its new ticket code.
    "ticket_code = CASE WHEN badge_issue > excluded.badge_issue "
    "THEN ticket_code ELSE excluded.ticket_code END, "
    "badge_issue = max(badge_issue, excluded.badge_issue), cancelled = excluded.cancelled, "
    "photo = excluded.photo, search = excluded.search, updated_at = excluded.updated_at"
)


def cursor(db: Database, hub_id: str, name: str, default: str = "") -> str:
    value = settings.get(db, f"sync:{hub_id}:{name}")
    return default if value is None else value


def put_cursor(db: Database, hub_id: str, name: str, value: str) -> None:
    settings.put(db, f"sync:{hub_id}:{name}", value)


def max_seq(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT coalesce(max(seq), 0) FROM {table}").fetchone()[0])


def waiting(db: Database, pushed_seq: int) -> int:
    """Check-ins recorded after the last one the hub confirmed, less those the hub already
    took as online claims."""
    row = db.execute("SELECT count(*) FROM checkins WHERE seq > ? AND offline = 1", [pushed_seq])
    return int(row.fetchone()[0])


LOG_FIELDS = tuple(LogRecord.__dataclass_fields__)


def checkin_rows(db: Database, after_seq: int, limit: int) -> list[tuple[Any, ...]]:
    """(seq, *fields of LogRecord, sig) after the local cursor, as plain tuples: pushing
    100,000 records should not cost 100,000 dataclasses."""
    sql = (
        f"SELECT seq, {', '.join(LOG_FIELDS)}, sig FROM checkins WHERE seq > ? ORDER BY seq LIMIT ?"
    )
    return [tuple(row) for row in db.execute(sql, [after_seq, limit]).fetchall()]


def journal_since(
    db: Database, kind: str, seq: int, limit: int
) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a print/correction/walk-in log after the local cursor `seq`, in log order."""
    cursor_ = db.execute(
        f"SELECT * FROM {JOURNAL_TABLES[kind]} WHERE seq > ? ORDER BY seq LIMIT ?", [seq, limit]
    )
    names = [d[0] for d in cursor_.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor_.fetchall()]
    return [(int(row.pop("seq")), row) for row in rows]


def own_count(db: Database, table: str, kiosk_id: str, upto_seq: int) -> int:
    """Records `kiosk_id` made in `table` up to the local cursor `upto_seq`."""
    sql = f"SELECT count(*) FROM {table} WHERE kiosk_id = ? AND seq <= ?"
    return int(db.execute(sql, [kiosk_id, upto_seq]).fetchone()[0])


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
        a.cancelled, a.photo, a.position,
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
    for person, regs in people:
        row = attendees.row_for(person, now)
        rows.append(tuple(row.values()))
        ids.append((person.id,))
        registrations.extend((person.id, session, kind) for session, kind in regs)
    db.conn.executemany(_ATTENDEE_SQL, rows)
    if replace:
        db.conn.executemany("DELETE FROM registrations WHERE attendee_id = ?", ids)
    attendees.add_registrations(db, registrations)
    return len(rows)


def organiser_rows(db: Database) -> Iterator[tuple[Attendee, str]]:
    """Every attendee with their registrations as a JSON list, for publishing."""
    sql = (
        f"SELECT {attendees.COLUMNS}, (SELECT json_group_array(json_array(session_id, kind)) "
        "FROM (SELECT session_id, kind FROM registrations r WHERE r.attendee_id = a.id "
        "ORDER BY session_id)) FROM attendees a ORDER BY id"
    )
    for row in db.execute(sql):
        yield attendees.from_row(row[:-1]), str(row[-1])


def revocation_rows(db: Database) -> list[tuple[str, int, str, str]]:
    rows = db.execute("SELECT attendee_id, below_issue, reason, at FROM revocations ORDER BY 1")
    return [(str(a), int(b), str(r), str(t)) for a, b, r, t in rows]


def published(db: Database, hub_id: str) -> dict[str, str]:
    rows = db.execute("SELECT item, digest FROM sync_published WHERE hub_id = ?", [hub_id])
    return {str(item): str(digest) for item, digest in rows}


def mark_published(db: Database, hub_id: str, items: Iterable[tuple[str, str]]) -> None:
    db.conn.executemany(
        "INSERT INTO sync_published(hub_id, item, digest) VALUES (?, ?, ?) "
        "ON CONFLICT(hub_id, item) DO UPDATE SET digest = excluded.digest",
        ((hub_id, item, digest) for item, digest in items),
    )


@dataclass(frozen=True)
class Conflict:
    """A badge admitted more often than the session allows, by different doors."""

    attendee_id: str
    session_id: str
    inside: int
    entries: int
    admissions: tuple[LogRecord, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "attendee_id": self.attendee_id,
            "session": self.session_id,
            "inside": self.inside,
            "entries": self.entries,
            "admissions": [
                {"id": r.id, "kiosk": r.kiosk_id, "hall": r.hall, "at": r.at, "offline": r.offline}
                for r in self.admissions
            ],
        }


def conflicts(db: Database, single_entry_sessions: Iterable[str]) -> list[Conflict]:
    """Badges inside twice (more admissions than exits), or entered twice where re-entry is
    not allowed, once every kiosk's records are merged. Counts do not depend on clocks."""
    single = sorted(set(single_entry_sessions))
    marks = ", ".join("?" for _ in single) or "NULL"
    found = db.execute(
        "SELECT attendee_id, session_id, inside, entries FROM presence "
        f"WHERE inside > 1 OR (entries > 1 AND session_id IN ({marks})) "
        "ORDER BY session_id, attendee_id",
        single,
    ).fetchall()
    result = []
    for attendee_id, session_id, inside, entries in found:
        ids = db.execute(
            "SELECT id FROM checkins c WHERE attendee_id = ? AND session_id = ? "
            "AND delta > 0 AND undoes IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM checkins u WHERE u.undoes = c.id) ORDER BY at",
            [attendee_id, session_id],
        ).fetchall()
        admissions = tuple(r for (i,) in ids if (r := checkins.get(db, i)) is not None)
        result.append(Conflict(attendee_id, session_id, int(inside), int(entries), admissions))
    return result


def attendance(db: Database) -> dict[str, tuple[int, int]]:
    """Per session: people admitted at least once, and entries in all."""
    rows = db.execute(
        "SELECT session_id, count(*), sum(entries) FROM presence WHERE entries > 0 "
        "GROUP BY session_id"
    )
    return {str(s): (int(n), int(e)) for s, n, e in rows}


def no_shows_by_type(db: Database) -> dict[str, tuple[int, int]]:
    """Per attendee type: registered (not cancelled) attendees, and those never admitted."""
    rows = db.execute(
        "SELECT type, count(*), sum(NOT EXISTS (SELECT 1 FROM presence p "
        "WHERE p.attendee_id = a.id AND p.entries > 0)) FROM attendees a "
        "WHERE cancelled = 0 GROUP BY type ORDER BY type"
    )
    return {str(t): (int(n), int(x)) for t, n, x in rows}


def people(db: Database, ids: Iterable[str]) -> dict[str, Attendee]:
    """Attendees by id, for labelling exported or reported records."""
    found = {}
    for attendee_id in set(ids):
        person = attendees.find_by_id(db, attendee_id)
        if person is not None:
            found[attendee_id] = person
    return found


def json_list(text: str) -> list[list[str]]:
    if text in ("", "[]"):
        return []  # most attendees: no per-session registration, no parsing
    value = json.loads(text)
    return [list(map(str, pair)) for pair in value]
