"""The PostgreSQL hub: one clear message per failure, and a kiosk role that can only append."""

from __future__ import annotations

import time
from collections.abc import Callable

import psycopg
import pytest
from sqlite_utils import Database

from kiosk.domain.decision import Verdict
from kiosk.domain.event import Event
from kiosk.sync.errors import HubMismatch, HubNotReady, HubRefused, HubUnreachable
from kiosk.sync.hub import open_hub
from kiosk.sync.pg_schema import init_hub
from kiosk.sync.publish import publish
from tests.pg_server import KIOSK_PASSWORD, PgHub
from tests.sync.conftest import Kiosk, as_rows, fake_records
from tests.sync.pgserver import PgServer, free_port

Code = Callable[..., str]


@pytest.fixture
def kiosk(
    pg_hub: PgHub, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk]
) -> Kiosk:
    published(pg_hub.admin)
    made = kiosk_factory("k")
    made.sync(pg_hub.kiosk)
    return made


def test_wrong_password_is_one_clear_line_and_the_kiosk_keeps_scanning(
    pg_hub: PgHub, kiosk: Kiosk, code_for: Code
) -> None:
    """Bad credentials: a refusal naming the hub, no password echoed; scans go on offline."""
    wrong = pg_hub.kiosk.replace(KIOSK_PASSWORD, "not-the-password")
    with pytest.raises(HubRefused) as caught:
        kiosk.sync(wrong)
    message = str(caught.value)
    assert message == (
        f"postgresql://{pg_hub.name}_kiosk@127.0.0.1:{pg_hub.server.port}/{pg_hub.name}: "
        "the hub refused the user name or password"
    )
    assert kiosk.service().scan(code_for("A1"), "main").verdict is Verdict.ADMITTED


def test_unreachable_host_is_one_clear_line_quickly(kiosk: Kiosk) -> None:
    """Nobody listening: 'cannot reach the hub' within the connect timeout, no traceback."""
    started = time.monotonic()
    with pytest.raises(
        HubUnreachable, match=r"^cannot reach the hub at postgresql://x@127\.0\.0\.1:"
    ):
        kiosk.sync(f"postgresql://x:y@127.0.0.1:{free_port()}/hub")
    assert time.monotonic() - started < 3.5


def test_database_without_a_hub_says_to_run_hub_init(
    pg_server: PgServer, kiosk_factory: Callable[..., Kiosk]
) -> None:
    """A plain database is not mistaken for a hub."""
    with pytest.raises(HubNotReady, match="is not a kiosk hub: run 'kiosk hub init"):
        kiosk_factory("k").sync(pg_server.url("postgres"))


def test_hub_of_another_event_is_refused_both_ways(
    pg_hub: PgHub, kiosk: Kiosk, db: Database, event: Event
) -> None:
    """A kiosk of another event, or an organiser publishing another event, gets one message."""
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        conn.execute("UPDATE kiosk_hub.meta SET value = 'other-2026' WHERE key = 'event_id'")
    with pytest.raises(
        HubMismatch, match="is the hub of event 'other-2026', but this kiosk serves 'tiny-2026'"
    ):
        kiosk.sync(pg_hub.kiosk)
    hub = open_hub(pg_hub.admin)
    with pytest.raises(HubMismatch, match="serves event 'other-2026', not 'tiny-2026'"):
        publish(db, hub, event, full=True)
    hub.close()


def test_hub_without_an_event_asks_for_a_publish_first(
    pg_hub: PgHub, kiosk_factory: Callable[..., Kiosk]
) -> None:
    """Provisioning before the organiser published: told what to do."""
    with pytest.raises(HubNotReady, match="has no event yet"):
        kiosk_factory("k").sync(pg_hub.kiosk)


def test_kiosk_role_reads_and_appends_and_nothing_else(
    pg_hub: PgHub, kiosk: Kiosk, db: Database, event: Event
) -> None:
    """Least privilege: no update, delete or truncate of the log, no writes to organiser data."""
    kiosk.sync(pg_hub.kiosk)
    with psycopg.connect(pg_hub.kiosk, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM kiosk_hub.attendees").fetchone() == (6,)
        for statement in (
            "UPDATE kiosk_hub.log SET verdict = 'admitted'",
            "DELETE FROM kiosk_hub.log",
            "TRUNCATE kiosk_hub.log",
            "UPDATE kiosk_hub.attendees SET cancelled = true",
            "INSERT INTO kiosk_hub.revocations VALUES ('A1', 9, 'x', 'y')",
            "DELETE FROM kiosk_hub.public_keys",
            "UPDATE kiosk_hub.meta SET value = 'x'",
            "SELECT * FROM kiosk_hub.presence",
            "CREATE TABLE kiosk_hub.mine (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    hub = open_hub(pg_hub.kiosk)
    with pytest.raises(HubRefused, match="may not do that"):
        publish(db, hub, event, full=True)
    hub.close()


def test_the_log_is_append_only_even_for_the_owner(pg_hub: PgHub, kiosk: Kiosk) -> None:
    """A trigger refuses changes to merged records, whoever asks."""
    hub = open_hub(pg_hub.kiosk)
    hub.push(as_rows(fake_records("ka", 1)), [], "ka", "")
    hub.close()
    with (
        psycopg.connect(pg_hub.admin, autocommit=True) as conn,
        pytest.raises(psycopg.errors.RaiseException, match="append-only"),
    ):
        conn.execute("DELETE FROM kiosk_hub.log")


def test_hub_init_twice_keeps_data_and_resets_the_kiosk_password(
    pg_hub: PgHub, kiosk: Kiosk
) -> None:
    """Running init again is harmless: same hub id, records kept, new password works."""
    hub = open_hub(pg_hub.kiosk)
    before = hub.info()
    hub.push(as_rows(fake_records("ka", 3)), [], "ka", "")
    hub.close()
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        assert init_hub(conn, f"{pg_hub.name}_kiosk", "new-password") == before.hub_id
        assert conn.execute("SELECT count(*) FROM kiosk_hub.log").fetchone() == (3,)
    assert kiosk.sync(pg_hub.kiosk.replace(KIOSK_PASSWORD, "new-password")).pulled == 3


def test_cursors_follow_transaction_order_across_powers_of_ten(
    pg_hub: PgHub,
    kiosk: Kiosk,
    kiosk_factory: Callable[..., Kiosk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows of transactions 9 and 10, 99 and 100... all arrive in batches of two (positions are
    compared as transaction ids, never as text)."""
    from kiosk.sync import pg_hub as backend
    from kiosk.sync.pg_schema import LOG_INSERT_COLUMNS

    monkeypatch.setattr(backend, "RECORD_BATCH", 2)
    monkeypatch.setattr(backend, "ATTENDEE_BATCH", 2)
    txs = [8, 9, 10, 11, 98, 99, 100, 101]  # below the server's own counter: all final
    records = fake_records("kx", len(txs))
    marks = ", ".join(["%s"] * 17)
    with psycopg.connect(pg_hub.admin, autocommit=True) as conn:
        for tx, row in zip(txs, as_rows(records), strict=True):
            conn.execute(
                f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}, tx) VALUES ({marks}, %s::xid8)",
                [*row, "kx", str(tx)],
            )
            conn.execute(
                "INSERT INTO kiosk_hub.attendees (id, first_name, last_name, company, email, "
                "position, type, badge_issue, cancelled, registrations, tx) "
                "VALUES (%s, 'N', 'N', '', '', '', 'visitor', 1, false, '[]', %s::xid8)",
                [f"T{tx}", str(tx)],
            )
    fresh = kiosk_factory("fresh")
    report = fresh.sync(pg_hub.kiosk)
    assert (report.pulled, report.attendees) == (len(txs), 6 + len(txs))
    assert fresh.ids() == {r.id for r in records}
