"""Kiosk records on the wire: signed by their kiosk on the way up, checked on the way down
against the enrolment list, the sender's role and the schema (docs/trust.md)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.trust import (
    Enrolment,
    TrustError,
    permission_kind,
    public_from_raw,
    record_verifies,
    sign_record,
)
from kiosk.store import trust_state
from kiosk.store.checkins import LogRecord
from kiosk.sync import schema
from kiosk.sync.hub import LOG_FIELDS, RECORD_KINDS, WireRecord


def checkin_wire(record: LogRecord) -> WireRecord:
    values = {name: getattr(record, name) for name in LOG_FIELDS}
    values["offline"] = bool(values["offline"])
    return {"k": "checkin", **values}


def checkin_row_wire(row: tuple[Any, ...]) -> WireRecord:
    """A check-in as the store hands it for pushing (LOG_FIELDS order)."""
    values = dict(zip(LOG_FIELDS, row, strict=True))
    values["offline"] = bool(values["offline"])
    return {"k": "checkin", **values}


def journal_wire(kind: str, row: Mapping[str, Any], person: Mapping[str, Any] | None) -> WireRecord:
    return {
        "k": kind, "id": str(row["id"]), "kiosk_id": str(row["kiosk_id"]),
        "body": {"row": dict(row), "attendee": None if person is None else dict(person)},
    }  # fmt: skip


def signed(key: Ed25519PrivateKey, wire: WireRecord) -> WireRecord:
    return {**wire, "sig": sign_record(key, wire)}


def signed_checkin(key: Ed25519PrivateKey, record: LogRecord) -> WireRecord:
    """What an online claim sends: the check-in, signed, as any push would."""
    return signed(key, checkin_wire(record))


@dataclass(frozen=True)
class Accepted:
    kind: str
    sig: str
    checkin: LogRecord | None = None
    row: dict[str, Any] | None = None
    person: Attendee | None = None


@dataclass
class Verifier:
    """Checks records against the enrolments this kiosk verified; counts what it refused."""

    enrolments: Mapping[str, Enrolment]
    me: str
    refused: Counter[tuple[str, str]] = field(default_factory=Counter)
    _keys: dict[str, Ed25519PublicKey] = field(default_factory=dict)

    def check(self, wire: Any) -> Accepted | None:
        """The record, if its sender is enrolled for its kind, its signature verifies and
        it has the shape it must have; None (and counted) otherwise."""
        if not isinstance(wire, dict):
            self.refused[("?", "not a record")] += 1
            return None
        sender = wire.get("kiosk_id")
        sender = sender[:64] if isinstance(sender, str) else "?"
        if sender == self.me:
            return None  # our own record, relayed back: we have it (or it is a forgery)
        kind = wire.get("k")
        if kind not in RECORD_KINDS:
            self.refused[(sender, "unknown kind of record")] += 1
            return None
        enrolment = self.enrolments.get(sender)
        if enrolment is None or enrolment.revoked:
            why = "not enrolled" if enrolment is None else "un-enrolled"
            self.refused[(sender, why)] += 1
            return None
        wanted = permission_kind(wire)
        if not enrolment.allows(wanted):
            self.refused[(sender, f"a {enrolment.role.value} may not send {wanted} records")] += 1
            return None
        if not record_verifies(self._key(enrolment), wire):
            self.refused[(sender, "bad signature (altered or forged)")] += 1
            return None
        try:
            return self._parse(str(kind), wire)
        except schema.BadItem as exc:
            self.refused[(sender, f"malformed: {exc}")] += 1
            return None

    def _key(self, enrolment: Enrolment) -> Ed25519PublicKey:
        key = self._keys.get(enrolment.kiosk_id)
        if key is None:
            try:
                key = public_from_raw(enrolment.public_key)
            except TrustError:  # the schema checked the length: not reached in practice
                raise schema.BadItem("unusable enrolment key") from None
            self._keys[enrolment.kiosk_id] = key
        return key

    @staticmethod
    def _parse(kind: str, wire: Mapping[str, Any]) -> Accepted:
        sig = str(wire["sig"])
        if kind == "checkin":
            fields = {k: v for k, v in wire.items() if k not in ("k", "sig")}
            return Accepted(kind, sig, checkin=schema.checkin(fields))
        if set(wire) != {"k", "id", "kiosk_id", "body", "sig"}:
            raise schema.BadItem(f"{kind}: unexpected fields")
        row, person = schema.journal(kind, wire["body"])
        if row["id"] != wire["id"] or row["kiosk_id"] != wire["kiosk_id"]:
            raise schema.BadItem(f"{kind}: the record's id or kiosk differs from its row")
        return Accepted(kind, sig, row=row, person=person)

    def problems(self) -> list[str]:
        return [
            f"refused {n} record{'s' if n != 1 else ''} from {sender}: {why}"
            for (sender, why), n in sorted(self.refused.items())
        ]


class ClaimCheck:
    """`verify` for PostgresAuthority: does a hub row come from an enrolled kiosk, signed?
    It runs on the claims thread, so it reads the enrolments through a connection of its
    own, again every `refresh_s` seconds (a kiosk enrolled later counts from then on)."""

    def __init__(
        self, open_database: Callable[[], Database], refresh_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:  # fmt: skip
        self._open, self._refresh_s, self._clock = open_database, refresh_s, clock
        self._db: Database | None = None
        self._verifier: Verifier | None = None
        self._read_at = 0.0

    def __call__(self, wire: dict[str, Any]) -> bool:
        now = self._clock()
        if self._verifier is None or now - self._read_at > self._refresh_s:
            if self._db is None:
                self._db = self._open()
            # me="": a door's own earlier claims count too, checked against its own key.
            self._verifier = Verifier(trust_state.enrolments(self._db), me="")
            self._read_at = now
        return self._verifier.check(wire) is not None
