"""The pickup kiosk's guess counter: failed identifications, lock-outs and staff clears.

Kept in the kiosk's database (table pickup_guard, migration m070_pickup_guard), so a
restart clears nothing. Failures are counted per kiosk over a time window and a success
never resets them: an attacker cannot mix in their own registration to keep guessing.
Once locked, the kiosk stays locked until staff clear it with the PIN, however long.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from kiosk.store.db import write


def _at(when: dt.datetime) -> str:
    # One format and one zone, so the stored text sorts as the instants do.
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _last(db: Database, kiosk_id: str, kind: str) -> int:
    row = db.execute(
        "SELECT max(seq) FROM pickup_guard WHERE kiosk_id = ? AND kind = ?", [kiosk_id, kind]
    ).fetchone()
    return int(row[0] or 0)


def is_locked(db: Database, kiosk_id: str) -> bool:
    """Whether the kiosk waits for staff: locked, and not cleared since."""
    return _last(db, kiosk_id, "locked") > _last(db, kiosk_id, "cleared")


def failures_within(db: Database, kiosk_id: str, since: dt.datetime) -> int:
    """Failed identifications at or after `since` and after the last staff clear."""
    row = db.execute(
        "SELECT count(*) FROM pickup_guard WHERE kiosk_id = ? AND kind = 'failure' "
        "AND at >= ? AND seq > ?",
        [kiosk_id, _at(since), _last(db, kiosk_id, "cleared")],
    ).fetchone()
    return int(row[0])


def record_failure(
    db: Database, kiosk_id: str, at: dt.datetime, window: dt.timedelta, limit: int
) -> bool:
    """Log one failed identification; lock the kiosk when `limit` failures fall within
    `window`. True when the kiosk is locked afterwards. One transaction, so two windows
    on one database cannot both slip under the limit."""
    with write(db):
        db.execute(
            "INSERT INTO pickup_guard (kiosk_id, at, kind) VALUES (?, ?, 'failure')",
            [kiosk_id, _at(at)],
        )
        if is_locked(db, kiosk_id):
            return True
        if failures_within(db, kiosk_id, at - window) < limit:
            return False
        db.execute(
            "INSERT INTO pickup_guard (kiosk_id, at, kind) VALUES (?, ?, 'locked')",
            [kiosk_id, _at(at)],
        )
    return True


def clear(db: Database, kiosk_id: str, at: dt.datetime) -> None:
    """Staff (who typed the PIN) let the kiosk serve attendees again, from a clean count."""
    with write(db):
        db.execute(
            "INSERT INTO pickup_guard (kiosk_id, at, kind) VALUES (?, ?, 'cleared')",
            [kiosk_id, _at(at)],
        )
