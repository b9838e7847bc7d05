"""Attendees, their per-session registrations and revoked badges: lookups and single writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.names import pinyin, pinyin_keys
from kiosk.domain.text import fold

COLUMNS = (
    "id, first_name, last_name, company, email, position, type, ticket_code, "
    "badge_issue, cancelled, photo, seat, card_uid, note"
)


def from_row(row: sqlite3.Row | tuple[Any, ...]) -> Attendee:
    (aid, first, last, company, email, position, kind, ticket, issue, cancelled, photo) = row[:11]
    seat, card_uid, note = row[11:14]
    return Attendee(
        id=aid,
        first_name=first,
        last_name=last,
        company=company,
        email=email,
        position=position,
        type=kind,
        ticket_code=ticket,
        badge_issue=issue,
        cancelled=bool(cancelled),
        photo=photo,
        seat=seat,
        card_uid=card_uid,
        note=note,
    )


def search_text(a: Attendee) -> str:
    """What search matches against: folded names (and the display name where it is not
    simply first + last, e.g. 张伟 written family-first without a space), company, e-mail, ids,
    and the pinyin of Han names ('wang', 'ouyang', 'xiuying'): a touch kiosk has no Chinese
    input method, so attendees type their surname in pinyin (kiosk.domain.names)."""
    parts = [a.first_name, a.last_name, a.company, a.email, a.id, a.ticket_code or ""]
    name = a.name
    if name != f"{a.first_name} {a.last_name}":
        parts.append(name)
    parts.extend(sorted(pinyin_keys(a.last_name)))
    parts.append(pinyin(a.first_name))
    return fold(" ".join(parts))


def row_for(a: Attendee, now: str | None = None) -> dict[str, Any]:
    return {
        "id": a.id,
        "first_name": a.first_name,
        "last_name": a.last_name,
        "company": a.company,
        "email": a.email,
        "position": a.position,
        "type": a.type,
        "ticket_code": a.ticket_code,
        "badge_issue": a.badge_issue,
        "cancelled": int(a.cancelled),
        "photo": a.photo,
        "seat": a.seat,
        "card_uid": a.card_uid,
        "note": a.note,
        "search": search_text(a),
        "updated_at": now or dt.datetime.now(dt.UTC).isoformat(),
    }


def find_by_id(db: Database, attendee_id: str) -> Attendee | None:
    row = db.execute(f"SELECT {COLUMNS} FROM attendees WHERE id = ?", [attendee_id]).fetchone()
    return None if row is None else from_row(row)


def find_by_ticket_code(db: Database, code: str) -> Attendee | None:
    row = db.execute(f"SELECT {COLUMNS} FROM attendees WHERE ticket_code = ?", [code]).fetchone()
    return None if row is None else from_row(row)


def find_by_card_uid(db: Database, uid: str) -> Attendee | None:
    """The attendee holding the card `uid` (normal form, kiosk.domain.cards.normal_uid)."""
    row = db.execute(f"SELECT {COLUMNS} FROM attendees WHERE card_uid = ?", [uid]).fetchone()
    return None if row is None else from_row(row)


def iter_all(db: Database, type_id: str | None = None) -> Iterator[Attendee]:
    sql = f"SELECT {COLUMNS} FROM attendees"
    params: list[Any] = []
    if type_id:
        sql += " WHERE type = ?"
        params.append(type_id)
    for row in db.execute(sql + " ORDER BY id", params):
        yield from_row(row)


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM attendees").fetchone()[0])


def save(db: Database, attendee: Attendee) -> None:
    """Insert or replace one attendee (the caller holds the transaction)."""
    db.table("attendees").upsert(row_for(attendee), pk="id")


def insert_many(db: Database, people: Iterable[Attendee]) -> None:
    """Bulk insert of new attendees (the caller holds the transaction)."""
    now = dt.datetime.now(dt.UTC).isoformat()
    rows = [row_for(a, now) for a in people]
    if not rows:
        return
    names = list(rows[0])
    db.conn.executemany(
        f"INSERT INTO attendees({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        [[r[n] for n in names] for r in rows],
    )


def registration(db: Database, attendee_id: str, session_id: str) -> str | None:
    row = db.execute(
        "SELECT kind FROM registrations WHERE attendee_id = ? AND session_id = ?",
        [attendee_id, session_id],
    ).fetchone()
    return None if row is None else str(row[0])


def add_registrations(db: Database, rows: Iterable[tuple[str, str, str]]) -> None:
    db.conn.executemany(
        "INSERT OR REPLACE INTO registrations(attendee_id, session_id, kind) VALUES (?, ?, ?)",
        rows,
    )


def revoke(db: Database, attendee_id: str, below_issue: int, reason: str) -> None:
    """Refuse every code of `attendee_id` with an issue below `below_issue`."""
    db.execute(
        "INSERT INTO revocations(attendee_id, below_issue, reason, at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(attendee_id) DO UPDATE SET "
        "below_issue = max(below_issue, excluded.below_issue), reason = excluded.reason, "
        "at = excluded.at",
        [attendee_id, below_issue, reason, dt.datetime.now(dt.UTC).isoformat()],
    )


def revocation(db: Database, attendee_id: str) -> tuple[int, str] | None:
    row = db.execute(
        "SELECT below_issue, reason FROM revocations WHERE attendee_id = ?", [attendee_id]
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))
