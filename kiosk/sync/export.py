"""Exporting the merged check-in log to CSV or XLSX, filtered by hall, session or day."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.store import attendees
from kiosk.sync.stats import all_records

COLUMNS = (
    "time", "day", "hall", "session", "direction", "verdict", "reason", "attendee_id",
    "name", "company", "type", "kiosk", "offline", "clock_offset_ms", "note", "warnings",
    "record_id", "undoes",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Filters:
    hall: str | None = None
    session: str | None = None
    day: dt.date | None = None


def rows(db: Database, event: Event, filters: Filters) -> Iterator[list[Any]]:
    people: dict[str, Attendee | None] = {}
    for record in all_records(db):
        if filters.hall and record.hall != filters.hall:
            continue
        if filters.session and record.session_id != filters.session:
            continue
        local = dt.datetime.fromisoformat(record.at).astimezone(event.tz)
        if filters.day and local.date() != filters.day:
            continue
        person = None
        if record.attendee_id:
            if record.attendee_id not in people:
                people[record.attendee_id] = attendees.find_by_id(db, record.attendee_id)
            person = people[record.attendee_id]
        yield [
            local.isoformat(timespec="seconds"), local.date().isoformat(), record.hall,
            record.session_id or "", record.direction, record.verdict, record.reason,
            record.attendee_id or "", person.name if person else "",
            person.company if person else "", person.type if person else "", record.kiosk_id,
            int(record.offline), record.clock_offset_ms, record.note, record.warnings,
            record.id, record.undoes or "",
        ]  # fmt: skip


def _safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (a name starting with '=') stays text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write(db: Database, event: Event, out: Path, filters: Filters) -> int:
    """Write the export; the format follows the suffix (.csv or .xlsx). Returns the rows."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"{out}: the export is .csv or .xlsx")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    count = 0
    if suffix == ".csv":
        # utf-8-sig: Excel opens it with Chinese and German names intact.
        with open(tmp, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for row in rows(db, event, filters):
                writer.writerow([_safe(v) for v in row])
                count += 1
    else:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        book = Workbook(write_only=True)
        sheet = book.create_sheet("check-ins")
        sheet.append(list(COLUMNS))
        for row in rows(db, event, filters):
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                cells.append(cell)
            sheet.append(cells)
            count += 1
        book.save(tmp)
    tmp.replace(out)
    return count
