"""Reading an export (CSV in the usual encodings and separators, or XLSX) as numbered rows.

Row numbers are the ones a spreadsheet shows: the first record is row 1, a quoted
multi-line cell does not add rows, blank lines count. Cells come back as text as written
(headers stripped): an export may have forty columns, the importer strips the few it uses.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

Row = tuple[int, list[str]]  # (row number as a spreadsheet shows it, cells)

SAMPLE_BYTES = 64 * 1024
_DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and other Office 97 files)
_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "gb18030": "GB18030", "utf-16": "UTF-16"}


class ImportFileError(Exception):
    """The file cannot be read as an attendee list; the message says why, in one line."""


@dataclass
class Table:
    """An open export: its header row and an iterator over the rows below it."""

    path: Path
    description: str  # e.g. "CSV, UTF-8, ';'" or "XLSX, sheet 'Orders'"
    headers: list[str]
    header_row: int
    rows: Iterator[Row]
    total: int  # progress scale: bytes for CSV, rows for XLSX (0 if unknown)
    done: Callable[[], int]  # progress so far, in the unit of `total`
    _close: Callable[[], None] = field(repr=False, default=lambda: None)

    def close(self) -> None:
        self._close()

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_table(path: Path) -> Table:
    """Open a CSV or XLSX export and read its header row; ImportFileError if it cannot be."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if size == 0:
        raise ImportFileError(f"{path}: the file is empty")
    if head.startswith(_ZIP_MAGIC):
        return _open_xlsx(path)
    if head.startswith(_OLE_MAGIC):
        raise ImportFileError(
            f"{path}: a legacy Excel (.xls) or other Office 97 file; save it as .xlsx or CSV"
        )
    return _open_csv(path, size)


# ---------------------------------------------------------------------------------- CSV


def detect_encoding(path: Path) -> str:
    """'utf-16' (with a BOM), else 'utf-8-sig' if every byte decodes strictly, else 'gb18030'.

    The whole file is checked, not a sample: an export is ASCII for thousands of rows
    before the first accented name, and guessing from the top would garble the rest.
    """
    with path.open("rb") as f:
        head = f.read(2)
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
        for encoding in ("utf-8-sig", "gb18030"):
            f.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)("strict")
            looks_chinese = _ChineseCheck()
            try:
                while chunk := f.read(1 << 20):
                    if b"\x00" in chunk:
                        raise ImportFileError(
                            f"{path}: a binary file (NUL bytes), not a CSV or XLSX export"
                        )
                    text = decoder.decode(chunk)
                    if encoding == "gb18030":
                        looks_chinese.feed(text)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            if encoding == "gb18030" and not looks_chinese.plausible():
                break
            return encoding
    raise ImportFileError(
        f"{path}: neither UTF-8 nor GB18030 text (Windows-1252 or Latin-1?); "
        "save it as CSV UTF-8 or XLSX"
    )


class _ChineseCheck:
    """Whether text decoded as GB18030 reads like Chinese rather than mojibake.

    Windows-1252 text often decodes as GB18030 without error ("ür" is a valid byte pair)
    and turns Jürgen into J黵gen. Real Chinese names and companies are nearly all in the
    GB2312 core set; mojibake lands all over the extension areas. The first 4 MB decide.
    """

    LIMIT = 4 << 20

    def __init__(self) -> None:
        self.seen = self.outside = self.read = 0

    def feed(self, text: str) -> None:
        if self.read >= self.LIMIT:
            return
        self.read += len(text)
        for ch in text:
            if ch > "\x7f":
                self.seen += 1
                try:
                    ch.encode("gb2312")
                except UnicodeEncodeError:
                    self.outside += 1

    def plausible(self) -> bool:
        return self.outside * 5 <= self.seen  # at most a fifth rare characters


def sniff_delimiter(sample: str, complete: bool) -> str:
    """The separator among , ; and tab that splits the first records most consistently.

    `complete`: the sample is the whole file (else its last record may be cut short).
    A quoted field may hold separators and line breaks, so records are parsed, not lines.
    """
    best, best_score = ",", (-1, 0)
    for delimiter in _DELIMITERS:
        try:
            reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
            records = list(itertools.islice(reader, 50))
        except csv.Error:
            continue
        if not complete and len(records) > 1:
            records.pop()
        records = [r for r in records if any(cell.strip() for cell in r)]
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        score = (sum(len(r) == width for r in records[1:]), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _open_csv(path: Path, size: int) -> Table:
    encoding = detect_encoding(path)
    with path.open("rb") as f:
        raw = f.read(SAMPLE_BYTES)
    sample = raw.decode(encoding, errors="ignore")
    delimiter = None
    skip_first = False
    first_line = sample.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first_line.lower().startswith("sep=") and len(first_line) == 5:
        # Excel's "sep=;" hint line: Excel hides it, so the header is still row 1.
        delimiter, skip_first = first_line[4], True
    if delimiter is None:
        delimiter = sniff_delimiter(sample, complete=len(raw) < SAMPLE_BYTES)
    binary = path.open("rb")
    text = io.TextIOWrapper(binary, encoding=encoding, errors="strict", newline="")
    try:
        if skip_first:
            text.readline()
        records = _csv_records(path, text, delimiter, _ENCODING_NAMES[encoding])
        header_row, headers = _first_nonblank(path, records)
    except BaseException:
        text.close()
        raise
    shown = {"\t": "tab"}.get(delimiter, f"'{delimiter}'")
    return Table(
        path=path,
        description=f"CSV, {_ENCODING_NAMES[encoding]}, separator {shown}",
        headers=headers,
        header_row=header_row,
        rows=records,
        total=size,
        done=binary.tell,
        _close=text.close,
    )


def _csv_records(path: Path, text: IO[str], delimiter: str, encoding: str) -> Iterator[Row]:
    number = 0
    reader = csv.reader(text, delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells
    except csv.Error as exc:
        raise ImportFileError(f"{path}: row {number + 1}: not valid CSV ({exc})") from None
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: row {number + 1}: not valid {encoding} text") from None


def _first_nonblank(path: Path, rows: Iterator[Row]) -> tuple[int, list[str]]:
    for number, cells in rows:
        headers = [" ".join(cell.split()) for cell in cells]
        if any(headers):
            return number, headers
    raise ImportFileError(f"{path}: no header row (the file is blank)")


# ---------------------------------------------------------------------------------- XLSX


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        # Excel stores every number as a float: an id typed as 1024 comes back as 1024.0.
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _open_xlsx(path: Path) -> Table:
    # openpyxl is imported here: CSV imports (and the kiosk) need not load it.
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style" and the like: harmless
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        # A damaged or foreign zip fails deep inside openpyxl with many exception types
        # (BadZipFile, KeyError, InvalidFileException, XML parse errors...): all mean the same.
        raise ImportFileError(f"{path}: not a readable XLSX workbook ({_reason(exc)})") from None
    try:
        sheet = book.worksheets[0]
        total = sheet.max_row or 0
        # Read-only mode trusts the sheet's stored dimensions, which some exporters get
        # wrong (truncating the data); forget them and read every row there is.
        sheet.reset_dimensions()
        counter = itertools.count(1)
        position = [0]

        def rows() -> Iterator[Row]:
            try:
                for values in sheet.iter_rows(values_only=True):
                    number = next(counter)
                    position[0] = number
                    yield number, [_cell_text(v) for v in values]
            except ImportFileError:
                raise
            except Exception as exc:  # as above: a damaged sheet fails in many ways
                raise ImportFileError(
                    f"{path}: row {position[0] + 1}: unreadable ({_reason(exc)})"
                ) from None

        records = rows()
        header_row, headers = _first_nonblank(path, records)
    except BaseException:
        book.close()
        raise
    return Table(
        path=path,
        description=f"XLSX, sheet '{sheet.title}'",
        headers=headers,
        header_row=header_row,
        rows=records,
        total=max(total - header_row, 0),
        done=lambda: max(position[0] - header_row, 0),
        _close=book.close,
    )
