"""pretix tickets at the door: signed (pretix_sig1) ones verified offline against the
event's trusted pretix keys, unsigned ones by lookup; every verdict the issue names, and
secrets typed wrongly by a keyboard-wedge scanner (QWERTZ, caps lock)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain import pretix_sig1
from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Decision, Direction, Verdict
from kiosk.scanning.wedge import KeyboardWedge
from kiosk.service import pretix_door
from kiosk.service.checkin import CheckInService
from kiosk.store import attendees, pretix
from kiosk.store.db import write
from kiosk.ui.verdicts import refusal_text
from tests.conftest import at
from tests.domain.test_pretix_sig1 import K0, K1, VECTORS

NOW = at("14 10:00")  # the keynote in the main hall admits
UNSIGNED = "q8kz3rw7ydmvx2p9hbn4tfj6c5egsay1"  # pretix's random secrets: a-z, 0-9


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def door(db: Database, key: Ed25519PrivateKey, service: CheckInService) -> CheckInService:
    """The tiny event with one trusted pretix key; product 1 is a delegate, 2 a visitor."""
    with write(db):
        pretix.trust_key(db, pretix_sig1.pem_b64(key.public_key()))
        pretix.set_items(db, {"1": "delegate", "2": "visitor"})
    return service


Ticketer = Callable[..., str]


@pytest.fixture
def ticket(key: Ed25519PrivateKey) -> Ticketer:
    """A pretix_sig1 secret in pretix's format, signed by the trusted key (or `by`)."""
    seeds = iter(range(10_000))

    def make(item: int = 1, by: Ed25519PrivateKey | None = None, **fields: int) -> str:
        payload = pretix_sig1.encode_ticket(f"Seed{next(seeds):05d}", item, **fields)
        return pretix_sig1.pack(payload, (by or key).sign(payload))

    return make


def _scan(door: CheckInService, text: str, hall: str = "main", **kw: object) -> Decision:
    return door.scan(text, hall, at=kw.pop("when", NOW), **kw)  # type: ignore[arg-type]


def _said(decision: Decision) -> tuple[Verdict, str]:
    return decision.verdict, decision.reason


def test_a_signed_ticket_not_in_the_list_is_admitted_with_a_warning(
    door: CheckInService, ticket: Ticketer
) -> None:
    """Validly signed, unknown locally: admitted as its product's type, with the warning,
    and the hall's rules apply (single entry: already inside the second time)."""
    secret = ticket(item=1)
    first = _scan(door, secret)
    again = _scan(door, secret, when=at("14 10:01"))
    assert (_said(first), first.warnings, first.attendee and first.attendee.type) == (
        (Verdict.ADMITTED, "admitted"),
        ("not_in_local_list",),
        "delegate",
    )
    assert _said(again) == (Verdict.ALREADY_INSIDE, "already_inside")


def test_the_longest_seed_still_makes_an_id_a_log_record_carries(
    door: CheckInService, key: Ed25519PrivateKey
) -> None:
    """A seed of 48 characters enters, and its attendee id fits the sync schema's 64; a
    longer seed is malformed (no record anyone else would refuse)."""
    longest, longer = (pretix_sig1.encode_ticket("S" * n, 1) for n in (48, 49))
    admitted = _scan(door, pretix_sig1.pack(longest, key.sign(longest)))
    refused = _scan(door, pretix_sig1.pack(longer, key.sign(longer)))
    assert admitted.attendee is not None and len(admitted.attendee.id) <= 64
    assert (_said(admitted), _said(refused)) == (
        (Verdict.ADMITTED, "admitted"),
        (Verdict.INVALID_CODE, "malformed"),
    )


def test_its_type_meets_the_hall_rules(door: CheckInService, ticket: Ticketer) -> None:
    """A visitor's ticket (product 2) opens the floor, not the main hall."""
    secret = ticket(item=2)
    assert [_said(_scan(door, secret, hall)) for hall in ("main", "floor")] == [
        (Verdict.NOT_REGISTERED, "type_not_allowed"),
        (Verdict.ADMITTED, "admitted"),
    ]


def test_a_signed_ticket_in_the_list_is_that_attendee(
    door: CheckInService, db: Database, ticket: Ticketer
) -> None:
    """A secret imported as an attendee's ticket code identifies them: no warning."""
    secret = ticket(item=2)  # the product says visitor; the list says delegate
    with write(db):
        attendees.save(db, Attendee("P1", "Eva", "Roth", "ACME", "", "delegate", secret))
    decision = _scan(door, secret)
    assert (_said(decision), decision.warnings, decision.attendee and decision.attendee.id) == (
        (Verdict.ADMITTED, "admitted"),
        (),
        "P1",
    )


def test_an_altered_ticket_is_forged(door: CheckInService, ticket: Ticketer) -> None:
    """One product id changed in the payload (signature kept) is forged."""
    good = pretix_sig1.unpack(ticket(item=2))
    assert isinstance(good, pretix_sig1.Ticket)
    altered = pretix_sig1.encode_ticket(good.seed, 1)
    assert _said(_scan(door, pretix_sig1.pack(altered, good.signature))) == (
        Verdict.INVALID_CODE,
        "forged",
    )


def test_the_public_forged_vector_is_forged(door: CheckInService, db: Database) -> None:
    """libpretixsync's 'EFAKE' vector, with the key of the code it was made from trusted."""
    with write(db):
        pretix.trust_key(db, K0)
    assert _said(_scan(door, "EFAKE" + VECTORS[0][0][5:])) == (Verdict.INVALID_CODE, "forged")


def test_untrusted_keys(
    door: CheckInService, db: Database, key: Ed25519PrivateKey, ticket: Ticketer
) -> None:
    """A key this event stopped trusting gives unknown_key; so does any key on a kiosk that
    trusts none; a key never seen beside a trusted one cannot be told from a forgery."""
    stranger = Ed25519PrivateKey.generate()
    unseen = _said(_scan(door, ticket(by=stranger)))
    with write(db):
        old = pretix.trust_key(db, pretix_sig1.pem_b64(stranger.public_key()))
        pretix.distrust_key(db, old)
    distrusted = _said(_scan(door, ticket(by=stranger)))
    with write(db):
        pretix.distrust_key(db, pretix.key_id(key.public_key()))
    none_trusted = _said(_scan(door, ticket()))
    assert (unseen, distrusted, none_trusted) == (
        (Verdict.INVALID_CODE, "forged"),
        (Verdict.INVALID_CODE, "unknown_key"),
        (Verdict.INVALID_CODE, "unknown_key"),
    )


def test_revoked_and_blocked_signed_tickets(
    door: CheckInService, db: Database, ticket: Ticketer
) -> None:
    """Revoked and blocked are refused with their own reasons; an unblocked one enters."""
    revoked, blocked = ticket(), ticket()
    with write(db):
        pretix.add_revoked(db, [revoked])
        pretix.set_blocked(db, [blocked], True)
    before = [_said(_scan(door, s)) for s in (revoked, blocked)]
    with write(db):
        pretix.set_blocked(db, [blocked], False)
    after = _said(_scan(door, blocked, when=at("14 10:02")))
    assert (before, after) == (
        [(Verdict.REVOKED, "ticket_revoked"), (Verdict.REVOKED, "ticket_blocked")],
        (Verdict.ADMITTED, "admitted"),
    )


def test_the_validity_window(door: CheckInService, ticket: Ticketer) -> None:
    """Before validFrom: not yet valid; after validUntil: expired; an exit is let out
    either way (as pretix's scanner does); inside the window it enters."""
    now = int(NOW.timestamp())
    early = ticket(valid_from=now + 3600)
    late = ticket(valid_until=now - 60)
    inside = ticket(valid_from=now - 60, valid_until=now + 60)
    unlimited = ticket(valid_from=0, valid_until=0)  # present but 0: no limit
    results = [_said(_scan(door, s)) for s in (early, late, inside, unlimited)]
    leaving = _scan(door, late, direction=Direction.EXIT, when=at("14 10:30"))
    assert results == [
        (Verdict.OUTSIDE_WINDOW, "ticket_not_yet_valid"),
        (Verdict.OUTSIDE_WINDOW, "ticket_expired"),
        (Verdict.ADMITTED, "admitted"),
        (Verdict.ADMITTED, "admitted"),
    ]
    assert leaving.verdict is Verdict.EXIT_RECORDED


def test_an_unmapped_product_is_not_registered_and_shows_the_product(
    door: CheckInService, db: Database, ticket: Ticketer
) -> None:
    """Product 99 maps to no type: not_registered, the product id in the decision and in
    the words on the screen, also when the same ticket is shown again at once."""
    with write(db):
        pretix.set_item_names(db, {99: "Workshop add-on"})
    secret = ticket(item=99)
    first, repeat = _scan(door, secret), _scan(door, secret)
    assert (_said(first), first.extra, repeat.repeat, repeat.extra) == (
        (Verdict.NOT_REGISTERED, "unmapped_product"),
        {"pretix_item": 99, "pretix_item_name": "Workshop add-on"},
        True,
        first.extra,
    )
    assert "99" in refusal_text(first) and "Workshop add-on" in refusal_text(first)
    assert first.to_json()["pretix_item"] == 99


def test_a_product_mapped_by_name(door: CheckInService, db: Database, ticket: Ticketer) -> None:
    """A map by product name applies once pretix's product names are known here."""
    with write(db):
        pretix.set_items(db, {"Staff pass": "staff"})
        pretix.set_item_names(db, {7: "Staff pass"})
    decision = _scan(door, ticket(item=7))
    assert (_said(decision), decision.attendee and decision.attendee.type) == (
        (Verdict.ADMITTED, "admitted"),
        "staff",
    )


def test_a_ticket_for_another_date_of_the_series(
    door: CheckInService, db: Database, ticket: Ticketer
) -> None:
    """With the event's pretix date set, a ticket for another date is of another event;
    with none set, any date enters (a check-in list for all dates)."""
    any_date = _said(_scan(door, ticket(subevent=15)))
    with write(db):
        pretix.set_subevent(db, 14)
    results = [_said(_scan(door, ticket(subevent=s))) for s in (15, 14)]
    assert (any_date, results) == (
        (Verdict.ADMITTED, "admitted"),
        [(Verdict.OTHER_EVENT, "other_date"), (Verdict.ADMITTED, "admitted")],
    )


def test_public_vectors_at_the_door(door: CheckInService, db: Database) -> None:
    """libpretixsync's vectors with K1 trusted: product 42 enters; the one valid until
    February 2023 is expired; the one valid from then on enters."""
    with write(db):
        pretix.trust_key(db, K1)
        pretix.set_items(db, {"42": "delegate"})
    product42, valid_from, valid_until = (v[0] for v in VECTORS[1:])
    assert [_said(_scan(door, s)) for s in (product42, valid_from, valid_until)] == [
        (Verdict.ADMITTED, "admitted"),
        (Verdict.ADMITTED, "admitted"),
        (Verdict.OUTSIDE_WINDOW, "ticket_expired"),
    ]


# What a host types for a scanner's keys: a QWERTZ layout swaps Y and Z; caps lock
# inverts letters' case. The wedge turns the keys into a code, as at a door.
def _typed(secret: str, qwertz: bool, caps: bool) -> str:
    keys = secret.translate(str.maketrans("YZyz", "ZYzy")) if qwertz else secret
    keys = keys.swapcase() if caps else keys
    events = []
    wedge = KeyboardWedge()
    for i, key in enumerate(keys + "\r"):
        events += wedge.feed(key, 10.0 + i * 0.004)
    assert len(events) == 1
    return events[0].text


def _with_y_and_z(ticket: Ticketer) -> str:
    for _ in range(200):
        secret = ticket()
        if any(c in secret for c in "Yy") and any(c in secret for c in "Zz"):
            return secret
    raise AssertionError("no secret with Y and Z in 200 tries")


@pytest.mark.parametrize(("qwertz", "caps"), [(False, True), (True, False), (True, True)])
def test_wedge_variants_are_repaired_when_one_verifies(
    door: CheckInService, ticket: Ticketer, qwertz: bool, caps: bool
) -> None:
    """A secret typed on QWERTZ, with caps lock, or both, is admitted as the real secret;
    what was typed is what the log keeps."""
    secret = _with_y_and_z(ticket)
    typed = _typed(secret, qwertz, caps)
    decision = _scan(door, typed)
    assert typed != secret
    assert (_said(decision), decision.attendee and decision.attendee.ticket_code) == (
        (Verdict.ADMITTED, "admitted"),
        secret,
    )


def test_a_wedge_repaired_secret_still_meets_the_lists(
    door: CheckInService, db: Database, ticket: Ticketer
) -> None:
    """Caps lock does not get a revoked ticket past the list: the repaired secret is checked."""
    secret = ticket()
    with write(db):
        pretix.add_revoked(db, [secret])
    assert _said(_scan(door, _typed(secret, False, True))) == (Verdict.REVOKED, "ticket_revoked")


def test_a_forged_text_costs_a_bounded_number_of_checks(
    door: CheckInService, db: Database, ticket: Ticketer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight trusted keys and four wedge variants: at most MAX_CHECKS signature checks."""
    with write(db):
        for _ in range(pretix.MAX_KEYS - 1):
            pretix.trust_key(db, pretix_sig1.pem_b64(Ed25519PrivateKey.generate().public_key()))
    checks = []
    real = pretix_sig1.verifies
    monkeypatch.setattr(pretix_sig1, "verifies", lambda t, k: checks.append(1) or real(t, k))
    forged = _with_y_and_z(lambda: ticket(by=Ed25519PrivateKey.generate()))
    result = pretix_door.verify(db, forged)
    assert (result, len(checks) <= pretix_door.MAX_CHECKS) == (
        pretix_door.Refused(Verdict.INVALID_CODE, "forged"),
        True,
    )


@pytest.mark.parametrize(
    "text",
    ["", "AQA", "=" * 200, "A" * 1000, "E4Bib\x00yTSyl", "https://pretix.eu/t/abc", "🎫" * 50],
)
def test_hostile_texts_never_raise_at_the_door(door: CheckInService, text: str) -> None:
    """Garbage, control characters and lookalikes give a refusal, never an exception."""
    assert not _scan(door, text, hall="floor").verdict.lets_in


def test_unsigned_pretix_secrets_meet_revoked_and_blocked(
    door: CheckInService, db: Database
) -> None:
    """An unsigned (random) pretix secret imported as a ticket code enters by lookup, also
    typed with caps lock; revoked or blocked, it is refused like a signed one."""
    with write(db):
        attendees.save(db, Attendee("U1", "Li", "Na", "", "", "delegate", UNSIGNED))
        attendees.save(db, Attendee("U2", "Bo", "Ma", "", "", "delegate", UNSIGNED[::-1]))
    by_lookup = _said(_scan(door, _typed(UNSIGNED, False, True)))
    with write(db):
        pretix.add_revoked(db, [UNSIGNED])
        pretix.set_blocked(db, [UNSIGNED[::-1]], True)
    results = [_said(_scan(door, s, when=at("14 10:03"))) for s in (UNSIGNED, UNSIGNED[::-1])]
    assert (by_lookup, results) == (
        (Verdict.ADMITTED, "admitted"),
        [(Verdict.REVOKED, "ticket_revoked"), (Verdict.REVOKED, "ticket_blocked")],
    )


def test_decisions_stay_frozen(door: CheckInService, ticket: Ticketer) -> None:
    """The extra a decision carries does not take part in equality (Decision is a value)."""
    decision = _scan(door, ticket(item=99))
    assert dataclasses.replace(decision, extra={}) == decision
