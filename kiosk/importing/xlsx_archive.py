"""Checking an XLSX archive before openpyxl opens it: the zip's directory (parts, inflated
size, compression ratio: a zip bomb) and a byte scan of the string table and the sheets
(texts, rows, elements outside rows, DTD, CDATA), all against kiosk.importing.limits."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from kiosk.importing import limits
from kiosk.importing.table import ImportFileError

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
            _scan_texts(path, archive, name, "a cell", _SheetShape(path, name))


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


def _scan_texts(
    path: Path, archive: zipfile.ZipFile, name: str, what: str, shape: _SheetShape | None = None
) -> None:
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
                if shape is not None:
                    shape.feed(chunk)
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
    if shape is not None:
        shape.feed(b"", final=True)


def _too_long(path: Path, what: str) -> NoReturn:
    raise ImportFileError(
        f"{path}: {what} longer than {limits.MAX_XML_TEXT_BYTES:,} bytes (Excel holds at "
        "most 32,767 characters in a cell)"
    )


_NAME_ENDS = frozenset(b" \t\r\n/>")
_PREFIX = re.compile(rb"/?[A-Za-z_][\w.-]*:")  # x:row, as some writers name it


def _row_tags(data: bytes, end: int) -> Iterator[tuple[int, bool, int]]:
    """(where the tag's '<' is, whether it ends a row, where its name ends) for each row
    tag starting before `end`. bytes.find for "row" and a look at the bytes around it:
    three times faster than a regular expression tried at every '<'."""
    find = data.find
    at = find(b"row", 0, end)
    while at >= 0:
        after = at + 3
        if after < len(data) and data[after] in _NAME_ENDS and at > 0:
            before = data[at - 1]
            if before == 0x3C:  # <row
                yield at - 1, False, after
            elif before == 0x2F and at > 1 and data[at - 2] == 0x3C:  # </row
                yield at - 2, True, after
            elif before == 0x3A:  # a prefix
                lt = data.rfind(b"<", max(0, at - 64), at)
                if lt >= 0 and _PREFIX.fullmatch(data, lt + 1, at):
                    yield lt, data[lt + 1] == 0x2F, after
        at = find(b"row", after, end)


def _elements(data: bytes, start: int, end: int) -> int:
    """Elements opened in data[start:end]: '<' but not an end tag, comment/DTD or PI."""
    count = data.count
    return (
        count(b"<", start, end)
        - count(b"</", start, end)
        - count(b"<!", start, end)
        - count(b"<?", start, end)
    )


class _SheetShape:
    """What openpyxl's read-only parser keeps in memory from a sheet: it frees each row as
    it ends, but nothing outside rows until the sheet ends (12 million unknown elements
    between two rows, 1.5 MB zipped, took 1.2 GB). Bounds both: elements outside rows, and
    each row's bytes. Fed the sheet in chunks; tags are counted with bytes.count, and only
    row tags go through a regular expression."""

    def __init__(self, path: Path, name: str) -> None:
        self.path, self.name = path, name
        self.carry = b""  # from the last '<' of what was fed: a tag may continue
        self.offset = 0  # where `carry` starts in the part
        self.in_row = False
        self.row_start = 0
        self.outside = 0

    def feed(self, chunk: bytes, final: bool = False) -> None:
        data = self.carry + chunk
        end = len(data) if final else max(data.rfind(b"<"), 0)
        base, at = self.offset, 0
        for begins, closing, name_end in _row_tags(data, end):
            if begins < at:
                continue  # inside a tag already seen (an attribute named like a row)
            if not self.in_row:
                self.outside += _elements(data, at, begins)
                closes = data.find(b">", name_end, end)
                if not closing and not (closes > 0 and data[closes - 1] == 0x2F):  # "/>"
                    self.in_row, self.row_start = True, base + begins
            elif closing:
                self.in_row = False
                self._row_size(base + begins)
            else:  # a row opened inside a row: measure from the newer one
                self.row_start = base + begins
            at = name_end
        if self.in_row:
            self._row_size(base + end)
        else:
            self.outside += _elements(data, at, end)
        if self.outside > limits.MAX_ELEMENTS_OUTSIDE_ROWS:
            raise ImportFileError(
                f"{self.path}: {self.name} has more than {limits.MAX_ELEMENTS_OUTSIDE_ROWS:,} "
                "XML elements outside its rows; not a spreadsheet export"
            )
        self.carry, self.offset = data[end:], base + end

    def _row_size(self, upto: int) -> None:
        if upto - self.row_start > limits.MAX_ROW_XML_BYTES:
            raise ImportFileError(
                f"{self.path}: {self.name} has a row of more than "
                f"{limits.MAX_ROW_XML_BYTES >> 20} MiB of XML; not a spreadsheet export"
            )
