"""pretix's "Order data (JSON)" export through `kiosk import`: positions become attendees,
cancelled orders revoke, a newer export updates, and hostile JSON changes nothing.

The files here have the exporter's shape (pretix/base/exporters/json.py); tests/pretix
imports a real export made by pretix's own exporter."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from kiosk.importing import ImportFileError, ImportOptions, ImportRefused, pretix_json
from kiosk.importing.pretix_json import import_pretix_json
from kiosk.store import attendees, pretix
from kiosk.store.db import write
from tests.cli.helpers import assert_one_line, kiosk


def position(pid: int, item: int, name: str, secret: str, **more: Any) -> dict[str, Any]:
    return {
        "id": 100 + pid, "positionid": pid, "item": item, "variation": None, "subevent": None,
        "seat": None, "price": "10.00", "attendee_name": name, "attendee_email": None,
        "company": None, "secret": secret, "addon_to": None, "valid_from": None,
        "valid_until": None, "blocked": None, "answers": [], **more,
    }  # fmt: skip


def export() -> dict[str, Any]:
    items = [
        {"id": 1, "name": "Delegate pass", "admission": True, "variations": []},
        {"id": 2, "name": "Visitor", "admission": True, "variations": []},
        {"id": 3, "name": "Parking", "admission": False, "variations": []},
        {"id": 4, "name": "Press", "admission": True, "variations": []},
    ]
    orders = [
        {"code": "ABC12", "status": "p", "email": "buyer@fira.example", "positions": [
            position(1, 1, "Núria Puig i Solé", "sec-nuria", attendee_email="n@fira.example",
                     company="Fira de Barcelona", seat="r3-s12"),
            position(2, 1, "欧阳娜娜", "sec-ouyang"),
            position(3, 2, "伟 张", "sec-zhang"),
            position(4, 3, "", "sec-parking"),
            position(5, 4, "Lee Reporter", "sec-press"),
        ]},
        {"code": "PEND1", "status": "n", "email": "p@example.org",
         "positions": [position(1, 2, "Ana López", "sec-pending")]},
        {"code": "GONE1", "status": "c", "email": "g@example.org",
         "positions": [position(1, 2, "Max Mustermann", "sec-gone")]},
    ]  # fmt: skip
    return {"event": {"name": "SCES", "slug": "sces26", "organizer": {"slug": "sces"},
                      "items": items, "orders": orders, "questions": []}}  # fmt: skip


@pytest.fixture
def mapped(db: Database) -> Database:
    with write(db):
        pretix.set_items(db, {"1": "delegate"})
    return db


def write_json(tmp_path: Path, data: Any, name: str = "sces26_pretixdata.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def row(db: Database, aid: str) -> tuple[Any, ...]:
    found = attendees.find_by_id(db, aid)
    assert found is not None, aid
    return (found.first_name, found.last_name, found.email, found.company, found.type,
            found.ticket_code, found.cancelled)  # fmt: skip


def test_positions_become_attendees(mapped: Database, event, tmp_path: Path) -> None:
    """Each admission position is an attendee ORDER-POSITIONID with its name parts, e-mail
    (the order's if none), company, type (item map or --type-map) and secret; parking is no
    attendee, an unmapped product is left out with a warning; unpaid/cancelled revoke."""
    options = ImportOptions(type_map={"Visitor": "visitor"})
    report = import_pretix_json(mapped, event, write_json(tmp_path, export()), options)
    assert row(mapped, "ABC12-1") == (
        "Núria", "Puig i Solé", "n@fira.example", "Fira de Barcelona", "delegate",
        "sec-nuria", False,
    )  # fmt: skip
    assert row(mapped, "ABC12-2")[:2] == ("娜娜", "欧阳")
    assert row(mapped, "ABC12-3")[:3] == ("伟", "张", "buyer@fira.example")
    assert attendees.find_by_id(mapped, "ABC12-4") is None  # parking
    assert attendees.find_by_id(mapped, "ABC12-5") is None  # press: unmapped
    assert row(mapped, "PEND1-1")[-1] is True and row(mapped, "GONE1-1")[-1] is True
    assert "4 'Press' (1)" in report.warnings[0]
    assert (report.counts.added, report.counts.cancelled) == (3, 2)
    assert pretix.item_name(mapped, 4) == "Press"


def test_newer_export_updates(mapped: Database, event, tmp_path: Path) -> None:
    """Re-importing: a cancelled order revokes, a position gone from its order is cancelled,
    a paid pending order is reinstated, a renamed attendee updated, the rest unchanged."""
    options = ImportOptions(type_map={"Visitor": "visitor"})
    import_pretix_json(mapped, event, write_json(tmp_path, export()), options)
    newer = copy.deepcopy(export())
    orders = newer["event"]["orders"]
    orders[0]["positions"][0]["attendee_name"] = "Núria Puig"
    del orders[0]["positions"][1]  # ABC12-2 cancelled: pretix leaves it out of the export
    orders[1]["status"] = "p"
    orders.append({"code": "ABC12X", "status": "c", "email": "x@example.org", "positions": []})
    orders[0]["status"], orders[0]["code"] = "p", "ABC12"
    report = import_pretix_json(mapped, event, write_json(tmp_path, newer, "b.json"), options)
    assert row(mapped, "ABC12-1")[:2] == ("Núria", "Puig")
    assert row(mapped, "ABC12-2")[-1] is True
    assert row(mapped, "PEND1-1")[-1] is False
    assert (report.counts.updated, report.counts.cancelled, report.counts.unchanged) == (2, 1, 2)


def test_blocked_positions_and_lifted_blocks(mapped: Database, event, tmp_path: Path) -> None:
    """A blocked position's secret goes on the blocked list; a newer export without the
    block lifts it."""
    data = export()
    data["event"]["orders"][0]["positions"][0]["blocked"] = ["admin"]
    options = ImportOptions(type_map={"Visitor": "visitor"})
    import_pretix_json(mapped, event, write_json(tmp_path, data), options)
    assert pretix.is_blocked(mapped, "sec-nuria")
    import_pretix_json(mapped, event, write_json(tmp_path, export(), "b.json"), options)
    assert not pretix.is_blocked(mapped, "sec-nuria")


def test_dry_run_writes_nothing(mapped: Database, event, tmp_path: Path) -> None:
    """--dry-run counts and writes nothing, not even the blocked list."""
    data = export()
    data["event"]["orders"][0]["positions"][0]["blocked"] = ["admin"]
    before = list(mapped.execute("SELECT * FROM attendees"))
    options = ImportOptions(type_map={"Visitor": "visitor"}, dry_run=True)
    report = import_pretix_json(mapped, event, write_json(tmp_path, data), options)
    assert report.counts.added == 3
    assert attendees.find_by_id(mapped, "ABC12-1") is None
    assert not pretix.is_blocked(mapped, "sec-nuria")
    assert list(mapped.execute("SELECT * FROM attendees")) == before


def _hostile(tmp_path: Path) -> dict[str, bytes]:
    deep = b"[" * 200_000 + b"]" * 200_000
    long_secret = export()
    long_secret["event"]["orders"][0]["positions"][0]["secret"] = "x" * 5000
    twice = export()
    twice["event"]["orders"][0]["positions"][1]["secret"] = "sec-nuria"
    bad_mail = export()
    bad_mail["event"]["orders"][0]["positions"][0]["attendee_email"] = "n/a"
    wrong_type = export()
    wrong_type["event"]["orders"][0]["positions"][0]["positionid"] = "1; DROP"
    return {
        "truncated": json.dumps(export()).encode()[:-20],
        "deep": deep,
        "not utf-8": b'{"event": "\xff\xfe"}',
        "huge integer": b'{"event": {"orders": [' + b"9" * 100_000 + b"]}}",
        "other json": b'{"results": []}',
        "a list": b"[1, 2, 3]",
        "long secret": json.dumps(long_secret).encode(),
        "duplicate secret": json.dumps(twice).encode(),
        "bad e-mail": json.dumps(bad_mail).encode(),
        "positionid not a number": json.dumps(wrong_type).encode(),
        "orders not objects": b'{"event": {"orders": [1, "x", null]}}',
    }


@pytest.mark.parametrize(
    "case",
    ["truncated", "deep", "not utf-8", "huge integer", "other json", "a list", "long secret",
     "duplicate secret", "bad e-mail", "positionid not a number", "orders not objects"],
)  # fmt: skip
def test_hostile_json_changes_nothing(mapped: Database, event, tmp_path: Path, case: str) -> None:
    """Broken or hostile JSON is refused with a reason, and the database is unchanged."""
    path = tmp_path / "x.json"
    path.write_bytes(_hostile(tmp_path)[case])
    before = list(mapped.execute("SELECT * FROM attendees ORDER BY id"))
    with pytest.raises((ImportFileError, ImportRefused)) as caught:
        import_pretix_json(mapped, event, path, ImportOptions(type_map={"Visitor": "visitor"}))
    assert str(caught.value).startswith(str(path))
    assert list(mapped.execute("SELECT * FROM attendees ORDER BY id")) == before
    assert not pretix.blocked(mapped)


def test_oversized_json_is_refused_before_reading(
    mapped: Database, event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file over the size bound is refused from its size, not parsed."""
    monkeypatch.setattr(pretix_json, "MAX_JSON_BYTES", 1000)
    path = write_json(tmp_path, export())
    with pytest.raises(ImportFileError, match="read up to 1,000 bytes"):
        import_pretix_json(mapped, event, path, ImportOptions())


def test_cli_imports_pretix_json(
    mapped: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk import FILE.json` recognises the export; a broken one is one line, exit 1."""
    db_file = str(tmp_path / "kiosk.db")
    path = write_json(tmp_path, export())
    status, out, err = kiosk(capsys, "import", str(path), "--type-map", "Visitor=visitor",
                             "--db", db_file)  # fmt: skip
    assert status == 0, err
    assert "pretix Order data (JSON), event sces26 of sces" in out and "3 added" in out
    assert "'Press'" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"event": {"orders": [')
    status, _, err = kiosk(capsys, "import", str(broken), "--db", db_file)
    assert status == 1
    assert_one_line(err, "not valid JSON")
