"""The PostgreSQL hub: signed records and publication parts back exactly as stored, pulls by
maker, server-set pushed_by, a kiosk role that can only append, one clear line per failure."""

from __future__ import annotations

import gzip
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from psycopg.conninfo import conninfo_to_dict

from kiosk.domain.trust import canonical, record_verifies, sign_record, sign_statement
from kiosk.sync import pg_hub as backend
from kiosk.sync.errors import HubError, HubMismatch, HubNotReady, HubRefused, HubUnreachable
from kiosk.sync.hub import LOG_FIELDS, SignedPart, WireRecord
from kiosk.sync.pg_connect import split_password, write_passfile
from kiosk.sync.pg_hub import PostgresHub
from kiosk.sync.pg_schema import (
    LOG_INSERT_COLUMNS,
    SCHEMA_VERSION,
    add_kiosk_role,
    disable_kiosk_role,
    init_hub,
)
from tests.pg_server import KIOSK_PASSWORD, PgHub
from tests.sync.pgserver import PgServer, free_port

KEY = Ed25519PrivateKey.generate()


def signed(record: WireRecord) -> WireRecord:
    return {**record, "sig": sign_record(KEY, record)}


def checkin(kiosk_id: str, n: int, **changes: Any) -> WireRecord:
    """A signed check-in wire record: every LogRecord field flat, offline a bool."""
    fields: dict[str, Any] = {
        "id": f"{kiosk_id}-{n:07d}", "kiosk_id": kiosk_id, "hall": "floor",
        "session_id": "floor-d1", "direction": "entry", "verdict": "admitted",
        "reason": "admitted", "attendee_id": f"X{n:07d}", "code": f"T-{n:07d}",
        "at": f"2026-10-14T0{2 + n % 6}:{n % 60:02d}:00.000000+00:00", "delta": 1,
        "clock_offset_ms": None, "note": "", "undoes": None, "offline": True, "warnings": "",
    }  # fmt: skip
    fields.update(changes)
    assert tuple(fields) == LOG_FIELDS
    return signed({"k": "checkin", **fields})


def journal(kind: str, kiosk_id: str, n: int, body: Any = None) -> WireRecord:
    if body is None:
        person = {"id": f"X{n:07d}", "first_name": "Zoë", "last_name": "王"}
        body = {
            "row": {"id": f"{kiosk_id}-{kind}-{n}", "at": "2026-10-14T02:00"},
            "attendee": person,
        }
    return signed({"k": kind, "id": f"{kiosk_id}-{kind}-{n}", "kiosk_id": kiosk_id, "body": body})


def pulled(hub: PostgresHub, kiosk_id: str, cursor: str = "") -> list[WireRecord]:
    return [r for batch in hub.pull_records(cursor, kiosk_id) for r in batch.records]


def by_id(records: list[WireRecord]) -> dict[str, bytes]:
    return {r["id"]: canonical(r) for r in records}


@pytest.fixture
def hub(pg_hub: PgHub) -> Iterator[PostgresHub]:
    """The hub as a kiosk sees it (the kiosk role)."""
    made = PostgresHub(pg_hub.kiosk)
    yield made
    made.close()


@pytest.fixture
def organiser(pg_hub: PgHub) -> Iterator[PostgresHub]:
    made = PostgresHub(pg_hub.admin)
    yield made
    made.close()


def part(
    version: int, number: int, items: list[dict[str, Any]], event: str = "tiny-2026"
) -> SignedPart:
    statement = {"format": "kiosk-publication/1", "event": event, "version": version,
                 "part": number, "last": True, "count": len(items)}  # fmt: skip
    return SignedPart(statement, sign_statement(KEY, statement), items)


def test_records_come_back_exactly_as_pushed(hub: PostgresHub) -> None:
    """Every kind, every value type (bool, None, int, non-ASCII, emoji, NUL, nesting): the pulled
    dict has the same canonical JSON as the pushed one, so its signature still verifies."""
    records = [
        checkin("ka", 1),
        checkin(
            "ka", 2, offline=False, clock_offset_ms=-420_000, note="门口 \u00e9", undoes="ka-1"
        ),
        checkin("ka", 3, session_id=None, attendee_id=None, delta=0, verdict="unknown_code"),
        journal("print", "ka", 1),
        journal("name_correction", "ka", 2, {"row": {"first": "A\u0000B", "n": [1, 2.5, None]}}),
        journal("walk_in", "ka", 3, {"deep": [[[{"x": True}]]], "s": "\U0001f600"}),
        journal("replacement", "ka", 4),
    ]
    assert hub.push(records, "ka", "cursor-7") == "cursor-7"
    back = pulled(hub, "kb")
    assert by_id(back) == by_id(records)
    assert all(record_verifies(KEY.public_key(), r) for r in back)
    assert [type(r["offline"]) for r in back if r["k"] == "checkin"] == [bool] * 3


def test_pulls_leave_out_only_the_callers_own_records_whoever_pushed_them(
    hub: PostgresHub, pg_hub: PgHub
) -> None:
    """The maker (kiosk_id, under the signature) decides, never pushed_by: a row whose
    pushed_by names door b still reaches door b; door b's records relayed by a still do not."""
    hub.push([checkin("door-a", 1), checkin("door-b", 2)], "door-a", "")
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        marks = ", ".join(["%s"] * 18)
        row = checkin("door-c", 3)
        conn.execute(
            f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}, pushed_by) VALUES ({marks})",
            [*(row[f] for f in LOG_FIELDS), row["sig"], "door-b"],
        )
    assert sorted(r["id"] for r in pulled(hub, "door-b")) == ["door-a-0000001", "door-c-0000003"]
    assert sorted(r["id"] for r in pulled(hub, "door-a")) == ["door-b-0000002", "door-c-0000003"]


def test_a_row_forged_under_a_genuine_id_cannot_keep_the_genuine_record_out(
    hub: PostgresHub, pg_hub: PgHub
) -> None:
    """Someone who saw a record on its way (on a stick a kiosk relays from) inserts a row
    with its id and signature and one field changed, first: the genuine record is still
    stored when it comes, beside it, and the same record pushed again is stored once."""
    genuine, note = checkin("door-a", 1), journal("print", "door-a", 1)
    forged = {**genuine, "attendee_id": "VICTIM"}
    with psycopg.connect(pg_hub.kiosk, autocommit=True) as conn:
        conn.execute(
            f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}) VALUES ({', '.join(['%s'] * 17)})",
            [*(forged[f] for f in LOG_FIELDS), forged["sig"]],
        )
        conn.execute(
            "INSERT INTO kiosk_hub.journal (id, kind, kiosk_id, body, sig) "
            "VALUES (%s, 'print', 'door-a', '{}', %s)",
            [note["id"], note["sig"]],
        )
    hub.push([genuine, note], "door-a", "")
    hub.push([genuine, note, journal("print", "door-a", 1)], "door-b", "")  # relayed: same
    back = pulled(hub, "door-c")
    assert sorted(canonical(r) for r in back) == sorted(
        canonical(r) for r in (genuine, forged, note, {**note, "body": {}})
    )
    assert [r for r in back if record_verifies(KEY.public_key(), r)] == [genuine, note]


def test_own_records_counts_what_the_hub_holds_by_maker(hub: PostgresHub) -> None:
    """Check-ins and journal records together, relayed ones included, duplicates once."""
    assert hub.own_records("ka") == 0
    hub.push([checkin("ka", n) for n in range(5)] + [journal("print", "ka", 1)], "ka", "")
    hub.push([checkin("ka", n) for n in range(3, 8)] + [checkin("kb", 1)], "kb", "")
    assert (hub.own_records("ka"), hub.own_records("kb"), hub.own_records("kc")) == (9, 1, 0)


def test_pushed_by_is_the_servers_word(hub: PostgresHub, pg_hub: PgHub) -> None:
    """The login role that wrote a row, set by the server; a kiosk cannot name another."""
    hub.push([checkin("ka", 1), journal("print", "ka", 1)], "someone-else", "")
    role = f"{pg_hub.name}_kiosk"
    with psycopg.connect(pg_hub.kiosk, autocommit=True) as conn:
        assert conn.execute(
            "SELECT pushed_by FROM kiosk_hub.log UNION ALL SELECT pushed_by FROM kiosk_hub.journal"
        ).fetchall() == [(role,), (role,)]
        row = checkin("kb", 1)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}, pushed_by) "
                f"VALUES ({', '.join(['%s'] * 18)})",
                [*(row[f] for f in LOG_FIELDS), row["sig"], "door-b"],
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO kiosk_hub.journal (id, kind, kiosk_id, body, sig, pushed_by) "
                "VALUES ('j', 'print', 'kb', '{}', '', 'door-b')"
            )


def test_kiosk_role_reads_and_appends_and_nothing_else(
    hub: PostgresHub, pg_hub: PgHub, organiser: PostgresHub
) -> None:
    """Least privilege: no publication writes, no update, delete or truncate of records."""
    organiser.publish_part(part(1, 1, [{"kind": "event"}]))
    hub.push([checkin("ka", 1), journal("print", "ka", 1)], "ka", "")
    with psycopg.connect(pg_hub.kiosk, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM kiosk_hub.publications").fetchone() == (1,)
        for statement in (
            "INSERT INTO kiosk_hub.publications VALUES (2, 1, '{}', 'x', '\\x00')",
            "UPDATE kiosk_hub.publications SET signature = 'x'",
            "DELETE FROM kiosk_hub.publications",
            "UPDATE kiosk_hub.log SET verdict = 'admitted'",
            "DELETE FROM kiosk_hub.log",
            "TRUNCATE kiosk_hub.log",
            "UPDATE kiosk_hub.journal SET body = '{}'",
            "DELETE FROM kiosk_hub.journal",
            "INSERT INTO kiosk_hub.record_counts VALUES ('kz', 100)",
            "UPDATE kiosk_hub.record_counts SET records = 100",
            "UPDATE kiosk_hub.meta SET value = 'x'",
            "INSERT INTO kiosk_hub.meta VALUES ('event_id', 'x')",
            "SELECT * FROM kiosk_hub.presence",
            "CREATE TABLE kiosk_hub.mine (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with pytest.raises(HubRefused, match="may not do that"):
        hub.publish_part(part(2, 1, []))


def test_records_and_publications_are_append_only_even_for_the_owner(
    hub: PostgresHub, pg_hub: PgHub, organiser: PostgresHub
) -> None:
    """A trigger refuses changes to stored records and parts, whoever asks."""
    hub.push([checkin("ka", 1), journal("print", "ka", 1)], "ka", "")
    organiser.publish_part(part(1, 1, []))
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        for statement in (
            "DELETE FROM kiosk_hub.log",
            "TRUNCATE kiosk_hub.log",
            "UPDATE kiosk_hub.journal SET body = '{}'",
            "UPDATE kiosk_hub.publications SET signature = 'x'",
        ):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(statement)


def test_publications_come_back_in_order_after_the_given_part(organiser: PostgresHub) -> None:
    """Parts in (version, part) order whatever order they were stored in, only those after
    `after`, statement and items exactly as published."""
    parts = [part(2, 2, [{"kind": "attendee", "id": "A2"}]), part(1, 1, [{"kind": "event"}]),
             part(2, 1, [{"kind": "attendee", "id": "A1", "name": "Zoë 王", "n": None}]),
             part(10, 1, [])]  # fmt: skip
    for each in parts:
        organiser.publish_part(each)
    got = list(organiser.pull_publications((0, 0)))
    assert [p.number for p in got] == [(1, 1), (2, 1), (2, 2), (10, 1)]
    assert sorted(canonical([p.statement, p.signature, p.items]) for p in got) == sorted(
        canonical([p.statement, p.signature, p.items]) for p in parts
    )
    assert [p.number for p in organiser.pull_publications((2, 1))] == [(2, 2), (10, 1)]
    assert list(organiser.pull_publications((10, 1))) == []
    assert organiser.newest_publication() == (10, 1)


def test_a_part_once_stored_is_kept_as_it_is(organiser: PostgresHub, hub: PostgresHub) -> None:
    """Publishing the same (version, part) again changes nothing: the first one stays."""
    assert hub.newest_publication() == (0, 0)
    first, second = part(1, 1, [{"kind": "event", "n": 1}]), part(1, 1, [{"kind": "event", "n": 2}])
    organiser.publish_part(first)
    organiser.publish_part(second)
    assert [p.items for p in hub.pull_publications((0, 0))] == [first.items]


def test_the_first_part_binds_the_event_and_another_event_is_refused(
    organiser: PostgresHub, hub: PostgresHub
) -> None:
    """A hub serves one event: the first publish names it, a part of another is refused."""
    with pytest.raises(HubNotReady, match="has no event yet"):
        hub.bind("tiny-2026")  # kiosks may not name the event
    assert hub.info().event_id is None
    organiser.publish_part(part(1, 1, []))
    assert hub.info().event_id == "tiny-2026"
    with pytest.raises(HubMismatch, match="serves event 'tiny-2026', not 'other-2026'"):
        organiser.publish_part(part(2, 1, [], event="other-2026"))
    assert organiser.newest_publication() == (1, 1)


def test_a_damaged_part_is_reported_and_the_rest_still_come(
    organiser: PostgresHub, pg_hub: PgHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows the organiser's code never writes (not gzip, a bomb, not JSON) are skipped with a
    line in problems(), never a traceback."""
    monkeypatch.setattr(backend, "MAX_PART_BYTES", 1_000)
    organiser.publish_part(part(1, 1, []))
    organiser.publish_part(part(3, 1, [{"kind": "event"}]))
    bomb = gzip.compress(b"[" + b" " * 2_000 + b"]")
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        for version, statement, items in (
            (2, "{}", b"not gzip"),
            (4, "{}", bomb),
            (5, "{not json", gzip.compress(b"[]")),
            (6, "[]", gzip.compress(b"[1]")),
        ):
            conn.execute(
                "INSERT INTO kiosk_hub.publications VALUES (%s, 1, %s, 'sig', %s)",
                [version, statement, items],
            )
    organiser.info()  # a pass starts
    assert [p.number for p in organiser.pull_publications((0, 0))] == [(1, 1), (3, 1)]
    assert [line.split(" (")[0].split(" at ")[0] for line in organiser.problems()] == [
        f"publication part {v}.1" for v in (2, 4, 5, 6)
    ]


def test_a_body_that_is_not_json_is_handed_on_for_the_reader_to_refuse(
    hub: PostgresHub, pg_hub: PgHub
) -> None:
    """Anyone with the kiosk role can insert a row by hand: a body that is not JSON, or JSON
    no signature can cover (NaN, a lone surrogate), reaches the engine as the text it is."""
    with psycopg.connect(pg_hub.kiosk, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO kiosk_hub.journal (id, kind, kiosk_id, body, sig) VALUES "
            "('j1', 'walk_in', 'kz', '{\"a\": ', 'x'), ('j2', 'nonsense', 'kz', 'NaN', 'x'), "
            "('j3', 'print', 'kz', '{\"a\": \"\\ud800\"}', 'x')"
        )
    assert [(r["k"], r["body"]) for r in pulled(hub, "ka")] == [
        ("walk_in", '{"a": '),
        ("nonsense", "NaN"),
        ("print", '{"a": "\\ud800"}'),
    ]


def test_a_malformed_record_is_refused_before_anything_is_stored(hub: PostgresHub) -> None:
    """A check-in with fields other than a LogRecord's, or an unknown kind: ValueError."""
    extra = {**checkin("ka", 1), "pushed_by": "door-b"}
    with pytest.raises(ValueError, match="other fields"):
        hub.push([checkin("ka", 2), extra], "ka", "")
    with pytest.raises(ValueError, match="neither"):
        hub.push([{"k": "key", "id": "x", "kiosk_id": "ka", "body": {}, "sig": ""}], "ka", "")
    assert hub.own_records("ka") == 0


def test_a_push_the_server_refuses_stores_nothing_and_the_next_one_works(
    hub: PostgresHub,
) -> None:
    """A value the typed columns cannot take fails the whole push (one clear error, nothing
    half-stored), and the first push on that connection having failed breaks no later one."""
    with pytest.raises(HubError):
        hub.push([checkin("ka", 1), checkin("ka", 2, delta="many")], "ka", "")
    assert hub.own_records("ka") == 0
    hub.push([checkin("ka", 3)], "ka", "")
    assert hub.own_records("ka") == 1


def test_a_transaction_still_open_holds_back_everything_after_it(
    hub: PostgresHub, pg_hub: PgHub
) -> None:
    """A cursor never moves past a row committed late: rows from later transactions wait
    until every earlier one has ended."""
    slow = psycopg.connect(pg_hub.kiosk)
    row = checkin("kslow", 1)
    slow.execute(
        f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}) VALUES ({', '.join(['%s'] * 17)})",
        [*(row[f] for f in LOG_FIELDS), row["sig"]],
    )
    hub.push([checkin("kfast", 2)], "kfast", "")  # another person: no lock wait
    batches = list(hub.pull_records("", "reader"))
    assert [r["id"] for b in batches for r in b.records] == []
    slow.commit()
    slow.close()
    cursor = batches[-1].cursor if batches else ""
    assert sorted(r["id"] for r in pulled(hub, "reader", cursor)) == [
        "kfast-0000002", "kslow-0000001"
    ]  # fmt: skip


def test_cursors_follow_transaction_order_across_powers_of_ten(
    pg_hub: PgHub, hub: PostgresHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows of transactions 9 and 10, 99 and 100... all arrive in batches of two (positions are
    compared as transaction ids, never as text), each batch with the cursor after it."""
    monkeypatch.setattr(backend, "RECORD_BATCH", 2)
    txs = [8, 9, 10, 11, 98, 99, 100, 101]  # below the server's own counter: all final
    records = [checkin("kx", n) for n in range(len(txs))]
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        for tx, row in zip(txs, records, strict=True):
            conn.execute(
                f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}, tx) "
                f"VALUES ({', '.join(['%s'] * 17)}, %s::xid8)",
                [*(row[f] for f in LOG_FIELDS), row["sig"], str(tx)],
            )
    batches = list(hub.pull_records("", "fresh"))
    assert [[r["id"] for r in b.records] for b in batches] == [
        [records[i]["id"], records[i + 1]["id"]] for i in range(0, len(txs), 2)
    ]
    assert pulled(hub, "fresh", batches[1].cursor) == records[4:]


def test_the_first_use_after_a_hub_restart_reconnects(
    hub: PostgresHub, pg_server: PgServer
) -> None:
    """A kept connection the server ended is noticed before use: no failed pass for it."""
    hub.push([checkin("ka", 1)], "ka", "")
    pg_server.restart()
    assert [r["id"] for r in pulled(hub, "kb")] == ["ka-0000001"]
    hub.push([checkin("ka", 2)], "ka", "")
    pg_server.restart()
    assert hub.own_records("ka") == 2


def test_a_connection_lost_mid_use_is_retried_once_on_a_new_one(
    hub: PostgresHub, pg_hub: PgHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server ends the connection while a kiosk holds it (idle-timeout, failover): the
    work runs again on a fresh connection instead of failing the pass."""
    assert hub.own_records("ka") == 0
    pid = hub._connection().info.backend_pid
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", [pid])
    monkeypatch.setattr(backend, "_dead", lambda conn: False)  # as if it raced the check
    hub.push([checkin("ka", 1)], "ka", "")
    assert hub.own_records("ka") == 1


def test_hub_init_twice_keeps_data_and_resets_the_kiosk_password(
    pg_hub: PgHub, hub: PostgresHub
) -> None:
    """Running init again is harmless: same hub id, records and counts kept, new password."""
    before = hub.info()
    hub.push([checkin("ka", n) for n in range(3)], "ka", "")
    hub.close()
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        assert init_hub(conn, f"{pg_hub.name}_kiosk", "new-password") == before.hub_id
        assert conn.execute("SELECT count(*) FROM kiosk_hub.log").fetchone() == (3,)
    again = PostgresHub(pg_hub.kiosk.replace(KIOSK_PASSWORD, "new-password"))
    assert (again.own_records("ka"), len(pulled(again, "kb"))) == (3, 3)
    again.close()


SCHEMA_1 = """
CREATE SCHEMA kiosk_hub;
CREATE TABLE kiosk_hub.meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO kiosk_hub.meta VALUES ('hub_id', 'old-hub'), ('schema_version', '1'),
    ('event_id', 'tiny-2026');
CREATE SEQUENCE kiosk_hub.rev;
CREATE TABLE kiosk_hub.attendees (id text PRIMARY KEY, rev bigint DEFAULT nextval('kiosk_hub.rev'));
CREATE TABLE kiosk_hub.log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE, kiosk_id text NOT NULL, hall text NOT NULL, session_id text,
    direction text NOT NULL, verdict text NOT NULL, reason text NOT NULL, attendee_id text,
    code text NOT NULL, at text NOT NULL, delta integer NOT NULL, clock_offset_ms integer,
    note text NOT NULL, undoes text, offline boolean NOT NULL, warnings text NOT NULL,
    pushed_by text NOT NULL, tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
    received_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE kiosk_hub.journal (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE, kind text NOT NULL, kiosk_id text NOT NULL, body text NOT NULL,
    pushed_by text NOT NULL, tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
    received_at timestamptz NOT NULL DEFAULT now());
INSERT INTO kiosk_hub.log (id, kiosk_id, hall, direction, verdict, reason, code, at, delta,
    note, offline, warnings, pushed_by)
    VALUES ('old-1', 'ka', 'floor', 'entry', 'admitted', 'admitted', 'T', 'x', 1, '', true, '',
            'ka');
CREATE ROLE {role} LOGIN PASSWORD 'old';
GRANT USAGE ON SCHEMA kiosk_hub TO {role};
GRANT SELECT ON kiosk_hub.attendees, kiosk_hub.log TO {role};
GRANT INSERT (id, kiosk_id, hall, session_id, direction, verdict, reason, attendee_id, code,
    at, delta, clock_offset_ms, note, undoes, offline, warnings, pushed_by)
    ON kiosk_hub.log TO {role};
"""


def test_init_upgrades_a_schema_1_hub_in_place(pg_server: PgServer) -> None:
    """Signatures and server-set pushed_by added, the unsigned organiser tables gone, the
    old column grant on pushed_by withdrawn, old records kept (and counted)."""
    role = "upgraded_kiosk"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE upgraded")
    with psycopg.connect(pg_server.url("upgraded"), autocommit=True) as conn:
        conn.execute(SCHEMA_1.format(role=role))
        assert init_hub(conn, role, KIOSK_PASSWORD) == "old-hub"
        assert conn.execute(
            "SELECT value FROM kiosk_hub.meta WHERE key = 'schema_version'"
        ).fetchone() == (SCHEMA_VERSION,)
        assert conn.execute("SELECT to_regclass('kiosk_hub.attendees')").fetchone() == (None,)
    hub = PostgresHub(pg_server.url("upgraded", role, KIOSK_PASSWORD))
    hub.push([checkin("ka", 1)], "ka", "")
    assert hub.own_records("ka") == 2
    assert [(r["id"], r["sig"] == "") for r in pulled(hub, "kb")] == [
        ("old-1", True),
        ("ka-0000001", False),
    ]
    hub.close()
    with (
        psycopg.connect(pg_server.url("upgraded", role, KIOSK_PASSWORD)) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(
            "INSERT INTO kiosk_hub.log (id, kiosk_id, hall, direction, verdict, reason, "
            "code, at, delta, note, offline, warnings, sig, pushed_by) VALUES ('x', 'k', "
            "'h', 'entry', 'v', 'r', 'c', 'a', 1, '', true, '', 's', 'door-b')"
        )


def test_pushing_kiosks_in_parallel_lose_and_double_nothing(
    pg_hub: PgHub, hub: PostgresHub
) -> None:
    """Four kiosks pushing overlapping relays at once: every record once, counts exact."""
    records = [checkin(f"k{n % 4}", n) for n in range(2_000)]
    failures: list[BaseException] = []

    def push(offset: int) -> None:
        other = PostgresHub(pg_hub.kiosk)
        try:
            for start in range(offset * 250, 2_000, 500):
                other.push(records[start : start + 750], f"k{offset}", "")
        except BaseException as exc:  # reported by the assert below
            failures.append(exc)
        finally:
            other.close()

    threads = [threading.Thread(target=push, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert by_id(pulled(hub, "reader")) == by_id(records)
    assert [hub.own_records(f"k{n}") for n in range(4)] == [500] * 4


def test_wrong_password_is_one_clear_line(pg_hub: PgHub) -> None:
    """Bad credentials: a refusal naming the hub, no password echoed."""
    wrong = PostgresHub(pg_hub.kiosk.replace(KIOSK_PASSWORD, "not-the-password"))
    with pytest.raises(HubRefused) as caught:
        wrong.info()
    assert str(caught.value) == (
        f"postgresql://{pg_hub.name}_kiosk@127.0.0.1:{pg_hub.server.port}/{pg_hub.name}: "
        "the hub refused the user name or password"
    )


def test_unreachable_host_is_one_clear_line_quickly() -> None:
    """Nobody listening: 'cannot reach the hub' within the connect timeout, no traceback."""
    started = time.monotonic()
    with pytest.raises(
        HubUnreachable, match=r"^cannot reach the hub at postgresql://x@127\.0\.0\.1:"
    ):
        PostgresHub(f"postgresql://x:y@127.0.0.1:{free_port()}/hub").info()
    assert time.monotonic() - started < 3.5


def test_database_without_a_hub_says_to_run_hub_init(pg_server: PgServer) -> None:
    """A plain database is not mistaken for a hub."""
    with pytest.raises(HubNotReady, match="is not a kiosk hub: run 'kiosk hub init"):
        PostgresHub(pg_server.url("postgres")).info()


@pytest.mark.parametrize(
    ("url", "stripped", "password"),
    [
        ("postgresql://kiosk:p%3Aa%40b@hub.lan:5433/expo", "postgresql://kiosk@hub.lan:5433/expo",
         "p:a@b"),
        ("postgresql://kiosk:raw:colon@hub.lan/expo?sslmode=require",
         "postgresql://kiosk@hub.lan/expo?sslmode=require", "raw:colon"),
        ("postgres://kiosk@hub.lan/expo?sslmode=require&password=p%40q",
         "postgres://kiosk@hub.lan/expo?sslmode=require", "p@q"),
        ("postgresql://:secret@hub.lan/expo", "postgresql://hub.lan/expo", "secret"),
        ("postgresql://kiosk@hub.lan/expo", "postgresql://kiosk@hub.lan/expo", None),
        ("host=hub.lan user=kiosk password='p:a@b\\' c' dbname=expo",
         "user=kiosk dbname=expo host=hub.lan", "p:a@b' c"),
        ("host=hub.lan dbname=expo", "host=hub.lan dbname=expo", None),
    ],
)  # fmt: skip
def test_split_password_keeps_the_address_and_its_form(
    url: str, stripped: str, password: str | None
) -> None:
    """URL or key=value: the same address minus the password, which comes back decoded."""
    assert split_password(url) == (stripped, password)
    left = conninfo_to_dict(stripped)
    assert {**left, **({"password": password} if password else {})} == conninfo_to_dict(url)


def test_write_passfile_escapes_replaces_its_line_and_keeps_the_rest(tmp_path: Path) -> None:
    """A libpq line per host/port/database/user, ':' and '\\' escaped, mode 0600, new line
    first (libpq takes the first match), other lines kept."""
    path = tmp_path / "keys" / "pgpass"
    path.parent.mkdir()
    path.write_text("*:*:*:*:wildcard\nother:5432:expo:kiosk:keep\n")
    path.chmod(0o644)
    write_passfile(path, "postgresql://kiosk@hub.lan/expo", "old")
    write_passfile(path, "postgresql://kiosk@hub.lan/expo", "p:a@b\\c")
    write_passfile(path, "host=/run/pg port=5433 user=u:x dbname=d", "s")
    assert path.read_text().splitlines() == [
        "/run/pg:5433:d:u\\:x:s",
        "hub.lan:5432:expo:kiosk:p\\:a@b\\\\c",
        "*:*:*:*:wildcard",
        "other:5432:expo:kiosk:keep",
    ]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["pgpass"]


def test_a_hub_url_without_its_password_connects_through_the_passfile(
    pg_hub: PgHub, tmp_path: Path
) -> None:
    """What a kiosk stores: the URL stripped, the password in a passfile libpq reads."""
    url, password = split_password(pg_hub.kiosk)
    assert password == KIOSK_PASSWORD and KIOSK_PASSWORD not in url
    passfile = tmp_path / "pgpass"
    write_passfile(passfile, url, password)
    with pytest.raises(HubRefused):
        PostgresHub(url, passfile=str(tmp_path / "missing")).info()
    hub = PostgresHub(url, passfile=str(passfile))
    assert hub.info().hub_id
    hub.close()


def test_a_kiosk_role_of_its_own_is_named_in_pushed_by_and_can_be_withdrawn(
    pg_hub: PgHub,
) -> None:
    """One login role per kiosk: the same rights as the shared role, pushed_by names it, and
    withdrawing it (a stolen kiosk) stops its open connection and new ones, survives init,
    and leaves the other kiosks and its rows alone."""
    three, four = f"{pg_hub.name}_door3", f"{pg_hub.name}_door4"  # roles are server-wide
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        add_kiosk_role(conn, three, "door3-secret")
        add_kiosk_role(conn, four, "door4-secret")
    door3 = PostgresHub(pg_hub.server.url(pg_hub.name, three, "door3-secret"))
    door4 = PostgresHub(pg_hub.server.url(pg_hub.name, four, "door4-secret"))
    door3.push([checkin("door-3", 1)], "door-3", "")
    door4.push([checkin("door-4", 1)], "door-4", "")
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        rows = conn.execute("SELECT kiosk_id, pushed_by FROM kiosk_hub.log ORDER BY 1").fetchall()
        assert rows == [("door-3", three), ("door-4", four)]
        disable_kiosk_role(conn, three)
        init_hub(conn, f"{pg_hub.name}_kiosk", KIOSK_PASSWORD)  # does not give it back
        with pytest.raises(ValueError, match="not a kiosk role"):
            disable_kiosk_role(conn, f"{pg_hub.name}_kiosk")
    with pytest.raises(HubRefused):
        door3.push([checkin("door-3", 2)], "door-3", "")  # the connection it had open
    with pytest.raises(HubRefused):
        PostgresHub(pg_hub.server.url(pg_hub.name, three, "door3-secret")).info()
    door4.push([checkin("door-4", 2)], "door-4", "")
    assert (door4.own_records("door-3"), door4.own_records("door-4")) == (1, 2)
    door3.close()
    door4.close()
