"""The organiser's pretix data as publication items: the trusted pretix keys and the event
date, the product map, and each revoked or blocked secret; what the organiser sends and
how a kiosk applies them (kiosk.store.pretix; their schemas: kiosk.sync.schema)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from typing import Any

from sqlite_utils import Database

from kiosk.store import pretix


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=12).hexdigest()


def _whole(
    kind: str, value: dict[str, Any], before: Mapping[str, str]
) -> Iterator[tuple[dict[str, Any], str, str]]:
    """One item holding the whole state, sent when it changed (and once it was emptied)."""
    digest = _digest(value)
    if (any(value.values()) or kind in before) and before.get(kind) != digest:
        yield {"k": kind, **value}, kind, digest


def emitted(db: Database, before: Mapping[str, str]) -> Iterator[tuple[dict[str, Any], str, str]]:
    """(item, published-state key, digest) for what changed since `before`."""
    keys = {
        "trusted": [k["pem_b64"] for k in pretix.trusted_keys(db)],
        "distrusted": [k["pem_b64"] for k in pretix.distrusted_keys(db)],
        "subevent": pretix.subevent(db),
    }
    yield from _whole("pretix_keys", keys, before)
    products = {
        "map": pretix.items(db),
        "names": {str(i): n for i, n in pretix.item_names(db).items()},
    }
    yield from _whole("pretix_items", products, before)
    for secret in pretix.revoked(db):
        if before.get(f"pretix_revoked:{secret}") != "revoked":
            item = {"k": "pretix_secret", "secret": secret, "state": "revoked"}
            yield item, f"pretix_revoked:{secret}", "revoked"
    for secret, blocked in pretix.blocked_states(db):
        state = "blocked" if blocked else "unblocked"
        if before.get(f"pretix_blocked:{secret}") != state:
            item = {"k": "pretix_secret", "secret": secret, "state": state}
            yield item, f"pretix_blocked:{secret}", state


def apply(db: Database, kind: str, fields: Mapping[str, Any]) -> None:
    """Apply one verified item (the caller's transaction)."""
    if kind == "pretix_keys":
        pretix.replace_keys(db, fields["trusted"], fields["distrusted"])
        pretix.set_subevent(db, fields["subevent"])
    elif kind == "pretix_items":
        pretix.replace_items(db, fields["map"])
        db.execute("DELETE FROM pretix_item_names")
        pretix.set_item_names(db, fields["names"])
    elif fields["state"] == "revoked":
        pretix.add_revoked(db, [fields["secret"]])
    else:
        pretix.set_blocked(db, [fields["secret"]], fields["state"] == "blocked")
