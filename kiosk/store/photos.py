"""Attendee photos (compact JPEGs made by kiosk.importing.photos): one per attendee."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator

from sqlite_utils import Database


def digest_of(jpeg: bytes) -> str:
    return hashlib.sha256(jpeg).hexdigest()


def photo_for(db: Database, attendee_id: str) -> bytes | None:
    """The attendee's photo as JPEG bytes, or None."""
    row = db.execute("SELECT jpeg FROM photos WHERE attendee_id = ?", [attendee_id]).fetchone()
    return None if row is None else bytes(row[0])


def save_many(db: Database, photos: Iterable[tuple[str, bytes]]) -> int:
    """Insert or replace photos (attendee id, JPEG) in the caller's transaction; a photo
    whose bytes did not change keeps its `updated_at`."""
    now = dt.datetime.now(dt.UTC).isoformat()
    rows = [(aid, jpeg, digest_of(jpeg), now) for aid, jpeg in photos]
    db.conn.executemany(
        "INSERT INTO photos(attendee_id, jpeg, digest, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(attendee_id) DO UPDATE SET jpeg = excluded.jpeg, "
        "digest = excluded.digest, updated_at = excluded.updated_at "
        "WHERE digest != excluded.digest",
        rows,
    )
    return len(rows)


def digests(db: Database) -> Iterator[tuple[str, str]]:
    """(attendee id, digest) of every photo, by attendee id."""
    for aid, digest in db.execute("SELECT attendee_id, digest FROM photos ORDER BY attendee_id"):
        yield str(aid), str(digest)


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM photos").fetchone()[0])
