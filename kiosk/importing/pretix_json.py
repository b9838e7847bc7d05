"""pretix's "Order data (JSON)" export (pretix/base/exporters/json.py) as an attendee import.

The file is one JSON object, {"event": {"slug", "organizer", "items", "orders": [{"code",
"status", "email", "positions": [{"positionid", "item", "attendee_name", "attendee_email",
"company", "secret", "seat", "blocked", ...}]}]}}; kiosk.importing.pretix_positions turns
its positions into attendees. Hostile files are refused before they cost much: by size
before parsing, by nesting and by order and position counts after.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.importing import limits
from kiosk.importing.job import ImportOptions, ImportRefused, ImportReport, Progress, check_options
from kiosk.importing.pretix_positions import PositionError, Positions, apply_positions
from kiosk.importing.rows import BadRow
from kiosk.importing.table import ImportFileError
from kiosk.store.imports import ImportConflict

MAX_JSON_BYTES = 256 << 20  # a real export of 100,000 tickets is about 100 MB
_SNIFF = 4096


def looks_like(path: Path) -> bool:
    """Whether the file is JSON (its first character '{' or '['): no CSV or XLSX starts so."""
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def _load(path: Path) -> Mapping[str, Any]:
    size = path.stat().st_size
    if size > MAX_JSON_BYTES:
        raise ImportFileError(
            f"{path}: {size:,} bytes of JSON; a pretix export is read up to "
            f"{MAX_JSON_BYTES:,} bytes"
        )
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path}: not UTF-8 text (byte {exc.start:,})") from None
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ImportFileError(f"{path}: JSON nested too deeply; not a pretix export") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise ImportFileError(f"{path}: not a pretix export ({exc})") from None
    event = data.get("event") if isinstance(data, dict) else None
    if not isinstance(event, dict) or not isinstance(event.get("orders"), list):
        raise ImportFileError(
            f'{path}: JSON, but not pretix\'s "Order data (JSON)" export (no event.orders)'
        )
    return event


def read_positions(
    db: Database, path: Path, event: Event, options: ImportOptions
) -> tuple[Positions, str]:
    """The export's positions as attendees, and its description; ImportFileError for a
    file that is not one, ImportRefused for bad positions."""
    check_options(event, options)
    data = _load(path)
    orders, items = data["orders"], data.get("items") or []
    if len(orders) > limits.MAX_ROWS or not isinstance(items, list):
        raise ImportFileError(f"{path}: more than {limits.MAX_ROWS:,} orders, or no item list")
    found = Positions(db, event, options.type_map, options.default_type)
    try:
        found.add_items(items[: limits.MAX_COLUMNS * 10])
        positions = 0
        for number, order in enumerate(orders, start=1):
            positions += len(order.get("positions") or []) if isinstance(order, dict) else 0
            if positions > limits.MAX_ROWS:
                raise ImportFileError(f"{path}: more than {limits.MAX_ROWS:,} positions")
            found.add_order(number, order)
    except PositionError as exc:
        raise ImportFileError(f"{path}: {exc}") from None
    if found.bad:
        raise ImportRefused(path, found.bad, found.bad_count)
    if not found.people and not found.orders:
        raise ImportFileError(f"{path}: a pretix export without orders")
    organizer = data.get("organizer")
    org = organizer.get("slug") if isinstance(organizer, dict) else None
    return found, f"pretix Order data (JSON), event {data.get('slug')!s} of {org!s}"


def import_pretix_json(
    db: Database,
    event: Event,
    path: Path,
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Read and apply a pretix JSON export, all or nothing (as kiosk.importing.job)."""
    started = time.perf_counter()
    found, description = read_positions(db, path, event, options)
    if progress is not None:
        progress("read", 1, 1)
    read_done = time.perf_counter()
    try:
        counts = apply_positions(db, found, dry_run=options.dry_run)
    except ImportConflict as exc:
        bad = [
            BadRow(0, f"{c.attendee_id}: secret {c.ticket_code!r} belongs to {c.owner_id!r}")
            for c in exc.conflicts
        ]
        raise ImportRefused(path, bad, len(bad)) from None
    return ImportReport(
        path=path,
        description=description,
        columns="id <- order code-positionid, names <- attendee_name(_parts), email <- "
        "attendee_email or the order's, type <- product, ticket code <- secret",
        rows=len(found.people),
        counts=counts,
        read_seconds=read_done - started,
        write_seconds=time.perf_counter() - read_done,
        index_seconds=0.0,
        dry_run=options.dry_run,
        warnings=found.warnings(),
    )
