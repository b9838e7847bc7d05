"""Seat, card UID and attention note columns in an import (issue 15): found by their
headers, bounded and checked, a card UID held once, nothing written for a bad file."""

from __future__ import annotations

import dataclasses

import pytest
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.importing import ImportRefused
from kiosk.importing.rows import BadRow
from kiosk.store import attendees
from kiosk.store.db import write
from kiosk.store.imports import ImportCounts
from tests.importing.conftest import WriteFile, dump, run_import


def fields(db: Database, aid: str) -> tuple[str, str | None, str]:
    a = attendees.find_by_id(db, aid)
    assert a is not None
    return (a.seat, a.card_uid, a.note)


def test_english_headers(empty_db: Database, event: Event, export: WriteFile) -> None:
    """'Seat', 'Card UID' and 'Note for door staff' fill the three fields; a UID typed
    with colons and in lower case is stored in its normal form."""
    path = export(
        "list.csv",
        "ID,Name,Type,Seat,Card UID,Note for door staff\n"
        "S1,Ann Lee,delegate,A-12,04:a1:b2:c3,wheelchair user: open the side door\n"
        "S2,Bo Ma,delegate,,,\n",
    )
    report = run_import(empty_db, event, path)
    assert (report.counts, fields(empty_db, "S1"), fields(empty_db, "S2")) == (
        ImportCounts(added=2),
        ("A-12", "04A1B2C3", "wheelchair user: open the side door"),
        ("", None, ""),
    )


def test_chinese_headers(empty_db: Database, event: Event, export: WriteFile) -> None:
    """座位, 卡号 and 注意事项 are known headers; a decimal UID keeps its leading zeros."""
    path = export(
        "名单.csv", "编号,姓名,类型,座位,卡号,注意事项\nC1,张伟,delegate,3排12座,0012345678,礼宾\n"
    )
    run_import(empty_db, event, path)
    assert fields(empty_db, "C1") == ("3排12座", "0012345678", "礼宾")


def test_a_bare_note_column_is_not_shown_at_the_door(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """'Notes'/'备注' columns hold remarks for the organiser: only --map note=... takes one."""
    path = export("list.csv", "ID,Name,Type,Notes\nS1,Ann Lee,delegate,paid by invoice\n")
    run_import(empty_db, event, path)
    before = fields(empty_db, "S1")
    run_import(empty_db, event, path, mapping={"note": "Notes"})
    assert (before, fields(empty_db, "S1")) == (("", None, ""), ("", None, "paid by invoice"))


def test_bad_cells_are_reported_and_nothing_changes(
    db: Database, event: Event, export: WriteFile
) -> None:
    """Not a UID, a UID twice, a UID that is another row's ticket code, a seat too long,
    a note with a control character: each a numbered bad row; nothing written."""
    before = dump(db)
    path = export(
        "bad.csv",
        "id,name,type,ticket_code,seat,card_uid,attention\n"
        "B1,Ann Ok,visitor,K1,A-1,04A1B2C3,\n"  # row 2: fine
        "B2,Bob Card,visitor,K2,,not-a-uid,\n"  # row 3
        "B3,Cy Dup,visitor,K3,,04:A1:B2:C3,\n"  # row 4
        "B4,Di Code,visitor,K4,,0000000001,\n"  # row 5: fine
        "B5,Ed Seat,visitor,0000000001,Balcony row C seat 114 left,,\n"  # row 6
        "B6,Fa Note,visitor,K6,,,ring\x07bell\n",  # row 7
    )
    with pytest.raises(ImportRefused) as caught:
        run_import(db, event, path)
    assert (caught.value.bad, dump(db)) == (
        [
            BadRow(3, "card UID 'not-a-uid' is not 4-32 hex or decimal digits"),
            BadRow(4, "duplicate card UID '04A1B2C3' (also row 2)"),
            BadRow(
                6,
                "seat: at most 24 characters, got 27; ticket code '0000000001' is row 5's card UID",
            ),
            BadRow(7, "note: holds control or unassigned characters"),
        ],
        before,
    )


def test_a_card_held_by_an_attendee_outside_the_file_refuses_it(
    db: Database, event: Event, export: WriteFile
) -> None:
    """Like a ticket code: a card UID held by someone the file leaves out is a bad row,
    and so is a UID equal to such a person's ticket code."""
    with write(db):
        attendees.save(db, dataclasses.replace(attendees.find_by_id(db, "A3"), card_uid="ABCD1234"))
    before = dump(db)
    path = export(
        "c.csv", "id,name,type,card uid\nN1,Neo One,visitor,abcd1234\nN2,Neo Two,visitor,\n"
    )
    with pytest.raises(ImportRefused) as caught:
        run_import(db, event, path)
    assert (caught.value.bad, dump(db)) == (
        [BadRow(2, "card UID 'ABCD1234' belongs to attendee 'A3', who is not in this file")],
        before,
    )


def test_cards_may_swap_between_attendees_in_one_file(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """Two attendees trading cards in a re-import: the unique index never sees a UID twice."""
    first = "id,name,type,card uid\nX1,Ann Lee,delegate,1111\nX2,Bo Ma,delegate,2222\n"
    run_import(empty_db, event, export("a.csv", first))
    swapped = "id,name,type,card uid\nX1,Ann Lee,delegate,2222\nX2,Bo Ma,delegate,1111\n"
    report = run_import(empty_db, event, export("b.csv", swapped))
    assert (report.counts, fields(empty_db, "X1")[1], fields(empty_db, "X2")[1]) == (
        ImportCounts(updated=2),
        "2222",
        "1111",
    )


def test_a_file_without_the_columns_keeps_them(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """A later export without seat, card or note columns erases none of them; one with
    the column and an empty cell clears it."""
    run_import(
        empty_db,
        event,
        export("a.csv", "id,name,type,seat,card uid,attention\nX1,Ann Lee,delegate,B-2,99AA,vip\n"),
    )
    report = run_import(empty_db, event, export("b.csv", "id,name,type\nX1,Ann Lee,delegate\n"))
    kept = fields(empty_db, "X1")
    run_import(empty_db, event, export("c.csv", "id,name,type,seat\nX1,Ann Lee,delegate,\n"))
    assert (report.counts, kept, fields(empty_db, "X1")) == (
        ImportCounts(unchanged=1),
        ("B-2", "99AA", "vip"),
        ("", "99AA", "vip"),
    )
