"""The PostgreSQL hub: signed records pushed by COPY and pulled by (transaction, n) cursors,
signed organiser publication parts stored whole. It verifies nothing (readers do)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import select
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from typing import Any, TypeVar

import psycopg
from psycopg import pq

from kiosk.sync.errors import HubMismatch, HubNotReady, HubRefused
from kiosk.sync.hub import JOURNAL_KINDS, LOG_FIELDS, HubInfo, RecordBatch, SignedPart, WireRecord
from kiosk.sync.pg_connect import Connection, connect, display, hub_error
from kiosk.sync.pg_schema import JOURNAL_INSERT_COLUMNS, LOG_INSERT_COLUMNS

T = TypeVar("T")
RECORD_BATCH = 5_000
START = "0:0"
ANALYZE_AFTER = 10_000  # rows written in one go: refresh the planner's statistics after
MAX_PART_BYTES = 256 * 1024 * 1024  # a publication part's items, unpacked (20,000 people)
_CHECKIN_KEYS = frozenset({"k", "sig", *LOG_FIELDS})
_JOURNAL_KEYS = frozenset({"k", "id", "kiosk_id", "body", "sig"})
# Rows whose writing transaction is older than every running one: final, safe to pass.
_HORIZON = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text"
_LOST = (psycopg.OperationalError, psycopg.InterfaceError)


def _split(position: str) -> tuple[str, int]:
    tx, _, counter = position.partition(":")
    return tx, int(counter)


class PostgresHub:
    def __init__(self, url: str, connect_timeout: float = 3.0, passfile: str | None = None) -> None:
        self.url = url
        self.connect_timeout = connect_timeout
        self.passfile = passfile
        self._conn: Connection | None = None
        self._staging = False
        self._problems: list[str] = []

    @property
    def location(self) -> str:
        return display(self.url)

    def _connection(self) -> Connection:
        if self._conn is not None and _dead(self._conn):
            self.close()
        if self._conn is None:
            self._conn = connect(
                self.url, connect_timeout=self.connect_timeout, passfile=self.passfile
            )
            self._staging = False
        return self._conn

    def _run(self, work: Callable[[Connection], T], *, transaction: bool = False) -> T:
        """Run `work` (in one transaction if asked), turning any failure into a HubError.
        Every piece of work here may run twice (the hub keeps a record once), so it runs
        again on a new connection when the kept one turns out dead (a hub restarted since
        its last use), and again after a deadlock between two pushing kiosks."""
        reconnected = False
        for attempt in range(4):
            conn = self._connection()
            try:
                if not transaction:
                    return work(conn)
                with conn.transaction():
                    return work(conn)
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure) as exc:
                if attempt == 3:
                    raise hub_error(exc, self.url) from None
                time.sleep(0.05 * (attempt + 1))
            except psycopg.Error as exc:
                if not isinstance(exc, _LOST):
                    raise hub_error(exc, self.url) from None
                lost = conn.closed or conn.broken
                self.close()
                if reconnected or not lost:
                    raise hub_error(exc, self.url) from None
                reconnected = True
        raise AssertionError("unreachable")

    def info(self) -> HubInfo:
        self._problems = []  # a pass starts here: report only what this pass skipped
        rows: dict[str, str] = self._run(
            lambda conn: dict(conn.execute("SELECT key, value FROM kiosk_hub.meta").fetchall())
        )
        return HubInfo(hub_id=str(rows["hub_id"]), event_id=rows.get("event_id"))

    def ensure(self) -> HubInfo:
        return self.info()

    def bind(self, event_id: str) -> None:
        try:
            self._run(
                lambda conn: conn.execute(
                    "INSERT INTO kiosk_hub.meta (key, value) VALUES ('event_id', %s) "
                    "ON CONFLICT (key) DO NOTHING",
                    [event_id],
                )
            )
        except HubRefused:  # the kiosk role may not: only a publish binds the event
            raise HubNotReady(
                f"{self.location} has no event yet: the organiser publishes it first "
                f"('kiosk publish --hub {self.location}')"
            ) from None

    def push(self, records: Sequence[WireRecord], kiosk_id: str, cursor: str) -> str:
        checkins = [_checkin_row(r) for r in records if r.get("k") == "checkin"]
        journal = [_journal_row(r) for r in records if r.get("k") != "checkin"]
        if not records:
            return cursor

        def work(conn: Connection) -> None:
            self._ensure_staging(conn)
            if checkins:
                with conn.cursor().copy(f"COPY push_log ({LOG_INSERT_COLUMNS}) FROM STDIN") as cp:
                    for row in checkins:
                        cp.write_row(row)
                conn.execute(
                    f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}) "
                    f"SELECT {LOG_INSERT_COLUMNS} FROM push_log ON CONFLICT (id, digest) DO NOTHING"
                )
            if journal:
                with conn.cursor().copy(
                    f"COPY push_journal ({JOURNAL_INSERT_COLUMNS}) FROM STDIN"
                ) as cp:
                    for row in journal:
                        cp.write_row(row)
                conn.execute(
                    f"INSERT INTO kiosk_hub.journal ({JOURNAL_INSERT_COLUMNS}) "
                    f"SELECT {JOURNAL_INSERT_COLUMNS} FROM push_journal "
                    "ON CONFLICT (id, digest) DO NOTHING"
                )

        self._run(work, transaction=True)
        self._staging = True  # only now: tables made in a transaction that failed are gone
        if len(records) >= ANALYZE_AFTER:
            self._run(lambda conn: conn.execute("SELECT kiosk_hub.refresh_statistics()"))
        return cursor

    def _ensure_staging(self, conn: Connection) -> None:
        if self._staging:
            return
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS push_log ON COMMIT DELETE ROWS AS "
            f"SELECT {LOG_INSERT_COLUMNS} FROM kiosk_hub.log WITH NO DATA"
        )
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS push_journal ON COMMIT DELETE ROWS AS "
            f"SELECT {JOURNAL_INSERT_COLUMNS} FROM kiosk_hub.journal WITH NO DATA"
        )

    def pull_records(self, cursor: str, kiosk_id: str) -> Iterator[RecordBatch]:
        state: dict[str, str] = {"log": START, "journal": START, **json.loads(cursor or "{}")}
        horizon = self._run(lambda conn: str(conn.execute(_HORIZON).fetchone()[0]))  # type: ignore[index]
        for table, select_list, wire in (
            ("log", LOG_INSERT_COLUMNS, checkin_from_row),
            ("journal", "id, kind, kiosk_id, body, sig", _journal_wire),
        ):
            while True:
                position = state[table]
                end, rows = self._run(
                    lambda conn: _window(conn, table, select_list, position, horizon, kiosk_id)  # noqa: B023
                )
                if end is None:
                    break
                state[table] = end
                yield RecordBatch(json.dumps(state, sort_keys=True), [wire(r) for r in rows])

    def own_records(self, kiosk_id: str) -> int:
        row = self._run(
            lambda conn: conn.execute(
                "SELECT records FROM kiosk_hub.record_counts WHERE kiosk_id = %s", [kiosk_id]
            ).fetchone()
        )
        return 0 if row is None else int(row[0])

    def publish_part(self, part: SignedPart) -> None:
        version, number = part.number
        event = part.statement.get("event")
        if version < 1 or number < 1 or not isinstance(event, str):
            raise ValueError("a publication part names its event, version and part number")
        statement = json.dumps(part.statement, separators=(",", ":"), allow_nan=False)
        items = gzip.compress(
            json.dumps(part.items, separators=(",", ":"), allow_nan=False).encode(),
            compresslevel=6,
        )

        def work(conn: Connection) -> None:
            conn.execute(
                "INSERT INTO kiosk_hub.meta (key, value) VALUES ('event_id', %s) "
                "ON CONFLICT (key) DO NOTHING",
                [event],
            )
            row = conn.execute("SELECT value FROM kiosk_hub.meta WHERE key = 'event_id'").fetchone()
            bound = None if row is None else row[0]
            if bound != event:
                raise HubMismatch(f"{self.location} serves event {bound!r}, not {event!r}")
            # A part is immutable: a second publish of the same number keeps the first.
            conn.execute(
                "INSERT INTO kiosk_hub.publications (version, part, statement, signature, items) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (version, part) DO NOTHING",
                [version, number, statement, part.signature, items],
            )

        self._run(work, transaction=True)

    def pull_publications(self, after: tuple[int, int]) -> Iterator[SignedPart]:
        position = after
        while True:
            # One part at a time: a part holds up to 20,000 attendees.
            row = self._run(
                lambda conn: conn.execute(
                    "SELECT version, part, statement, signature, items "
                    "FROM kiosk_hub.publications WHERE (version, part) > (%s, %s) "
                    "ORDER BY version, part LIMIT 1",
                    list(position),  # noqa: B023
                ).fetchone()
            )
            if row is None:
                return
            position = (int(row[0]), int(row[1]))
            try:
                yield _signed_part(row[2], row[3], bytes(row[4]))
            except ValueError as exc:
                self._problems.append(
                    f"publication part {position[0]}.{position[1]} at {self.location} "
                    f"is unreadable ({exc}); skipped"
                )

    def newest_publication(self) -> tuple[int, int]:
        row = self._run(
            lambda conn: conn.execute(
                "SELECT version, part FROM kiosk_hub.publications "
                "ORDER BY version DESC, part DESC LIMIT 1"
            ).fetchone()
        )
        return (0, 0) if row is None else (int(row[0]), int(row[1]))

    def hub_time(self) -> dt.datetime | None:
        server = self._run(lambda conn: conn.execute("SELECT clock_timestamp()").fetchone()[0])  # type: ignore[index]
        assert isinstance(server, dt.datetime)
        return server

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with suppress(psycopg.Error):
                conn.close()


def _dead(conn: Connection) -> bool:
    """A kept connection the server has ended (restart, idle timeout): an idle connection
    has nothing to read, so anything waiting on its socket is the server's goodbye."""
    if conn.closed or conn.broken:
        return True
    if conn.info.transaction_status != pq.TransactionStatus.IDLE:
        return False
    try:
        readable, _, _ = select.select([conn.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


# Positions travel as "tx:n" text; the text column is named at_tx, never tx: ORDER BY tx
# would otherwise sort by the text ("10" < "9") and a keyset batch could skip rows.


def _window(
    conn: Connection, table: str, select_list: str, position: str, horizon: str, kiosk_id: str
) -> tuple[str | None, list[tuple[Any, ...]]]:
    """The next batch of records after `position` up to the horizon, leaving out records
    made by `kiosk_id` (the maker the signature covers, not who pushed the row) but moving
    the cursor over them (so they are never scanned twice)."""
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
        f"SELECT {select_list} FROM kiosk_hub.{table} WHERE {key} "
        "AND (tx, seq) <= (%s::xid8, %s) AND kiosk_id <> %s ORDER BY tx, seq",
        [tx, seq, horizon, end[0], end[1], kiosk_id],
    ).fetchall()
    return f"{end[0]}:{end[1]}", rows


def _checkin_row(record: WireRecord) -> tuple[Any, ...]:
    if record.keys() != _CHECKIN_KEYS:
        raise ValueError(f"check-in record {record.get('id')!r} has other fields than a LogRecord")
    return (*(record[name] for name in LOG_FIELDS), record["sig"])


def _journal_row(record: WireRecord) -> tuple[Any, ...]:
    if record.keys() != _JOURNAL_KEYS or record["k"] not in JOURNAL_KINDS:
        raise ValueError(f"record {record.get('id')!r} is neither a check-in nor a journal kind")
    # ASCII JSON: any string (a NUL, an emoji) survives the text column unchanged; sorted
    # keys: the same body relayed by another kiosk is the same text, so stored once.
    body = json.dumps(record["body"], separators=(",", ":"), sort_keys=True, allow_nan=False)
    return record["id"], record["k"], record["kiosk_id"], body, record["sig"]


def checkin_from_row(row: tuple[Any, ...]) -> WireRecord:
    """A check-in exactly as pushed, from a row of LOG_INSERT_COLUMNS: the typed columns
    give back the same bool, int or None."""
    return {"k": "checkin", **dict(zip(LOG_FIELDS, row, strict=False)), "sig": row[-1]}


def _journal_wire(row: tuple[Any, ...]) -> WireRecord:
    record_id, kind, kiosk_id, body, sig = row
    return {"k": kind, "id": record_id, "kiosk_id": kiosk_id, "body": _json(body), "sig": sig}


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _json(text: str) -> Any:
    """A body as pushed; text that is not JSON, or whose strings cannot be UTF-8 (a lone
    surrogate: no canonical form, so no signature), is handed on as it is (anyone with the
    kiosk role can insert rows), and the reader's schema check refuses and reports it."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
        if "\\ud" in text.lower():  # only escapes can make a surrogate (and emoji pairs)
            json.dumps(value, ensure_ascii=False).encode()
    except (ValueError, RecursionError):
        return text
    return value


def _signed_part(statement: str, signature: str, items: bytes) -> SignedPart:
    """A stored part read back; ValueError when it is not what publish_part stores."""
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = unpacker.decompress(items, MAX_PART_BYTES)
    except zlib.error:
        raise ValueError("items are not gzip") from None
    if unpacker.unconsumed_tail:
        raise ValueError(f"items unpack to more than {MAX_PART_BYTES} bytes")
    if not unpacker.eof:
        raise ValueError("items are cut short")
    try:
        parsed_statement = json.loads(statement, parse_constant=_refuse_constant)
        parsed_items = json.loads(data, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise ValueError("not JSON") from None
    if not isinstance(parsed_statement, dict) or not isinstance(parsed_items, list):
        raise ValueError("not a statement and a list of items")
    if not all(isinstance(item, dict) for item in parsed_items):
        raise ValueError("an item is not an object")
    return SignedPart(parsed_statement, signature, parsed_items)
