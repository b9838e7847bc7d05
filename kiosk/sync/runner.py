"""The background sync runner: a thread-safe object the GUI (or `kiosk sync --every`) calls.

It opens its own SQLite connection (the scan thread keeps its own), keeps the hub
connection between passes, and turns every failure into a status line; the kiosk goes on
scanning offline whatever happens here.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.store import cipher, settings, sync_state
from kiosk.store.db import StoreError, open_db
from kiosk.store.keyfiles import key_dir_for, kiosk_key, passfile_for
from kiosk.sync.engine import LAST_HUB_KEY, sync_once
from kiosk.sync.errors import HubError
from kiosk.sync.hub import Hub
from kiosk.sync.hubs import open_hub
from kiosk.sync.pg_connect import display
from kiosk.sync.report import Progress, SyncReport

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class SyncStatus:
    """What the header shows: online/offline, offline since, records waiting, last sync."""

    hub: str  # where, for people (never a password)
    online: bool
    offline_since: dt.datetime | None  # first failed pass since the last good one
    waiting: int  # check-ins recorded here and not yet confirmed by the hub
    last_sync: dt.datetime | None  # end of the last good pass
    last_error: str | None  # one line, when offline
    problems: tuple[str, ...] = ()  # skipped sync files and the like, from the last pass


def local_error(exc: BaseException) -> str:
    text = str(exc)
    if "full" in text.lower():
        return "the kiosk's disk is full: sync paused, nothing is lost; free some space"
    return f"the kiosk database cannot be written: {text}"


class SyncRunner:
    def __init__(
        self,
        db_path: Path | str,
        hub: str,
        *,
        clock: Clock = _utc_now,
        hub_factory: Callable[[str], Hub] | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.location = hub
        self.clock = clock
        self._factory = hub_factory or self._open_hub
        self._identity: Ed25519PrivateKey | None = None
        self._run_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._db: Database | None = None
        self._hub: Hub | None = None
        label = display(hub) if hub.startswith(("postgresql://", "postgres://")) else hub
        self._status = SyncStatus(label, False, None, 0, None, None)
        self.last_report: SyncReport | None = None

    def status(self) -> SyncStatus:
        with self._state_lock:
            return self._status

    def run_once(self, progress: Progress | None = None) -> SyncReport | None:
        """One pass; the report, or None when the hub or the disk failed (see status());
        `progress` hears long steps advance (a terminal's progress line)."""
        with self._run_lock:
            try:
                db = self._database()
                if self._hub is None:
                    self._hub = self._factory(self.location)
                report = sync_once(
                    db, self._hub, self._key(db), self.clock, progress or (lambda w, n: None)
                )
            except HubError as exc:
                self._close_hub()
                self._failed(str(exc))
                return None
            except cipher.errors(StoreError) as exc:
                self._failed(local_error(exc))
                return None
            except OSError as exc:
                self._failed(f"this kiosk's key cannot be read or made: {exc}")
                return None
            self.last_report = report
            self._update(online=True, error=None, problems=tuple(report.problems), synced=True)
            return report

    def run_every(self, seconds: float, stop: threading.Event) -> None:
        """Plain-Python loop until `stop` is set (the GUI wraps run_once in a QThread)."""
        while not stop.is_set():
            self.run_once()
            stop.wait(seconds)

    def close(self) -> None:
        with self._run_lock:
            self._close_hub()
            if self._db is not None:
                self._db.conn.close()
                self._db = None

    def _open_hub(self, location: str) -> Hub:
        passfile = passfile_for(self.db_path)
        return open_hub(location, passfile=str(passfile) if passfile.exists() else None)

    def _key(self, db: Database) -> Ed25519PrivateKey:
        if self._identity is None:
            self._identity = kiosk_key(key_dir_for(self.db_path), settings.kiosk_id(db))
        return self._identity

    def _database(self) -> Database:
        if self._db is None:
            self._db = open_db(self.db_path)
        return self._db

    def _close_hub(self) -> None:
        if self._hub is not None:
            hub, self._hub = self._hub, None
            hub.close()

    def _failed(self, message: str) -> None:
        self._update(online=False, error=message, problems=(), synced=False)

    def _waiting(self) -> int:
        db = self._db
        if db is None:
            return self._status.waiting
        try:
            hub_id = settings.get(db, LAST_HUB_KEY)
            pushed = sync_state.cursor(db, hub_id, "pushed:checkin", "0") if hub_id else "0"
            return sync_state.waiting(db, int(pushed))
        except cipher.Error:
            return self._status.waiting

    def _update(
        self, *, online: bool, error: str | None, problems: tuple[str, ...], synced: bool
    ) -> None:
        now = self.clock()
        waiting = self._waiting()
        with self._state_lock:
            old = self._status
            self._status = SyncStatus(
                hub=old.hub,
                online=online,
                offline_since=None if online else (old.offline_since or now),
                waiting=waiting,
                last_sync=now if synced else old.last_sync,
                last_error=error,
                problems=problems,
            )
