"""The demo attendee generator: deterministic, unique, multilingual, consistent with the event."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from itertools import islice

import pytest

from kiosk import resources
from kiosk.demodata import (
    AttendeeRow,
    RegistrationRow,
    generate_attendees,
    generate_demo,
    generate_registrations,
)
from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event, Registration
from kiosk.domain.event_file import load_event, parse_event

DEMO = resources.demo_event()
EMAIL = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)*@[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,}$")
RESERVED = re.compile(r"(\.example|@example\.(com|org|net))$")  # RFC 2606: never delivered


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(DEMO)[0]


@pytest.fixture(scope="module")
def crowd(event: Event) -> list[AttendeeRow]:
    return list(generate_attendees(event, 5000))


@pytest.fixture(scope="module")
def big_crowd(event: Event) -> list[AttendeeRow]:
    return list(generate_attendees(event, 100_000))


@pytest.fixture(scope="module")
def registrations(event: Event) -> list[RegistrationRow]:
    return list(generate_registrations(event, 5000))


def test_same_seed_same_attendees(event: Event) -> None:
    """Two runs with the same seed yield identical rows and registrations."""
    assert list(generate_attendees(event, 2000, seed=7)) == list(
        generate_attendees(event, 2000, seed=7)
    )
    assert list(generate_registrations(event, 2000, seed=7)) == list(
        generate_registrations(event, 2000, seed=7)
    )


def test_other_seed_other_attendees(event: Event) -> None:
    """A different seed yields different people and codes."""
    one, two = generate_attendees(event, 50, seed=1), generate_attendees(event, 50, seed=2)
    pairs = list(zip(one, two, strict=True))
    assert sum(a.ticket_code == b.ticket_code for a, b in pairs) == 0
    assert sum(a.email == b.email for a, b in pairs) < 5


def test_first_attendees_do_not_depend_on_count(event: Event) -> None:
    """The first n attendees and their registrations are the same whatever the count."""
    assert list(generate_attendees(event, 1500)) == list(
        islice(generate_attendees(event, 6000), 1500)
    )
    assert list(generate_demo(event, 300)) == list(islice(generate_demo(event, 5000), 300))


def test_streams_without_building_the_crowd(event: Event) -> None:
    """Asking for a million yields the first attendee at once: rows are produced lazily."""
    first = next(generate_attendees(event, 1_000_000))
    assert first == next(generate_attendees(event, 1))


def test_output_does_not_depend_on_hash_seed() -> None:
    """Processes with different PYTHONHASHSEED values generate the same bytes."""
    script = (
        "import hashlib, pathlib, sys\n"
        "from kiosk.demodata import generate_demo\n"
        "from kiosk.domain.event_file import load_event\n"
        f"event = load_event(pathlib.Path({str(DEMO)!r}))[0]\n"
        "digest = hashlib.sha256()\n"
        "for row, regs in generate_demo(event, 3000):\n"
        "    digest.update(repr((row, regs)).encode())\n"
        "print(digest.hexdigest())\n"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_counts_from_zero_to_one(event: Event) -> None:
    """Zero attendees is an empty stream, one is one row; a negative count is refused."""
    assert list(generate_attendees(event, 0)) == []
    assert [r.id for r in generate_attendees(event, 1)] == ["A0000001"]
    with pytest.raises(ValueError):
        list(generate_attendees(event, -1))


def test_ids_are_short_and_sequential(big_crowd: list[AttendeeRow]) -> None:
    """Attendee ids run A0000001, A0000002, ... (unique by construction)."""
    assert [r.id for r in big_crowd[:3]] == ["A0000001", "A0000002", "A0000003"]
    assert big_crowd[-1].id == "A0100000"
    assert len({r.id for r in big_crowd}) == len(big_crowd)


def test_emails_unique_and_valid_at_100000(big_crowd: list[AttendeeRow]) -> None:
    """100,000 e-mail addresses: all distinct, plain ASCII, on reserved example domains."""
    emails = [r.email for r in big_crowd]
    assert len(set(emails)) == len(emails)
    assert [e for e in emails if not EMAIL.match(e)] == []
    assert [e for e in emails if not RESERVED.search(e)] == []


def test_ticket_codes_unique_at_100000(big_crowd: list[AttendeeRow]) -> None:
    """100,000 ticket codes: distinct, 10 upper-case alphanumerics without I, O, 0 or 1."""
    codes = [r.ticket_code for r in big_crowd]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-HJ-NP-Z2-9]{10}", c) for c in codes)


def test_types_exist_in_event_in_realistic_shares(event: Event, crowd: list[AttendeeRow]) -> None:
    """Every type comes from the event; visitors and delegates are most of the crowd."""
    counts = Counter(r.type for r in crowd)
    assert set(counts) == {t.id for t in event.types}
    assert counts["visitor"] > counts["delegate"] > counts["exhibitor"]
    assert (counts["visitor"] + counts["delegate"]) / len(crowd) > 0.7
    assert 50 <= counts["speaker"] <= 120  # SCES announces more than 70 speakers


def test_names_cover_the_scripts_of_the_brief(crowd: list[AttendeeRow]) -> None:
    """Names include Hanzi, accented Latin, German ß and umlauts, Hangul and Arabic script."""
    names = [f"{r.first_name} {r.last_name}" for r in crowd]

    def some(test: str) -> bool:
        return any(re.search(test, n) for n in names)

    assert some(r"[\u4e00-\u9fff]")  # CJK ideographs
    assert some(r"[áéíóúàèòçñ]")  # Spanish/Catalan/French accents
    assert some("ß") and some("[äöüÄÖÜ]")
    assert some(r"[\uac00-\ud7af]")  # Hangul
    assert some(r"[\u0600-\u06ff]")  # Arabic
    assert some(r" i ")  # Catalan double surname, as in Puig i Solé


def test_chinese_names_read_family_first(crowd: list[AttendeeRow]) -> None:
    """A Hanzi name is given + family in the row and shows family-first, unspaced, as 张伟."""
    row = next(r for r in crowd if re.fullmatch(r"[\u4e00-\u9fff]+", r.first_name + r.last_name))
    shown = Attendee(row.id, row.first_name, row.last_name, row.company, row.email, row.type).name
    assert shown == row.last_name + row.first_name


def test_rows_are_clean_text(crowd: list[AttendeeRow]) -> None:
    """No empty names or positions, no stray spaces, text in NFC form."""
    for r in crowd:
        assert r.first_name and r.last_name and r.position
        for text in (r.first_name, r.last_name, r.company, r.position):
            assert text == text.strip() and "  " not in text
            assert unicodedata.is_normalized("NFC", text)


def test_companies_include_exhibitors_and_organisers(crowd: list[AttendeeRow]) -> None:
    """The named exhibitors and both organisers appear among the companies."""
    companies = {r.company for r in crowd}
    for name in (
        "Huawei",
        "China Mobile Limited",
        "Cloudwalk Technology",
        "Fira de Barcelona",
        "INTEX Shanghai",
    ):
        assert name in companies


def test_staff_work_for_the_organisers(crowd: list[AttendeeRow]) -> None:
    """Staff badges belong to the organisers or the venue."""
    staff = {r.company for r in crowd if r.type == "staff"}
    assert staff <= {
        "Fira de Barcelona",
        "INTEX Shanghai",
        "上海国际展览有限公司",
        "Shanghai Post Museum",
    }


def test_registrations_reference_the_event_and_the_crowd(
    event: Event, crowd: list[AttendeeRow], registrations: list[RegistrationRow]
) -> None:
    """Registrations name generated attendees and existing sessions, at most once each."""
    ids = {r.id for r in crowd}
    sessions = {s.id for s in event.sessions}
    assert registrations
    assert all(r.attendee_id in ids and r.session_id in sessions for r in registrations)
    pairs = [(r.attendee_id, r.session_id) for r in registrations]
    assert len(set(pairs)) == len(pairs)


def test_kinds_match_the_sessions(event: Event, registrations: list[RegistrationRow]) -> None:
    """'invited' only for invitation-only sessions, 'registered' only for required ones."""
    rule = {s.id: s.registration for s in event.sessions}
    for r in registrations:
        expected = Registration.INVITATION if r.kind == "invited" else Registration.REQUIRED
        assert r.kind in ("invited", "registered") and rule[r.session_id] is expected


def test_every_restricted_session_gets_people(
    event: Event, registrations: list[RegistrationRow]
) -> None:
    """Each required and each invitation-only session has registrations, within capacity + 10%."""
    per_session = Counter(r.session_id for r in registrations)
    for s in event.sessions:
        if s.registration is Registration.OPEN:
            assert per_session[s.id] == 0
        else:
            assert 0 < per_session[s.id] <= s.capacity * 1.1


def test_who_is_invited_and_who_registers(
    crowd: list[AttendeeRow], registrations: list[RegistrationRow], event: Event
) -> None:
    """Invitations go to VIPs, speakers and press; registrants may enter the session's hall."""
    kind = {r.id: r.type for r in crowd}
    invited = Counter(kind[r.attendee_id] for r in registrations if r.kind == "invited")
    assert set(invited) == {"vip", "speaker", "press"}
    for r in registrations:
        session, attendee_type = event.session(r.session_id), event.type(kind[r.attendee_id])
        assert session is not None and attendee_type is not None
        assert attendee_type.may_enter(session.hall) and not attendee_type.all_access
        assert session.types is None or attendee_type.id in session.types
    registered = Counter(kind[r.attendee_id] for r in registrations if r.kind == "registered")
    assert registered.most_common(1)[0][0] == "delegate"


def test_demo_pairs_rows_with_their_registrations(event: Event) -> None:
    """generate_demo yields each row with its own registrations, matching the separate streams."""
    pairs = list(generate_demo(event, 3000))
    assert [row for row, _ in pairs] == list(generate_attendees(event, 3000))
    assert [r for _, regs in pairs for r in regs] == list(generate_registrations(event, 3000))
    assert all(r.attendee_id == row.id for row, regs in pairs for r in regs)


def test_any_event_any_types() -> None:
    """Another event's own type ids are used as they are; nothing assumes the SCES types."""
    other = parse_event(
        """
        [event]
        id = "kyoto-2027"
        name = "Smart City Expo Kyoto"
        timezone = "Asia/Tokyo"
        days = ["2027-03-02"]
        [[halls]]
        id = "hall-1"
        name = "Hall 1"
        capacity = 100
        [[types]]
        id = "attendee"
        name = "Attendee"
        color = "#336699"
        [[types]]
        id = "crew"
        name = "Crew"
        color = "#993333"
        all_access = true
        [[sessions]]
        id = "masterclass"
        hall = "hall-1"
        title = "Masterclass"
        start = "2027-03-02T10:00"
        end = "2027-03-02T11:00"
        registration = "required"
        capacity = 20
        """
    )
    demo = list(generate_demo(other, 500))
    assert {row.type for row, _ in demo} == {"attendee", "crew"}
    registered = [r for _, regs in demo for r in regs]
    assert 0 < len(registered) <= 22
    assert {r.kind for r in registered} == {"registered"}
