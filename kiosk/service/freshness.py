"""How fresh a kiosk's merged log is: its last sync, the newest record from each kiosk, and
the enrolled door kiosks it has heard nothing from (whose entries it may be missing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain.trust import Role
from kiosk.store import settings, sync_state, trust_state

# A door with no record for this long while others have newer ones is worth a look: it may
# be quiet, or it may not have synced. Said, never guessed away.
QUIET = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class KioskSeen:
    kiosk_id: str
    role: str  # "door", "desk"... as enrolled; "" where this database holds no enrolment
    records: int  # its records merged here
    newest: dt.datetime | None  # its newest record's time (hub time where known)
    this_kiosk: bool = False

    def quiet(self, now: dt.datetime) -> bool:
        return self.newest is None or now - self.newest > QUIET


@dataclass(frozen=True)
class Freshness:
    now: dt.datetime
    kiosk_id: str  # the kiosk whose database this is
    last_sync: dt.datetime | None  # its last good sync pass; None: never synced
    kiosks: tuple[KioskSeen, ...]  # every kiosk with records here or enrolled as a door

    @property
    def missing(self) -> tuple[KioskSeen, ...]:
        """Door kiosks enrolled for the event that have sent nothing here yet."""
        return tuple(k for k in self.kiosks if k.records == 0)

    def to_json(self) -> dict[str, object]:
        return {
            "now": self.now.isoformat(),
            "kiosk": self.kiosk_id,
            "last_sync": self.last_sync.isoformat() if self.last_sync else None,
            "kiosks": [
                {
                    "kiosk": k.kiosk_id,
                    "role": k.role,
                    "records": k.records,
                    "newest": k.newest.isoformat() if k.newest else None,
                    "this_kiosk": k.this_kiosk,
                    "missing": k.records == 0,
                }
                for k in self.kiosks
            ],
        }


def freshness(db: Database, now: dt.datetime) -> Freshness:
    own = settings.kiosk_id(db)
    enrolled = trust_state.enrolments(db)
    seen = {k: (n, newest) for k, n, newest in sync_state.newest_per_kiosk(db)}
    ids = set(seen) | {k for k, e in enrolled.items() if e.role is Role.DOOR and not e.revoked}
    kiosks = []
    for kiosk_id in sorted(ids):
        records, newest = seen.get(kiosk_id, (0, None))
        role = enrolled[kiosk_id].role.value if kiosk_id in enrolled else ""
        kiosks.append(KioskSeen(kiosk_id, role, records, newest, kiosk_id == own))
    return Freshness(now, own, sync_state.last_synced(db), tuple(kiosks))
