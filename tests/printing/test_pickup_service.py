"""Pickup rules: who is identified, what a second print needs, what a failed print leaves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.codes import sign_code
from kiosk.domain.event import Event
from kiosk.service.desk import StaffDesk
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


# Booking codes as registration systems hand them out (random, from the confirmation
# e-mail); the shared fixture's T-000N codes are too short to confirm a name with.
CODES = {"A1": "ZH7K-M2QP-9A", "A2": "NP4R-X8WC-3B", "A3": "JG5T-V6HY-2D"}


@pytest.fixture
def coded(db: Database) -> dict[str, Attendee]:
    """PEOPLE[0..2] with booking codes a stranger cannot guess."""
    people = {p.id: replace(p, ticket_code=CODES[p.id]) for p in PEOPLE[:3]}
    with write(db):
        for person in people.values():
            attendees.save(db, person)
    return people


@pytest.mark.parametrize(
    ("surname", "code", "who"),
    [
        ("Groß", "jg5t-v6", "A3"),
        ("GROSS", "JG5TV6HY2D", "A3"),
        ("张", "zh7km2", "A1"),
        ("zhang", "zh7k m2", "A1"),
        ("puig i sole", "NP4R-X8", "A2"),
        ("Puig", "np4rx8wc", "A2"),
    ],
)
def test_surname_and_booking_code_identify(
    pickup: PickupService, coded: dict[str, Attendee], surname: str, code: str, who: str
) -> None:
    """Surname (any case, any accents, pinyin) plus the booking code's first 6 or more
    characters (any case, with or without separators) finds one."""
    found = pickup.identify_name(surname, code)
    assert isinstance(found, Found) and found.attendee.id == who


def test_confusable_characters_are_one(pickup: PickupService, db: Database) -> None:
    """O and 0, I, L and 1 are the same character in a typed code."""
    person = Attendee(
        "B1", "Eva", "Ortiz", "Z", "eva@example.es", "visitor", ticket_code="QO7LK2M9"
    )
    with write(db):
        attendees.save(db, person)
    assert pickup.identify_name("Ortiz", "q071k2") == Found(person, False)


@pytest.mark.parametrize(
    ("surname", "code", "reason"),
    [
        ("Groß", "jg5t", "too_short"),
        ("", "jg5tv6", "too_short"),
        ("Groß", "jurgen", "no_match"),  # the e-mail no longer confirms a name
        ("Groß", "np4rx8", "no_match"),  # someone else's code
        ("Gro", "jg5tv6", "no_match"),
        ("Staff", "zzzzzz", "no_match"),
    ],
)
def test_surname_alone_is_not_enough(
    pickup: PickupService, coded: dict[str, Attendee], surname: str, code: str, reason: str
) -> None:
    """A surname needs at least six characters of that person's own booking code."""
    assert pickup.identify_name(surname, code) == NotFound(reason)


def test_e_mail_start_confirms_nothing(pickup: PickupService) -> None:
    """The e-mail follows from the name for most people: it is no second factor."""
    assert pickup.identify_name("Groß", "jurgen@example") == NotFound("no_match")


def test_short_codes_cannot_confirm_a_name(pickup: PickupService) -> None:
    """A code shorter than six characters (T-0003) is too easy to guess: scan it instead."""
    assert pickup.identify_name("Groß", "T-0003") == NotFound("too_short")


def test_two_matches_reveal_nobody(
    pickup: PickupService, db: Database, coded: dict[str, Attendee]
) -> None:
    """When two people share surname and code start, nobody is shown: type more."""
    twin = Attendee(
        "A9", "Jutta", "Groß", "Z", "jutta@example.de", "visitor", ticket_code="JG5T-V6QQ-7X"
    )
    with write(db):
        attendees.save(db, twin)
    assert pickup.identify_name("Groß", "jg5t") == NotFound("too_short")
    assert pickup.identify_name("Groß", "JG5T-V6") == NotFound("ambiguous")
    found = pickup.identify_name("Groß", "jg5tv6q")
    assert isinstance(found, Found) and found.attendee.id == "A9"


def test_repeated_failures_lock_until_staff_clear(
    pickup: PickupService, clock: Clock, coded: dict[str, Attendee]
) -> None:
    """Five wrong guesses within ten minutes lock the kiosk (the fifth says so); waiting
    does not lift it, a wrong PIN does not, the staff PIN does."""
    tries = [pickup.identify_name("Groß", "xxxxxx") for _ in range(5)]
    assert tries == [NotFound("no_match")] * 4 + [NotFound("locked")]
    assert pickup.identify_name("Groß", "jg5tv6") == NotFound("locked")
    assert pickup.identify_scan("T-0004") == NotFound("locked")
    clock.now += dt.timedelta(days=1)
    assert (pickup.locked(), pickup.unlock("0000"), pickup.locked()) == (True, False, True)
    assert pickup.unlock(STAFF_PIN) and not pickup.locked()
    assert isinstance(pickup.identify_name("Groß", "jg5tv6"), Found)


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
        ticket_code="K9ML-7QX2",
    )  # fmt: skip
    with write(db):
        attendees.save(db, kathe)
    for surname in ("Muller", "Lüdenscheidt", "muller ludenscheidt", "Müller-Lüdenscheidt"):
        assert pickup.identify_name(surname, "K9ML-7QX2") == Found(kathe, False), surname
    assert pickup.identify_name("Mull", "K9ML-7QX2") == NotFound("no_match")


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


def test_the_desk_scans_through_a_pickup_lock_out(pickup: PickupService, desk: StaffDesk) -> None:
    """Staff at a desk on the same database are not held up by the attendees' lock-out."""
    for _ in range(5):
        pickup.identify_name("Groß", "xxxxxx")
    assert (pickup.identify_scan("T-0002"), desk.identify_scan("T-0002")) == (
        NotFound("locked"),
        Found(PEOPLE[1], already_printed=False),
    )


def test_an_event_prefix_on_every_code_is_not_counted(pickup: PickupService, db: Database) -> None:
    """Codes made like SCES26-XXXXXX: the shared SCES26 says nothing about anyone, so six
    characters beyond it are asked for and the prefix with a surname finds nobody."""
    rnd = __import__("random").Random(5)
    people = [
        Attendee(f"S{i}", "Li", "Wang", "", f"s{i}@example.cn", "visitor",
                 ticket_code="SCES26-" + "".join(rnd.choice("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
                                                 for _ in range(6)))
        for i in range(40)
    ]  # fmt: skip
    with write(db):
        for person in people:
            attendees.save(db, person)
    pickup.reload()
    code = people[7].ticket_code or ""
    assert (pickup.code_length(), pickup.identify_name("Wang", code[:9])) == (
        12,
        NotFound("too_short"),
    )
    assert pickup.identify_name("wang", code.lower()) == Found(people[7], False)
