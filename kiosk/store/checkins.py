"""The append-only check-in log, with the presence and occupancy derived from it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kiosk.domain.rules import Presence

MAX_STORED_CODE = 512  # longer codes are refused before this; the log keeps a bounded prefix


@dataclass(frozen=True)
class LogRecord:
    id: str
    kiosk_id: str
    hall: str
    session_id: str | None
    direction: str
    verdict: str
    reason: str
    attendee_id: str | None
    code: str
    at: str
    delta: int
    clock_offset_ms: int | None = None
    note: str = ""
    undoes: str | None = None
    offline: bool = True
    warnings: str = ""

    def as_row(self) -> dict[str, Any]:
        # Not dataclasses.asdict: its deep copy was a tenth of a scan's CPU time.
        row = {name: getattr(self, name) for name in self.__dataclass_fields__}
        row["offline"] = int(self.offline)
        row["code"] = self.code[:MAX_STORED_CODE]
        return row


_FIELDS = tuple(LogRecord.__dataclass_fields__)
_INSERT = (
    f"INSERT INTO checkins({', '.join(_FIELDS)}, sig) "
    f"VALUES ({', '.join('?' for _ in _FIELDS)}, ?) "
    "ON CONFLICT(id) DO NOTHING"
)


def append(db: Database, record: LogRecord, sig: str | None = None) -> bool:
    """Add a record and apply its effect on presence and occupancy (caller holds the
    transaction). A record already in the log (same id) changes nothing: False. `sig` is
    the signature of another kiosk's record, kept to relay it."""
    row = record.as_row()
    cursor = db.execute(_INSERT, [*(row[f] for f in _FIELDS), sig])
    if cursor.rowcount == 0:
        return False
    if record.session_id is not None and record.delta != 0:
        db.execute(
            "INSERT INTO occupancy(session_id, hall, inside) VALUES (?, ?, ?) "
            "ON CONFLICT(session_id) DO UPDATE SET inside = inside + excluded.inside",
            [record.session_id, record.hall, record.delta],
        )
    if record.session_id is not None and record.attendee_id is not None and record.delta != 0:
        # Admissions count entries; their undo takes one back; exits and undone exits do not.
        entries = record.delta if (record.undoes is None) == (record.delta > 0) else 0
        db.execute(
            "INSERT INTO presence(attendee_id, session_id, inside, entries) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(attendee_id, session_id) DO UPDATE SET "
            "inside = inside + excluded.inside, entries = entries + excluded.entries",
            [record.attendee_id, record.session_id, record.delta, entries],
        )
    return True


def presence(db: Database, attendee_id: str, session_id: str) -> Presence:
    row = db.execute(
        "SELECT inside, entries FROM presence WHERE attendee_id = ? AND session_id = ?",
        [attendee_id, session_id],
    ).fetchone()
    if row is None or (row[0] <= 0 and row[1] <= 0):
        return Presence.NEVER
    return Presence.INSIDE if row[0] > 0 else Presence.LEFT


def occupancy(db: Database, session_id: str) -> int:
    row = db.execute("SELECT inside FROM occupancy WHERE session_id = ?", [session_id]).fetchone()
    return 0 if row is None else max(0, int(row[0]))


def _record(row: tuple[Any, ...]) -> LogRecord:
    values = dict(zip(_FIELDS, row, strict=True))
    values["offline"] = bool(values["offline"])
    return LogRecord(**values)


def get(db: Database, record_id: str) -> LogRecord | None:
    row = db.execute(
        f"SELECT {', '.join(_FIELDS)} FROM checkins WHERE id = ?", [record_id]
    ).fetchone()
    return None if row is None else _record(row)


def last_for_code(db: Database, kiosk_id: str, code: str, since: str) -> LogRecord | None:
    """This kiosk's latest decision on `code` at or after `since` (the repeat-scan window)."""
    row = db.execute(
        f"SELECT {', '.join(_FIELDS)} FROM checkins "
        "WHERE kiosk_id = ? AND code = ? AND at >= ? AND verdict != 'undone' "
        "ORDER BY at DESC, seq DESC LIMIT 1",
        [kiosk_id, code[:MAX_STORED_CODE], since],
    ).fetchone()
    return None if row is None else _record(row)


def last_undoable(db: Database, kiosk_id: str, since: str) -> LogRecord | None:
    """This kiosk's latest record with an effect on occupancy, not undone yet, since `since`."""
    row = db.execute(
        f"SELECT {', '.join(_FIELDS)} FROM checkins c "
        "WHERE kiosk_id = ? AND at >= ? AND undoes IS NULL "
        "AND verdict IN ('admitted', 'admitted_again', 'manual_admission', 'exit_recorded') "
        "AND NOT EXISTS (SELECT 1 FROM checkins u WHERE u.undoes = c.id) "
        "ORDER BY seq DESC LIMIT 1",
        [kiosk_id, since],
    ).fetchone()
    return None if row is None else _record(row)


def since_seq(db: Database, seq: int, limit: int = 10_000) -> Iterator[tuple[int, LogRecord]]:
    """Records after the local cursor `seq`, in log order (for sync and exports)."""
    rows = db.execute(
        f"SELECT seq, {', '.join(_FIELDS)} FROM checkins WHERE seq > ? ORDER BY seq LIMIT ?",
        [seq, limit],
    )
    for row in rows:
        yield int(row[0]), _record(row[1:])


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM checkins").fetchone()[0])


def with_verdict(
    db: Database, verdict: str, session_id: str | None = None, attendee_id: str | None = None
) -> list[LogRecord]:
    """Records of one verdict (e.g. the late check-ins), of one session and attendee if
    given, in the order they were recorded."""
    where, params = "verdict = ?", [verdict]
    for column, value in (("session_id", session_id), ("attendee_id", attendee_id)):
        if value is not None:
            where += f" AND {column} = ?"
            params.append(value)
    rows = db.execute(
        f"SELECT {', '.join(_FIELDS)} FROM checkins WHERE {where} ORDER BY at, seq", params
    )
    return [_record(row) for row in rows]
