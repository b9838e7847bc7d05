"""Issue 10's attacks, with only write access to a folder hub: each leaves every door's
decisions unchanged and is reported; legitimate records still flow (docs/trust.md)."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.codes import sign_code
from kiosk.domain.decision import Verdict
from kiosk.domain.event import Event
from kiosk.domain.trust import PUBLICATION_FORMAT, Role, items_digest, key_text, sign_statement
from kiosk.store import attendees, events, prints, settings, trust_state
from kiosk.store.checkins import LogRecord
from kiosk.store.db import write
from kiosk.store.prints import NameCorrection
from kiosk.sync.bundle import write_bundle
from kiosk.sync.folder import FolderHub
from kiosk.sync.hub import LOG_FIELDS, SignedPart
from kiosk.sync.records import checkin_wire, journal_wire, signed
from tests.conftest import TINY_EVENT
from tests.pg_server import PgHub
from tests.sync.conftest import Kiosk, Venue, add_records, fake_records

Code = Callable[..., str]


@pytest.fixture
def stick(folder_hub: str, venue_factory: Callable[[str], Venue]) -> Venue:
    return venue_factory(folder_hub)


@pytest.fixture
def venue_factory(
    published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk], db: Database,
    organiser_root: Ed25519PrivateKey,
) -> Callable[[str], Venue]:  # fmt: skip
    def make(location: str) -> Venue:
        published(location)
        return Venue(location, location, published, kiosk_factory, db, organiser_root)

    return make


def known(db: Database, attendee_id: str) -> Attendee:
    found = attendees.find_by_id(db, attendee_id)
    assert found is not None
    return found


def decisions(door: Kiosk, code_for: Code) -> dict[str, str]:
    """What the door would decide now, without recording anything (a fresh copy)."""
    copy = door.path.with_name(f"probe-{door.path.name}")
    door.db.execute("VACUUM INTO ?", [str(copy)])
    probe = Kiosk(copy)
    service = probe.service("14 10:00")
    found = {
        person: service.scan(code_for(person, kind), "main").verdict.value
        for person, kind in (("A1", "delegate"), ("A2", "delegate"), ("A3", "visitor"))
    }
    found["T-0005"] = service.scan("T-0005", "floor").verdict.value  # cancelled: revoked
    probe.db.conn.close()
    copy.unlink()
    return found


def forged_part(
    key: Ed25519PrivateKey, items: list[dict[str, Any]], version: int = 50, base: int = 0,
    event: str = "tiny-2026",
) -> SignedPart:  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    statement = {
        "format": PUBLICATION_FORMAT, "event": event, "version": version, "part": 1,
        "last": True, "base": base, "issued": now.isoformat(),
        "expires": (now + dt.timedelta(days=30)).isoformat(), "root": key_text(key.public_key()),
        "count": len(items), "items_sha256": items_digest(items),
    }  # fmt: skip
    return SignedPart(statement, sign_statement(key, statement), items)


def rogue_log(hub: str, source: str, items: list[dict[str, Any]], number: int = 1) -> Path:
    """A file as a kiosk's push writes it, written by someone with the stick."""
    directory = Path(hub) / "log" / source
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{number:08d}.jsonl.gz"
    write_bundle(path, {"kind": "log", "source": source, "number": number, "own": 0}, items)
    return path


ATTACKER_ITEMS: dict[str, list[dict[str, Any]]] = {
    "a new badge key": [{"k": "key", "key_id": "evil", "event_id": "tiny-2026",
                         "public_key": key_text(Ed25519PrivateKey.generate().public_key())}],
    "an un-cancelled attendee": [
        {"k": "attendee", "id": "A5", "first_name": "Ana", "last_name": "Gone", "company": "X",
         "email": "ana@example.com", "position": "", "type": "delegate", "ticket_code": "T-0005",
         "badge_issue": 1, "cancelled": False, "photo": None, "registrations": "[]",
         "removed": False}
    ],
    "an attendee with a ticket code of the attacker's choice": [
        {"k": "attendee", "id": "Z1", "first_name": "Eve", "last_name": "Mallory",
         "company": "X", "email": "eve@example.com", "position": "", "type": "staff",
         "ticket_code": "EVE-1", "badge_issue": 1, "cancelled": False, "photo": None,
         "registrations": "[]", "removed": False}
    ],
    "a visitor made all-access": [
        {"k": "event", "source": TINY_EVENT.replace('halls = ["floor"]', 'halls = "*"')}
    ],
    "a kiosk enrolled": [{"k": "enrolment", "kiosk_id": "k-evil", "role": "desk",
                          "public_key": key_text(Ed25519PrivateKey.generate().public_key()),
                          "revoked": False}],
}  # fmt: skip


@pytest.mark.parametrize("what", list(ATTACKER_ITEMS))
def test_a_publication_signed_by_anyone_but_the_organiser_changes_nothing(
    stick: Venue, code_for: Code, what: str
) -> None:
    """A forged organiser file (a new key, an un-cancelled attendee, a rewritten event, an
    enrolment) is refused whole and reported; the door decides as before."""
    door = stick.kiosk("door")
    before = decisions(door, code_for)
    keys = set(events.public_keys(door.db, "tiny-2026"))
    FolderHub(stick.location).publish_part(
        forged_part(Ed25519PrivateKey.generate(), ATTACKER_ITEMS[what])
    )
    report = door.sync(stick.location)
    assert any(
        "refused organiser publication 50 part 1: signed by" in p
        and "not the organiser this kiosk trusts" in p
        for p in report.problems
    )
    assert decisions(door, code_for) == before
    assert set(events.public_keys(door.db, "tiny-2026")) == keys
    assert "k-evil" not in trust_state.enrolments(door.db)


def test_a_badge_signed_with_a_key_slipped_onto_the_hub_is_refused(
    stick: Venue, event: Event
) -> None:
    """The attack of the issue: a key item in organiser/ and a staff badge signed with it
    for a made-up attendee: refused at the door (the key is never trusted)."""
    door = stick.kiosk("door")
    evil = Ed25519PrivateKey.generate()
    item = {"k": "key", "key_id": "evil", "event_id": event.id,
            "public_key": key_text(evil.public_key())}  # fmt: skip
    FolderHub(stick.location).publish_part(forged_part(evil, [item]))
    door.sync(stick.location)
    badge = sign_code(evil, event.id, "Z999", "staff", 1)
    assert door.service("14 10:00").scan(badge, "main").verdict is Verdict.INVALID_CODE


def test_an_organiser_part_altered_after_signing_is_refused(
    stick: Venue, db: Database, code_for: Code
) -> None:
    """Changing one item of a genuine part (un-cancel A5) breaks its hash: refused whole."""
    door = stick.kiosk("door")
    before = decisions(door, code_for)
    with write(db):
        attendees.save(db, Attendee("A7", "New", "Person", "Z", "n@x.com", "delegate"))
    stick.republish()
    newest = sorted((Path(stick.location) / "organiser").iterdir())[-1]
    raw = gzip.decompress(newest.read_bytes()).replace(b'"New"', b'"Evil"')
    lines = raw.split(b"\n")
    body = b"\n".join(lines[:-2]) + b"\n"  # a valid checksum trailer: only the signed
    # hash is left to catch the change

    trailer = json.dumps({"end": json.loads(lines[0])["count"],
                          "sha256": hashlib.sha256(body).hexdigest()}).encode()  # fmt: skip
    newest.write_bytes(gzip.compress(body + trailer + b"\n"))
    report = door.sync(stick.location)
    assert any("its items differ from what the organiser signed" in p for p in report.problems)
    assert attendees.find_by_id(door.db, "A7") is None
    assert decisions(door, code_for) == before


def test_records_from_a_kiosk_nobody_enrolled_are_refused_and_reported(
    stick: Venue, code_for: Code, event: Event
) -> None:
    """A new folder under log/ marking victims inside, revoking a badge with a fake
    replacement, registering a staff walk-in, renaming and marking printed: all refused,
    signed or not, and the door decides as before."""
    door = stick.kiosk("door")
    before = decisions(door, code_for)
    intruder = Ed25519PrivateKey.generate()
    inside = LogRecord("x1", "k-evil", "main", "keynote", "entry", "admitted", "admitted", "A1",
                       "c", "2026-10-14T01:50:00+00:00", 1)  # fmt: skip
    row = {"id": "r1", "kiosk_id": "k-evil", "attendee_id": "A2",
           "at": "2026-10-14T01:50:00+00:00", "old_issue": 1, "new_issue": 9,
           "reason": "lost", "signed": 0}  # fmt: skip
    staff = Attendee("Z2", "Eve", "Staff", "X", "eve@x.com", "staff", ticket_code="EVE-2")
    walk_in = {"id": "w1", "kiosk_id": "k-evil", "attendee_id": "Z2", "at": row["at"],
               "signed": 0, "flagged": 0}  # fmt: skip
    rename = {"id": "n1", "kiosk_id": "k-evil", "attendee_id": "A1", "at": row["at"],
              "original_first": "伟", "original_last": "张", "corrected_first": "X",
              "corrected_last": "Y"}  # fmt: skip
    printed = {"id": "p1", "kiosk_id": "k-evil", "attendee_id": "A6", "badge_issue": 1,
               "at": row["at"], "kind": "first", "reason": "", "printer": "x", "status": "ok",
               "error": "", "staff": 0}  # fmt: skip
    items = [
        signed(intruder, checkin_wire(inside)),
        signed(intruder, journal_wire("replacement", row, None)),
        {**checkin_wire(inside), "id": "x2", "sig": "AAAA"},
        signed(intruder, journal_wire("walk_in", walk_in, staff.__dict__)),
        signed(intruder, journal_wire("name_correction", rename, None)),
        signed(intruder, journal_wire("print", printed, None)),
    ]
    rogue_log(stick.location, "k-evil", items)
    report = door.sync(stick.location)
    assert "refused 6 records from k-evil: not enrolled" in report.problems
    assert decisions(door, code_for) == before
    assert known(door.db, "A2").badge_issue == 1
    assert known(door.db, "A1").first_name == "伟"
    assert attendees.find_by_id(door.db, "Z2") is None
    assert not prints.has_printed(door.db, "A6")


def test_a_door_cannot_send_what_only_a_desk_may(stick: Venue, code_for: Code) -> None:
    """An enrolled door's key signs a replacement and a name correction: refused for its
    role (a door only records entries and exits)."""
    door, other = stick.kiosk("door"), stick.kiosk("other")
    row = {"id": "r1", "kiosk_id": other.id, "attendee_id": "A1",
           "at": "2026-10-14T01:50:00+00:00", "old_issue": 1, "new_issue": 5,
           "reason": "lost", "signed": 0}  # fmt: skip
    rogue_log(stick.location, other.id, [signed(other.key, journal_wire("replacement", row, None))],
              number=90)  # fmt: skip
    report = door.sync(stick.location)
    assert f"refused 1 record from {other.id}: a door may not send replacement records" in (
        report.problems
    )
    assert known(door.db, "A1").badge_issue == 1


def test_a_record_altered_on_the_stick_is_refused(stick: Venue) -> None:
    """Another door's genuine record with its attendee changed: the signature fails."""
    door, other = stick.kiosk("door"), stick.kiosk("other")
    record = fake_records(other.id, 1)[0]
    wire = signed(other.key, checkin_wire(record))
    rogue_log(stick.location, other.id, [{**wire, "attendee_id": "A1"}], number=77)
    report = door.sync(stick.location)
    assert f"refused 1 record from {other.id}: bad signature (altered or forged)" in (
        report.problems
    )
    assert door.ids() == set()


def test_sql_in_a_record_field_name_never_runs(stick: Venue) -> None:
    """The issue's injection, signed even by an enrolled desk: a field name carrying SQL
    is refused by the schema; settings (the hub password) are never copied anywhere."""
    door = stick.kiosk("door")
    desk = stick.kiosk("desk", role=Role.DESK)
    evil = "reason) SELECT 1,2,3,4,5,6,(SELECT group_concat(value) FROM settings),8,9--"
    row = {"id": "p1", "kiosk_id": desk.id, "attendee_id": "A1", "badge_issue": 1,
           "at": "2026-10-14T01:50:00+00:00", "kind": "first", "printer": "x", "status": "ok",
           "error": "", "staff": 0, evil: "x"}  # fmt: skip
    rogue_log(stick.location, desk.id, [signed(desk.key, journal_wire("print", row, None))],
              number=55)  # fmt: skip
    report = door.sync(stick.location)
    assert any(f"refused 1 record from {desk.id}: malformed" in p for p in report.problems)
    assert door.db.execute("SELECT count(*) FROM prints").fetchone()[0] == 0


@pytest.mark.parametrize(
    "change",
    [{"code": 12345}, {"at": "yesterday"}, {"delta": 10**11}, {"verdict": "vip"},
     {"hall": "h" * 10_000}, {"offline": "yes"}],
)  # fmt: skip
def test_a_malformed_record_is_skipped_and_sync_goes_on(
    stick: Venue, change: dict[str, Any]
) -> None:
    """A well-signed record of the wrong shape is reported and skipped; the same pass
    keeps the good records, and later passes do not fail on it."""
    door, other = stick.kiosk("door"), stick.kiosk("other")
    good, bad = fake_records(other.id, 2)
    items = [signed(other.key, checkin_wire(good)), signed(other.key, {**checkin_wire(bad),
                                                                        **change})]  # fmt: skip
    rogue_log(stick.location, other.id, items, number=40)
    report = door.sync(stick.location)
    assert any(f"refused 1 record from {other.id}: malformed" in p for p in report.problems)
    assert door.ids() == {good.id}
    assert door.sync(stick.location).pulled == 0


def test_a_renamed_copy_with_a_huge_number_hides_no_later_records(stick: Venue) -> None:
    """A copy of a kiosk's file renamed 99999999: readers still read that kiosk's next
    files (a reader remembers files, not a high-water mark)."""
    door, other = stick.kiosk("door"), stick.kiosk("other")
    add_records(other.db, fake_records("kother", 5))
    other.sync(stick.location)
    directory = Path(stick.location) / "log" / other.id
    first = sorted(directory.iterdir())[0]
    shutil.copy(first, directory / "99999999.jsonl.gz")
    door.sync(stick.location)
    add_records(other.db, fake_records("kother", 2_000, start=5))
    other.sync(stick.location)
    door.sync(stick.location)
    assert door.ids() == {r.id for r in fake_records("kother", 2_005)}


def test_a_rogue_organiser_file_with_a_huge_number_does_not_stop_the_next_publish(
    stick: Venue, db: Database
) -> None:
    """organiser/99999999-0001: refused; the organiser's next publish is still applied."""
    door = stick.kiosk("door")
    rogue = Path(stick.location) / "organiser" / "99999999-0001.jsonl.gz"
    rogue.write_bytes(b"not even gzip")
    old_style = Path(stick.location) / "organiser" / "99999999.jsonl.gz"  # kiosk 0.1's names
    write_bundle(
        old_style, {"kind": "organiser", "number": 99999999}, ATTACKER_ITEMS["a kiosk enrolled"]
    )
    with write(db):
        attendees.save(db, Attendee("A8", "Late", "Comer", "Z", "l@x.com", "delegate"))
    stick.republish()
    report = door.sync(stick.location)
    assert attendees.find_by_id(door.db, "A8") is not None
    assert any("99999999-0001" in p for p in report.problems)
    assert f"ignored {old_style}: not a publication part" in report.problems
    assert "k-evil" not in trust_state.enrolments(door.db)


def test_a_stick_replaced_by_an_older_copy_is_noticed_and_repaired(
    stick: Venue, tmp_path: Path
) -> None:
    """The stick is swapped for yesterday's copy: the kiosk says the hub lost its records
    and sends them all again; another kiosk then has every one of them."""
    door, other = stick.kiosk("door"), stick.kiosk("other")
    old_copy = tmp_path / "yesterday"
    shutil.copytree(stick.location, old_copy)
    add_records(other.db, fake_records("kother", 30))
    other.sync(stick.location)
    shutil.rmtree(stick.location)
    shutil.copytree(old_copy, stick.location)
    report = other.sync(stick.location)
    assert report.resent and any("holds 0 of the 30 records" in p for p in report.problems)
    door.sync(stick.location)
    assert door.ids() == {r.id for r in fake_records("kother", 30)}


def test_an_old_copy_of_the_hub_is_reported_and_rolls_nothing_back(
    stick: Venue, db: Database, tmp_path: Path
) -> None:
    """A kiosk that saw a newer publication is shown an older hub: it says so and keeps
    what it has (a cancellation stays cancelled)."""
    door = stick.kiosk("door")
    old_copy = tmp_path / "old"
    shutil.copytree(stick.location, old_copy)
    with write(db):
        attendees.save(db, replace(known(db, "A2"), cancelled=True))
    stick.republish()
    door.sync(stick.location)
    assert known(door.db, "A2").cancelled
    meta = json.loads((old_copy / "kiosk-hub.json").read_text())
    meta["hub_id"] = "f" * 32  # and with another hub id, so no cursor protects it
    (old_copy / "kiosk-hub.json").write_text(json.dumps(meta))
    report = door.sync(str(old_copy))
    assert any("holds older organiser data than this kiosk has" in p for p in report.problems)
    assert known(door.db, "A2").cancelled


def test_organiser_data_never_undoes_a_correction_made_at_a_kiosk(
    stick: Venue, db: Database
) -> None:
    """A name corrected at pickup stays corrected when the organiser publishes (without
    having synced first), and when the hub id changes and everything is read again."""
    pickup = stick.kiosk("pickup", role=Role.PICKUP)
    door = stick.kiosk("door")
    with write(pickup.db):
        prints.append_correction(
            pickup.db,
            NameCorrection("c1", pickup.id, "A3", "2026-10-14T01:00:00+00:00", "Jürgen", "Groß",
                           "Jürgen", "Gross"),
        )  # fmt: skip
        attendees.save(pickup.db, replace(known(pickup.db, "A3"), last_name="Gross"))
    pickup.sync(stick.location)
    door.sync(stick.location)
    with write(db):  # the organiser changes A3's company, still with the old name
        attendees.save(db, replace(known(db, "A3"), company="INTEX GmbH"))
    stick.publish(stick.admin)
    for kiosk in (pickup, door):
        kiosk.sync(stick.location)
        found = known(kiosk.db, "A3")
        assert (found.last_name, found.company) == ("Gross", "INTEX GmbH")
    meta_file = Path(stick.location) / "kiosk-hub.json"
    meta = json.loads(meta_file.read_text())
    meta_file.write_text(json.dumps({**meta, "hub_id": "0" * 32}))
    report = door.sync(stick.location)
    assert report.attendees == 0
    assert known(door.db, "A3").last_name == "Gross"


def test_an_unenrolled_kiosk_is_refused_from_then_on(stick: Venue, db: Database) -> None:
    """A stolen door is un-enrolled: what it sent before stays, what it sends after is
    refused and reported at every kiosk."""
    from kiosk.store.organiser_setup import unenrol_kiosk

    door, stolen = stick.kiosk("door"), stick.kiosk("stolen")
    add_records(stolen.db, fake_records("kstolen", 1))
    stolen.sync(stick.location)
    door.sync(stick.location)
    unenrol_kiosk(db, stolen.id)
    stick.republish()
    door.sync(stick.location)
    add_records(stolen.db, fake_records("kstolen", 1, start=1))
    stolen.sync(stick.location)
    report = door.sync(stick.location)
    assert f"refused 1 record from {stolen.id}: un-enrolled" in report.problems
    assert door.ids() == {fake_records("kstolen", 1)[0].id}


def test_a_kiosk_enrolled_late_loses_nothing(stick: Venue) -> None:
    """Records a kiosk sent before its enrolment reached the others are read again once it
    does: refused first, kept after."""
    door = stick.kiosk("door")
    late = stick.kiosk("late", role=None)
    add_records(late.db, fake_records("klate", 1))
    late.sync(stick.location)
    assert "refused 1 record from klate: not enrolled" in door.sync(stick.location).problems
    stick.enrol(late)
    stick.republish()
    door.sync(stick.location)
    assert door.ids() == {fake_records("klate", 1)[0].id}


def test_an_expired_publication_is_refused_and_said(
    stick: Venue, db: Database, organiser_root: Ed25519PrivateKey, event: Event
) -> None:
    """A frozen stick: a part past its expiry is refused; a kiosk whose newest data expired
    says so on every pass and keeps deciding."""
    from kiosk.sync.hubs import open_hub
    from kiosk.sync.publish import publish

    door = stick.kiosk("door")
    hub = open_hub(stick.location)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=40)
    publish(db, hub, event, root=organiser_root, full=True, clock=lambda: past)
    report = door.sync(stick.location)
    assert any("expired on" in p for p in report.problems)
    later = Kiosk(door.path, skew=dt.timedelta(days=45))
    report = later.sync(stick.location)
    assert any("the organiser's data here expired" in p for p in report.problems)


def test_a_kiosk_cannot_make_a_signing_key_or_publish(
    stick: Venue, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk keys new --db door.db` and `kiosk publish` on a door: refused, one line."""
    from kiosk.cli import main as cli

    door = stick.kiosk("door")
    keys = set(events.public_keys(door.db, "tiny-2026"))
    assert cli.main(["keys", "new", "--db", str(door.path)]) == 1
    assert cli.main(["publish", "--hub", stick.location, "--db", str(door.path)]) == 1
    err = capsys.readouterr().err
    assert err.count("only the organiser's machine") == 2
    assert set(events.public_keys(door.db, "tiny-2026")) == keys
    assert settings.get(door.db, "trust:version") is None


def test_the_kiosk_role_on_postgresql_has_no_more_power_than_a_stick(
    pg_hub: PgHub, venue_factory: Callable[[str], Venue], code_for: Code
) -> None:
    """With the kiosk role's password (every kiosk has it): log and journal rows inserted
    by hand for an unknown kiosk, a forged signature for an enrolled one, and another
    door's id as the pusher change no decision and are reported."""
    venue = venue_factory(pg_hub.admin)
    venue.location = pg_hub.kiosk
    door, other = venue.kiosk("door"), venue.kiosk("other")
    before = decisions(door, code_for)
    moment = "2026-10-14T01:50:00+00:00"
    inside = checkin_wire(
        LogRecord("x1", "k-evil", "main", "keynote", "entry", "admitted", "admitted", "A1", "c",
                  moment, 1)
    )  # fmt: skip
    forged = {**checkin_wire(fake_records(other.id, 1)[0]), "attendee_id": "A2"}
    with psycopg.connect(pg_hub.kiosk, autocommit=True) as conn:
        for row in (inside, forged):
            values = {**row, "sig": "AAAA", "offline": True}
            columns = [*LOG_FIELDS, "sig"]
            conn.execute(
                f"INSERT INTO kiosk_hub.log ({', '.join(columns)}) "
                f"VALUES ({', '.join('%s' for _ in columns)})",
                [values[c] for c in columns],
            )
        conn.execute(
            "INSERT INTO kiosk_hub.journal (id, kind, kiosk_id, body, sig) VALUES "
            "('j1', 'replacement', 'k-evil', %s, 'AAAA')",
            [json.dumps({"row": {"attendee_id": "A2", "new_issue": 9}, "attendee": None})],
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO kiosk_hub.log (id, kiosk_id, hall, direction, verdict, reason, "
                "code, at, delta, note, offline, warnings, sig, pushed_by) VALUES "
                "('x3', 'k-evil', 'main', 'entry', 'admitted', 'admitted', 'c', 'now', 1, '', "
                f"true, '', 'AAAA', '{door.id}')"
            )
    report = door.sync(pg_hub.kiosk)
    assert "refused 2 records from k-evil: not enrolled" in report.problems
    assert f"refused 1 record from {other.id}: bad signature (altered or forged)" in (
        report.problems
    )
    assert decisions(door, code_for) == before


def test_publish_to_a_mistyped_folder_creates_no_hub(
    db: Database, organiser_root: Ed25519PrivateKey, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """`kiosk publish --hub ./typo`: one line saying the hub is not there; no folder appears."""
    from kiosk.cli import main as cli

    typo = tmp_path / "stcik"
    assert cli.main(["publish", "--hub", str(typo), "--db", str(tmp_path / "kiosk.db")]) == 1
    assert not typo.exists()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"hub folder {typo} not found" in err


def test_an_enrolled_desk_changes_only_what_its_records_may(stick: Venue) -> None:
    """Within its role a desk still cannot take over a badge: a walk-in with someone's
    ticket code adds nobody, and a replacement's attendee copy makes nobody staff."""
    door, desk = stick.kiosk("door"), stick.kiosk("desk", role=Role.DESK)
    moment = "2026-10-14T01:50:00+00:00"
    thief = Attendee("W1", "Walk", "In", "X", "w@x.com", "staff", ticket_code="T-0001")
    walk_in = {"id": "w1", "kiosk_id": desk.id, "attendee_id": "W1", "at": moment,
               "signed": 0, "flagged": 1}  # fmt: skip
    a2 = known(door.db, "A2")
    upgraded = replace(a2, type="staff", ticket_code="T-NEW", first_name="Mallory")
    replacement = {"id": "r1", "kiosk_id": desk.id, "attendee_id": "A2", "at": moment,
                   "old_issue": 1, "new_issue": 2, "reason": "lost", "signed": 0}  # fmt: skip
    items = [
        signed(desk.key, journal_wire("walk_in", walk_in, thief.__dict__)),
        signed(desk.key, journal_wire("replacement", replacement, upgraded.__dict__)),
    ]
    rogue_log(stick.location, desk.id, items, number=60)
    report = door.sync(stick.location)
    assert report.journal == 2
    assert attendees.find_by_id(door.db, "W1") is None
    after = known(door.db, "A2")
    assert (after.type, after.first_name, after.ticket_code, after.badge_issue) == (
        "delegate", "Núria", "T-NEW", 2
    )  # fmt: skip


def test_a_lone_surrogate_in_a_file_is_refused_not_a_traceback(stick: Venue) -> None:
    """JSON may escape half a UTF-16 pair ("\\ud800"), which no UTF-8 text holds: the
    record is refused and reported, the pass goes on."""
    door, other = stick.kiosk("door"), stick.kiosk("other")
    good, bad = (signed(other.key, checkin_wire(r)) for r in fake_records(other.id, 2))
    directory = Path(stick.location) / "log" / other.id
    directory.mkdir(parents=True, exist_ok=True)
    lines = [{"format": "kiosk-sync-bundle/1", "count": 2, "kind": "log", "own": 2}, good,
             {**bad, "hall": "\ud800"}]  # fmt: skip
    body = b"".join(json.dumps(line).encode() + b"\n" for line in lines)
    trailer = json.dumps({"end": 2, "sha256": hashlib.sha256(body).hexdigest()}).encode()
    (directory / "00000500.jsonl.gz").write_bytes(gzip.compress(body + trailer + b"\n"))
    report = door.sync(stick.location)
    assert f"refused 1 record from {other.id}: bad signature (altered or forged)" in (
        report.problems
    )
    assert door.ids() == {good["id"]}


def test_an_online_refusal_needs_records_that_verify(stick: Venue, db: Database) -> None:
    """The claim check behind the PostgreSQL hub's refusals: an enrolled door's signed row
    counts, a forged or unknown one does not, and an enrolment made later counts after
    the check reads the enrolments again."""
    from kiosk.store.db import open_db
    from kiosk.sync.records import ClaimCheck

    door, other = stick.kiosk("door"), stick.kiosk("other")
    door.sync(stick.location)  # learns that "other" is enrolled
    moments = iter([0.0, 1.0, 100.0])
    check = ClaimCheck(lambda: open_db(door.path), refresh_s=60, clock=lambda: next(moments))
    record = fake_records(other.id, 1)[0]
    wire = signed(other.key, checkin_wire(record))
    assert check(wire)
    assert not check({**wire, "attendee_id": "A1"})
    late = stick.kiosk("late", role=None)
    late_wire = signed(late.key, checkin_wire(fake_records(late.id, 1)[0]))
    stick.enrol(late)
    stick.republish()
    door.sync(stick.location)
    assert check(late_wire)  # read again after 60 s


def test_a_destroyed_file_is_sent_again_by_its_kiosk(stick: Venue) -> None:
    """One of a kiosk's files is deleted from the stick: its next sync notices and sends
    its records again, so the others get every one."""
    door, other = stick.kiosk("door"), stick.kiosk("other")
    add_records(other.db, fake_records("kother", 10))
    other.sync(stick.location)
    add_records(other.db, fake_records("kother", 10, start=10))
    other.sync(stick.location)
    first = sorted((Path(stick.location) / "log" / other.id).iterdir())[0]
    first.unlink()
    report = other.sync(stick.location)
    assert report.resent and any("holds 10 of the 20 records" in p for p in report.problems)
    door.sync(stick.location)
    assert door.ids() == {r.id for r in fake_records("kother", 20)}
    assert other.sync(stick.location).problems == []


def test_a_revoked_signing_key_signs_nothing_any_more(
    stick: Venue, db: Database, event: Event, signing_key: Ed25519PrivateKey,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """A desk holding a badge-signing key is stolen: the organiser revokes the key and
    publishes; badges signed with it are refused at every door from its next sync, and a
    later publish does not bring the key back."""
    from kiosk.cli import main as cli
    from kiosk.domain.codes import key_id_of

    door = stick.kiosk("door")
    badge = sign_code(signing_key, event.id, "A1", "delegate", 1)
    assert door.service("14 10:00").scan(badge, "main").verdict is Verdict.ADMITTED
    kid = key_id_of(signing_key.public_key())
    organiser = str(tmp_path / "kiosk.db")
    assert cli.main(["keys", "revoke", kid, "--db", organiser]) == 0
    assert cli.main(["keys", "revoke", kid, "--db", organiser]) == 1
    assert "no trusted signing key" in capsys.readouterr().err
    stick.republish()
    report = door.sync(stick.location)
    assert report.keys == 1 and kid not in events.public_keys(door.db, event.id)
    again = door.service("14 10:05").scan(badge, "floor")
    assert again.verdict is Verdict.INVALID_CODE
    stick.republish()
    door.sync(stick.location)
    assert kid not in events.public_keys(door.db, event.id)
