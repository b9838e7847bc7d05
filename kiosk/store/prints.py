"""The append-only logs of badge prints, name corrections, walk-ins and badge replacements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

from sqlite_utils import Database


class PrintKind(Enum):
    FIRST = "first"
    REPRINT = "reprint"
    WALK_IN = "walk_in"


@dataclass(frozen=True)
class PrintRecord:
    id: str
    kiosk_id: str
    attendee_id: str
    badge_issue: int
    at: str  # UTC, ISO-8601
    kind: str  # a PrintKind value
    printer: str
    status: str  # "ok" or "failed"
    reason: str = ""
    error: str = ""
    staff: bool = False

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class NameCorrection:
    id: str
    kiosk_id: str
    attendee_id: str
    at: str
    original_first: str
    original_last: str
    corrected_first: str
    corrected_last: str


@dataclass(frozen=True)
class WalkIn:
    id: str
    kiosk_id: str
    attendee_id: str
    at: str
    signed: bool
    flagged: bool  # True: no signing key here, the organiser must confirm this attendee


@dataclass(frozen=True)
class Replacement:
    """A lost or stolen badge replaced: codes of issues below `new_issue` are refused."""

    id: str
    kiosk_id: str
    attendee_id: str
    at: str
    old_issue: int
    new_issue: int
    reason: str
    signed: bool  # False: no signing key here, the new badge carries the ticket code


def _insert(db: Database, table: str, row: dict[str, Any]) -> bool:
    fields = list(row)
    cursor = db.execute(
        f"INSERT INTO {table}({', '.join(fields)}) VALUES ({', '.join('?' for _ in fields)}) "
        "ON CONFLICT(id) DO NOTHING",
        [int(v) if isinstance(v, bool) else v for v in row.values()],
    )
    return cursor.rowcount > 0


def append(db: Database, record: PrintRecord) -> bool:
    """Log one print attempt; an id already in the log changes nothing (False)."""
    return _insert(db, "prints", asdict(record))


def append_correction(db: Database, correction: NameCorrection) -> bool:
    return _insert(db, "name_corrections", asdict(correction))


def append_walk_in(db: Database, walk_in: WalkIn) -> bool:
    return _insert(db, "walk_ins", asdict(walk_in))


def append_replacement(db: Database, replacement: Replacement) -> bool:
    return _insert(db, "replacements", asdict(replacement))


_PRINT_COLUMNS = ", ".join(PrintRecord.__dataclass_fields__)


def _print(row: tuple[Any, ...]) -> PrintRecord:
    values = dict(zip(PrintRecord.__dataclass_fields__, row, strict=True))
    values["staff"] = bool(values["staff"])
    return PrintRecord(**values)


def for_attendee(db: Database, attendee_id: str) -> list[PrintRecord]:
    """Every print attempt for one attendee, oldest first."""
    rows = db.execute(
        f"SELECT {_PRINT_COLUMNS} FROM prints WHERE attendee_id = ? ORDER BY seq", [attendee_id]
    )
    return [_print(r) for r in rows]


def has_printed(db: Database, attendee_id: str) -> bool:
    """Whether a badge of this attendee already came out of a printer here."""
    row = db.execute(
        "SELECT 1 FROM prints WHERE attendee_id = ? AND status = 'ok' LIMIT 1", [attendee_id]
    ).fetchone()
    return row is not None


def was_replaced(db: Database, attendee_id: str) -> bool:
    """Whether a badge of this attendee was replaced (here or, after sync, anywhere)."""
    row = db.execute("SELECT 1 FROM replacements WHERE attendee_id = ? LIMIT 1", [attendee_id])
    return row.fetchone() is not None


def all_prints(db: Database, after_seq: int = 0) -> Iterator[PrintRecord]:
    """The log in local order from `after_seq` on (the sync cursor)."""
    rows = db.execute(
        f"SELECT {_PRINT_COLUMNS} FROM prints WHERE seq > ? ORDER BY seq", [after_seq]
    )
    for row in rows:
        yield _print(row)


def corrections_for(db: Database, attendee_id: str) -> list[NameCorrection]:
    fields = ", ".join(NameCorrection.__dataclass_fields__)
    rows = db.execute(
        f"SELECT {fields} FROM name_corrections WHERE attendee_id = ? ORDER BY seq",
        [attendee_id],
    )
    return [NameCorrection(*r) for r in rows]


def walk_ins(db: Database, flagged_only: bool = False) -> list[WalkIn]:
    """Attendees registered on site, oldest first; flagged: registered without the signing
    key, so the organiser has to confirm them."""
    fields = ", ".join(WalkIn.__dataclass_fields__)
    where = "WHERE flagged = 1 " if flagged_only else ""
    rows = db.execute(f"SELECT {fields} FROM walk_ins {where}ORDER BY seq")
    return [WalkIn(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in rows]


def flagged_walk_ins(db: Database) -> list[WalkIn]:
    return walk_ins(db, flagged_only=True)


def is_walk_in(db: Database, attendee_id: str) -> bool:
    row = db.execute("SELECT 1 FROM walk_ins WHERE attendee_id = ? LIMIT 1", [attendee_id])
    return row.fetchone() is not None


def counts(db: Database) -> dict[str, int]:
    """Successful prints per kind, for the staff screen and reports."""
    rows = db.execute("SELECT kind, count(*) FROM prints WHERE status = 'ok' GROUP BY kind")
    return {str(kind): int(n) for kind, n in rows}
