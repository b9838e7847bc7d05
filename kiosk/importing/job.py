"""One import of an export file: read it, check every row, then apply all of it or nothing."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.codes import MAX_ID_AND_TYPE_BYTES
from kiosk.domain.event import Event
from kiosk.importing.columns import ColumnError, ColumnMap, resolve_columns
from kiosk.importing.rows import BadRow, RowChecker, TypeResolver
from kiosk.importing.sources import ImportFileError, open_table
from kiosk.store import search
from kiosk.store.imports import ImportConflict, ImportCounts, apply_import

# (stage, done, total): stage "read" counts bytes (CSV) or rows (XLSX), "write" rows,
# "index" 0 then 1 around the search index rebuild. total 0: unknown.
Progress = Callable[[str, int, int], None]
PROGRESS_EVERY = 10_000  # rows between two progress calls while reading
# Attendee fields an export may lack -> the column that carries them.
_OPTIONAL = {
    "company": "company",
    "email": "email",
    "position": "position",
    "type": "type",
    "ticket_code": "ticket_code",
    "cancelled": "status",
    "seat": "seat",
    "card_uid": "card_uid",
    "note": "note",
}


@dataclass(frozen=True)
class ImportOptions:
    mapping: Mapping[str, str] = field(default_factory=dict)  # field -> header (--map)
    type_map: Mapping[str, str] = field(default_factory=dict)  # ticket name -> type id
    default_type: str | None = None  # for rows (or files) without a ticket type
    cancel_missing: bool = False
    dry_run: bool = False
    encoding: str | None = None  # a CSV's encoding instead of the detected one (--encoding)


class ImportRefused(Exception):
    """Bad rows: nothing was imported. `bad` holds the first ones, `count` all of them."""

    def __init__(self, path: Path, bad: list[BadRow], count: int) -> None:
        super().__init__(f"{path}: {count:,} bad rows; nothing was imported")
        self.path, self.bad, self.count = path, bad, count


@dataclass(frozen=True)
class CheckedFile:
    """Every row of an export checked and turned into an attendee."""

    path: Path
    description: str  # format, encoding, separator
    columns: str  # which header feeds which field
    attendees: list[Attendee]
    row_of_id: dict[str, int]
    warnings: list[str]
    absent: frozenset[str]  # fields without a column: stored attendees keep theirs
    headers: tuple[str, ...] = ()  # the header row, as the file has it


@dataclass(frozen=True)
class ImportReport:
    path: Path
    description: str
    columns: str
    rows: int
    counts: ImportCounts
    read_seconds: float
    write_seconds: float
    index_seconds: float  # the search index rebuild after a bulk write (0 if none)
    dry_run: bool
    warnings: list[str]


def parse_type_map(options: Sequence[str]) -> dict[str, str]:
    """['VIP Pass=vip'] -> {'VIP Pass': 'vip'}; ColumnError on a malformed one."""
    result: dict[str, str] = {}
    for option in options:
        name, sep, type_id = option.rpartition("=")
        if not sep or not name.strip() or not type_id.strip():
            raise ColumnError(f'--type-map {option!r}: expected --type-map "TICKET NAME=TYPE_ID"')
        result[name.strip()] = type_id.strip()
    return result


def check_options(event: Event, options: ImportOptions) -> None:
    known = ", ".join(t.id for t in event.types)
    for name, type_id in options.type_map.items():
        if event.type(type_id) is None:
            raise ColumnError(f"--type-map {name}={type_id}: no type {type_id!r} (types: {known})")
    if options.default_type is not None and event.type(options.default_type) is None:
        raise ColumnError(f"--default-type {options.default_type}: unknown (types: {known})")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Millions of new, acyclic row objects make the cyclic collector rescan everything that
    is alive again and again (reading 1M rows: 10 s with it, 2 s without). Paused, then
    restored as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_export(
    path: Path, event: Event, options: ImportOptions, progress: Progress | None = None
) -> CheckedFile:
    """Check every row of `path`. ImportFileError (unreadable), ColumnError (columns or
    options), ImportRefused (bad rows: each with its number and reason)."""
    check_options(event, options)
    with open_table(path, options.encoding) as table, _collector_paused():
        try:
            columns = resolve_columns(table.headers, options.mapping)
        except ColumnError as exc:
            raise ColumnError(f"{path}: {exc}") from None
        if columns["type"] < 0 and options.default_type is None:
            raise ColumnError(
                f"{path}: no ticket type column found; name it with --map type=HEADER, or "
                "give every attendee one type with --default-type TYPE_ID"
            )
        types = TypeResolver(event, options.type_map, options.default_type)
        checker = RowChecker(columns, types, len(table.headers))
        people: list[Attendee] = []
        add, check = people.append, checker.check
        next_report = PROGRESS_EVERY
        for number, cells in table.rows:
            if cells:  # a blank line or sheet row: nothing to check (a sheet's gap is many)
                person = check(number, cells)
                if person is not None:
                    add(person)
            if progress is not None and number >= next_report:
                next_report = number + PROGRESS_EVERY
                progress("read", table.done(), table.total)
        if progress is not None:
            progress("read", table.total, table.total)
        if checker.bad_count:
            raise ImportRefused(path, checker.bad, checker.bad_count)
        if not people:
            raise ImportFileError(
                f"{path}: no attendee rows below the header (row {table.header_row})"
            )
        return CheckedFile(
            path=path,
            description=table.description,
            columns=columns.describe(table.headers),
            attendees=people,
            row_of_id=checker.row_of_id,
            warnings=_warnings(people),
            absent=_absent_fields(columns),
            headers=tuple(table.headers),
        )


# How import_file reads an export: read_export, or a registration system's own reader.
Reader = Callable[[Path, Event, ImportOptions, Progress | None], CheckedFile]


def _absent_fields(columns: ColumnMap) -> frozenset[str]:
    absent = {f for f, column in _OPTIONAL.items() if columns[column] < 0}
    if columns["name"] < 0:
        # A full-name column gives both parts; without it, a missing part is not "empty".
        absent.update(f for f in ("first_name", "last_name") if columns[f] < 0)
    return frozenset(absent)


def _warnings(people: list[Attendee]) -> list[str]:
    # Type ids are ASCII (the event file says so); most attendee ids are too: skip encoding.
    long_ids = sum(
        1
        for p in people
        if (len(p.id) if p.id.isascii() else len(p.id.encode())) + len(p.type)
        > MAX_ID_AND_TYPE_BYTES
    )
    if not long_ids:
        return []
    return [
        f"{long_ids:,} attendees have an id too long for a signed badge code (id + type over "
        f"{MAX_ID_AND_TYPE_BYTES} bytes): they enter with their ticket code"
    ]


def import_file(
    db: Database,
    event: Event,
    path: Path,
    options: ImportOptions,
    progress: Progress | None = None,
    read: Reader = read_export,
) -> ImportReport:
    """Read, check and apply an export in one transaction; nothing changes unless all is good.

    Raises what read_export() raises, and ImportRefused when the file's ticket codes belong
    to attendees it leaves out. After a bulk write, rebuilds the search index (timed apart).
    """
    started = time.perf_counter()
    checked = read(path, event, options, progress)
    read_done = time.perf_counter()

    def written(done: int, total: int) -> None:
        if progress is not None:
            progress("write", done, total)

    with _collector_paused():
        try:
            counts = apply_import(
                db,
                checked.attendees,
                cancel_missing=options.cancel_missing,
                dry_run=options.dry_run,
                progress=written,
                absent=checked.absent,
            )
        except ImportConflict as exc:
            bad = [
                BadRow(
                    checked.row_of_id.get(c.attendee_id, 0),
                    f"{c.field} {c.ticket_code!r} belongs to attendee {c.owner_id!r}, {c.why}"
                    if c.owner_id
                    else f"{c.field} {c.ticket_code!r} was reported lost",
                )
                for c in exc.conflicts
            ]
            raise ImportRefused(path, sorted(bad, key=lambda b: b.row), len(bad)) from None
    write_done = time.perf_counter()
    index_seconds = 0.0
    if counts.search_stale and not options.dry_run:
        if progress is not None:
            progress("index", 0, 1)
        search.refresh_search_index(db)
        index_seconds = time.perf_counter() - write_done
        if progress is not None:
            progress("index", 1, 1)
    return ImportReport(
        path=path,
        description=checked.description,
        columns=checked.columns,
        rows=len(checked.attendees),
        counts=counts,
        read_seconds=read_done - started,
        write_seconds=write_done - read_done,
        index_seconds=index_seconds,
        dry_run=options.dry_run,
        warnings=checked.warnings,
    )
