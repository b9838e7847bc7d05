"""Reading an XLSX export's first sheet, after checking from the zip that it cannot inflate
past the limits (kiosk.importing.limits) while openpyxl reads it."""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

from kiosk.importing import limits
from kiosk.importing.table import ImportFileError, Row, Table, first_nonblank

_CONTENT_TYPES = "[Content_Types].xml"
_SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_SHARED_STRINGS = _SPREADSHEET + "sharedStrings+xml"
_WORKSHEETS = (_SPREADSHEET + "worksheet+xml", "application/vnd.ms-excel.worksheet")
_SCAN_CHUNK = 1 << 20
_CDATA = b"<![CDATA["
_DTD = b"<!DOCTYPE"


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def check_archive(path: Path) -> None:
    """Refuse, from the zip's directory and a byte scan of the string table and the sheets,
    a workbook that would inflate (a zip bomb), or hold a text, past the limits.

    Python's zipfile never inflates a part past the size its directory declares (a part
    that lies fails its CRC), so the declared sizes bound what openpyxl can read. A text is
    a run of bytes without '<' (no tag or attribute may hold one), found with a few
    bytes.find calls a megabyte: no XML is parsed here.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFileError(f"{path}: not a readable XLSX workbook ({exc})") from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.MAX_ZIP_MEMBERS:
            raise ImportFileError(
                f"{path}: the archive has {len(members):,} parts; an XLSX workbook has at "
                f"most {limits.MAX_ZIP_MEMBERS:,}"
            )
        total = sum(m.file_size for m in members)
        if total > limits.MAX_UNCOMPRESSED_BYTES:
            raise ImportFileError(
                f"{path}: the workbook inflates to {_mb(total)}; at most "
                f"{_mb(limits.MAX_UNCOMPRESSED_BYTES)}"
            )
        for m in members:
            ratio = m.file_size / max(m.compress_size, 1)
            if m.file_size > limits.RATIO_FLOOR_BYTES and ratio > limits.MAX_COMPRESSION_RATIO:
                raise ImportFileError(
                    f"{path}: part {m.filename} is compressed {ratio:,.0f} to 1 (a zip bomb?); "
                    f"at most {limits.MAX_COMPRESSION_RATIO} to 1"
                )
        strings, sheets = _parts(path, archive)
        for name in strings:
            size = archive.getinfo(name).file_size
            if size > limits.MAX_SHARED_STRINGS_BYTES:
                raise ImportFileError(
                    f"{path}: the shared string table {name} is {_mb(size)}; at most "
                    f"{_mb(limits.MAX_SHARED_STRINGS_BYTES)}"
                )
            _scan_texts(path, archive, name, "a shared string")
        for name in sheets:
            _scan_texts(path, archive, name, "a cell")


def _parts(path: Path, archive: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    """The string tables and worksheets, found as openpyxl finds them: by content type."""
    from defusedxml.ElementTree import fromstring

    try:
        info = archive.getinfo(_CONTENT_TYPES)
        if info.file_size > limits.RATIO_FLOOR_BYTES:
            raise ImportFileError(f"{path}: not a readable XLSX workbook (its manifest is huge)")
        manifest = fromstring(archive.read(info))
    except ImportFileError:
        raise
    except Exception as exc:  # missing, damaged, or a DTD: openpyxl would fail too
        raise ImportFileError(f"{path}: not a readable XLSX workbook ({exc})") from None
    names = {m.filename for m in archive.infolist()}
    strings: list[str] = []
    sheets: list[str] = []
    for item in manifest:
        part = str(item.get("PartName", "")).lstrip("/")
        kind = item.get("ContentType")
        if part in names:
            if kind == _SHARED_STRINGS:
                strings.append(part)
            elif kind in _WORKSHEETS:
                sheets.append(part)
    return strings, sheets


def _scan_texts(path: Path, archive: zipfile.ZipFile, name: str, what: str) -> None:
    limit = limits.MAX_XML_TEXT_BYTES
    step = limit // 2  # a run longer than `limit` holds a whole window of `step` bytes
    run = 0  # bytes without '<' at the end of what was read so far
    tail = b""
    try:
        with archive.open(name) as part:
            while chunk := part.read(_SCAN_CHUNK):
                if _CDATA in tail + chunk[: len(_CDATA)] or _CDATA in chunk:
                    # CDATA may hold '<': Excel never writes it, and a run cannot be measured
                    raise ImportFileError(
                        f"{path}: {name} holds CDATA sections, which Excel never writes; "
                        "save the file again from a spreadsheet program"
                    )
                if _DTD in tail + chunk[: len(_DTD)] or _DTD in chunk:
                    # entity declarations expand (billion laughs); no XLSX part has a DTD
                    raise ImportFileError(
                        f"{path}: {name} declares a DTD (entities), which no XLSX holds; "
                        "not a spreadsheet export"
                    )
                tail = chunk[-len(_CDATA) :]
                first = chunk.find(b"<")
                if first < 0:
                    run += len(chunk)
                    if run > limit:
                        _too_long(path, what)
                    continue
                if run + first > limit:
                    _too_long(path, what)
                last = chunk.rfind(b"<")
                for start in range(first, last - step + 1, step):
                    if chunk.find(b"<", start, start + step) < 0:
                        before = chunk.rfind(b"<", 0, start)
                        if chunk.find(b"<", start + step) - before - 1 > limit:
                            _too_long(path, what)
                run = len(chunk) - last - 1
    except zipfile.BadZipFile as exc:
        raise ImportFileError(f"{path}: not a readable XLSX workbook ({exc})") from None
    if run > limit:
        _too_long(path, what)


def _too_long(path: Path, what: str) -> NoReturn:
    raise ImportFileError(
        f"{path}: {what} longer than {limits.MAX_XML_TEXT_BYTES:,} bytes (Excel holds at "
        "most 32,767 characters in a cell)"
    )


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
    """The exception's message on one line (openpyxl's may span several)."""
    return " ".join(str(exc).split()) or type(exc).__name__


def open_xlsx(path: Path) -> Table:
    """The first sheet of a workbook that check_archive() let through, streamed row by row
    (openpyxl's read-only mode) and refused at the row, column or cell limit."""
    check_archive(path)
    # openpyxl is imported here: CSV imports (and the kiosk) need not load it. With
    # defusedxml installed it parses every part through it (no DTD entities).
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
        # The declared dimension is only the progress scale: a hostile one claims a million
        # rows, a wrong one (some exporters) truncates the data. Every row there is is read.
        total = min(sheet.max_row or 0, limits.MAX_XLSX_ROWS)
        sheet.reset_dimensions()
        position = [0]
        records = _rows(path, sheet.iter_rows(values_only=True), position)
        header_row, headers = first_nonblank(path, records)
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


def _rows(path: Path, rows: Iterator[tuple[Any, ...]], position: list[int]) -> Iterator[Row]:
    cells = 0
    number = 0
    try:
        for number, values in enumerate(rows, start=1):
            position[0] = number
            width = len(values)  # openpyxl pads a row out to its last cell, empty or not
            if width > limits.MAX_COLUMNS:
                raise ImportFileError(
                    f"{path}: row {number}: {width:,} columns; at most {limits.MAX_COLUMNS:,}"
                )
            cells += width
            if cells > limits.MAX_CELLS or number > limits.MAX_XLSX_ROWS:
                which = (
                    f"more than {limits.MAX_XLSX_ROWS:,} rows (the most a sheet holds)"
                    if number > limits.MAX_XLSX_ROWS
                    else f"more than {limits.MAX_CELLS:,} cells"
                )
                raise ImportFileError(f"{path}: row {number}: {which}")
            yield number, [_cell_text(v) for v in values]
    except ImportFileError:
        raise
    except Exception as exc:  # as in open_xlsx: a damaged sheet fails in many ways
        raise ImportFileError(f"{path}: row {number + 1}: unreadable ({_reason(exc)})") from None
