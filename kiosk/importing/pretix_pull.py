"""What `kiosk pretix pull` does with what pretix's API gave (kiosk.sync.pretix_api fetches
it): attendees from the orders' positions, the event's pretix_sig1 keys, revoked and
blocked secrets, product names, and where the next pull starts.

Order of writes, so that a pull failing half-way never admits what pretix refuses:
revocations and blocks first, then the attendees (one transaction, all or nothing), then
the permissive rest (trusted keys, lifted blocks) with the cursors last: a failed run is
simply pulled again from the same cursors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kiosk.domain import pretix_sig1
from kiosk.domain.event import Event
from kiosk.importing.pretix_positions import PositionError, Positions, apply_positions
from kiosk.importing.rows import BadRow
from kiosk.store import pretix, settings
from kiosk.store.db import write
from kiosk.store.imports import ImportConflict, ImportCounts

_CURSOR = "pretix:pull:{source}:{what}"  # settings key per server, organiser and event
_WHAT = ("orders", "revoked", "blocked")


class PullRefused(Exception):
    """Bad positions or secrets: nothing of the attendees changed. `bad`: the first ones."""

    def __init__(self, message: str, bad: Sequence[BadRow] = ()) -> None:
        super().__init__(message)
        self.bad = list(bad)


@dataclass(frozen=True)
class PullReport:
    counts: ImportCounts
    orders: int
    keys: list[str]  # key ids trusted
    revoked: int  # new revoked secrets
    blocked: int
    unblocked: int
    warnings: list[str]


def source(url: str, organizer: str, event: str) -> str:
    return f"{url.rstrip('/')}/{organizer}/{event}"


def cursors(db: Database, source_id: str) -> dict[str, str | None]:
    return {w: settings.get(db, _CURSOR.format(source=source_id, what=w)) for w in _WHAT}


def apply_pull(
    db: Database,
    event: Event,
    source_id: str,
    *,
    items: Sequence[Mapping[str, Any]],
    orders: Sequence[Mapping[str, Any]],
    valid_keys: Sequence[str],
    revoked: Sequence[str],
    blocked: Mapping[str, bool],
    next_cursors: Mapping[str, str | None],
    type_map: Mapping[str, str] | None = None,
) -> PullReport:
    found = Positions(db, event, type_map or {})
    try:
        found.add_items(items)
        for number, order in enumerate(orders, start=1):
            found.add_order(number, order)
    except PositionError as exc:
        raise PullRefused(f"pretix sent what kiosk cannot read: {exc}") from None
    if found.bad:
        raise PullRefused(f"{found.bad_count:,} bad positions; nothing was pulled", found.bad)
    try:
        for key in valid_keys:
            pretix_sig1.load_key(key)
    except ValueError as exc:
        raise PullRefused(f"the event's valid_keys hold a key kiosk cannot use: {exc}") from None
    lifted = {s for s, now_blocked in blocked.items() if not now_blocked}
    blocking = {s for s, now_blocked in blocked.items() if now_blocked}
    found.unblocked -= blocking  # the blocked list wins over a position's stale copy
    found.blocked |= blocking
    try:
        with write(db):
            new_revoked = pretix.add_revoked(db, [s for s in revoked if s])
            if found.blocked:
                pretix.set_blocked(db, sorted(found.blocked), True)
    except ValueError as exc:
        raise PullRefused(f"pretix sent a secret kiosk cannot keep: {exc}") from None
    try:
        counts = apply_positions(db, found, dry_run=False)
    except ImportConflict as exc:
        bad = [BadRow(0, f"{c.attendee_id}: secret held by {c.owner_id!r}") for c in exc.conflicts]
        raise PullRefused(f"{len(bad):,} secrets belong to other attendees", bad) from None
    with write(db):
        lifting = sorted(s for s in lifted if pretix.is_blocked(db, s))
        if lifting:
            pretix.set_blocked(db, lifting, False)
        keys = [pretix.trust_key(db, k) for k in valid_keys]
        for what in _WHAT:
            value = next_cursors.get(what)
            if value:
                settings.put(db, _CURSOR.format(source=source_id, what=what), value)
    return PullReport(
        counts=counts,
        orders=len(orders),
        keys=keys,
        revoked=new_revoked,
        blocked=len(found.blocked),
        unblocked=len(lifting),
        warnings=found.warnings(),
    )
