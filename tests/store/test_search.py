"""Attendee search: substrings in any script, short CJK names, stale-index fallback."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.store import attendees
from kiosk.store.db import write
from kiosk.store.search import refresh_search_index, search, suspend_search_index


def ids(db: Database, text: str) -> list[str]:
    return [a.id for a in search(db, text).attendees]


def test_accent_and_case_insensitive(db: Database) -> None:
    """'jurgen' and 'GROSS' find Jürgen Groß; 'nuria sole' finds Núria Puig i Solé."""
    assert (ids(db, "jurgen"), ids(db, "GROSS"), ids(db, "nuria sole")) == (["A3"], ["A3"], ["A2"])


def test_cjk_by_characters(db: Database) -> None:
    """张伟 is found by the full name, by one character, and by the company 华为."""
    assert (ids(db, "张伟"), ids(db, "伟"), ids(db, "华为")) == (["A1"], ["A1"], ["A1"])


def test_substring_email_company_and_ticket(db: Database) -> None:
    """Any 3+ character substring of e-mail, company or ticket code matches."""
    assert (ids(db, "example.de"), ids(db, "barcelona"), ids(db, "t-0004")) == (
        ["A3"],
        ["A2"],
        ["A4"],
    )


def test_badge_code_finds_its_attendee(db: Database, code_for: Callable[..., str]) -> None:
    """A pasted badge code finds the attendee it names."""
    assert ids(db, code_for("A6")) == ["A6"]


def test_no_match_and_punctuation(db: Database) -> None:
    """Nothing matches a word nobody has; punctuation-only input does not fail."""
    assert (ids(db, "zzzq"), ids(db, "--"), ids(db, "*?[")) == ([], [], [])


def test_new_and_changed_attendees_are_searchable(db: Database) -> None:
    """Single writes keep the index current (triggers)."""
    with write(db):
        attendees.save(db, Attendee("A9", "Zoë", "Löwe", "Kiel", "z@example.de", "visitor"))
        attendees.save(db, Attendee("A3", "Jürgen", "Klein", "INTEX", "j@example.de", "visitor"))
    assert (ids(db, "zoe lowe"), ids(db, "klein"), ids(db, "gross")) == (["A9"], ["A3"], [])


def test_bulk_write_with_suspended_index(db: Database) -> None:
    """While suspended, search still answers (by scan); a refresh indexes the new rows."""
    with write(db):
        suspend_search_index(db)
        attendees.save(db, Attendee("B1", "Maximilian", "Muster", "ACME", "m@x.de", "visitor"))
    during = search(db, "maximilian")
    assert refresh_search_index(db)
    after = search(db, "maximilian")
    assert ([a.id for a in during.attendees], during.indexed, [a.id for a in after.attendees]) == (
        ["B1"],
        False,
        ["B1"],
    )
    assert after.indexed and not refresh_search_index(db)


def test_ranking_puts_name_matches_first(db: Database) -> None:
    """An exact name word ranks above a match inside an e-mail or company."""
    with write(db):
        attendees.save(db, Attendee("B2", "Li", "Wang", "Lidl", "w@x.de", "visitor"))
        attendees.save(db, Attendee("B3", "Olivia", "Brown", "X", "olivia@x.de", "visitor"))
    assert ids(db, "li")[0] == "B2"


def test_more_flag_when_many_hit(db: Database) -> None:
    """More hits than the limit says so."""
    with write(db):
        for i in range(30):
            attendees.save(db, Attendee(f"C{i}", "Anna", f"Same{i}", "X", "", "visitor"))
    result = search(db, "anna", limit=10)
    assert (len(result.attendees), result.more) == (10, True)
