"""What sync keeps in a kiosk database: cursors, publish digests, merges of hub data, conflicts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
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
    "card_loss": "card_losses",  # kiosk.store.door_records
    "card_assignment": "card_assignments",
    "attention_note": "attention_notes",
}


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


LAST_PASS = "sync:last_pass"  # this kiosk's last good sync pass, ISO-8601 by its own clock
LAST_PASS_STEP = dt.timedelta(seconds=30)  # a door syncs every few seconds; writes take a lock


def pass_to_note(db: Database, when: dt.datetime) -> bool:
    """Whether a good sync pass at `when` should be written down (note_synced): not when
    the last one written is under LAST_PASS_STEP old."""
    before = last_synced(db)
    return before is None or abs(when - before) >= LAST_PASS_STEP


def note_synced(db: Database, when: dt.datetime) -> None:
    """Remember a good sync pass (caller's transaction)."""
    settings.put(db, LAST_PASS, when.isoformat())


def last_synced(db: Database) -> dt.datetime | None:
    value = settings.get(db, LAST_PASS)
    return None if value is None else dt.datetime.fromisoformat(value)


def newest_per_kiosk(db: Database) -> list[tuple[str, int, dt.datetime]]:
    """Per kiosk with records here: how many, and its newest record's time (the hub's,
    where the kiosk knew its clock offset)."""
    # SQLite takes the bare clock_offset_ms from the row holding max(at).
    rows = db.execute(
        "SELECT kiosk_id, count(*), max(at), clock_offset_ms FROM checkins GROUP BY kiosk_id"
    )
    return [
        (str(k), int(n), dt.datetime.fromisoformat(at) - dt.timedelta(milliseconds=offset or 0))
        for k, n, at, offset in rows
    ]
