"""pretix data travels like kiosk's own keys: the organiser's trusted pretix keys, product
map, event date, revoked and blocked secrets reach a door through publish/sync, and
nothing but a publication the organiser signed can set them (docs/trust.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain import pretix_sig1
from kiosk.domain.trust import key_text
from kiosk.store import events, pretix
from kiosk.store.db import write
from kiosk.sync.folder import FolderHub
from kiosk.sync.hub import SignedPart
from kiosk.sync.publish import publish
from tests.pg_server import Publisher
from tests.sync.conftest import Kiosk, Venue
from tests.sync.test_attacks import forged_part, rogue_log

PRETIX = Ed25519PrivateKey.generate()  # the event's pretix signing key


@pytest.fixture
def stick(
    folder_hub: str, published: Publisher, kiosk_factory: Callable[..., Kiosk], db: Database,
    organiser_root: Ed25519PrivateKey,
) -> Venue:  # fmt: skip
    """A USB stick (folder hub) with the organiser's data published on it."""
    published(folder_hub)
    return Venue(folder_hub, folder_hub, published, kiosk_factory, db, organiser_root)


def ticket(item: int = 1, by: Ed25519PrivateKey = PRETIX, seed: str = "Trav1") -> str:
    payload = pretix_sig1.encode_ticket(seed, item)
    return pretix_sig1.pack(payload, by.sign(payload))


def verdicts(door: Kiosk, *secrets: str, when: str = "14 10:00") -> list[tuple[str, str]]:
    service = door.service(when)
    results = []
    for secret in secrets:
        decision = service.scan(secret, "floor")
        results.append((decision.verdict.value, decision.reason))
    return results


def test_pretix_data_reaches_the_door_and_follows_changes(stick: Venue, db: Database) -> None:
    """Keys, map, date and lists set on the organiser's machine decide at the door after a
    sync; a later unblock and a new revocation travel too."""
    door = stick.kiosk("door")
    revoked, blocked = ticket(seed="Rev1"), ticket(seed="Blk1")
    with write(db):
        pretix.trust_key(db, pretix_sig1.pem_b64(PRETIX.public_key()))
        pretix.set_items(db, {"1": "visitor", "Press pass": "staff"})
        pretix.set_item_names(db, {5: "Press pass"})
        pretix.add_revoked(db, [revoked])
        pretix.set_blocked(db, [blocked], True)
    stick.republish()
    door.sync(stick.location)
    first = verdicts(door, ticket(), revoked, blocked, ticket(item=5, seed="Press"))
    with write(db):
        pretix.set_blocked(db, [blocked], False)
        pretix.add_revoked(db, [ticket(seed="Late")])
    stick.republish()
    door.sync(stick.location)
    later = verdicts(door, blocked, ticket(seed="Late"), when="14 10:05")
    assert first == [
        ("admitted", "admitted"),
        ("revoked", "ticket_revoked"),
        ("revoked", "ticket_blocked"),
        ("admitted", "admitted"),
    ]
    assert later == [("admitted", "admitted"), ("revoked", "ticket_revoked")]
    assert pretix.item_type(door.db, 5, "Press pass") == "staff"


def test_a_distrusted_key_and_the_event_date_travel(stick: Venue, db: Database) -> None:
    """A key the organiser stops trusting is refused as unknown_key at the door."""
    door = stick.kiosk("door")
    old, new = Ed25519PrivateKey.generate(), PRETIX
    with write(db):
        kid = pretix.trust_key(db, pretix_sig1.pem_b64(old.public_key()))
        pretix.trust_key(db, pretix_sig1.pem_b64(new.public_key()))
        pretix.distrust_key(db, kid)
        pretix.set_items(db, {"1": "visitor"})
        pretix.set_subevent(db, 3)
    stick.republish()
    door.sync(stick.location)
    payload = pretix_sig1.encode_ticket("Date3", 1, subevent=3)
    other_date = pretix_sig1.encode_ticket("Date4", 1, subevent=4)
    assert verdicts(
        door,
        ticket(by=old, seed="Old"),
        pretix_sig1.pack(payload, new.sign(payload)),
        pretix_sig1.pack(other_date, new.sign(other_date)),
    ) == [
        ("invalid_code", "unknown_key"),
        ("admitted", "admitted"),
        ("other_event", "other_date"),
    ]


def _attacker_key() -> str:
    return pretix_sig1.pem_b64(Ed25519PrivateKey.generate().public_key())


EVIL = Ed25519PrivateKey.generate()
ATTACKS: dict[str, list[dict[str, Any]]] = {
    "the attacker's pretix key": [
        {"k": "pretix_keys", "trusted": [pretix_sig1.pem_b64(EVIL.public_key())],
         "distrusted": [], "subevent": 0}
    ],
    "every product made staff": [{"k": "pretix_items", "map": {"1": "staff"}, "names": {}}],
    "a blocked ticket unblocked": [
        {"k": "pretix_secret", "secret": ticket(seed="Blk2"), "state": "unblocked"}
    ],
}  # fmt: skip


def _setup(db: Database, stick: Venue) -> Kiosk:
    door = stick.kiosk("door")
    with write(db):
        pretix.trust_key(db, pretix_sig1.pem_b64(PRETIX.public_key()))
        pretix.set_items(db, {"1": "visitor"})
        pretix.set_blocked(db, [ticket(seed="Blk2")], True)
    stick.republish()
    door.sync(stick.location)
    return door


def _door_state(door: Kiosk) -> tuple[object, ...]:
    """The door's pretix data and what it decides now, on a copy (so that asking twice is
    not the same scan seen again)."""
    copy = door.path.with_name(f"probe-{door.path.name}")
    copy.unlink(missing_ok=True)
    door.db.execute("VACUUM INTO ?", [str(copy)])
    probe = Kiosk(copy)
    state = (
        pretix.trusted_keys(probe.db),
        pretix.items(probe.db),
        pretix.blocked(probe.db),
        verdicts(probe, ticket(seed="Blk2"), ticket(by=EVIL, seed="Evil1")),
    )
    probe.db.conn.close()
    copy.unlink()
    return state


@pytest.mark.parametrize("what", list(ATTACKS))
def test_a_pretix_item_signed_by_anyone_but_the_organiser_changes_nothing(
    stick: Venue, db: Database, what: str
) -> None:
    """A forged organiser file on the stick setting a pretix key, the product map or a
    blocked secret is refused whole and reported; the door decides as before."""
    door = _setup(db, stick)
    before = _door_state(door)
    FolderHub(stick.location).publish_part(forged_part(EVIL, ATTACKS[what]))
    report = door.sync(stick.location)
    assert any("refused organiser publication 50 part 1" in p for p in report.problems)
    assert _door_state(door) == before
    assert before[3] == [("revoked", "ticket_blocked"), ("invalid_code", "forged")]


def test_an_unsigned_pretix_key_item_is_refused(stick: Venue, db: Database) -> None:
    """The organiser's header and root, but no valid signature over the items."""
    door = _setup(db, stick)
    before = _door_state(door)
    part = forged_part(EVIL, ATTACKS["the attacker's pretix key"])
    statement = {**part.statement, "root": key_text(stick.root.public_key())}
    FolderHub(stick.location).publish_part(SignedPart(statement, "", part.items))
    report = door.sync(stick.location)
    assert report.problems and _door_state(door) == before


MALFORMED: dict[str, dict[str, Any]] = {
    "a junk key": {"k": "pretix_keys", "trusted": ["bm90IGEga2V5"], "distrusted": [],
                   "subevent": 0},
    "nine keys": {"k": "pretix_keys", "trusted": [_attacker_key() for _ in range(9)],
                  "distrusted": [], "subevent": 0},
    "a negative date": {"k": "pretix_keys", "trusted": [], "distrusted": [], "subevent": -1},
    "an extra field": {"k": "pretix_items", "map": {}, "names": {}, "sql": "DROP TABLE x"},
    "a huge map": {"k": "pretix_items", "map": {str(i): "staff" for i in range(1001)},
                   "names": {}},
    "names not by id": {"k": "pretix_items", "map": {}, "names": {"Day": "x"}},
    "a control character": {"k": "pretix_secret", "secret": "ab\ncd", "state": "revoked"},
    "an unknown state": {"k": "pretix_secret", "secret": "abcd", "state": "forgiven"},
    "a huge secret": {"k": "pretix_secret", "secret": "a" * 5000, "state": "blocked"},
}  # fmt: skip


@pytest.mark.parametrize("what", list(MALFORMED))
def test_malformed_pretix_items_are_refused_even_from_the_organiser(
    stick: Venue, db: Database, what: str
) -> None:
    """Signed by the organiser's own root but off the strict schema: refused whole."""
    door = _setup(db, stick)
    before = _door_state(door)
    FolderHub(stick.location).publish_part(forged_part(stick.root, [MALFORMED[what]], 90, 0))
    report = door.sync(stick.location)
    assert any("malformed" in p for p in report.problems), report.problems
    assert _door_state(door) == before


def test_a_kiosk_cannot_send_pretix_data(stick: Venue, db: Database) -> None:
    """A pretix item in a kiosk's log folder (the stick's other half) is no record kind:
    refused, reported, nothing changes."""
    door = _setup(db, stick)
    before = _door_state(door)
    rogue_log(stick.location, door.id, [dict(ATTACKS["the attacker's pretix key"][0])], 99)
    door.sync(stick.location)
    assert _door_state(door) == before


def test_publish_sends_pretix_items_only_when_they_change(
    stick: Venue, db: Database, organiser_root: Ed25519PrivateKey
) -> None:
    """A second publish without changes sends no pretix item again."""
    with write(db):
        pretix.trust_key(db, pretix_sig1.pem_b64(PRETIX.public_key()))
        pretix.add_revoked(db, ["r1", "r2"])
    hub = FolderHub(stick.location)
    loaded = events.load_event(db)
    assert loaded is not None
    first = publish(db, hub, loaded, root=organiser_root)
    second = publish(db, hub, loaded, root=organiser_root)
    assert (first.pretix, second.pretix) == (3, 0)
