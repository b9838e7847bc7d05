"""Reading an export (CSV in the usual encodings and separators, or XLSX) as numbered rows.

Row numbers are the ones a spreadsheet shows: the first record is row 1, a quoted
multi-line cell does not add rows, blank lines count. Cells come back as text as written
(headers stripped): an export may have forty columns, the importer strips the few it uses.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kiosk.importing import limits
from kiosk.importing.table import ImportFileError, Row, Table, first_nonblank
from kiosk.importing.xlsx import open_xlsx

__all__ = ["ImportFileError", "Row", "Table", "detect_encoding", "open_table"]

SAMPLE_BYTES = 64 * 1024
_DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and other Office 97 files)
# Python's codec names (codecs.lookup(...).name) -> the summary's.
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "gb18030": "GB18030",
    "cp1252": "Windows-1252",
    "iso8859-1": "Latin-1",
}
# What the detector may choose from, in charset-normalizer's names; order breaks ties.
_DETECTED = ("gb18030", "cp1252", "latin_1")
_DETECT_SAMPLE = 1 << 20  # bytes of non-ASCII lines given to the detector
_READ_BYTES = 1 << 20  # the encoding checks read this much at a time (and to a line end)


def open_table(path: Path, encoding: str | None = None) -> Table:
    """Open a CSV or XLSX export and read its header row; ImportFileError if it cannot be.
    `encoding`: a CSV's codec instead of the detected one (--encoding)."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if size == 0:
        raise ImportFileError(f"{path}: the file is empty")
    if head.startswith(_ZIP_MAGIC):
        return open_xlsx(path)
    if head.startswith(_OLE_MAGIC):
        raise ImportFileError(
            f"{path}: a legacy Excel (.xls) or other Office 97 file; save it as .xlsx or CSV"
        )
    return _open_csv(path, size, encoding)


# ---------------------------------------------------------------------------------- CSV


def encoding_name(encoding: str) -> str:
    """How the summary shows an encoding: 'Windows-1252' for cp1252, 'cp1250' as Python
    names it when kiosk has no better name."""
    name = codecs.lookup(encoding).name
    return _ENCODING_NAMES.get(name, name)


def _codec(path: Path, requested: str) -> str:
    """The codec for --encoding NAME; UTF-8 as utf-8-sig, so a BOM is not read as text."""
    try:
        name = codecs.lookup(requested).name
    except LookupError:
        raise ImportFileError(
            f"{path}: unknown encoding {requested!r} (e.g. cp1252, gb18030)"
        ) from None
    return "utf-8-sig" if name == "utf-8" else name


def detect_encoding(path: Path, requested: str | None = None) -> str:
    """The codec to read a CSV with: `requested` (--encoding) if given; else the BOM's
    (UTF-8, UTF-16), which always wins; else UTF-8 if the whole file decodes strictly;
    else what charset-normalizer finds among the encodings exports come in (GB18030 from
    Chinese Excel, Windows-1252 or Latin-1 from German and French Excel) and the whole
    file then decodes in.

    The detector is given only the lines with non-ASCII bytes: an export is ASCII for
    thousands of rows before the first accented name, and a sample from the top would say
    nothing. Ambiguous families (Windows-1250 vs 1252, Big5 vs GB18030) cannot be told
    apart from a few names, so only the expected ones are candidates; --encoding reads any.
    """
    if requested is not None:
        return _codec(path, requested)
    with path.open("rb") as f:
        head = f.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
        f.seek(0)
        utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        is_utf8 = True
        sample = bytearray()
        # Read in chunks that end at a line end (or at _READ_BYTES into a longer line, which
        # the reader refuses later): a one-line file is never held whole.
        while chunk := f.read(_READ_BYTES):
            if not chunk.endswith(b"\n"):
                chunk += f.readline(_READ_BYTES)
            if b"\x00" in chunk:
                raise ImportFileError(
                    f"{path}: a binary file (NUL bytes), not a CSV or XLSX export"
                )
            if chunk.isascii():
                continue
            if len(sample) < _DETECT_SAMPLE:
                sample += b"\n".join(x for x in chunk.split(b"\n") if not x.isascii()) + b"\n"
            if is_utf8:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError:
                    is_utf8 = False
        if is_utf8:
            try:
                utf8.decode(b"", final=True)
                return "utf-8-sig"
            except UnicodeDecodeError:
                pass
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    for match in from_bytes(bytes(sample), cp_isolation=list(_DETECTED)):
        if _decodes(path, match.encoding):
            return str(codecs.lookup(match.encoding).name)
    raise ImportFileError(
        f"{path}: not text in UTF-8, GB18030 or Windows-1252; give its encoding with "
        "--encoding NAME, or save it as CSV UTF-8 or XLSX"
    )


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    with path.open("rb") as f:
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


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


def _open_csv(path: Path, size: int, requested: str | None = None) -> Table:
    encoding = detect_encoding(path, requested)
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
        records = _csv_records(path, text, delimiter, encoding)
        header_row, headers = first_nonblank(path, records)
    except BaseException:
        text.close()
        raise
    shown = {"\t": "tab"}.get(delimiter, f"'{delimiter}'")
    return Table(
        path=path,
        description=f"CSV, {encoding_name(encoding)}, separator {shown}",
        headers=headers,
        header_row=header_row,
        rows=records,
        total=size,
        done=binary.tell,
        _close=text.close,
    )


class _Overlong(Exception):
    """A record ran past limits.MAX_LINE_CHARS (raised inside the csv reader's source)."""


def _bounded_lines(text: IO[str], rows_done: list[int]) -> Iterator[list[str]]:
    """The text's lines, a chunk's worth at a time, for csv.reader to take through
    itertools.chain (so no Python code runs per line). A record longer than
    MAX_LINE_CHARS raises _Overlong once the reader has taken the rows before it: a line
    is never held longer than that, nor a quoted record over many lines read on.

    `rows_done[0]`: the records the reader has returned, kept by _csv_records. When the
    generator is asked for more, the reader has taken every line given so far; if no
    record ended since, the chunks taken since then all belong to the open record.
    """
    limit, size = limits.MAX_LINE_CHARS, limits.CSV_CHUNK_CHARS
    carry = ""  # the last line so far, which the next chunk may continue (even a \r\n)
    open_chars, rows_then = 0, -1
    while chunk := text.read(size):
        lines = io.StringIO(carry + chunk, newline="").readlines()
        carry = lines.pop()
        if rows_done[0] == rows_then:
            open_chars += size
            if open_chars > limit + size:  # the first chunk may hold less of the record
                raise _Overlong
        else:
            rows_then, open_chars = rows_done[0], 0
        if len(carry) > limit:
            yield lines
            raise _Overlong
        yield lines
    if carry:
        yield [carry]


def _csv_records(path: Path, text: IO[str], delimiter: str, encoding: str) -> Iterator[Row]:
    number = 0
    done = [0]
    columns, rows = limits.MAX_COLUMNS, limits.MAX_ROWS
    reader = csv.reader(
        itertools.chain.from_iterable(_bounded_lines(text, done)), delimiter=delimiter
    )
    try:
        for number, cells in enumerate(reader, start=1):
            done[0] = number
            if len(cells) > columns:
                raise ImportFileError(
                    f"{path}: row {number}: {len(cells):,} columns; at most {columns:,}"
                )
            if number > rows:
                raise ImportFileError(f"{path}: row {number}: more than {rows:,} rows")
            yield number, cells
    except _Overlong:
        raise ImportFileError(
            f"{path}: row {number + 1}: a line longer than {limits.MAX_LINE_CHARS:,} "
            "characters; not an attendee list"
        ) from None
    except csv.Error as exc:
        reason = str(exc)
        if "field larger than field limit" in reason:
            # csv.field_size_limit() is the csv module's default, limits.MAX_FIELD_CHARS
            reason = f"a field longer than {limits.MAX_FIELD_CHARS:,} characters"
        raise ImportFileError(f"{path}: row {number + 1}: not valid CSV ({reason})") from None
    except UnicodeDecodeError:
        raise ImportFileError(
            f"{path}: line {_bad_line(path, encoding)}: not valid {encoding_name(encoding)} "
            "text (give the file's encoding with --encoding NAME)"
        ) from None


def _bad_line(path: Path, encoding: str) -> int:
    """The line of the first byte `encoding` cannot decode. The reader decodes a block
    ahead of the rows it returns, so its row count would point above the fault. Read in
    chunks; the failing chunk is decoded again byte by byte from the state before it."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    lines = 1
    with path.open("rb") as f:
        while chunk := f.read(1 << 16):
            state = decoder.getstate()
            try:
                lines += decoder.decode(chunk).count("\n")
                continue
            except UnicodeDecodeError:
                decoder.setstate(state)
            for i in range(len(chunk)):
                try:
                    lines += decoder.decode(chunk[i : i + 1]).count("\n")
                except UnicodeDecodeError:
                    return lines
    return lines
