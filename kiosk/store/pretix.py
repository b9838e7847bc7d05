"""What a kiosk holds of a pretix event: its trusted pretix_sig1 keys, the product -> type
map, the revoked and blocked secrets, and the event date (subevent) a door admits.

The organiser sets these (kiosk pretix ..., kiosk pretix pull) and they travel to every
kiosk with publish/sync; a kiosk's door reads them for each pretix ticket scanned.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlite_utils import Database

from kiosk.domain import pretix_sig1
from kiosk.store import settings

MAX_KEYS = 8  # trusted at once: a scan checks its signature against each (docs: bench)
MAX_DISTRUSTED = 8
MAX_ITEMS = 1000
MAX_SECRET = pretix_sig1.MAX_TEXT
MAX_SECRETS = 200_000  # revoked or blocked, in one call
MAX_NAME = 200
SUBEVENT = "pretix:subevent"  # settings key: the pretix date this event's doors admit
_ITEM_ID = re.compile(r"^[0-9]{1,18}$")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def key_id(key: Ed25519PublicKey) -> str:
    """A short stable name for a pretix key: the start of the SHA-256 of its raw bytes."""
    return hashlib.sha256(pretix_sig1.raw_key(key)).hexdigest()[:12]


def trust_key(db: Database, b64pem: str) -> str:
    """Trust a pretix_sig1 public key (pretix's `valid_keys` form) for this event; its key
    id. ValueError (one line) for junk, a key that is not Ed25519, or too many keys."""
    key = pretix_sig1.load_key(b64pem)
    kid = key_id(key)
    known = {k for k, _ in _keys(db, trusted=True)}
    if kid not in known and len(known) >= MAX_KEYS:
        raise ValueError(f"already {MAX_KEYS} pretix keys trusted: distrust an old one first")
    db.execute(
        "INSERT INTO pretix_keys(key_id, public_key, pem_b64, trusted, added_at) "
        "VALUES (?, ?, ?, 1, ?) ON CONFLICT(key_id) DO UPDATE SET trusted = 1",
        [kid, pretix_sig1.raw_key(key), pretix_sig1.pem_b64(key), _now()],
    )
    return kid


def distrust_key(db: Database, kid: str) -> bool:
    """Stop trusting a key, keeping it known, so its tickets are refused as `unknown_key`
    rather than `forged`; True if it was trusted."""
    changed = db.execute(
        "UPDATE pretix_keys SET trusted = 0 WHERE key_id = ? AND trusted = 1", [kid]
    ).rowcount
    db.execute(
        "DELETE FROM pretix_keys WHERE trusted = 0 AND key_id NOT IN (SELECT key_id FROM "
        "pretix_keys WHERE trusted = 0 ORDER BY added_at DESC LIMIT ?)",
        [MAX_DISTRUSTED],
    )
    return bool(changed)


def _keys(db: Database, trusted: bool) -> list[tuple[str, bytes]]:
    return [
        (str(k), bytes(raw))
        for k, raw in db.execute(
            "SELECT key_id, public_key FROM pretix_keys WHERE trusted = ? ORDER BY added_at, "
            "key_id",
            [int(trusted)],
        ).fetchall()
    ]


def trusted_keys(db: Database) -> list[dict[str, str]]:
    """The trusted keys, oldest first: [{"key_id", "pem_b64"}]."""
    return _listed(db, trusted=True)


def distrusted_keys(db: Database) -> list[dict[str, str]]:
    return _listed(db, trusted=False)


def _listed(db: Database, trusted: bool) -> list[dict[str, str]]:
    rows = db.execute(
        "SELECT key_id, pem_b64 FROM pretix_keys WHERE trusted = ? ORDER BY added_at, key_id",
        [int(trusted)],
    ).fetchall()
    return [{"key_id": str(k), "pem_b64": str(p)} for k, p in rows]


def verifying_keys(db: Database, trusted: bool = True) -> list[tuple[str, Ed25519PublicKey]]:
    """The keys a door checks a ticket against (trusted), or the distrusted ones."""
    return [(k, Ed25519PublicKey.from_public_bytes(raw)) for k, raw in _keys(db, trusted)]


def replace_keys(db: Database, trusted: list[str], distrusted: list[str]) -> None:
    """Make the keys exactly these (an organiser's publication); caller's transaction."""
    db.execute("DELETE FROM pretix_keys")
    for text in distrusted[:MAX_DISTRUSTED]:
        trust_key(db, text)
        distrust_key(db, key_id(pretix_sig1.load_key(text)))
    for text in trusted:
        trust_key(db, text)


def _item_key(key: str) -> tuple[str, str]:
    """('id', '42') for a product id, ('name', folded name) for a product name."""
    text = key.strip()
    if _ITEM_ID.match(text):
        return "id", str(int(text))
    if not text or len(text) > MAX_NAME or not text.isprintable():
        raise ValueError(f"not a pretix product id or name: {key[:40]!r}")
    return "name", text.casefold()


def set_items(db: Database, mapping: dict[str, str]) -> None:
    """Map pretix products (id as text, or product name) to kiosk type ids; an empty type
    removes the product's mapping. ValueError before any change for a bad entry."""
    rows = []
    for key, kind in mapping.items():
        by, item = _item_key(str(key))
        kind = str(kind).strip()
        if len(kind) > MAX_NAME or (kind and not kind.isprintable()):
            raise ValueError(f"not a kiosk type: {kind[:40]!r}")
        rows.append((by, item, str(key).strip(), kind))
    current = db.execute("SELECT count(*) FROM pretix_items").fetchone()[0]
    if current + len(rows) > MAX_ITEMS:
        raise ValueError(f"more than {MAX_ITEMS} pretix products mapped")
    for by, item, label, kind in rows:
        if kind:
            db.execute(
                "INSERT INTO pretix_items(by, item, label, kiosk_type) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(by, item) DO UPDATE SET label = excluded.label, "
                "kiosk_type = excluded.kiosk_type",
                [by, item, label, kind],
            )
        else:
            db.execute("DELETE FROM pretix_items WHERE by = ? AND item = ?", [by, item])


def items(db: Database) -> dict[str, str]:
    """The whole map as set: {product id or name: kiosk type}."""
    rows = db.execute("SELECT label, kiosk_type FROM pretix_items ORDER BY by, item").fetchall()
    return {str(label): str(kind) for label, kind in rows}


def replace_items(db: Database, mapping: dict[str, str]) -> None:
    """Make the map exactly `mapping` (an organiser's publication); caller's transaction."""
    db.execute("DELETE FROM pretix_items")
    set_items(db, mapping)


def item_type(db: Database, item_id: int, name: str | None = None) -> str | None:
    """The kiosk type of a pretix product: by its id first, then by its name."""
    row = db.execute(
        "SELECT kiosk_type FROM pretix_items WHERE by = 'id' AND item = ?", [str(item_id)]
    ).fetchone()
    if row is None and name:
        row = db.execute(
            "SELECT kiosk_type FROM pretix_items WHERE by = 'name' AND item = ?",
            [name.strip().casefold()],
        ).fetchone()
    return None if row is None else str(row[0])


def set_item_names(db: Database, names: dict[int, str]) -> None:
    """pretix's product names by id (from a pull or an import), so a map by name applies
    to a signed ticket, which carries the product id only."""
    for item_id, name in list(names.items())[:MAX_ITEMS]:
        db.execute(
            "INSERT INTO pretix_item_names(item, name) VALUES (?, ?) "
            "ON CONFLICT(item) DO UPDATE SET name = excluded.name",
            [int(item_id), str(name)[:MAX_NAME]],
        )


def item_names(db: Database) -> dict[int, str]:
    rows = db.execute("SELECT item, name FROM pretix_item_names ORDER BY item").fetchall()
    return {int(i): str(n) for i, n in rows}


def item_name(db: Database, item_id: int) -> str | None:
    row = db.execute("SELECT name FROM pretix_item_names WHERE item = ?", [item_id]).fetchone()
    return None if row is None else str(row[0])


def _secrets(secrets: Iterable[str]) -> list[str]:
    kept = []
    for secret in secrets:
        text = str(secret).strip()
        if not text or len(text) > MAX_SECRET or not text.isprintable():
            raise ValueError(f"not a pretix secret: {text[:40]!r}")
        kept.append(text)
        if len(kept) > MAX_SECRETS:
            raise ValueError(f"more than {MAX_SECRETS} secrets at once")
    return kept


def add_revoked(db: Database, secrets: Iterable[str]) -> int:
    """Remember revoked secrets (replaced tickets: never valid again); how many were new."""
    before = db.execute("SELECT count(*) FROM pretix_revoked").fetchone()[0]
    db.conn.executemany(
        "INSERT OR IGNORE INTO pretix_revoked(secret, added_at) VALUES (?, ?)",
        [(s, _now()) for s in _secrets(secrets)],
    )
    return int(db.execute("SELECT count(*) FROM pretix_revoked").fetchone()[0] - before)


def set_blocked(db: Database, secrets: Iterable[str], blocked: bool) -> None:
    """Block secrets, or unblock them (pretix's blocked secrets can be lifted)."""
    db.conn.executemany(
        "INSERT INTO pretix_blocked(secret, blocked, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(secret) DO UPDATE SET blocked = excluded.blocked, "
        "updated_at = excluded.updated_at",
        [(s, int(blocked), _now()) for s in _secrets(secrets)],
    )


def is_revoked(db: Database, secret: str) -> bool:
    return (
        db.execute("SELECT 1 FROM pretix_revoked WHERE secret = ?", [secret]).fetchone() is not None
    )


def is_blocked(db: Database, secret: str) -> bool:
    row = db.execute("SELECT blocked FROM pretix_blocked WHERE secret = ?", [secret]).fetchone()
    return row is not None and bool(row[0])


def revoked(db: Database) -> list[str]:
    return [str(r[0]) for r in db.execute("SELECT secret FROM pretix_revoked ORDER BY secret")]


def blocked(db: Database) -> list[str]:
    """The secrets blocked now (unblocked ones are not listed)."""
    rows = db.execute("SELECT secret FROM pretix_blocked WHERE blocked = 1 ORDER BY secret")
    return [str(r[0]) for r in rows]


def blocked_states(db: Database) -> list[tuple[str, bool]]:
    """Every secret ever blocked, with whether it is blocked now (what travels: an
    unblocking must reach the kiosks as well as a block)."""
    rows = db.execute("SELECT secret, blocked FROM pretix_blocked ORDER BY secret")
    return [(str(s), bool(b)) for s, b in rows]


def replace_secrets(db: Database, revoked_now: list[str], blocked_now: list[str]) -> None:
    """Make the lists exactly these (an organiser's publication); caller's transaction."""
    db.execute("DELETE FROM pretix_revoked")
    db.execute("DELETE FROM pretix_blocked")
    add_revoked(db, revoked_now)
    set_blocked(db, blocked_now, True)


def subevent(db: Database) -> int:
    """The pretix date (subevent id) this event's doors admit; 0: any."""
    value = settings.get(db, SUBEVENT)
    return int(value) if value and value.isdigit() else 0


def set_subevent(db: Database, subevent_id: int) -> None:
    if not 0 <= subevent_id < 1 << 63:
        raise ValueError("a pretix date id is a positive number (0: any date)")
    settings.put(db, SUBEVENT, str(subevent_id))
