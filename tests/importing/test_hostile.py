"""Hostile exports: zip bombs, huge declared sheets, giant strings, lines and rows are refused
early, with one line naming the limit and where, in bounded time and memory, and nothing
imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from kiosk.importing import limits
from tests.importing.conftest import dump

REPO = Path(__file__).resolve().parents[2]
MAX_SECONDS = 5.0
MAX_RSS_GROWTH_MB = 200
HEADER = ["id", "first_name", "last_name", "email", "type"]
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# Runs `kiosk import` in a fresh interpreter and reports its own time and peak memory growth.
# The peak is VmHWM, this process's own: ru_maxrss would start at the forking pytest
# process's peak, which Linux carries across exec.
_MEASURE = """\
import json, sys, time
import openpyxl, kiosk.cli.main as m, kiosk.cli.importer
if 'kiosk.cli.importer' not in m.COMMAND_MODULES:
    m.COMMAND_MODULES = (*m.COMMAND_MODULES, 'kiosk.cli.importer')
def peak_kb():
    with open('/proc/self/status') as status:
        return next(int(line.split()[1]) for line in status if line.startswith('VmHWM:'))
before = peak_kb()
started = time.perf_counter()
status = m.main(sys.argv[1:])
seconds = time.perf_counter() - started
after = peak_kb()
print(json.dumps({"status": status, "seconds": seconds, "rss_mb": (after - before) / 1024}))
"""


def measured_import(path: Path, db_path: Path) -> tuple[int, str, float, float]:
    """(exit status, stderr, seconds, peak RSS growth in MB) of `kiosk import path`."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, "import", str(path), "--db", str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["status"], done.stderr, report["seconds"], report["rss_mb"]


def assert_refused(db: Database, tmp_path: Path, path: Path, message: str) -> None:
    """Exit 1, one line on stderr holding `message`, fast, small, database unchanged."""
    before = dump(db)
    status, err, seconds, rss_mb = measured_import(path, tmp_path / "kiosk.db")
    print(f"{path.name}: {seconds:.2f} s, +{rss_mb:.0f} MB: {err.strip()}")
    assert (status, err.count("\n"), err.startswith(f"kiosk: {path}: "), message in err) == (
        1,
        1,
        True,
        True,
    ), err
    assert seconds < MAX_SECONDS, f"{seconds:.1f} s"
    assert rss_mb < MAX_RSS_GROWTH_MB, f"{rss_mb:.0f} MB"
    assert dump(db) == before


# ---------------------------------------------------------------------------------- CSV


def test_fifty_megabyte_one_line_csv(db: Database, tmp_path: Path) -> None:
    """A 50 MB line (25 million tiny fields) is refused at the line limit, not parsed."""
    path = tmp_path / "oneline.csv"
    with path.open("wb") as f:
        f.write(b"id,first_name,last_name,email,type\n")
        for _ in range(50):
            f.write(b"a," * (1 << 19))
    assert_refused(db, tmp_path, path, f"row 2: a line longer than {limits.MAX_LINE_CHARS:,}")


def test_fifty_megabyte_header_line(db: Database, tmp_path: Path) -> None:
    """A 50 MB first line of 25 million columns (before: 118 s and 1 GB, then a 50 MB error
    line) is refused at row 1."""
    path = tmp_path / "header.csv"
    with path.open("wb") as f:
        for _ in range(50):
            f.write(b"a," * (1 << 19))
    assert_refused(db, tmp_path, path, "row 1: a line longer than")


def test_forty_megabyte_gb18030_line(db: Database, tmp_path: Path) -> None:
    """A 40 MB line of Chinese in GB18030 (before: 53 s and 1.6 GB) is refused at row 1:
    the encoding detector is given a bounded sample, not the line."""
    path = tmp_path / "cn.csv"
    path.write_bytes(("编号,姓名," * 4_000_000).encode("gb18030"))
    assert_refused(db, tmp_path, path, "row 1: a line longer than")


def test_fifty_megabyte_csv_without_a_newline(db: Database, tmp_path: Path) -> None:
    """No line break at all: refused at row 1 without reading the file as one line."""
    path = tmp_path / "nonewline.csv"
    with path.open("wb") as f:
        for _ in range(50):
            f.write(b"x" * (1 << 20))
    assert_refused(db, tmp_path, path, "row 1: a line longer than")


def test_hundred_thousand_columns(db: Database, tmp_path: Path) -> None:
    """A header of 100,000 columns is refused at row 1, naming the column limit."""
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(100_000)) + "\n1,2\n")
    assert_refused(db, tmp_path, path, f"row 1: 100,000 columns; at most {limits.MAX_COLUMNS:,}")


def test_ten_megabyte_field_on_one_line(db: Database, tmp_path: Path) -> None:
    """A 10 MB field on one line is refused at the line limit."""
    path = tmp_path / "field.csv"
    path.write_bytes(b"id,first_name,last_name,email,type\nA1," + b"x" * 10_000_000 + b"\n")
    assert_refused(db, tmp_path, path, "row 2: a line longer than")


def test_ten_megabyte_quoted_field_over_many_lines(db: Database, tmp_path: Path) -> None:
    """A 10 MB quoted field of short lines is refused at the field limit."""
    path = tmp_path / "field.csv"
    body = b"x" * 99 + b"\n"
    path.write_bytes(
        b'id,first_name,last_name,email,type\nA1,"' + body * 100_000 + b'",a,b@c.de,visitor\n'
    )
    assert_refused(
        db, tmp_path, path, f"row 2: not valid CSV (a field longer than {limits.MAX_FIELD_CHARS:,}"
    )


def test_many_quoted_lines_in_one_record(db: Database, tmp_path: Path) -> None:
    """A record of many short quoted fields over many lines is bounded as a whole."""
    path = tmp_path / "record.csv"
    path.write_bytes(b'id,first_name,last_name,email,type\n"a\n",' * 1 + b'"x\n",' * 2_000_000)
    assert_refused(db, tmp_path, path, "row 2: ")


def test_more_rows_than_the_limit(db: Database, tmp_path: Path) -> None:
    """Past MAX_ROWS rows the file is refused, naming the row limit. (Blank lines: the
    cheapest rows, so the bound is on the reader, not on checking rows of commas, which
    takes about twice as long.)"""
    path = tmp_path / "rows.csv"
    path.write_bytes(b"id,first_name,last_name,email,type\n" + b"\n" * limits.MAX_ROWS)
    assert_refused(db, tmp_path, path, f"more than {limits.MAX_ROWS:,} rows")


# ---------------------------------------------------------------------------------- XLSX


def base_workbook(tmp_path: Path) -> Path:
    """A good one-attendee workbook as openpyxl writes it (shared strings, one sheet)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["A7", "Mia", "Neu", "mia@example.de", "visitor"])
    path = tmp_path / "base.xlsx"
    book.save(path)
    return path


def rebuilt(
    tmp_path: Path, name: str, parts: dict[str, bytes | Iterable[bytes]], extra: int = 0
) -> Path:
    """The base workbook with `parts` replaced (chunks are streamed: bombs stay cheap) and
    `extra` tiny members added."""
    source = base_workbook(tmp_path)
    path = tmp_path / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename not in parts:
                dst.writestr(item, src.read(item.filename))
        for member, content in parts.items():
            with dst.open(member, "w", force_zip64=True) as out:
                for chunk in [content] if isinstance(content, bytes) else content:
                    out.write(chunk)
        for i in range(extra):
            dst.writestr(f"xl/media/x{i}.bin", b"x")
    return path


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows: str, dimension: str = "A1:E2", before: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{before}<worksheet xmlns="{MAIN_NS}">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    ).encode()


def good_rows() -> str:
    header = "".join(cell(f"{c}1", h) for c, h in zip("ABCDE", HEADER, strict=True))
    values = ["A7", "Mia", "Neu", "mia@example.de", "visitor"]
    body = "".join(cell(f"{c}2", v) for c, v in zip("ABCDE", values, strict=True))
    return f'<row r="1">{header}</row><row r="2">{body}</row>'


SHEET = "xl/worksheets/sheet1.xml"


def test_zip_bomb(db: Database, tmp_path: Path) -> None:
    """A sheet that inflates 1,000-fold (here 400 MB of blanks) is refused from the zip's
    directory, before any XML is parsed."""
    head, tail = sheet_xml(good_rows()).split(b"</sheetData>")
    padding = (b" " * (1 << 20) for _ in range(400))
    path = rebuilt(tmp_path, "bomb.xlsx", {SHEET: [head, *padding, b"</sheetData>", tail]})
    assert_refused(db, tmp_path, path, "compressed")


def test_too_many_members(db: Database, tmp_path: Path) -> None:
    """An archive of thousands of members is refused before it is opened as a workbook."""
    path = rebuilt(tmp_path, "members.xlsx", {}, extra=limits.MAX_ZIP_MEMBERS + 1)
    assert_refused(db, tmp_path, path, f"at most {limits.MAX_ZIP_MEMBERS:,}")


def test_huge_declared_dimension_with_few_cells_imports(db: Database, tmp_path: Path) -> None:
    """A sheet that declares A1:XFD1048576 but holds two rows is read by its real content."""
    path = rebuilt(tmp_path, "dim.xlsx", {SHEET: sheet_xml(good_rows(), "A1:XFD1048576")})
    status, err, seconds, rss_mb = measured_import(path, tmp_path / "kiosk.db")
    assert (status, err) == (0, "")
    assert seconds < MAX_SECONDS
    assert rss_mb < MAX_RSS_GROWTH_MB
    assert db["attendees"].get("A7")["first_name"] == "Mia"


def test_a_styled_empty_cell_far_right(db: Database, tmp_path: Path) -> None:
    """Rows reaching column XFD with empty styled cells are refused at the column limit, not
    padded out to 16,384 cells each."""
    far = "".join(f'<row r="{n}"><c r="XFD{n}" s="0"/></row>' for n in range(3, 200_003))
    path = rebuilt(tmp_path, "wide.xlsx", {SHEET: sheet_xml(good_rows() + far)})
    assert_refused(db, tmp_path, path, f"row 3: 16,384 columns; at most {limits.MAX_COLUMNS:,}")


def test_millions_of_empty_styled_cells(db: Database, tmp_path: Path) -> None:
    """Rows of a thousand empty styled cells each (millions in all) are refused, in bounded
    time, by their compression ratio or the cell limit."""
    row = "".join('<c s="0"/>' for _ in range(limits.MAX_COLUMNS))
    rows = (f"<row>{row}</row>".encode() for _ in range(60_000))
    head, tail = sheet_xml(good_rows()).split(b"</sheetData>")
    path = rebuilt(tmp_path, "styled.xlsx", {SHEET: [head, *rows, b"</sheetData>", tail]})
    assert_refused(db, tmp_path, path, "")


def test_millions_of_elements_between_rows(db: Database, tmp_path: Path) -> None:
    """12 million unknown elements between two rows, 1.5 MB zipped and under the ratio limit
    (before: 29 s and 1.2 GB, as openpyxl keeps them all), are refused from a byte scan."""
    head, tail = sheet_xml(good_rows()).split(b"</sheetData>")

    def junk() -> Iterable[bytes]:
        for _ in range(3000):
            yield b"".join(
                b"<a/>" * 40 + b'<b x="' + os.urandom(3).hex().encode() + b'"/>' for _ in range(100)
            )

    path = rebuilt(tmp_path, "junk.xlsx", {SHEET: [head, *junk(), b"</sheetData>", tail]})
    assert_refused(db, tmp_path, path, f"more than {limits.MAX_ELEMENTS_OUTSIDE_ROWS:,} XML")


def test_one_row_of_millions_of_elements(db: Database, tmp_path: Path) -> None:
    """A row holding millions of elements (held until the row ends) is refused at the row
    size limit."""
    head, tail = sheet_xml(good_rows()).split(b"</sheetData>")
    inner = (
        b"<a/>" * 40 + b'<b x="' + os.urandom(3).hex().encode() + b'"/>' for _ in range(50_000)
    )
    parts = [head, b'<row r="3">', *inner, b"</row></sheetData>", tail]
    path = rebuilt(tmp_path, "row.xlsx", {SHEET: parts})
    assert_refused(db, tmp_path, path, f"a row of more than {limits.MAX_ROW_XML_BYTES >> 20} MiB")


def shared_strings(texts: Iterable[bytes]) -> Iterable[bytes]:
    """The string table: the header's five strings and the attendee's, then `texts`."""
    yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}">'.encode()
    for text in [*HEADER, "A7", "Mia", "Neu", "mia@example.de", "visitor"]:
        yield f"<si><t>{text}</t></si>".encode()
    yield from texts
    yield b"</sst>"


def with_shared_strings(tmp_path: Path, name: str, texts: Iterable[bytes]) -> Path:
    """A workbook whose sheet takes its text from a string table holding `texts` too."""
    rows = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{c}{r}" t="s"><v>{5 * (r - 1) + i}</v></c>' for i, c in enumerate("ABCDE")
        )
        + "</row>"
        for r in (1, 2)
    )
    manifest = zipfile.ZipFile(base_workbook(tmp_path)).read("[Content_Types].xml")
    override = (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    parts: dict[str, bytes | Iterable[bytes]] = {
        SHEET: sheet_xml(rows),
        "[Content_Types].xml": manifest.replace(b"</Types>", override.encode()),
        "xl/sharedStrings.xml": shared_strings(texts),
    }
    return rebuilt(tmp_path, name, parts)


def test_shared_strings_are_read(db: Database, tmp_path: Path) -> None:
    """The workbook the string tests build is a good one without its hostile string."""
    path = with_shared_strings(tmp_path, "sst.xlsx", [b"<si><t>spare</t></si>"])
    status, err, _, _ = measured_import(path, tmp_path / "kiosk.db")
    assert (status, err, db["attendees"].get("A7")["email"]) == (0, "", "mia@example.de")


def test_hundred_megabyte_shared_string(db: Database, tmp_path: Path) -> None:
    """One shared string of 100 MB (a few hundred KB compressed) is refused before openpyxl
    reads the string table."""
    texts = [b"<si><t>", *(b"A" * (1 << 20) for _ in range(100)), b"</t></si>"]
    path = with_shared_strings(tmp_path, "sst.xlsx", texts)
    assert_refused(db, tmp_path, path, "xl/sharedStrings.xml")


def test_long_incompressible_shared_string(db: Database, tmp_path: Path) -> None:
    """A 2 MB shared string that compresses poorly (so no ratio catches it) is refused at the
    text limit."""
    text = os.urandom(1 << 20).hex().encode()
    path = with_shared_strings(tmp_path, "sst2.xlsx", [b"<si><t>", text, b"</t></si>"])
    assert_refused(db, tmp_path, path, f"longer than {limits.MAX_XML_TEXT_BYTES:,} bytes")


def test_long_inline_string_in_the_sheet(db: Database, tmp_path: Path) -> None:
    """An inline string of 2 MB in a sheet cell is refused at the text limit."""
    text = os.urandom(1 << 20).hex()
    path = rebuilt(tmp_path, "inline.xlsx", {SHEET: sheet_xml(good_rows() + cell("A3", text))})
    assert_refused(db, tmp_path, path, f"longer than {limits.MAX_XML_TEXT_BYTES:,} bytes")


def test_entity_expansion(db: Database, tmp_path: Path) -> None:
    """A billion-laughs DTD in the sheet is refused, never expanded."""
    dtd = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    rows = good_rows().replace("Mia", "&j;")
    path = rebuilt(tmp_path, "laughs.xlsx", {SHEET: sheet_xml(rows, before=dtd + "]>")})
    assert_refused(db, tmp_path, path, "declares a DTD")


def test_more_rows_than_an_xlsx_can_hold(db: Database, tmp_path: Path) -> None:
    """A row numbered past the row limit is refused without yielding the gap's empty rows."""
    far = f'<row r="{limits.MAX_ROWS + 5}">{cell(f"A{limits.MAX_ROWS + 5}", "x")}</row>'
    path = rebuilt(tmp_path, "rows.xlsx", {SHEET: sheet_xml(good_rows() + far)})
    assert_refused(db, tmp_path, path, f"more than {limits.MAX_XLSX_ROWS:,} rows")


@pytest.mark.parametrize("name", ["good.csv", "good.xlsx"])
def test_a_normal_file_is_not_refused(db: Database, tmp_path: Path, name: str) -> None:
    """The limits leave an ordinary export alone."""
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text(",".join(HEADER) + "\nA7,Mia,Neu,mia@example.de,visitor\n")
    else:
        path = base_workbook(tmp_path)
    status, err, _, _ = measured_import(path, tmp_path / "kiosk.db")
    assert (status, err) == (0, "")


def test_chunk_boundaries_keep_rows_whole(tmp_path: Path) -> None:
    """A CRLF or a quoted line break that falls on a chunk boundary of the bounded reader
    splits no row and adds none."""
    from kiosk.importing.sources import open_table

    size = limits.CSV_CHUNK_CHARS
    head = "id,name\r\n"
    first = "1," + "x" * (size - len(head) - 3) + "\r\n"  # its \r ends the first chunk
    quoted = '2,"' + "y" * (size - 4) + '\r\nz"\r\n'  # its quoted break crosses the second
    path = tmp_path / "chunks.csv"
    path.write_text(head + first + quoted + "3,w\r\n", newline="")
    with open_table(path) as table:
        rows = [(n, [c[:3] for c in cells]) for n, cells in table.rows]
    assert rows == [(2, ["1", "xxx"]), (3, ["2", "yyy"]), (4, ["3", "w"])]


def test_a_formula_gives_its_saved_value(db: Database, tmp_path: Path) -> None:
    """A formula is never evaluated: the cell gives the value Excel saved with it."""
    rows = good_rows().replace(
        cell("D2", "mia@example.de"),
        '<c r="D2" t="str"><f>HYPERLINK("http://evil.example","x")</f><v>mia@example.de</v></c>',
    )
    path = rebuilt(tmp_path, "formula.xlsx", {SHEET: sheet_xml(rows)})
    status, err, _, _ = measured_import(path, tmp_path / "kiosk.db")
    assert (status, err, db["attendees"].get("A7")["email"]) == (0, "", "mia@example.de")


def test_the_readme_states_the_limits() -> None:
    """The README's importing section gives every limit as the code has it."""
    text = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    figures = [
        limits.MAX_ROWS, limits.MAX_XLSX_ROWS, limits.MAX_COLUMNS, limits.MAX_LINE_CHARS,
        limits.MAX_FIELD_CHARS, limits.MAX_ZIP_MEMBERS, limits.MAX_CELLS,
        limits.MAX_ELEMENTS_OUTSIDE_ROWS,
    ]  # fmt: skip
    sizes = [
        f"{limits.MAX_UNCOMPRESSED_BYTES >> 30} GiB",
        f"{limits.MAX_COMPRESSION_RATIO}-to-1",
        f"{limits.RATIO_FLOOR_BYTES >> 20} MiB",
        f"{limits.MAX_SHARED_STRINGS_BYTES >> 20} MiB",
        f"{limits.MAX_XML_TEXT_BYTES >> 10} KiB",
        f"{limits.CSV_CHUNK_CHARS >> 10}K",
        f"{limits.MAX_ROW_XML_BYTES >> 20} MiB",
    ]
    assert [s for s in [f"{n:,}" for n in figures] + sizes if s not in text] == []


def test_rows_with_a_namespace_prefix(db: Database, tmp_path: Path) -> None:
    """A sheet whose writer prefixes every tag (x:row, x:c) is measured and read like any."""
    rows = good_rows().replace("<", "<x:").replace("<x:/", "</x:")
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN_NS}">'
        f'<x:dimension ref="A1:E2"/><x:sheetData>{rows}</x:sheetData></x:worksheet>'
    ).encode()
    path = rebuilt(tmp_path, "prefixed.xlsx", {SHEET: xml})
    status, err, _, _ = measured_import(path, tmp_path / "kiosk.db")
    assert (status, err, db["attendees"].get("A7")["email"]) == (0, "", "mia@example.de")
    from kiosk.importing.xlsx_archive import _SheetShape

    shape = _SheetShape(path, SHEET)
    shape.feed(xml[:200])  # a chunk boundary inside the first row
    shape.feed(xml[200:], final=True)
    assert (shape.in_row, shape.outside) == (False, 3)  # worksheet, dimension, sheetData
