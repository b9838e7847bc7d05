"""Applying an import: adds, updates, cancels and reinstates in one transaction, log untouched."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event_file import parse_event
from kiosk.service.checkin import CheckInService
from kiosk.store import attendees, imports, search
from kiosk.store.db import open_db, write
from kiosk.store.events import save_event
from kiosk.store.imports import ImportConflict, ImportCounts, TicketCodeTaken, apply_import
from tests.conftest import PEOPLE, TINY_EVENT, at

NEWCOMER = Attendee("A7", "Mia", "Neu", "Kiel", "mia@example.de", "visitor", "T-0007")


def person(aid: str, **changes: Any) -> Attendee:
    """An attendee of the shared fixture, optionally changed."""
    base = next(p for p in PEOPLE if p.id == aid)
    return dataclasses.replace(base, **changes)


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


def table(db: Database, sql: str) -> list[tuple[Any, ...]]:
    return db.execute(sql).fetchall()


@pytest.fixture
def empty_db(tmp_path: Path) -> Database:
    database = open_db(tmp_path / "empty.db")
    with write(database):
        save_event(database, parse_event(TINY_EVENT), TINY_EVENT)
    return database


def test_first_import_adds_everyone(empty_db: Database) -> None:
    """Into an empty table every attendee is added, searchable, with the row_for() search text."""
    counts = apply_import(empty_db, PEOPLE)
    stored = [attendees.find_by_id(empty_db, p.id) for p in PEOPLE]
    rows = table(empty_db, "SELECT id, search FROM attendees ORDER BY id")
    assert (counts, stored, rows, [a.id for a in search.search(empty_db, "伟").attendees]) == (
        ImportCounts(added=5, cancelled=1),
        PEOPLE,
        [(p.id, attendees.search_text(p)) for p in PEOPLE],
        ["A1"],
    )


def test_same_list_again_changes_nothing(db: Database) -> None:
    """Re-importing what the database holds leaves every row alone, updated_at included."""
    before = dump(db)
    counts = apply_import(db, PEOPLE)
    assert (counts, dump(db)) == (ImportCounts(unchanged=6), before)


def test_changed_attendee_is_updated_and_keeps_badge_issue(db: Database) -> None:
    """A changed company is written; badge issue and photo stay (the printed badge is valid)."""
    with write(db):
        db.execute("UPDATE attendees SET badge_issue = 3, photo = 'a3.jpg' WHERE id = 'A3'")
    people = [p if p.id != "A3" else person("A3", company="Messe Berlin") for p in PEOPLE]
    counts = apply_import(db, people)
    assert (counts, attendees.find_by_id(db, "A3")) == (
        ImportCounts(updated=1, unchanged=5),
        person("A3", company="Messe Berlin", badge_issue=3, photo="a3.jpg"),
    )
    assert search.search(db, "messe").attendees[0].id == "A3"


def test_cancelled_in_file_revokes_every_issued_badge(db: Database) -> None:
    """Cancelled in the export: flagged, and codes up to the current issue are revoked."""
    with write(db):
        db.execute("UPDATE attendees SET badge_issue = 2 WHERE id = 'A6'")
    people = [p if p.id != "A6" else person("A6", cancelled=True) for p in PEOPLE]
    counts = apply_import(db, people)
    found = attendees.find_by_id(db, "A6")
    assert (counts, found and found.cancelled, attendees.revocation(db, "A6")) == (
        ImportCounts(unchanged=5, cancelled=1),
        True,
        (3, "cancelled"),
    )


def test_absent_attendees_stay_unless_cancel_missing(db: Database) -> None:
    """Left out of the file: untouched by default; cancelled and revoked with cancel_missing."""
    kept = PEOPLE[:4]
    plain = apply_import(db, kept)
    state = table(db, "SELECT id, cancelled FROM attendees ORDER BY id")
    missing = apply_import(db, kept, cancel_missing=True)
    assert (
        plain,
        state,
        missing,
        table(db, "SELECT id, cancelled FROM attendees ORDER BY id"),
        table(db, "SELECT attendee_id, below_issue, reason FROM revocations ORDER BY 1"),
    ) == (
        ImportCounts(unchanged=4),
        [("A1", 0), ("A2", 0), ("A3", 0), ("A4", 0), ("A5", 1), ("A6", 0)],
        ImportCounts(unchanged=4, cancelled=1),
        [("A1", 0), ("A2", 0), ("A3", 0), ("A4", 0), ("A5", 1), ("A6", 1)],
        [("A6", 2, "cancelled")],
    )


def test_reinstated_attendee_needs_a_new_badge(db: Database) -> None:
    """Cancelled, then active again in a later export: reinstated, issue past the revocation."""
    apply_import(db, [person("A6", cancelled=True)])
    counts = apply_import(db, [person("A6")])
    found = attendees.find_by_id(db, "A6")
    assert (counts, found and (found.cancelled, found.badge_issue)) == (
        ImportCounts(updated=1),
        (False, 2),
    )


def test_new_cancelled_attendee_is_stored_and_revoked(db: Database) -> None:
    """A registration that is already cancelled is kept (its ticket code is then refused)."""
    gone = Attendee("B1", "Bo", "Li", "", "", "visitor", "T-9", cancelled=True)
    counts = apply_import(db, [gone])
    assert (counts, attendees.revocation(db, "B1")) == (ImportCounts(cancelled=1), (2, "cancelled"))


def test_checkin_log_is_never_touched(db: Database, service: CheckInService) -> None:
    """Scans recorded before an import are exactly the same after it, cancellations included."""
    service.scan("T-0001", "main", at=at("14 10:00"))
    service.scan("T-0006", "main", at=at("14 10:01"))
    log = table(db, "SELECT * FROM checkins ORDER BY seq")
    apply_import(db, [person("A1", company="Huawei"), NEWCOMER], cancel_missing=True)
    assert table(db, "SELECT * FROM checkins ORDER BY seq") == log and len(log) == 2


def test_two_attendees_may_swap_ticket_codes(db: Database) -> None:
    """Codes exchanged between two attendees in one export do not trip the unique index."""
    swapped = [person("A1", ticket_code="T-0002"), person("A2", ticket_code="T-0001")]
    counts = apply_import(db, swapped)
    assert (counts, table(db, "SELECT id, ticket_code FROM attendees WHERE id < 'A3'")) == (
        ImportCounts(updated=2),
        [("A1", "T-0002"), ("A2", "T-0001")],
    )


def test_code_held_by_someone_not_in_file_is_a_conflict(db: Database) -> None:
    """A new attendee given a ticket code another (absent) attendee holds: refused, unchanged."""
    before = dump(db)
    with pytest.raises(ImportConflict) as caught:
        apply_import(db, [person("A1"), Attendee("B1", "Bo", "Li", "", "", "visitor", "T-0003")])
    assert (caught.value.conflicts, dump(db)) == (
        [TicketCodeTaken("B1", "T-0003", "A3")],
        before,
    )


def test_on_site_name_correction_survives_a_reimport(db: Database) -> None:
    """A name corrected at pickup is kept while the export still has the old spelling."""
    with write(db):
        db.execute(
            "INSERT INTO name_corrections(id, kiosk_id, attendee_id, at, original_first, "
            "original_last, corrected_first, corrected_last) "
            "VALUES ('c1', 'k', 'A3', '2026-10-14T08:00:00Z', 'Jürgen', 'Groß', 'Jürgen', 'Gross')"
        )
        db.execute("UPDATE attendees SET last_name = 'Gross' WHERE id = 'A3'")
    same = apply_import(db, [person("A3")])
    renamed = apply_import(db, [person("A3", last_name="Große")])
    found = attendees.find_by_id(db, "A3")
    assert (same, renamed, found and found.last_name) == (
        ImportCounts(unchanged=1),
        ImportCounts(updated=1),
        "Große",
    )


def test_ticket_code_renewed_by_a_replacement_survives_a_reimport(db: Database) -> None:
    """The export still has the lost badge's ticket code; the renewed one stays."""
    with write(db):
        db.execute(
            "INSERT INTO replacements(id, kiosk_id, attendee_id, at, old_issue, new_issue, "
            "reason, signed) VALUES ('r1', 'k', 'A3', '2026-10-14T08:00:00Z', 1, 2, 'lost', 0)"
        )
        db.execute("UPDATE attendees SET ticket_code = 'WNEW00001' WHERE id = 'A3'")
    apply_import(db, [person("A3", company="INTEX Neu")])
    found = attendees.find_by_id(db, "A3")
    assert found is not None and (found.ticket_code, found.company) == ("WNEW00001", "INTEX Neu")
    assert attendees.find_by_ticket_code(db, person("A3").ticket_code or "") is None


def test_dry_run_counts_without_writing(db: Database) -> None:
    """A dry run reports what would happen and leaves the database byte for byte."""
    before = dump(db)
    counts = apply_import(db, [person("A1", email="new@example.cn"), NEWCOMER], dry_run=True)
    assert (counts, dump(db)) == (ImportCounts(added=1, updated=1), before)


def test_bulk_first_import_keeps_schema_and_marks_search_stale(
    empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large import into an empty table leaves indexes and triggers as they were (they are
    dropped and recreated inside the transaction) and search to one refresh; later single
    writes are indexed by the triggers again."""
    monkeypatch.setattr(imports, "BATCH", 10)
    monkeypatch.setattr(imports, "REBUILD_AT_LEAST", 20)
    schema = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'attendees' ORDER BY name"
    before = table(empty_db, schema)
    people = [
        Attendee(f"B{i:03d}", f"Name{i}", "Bulk", "ACME", f"b{i}@example.org", "visitor", f"C{i}")
        for i in range(100)
    ]
    seen: list[tuple[int, int]] = []
    counts = apply_import(empty_db, people, progress=lambda d, t: seen.append((d, t)))
    stale = not search.index_is_live(empty_db)
    search.refresh_search_index(empty_db)
    with write(empty_db):
        attendees.save(empty_db, Attendee("W1", "Walk", "Inn", "", "", "visitor"))
    assert (
        counts,
        stale,
        table(empty_db, schema) == before,
        seen[-1],
        [a.id for a in search.search(empty_db, "name42").attendees],
        [a.id for a in search.search(empty_db, "walk").attendees],
    ) == (ImportCounts(added=100, search_stale=True), True, True, (100, 100), ["B042"], ["W1"])


def test_failed_import_rolls_back_everything(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error half-way through the writes leaves no trace (one transaction)."""
    before = dump(db)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(imports, "revoke", broken)
    with pytest.raises(RuntimeError):
        apply_import(db, [person("A1", company="X"), person("A6", cancelled=True)])
    assert dump(db) == before


def test_fields_without_a_column_are_kept(db: Database) -> None:
    """A list lacking status and e-mail columns neither reinstates A5 nor erases e-mails."""
    bare = [person("A5", cancelled=False, email=""), person("A1", email="", company="华为技术")]
    counts = apply_import(db, bare, absent={"cancelled", "email"})
    a1, a5 = attendees.find_by_id(db, "A1"), attendees.find_by_id(db, "A5")
    assert (counts, a1 and (a1.email, a1.company), a5 and a5.cancelled) == (
        ImportCounts(updated=1, unchanged=1),
        ("zhang.wei@example.cn", "华为技术"),
        True,
    )
