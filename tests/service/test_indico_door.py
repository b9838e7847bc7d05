"""Indico tickets at the door, offline, after an import: the QR texts Indico prints, every
rule kiosk applies, and hostile JSON refused cleanly."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.domain.decision import Direction, Verdict
from kiosk.domain.event import Event
from kiosk.importing import ImportOptions, import_file
from kiosk.importing.indico import reader
from kiosk.service.checkin import CheckInService
from kiosk.store import checkins, indico_tickets
from kiosk.store.db import open_db, write
from kiosk.store.events import save_event
from tests.conftest import TINY_EVENT, at
from tests.importing import indico_data as indico

ADA = indico.by_name("Ada")  # Delegate
NURIA = indico.by_name("Núria")  # Visitor (and Press)
JURGEN_OLD = indico.by_name("Jürgen", "withdrawn")
JURGEN = indico.by_name("Jürgen")
CARL = indico.by_name("Carl", "rejected")


@pytest.fixture
def door(tmp_path: Path, event: Event) -> CheckInService:
    """A kiosk database with the fixture's Indico export imported (XLSX + check-in JSON)."""
    db = open_db(tmp_path / "door.db")
    with write(db):
        save_event(db, event, TINY_EVENT)
    export = indico.write_xlsx(tmp_path / "registrations.xlsx")
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json())
    import_file(db, event, export, ImportOptions(), None, reader([secrets], indico.EVENT_URL))
    return CheckInService(db, event, clock=lambda: at("14 10:00"))


def scan(door: CheckInService, code: str, hall: str = "main", when: str = "14 10:00") -> str:
    decision = door.scan(code, hall, Direction.ENTRY, at(when))
    return f"{decision.verdict.value}/{decision.reason}"


def test_indico_ticket_admits_its_registration(door: CheckInService) -> None:
    """Indico's version-2 QR is admitted as the registration it names, and logged."""
    decision = door.scan(indico.qr_v2(ADA), "main", Direction.ENTRY, at("14 10:00"))
    assert (decision.verdict, decision.session, decision.recorded) == (
        Verdict.ADMITTED,
        "keynote",
        True,
    )
    assert decision.attendee is not None
    assert (decision.attendee.id, decision.attendee.name, decision.attendee.company) == (
        "1",
        "Ada Lovelace",
        "Analytical Engines Ltd",
    )


def test_the_rules_apply_as_to_any_badge(door: CheckInService, tmp_path: Path) -> None:
    """Repeat within seconds, already inside, hall by type, registration-only session."""
    assert scan(door, indico.qr_v2(ADA)) == "admitted/admitted"
    assert door.scan(indico.qr_v2(ADA), "main", Direction.ENTRY, at("14 10:00")).repeat
    assert scan(door, indico.qr_v2(ADA), when="14 10:05") == "already_inside/already_inside"
    assert scan(door, indico.qr_v2(NURIA)) == "not_registered/type_not_allowed"
    assert scan(door, indico.qr_v2(NURIA), hall="floor") == "admitted/admitted"
    assert scan(door, indico.qr_v2(JURGEN), when="14 14:00") == (
        "not_registered/not_registered_for_session"
    )
    assert checkins.count(door.db) == 5


def test_withdrawn_and_rejected_registrations_are_denied(door: CheckInService) -> None:
    """A withdrawn registration's ticket is refused; the same person's new one enters."""
    assert scan(door, indico.qr_v2(JURGEN_OLD)) == "revoked/cancelled"
    assert scan(door, indico.qr_v2(CARL)) == "revoked/cancelled"
    assert scan(door, indico.qr_v2(JURGEN)) == "admitted/admitted"


def test_version_1_tickets(door: CheckInService) -> None:
    """Tickets printed before Indico 3.3 (the object with checkin_secret) work too."""
    assert scan(door, indico.qr_v1(ADA)) == "admitted/admitted"


@pytest.mark.parametrize(
    "text",
    [
        indico.qr_v2(ADA, base_url="https://indico.other.org"),
        indico.qr_v2(ADA, base_url="http://indico.example.org"),
        indico.qr_v2(indico.Registration(9, 9, "X", "Y", "x@y.z", "", "", "complete", (),
                                         "00000000-0000-4000-8000-000000000000"),
                     base_url="https://indico.cern.ch"),
        indico.qr_v1(ADA, event_id=999),
        indico.qr_v1(ADA, base_url="https://indico.other.org"),
    ],
    ids=["other-server", "http-not-https", "stranger-on-other-server", "v1-other-event",
         "v1-other-server"],
)  # fmt: skip
def test_ticket_of_another_indico_event_is_other_event(door: CheckInService, text: str) -> None:
    """Another server or (version 1) another event id: other_event, not an unknown badge."""
    assert scan(door, text) == "other_event/other_event"


def test_unknown_ticket_and_companion(door: CheckInService) -> None:
    """A ticket of the same server nobody imported, and an accompanying person's ticket
    (no row of theirs in the export): unknown, never admitted as the registrant."""
    stranger = indico.Registration(
        9, 9, "X", "Y", "x@y.z", "", "", "complete", (), "00000000-0000-4000-8000-000000000000"
    )
    assert scan(door, indico.qr_v2(stranger)) == "unknown_badge/unknown_code"
    companion = indico.qr_v2(ADA, companion="5fa6d71b-a828-4811-bf9c-7e99df04d0af")
    assert scan(door, companion) == "unknown_badge/unknown_code"


def _b64(n: int) -> str:
    return base64.b64encode(bytes(n)).decode()


GOOD = json.loads(indico.qr_v2(ADA))["i"]
HOSTILE = {
    "deep-nesting": '{"i":' + "[" * 500 + "]" * 500 + "}",
    "nested-1k": '{"i":[2,"indico.example.org",' + "[" * 480 + "]" * 480 + "]}",
    "1kb-padding": json.dumps({"i": GOOD, "x": "A" * 960}),
    "over-1kb": json.dumps({"i": GOOD, "x": "A" * 1100}),
    "duplicate-key": '{"i":[2,"indico.example.org","AAAAAAAAAAAAAAAAAAAAAA=="],'
    + f'"i":{json.dumps(GOOD)}}}',
    "version-3": json.dumps({"i": [3, *GOOD[1:]]}),
    "version-true": json.dumps({"i": [True, *GOOD[1:]]}),
    "version-2.0": json.dumps({"i": [2.0, *GOOD[1:]]}),
    "version-huge": '{"i":[' + "9" * 600 + ',"indico.example.org","AAAAAAAAAAAAAAAAAAAAAA=="]}',
    "version-nan": '{"i":[NaN,"indico.example.org","AAAAAAAAAAAAAAAAAAAAAA=="]}',
    "i-object": json.dumps({"i": {"0": 2}}),
    "i-too-short": json.dumps({"i": GOOD[:2]}),
    "i-too-long": json.dumps({"i": [*GOOD, GOOD[2], GOOD[2]]}),
    "server-number": json.dumps({"i": [2, 7, GOOD[2]]}),
    "server-spaces": json.dumps({"i": [2, "indico.example.org evil", GOOD[2]]}),
    "server-newline": json.dumps({"i": [2, "indico.example.org\n", GOOD[2]]}),
    "server-huge": json.dumps({"i": [2, "a" * 200 + ".org", GOOD[2]]}),
    "uuid-15-bytes": json.dumps({"i": [2, GOOD[1], _b64(15)]}),
    "uuid-17-bytes": json.dumps({"i": [2, GOOD[1], _b64(17)]}),
    "uuid-not-b64": json.dumps({"i": [2, GOOD[1], "!" * 24]}),
    "uuid-no-padding": json.dumps({"i": [2, GOOD[1], GOOD[2].rstrip("=")]}),
    "uuid-urlsafe": json.dumps({"i": [2, GOOD[1], GOOD[2].replace("+", "-")]}),
    "uuid-number": json.dumps({"i": [2, GOOD[1], 12345]}),
    "companion-null": json.dumps({"i": [*GOOD, None]}),
    "both-formats": json.dumps({"i": GOOD, "checkin_secret": ADA.ticket_uuid}),
    "v1-secret-number": json.dumps({"checkin_secret": 5, "event_id": "1234",
                                    "server_url": indico.BASE_URL}),
    "v1-secret-short": json.dumps({"checkin_secret": ADA.ticket_uuid[:-1], "event_id": "1234",
                                   "server_url": indico.BASE_URL}),
    "v1-secret-braces": json.dumps({"checkin_secret": "{" + ADA.ticket_uuid[1:-1] + "}",
                                    "event_id": "1234", "server_url": indico.BASE_URL}),
    "v1-event-list": json.dumps({"checkin_secret": ADA.ticket_uuid, "event_id": [1234],
                                 "server_url": indico.BASE_URL}),
    "v1-event-negative": json.dumps({"checkin_secret": ADA.ticket_uuid, "event_id": -1,
                                     "server_url": indico.BASE_URL}),
    "v1-no-server": json.dumps({"checkin_secret": ADA.ticket_uuid, "event_id": "1234"}),
    "v1-version-2": json.dumps({"checkin_secret": ADA.ticket_uuid, "event_id": "1234",
                                "server_url": indico.BASE_URL, "version": 2}),
    "truncated": indico.qr_v2(ADA)[:-3] + "}",
    "not-json": '{"i" oops}',
}  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_indico_json_is_refused_cleanly(door: CheckInService, text: str) -> None:
    """Every broken or hostile Indico-looking QR: an invalid-code refusal, no exception,
    nobody admitted; the refusal is logged like any other scan."""
    decision = door.scan(text, "main", Direction.ENTRY, at("14 10:00"))
    assert decision.verdict is Verdict.INVALID_CODE, (decision.verdict, decision.reason)
    assert decision.reason in ("malformed", "too_long")
    assert decision.attendee is None


def test_lookup_uses_the_ticket_code_index(door: CheckInService) -> None:
    """A scan finds its registration by a range on the ticket-code index, not a walk."""
    db: Database = door.db
    plan = db.execute("EXPLAIN QUERY PLAN " + indico_tickets._BY_UUID, ["a", "b"]).fetchall()
    assert "USING INDEX attendees_ticket_code" in plan[0][3]
