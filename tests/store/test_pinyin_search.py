"""Han names found by their pinyin: search text, the pickup's surname lookup, old databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.domain.text import fold
from kiosk.service.pickup import Found, PickupService
from kiosk.store import attendees, schema
from kiosk.store.db import open_db, write
from kiosk.store.schema import MIGRATIONS
from kiosk.store.search import index_is_live, search

WANG = Attendee("C1", "秀英", "王", "上海电气", "xy@example.cn", "delegate", ticket_code="W8K2QX")
OUYANG = Attendee("C2", "娜", "欧阳", "", "na@example.cn", "delegate", ticket_code="Q7M4ZP")
SHAN = Attendee("C3", "田芳", "单", "", "tf@example.cn", "delegate", ticket_code="H3N9VR")
HAN = [WANG, OUYANG, SHAN]


def ids(db: Database, text: str) -> list[str]:
    return [a.id for a in search(db, text).attendees]


def test_search_text_holds_the_pinyin_of_han_names() -> None:
    """王秀英's search text has 'wang' and 'xiuying'; 单's has both shan and dan."""
    assert (attendees.search_text(WANG).split()[-2:], attendees.search_text(SHAN).split()[-3:]) == (
        ["wang", "xiuying"],
        ["dan", "shan", "tianfang"],
    )


def test_han_names_are_found_by_pinyin(db: Database) -> None:
    """Staff search finds 王秀英 by 'wang' or 'xiuying', 欧阳 by 'ouyang', 单 by 'shan'."""
    with write(db):
        for person in HAN:
            attendees.save(db, person)
    assert (ids(db, "wang"), ids(db, "xiuying"), ids(db, "ouyang"), ids(db, "shan")) == (
        ["C1"],
        ["C1"],
        ["C2"],
        ["C3"],
    )


def test_pickup_finds_a_han_surname_typed_in_pinyin(db: Database, event: Event) -> None:
    """At pickup, 'wang' and the first 6 characters of the booking code identify 王秀英."""
    with write(db):
        attendees.save(db, WANG)
    found = PickupService(db, event).identify_name("wang", "w8k2qx")
    assert found == Found(WANG, already_printed=False)


def _old_database(path: Path, people: list[Attendee]) -> None:
    """A database from before m040: its search text has no pinyin."""
    old = open_db(path, migrate=False)
    MIGRATIONS.apply(old, stop_before="m040_pinyin_search")
    with write(old):
        for person in people:
            row = attendees.row_for(person)
            for later in ("seat", "card_uid", "note"):  # columns of m090
                del row[later]
            old.table("attendees").insert(row)
            before = [person.first_name, person.last_name, person.company, person.email]
            before += [person.id, person.ticket_code or "", person.name]
            old.execute(
                "UPDATE attendees SET search = ? WHERE id = ?", [fold(" ".join(before)), person.id]
            )
    # (not through search(): it reads columns of later migrations)
    assert (
        old.execute("SELECT count(*) FROM attendees WHERE search LIKE '%wang%'").fetchone()[0] == 0
    )
    old.conn.close()


def _index_consistent(db: Database) -> bool:
    """FTS5's own check that each external-content index matches the attendees table."""
    for name in ("attendee_trigrams", "attendee_words"):
        db.execute(f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)")
    return True


LATIN = [
    Attendee(f"L{i}", "Ada", f"Lovelace{i}", "", f"ada{i}@example.com", "delegate")
    for i in range(12)
]


@pytest.mark.parametrize("batch", [5_000, 1], ids=["row-by-row", "suspend-and-rebuild"])
def test_upgrade_adds_pinyin_to_existing_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """An old database's Han names become findable by pinyin after migrating, with the
    search indexes consistent and live, whether updated row by row or rebuilt in bulk."""
    monkeypatch.setattr(schema, "_PINYIN_BATCH", batch)
    path = tmp_path / "old.db"
    _old_database(path, HAN + LATIN)
    db = open_db(path)
    assert (
        ids(db, "wang"),
        ids(db, "ouyang"),
        ids(db, "lovelace11"),
        index_is_live(db),
        _index_consistent(db),
    ) == (["C1"], ["C2"], ["L11"], True, True)
