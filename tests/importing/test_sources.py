"""Reading exports: encodings, separators, quoted line breaks, XLSX, and files that are neither."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from kiosk.importing.sources import ImportFileError, open_table
from tests.importing.conftest import WriteFile


def read(path: Path) -> tuple[str, int, list[str], list[tuple[int, list[str]]]]:
    with open_table(path) as table:
        return table.description, table.header_row, table.headers, list(table.rows)


def test_utf8_bom_semicolons_and_a_multiline_cell(export: WriteFile) -> None:
    """A pretix-style file: BOM, ';', a quoted cell over two lines counts as one row."""
    path = export(
        "pretix.csv",
        'Order code;Company\r\nAB1;"Fira de\r\nBarcelona"\r\nAB2;"Say ""hi""; bye"\r\n',
        "utf-8-sig",
    )
    assert read(path) == (
        "CSV, UTF-8, separator ';'",
        1,
        ["Order code", "Company"],
        [(2, ["AB1", "Fira de\r\nBarcelona"]), (3, ["AB2", 'Say "hi"; bye'])],
    )


def test_gb18030_is_detected(export: WriteFile) -> None:
    """Chinese Excel's GB18030 export is read when the bytes are not UTF-8."""
    path = export("cn.csv", "编号,姓名,公司\n1,张伟,华为\n", "gb18030")
    assert read(path)[0::2] == ("CSV, GB18030, separator ','", ["编号", "姓名", "公司"])
    assert read(path)[3] == [(2, ["1", "张伟", "华为"])]


def test_non_ascii_late_in_a_large_file_decides_the_encoding(export: WriteFile) -> None:
    """The whole file is checked: GB18030 bytes after 100 KB of ASCII are not garbled."""
    body = "".join(f"{i},Name{i}\n" for i in range(12_000))
    path = export("late.csv", "id,name\n" + body + "99999,张伟\n", "gb18030")
    assert read(path)[3][-1] == (12_002, ["99999", "张伟"])


def test_windows_1252_is_not_taken_for_chinese(export: WriteFile) -> None:
    """Windows-1252 bytes that happen to decode as GB18030 (Jürgen -> J黵gen) are read as
    Windows-1252 (German Excel's "CSV"), never as Chinese."""
    path = export("de.csv", "id,name\n1,Jürgen Müller\n2,Björn Åkesson\n", "cp1252")
    assert read(path)[0::3] == (
        "CSV, Windows-1252, separator ','",
        [(2, ["1", "Jürgen Müller"]), (3, ["2", "Björn Åkesson"])],
    )


def test_tab_separated_utf16_from_excel(export: WriteFile) -> None:
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated."""
    path = export("unicode.txt", "id\tname\n7\tJürgen Groß\n", "utf-16")
    assert read(path) == (
        "CSV, UTF-16, separator tab",
        1,
        ["id", "name"],
        [(2, ["7", "Jürgen Groß"])],
    )


def test_commas_inside_a_tab_separated_file(export: WriteFile) -> None:
    """The separator is the one that splits rows consistently, not the most frequent character."""
    path = export("t.tsv", "id\tname\tcompany\n1\tGroß, Jürgen\tA, B, C\n2\tX\tY\n")
    assert read(path)[3] == [(2, ["1", "Groß, Jürgen", "A, B, C"]), (3, ["2", "X", "Y"])]


def test_excel_sep_hint_and_blank_lines_keep_row_numbers(export: WriteFile) -> None:
    """'sep=;' is obeyed and not a row; blank lines are rows, as Excel numbers them."""
    path = export("hint.csv", "sep=;\nid;name\n\n1;a,b\n")
    assert read(path)[1:] == (1, ["id", "name"], [(2, []), (3, ["1", "a,b"])])


def test_xlsx_first_sheet_with_numbers_dates_and_gaps(tmp_path: Path) -> None:
    """XLSX: first sheet, header row, whole-number floats as integers, blank rows numbered."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Attendees"
    sheet.append(["ID", "Name", "Registered"])
    sheet.append([1024.0, "Núria", dt.datetime(2026, 9, 1, 12, 30)])
    sheet.append([])
    sheet.append(["X-2", "张伟\n(VIP)", None])
    book.create_sheet("Other").append(["ignored"])
    book.save(tmp_path / "list.xlsx")
    assert read(tmp_path / "list.xlsx") == (
        "XLSX, sheet 'Attendees'",
        1,
        ["ID", "Name", "Registered"],
        [(2, ["1024", "Núria", "2026-09-01 12:30:00"]), (3, []), (4, ["X-2", "张伟\n(VIP)"])],
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\n\n  \n", "no header row"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "legacy Excel (.xls)"),
        (b"PK\x03\x04 not really a zip", "not a readable XLSX workbook"),
        (b"id,name\n1,Ren\x81\n2,\x8d\x81\n", "not text in UTF-8, GB18030 or Windows-1252"),
        (b'id,name\n1,"' + b"x" * 200_000 + b'"\n', "row 2: not valid CSV"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    export: WriteFile, content: bytes, message: str
) -> None:
    """Empty, blank, binary, legacy .xls, broken zip, undecodable, oversized field: one line."""
    path = export("bad.csv", content)
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    """A path that does not exist is an ImportFileError, not an OSError."""
    with pytest.raises(ImportFileError, match="cannot read"):
        read(tmp_path / "nope.csv")
