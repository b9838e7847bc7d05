"""Pickup rules: who is identified, what a second print needs, what a failed print leaves."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.codes import sign_code
from kiosk.domain.event import Event
from kiosk.service.pickup import (
    Found,
    NameNeedsStaff,
    NotFound,
    PickupError,
    PickupService,
    Printed,
    PrintFailed,
    StaffNeeded,
)
from kiosk.store import attendees, events, prints
from kiosk.store.db import write
from tests.conftest import PEOPLE
from tests.printing.conftest import STAFF_PIN, Clock, FakeOutput


def test_scan_of_signed_code_identifies(
    pickup: PickupService, code_for: Callable[..., str]
) -> None:
    """A signed badge code identifies its attendee, not yet printed."""
    found = pickup.identify_scan(code_for("A3", "visitor"))
    assert found == Found(PEOPLE[2], already_printed=False)


def test_scan_of_ticket_code_identifies(pickup: PickupService) -> None:
    """The registration system's ticket code from the e-mail identifies too."""
    assert pickup.identify_scan("T-0002") == Found(PEOPLE[1], already_printed=False)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("T-9999", "unknown_code"), ("https://example.com", "foreign_code"), ("T-0005", "cancelled")],
)
def test_scan_refusals_carry_a_reason(pickup: PickupService, text: str, reason: str) -> None:
    """Unknown, foreign and cancelled codes are refused with a reason and no attendee."""
    assert pickup.identify_scan(text) == NotFound(reason)


def test_scan_does_not_check_in(pickup: PickupService, db: Database) -> None:
    """A pickup scan is not an entry: the check-in log stays empty."""
    pickup.identify_scan("T-0001")
    assert db.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("surname", "secret", "who"),
    [
        ("Groß", "t-0003", "A3"),
        ("GROSS", "jurg", "A3"),
        ("张", "zhang", "A1"),
        ("puig i sole", "T-0002", "A2"),
        ("Puig", "nur", "A2"),
    ],
)
def test_surname_and_secret_identify(
    pickup: PickupService, surname: str, secret: str, who: str
) -> None:
    """Surname (any case, any accents) plus the start of the ticket code or e-mail finds one."""
    found = pickup.identify_name(surname, secret)
    assert isinstance(found, Found) and found.attendee.id == who


@pytest.mark.parametrize(
    ("surname", "secret", "reason"),
    [
        ("Groß", "ju", "too_short"),
        ("", "jurgen", "too_short"),
        ("Groß", "nuria", "no_match"),
        ("Gro", "jurgen", "no_match"),
        ("Staff", "zzz", "no_match"),
    ],
)
def test_surname_alone_is_not_enough(
    pickup: PickupService, surname: str, secret: str, reason: str
) -> None:
    """A surname needs at least three matching characters of that person's code or e-mail."""
    assert pickup.identify_name(surname, secret) == NotFound(reason)


def test_two_matches_reveal_nobody(pickup: PickupService, db: Database) -> None:
    """When two people share surname and secret start, nobody is shown: type more."""
    twin = PEOPLE[2].__class__(
        "A9", "Jutta", "Groß", "Z", "jutta@example.de", "visitor", ticket_code="T-0009"
    )
    with write(db):
        attendees.save(db, twin)
    assert pickup.identify_name("Groß", "ju") == NotFound("too_short")
    assert pickup.identify_name("Groß", "T-000") == NotFound("ambiguous")
    found = pickup.identify_name("Groß", "jutt")
    assert isinstance(found, Found) and found.attendee.id == "A9"


def test_repeated_failures_lock_name_search(pickup: PickupService, clock: Clock) -> None:
    """Five wrong guesses in a row lock the name search for the cool-down."""
    for _ in range(5):
        assert pickup.identify_name("Groß", "xxxx") == NotFound("no_match")
    assert pickup.identify_name("Groß", "jurgen") == NotFound("locked")
    clock.now += pickup.cooldown
    assert isinstance(pickup.identify_name("Groß", "jurgen"), Found)


def test_first_print_is_logged(pickup: PickupService, output: FakeOutput, db: Database) -> None:
    """The first print goes through without staff and is logged as 'first', ok."""
    result = pickup.print_badge(PEOPLE[0], output)
    assert isinstance(result, Printed)
    assert output.printed == [("A1", result.code)]
    assert [(r.kind, r.status, r.staff) for r in prints.for_attendee(db, "A1")] == [
        ("first", "ok", False)
    ]
    assert pickup.identify_scan("T-0001") == Found(PEOPLE[0], already_printed=True)


def test_second_print_needs_pin_and_reason(
    pickup: PickupService, output: FakeOutput, db: Database
) -> None:
    """A second print is refused without the PIN, with a wrong PIN, or without a reason."""
    pickup.print_badge(PEOPLE[0], output)
    assert pickup.print_badge(PEOPLE[0], output) == StaffNeeded("already_printed")
    assert pickup.print_badge(PEOPLE[0], output, pin="0000", reason="x") == StaffNeeded("bad_pin")
    assert pickup.print_badge(PEOPLE[0], output, pin=STAFF_PIN) == StaffNeeded("reason_required")
    result = pickup.print_badge(PEOPLE[0], output, pin=STAFF_PIN, reason="  lost   badge ")
    assert isinstance(result, Printed)
    assert [(r.kind, r.reason, r.staff) for r in prints.for_attendee(db, "A1")] == [
        ("first", "", False),
        ("reprint", "lost badge", True),
    ]
    assert len(output.printed) == 2


def test_printer_failure_is_not_a_print(pickup: PickupService, db: Database) -> None:
    """A failed print is logged as failed, the badge is not marked printed, a retry needs no PIN."""
    result = pickup.print_badge(PEOPLE[1], FakeOutput(error="printer_missing"))
    assert isinstance(result, PrintFailed)
    assert (result.record.status, result.record.error) == ("failed", "printer_missing")
    assert not prints.has_printed(db, "A2")
    assert isinstance(pickup.print_badge(PEOPLE[1], FakeOutput()), Printed)


def test_printer_exception_becomes_a_failure(pickup: PickupService) -> None:
    """An exception in the printer code is reported as a failure value, not raised."""

    class Broken(FakeOutput):
        def print_badge(self, attendee: object, code: str | None) -> str | None:
            raise RuntimeError("driver crashed")

    result = pickup.print_badge(PEOPLE[1], Broken())
    assert isinstance(result, PrintFailed)
    assert result.record.error == "printer_error: RuntimeError"


def test_log_is_append_only(pickup: PickupService, output: FakeOutput, db: Database) -> None:
    """The print log refuses updates and deletes."""
    pickup.print_badge(PEOPLE[0], output)
    with pytest.raises(Exception, match="append-only"):
        db.execute("UPDATE prints SET status = 'failed'")
    with pytest.raises(Exception, match="append-only"):
        db.execute("DELETE FROM prints")


def test_each_part_of_a_hyphenated_surname_finds_the_attendee(
    pickup: PickupService, db: Database
) -> None:
    """'Muller' or 'Ludenscheidt' plus the code's start finds Käthe Müller-Lüdenscheidt."""
    kathe = Attendee(
        "A9", "Käthe", "Müller-Lüdenscheidt", "Z", "k.ml@example.de", "delegate",
        ticket_code="T-0009",
    )  # fmt: skip
    with write(db):
        attendees.save(db, kathe)
    for surname in ("Muller", "Lüdenscheidt", "muller ludenscheidt", "Müller-Lüdenscheidt"):
        assert pickup.identify_name(surname, "T-0009") == Found(kathe, False), surname
    assert pickup.identify_name("Mull", "T-0009") == NotFound("no_match")


def test_name_correction_keeps_the_original(pickup: PickupService, db: Database) -> None:
    """A corrected spelling is stored and the log keeps both spellings."""
    corrected = pickup.correct_name(PEOPLE[2], " Jürgen ", "Groß-Müller")
    assert attendees.find_by_id(db, "A3") == corrected
    [entry] = prints.corrections_for(db, "A3")
    assert (entry.original_last, entry.corrected_last) == ("Groß", "Groß-Müller")
    with pytest.raises(PickupError):
        pickup.correct_name(corrected, "", " ")


def test_name_correction_is_spelling_only(pickup: PickupService, db: Database) -> None:
    """Alone, an attendee fixes spelling only: another name or a deleted first name needs
    the staff PIN (a wrong PIN changes nothing), and the log keeps the original."""
    with pytest.raises(NameNeedsStaff) as refused:
        pickup.correct_name(PEOPLE[2], "Donald", "Duck")
    assert refused.value.reason == "not_a_spelling_fix"
    with pytest.raises(NameNeedsStaff) as refused:
        pickup.correct_name(PEOPLE[2], "", "Groß")
    assert refused.value.reason == "first_name_required"
    with pytest.raises(NameNeedsStaff) as refused:
        pickup.correct_name(PEOPLE[2], "Donald", "Duck", pin="0000")
    assert refused.value.reason == "bad_pin"
    assert attendees.find_by_id(db, "A3") == PEOPLE[2] and prints.corrections_for(db, "A3") == []
    corrected = pickup.correct_name(PEOPLE[2], "Donald", "Duck", pin=STAFF_PIN)
    assert (corrected.first_name, corrected.last_name) == ("Donald", "Duck")
    [entry] = prints.corrections_for(db, "A3")
    assert (entry.original_first, entry.original_last) == ("Jürgen", "Groß")


def test_reprint_without_pin_machinery_is_refused(
    db: Database, event: Event, output: FakeOutput
) -> None:
    """A kiosk without a staff PIN configured never reprints."""
    service = PickupService(db, event)
    service.print_badge(PEOPLE[0], output)
    assert service.print_badge(PEOPLE[0], output, pin="", reason="x") == StaffNeeded("bad_pin")


def test_reload_picks_up_keys_that_sync_brought(db: Database, event: Event) -> None:
    """A badge signed with a key that arrived by sync after the kiosk started is known
    once the service reloads (the pickup window's sync thread asks for that)."""
    service = PickupService(db, event)
    new_key = Ed25519PrivateKey.generate()
    with write(db):
        events.add_public_key(db, event.id, new_key.public_key())
    code = sign_code(new_key, event.id, PEOPLE[2].id, PEOPLE[2].type, 1)
    assert service.identify_scan(code) == NotFound("unknown_key")
    service.reload()
    assert service.identify_scan(code) == Found(PEOPLE[2], False)
