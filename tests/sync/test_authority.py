"""Online-authoritative admissions: one door wins at the hub, the record it stores there is
the signed one, and a slow or absent hub never holds a scan."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.trust import canonical, record_verifies, sign_record
from kiosk.store.checkins import LogRecord
from kiosk.sync.authority import PostgresAuthority
from kiosk.sync.hub import LOG_FIELDS
from kiosk.sync.pg_connect import split_password, write_passfile
from kiosk.sync.pg_hub import PostgresHub
from kiosk.sync.pg_schema import LOG_INSERT_COLUMNS
from tests.pg_server import PgHub
from tests.sync.pgserver import free_port
from tests.sync.proxy import Proxy

KEY = Ed25519PrivateKey.generate()


def sign(record: LogRecord) -> dict[str, Any]:
    """What kiosk.sync.records.signed_checkin makes: the check-in wire dict, signed."""
    wire = {"k": "checkin", **{name: getattr(record, name) for name in LOG_FIELDS}}
    return {**wire, "sig": sign_record(KEY, wire)}


def entry(kiosk_id: str, n: int, attendee: str = "A1", **changes: Any) -> LogRecord:
    record = LogRecord(
        id=f"{kiosk_id}-{n}", kiosk_id=kiosk_id, hall="main", session_id="keynote",
        direction="entry", verdict="admitted", reason="admitted", attendee_id=attendee,
        code=f"T-{attendee}", at=f"2026-10-14T02:{n % 60:02d}:00.000000+00:00", delta=1,
    )  # fmt: skip
    return dataclasses.replace(record, **changes)


@pytest.fixture
def authorities() -> Iterator[Callable[..., PostgresAuthority]]:
    made: list[PostgresAuthority] = []

    def make(url: str, **options: Any) -> PostgresAuthority:
        authority = PostgresAuthority(url, options.pop("sign", sign), retry_after=0.2, **options)
        made.append(authority)
        return authority

    yield make
    for authority in made:
        authority.close()


def online(make: Callable[..., PostgresAuthority], url: str, **options: Any) -> PostgresAuthority:
    authority = make(url, **options)
    assert authority.wait_online(5), authority.last_error
    return authority


def hub_presence(pg_hub: PgHub, attendee: str, session: str = "keynote") -> tuple[int, int] | None:
    with psycopg.connect(pg_hub.admin) as conn:
        row = conn.execute(
            "SELECT inside, entries FROM kiosk_hub.presence "
            "WHERE attendee_id = %s AND session_id = %s",
            [attendee, session],
        ).fetchone()
    return None if row is None else (row[0], row[1])


def hub_records(pg_hub: PgHub) -> list[dict[str, Any]]:
    hub = PostgresHub(pg_hub.kiosk)
    try:
        return [r for batch in hub.pull_records("", "reader") for r in batch.records]
    finally:
        hub.close()


def test_a_claimed_record_is_stored_signed_exactly_as_the_kiosk_keeps_it(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """The hub holds the signed wire dict of the record the service keeps after a yes
    (offline=False); it verifies, counts as the maker's, and pushed_by is the login role."""
    authority = online(authorities, pg_hub.kiosk)
    record = entry("door-a", 1, clock_offset_ms=1_500)
    assert authority.claim(record, 1.0) is True
    kept = dataclasses.replace(record, offline=False)
    [stored] = hub_records(pg_hub)
    assert canonical(stored) == canonical(sign(kept))
    assert record_verifies(KEY.public_key(), stored)
    with psycopg.connect(pg_hub.admin) as conn:
        assert conn.execute("SELECT pushed_by FROM kiosk_hub.log").fetchall() == [
            (f"{pg_hub.name}_kiosk",)
        ]
    hub = PostgresHub(pg_hub.kiosk)
    assert hub.own_records("door-a") == 1
    hub.close()


def test_second_door_is_refused_and_an_exit_frees_the_badge(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """Door A's claim wins; door B's for the same person and session is refused and not
    stored; after an exit B may admit; claiming a stored record again changes nothing."""
    a, b = online(authorities, pg_hub.kiosk), online(authorities, pg_hub.kiosk)
    assert a.claim(entry("door-a", 1), 1.0) is True
    assert b.claim(entry("door-b", 1), 1.0) is False
    assert b.claim(entry("door-b", 2, attendee="A2"), 1.0) is True
    assert hub_presence(pg_hub, "A1") == (1, 1)
    exit_ = entry("door-a", 3, direction="exit", verdict="exit_recorded", reason="exit", delta=-1)
    assert a.claim(exit_, 1.0) is True
    assert b.claim(entry("door-b", 4), 1.0) is True
    assert a.claim(entry("door-a", 1), 1.0) is True  # already stored: yes, nothing doubled
    assert hub_presence(pg_hub, "A1") == (1, 2)
    assert sorted(r["id"] for r in hub_records(pg_hub)) == [
        "door-a-1", "door-a-3", "door-b-2", "door-b-4"
    ]  # fmt: skip


def test_many_doors_claiming_one_badge_at_once_admit_it_once(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """Six doors claiming the same badge in the same instant: exactly one yes."""
    doors = [online(authorities, pg_hub.kiosk) for _ in range(6)]
    start = threading.Barrier(len(doors))
    answers: list[bool | None] = []

    def claim(n: int) -> None:
        start.wait()
        answers.append(doors[n].claim(entry(f"door{n}", 1, attendee="A2"), 2.0))

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(len(doors))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers, key=str) == [False] * 5 + [True]
    assert hub_presence(pg_hub, "A2") == (1, 1)


def test_a_record_the_hub_cannot_store_is_no_answer(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """Without a signature the hub refuses to store it: the door decides offline (None)."""
    unsigned = online(authorities, pg_hub.kiosk, sign=lambda r: {
        k: v for k, v in sign(r).items() if k != "sig"
    })  # fmt: skip
    assert unsigned.claim(entry("door-a", 1), 1.0) is None
    assert "sig" in str(unsigned.last_error)
    assert hub_records(pg_hub) == []
    assert unsigned.claim(entry("door-a", 2, attendee="A2"), 1.0) is None  # still usable


def test_a_failing_signer_raises_and_leaves_the_authority_usable(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """A bug in signing is not hidden as 'offline', and does not wedge later claims."""
    calls: list[str] = []

    def flaky(record: LogRecord) -> dict[str, Any]:
        calls.append(record.id)
        if len(calls) == 1:
            raise RuntimeError("no key")
        return sign(record)

    authority = online(authorities, pg_hub.kiosk, sign=flaky)
    with pytest.raises(RuntimeError, match="no key"):
        authority.claim(entry("door-a", 1), 1.0)
    assert authority.claim(entry("door-a", 2), 1.0) is True


def test_hung_hub_costs_one_timeout_then_nothing(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """A network that stops answering mid-claim: the claim waits 0.3 s at most, and the next
    ones do not wait at all while it is stuck."""
    proxy = Proxy(pg_hub.server.port)
    authority = online(authorities, proxy.url(pg_hub.kiosk))
    proxy.stalled = True
    started = time.monotonic()
    first = authority.claim(entry("door-a", 1), 0.3)
    first_took = time.monotonic() - started
    started = time.monotonic()
    second = authority.claim(entry("door-a", 2, attendee="A2"), 0.3)
    second_took = time.monotonic() - started
    assert (first, second) == (None, None)
    assert first_took < 0.45 and second_took < 0.1
    proxy.kill()


def test_unreachable_hub_answers_none_at_once(
    authorities: Callable[..., PostgresAuthority],
) -> None:
    """No connection: claim() does not even try (or sign), so an offline scan costs nothing."""
    authority = authorities(f"postgresql://k:p@127.0.0.1:{free_port()}/hub")
    started = time.monotonic()
    assert authority.claim(entry("door-a", 1), 0.3) is None
    assert time.monotonic() - started < 0.05


def test_claims_resume_after_the_hub_restarts(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """The claim connection dies with the server; the worker reconnects on its own."""
    authority = online(authorities, pg_hub.kiosk)
    pg_hub.server.restart()
    authority.claim(entry("door-a", 1), 0.3)  # may be None: the old connection is dead
    assert authority.wait_online(5)
    assert authority.claim(entry("door-a", 2, attendee="A2"), 1.0) is True


def test_claims_connect_with_the_password_from_the_passfile(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority], tmp_path: Path
) -> None:
    """The URL a kiosk stores has no password; the passfile supplies it."""
    url, password = split_password(pg_hub.kiosk)
    assert password is not None
    write_passfile(tmp_path / "pgpass", url, password)
    authority = online(authorities, url, passfile=str(tmp_path / "pgpass"))
    assert authority.claim(entry("door-a", 1), 1.0) is True


def believed(wire: dict[str, Any]) -> bool:
    """This test kiosk believes what KEY signed (the real one checks enrolments too)."""
    return record_verifies(KEY.public_key(), wire)


def forge(pg_hub: PgHub, record: LogRecord, sig: str = "forged") -> None:
    """What anyone with the kiosk role's password can do: insert a row, unsigned."""
    wire = {**sign(record), "sig": sig}
    with psycopg.connect(pg_hub.kiosk, autocommit=True) as conn:
        conn.execute(
            f"INSERT INTO kiosk_hub.log ({LOG_INSERT_COLUMNS}) "
            f"VALUES ({', '.join(['%s'] * (len(LOG_FIELDS) + 1))})",
            [*(wire[name] for name in LOG_FIELDS), wire["sig"]],
        )


def test_forged_rows_marking_someone_inside_do_not_refuse_a_good_badge(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """The hub sums presence from rows it cannot verify: with `verify`, a refusal resting
    only on forged rows becomes no answer (the door decides alone) and is counted; a
    refusal backed by a verified admission stands."""
    forge(pg_hub, entry("door-x", 1, attendee="A1"))
    for n in range(3):
        forge(pg_hub, entry("door-x", 10 + n, attendee="A3"))
    trusting = online(authorities, pg_hub.kiosk)
    checking = online(authorities, pg_hub.kiosk, verify=believed)
    assert trusting.claim(entry("door-a", 1), 1.0) is False  # as the hub says
    assert checking.claim(entry("door-b", 1), 1.0) is None
    assert checking.claim(entry("door-b", 2, attendee="A3"), 1.0) is None
    assert checking.unbacked_refusals == 2
    assert "no record that verifies" in str(checking.last_error)
    assert checking.claim(entry("door-b", 3, attendee="A2"), 1.0) is True
    assert checking.claim(entry("door-c", 1, attendee="A2"), 1.0) is False  # a real admission
    assert checking.unbacked_refusals == 2


def test_a_flood_of_rows_behind_a_refusal_is_not_verified_within_a_scan(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority], monkeypatch: pytest.MonkeyPatch
) -> None:
    """More rows for one person and session than any visitor makes: no answer, unverified."""
    from kiosk.sync import authority as module

    monkeypatch.setattr(module, "MAX_BACKING_ROWS", 3)
    checks: list[str] = []

    def counting(wire: dict[str, Any]) -> bool:
        checks.append(wire["id"])
        return True

    checking = online(authorities, pg_hub.kiosk, verify=counting)
    for n in range(4):
        forge(pg_hub, entry("door-x", n), sig=sign(entry("door-x", n))["sig"])
    assert checking.claim(entry("door-b", 1), 1.0) is None
    assert (checks, checking.unbacked_refusals) == ([], 1)


def test_a_failing_verifier_is_no_answer_and_the_worker_lives_on(
    pg_hub: PgHub, authorities: Callable[..., PostgresAuthority]
) -> None:
    """An exception in verify must not kill the claim thread: the door decides alone."""

    def broken(wire: dict[str, Any]) -> bool:
        raise RuntimeError("bug")

    forge(pg_hub, entry("door-x", 1))
    checking = online(authorities, pg_hub.kiosk, verify=broken)
    assert checking.claim(entry("door-b", 1), 1.0) is None
    assert "bug" in str(checking.last_error)
    assert checking.claim(entry("door-b", 2, attendee="A2"), 1.0) is True
