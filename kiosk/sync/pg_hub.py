"""The PostgreSQL hub: pushes by COPY into a staging table, pulls by (transaction, n) cursors."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

import psycopg

from kiosk.store.checkins import LogRecord
from kiosk.sync.errors import HubMismatch, HubNotReady
from kiosk.sync.hub import (
    LOG_FIELDS,
    AttendeeRow,
    CheckinRow,
    HubInfo,
    JournalEntry,
    KeyRow,
    OrganiserBatch,
    Publication,
    RecordBatch,
    RevocationRow,
)
from kiosk.sync.pg_connect import Connection, connect, display, hub_error
from kiosk.sync.pg_schema import LOG_INSERT_COLUMNS

T = TypeVar("T")
RECORD_BATCH = 5_000
ATTENDEE_BATCH = 20_000
START = "0:0"
ANALYZE_AFTER = 10_000  # rows written in one go: refresh the planner's statistics after
_LOG_FIELDS = LOG_FIELDS
_ATTENDEE_FIELDS = AttendeeRow._fields
# Rows whose writing transaction is older than every running one: final, safe to pass.
_HORIZON = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text"


def _split(position: str) -> tuple[str, int]:
    tx, _, counter = position.partition(":")
    return tx, int(counter)


class PostgresHub:
    def __init__(self, url: str, connect_timeout: float = 3.0) -> None:
        self.url = url
        self.connect_timeout = connect_timeout
        self._conn: Connection | None = None
        self._staging = False

    @property
    def location(self) -> str:
        return display(self.url)

    def _connection(self) -> Connection:
        if self._conn is None or self._conn.closed:
            self._conn = connect(self.url, connect_timeout=self.connect_timeout)
            self._staging = False
        return self._conn

    @contextmanager
    def _guard(self) -> Iterator[Connection]:
        """Any failure becomes a HubError; a broken connection is dropped for a fresh one."""
        try:
            yield self._connection()
        except psycopg.Error as exc:
            if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
                self.close()
            raise hub_error(exc, self.url) from None

    def _retrying(self, work: Callable[[Connection], T]) -> T:
        """Run one transaction, again after a deadlock between two pushing kiosks."""
        for attempt in range(4):
            with self._guard() as conn:
                try:
                    with conn.transaction():
                        return work(conn)
                except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                    if attempt == 3:
                        raise
            time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def info(self) -> HubInfo:
        with self._guard() as conn:
            rows = dict(conn.execute("SELECT key, value FROM kiosk_hub.meta").fetchall())
        return HubInfo(hub_id=str(rows["hub_id"]), event_id=rows.get("event_id"))

    def ensure(self) -> HubInfo:
        return self.info()

    def bind(self, event_id: str) -> None:
        try:
            with self._guard() as conn:
                conn.execute(
                    "INSERT INTO kiosk_hub.meta (key, value) VALUES ('event_id', %s) "
                    "ON CONFLICT (key) DO NOTHING",
                    [event_id],
                )
        except HubNotReady:
            raise
        except Exception:
            raise HubNotReady(
                f"{self.location} has no event yet: the organiser publishes it first "
                f"('kiosk publish --hub {self.location}')"
            ) from None

    def push(
        self,
        checkins: Sequence[CheckinRow],
        journal: Sequence[JournalEntry],
        kiosk_id: str,
        cursor: str,
    ) -> str:
        def work(conn: Connection) -> None:
            self._ensure_staging(conn)
            if checkins:
                with conn.cursor().copy(
                    f"COPY push_log ({', '.join(_LOG_FIELDS)}) FROM STDIN"
                ) as cp:
                    for row in checkins:
                        cp.write_row(row)
                conn.execute(
                    f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}) "
                    f"SELECT {', '.join(_LOG_FIELDS)}, %s FROM push_log "
                    "ON CONFLICT (id) DO NOTHING",
                    [kiosk_id],
                )
            if journal:
                with conn.cursor().copy(
                    "COPY push_journal (id, kind, kiosk_id, body) FROM STDIN"
                ) as cp:
                    for entry in journal:
                        cp.write_row((entry.id, entry.kind, entry.kiosk_id, json.dumps(entry.body)))
                conn.execute(
                    "INSERT INTO kiosk_hub.journal (id, kind, kiosk_id, body, pushed_by) "
                    "SELECT id, kind, kiosk_id, body, %s FROM push_journal "
                    "ON CONFLICT (id) DO NOTHING",
                    [kiosk_id],
                )

        self._retrying(work)
        if len(checkins) + len(journal) >= ANALYZE_AFTER:
            with self._guard() as conn:
                conn.execute("SELECT kiosk_hub.refresh_statistics()")
        return cursor

    def _ensure_staging(self, conn: Connection) -> None:
        if self._staging:
            return
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS push_log ON COMMIT DELETE ROWS AS "
            f"SELECT {', '.join(_LOG_FIELDS)} FROM kiosk_hub.log WITH NO DATA"
        )
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS push_journal "
            "(id text, kind text, kiosk_id text, body text) ON COMMIT DELETE ROWS"
        )
        self._staging = True

    def pull_records(self, cursor: str, kiosk_id: str) -> Iterator[RecordBatch]:
        state: dict[str, str] = {"log": START, "journal": START, **json.loads(cursor or "{}")}
        with self._guard() as conn:
            horizon = str(conn.execute(_HORIZON).fetchone()[0])  # type: ignore[index]
        for table, select in (
            ("log", ", ".join(_LOG_FIELDS)),
            ("journal", "id, kind, kiosk_id, body"),
        ):
            while True:
                with self._guard() as conn:
                    end, rows = _window(conn, table, select, state[table], horizon, kiosk_id)
                if end is None:
                    break
                state[table] = end
                batch = RecordBatch(cursor=json.dumps(state, sort_keys=True))
                if table == "log":
                    batch.checkins = [_log_record(r) for r in rows]
                else:
                    batch.journal = [JournalEntry(r[1], r[0], r[2], json.loads(r[3])) for r in rows]
                yield batch

    def pull_organiser(self, cursor: str) -> Iterator[OrganiserBatch]:
        state: dict[str, str] = {
            "event": START, "keys": START, "attendees": START, "revocations": START,
            **json.loads(cursor or "{}"),
        }  # fmt: skip
        with self._guard() as conn:
            horizon = str(conn.execute(_HORIZON).fetchone()[0])  # type: ignore[index]
            batch = OrganiserBatch(cursor="")
            rows = _changed(conn, "event", "source", state, horizon, None)
            batch.event_source = str(rows[-1][0]) if rows else None
            batch.keys = [
                KeyRow(r[0], r[1], bytes(r[2]))
                for r in _changed(conn, "public_keys", "key_id, event_id, public_key", state,
                                  horizon, None, name="keys")
            ]  # fmt: skip
            batch.revocations = [
                RevocationRow(*r[:4])
                for r in _changed(conn, "revocations", "attendee_id, below_issue, reason, at",
                                  state, horizon, None)
            ]  # fmt: skip
        while True:
            with self._guard() as conn:
                rows = _changed(
                    conn, "attendees", ", ".join(_ATTENDEE_FIELDS), state, horizon, ATTENDEE_BATCH
                )
            batch.attendees = [AttendeeRow(*r[: len(_ATTENDEE_FIELDS)]) for r in rows]
            batch.cursor = json.dumps(state, sort_keys=True)
            yield batch
            if len(rows) < ATTENDEE_BATCH:
                return
            batch = OrganiserBatch(cursor="")

    def publish(self, publication: Publication) -> None:
        def work(conn: Connection) -> None:
            row = conn.execute(
                "SELECT value FROM kiosk_hub.meta WHERE key = 'event_id' FOR UPDATE"
            ).fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO kiosk_hub.meta (key, value) VALUES ('event_id', %s)",
                    [publication.event_id],
                )
            elif row[0] != publication.event_id:
                raise HubMismatch(
                    f"{self.location} serves event {row[0]!r}, not {publication.event_id!r}"
                )
            _publish_rows(conn, publication)

        self._retrying(work)
        if len(publication.attendees) >= ANALYZE_AFTER:
            with self._guard() as conn:
                conn.execute("ANALYZE kiosk_hub.attendees")

    def hub_time(self) -> dt.datetime | None:
        with self._guard() as conn:
            server = conn.execute("SELECT clock_timestamp()").fetchone()[0]  # type: ignore[index]
        assert isinstance(server, dt.datetime)
        return server

    def problems(self) -> list[str]:
        return []

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with suppress(psycopg.Error):
                conn.close()


# Positions travel as "tx:n" text; the text column is named at_tx, never tx: ORDER BY tx
# would otherwise sort by the text ("10" < "9") and a keyset batch could skip rows.


def _window(
    conn: Connection, table: str, select: str, position: str, horizon: str, kiosk_id: str
) -> tuple[str | None, list[tuple[Any, ...]]]:
    """The next batch of records after `position` up to the horizon, leaving out this
    kiosk's own pushes but moving the cursor over them (so they are never scanned twice)."""
    tx, seq = _split(position)
    key = "(tx, seq) > (%s::xid8, %s) AND tx < %s::xid8"
    end = conn.execute(
        f"SELECT tx::text AS at_tx, seq FROM kiosk_hub.{table} WHERE {key} "
        f"ORDER BY tx, seq OFFSET {RECORD_BATCH - 1} LIMIT 1",
        [tx, seq, horizon],
    ).fetchone()
    if end is None:
        end = conn.execute(
            f"SELECT tx::text AS at_tx, seq FROM kiosk_hub.{table} WHERE {key} "
            "ORDER BY tx DESC, seq DESC LIMIT 1",
            [tx, seq, horizon],
        ).fetchone()
        if end is None:
            return None, []
    rows = conn.execute(
        f"SELECT {select} FROM kiosk_hub.{table} WHERE {key} "
        "AND (tx, seq) <= (%s::xid8, %s) AND pushed_by <> %s ORDER BY tx, seq",
        [tx, seq, horizon, end[0], end[1], kiosk_id],
    ).fetchall()
    return f"{end[0]}:{end[1]}", rows


def _changed(
    conn: Connection,
    table: str,
    select: str,
    state: dict[str, str],
    horizon: str,
    limit: int | None,
    name: str | None = None,
) -> list[tuple[Any, ...]]:
    """Organiser rows changed after the cursor `state[name]`; advances it."""
    name = name or table
    tx, rev = _split(state[name])
    rows = conn.execute(
        f"SELECT {select}, tx::text AS at_tx, rev FROM kiosk_hub.{table} "
        "WHERE (tx, rev) > (%s::xid8, %s) AND tx < %s::xid8 ORDER BY tx, rev"
        + (f" LIMIT {limit}" if limit else ""),
        [tx, rev, horizon],
    ).fetchall()
    if rows:
        state[name] = f"{rows[-1][-2]}:{rows[-1][-1]}"
    return rows


def _log_record(row: tuple[Any, ...]) -> LogRecord:
    return LogRecord(**dict(zip(_LOG_FIELDS, row, strict=True)))


def _publish_rows(conn: Connection, publication: Publication) -> None:
    bump = "tx = pg_current_xact_id(), rev = nextval('kiosk_hub.rev')"
    if publication.event_source is not None:
        conn.execute(
            "INSERT INTO kiosk_hub.event (id, name, source) VALUES (%s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, source = excluded.source, "
            f"{bump} "
            "WHERE event.source IS DISTINCT FROM excluded.source",
            [publication.event_id, publication.event_name, publication.event_source],
        )
    for key in publication.keys:
        conn.execute(
            "INSERT INTO kiosk_hub.public_keys (key_id, event_id, public_key) VALUES (%s, %s, %s) "
            "ON CONFLICT (key_id) DO NOTHING",
            list(key),
        )
    _upsert(conn, "attendees", "id", _ATTENDEE_FIELDS, publication.attendees)
    _upsert(conn, "revocations", "attendee_id", RevocationRow._fields, publication.revocations)


def _upsert(
    conn: Connection, table: str, pk: str, fields: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
) -> None:
    """COPY into a staging table, then insert or update only rows that really changed, so
    kiosks pull just those."""
    if not rows:
        return
    cols = ", ".join(fields)
    conn.execute(
        f"CREATE TEMP TABLE stage_{table} ON COMMIT DROP AS "
        f"SELECT {cols} FROM kiosk_hub.{table} LIMIT 0"
    )
    with conn.cursor().copy(f"COPY stage_{table} ({cols}) FROM STDIN") as cp:
        for row in rows:
            cp.write_row(row)
    others = [f for f in fields if f != pk]
    conn.execute(
        f"INSERT INTO kiosk_hub.{table} AS t ({cols}) SELECT DISTINCT ON ({pk}) {cols} "
        f"FROM stage_{table} ORDER BY {pk} "
        f"ON CONFLICT ({pk}) DO UPDATE SET "
        + ", ".join(f"{f} = excluded.{f}" for f in others)
        + ", tx = pg_current_xact_id(), rev = nextval('kiosk_hub.rev') "
        f"WHERE ({', '.join('t.' + f for f in others)}) IS DISTINCT FROM "
        f"({', '.join('excluded.' + f for f in others)})"
    )
