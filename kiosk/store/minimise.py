"""What a kiosk keeps of the attendee list for its role (docs/trust.md): a door decides on
badges and shows names, companies and types, so it holds no e-mail addresses; a laptop
stolen from a door does not hand them over."""

from __future__ import annotations

import dataclasses

from sqlite_utils import Database

from kiosk.domain.trust import Role
from kiosk.store import settings, trust_state
from kiosk.store.attendees import COLUMNS, from_row, search_text
from kiosk.store.search import refresh_search_index, suspend_search_index

BATCH = 20_000


def keeps_emails(db: Database) -> bool:
    """False on a kiosk the organiser enrolled as a door."""
    mine = trust_state.enrolments(db).get(settings.kiosk_id(db))
    return mine is None or mine.revoked or mine.role is not Role.DOOR


def forget_emails(db: Database) -> int:
    """Blank every e-mail address here, and take them out of the search text (caller's
    transaction; the search indexes are rebuilt once after, as bulk writers do)."""
    count = int(db.execute("SELECT count(*) FROM attendees WHERE email != ''").fetchone()[0])
    if not count:
        return 0
    suspend_search_index(db)
    last = -1
    while True:
        rows = db.execute(
            f"SELECT rowid, {COLUMNS} FROM attendees WHERE rowid > ? AND email != '' "
            "ORDER BY rowid LIMIT ?",
            [last, BATCH],
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        changed = []
        for row in rows:
            person = from_row(row[1:])
            blank = dataclasses.replace(person, email="")
            changed.append((search_text(blank), row[0]))
        db.conn.executemany("UPDATE attendees SET email = '', search = ? WHERE rowid = ?", changed)
    refresh_search_index(db)
    return count
