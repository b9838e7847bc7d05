"""Importing Indico's registration export with its check-in secrets: every row gets its
ticket's code, all or nothing, and what cannot be joined is named."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.domain.indico import Origin, ticket_code
from kiosk.importing import (
    ImportFileError,
    ImportOptions,
    ImportRefused,
    ImportReport,
    import_file,
)
from kiosk.importing.columns import ColumnError
from kiosk.importing.indico import reader
from kiosk.store import attendees
from tests.cli.helpers import assert_one_line, kiosk
from tests.importing import indico_data as indico
from tests.importing.conftest import WriteFile, dump

ORIGIN = Origin("indico.example.org", "1234")


def run(
    db: Database, event: Event, export: Path, secrets: list[Path], **options: Any
) -> ImportReport:
    read = reader(secrets, indico.EVENT_URL)
    return import_file(db, event, export, ImportOptions(**options), None, read)


def stored(db: Database) -> list[tuple[object, ...]]:
    rows = db.execute(
        "SELECT id, first_name, last_name, company, email, position, type, ticket_code, "
        "cancelled FROM attendees ORDER BY CAST(id AS INTEGER)"
    )
    return [tuple(row) for row in rows]


def code(first: str, state: str = "complete") -> str:
    return ticket_code(indico.by_name(first, state).ticket_uuid, ORIGIN)


EXPECTED = [
    ("1", "Ada", "Lovelace", "Analytical Engines Ltd", "ada@example.org", "Countess",
     "delegate", code("Ada"), 0),
    ("2", "Núria", "Puig i Solé", "Fira de Barcelona", "nuria@example.es", "Directora",
     "visitor", code("Núria"), 0),
    ("3", "伟", "张", "华为", "zhang.wei@example.cn", "工程师", "staff", code("伟"), 0),
    ("4", "Jürgen", "Groß", "INTEX", "jurgen@example.de", "", "delegate",
     code("Jürgen", "withdrawn"), 1),
    ("5", "Jürgen", "Groß", "INTEX", "jurgen@example.de", "CTO", "delegate", code("Jürgen"), 0),
    ("6", "Carl", "Rejected", "Y Corp", "carl@example.com", "", "delegate",
     code("Carl", "rejected"), 1),
    ("7", "Mia", "Neu", "", "mia@example.de", "", "delegate", code("Mia", "unpaid"), 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("write", "name"),
    [(indico.write_csv, "registrations.csv"), (indico.write_xlsx, "registrations.xlsx")],
    ids=["csv", "xlsx"],
)
def test_export_and_checkin_json_import(
    empty_db: Database, event: Event, tmp_path: Path, write: Callable[[Path], Path], name: str
) -> None:
    """CSV and XLSX: Affiliation is the company, the first tag naming a type the type, each
    row its secret's ticket code (a re-registration told from its withdrawn twin by state),
    Withdrawn and Rejected revoked."""
    export = write(tmp_path / name)
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json())
    report = run(empty_db, event, export, [secrets])
    assert stored(empty_db) == EXPECTED
    c = report.counts
    assert (c.added, c.cancelled) == (5, 2)  # new and cancelled counts once, as cancelled
    assert "Indico export" in report.description


def test_legacy_registrants_api_is_enough(empty_db: Database, event: Event, tmp_path: Path) -> None:
    """The deprecated /api/events/ID/registrants lists active registrations only: the
    withdrawn and rejected rows need no secret, the rest get theirs."""
    export = indico.write_csv(tmp_path / "registrations.csv")
    secrets = indico.write_json(tmp_path / "registrants.json", indico.legacy_json())
    run(empty_db, event, export, [secrets])
    codes = {row[0]: row[7] for row in stored(empty_db)}
    assert codes == {
        "1": code("Ada"), "2": code("Núria"), "3": code("伟"), "4": None,
        "5": code("Jürgen"), "6": None, "7": code("Mia", "unpaid"),
    }  # fmt: skip


def test_registration_without_secret_refuses_the_import(
    empty_db: Database, event: Event, tmp_path: Path
) -> None:
    """An active row whose e-mail has no secret is a bad row, named; nothing is written."""
    export = indico.write_csv(tmp_path / "registrations.csv")
    partial = [r for r in indico.checkin_json() if r["email"] != "nuria@example.es"]
    secrets = indico.write_json(tmp_path / "checkin.json", partial)
    before = dump(empty_db)
    with pytest.raises(ImportRefused) as caught:
        run(empty_db, event, export, [secrets])
    assert [(b.row, b.reason) for b in caught.value.bad] == [
        (3, "no check-in secret for nuria@example.es")
    ]
    assert dump(empty_db) == before


def test_secrets_of_unknown_registrations_are_reported(
    empty_db: Database, event: Event, tmp_path: Path
) -> None:
    """Secrets that match no row (a filtered export) are imported nowhere and counted in a
    warning."""
    export = indico.write_csv(tmp_path / "registrations.csv", indico.REGISTRATIONS[:3])
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json())
    report = run(empty_db, event, export, [secrets])
    assert report.warnings == [
        "4 of 7 check-in secrets match no row of the export (e.g. checkin.json, registration "
        "504, checkin.json, registration 505, checkin.json, registration 506): a filtered "
        "export, or another registration form's secrets"
    ]


def test_tags_naming_two_types_is_a_bad_row(
    empty_db: Database, event: Event, tmp_path: Path
) -> None:
    """A registration tagged both Delegate and Staff gets no guessed type."""
    regs = (dataclasses.replace(indico.REGISTRATIONS[0], tags=("Delegate", "Staff")),)
    export = indico.write_csv(tmp_path / "registrations.csv", regs)
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json(regs))
    with pytest.raises(ImportRefused) as caught:
        run(empty_db, event, export, [secrets])
    assert caught.value.bad[0].reason == (
        "tags name several types (Delegate -> delegate, Staff -> staff)"
    )


def test_type_map_and_default_type(empty_db: Database, event: Event, tmp_path: Path) -> None:
    """--type-map maps a tag; untagged rows take --default-type (the form's type)."""
    regs = (
        dataclasses.replace(indico.REGISTRATIONS[1], tags=("Press", "Speaker")),
        indico.Registration(8, 508, "Li", "Na", "li@example.cn", "", "", "complete", (),
                            indico.REGISTRATIONS[6].ticket_uuid.replace("9", "8")),
    )  # fmt: skip
    export = indico.write_csv(tmp_path / "registrations.csv", regs)
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json(regs))
    run(empty_db, event, export, [secrets], type_map={"Press": "staff"}, default_type="visitor")
    assert [(row[0], row[6]) for row in stored(empty_db)] == [("2", "staff"), ("8", "visitor")]


def test_reimport_withdraws_and_updates(empty_db: Database, event: Event, tmp_path: Path) -> None:
    """A newer export where Ada withdrew: her badge is revoked, the rest unchanged."""
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json())
    run(empty_db, event, indico.write_csv(tmp_path / "a.csv"), [secrets])
    newer = (indico.withdrawn(indico.REGISTRATIONS[0]), *indico.REGISTRATIONS[1:])
    secrets = indico.write_json(tmp_path / "checkin2.json", indico.checkin_json(newer))
    report = run(empty_db, event, indico.write_csv(tmp_path / "b.csv", newer), [secrets])
    c = report.counts
    assert (c.added, c.updated, c.cancelled, c.unchanged) == (0, 0, 1, 6)
    ada = attendees.find_by_id(empty_db, "1")
    assert ada is not None and ada.cancelled


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"\xff\xfe not json", "not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
        (b'{"registrants": 3}', "not a check-in API response"),
        (b'"a string"', "not a check-in API response"),
        (b"[1, 2]", "entry 1: not an object"),
        (
            json.dumps([{**indico.checkin_json()[0], "event_id": 999}]).encode(),
            "registration 501: of Indico event 999, not 1234",
        ),
        (
            json.dumps([{**indico.checkin_json()[0], "event_id": "1234"}]).encode(),
            "of Indico event 1234, not 1234",
        ),
        (
            json.dumps([{**indico.checkin_json()[0], "checkin_secret": "x" * 36}]).encode(),
            "checkin_secret is not a UUID",
        ),
        (
            json.dumps([{**indico.checkin_json()[0], "checkin_secret": 7}]).encode(),
            "checkin_secret is not a UUID",
        ),
        (
            json.dumps([{**indico.checkin_json()[0], "email": ["a@b.c"]}]).encode(),
            "no e-mail address",
        ),
        (
            json.dumps([{**indico.checkin_json()[0], "state": "approved"}]).encode(),
            "unknown state 'approved'",
        ),
        (json.dumps(indico.checkin_json()[:1] * 2).encode(), "secret also in checkin.json"),
        (b"[]", "no registrations in the check-in JSON"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_hostile_checkin_json_changes_nothing(
    empty_db: Database, event: Event, tmp_path: Path, content: bytes, fragment: str
) -> None:
    """A broken, foreign or hostile check-in file: one clear refusal, no attendee written."""
    export = indico.write_csv(tmp_path / "registrations.csv")
    (tmp_path / "checkin.json").write_bytes(content)
    before = dump(empty_db)
    with pytest.raises(ImportFileError) as caught:
        run(empty_db, event, export, [tmp_path / "checkin.json"])
    assert fragment in str(caught.value) and "\n" not in str(caught.value)
    assert dump(empty_db) == before


def test_not_an_indico_export(
    empty_db: Database, event: Event, tmp_path: Path, export: WriteFile
) -> None:
    """--indico-secrets with some other list is refused: its rows have no Indico tickets."""
    path = export("other.csv", "id,first_name,last_name,email,type\nA7,Mia,Neu,m@x.de,visitor\n")
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json())
    with pytest.raises(ImportFileError, match="not an Indico registration export"):
        run(empty_db, event, path, [secrets])
    renamed = export("renamed.csv", indico.write_csv(tmp_path / "r.csv").read_text(
        encoding="utf-8-sig").replace("Email Address", "Contact"))  # fmt: skip
    with pytest.raises(ColumnError, match="no e-mail column"):
        run(empty_db, event, renamed, [secrets])
    report = run(empty_db, event, renamed, [secrets], mapping={"email": "Contact"})
    assert report.rows == 7


def test_options_go_together(tmp_path: Path) -> None:
    """Secrets without the event address (or the reverse), or a bad address: refused."""
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json())
    for files, url in (([secrets], None), ([], indico.EVENT_URL), ([secrets], "indico.cern.ch")):
        with pytest.raises(ColumnError):
            reader(files, url)


def test_command_line(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kiosk import FILE --indico-secrets JSON --indico-event URL` as the README runs it;
    a bad secrets file is one line on stderr."""
    export = indico.write_xlsx(tmp_path / "registrations.xlsx")
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json())
    base = ["import", str(export), "--db", str(tmp_path / "kiosk.db")]
    status, out, err = kiosk(
        capsys, *base, "--indico-secrets", str(secrets), "--indico-event", indico.EVENT_URL
    )
    assert (status, err) == (0, ""), err
    assert "7 attendees (Indico export, XLSX" in out and "5 added" in out
    secrets.write_text("{", encoding="utf-8")
    status, out, err = kiosk(
        capsys, *base, "--indico-secrets", str(secrets), "--indico-event", indico.EVENT_URL
    )
    assert status == 1
    assert_one_line(err, "checkin.json: not JSON")
    status, out, err = kiosk(capsys, *base, "--indico-secrets", str(secrets))
    assert status == 2
    assert_one_line(err, "--indico-event URL go together")


def test_indico_export_without_secrets_warns(
    empty_db: Database, event: Event, tmp_path: Path
) -> None:
    """Imported the ordinary way, Indico's export still imports (Affiliation, Registration
    state understood) but the summary warns that its tickets will not scan."""
    export = indico.write_csv(tmp_path / "registrations.csv")
    read = reader([], None)
    report = import_file(empty_db, event, export, ImportOptions(default_type="visitor"), None, read)
    assert report.warnings == [
        "registrations.csv looks like Indico's registration export: without --indico-secrets "
        "CHECKIN.json --indico-event URL its tickets' QR codes will not scan (name search and "
        "kiosk badges still work)"
    ]
    assert [(row[0], row[3], row[7], row[8]) for row in stored(empty_db)][3:6] == [
        ("4", "INTEX", None, 1), ("5", "INTEX", None, 0), ("6", "Y Corp", None, 1),
    ]  # fmt: skip
