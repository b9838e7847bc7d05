"""The event this kiosk serves and the organiser's public keys."""

from __future__ import annotations

import datetime as dt
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlite_utils import Database

from kiosk.domain.codes import key_id_of
from kiosk.domain.event import Event
from kiosk.domain.event_file import parse_event
from kiosk.store import settings


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def save_event(db: Database, event: Event, source: str) -> None:
    """Make `event` the one this database serves (replacing an older version of the same)."""
    current = db.execute("SELECT id FROM event").fetchone()
    if current is not None and current[0] != event.id:
        raise ValueError(
            f"this database serves event {current[0]!r}, not {event.id!r}; use a new database"
        )
    db.execute("DELETE FROM event")
    db.execute(
        "INSERT INTO event(id, name, source, loaded_at) VALUES (?, ?, ?, ?)",
        [event.id, event.name, source, _now()],
    )


def event_source(db: Database) -> str | None:
    row = db.execute("SELECT source FROM event").fetchone()
    return None if row is None else str(row[0])


def load_event(db: Database) -> Event | None:
    source = event_source(db)
    return None if source is None else parse_event(source, "<event in database>")


def add_public_key(db: Database, event_id: str, key: Ed25519PublicKey) -> str:
    kid = key_id_of(key)
    db.execute(
        "INSERT OR IGNORE INTO public_keys(key_id, event_id, public_key, added_at) "
        "VALUES (?, ?, ?, ?)",
        [kid, event_id, key.public_bytes(Encoding.Raw, PublicFormat.Raw), _now()],
    )
    return kid


def public_keys(db: Database, event_id: str) -> dict[str, Ed25519PublicKey]:
    rows = db.execute(
        "SELECT key_id, public_key FROM public_keys WHERE event_id = ?", [event_id]
    ).fetchall()
    return {kid: Ed25519PublicKey.from_public_bytes(raw) for kid, raw in rows}


REVOKED_KEYS = "trust:revoked_keys"  # on the organiser's database: key ids to publish as revoked


def remove_public_key(db: Database, key_id: str) -> bool:
    """Stop trusting a badge-signing key (a desk that held it was lost); True if it was."""
    return bool(db.execute("DELETE FROM public_keys WHERE key_id = ?", [key_id]).rowcount)


def revoked_keys(db: Database) -> list[str]:
    return [str(k) for k in json.loads(settings.get(db, REVOKED_KEYS) or "[]")]


def revoke_public_key(db: Database, key_id: str) -> bool:
    """On the organiser's database: remove the key and remember to publish its revocation
    (caller's transaction); False when no such key is trusted here."""
    if not remove_public_key(db, key_id):
        return False
    settings.put(db, REVOKED_KEYS, json.dumps(sorted({*revoked_keys(db), key_id})))
    return True
