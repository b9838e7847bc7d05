"""The pretix store: trusted keys, the product map, revoked and blocked secrets."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain import pretix_sig1
from kiosk.store import pretix
from kiosk.store.db import write

K0 = "MCowBQYDK2VwAyEA7AD7/vFA33EsY4z2PHr7iZPsZ8n5dh0ajP8gyzNmmIs="


def _b64pem() -> str:
    return pretix_sig1.pem_b64(Ed25519PrivateKey.generate().public_key())


def test_keys_are_trusted_listed_and_distrusted(db: Database) -> None:
    """Several keys may be trusted; one distrusted stays known but no longer verifies."""
    with write(db):
        first, second = pretix.trust_key(db, K0), pretix.trust_key(db, _b64pem())
        again = pretix.trust_key(db, pretix_sig1.pem_b64(pretix_sig1.load_key(K0)))
        pretix.distrust_key(db, second)
    assert (again, [k["key_id"] for k in pretix.trusted_keys(db)]) == (first, [first])
    assert [k["key_id"] for k in pretix.distrusted_keys(db)] == [second]


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "not base64 at all!",
        "aGVsbG8=",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
        "x" * 10_000,
    ],
)
def test_junk_keys_are_refused(db: Database, junk: str) -> None:
    """Junk is refused with a one-line ValueError and trusts nothing."""
    with pytest.raises(ValueError, match=r"^not a pretix") as caught:
        pretix.trust_key(db, junk)
    assert "\n" not in str(caught.value) and pretix.trusted_keys(db) == []


def test_a_key_that_is_not_ed25519_is_refused(db: Database) -> None:
    """An EC key (what another pretix generator might hand out) is no pretix_sig1 key."""
    import base64

    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    pem = (
        generate_private_key(SECP256R1())
        .public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(ValueError, match="not Ed25519"):
        pretix.trust_key(db, base64.b64encode(pem).decode())


def test_the_number_of_trusted_keys_is_bounded(db: Database) -> None:
    """A ninth key is refused: each scan checks its signature against every trusted key."""
    with write(db):
        for _ in range(pretix.MAX_KEYS):
            pretix.trust_key(db, _b64pem())
        with pytest.raises(ValueError, match="already 8"):
            pretix.trust_key(db, _b64pem())


def test_items_map_by_id_then_by_name(db: Database) -> None:
    """A product maps by its id first, then by its name (case-insensitive); '' unmaps."""
    with write(db):
        pretix.set_items(db, {"42": "speaker", "Day ticket": "visitor", "7": "press"})
        pretix.set_items(db, {"7": ""})
    assert (
        pretix.item_type(db, 42, "Day ticket"),
        pretix.item_type(db, 5, "day TICKET"),
        pretix.item_type(db, 7),
        pretix.items(db),
    ) == ("speaker", "visitor", None, {"Day ticket": "visitor", "42": "speaker"})


def test_a_bad_item_entry_changes_nothing(db: Database) -> None:
    """One bad entry refuses the whole map before anything is written."""
    with pytest.raises(ValueError):
        pretix.set_items(db, {"1": "delegate", "bad\x00name": "visitor"})
    assert pretix.items(db) == {}


def test_revoked_stays_blocked_can_be_lifted(db: Database) -> None:
    """Revoked is for good; blocked can be unblocked."""
    with write(db):
        added = pretix.add_revoked(db, ["r1", "r2", "r1"])
        pretix.set_blocked(db, ["b1", "b2"], True)
        pretix.set_blocked(db, ["b2"], False)
    assert (added, pretix.is_revoked(db, "r1"), pretix.is_revoked(db, "b1")) == (2, True, False)
    assert (pretix.is_blocked(db, "b1"), pretix.is_blocked(db, "b2"), pretix.blocked(db)) == (
        True,
        False,
        ["b1"],
    )
