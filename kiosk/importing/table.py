"""What every export reader returns: numbered rows under a header, and the one-line error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

Row = tuple[int, list[str]]  # (row number as a spreadsheet shows it, cells)


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


def first_nonblank(path: Path, rows: Iterator[Row]) -> tuple[int, list[str]]:
    """The header: the first row with any text (its cells with runs of spaces collapsed)."""
    for number, cells in rows:
        headers = [" ".join(cell.split()) for cell in cells]
        if any(headers):
            return number, headers
    raise ImportFileError(f"{path}: no header row (the file is blank)")
