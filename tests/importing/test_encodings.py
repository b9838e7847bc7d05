"""Import encodings from real bytes: GB18030 beyond GB2312, Windows-1252 and Latin-1 from
German and French Excel, BOMs that decide, and --encoding to override the detector."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.cli import main
from kiosk.domain.event import Event
from kiosk.importing import ImportFileError
from kiosk.importing.sources import open_table
from tests.importing.conftest import WriteFile, dump, run_import

# Chinese names with characters outside GB2312 (喆 玥 赟 堃 昇) and European names whose
# letters GB18030 holds only in its four-byte area (Ł ś ü ß á Ó): Chinese Excel writes
# them all in GB18030, and the old GB2312 plausibility check refused such files.
GB18030_PEOPLE = [
    ("C1", "喆", "张", "华为"),
    ("C2", "玥", "李", "阿里巴巴"),
    ("C3", "赟", "王", "腾讯"),
    ("C4", "堃", "赵", "百度"),
    ("C5", "昇", "刘", "小米"),
    ("E1", "Łukasz", "Wiśniewski", "PKO"),
    ("E2", "Jürgen", "Groß", "INTEX"),
    ("E3", "Siobhán", "Ó Briain", "Aer Lingus"),
]


def read(path: Path, encoding: str | None = None) -> tuple[str, list[list[str]]]:
    with open_table(path, encoding=encoding) as table:
        return table.description, [cells for _, cells in table.rows]


def test_gb18030_with_names_outside_gb2312_imports(
    empty_db: Database, event: Event, export: WriteFile
) -> None:
    """A GB18030 file holding 喆 玥 赟 堃 昇 and Łukasz Wiśniewski, Jürgen Groß, Siobhán
    Ó Briain imports every name exactly, and the summary says GB18030."""
    text = "id,first_name,last_name,公司,type\n" + "".join(
        f"{i},{first},{last},{company},visitor\n" for i, first, last, company in GB18030_PEOPLE
    )
    raw = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gb2312")  # the point: these are not GB2312
    report = run_import(empty_db, event, export("名单.csv", raw))
    names = empty_db.execute("SELECT id, first_name, last_name, company FROM attendees")
    assert sorted(names.fetchall()) == sorted(GB18030_PEOPLE)
    assert report.description == "CSV, GB18030, separator ','"


GERMAN = "Nr;Vorname;Nachname;Firma\n1;Jürgen;Groß;Müller & Söhne GmbH\n2;Björn;Äßler;Straße AG\n"
FRENCH = "N°;Prénom;Nom;Société\n1;Hélène;Lefèvre;Crédit Agricole – Paris\n2;François;Œuvre;Café\n"


@pytest.mark.parametrize(
    ("text", "encoding", "shown"),
    [
        (GERMAN, "cp1252", "Windows-1252"),
        (FRENCH, "cp1252", "Windows-1252"),  # – and Œ are Windows-1252 only, not Latin-1
        (GERMAN, "latin-1", "Windows-1252"),  # Latin-1 letters are the same bytes
    ],
)
def test_windows_1252_and_latin1_from_excel_are_read(
    text: str, encoding: str, shown: str, export: WriteFile
) -> None:
    """German and French Excel's default "CSV" (Windows-1252; Latin-1 is its subset for
    letters) is read, not refused and not taken for Chinese (Jürgen is not J黵gen)."""
    description, rows = read(export("excel.csv", text.encode(encoding)))
    assert description == f"CSV, {shown}, separator ';'"
    assert rows == [line.split(";") for line in text.splitlines()[1:]]


def test_one_accented_name_after_100_kb_of_ascii(export: WriteFile) -> None:
    """The detector sees the rows that matter: one Windows-1252 name after 12,000 ASCII rows."""
    body = "".join(f"{i},Name{i}\n" for i in range(12_000))
    description, rows = read(
        export("late.csv", ("id,name\n" + body + "99999,Müller\n").encode("cp1252"))
    )
    assert (description, rows[-1]) == ("CSV, Windows-1252, separator ','", ["99999", "Müller"])


@pytest.mark.parametrize(
    ("bom", "encoding", "shown"),
    [
        (codecs.BOM_UTF8, "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    ],
)
def test_a_bom_decides_the_encoding(
    bom: bytes, encoding: str, shown: str, export: WriteFile
) -> None:
    """With a BOM the file is that encoding, whatever a detector would say; the BOM is not
    part of the first header."""
    text = "id,name\n1,喆 Łukasz Groß\n"
    description, rows = read(export("bom.csv", bom + text.encode(encoding)))
    assert (description, rows) == (f"CSV, {shown}, separator ','", [["1", "喆 Łukasz Groß"]])


def test_a_utf8_bom_file_with_bad_bytes_is_refused_not_redetected(export: WriteFile) -> None:
    """The BOM wins: a UTF-8 BOM file with a Windows-1252 byte later is refused as bad
    UTF-8 at the line of the bad byte, not silently read as something else."""
    path = export("mixed.csv", codecs.BOM_UTF8 + b"id,name\n1,Ann\n2,M\xfcller\n")
    with pytest.raises(ImportFileError, match="line 3: not valid UTF-8 text"):
        read(path)


def test_encoding_option_overrides_the_detector(export: WriteFile) -> None:
    """--encoding cp1250 reads a Polish Excel file the detector would take for Windows-1252."""
    text = "id,name\n1,Łukasz Wiśniewski\n2,Zażółć Gęślą\n"
    path = export("pl.csv", text.encode("cp1250"))
    assert read(path, "cp1250") == (
        "CSV, cp1250, separator ','",
        [["1", "Łukasz Wiśniewski"], ["2", "Zażółć Gęślą"]],
    )
    assert read(path, "windows-1250")[0] == "CSV, cp1250, separator ','"


def test_encoding_option_for_gb18030_and_a_bad_name(export: WriteFile) -> None:
    """--encoding gb18030 is the same as detected; an unknown name is an ImportFileError."""
    path = export("cn.csv", "id,name\n1,张喆\n".encode("gb18030"))
    assert read(path, "GB18030") == ("CSV, GB18030, separator ','", [["1", "张喆"]])
    with pytest.raises(ImportFileError, match="unknown encoding 'klingon'"):
        read(path, "klingon")


def test_text_in_no_known_encoding_is_refused(export: WriteFile) -> None:
    """Bytes that read as none of the encodings (or only as control characters): refused,
    naming --encoding."""
    path = export("junk.csv", b"id,name\n1,Ren\x81\n2,\x8d\x81\n")
    with pytest.raises(ImportFileError, match="--encoding"):
        read(path)


def test_cli_encoding_option_and_summary(
    db: Database, tmp_path: Path, export: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk import --encoding NAME`: the summary shows the encoding used; a bad name is a
    one-line usage error and nothing is imported."""
    path = export(
        "de.csv", "id,first_name,last_name,type\nD1,Jürgen,Groß,visitor\n".encode("cp1252")
    )
    args = ["import", str(path), "--db", str(tmp_path / "kiosk.db")]
    before = dump(db)
    assert main.main([*args, "--encoding", "klingon"]) == 2
    err = capsys.readouterr().err
    assert (err.count("\n"), "unknown encoding 'klingon'" in err, dump(db)) == (1, True, before)
    assert main.main([*args, "--encoding", "latin-1"]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: 1 attendees (CSV, Latin-1, separator ',')")
    person = db.execute("SELECT first_name, last_name FROM attendees WHERE id = 'D1'").fetchone()
    assert person == ("Jürgen", "Groß")


def test_a_bad_byte_deep_in_a_large_file_is_reported_at_its_line(export: WriteFile) -> None:
    """The reader decodes blocks ahead of the rows: the error still names the bad line."""
    body = "".join(f"{i},Name{i}\n" for i in range(12_000)).encode()
    path = export("deep.csv", codecs.BOM_UTF8 + b"id,name\n" + body + b"1,M\xfcller\n2,B\n")
    with pytest.raises(ImportFileError, match="line 12002: not valid UTF-8 text"):
        read(path)
