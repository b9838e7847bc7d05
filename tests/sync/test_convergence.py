"""Kiosks and the organiser converge through either hub: provisioning, records, changes."""

from __future__ import annotations

from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.codes import sign_code
from kiosk.domain.decision import Direction, Verdict
from kiosk.domain.event import Event
from kiosk.domain.trust import Role
from kiosk.service.desk import Replaced, StaffDesk
from kiosk.store import attendees, events, prints, sync_state
from kiosk.store.db import write
from kiosk.store.prints import NameCorrection, PrintRecord
from tests.sync.conftest import Venue, assert_converged

Code = Callable[..., str]


def test_new_kiosk_is_provisioned_from_the_hub_alone_and_scans(
    venue: Venue,
    code_for: Code,
) -> None:  # fmt: skip
    """An empty database fetches event, keys and attendees from the hub and admits a badge."""
    location = venue.location
    kiosk = venue.kiosk("new", provision=False)
    report = kiosk.sync(location)
    assert (report.event_updated, report.keys, report.attendees) == (True, 1, 6)
    decision = kiosk.service("14 10:00").scan(code_for("A1"), "main")
    assert (decision.verdict, decision.attendee and decision.attendee.name) == (
        Verdict.ADMITTED,
        "张伟",
    )


def test_two_kiosks_converge_and_see_the_double_admission(
    venue: Venue,
    code_for: Code, db: Database, event: Event,
) -> None:  # fmt: skip
    """Offline admissions of one badge at two doors merge into both logs and one conflict."""
    location = venue.location
    a, b = venue.kiosk("a"), venue.kiosk("b")
    a.service("14 10:00").scan(code_for("A1"), "main")
    b.service("14 10:02").scan(code_for("A1"), "main")
    b.service("14 10:03").scan("T-0002", "main")
    for kiosk in (a, b, a):
        kiosk.sync(location)
    assert_converged(a.db, b.db)
    assert len(a.ids()) == 3
    found = sync_state.conflicts(a.db, [])
    assert [(c.attendee_id, c.session_id, c.inside, len(c.admissions)) for c in found] == [
        ("A1", "keynote", 2, 2)
    ]
    assert a.service().occupancy("keynote") == 3  # venue-wide, from both doors


def test_syncing_again_transfers_nothing(
    venue: Venue,
    code_for: Code,
) -> None:  # fmt: skip
    """Sync is incremental and idempotent: a second pass moves no record and no attendee."""
    location = venue.location
    a, b = venue.kiosk("a"), venue.kiosk("b")
    a.service().scan(code_for("A2"), "main")
    a.sync(location)
    b.sync(location)
    again = [a.sync(location), b.sync(location)]
    assert [(r.pushed, r.pulled, r.attendees, r.keys, r.event_updated) for r in again] == [
        (0, 0, 0, 0, False),
        (0, 0, 0, 0, False),
    ]


def test_only_changed_attendees_revocations_and_new_keys_flow_to_kiosks(
    venue: Venue,
    db: Database, event: Event, signing_key: Ed25519PrivateKey,
) -> None:  # fmt: skip
    """After a publish of one renamed attendee, a revocation and a new key, kiosks get those."""
    location = venue.location
    kiosk = venue.kiosk("k")
    new_key = Ed25519PrivateKey.generate()
    with write(db):
        attendees.save(db, Attendee("A3", "Jürgen", "Groß-Meier", "INTEX", "j@x.de", "visitor"))
        attendees.save(db, Attendee("A7", "Li", "Na", "Huawei", "li@x.cn", "delegate"))
        attendees.revoke(db, "A6", 2, "badge_lost")
        events.add_public_key(db, event.id, new_key.public_key())
    venue.republish()
    report = kiosk.sync(location)
    assert (report.attendees, report.revocations, report.keys) == (2, 1, 1)
    renamed = attendees.find_by_id(kiosk.db, "A3")
    assert renamed is not None and renamed.last_name == "Groß-Meier"
    service = kiosk.service("14 10:00")
    lost = service.scan(sign_code(signing_key, event.id, "A6", "delegate", 1), "main")
    fresh = service.scan(sign_code(new_key, event.id, "A7", "delegate", 1), "main")
    assert (lost.verdict, fresh.verdict) == (Verdict.REVOKED, Verdict.ADMITTED)


def test_attendee_removed_by_the_organiser_is_cancelled_on_kiosks(
    venue: Venue,
    db: Database,
) -> None:  # fmt: skip
    """Someone deleted from the organiser's list can no longer enter, but keeps their name."""
    location = venue.location
    kiosk = venue.kiosk("k")
    with write(db):
        db.execute("DELETE FROM attendees WHERE id = 'A2'")
    venue.republish()
    kiosk.sync(location)
    gone = attendees.find_by_id(kiosk.db, "A2")
    assert gone is not None and (gone.cancelled, gone.last_name) == (True, "Puig i Solé")
    assert kiosk.service().scan("T-0002", "main").verdict is Verdict.REVOKED


def test_prints_and_name_corrections_reach_other_kiosks(
    venue: Venue,
) -> None:  # fmt: skip
    """A badge printed and a name corrected at one kiosk show at the other after sync."""
    location = venue.location
    a, b = venue.kiosk("a", role=Role.PICKUP), venue.kiosk("b")
    with write(a.db):
        prints.append(
            a.db,
            PrintRecord("p1", a.id, "A3", 1, "2026-10-14T01:00:00+00:00", "first", "pdf", "ok"),
        )
        prints.append_correction(
            a.db,
            NameCorrection("c1", a.id, "A3", "2026-10-14T01:00:00+00:00", "Jürgen", "Groß",
                           "Jürgen", "Gross"),
        )  # fmt: skip
        person = attendees.find_by_id(a.db, "A3")
        assert person is not None
        attendees.save(a.db, Attendee("A3", "Jürgen", "Gross", person.company, person.email,
                                      person.type, person.ticket_code))  # fmt: skip
    a.sync(location)
    report = b.sync(location)
    renamed = attendees.find_by_id(b.db, "A3")
    assert (report.journal, prints.has_printed(b.db, "A3")) == (2, True)
    assert renamed is not None and renamed.last_name == "Gross"
    assert (a.sync(location).pushed, b.sync(location).pushed) == (0, 0)


def test_exit_at_another_door_empties_the_hall_everywhere(
    venue: Venue,
    code_for: Code,
) -> None:  # fmt: skip
    """Entry at one door and exit at another merge into one person who has left."""
    location = venue.location
    a, b = venue.kiosk("a"), venue.kiosk("b")
    a.service("14 10:00").scan(code_for("A1"), "main")
    a.sync(location)
    b.sync(location)
    b.service("14 10:20").scan(code_for("A1"), "main", Direction.EXIT)
    b.sync(location)
    a.sync(location)
    assert_converged(a.db, b.db)
    assert (a.service().occupancy("keynote"), b.service().occupancy("keynote")) == (0, 0)


def test_badge_replaced_at_one_kiosk_is_void_at_the_others(
    venue: Venue,
    db: Database, event: Event, signing_key: Ed25519PrivateKey, code_for: Code,
) -> None:  # fmt: skip
    """A lost badge replaced at the desk is refused at another door after both sync, and a
    later publish from the organiser (who still has issue 1) does not bring it back."""
    location = venue.location
    a, b = venue.kiosk("a", role=Role.DESK), venue.kiosk("b")
    person = attendees.find_by_id(a.db, "A1")
    assert person is not None
    desk = StaffDesk(a.db, event, signing_key=signing_key, verify_pin=lambda pin: pin == "1357")
    replaced = desk.replace_badge(person, pin="1357", reason="lost")
    assert isinstance(replaced, Replaced)
    a.sync(location)
    assert b.sync(location).journal == 1
    with write(db):
        attendees.save(db, Attendee("A1", "伟", "张", "Cloudwalk", "zw@x.cn", "delegate", "T-0001"))
    venue.republish()
    b.sync(location)
    kept = attendees.find_by_id(b.db, "A1")
    assert kept is not None and (kept.badge_issue, kept.company) == (2, "Cloudwalk")
    door = b.service("14 10:00")
    assert door.scan(code_for("A1"), "main").verdict is Verdict.REVOKED
    assert door.scan(code_for("A1", issue=2), "main").verdict is Verdict.ADMITTED
