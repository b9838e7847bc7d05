"""What a database trusts: the pinned organiser key, the enrolled kiosks, and how far it
has applied the organiser's signed publications (docs/trust.md)."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from kiosk.domain.trust import Enrolment, Role, fingerprint, normalise_fingerprint
from kiosk.store import settings

ROOT = "trust:root"  # base64 of the organiser's raw public key, once pinned
EXPECT = "trust:expect"  # the fingerprint a kiosk being provisioned was told to pin
APPLIED = "trust:applied"
VERSION = "trust:version"  # on the organiser's database: the last version it published


@dataclass(frozen=True)
class Applied:
    """How far this database has applied the organiser's publications: the last part
    applied, the last version applied whole, and when the newest data expires."""

    version: int = 0
    part: int = 0
    complete: int = 0
    expires: str = ""

    @property
    def position(self) -> tuple[int, int]:
        return self.version, self.part


def root(db: Database) -> bytes | None:
    value = settings.get(db, ROOT)
    return None if value is None else base64.b64decode(value)


def pin_root(db: Database, raw_public: bytes) -> None:
    settings.put(db, ROOT, base64.b64encode(raw_public).decode())


def expected_root(db: Database) -> str | None:
    return settings.get(db, EXPECT)


def expect_root(db: Database, text: str) -> str:
    """Remember the fingerprint to pin on the first sync (caller's transaction); the
    printed form is returned. A database that pinned another key refuses."""
    wanted = normalise_fingerprint(text)
    pinned = root(db)
    if pinned is not None and fingerprint(pinned) != wanted:
        raise ValueError(f"this kiosk already trusts organiser {fingerprint(pinned)}, not {wanted}")
    settings.put(db, EXPECT, wanted)
    return wanted


def applied(db: Database) -> Applied:
    value = settings.get(db, APPLIED)
    return Applied() if value is None else Applied(**json.loads(value))


def put_applied(db: Database, state: Applied) -> None:
    settings.put(db, APPLIED, json.dumps(asdict(state), sort_keys=True))


def enrolments(db: Database) -> dict[str, Enrolment]:
    rows = db.execute("SELECT kiosk_id, public_key, role, revoked FROM enrolments")
    return {k: Enrolment(k, bytes(key), Role(role), bool(r)) for k, key, role, r in rows}


def enrol(db: Database, enrolment: Enrolment) -> None:
    db.execute(
        "INSERT INTO enrolments(kiosk_id, public_key, role, revoked) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(kiosk_id) DO UPDATE SET public_key = excluded.public_key, "
        "role = excluded.role, revoked = excluded.revoked",
        [enrolment.kiosk_id, enrolment.public_key, enrolment.role.value, int(enrolment.revoked)],
    )


def replace_enrolments(db: Database, listed: list[Enrolment]) -> bool:
    """Make the table the organiser's list (caller's transaction); True if it changed."""
    before = enrolments(db)
    after = {e.kiosk_id: e for e in listed}
    if before == after:
        return False
    db.execute("DELETE FROM enrolments")
    for enrolment in after.values():
        enrol(db, enrolment)
    return True


def next_version(db: Database) -> int:
    """The organiser's next publication version (caller's transaction keeps it)."""
    return int(settings.get(db, VERSION) or "0") + 1


def put_version(db: Database, version: int) -> None:
    settings.put(db, VERSION, str(version))


def restart_record_cursors(db: Database) -> None:
    """Read every hub's records again from the start: a kiosk enrolled just now may have
    records there that were refused before (caller's transaction)."""
    db.execute("DELETE FROM settings WHERE key LIKE 'sync:%:records'")
