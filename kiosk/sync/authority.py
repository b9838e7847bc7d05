"""Online-authoritative admissions: the PostgreSQL hub claims a record within the scan's deadline.

A worker thread owns the connection; claim() hands it the record and waits at most the
timeout. While the hub is away (not connected, or a claim still stuck on a dead network)
claim() answers None at once, so the kiosk decides alone without waiting at all; the worker
reconnects in the background. What reaches the hub is the record signed by this kiosk, as
any push would send it, so other kiosks believe a claimed record for the same reason.

The hub's presence is summed from rows anyone with the kiosk role can insert, signed or not
(PostgreSQL cannot check Ed25519). So a refusal is believed only when records that verify
here put the person inside; otherwise the door decides alone and the refusal is counted.
"""

from __future__ import annotations

import dataclasses
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from kiosk.store.checkins import LogRecord
from kiosk.sync.errors import HubError
from kiosk.sync.pg_connect import Connection, connect
from kiosk.sync.pg_hub import checkin_from_row
from kiosk.sync.pg_schema import LOG_INSERT_COLUMNS

# More rows than this behind one person's presence in one session is no real visitor's
# history: a flood of forged rows, which is not worth verifying within a scan's deadline.
MAX_BACKING_ROWS = 200
_DELTA = LOG_INSERT_COLUMNS.split(", ").index("delta")


class _Claim:
    def __init__(self, wire: dict[str, Any]) -> None:
        self.wire = wire
        self.answer: bool | None = None
        self.done = threading.Event()


class PostgresAuthority:
    """Implements kiosk.service.checkin.Authority against a PostgreSQL hub. `sign` turns a
    record into its signed wire dict (kiosk.sync.records.signed_checkin with this kiosk's
    key); it is given the record as the hub stores it when the claim succeeds, which is
    what the service keeps too: online (offline=False). `verify` says whether this kiosk
    believes a record (enrolled sender, role, signature: kiosk.sync.records.Verifier); with
    it a refusal stands only if believed records put the person inside. Without it every
    refusal is taken as the hub gives it."""

    def __init__(
        self,
        url: str,
        sign: Callable[[LogRecord], dict[str, Any]],
        *,
        statement_timeout: float = 0.3,
        connect_timeout: float = 2.0,
        retry_after: float = 5.0,
        passfile: str | None = None,
        verify: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        self.url = url
        self.sign = sign
        self.verify = verify
        self.unbacked_refusals = 0  # refusals no verified record supports: forged presence
        self.passfile = passfile
        self.statement_timeout = statement_timeout
        self.connect_timeout = connect_timeout
        self.retry_after = retry_after
        self.last_error: str | None = None
        self._jobs: queue.Queue[_Claim | None] = queue.Queue()
        self._lock = threading.Lock()
        self._busy = False
        self._online = False
        self._closed = False
        self._thread = threading.Thread(target=self._work, name="hub-claims", daemon=True)
        self._thread.start()

    @property
    def online(self) -> bool:
        with self._lock:
            return self._online and not self._busy

    def wait_online(self, timeout: float) -> bool:
        """For start-up and tests: wait until the worker has a connection."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.online:
                return True
            time.sleep(0.01)
        return self.online

    def claim(self, record: LogRecord, timeout: float) -> bool | None:
        with self._lock:
            if self._busy or not self._online or self._closed:
                return None
            self._busy = True
        try:
            job = _Claim(self.sign(dataclasses.replace(record, offline=False)))
        except BaseException:
            with self._lock:
                self._busy = False
            raise
        self._jobs.put(job)
        return job.answer if job.done.wait(timeout) else None

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._jobs.put(None)
        self._thread.join(timeout=self.connect_timeout + 2)

    def _work(self) -> None:
        conn: Connection | None = None
        next_attempt = 0.0
        while True:
            if conn is None and time.monotonic() >= next_attempt:
                conn = self._connect()
                next_attempt = time.monotonic() + self.retry_after
            try:
                job = self._jobs.get(timeout=0.2)
            except queue.Empty:
                continue
            if job is None:
                break
            try:
                if conn is None:
                    raise psycopg.OperationalError("not connected")
                row = conn.execute("SELECT kiosk_hub.claim(%s)", [Jsonb(job.wire)]).fetchone()
                job.answer = None if row is None else bool(row[0])
                if job.answer is False and self.verify is not None:
                    job.answer = self._refusal_stands(conn, job.wire)
            except psycopg.Error as exc:
                self.last_error = " ".join(str(exc).split())[:200]
                if conn is not None and (conn.closed or conn.broken):
                    conn = None
                    next_attempt = 0.0  # a restarted hub: reconnect at once
                    with self._lock:
                        self._online = False
            except Exception as exc:  # a failing verify: decide here, keep the worker alive
                self.last_error = f"checking a refusal failed: {exc!r}"[:200]
                job.answer = None
            finally:
                job.done.set()
                with self._lock:
                    self._busy = False
        if conn is not None:
            conn.close()

    def _refusal_stands(self, conn: Connection, wire: dict[str, Any]) -> bool | None:
        """False when records this kiosk believes put the person inside; None otherwise
        (the hub's presence rests on rows that do not verify: the door decides alone)."""
        assert self.verify is not None
        rows = conn.execute(
            f"SELECT {LOG_INSERT_COLUMNS} FROM kiosk_hub.log "
            "WHERE attendee_id = %s AND session_id = %s AND delta <> 0 ORDER BY seq LIMIT %s",
            [wire.get("attendee_id"), wire.get("session_id"), MAX_BACKING_ROWS + 1],
        ).fetchall()
        if len(rows) <= MAX_BACKING_ROWS:
            inside = sum(int(r[_DELTA]) for r in rows if self.verify(checkin_from_row(r)))
            if inside > 0:
                return False
        with self._lock:
            self.unbacked_refusals += 1
        self.last_error = (
            f"the hub says {wire.get('attendee_id')} is inside, but no record that verifies "
            "here says so: decided at this door"
        )
        return None

    def _connect(self) -> Connection | None:
        try:
            conn = connect(
                self.url,
                connect_timeout=self.connect_timeout,
                statement_timeout_ms=max(1, round(self.statement_timeout * 1000)),
                application_name="kiosk-claims",
                passfile=self.passfile,
            )
        except HubError as exc:
            self.last_error = str(exc)
            return None
        with self._lock:
            self._online = True
        self.last_error = None
        return conn
