"""The staff desk: walk-ins, and replacing a lost badge so that the old one stops working."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlite_utils import Database

from kiosk.domain.decision import Verdict
from kiosk.domain.event import Event
from kiosk.service.checkin import CheckInService
from kiosk.service.desk import PossibleDuplicate, Replaced, StaffDesk
from kiosk.service.pickup import Found, NotFound, PickupError, Printed, StaffNeeded
from kiosk.store import attendees, prints
from tests.conftest import PEOPLE, at
from tests.printing.conftest import STAFF_PIN, FakeOutput


def test_walk_in_with_signing_key_gets_signed_code(
    desk: StaffDesk, output: FakeOutput, db: Database
) -> None:
    """A walk-in on a machine with the signing key gets a signed code and is not flagged."""
    walk_in = desk.register_walk_in("Li", "王", "visitor", company="Cloudwalk")
    assert not walk_in.flagged
    assert desk.identify_scan(walk_in.code or "") == Found(walk_in.attendee, False)
    result = desk.print_badge(walk_in.attendee, output)
    assert isinstance(result, Printed) and result.record.kind == "walk_in"
    assert prints.flagged_walk_ins(db) == []


def test_walk_in_without_key_is_flagged(db: Database, event: Event) -> None:
    """Without the signing key the badge carries a local ticket code and the organiser is told."""
    desk = StaffDesk(db, event)
    walk_in = desk.register_walk_in("Marta", "Vidal", "delegate", company="BCN")
    assert walk_in.flagged and walk_in.code == walk_in.attendee.ticket_code
    assert [w.attendee_id for w in prints.flagged_walk_ins(db)] == [walk_in.attendee.id]
    assert desk.identify_scan(walk_in.code or "") == Found(walk_in.attendee, False)
    with pytest.raises(PickupError, match="unknown attendee type"):
        desk.register_walk_in("A", "B", "vip")
    with pytest.raises(PickupError, match="empty"):
        desk.register_walk_in(" ", "\t", "delegate")


def test_walk_in_needs_a_full_name_and_a_contact(desk: StaffDesk, db: Database) -> None:
    """A walk-in needs first and last name, and a valid e-mail or a company."""
    before = attendees.count(db)
    for first, last, company, email, words in [
        ("Marta", "", "BCN", "", "last name is required"),
        ("", "Vidal", "BCN", "", "first name is required"),
        ("Marta", "Vidal", "", "", "company or e-mail is required"),
        ("Marta", "Vidal", "", "marta-at-bcn", "not an e-mail address"),
    ]:
        with pytest.raises(PickupError, match=words):
            desk.register_walk_in(first, last, "delegate", company=company, email=email)
    assert attendees.count(db) == before
    assert desk.register_walk_in("Marta", "Vidal", "delegate", email="m@bcn.cat").attendee


def test_walk_in_of_a_registered_attendee_needs_staff_to_confirm(
    desk: StaffDesk, db: Database
) -> None:
    """The same name (accents, case, order aside) with the same e-mail or company names
    the registered attendee and saves nothing, unless staff confirm a different person."""
    before = attendees.count(db)
    for first, last, email, company in [
        ("Jürgen", "Groß", "jurgen@example.de", ""),
        ("JURGEN", "GROSS", "Jurgen@Example.de", ""),
        ("Jurgen", "Gross", "", "intex"),
        ("伟", "张", "zhang.wei@example.cn", ""),
    ]:
        with pytest.raises(PossibleDuplicate) as found:
            desk.register_walk_in(first, last, "visitor", email=email, company=company)
        assert [a.id for a in found.value.matches] in (["A3"], ["A1"])
    assert attendees.count(db) == before
    other = desk.register_walk_in("Jürgen", "Groß", "visitor", email="j.gross@other.de")
    assert other.attendee.id != "A3"  # same name, another e-mail: another person
    confirmed = desk.register_walk_in(
        "Jürgen", "Groß", "visitor", email="jurgen@example.de", different_person=True
    )
    assert attendees.count(db) == before + 2 and confirmed.attendee.id != "A3"


def _door(db: Database, event: Event) -> CheckInService:
    return CheckInService(db, event, clock=lambda: at("14 10:00"))


def test_replaced_badge_is_refused_and_the_new_one_admitted(
    desk: StaffDesk, output: FakeOutput, db: Database, event: Event, code_for: Callable[..., str]
) -> None:
    """After a replacement the lost badge's code is refused at the door; the new one works,
    and printing it is a logged, PIN-authorised reprint."""
    person = PEOPLE[0]
    assert isinstance(desk.print_badge(person, output), Printed)
    replaced = desk.replace_badge(person, pin=STAFF_PIN, reason="lost on day 1")
    assert isinstance(replaced, Replaced) and replaced.signed
    assert replaced.attendee.badge_issue == 2
    assert replaced.attendee.ticket_code == person.ticket_code  # signed: the e-mail QR still works
    new_code = desk.badge_code(replaced.attendee)
    assert new_code == code_for(person.id, person.type, 2)
    door = _door(db, event)
    assert door.scan(code_for(person.id, person.type, 1), "main").verdict is Verdict.REVOKED
    assert door.scan(new_code or "", "main").verdict is Verdict.ADMITTED
    assert desk.print_badge(replaced.attendee, output) == StaffNeeded("already_printed")
    again = desk.print_badge(replaced.attendee, output, pin=STAFF_PIN, reason="lost badge")
    assert isinstance(again, Printed) and (again.record.kind, again.record.badge_issue) == (
        "reprint",
        2,
    )
    assert output.printed[-1] == (person.id, new_code)
    logged = db.execute("SELECT old_issue, new_issue, reason, signed FROM replacements").fetchall()
    assert logged == [(1, 2, "lost on day 1", 1)]


@pytest.mark.parametrize(
    ("pin", "reason", "why"),
    [(None, "lost", "bad_pin"), ("0000", "lost", "bad_pin"), (STAFF_PIN, "  ", "reason_required")],
)
def test_replacement_needs_pin_and_reason_and_changes_nothing_without(
    desk: StaffDesk, db: Database, pin: str | None, reason: str, why: str
) -> None:
    """A wrong PIN or no reason leaves the badge, the log and the revocations as they were."""
    result = desk.replace_badge(PEOPLE[0], pin=pin, reason=reason)  # type: ignore[arg-type]
    assert result == StaffNeeded(why)
    assert attendees.find_by_id(db, PEOPLE[0].id) == PEOPLE[0]
    assert attendees.revocation(db, PEOPLE[0].id) is None
    assert db.execute("SELECT count(*) FROM replacements").fetchone() == (0,)


def test_replacement_without_key_renews_the_ticket_code(
    db: Database, event: Event, output: FakeOutput
) -> None:
    """Without the signing key the new badge carries a new ticket code; the old one (on the
    lost badge) is no longer known, so nobody else gets in with it."""
    desk = StaffDesk(db, event, verify_pin=lambda pin: pin == STAFF_PIN)
    person = PEOPLE[1]
    old = person.ticket_code or ""
    replaced = desk.replace_badge(person, pin=STAFF_PIN, reason="stolen")
    assert isinstance(replaced, Replaced) and not replaced.signed
    new = replaced.attendee.ticket_code or ""
    assert new.startswith("W") and new != old
    assert desk.badge_code(replaced.attendee) == new
    assert desk.identify_scan(old) == NotFound("unknown_code")
    assert desk.identify_scan(new) == Found(replaced.attendee, False)
    assert _door(db, event).scan(new, "main").verdict is Verdict.ADMITTED


def test_badge_after_a_replacement_needs_staff_even_if_never_printed_here(
    desk: StaffDesk, output: FakeOutput
) -> None:
    """The lost badge came from elsewhere (pre-printed): its successor is still a second
    badge, so the attendee cannot print it alone at a pickup kiosk."""
    replaced = desk.replace_badge(PEOPLE[2], pin=STAFF_PIN, reason="lost")
    assert isinstance(replaced, Replaced) and desk.needs_staff(replaced.attendee)
    assert desk.print_badge(replaced.attendee, output) == StaffNeeded("already_printed")
    result = desk.print_badge(replaced.attendee, output, pin=STAFF_PIN, reason="replacement")
    assert isinstance(result, Printed) and result.record.kind == "reprint"
