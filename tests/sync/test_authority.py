"""Online-authoritative admissions: one door wins at the hub, and a slow hub never holds a scan."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import psycopg
import pytest

from kiosk.domain.decision import Verdict
from kiosk.store import sync_state
from kiosk.sync.authority import PostgresAuthority
from tests.pg_server import PgHub
from tests.sync.conftest import Kiosk, Venue, assert_converged, fake_records
from tests.sync.proxy import Proxy

Code = Callable[..., str]


@pytest.fixture
def pg_venue(
    pg_hub: PgHub, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk]
) -> Venue:
    published(pg_hub.admin)
    return Venue(pg_hub.admin, pg_hub.kiosk, published, kiosk_factory)


@pytest.fixture
def authorities() -> Iterator[Callable[[str], PostgresAuthority]]:
    made: list[PostgresAuthority] = []

    def make(url: str) -> PostgresAuthority:
        authority = PostgresAuthority(url, retry_after=0.2)
        made.append(authority)
        return authority

    yield make
    for authority in made:
        authority.close()


def hub_presence(pg_hub: PgHub, attendee: str, session: str) -> tuple[int, int] | None:
    with psycopg.connect(pg_hub.admin) as conn:
        row = conn.execute(
            "SELECT inside, entries FROM kiosk_hub.presence "
            "WHERE attendee_id = %s AND session_id = %s",
            [attendee, session],
        ).fetchone()
    return None if row is None else (row[0], row[1])


def test_second_door_is_refused_online_and_nothing_doubles_after_sync(
    pg_venue: Venue, pg_hub: PgHub, authorities: Callable[[str], PostgresAuthority], code_for: Code
) -> None:
    """Door A claims the badge at the hub; door B is told 'inside at another door', online."""
    a, b = pg_venue.kiosk("a"), pg_venue.kiosk("b")
    auth_a, auth_b = authorities(pg_hub.kiosk), authorities(pg_hub.kiosk)
    assert auth_a.wait_online(5) and auth_b.wait_online(5)
    first = a.service("14 10:00", authority=auth_a).scan(code_for("A1"), "main")
    second = b.service("14 10:01", authority=auth_b).scan(code_for("A1"), "main")
    assert (first.verdict, first.offline) == (Verdict.ADMITTED, False)
    assert (second.verdict, second.reason, second.offline) == (
        Verdict.ALREADY_INSIDE,
        "inside_at_another_door",
        False,
    )
    for kiosk in (a, b, a):
        kiosk.sync(pg_hub.kiosk)
    assert_converged(a.db, b.db)
    assert hub_presence(pg_hub, "A1", "keynote") == (1, 1)
    assert sync_state.conflicts(a.db, []) == []


def test_many_doors_claiming_one_badge_at_once_admit_it_once(
    pg_venue: Venue, pg_hub: PgHub, authorities: Callable[[str], PostgresAuthority], code_for: Code
) -> None:
    """Six doors scanning the same badge in the same instant: exactly one admission."""
    doors = [pg_venue.kiosk(f"door{n}") for n in range(6)]
    services = []
    for door in doors:
        authority = authorities(pg_hub.kiosk)
        assert authority.wait_online(5)
        services.append(door.service("14 10:00", authority=authority))
    start = threading.Barrier(len(services))
    verdicts: list[Verdict] = []

    def scan(service: object) -> None:
        start.wait()
        verdicts.append(service.scan(code_for("A2"), "main").verdict)  # type: ignore[attr-defined]

    threads = [threading.Thread(target=scan, args=(s,)) for s in services]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(v.value for v in verdicts) == ["admitted"] + ["already_inside"] * 5
    assert hub_presence(pg_hub, "A2", "keynote") == (1, 1)


def test_hung_hub_costs_one_timeout_then_nothing(
    pg_venue: Venue, pg_hub: PgHub, authorities: Callable[[str], PostgresAuthority], code_for: Code
) -> None:
    """A network that stops answering mid-claim: the scan waits 0.3 s at most, decides offline,
    and the next scans do not wait at all while the claim is stuck."""
    proxy = Proxy(pg_hub.server.port)
    a = pg_venue.kiosk("a")
    authority = authorities(proxy.url(pg_hub.kiosk))
    assert authority.wait_online(5)
    service = a.service("14 10:00", authority=authority)
    proxy.stalled = True
    started = time.monotonic()
    first = service.scan(code_for("A1"), "main")
    first_took = time.monotonic() - started
    started = time.monotonic()
    second = service.scan(code_for("A2"), "main")
    second_took = time.monotonic() - started
    assert (first.verdict, first.offline, second.verdict, second.offline) == (
        Verdict.ADMITTED,
        True,
        Verdict.ADMITTED,
        True,
    )
    assert first_took < 0.45 and second_took < 0.1
    proxy.kill()


def test_unreachable_hub_answers_none_at_once(
    authorities: Callable[[str], PostgresAuthority],
) -> None:
    """No connection: claim() does not even try, so an offline scan costs nothing extra."""
    from tests.sync.pgserver import free_port

    authority = authorities(f"postgresql://k:p@127.0.0.1:{free_port()}/hub")
    started = time.monotonic()
    assert authority.claim(fake_records("ka", 1)[0], 0.3) is None
    assert time.monotonic() - started < 0.05


def test_claims_resume_after_the_hub_restarts(
    pg_venue: Venue, pg_hub: PgHub, authorities: Callable[[str], PostgresAuthority], code_for: Code
) -> None:
    """The claim connection dies with the server; the worker reconnects on its own."""
    a = pg_venue.kiosk("a")
    authority = authorities(pg_hub.kiosk)
    assert authority.wait_online(5)
    pg_hub.server.restart()
    service = a.service("14 10:00", authority=authority)
    service.scan(code_for("A1"), "main")  # may be decided offline: the old connection is dead
    assert authority.wait_online(5)
    decision = service.scan(code_for("A2"), "main")
    assert (decision.verdict, decision.offline) == (Verdict.ADMITTED, False)
