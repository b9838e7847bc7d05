"""A door keeps no e-mail addresses (issue 11, data at rest): a laptop stolen from a door
does not hand them over."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.trust import Role
from tests.sync.conftest import Kiosk, Venue


@pytest.fixture
def stick(
    folder_hub: str, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk],
    db: Database, organiser_root: Ed25519PrivateKey,
) -> Venue:  # fmt: skip
    published(folder_hub)
    return Venue(folder_hub, folder_hub, published, kiosk_factory, db, organiser_root)


def emails(db: Database) -> tuple[int, int]:
    """(attendees with an e-mail, search texts with an '@')."""
    return (
        db.execute("SELECT count(*) FROM attendees WHERE email != ''").fetchone()[0],
        db.execute("SELECT count(*) FROM attendees WHERE search LIKE '%@%'").fetchone()[0],
    )


def test_a_door_holds_no_email_addresses_a_desk_does(stick: Venue) -> None:
    """Enrolled as a door: no e-mail in its attendee table nor its search text; a desk
    (which finds people by e-mail) keeps them."""
    door = stick.kiosk("door")
    desk = stick.kiosk("desk", role=Role.DESK)
    assert emails(door.db) == (0, 0)
    assert emails(desk.db)[0] == 6


def test_a_kiosk_enrolled_as_a_door_after_provisioning_forgets_them(stick: Venue) -> None:
    """Provisioned before its enrolment (e-mails kept), enrolled as a door: they go, and
    search still finds people by name."""
    from kiosk.store import search

    late = stick.kiosk("late", role=None)
    assert emails(late.db)[0] == 6
    stick.enrol(late)
    stick.republish()
    late.sync(stick.location)
    assert emails(late.db) == (0, 0)
    assert [a.id for a in search.search(late.db, "Groß").attendees] == ["A3"]
