"""Reading an XLSX export's first sheet, once kiosk.importing.xlsx_archive has checked that
it cannot inflate past the limits while openpyxl reads it; the rows are streamed and refused
at the row, column and cell limits."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.importing import limits
from kiosk.importing.table import ImportFileError, Row, Table, first_nonblank
from kiosk.importing.xlsx_archive import check_archive


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
