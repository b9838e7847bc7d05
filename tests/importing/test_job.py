"""Importing whole exports: pretix, Eventbrite, Chinese Excel, TSV, XLSX; all or nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.importing import (
    BadRow,
    ColumnError,
    ImportFileError,
    ImportOptions,
    ImportRefused,
    import_file,
)
from kiosk.service.checkin import CheckInService
from kiosk.store import attendees
from kiosk.store.imports import ImportCounts
from kiosk.store.search import search
from tests.conftest import at
from tests.importing.conftest import WriteFile, dump, run_import

PRETIX = (
    "Order code;Position ID;Status;Email;Product;Attendee name;Company;Secret\r\n"
    'AB12C;1;p;buyer@example.es;Delegate;Núria Puig i Solé;"Fira de\r\nBarcelona";s3cr3t-1\r\n'
    "AB12C;2;p;buyer@example.es;Visitor;Jordi Ferrer;Fira de Barcelona;s3cr3t-2\r\n"
    "ZZ9XY;1;c;x@example.com;Visitor;Ana Gone;;s3cr3t-3\r\n"
)
EVENTBRITE = (
    "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee #,Barcode #,"
    "Attendee Status,Company,Job Title\n"
    "1001,2026-09-01,Jürgen,Groß,jurgen@example.de,Visitor,2001,900100200300,Attending,"
    '"INTEX, GmbH",CTO\n'
    "1002,2026-09-02,Emma,Smith,emma@example.co.uk,Delegate,2002,900100200301,"
    "Not Attending,,\n"
)
CHINESE = (
    "编号,姓名,邮箱,单位,票种,票号\n"
    "C1,张伟,zhang.wei@example.cn,华为,代表,T-1\n"
    "C2,欧阳娜娜,,中国移动,参观,T-2\n"
)


def person(db: Database, aid: str) -> tuple[str, str, str, str, str, str | None, bool]:
    a = attendees.find_by_id(db, aid)
    assert a is not None, aid
    return (a.first_name, a.last_name, a.company, a.email, a.type, a.ticket_code, a.cancelled)


def test_pretix_export(empty_db: Database, event: Event, export: WriteFile) -> None:
    """BOM, ';', a two-line company, order+position ids, full names split, status c cancels."""
    path = export("pretix.csv", PRETIX, "utf-8-sig")
    report = run_import(empty_db, event, path)
    assert (report.counts, person(empty_db, "AB12C-1"), person(empty_db, "ZZ9XY-1")) == (
        ImportCounts(added=2, cancelled=1),
        ("Núria", "Puig i Solé", "Fira de Barcelona", "buyer@example.es", "delegate",
         "s3cr3t-1", False),
        ("Ana", "Gone", "", "x@example.com", "visitor", "s3cr3t-3", True),
    )  # fmt: skip


def test_eventbrite_export(empty_db: Database, event: Event, export: WriteFile) -> None:
    """Attendee # as id, Barcode # as ticket code, 'Not Attending' cancels, job title kept."""
    report = run_import(empty_db, event, export("eventbrite.csv", EVENTBRITE))
    found = attendees.find_by_id(empty_db, "2001")
    assert (report.counts, person(empty_db, "2001"), found and found.position) == (
        ImportCounts(added=1, cancelled=1),
        ("Jürgen", "Groß", "INTEX, GmbH", "jurgen@example.de", "visitor", "900100200300", False),
        "CTO",
    )


def test_gb18030_export_with_chinese_headers(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """GB18030 file, Chinese headers, --type-map for Chinese ticket names, family-first names."""
    path = export("名单.csv", CHINESE, "gb18030")
    report = run_import(empty_db, event, path, type_map={"代表": "delegate", "参观": "visitor"})
    assert (report.counts.added, person(empty_db, "C1"), person(empty_db, "C2")) == (
        2,
        ("伟", "张", "华为", "zhang.wei@example.cn", "delegate", "T-1", False),
        ("娜娜", "欧阳", "中国移动", "", "visitor", "T-2", False),
    )
    assert [a.id for a in search(empty_db, "张伟").attendees] == ["C1"]


def test_tab_separated_export(empty_db: Database, event: Event, export: WriteFile) -> None:
    """Tab-separated generic headers; type matched by name, case-insensitively; cells trimmed."""
    path = export("list.tsv", " id \tfirst_name\tlast_name\ttype\n 7 \t Zoë \tLöwe\t STAFF\n")
    run_import(empty_db, event, path)
    assert person(empty_db, "7") == ("Zoë", "Löwe", "", "", "staff", None, False)


def test_xlsx_export(empty_db: Database, event: Event, tmp_path: Path) -> None:
    """First sheet of a workbook; numeric ids read as written, a Cancelled flag column."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "First Name", "Last Name", "E-mail", "Ticket Type", "Cancelled"])
    sheet.append([101, "Carlos", "García", "carlos@example.es", "Delegate", None])
    sheet.append([102, "Li", "Na", "li.na@example.cn", "visitor", "yes"])
    book.save(tmp_path / "list.xlsx")
    report = run_import(empty_db, event, tmp_path / "list.xlsx")
    assert (report.description, report.counts, person(empty_db, "101")) == (
        "XLSX, sheet 'Sheet'",
        ImportCounts(added=1, cancelled=1),
        ("Carlos", "García", "", "carlos@example.es", "delegate", None, False),
    )


def test_bad_rows_are_all_reported_and_nothing_changes(
    db: Database, event: Event, export: WriteFile
) -> None:
    """Every bad row with its spreadsheet row number and reasons; the database stays as is."""
    before = dump(db)
    path = export(
        "bad.csv",
        "id,first_name,last_name,email,type,ticket_code\n"
        "B1,Ann,Ok,ann@example.com,visitor,K1\n"  # row 2: fine
        ",Bob,NoId,bob@example.com,visitor,K2\n"  # row 3
        'B1,"Ann\nAgain",Dup,ann2@example.com,visitor,K3\n'  # row 4 (one record, two lines)
        "B4,Cy,Type,cy@example.com,platinum,K4\n"  # row 5
        "B5,Di,Mail,not-an-email,visitor,K5\n"  # row 6
        "\n"  # row 7: blank, ignored
        "B8,,,d@example.com,visitor,K1\n",  # row 8
    )
    with pytest.raises(ImportRefused) as caught:
        run_import(db, event, path)
    assert (caught.value.count, caught.value.bad, dump(db)) == (
        5,
        [
            BadRow(3, "missing id"),
            BadRow(4, "duplicate id 'B1' (also row 2)"),
            BadRow(5, "unknown type 'platinum'"),
            BadRow(6, "malformed e-mail 'not-an-email'"),
            BadRow(8, "missing name; duplicate ticket code 'K1' (also row 2)"),
        ],
        before,
    )


def test_ticket_code_of_an_absent_attendee_refuses_the_file(
    db: Database, event: Event, export: WriteFile
) -> None:
    """A code that belongs to an attendee the file leaves out is a bad row, with its number."""
    before = dump(db)
    path = export("codes.csv", "id,name,type,ticket_code\nN1,Neo,visitor,T-0003\n")
    with pytest.raises(ImportRefused) as caught:
        run_import(db, event, path)
    assert (caught.value.bad, dump(db)) == (
        [BadRow(2, "ticket code 'T-0003' belongs to attendee 'A3', who is not in this file")],
        before,
    )


def test_reimport_updates_adds_cancels_and_leaves_the_log(
    db: Database, event: Event, export: WriteFile, service: CheckInService
) -> None:
    """A newer export: changed company updated, newcomer added, cancellation revoked; log same."""
    service.scan("T-0001", "main", at=at("14 10:00"))
    log = db.execute("SELECT * FROM checkins").fetchall()
    path = export(
        "newer.csv",
        "id,first_name,last_name,company,email,type,ticket_code,status\n"
        "A1,伟,张,华为技术,zhang.wei@example.cn,delegate,T-0001,paid\n"
        "A3,Jürgen,Groß,INTEX,jurgen@example.de,visitor,T-0003,paid\n"
        "A6,Carl,Late,Y,carl@example.com,delegate,T-0006,refunded\n"
        "A7,Mia,Neu,Kiel,mia@example.de,visitor,T-0007,paid\n",
    )
    report = run_import(db, event, path)
    assert (
        report.counts,
        person(db, "A1")[2],
        attendees.revocation(db, "A6"),
        person(db, "A2")[6],
        db.execute("SELECT * FROM checkins").fetchall(),
    ) == (ImportCounts(added=1, updated=1, unchanged=1, cancelled=1), "华为技术", (2, "cancelled"),
          False, log)  # fmt: skip


def test_same_file_twice_changes_nothing(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """Importing the same export again is a no-op: all unchanged, database identical."""
    path = export("eventbrite.csv", EVENTBRITE)
    run_import(empty_db, event, path)
    before = dump(empty_db)
    again = run_import(empty_db, event, path)
    assert (again.counts, dump(empty_db)) == (ImportCounts(unchanged=2), before)


def test_map_override(empty_db: Database, event: Event, export: WriteFile) -> None:
    """--map chooses columns the defaults would not: here the id and the e-mail."""
    path = export(
        "custom.csv",
        "Badge,Nombre,Apellidos,Correo personal,Tipo\nX1,Ramón,Martí,ramon@example.es,Visitor\n",
    )
    run_import(
        empty_db, event, path, mapping={"id": "Badge", "email": "Correo personal", "type": "Tipo"}
    )
    assert person(empty_db, "X1") == ("Ramón", "Martí", "", "ramon@example.es", "visitor", None,
                                      False)  # fmt: skip


def test_default_type_for_a_list_without_types(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """An invitation list without a type column imports with --default-type, not without."""
    path = export("vips.csv", "id,name\nV1,Ada Lovelace\n")
    with pytest.raises(ColumnError, match="no ticket type column"):
        run_import(empty_db, event, path)
    run_import(empty_db, event, path, default_type="staff")
    assert person(empty_db, "V1") == ("Ada", "Lovelace", "", "", "staff", None, False)


def test_header_only_file_is_refused(empty_db: Database, event: Event, export: WriteFile) -> None:
    """A header and no rows is not an import (with cancel_missing it would cancel everyone)."""
    with pytest.raises(ImportFileError, match="no attendee rows"):
        run_import(empty_db, event, export("h.csv", "id,name,type\n\n"), cancel_missing=True)


def test_progress_is_reported_per_stage(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """Reading reports bytes up to the file size, writing reports rows up to the row count."""
    rows = "".join(f"P{i},Name {i},visitor\n" for i in range(25_000))
    path = export("big.csv", "id,name,type\n" + rows)
    seen: list[tuple[str, int, int]] = []
    import_file(empty_db, event, path, ImportOptions(), lambda *a: seen.append(a))
    size = path.stat().st_size
    reads = [s for s in seen if s[0] == "read"]
    assert (len(reads) >= 3, reads[-1], [s for s in seen if s[0] == "write"][-1]) == (
        True,
        ("read", size, size),
        ("write", 25_000, 25_000),
    )


def test_ids_too_long_for_a_badge_code_are_a_warning(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """An id that cannot fit a signed badge QR still imports (ticket codes work), with a warning."""
    rows = "REG-2026-000000000001,Ana Long,visitor\nS1,Bo,visitor\n"
    path = export("long.csv", "id,name,type\n" + rows)
    report = run_import(empty_db, event, path)
    assert (report.counts.added, report.warnings) == (
        2,
        [
            "1 attendees have an id too long for a signed badge code (id + type over 23 bytes): "
            "they enter with their ticket code"
        ],
    )


def test_missing_columns_do_not_erase_stored_fields(
    db: Database, event: Event, export: WriteFile
) -> None:
    """Re-importing a bare id/name/type list keeps e-mails, companies, codes and cancellations."""
    path = export(
        "bare.csv", "id,first_name,last_name,type\nA1,伟,张,delegate\nA5,Ana,Gone,delegate\n"
    )
    report = run_import(db, event, path)
    assert (report.counts, person(db, "A1"), person(db, "A5")[6]) == (
        ImportCounts(unchanged=2),
        ("伟", "张", "华为", "zhang.wei@example.cn", "delegate", "T-0001", False),
        True,
    )


def test_a_given_name_column_alone_keeps_family_names(
    db: Database, event: Event, export: WriteFile
) -> None:
    """A list of ids and given names corrects given names without blanking family names."""
    path = export("given.csv", "id,first_name,type\nA3,Jürgen-Karl,visitor\n")
    report = run_import(db, event, path)
    assert (report.counts, person(db, "A3")[:2]) == (
        ImportCounts(updated=1),
        ("Jürgen-Karl", "Groß"),
    )
