"""Indico's registration export (CSV or XLSX) joined with its check-in secrets.

The export (Registrations > select > Export, `generate_spreadsheet_from_registrations` in
`indico/modules/events/registration/util.py`) always starts with the columns ``ID`` (the
per-event friendly id) and ``Name``, then one column per chosen form field under the
field's title (the personal-data fields are titled ``First Name``, ``Last Name``, ``Email
Address``, ``Affiliation``, ``Position``, ``Title``, ``Phone Number``, ``Country``...),
then the chosen static columns (``Registration state``: Completed, Pending, Rejected,
Withdrawn, Awaiting payment; ``Tags``: titles joined with ``"; "``; ``Checked in``...).
Indico's CSV is UTF-8 with a BOM and strips a leading ``=+@-`` from cells.

Each row gets the ticket code of its registration's check-in secret
(kiosk.domain.indico.ticket_code), joined on the e-mail address (kiosk.importing.
indico_secrets); Affiliation gives the company, Registration state Withdrawn or Rejected
cancels (revokes), and without a ticket-type column the type comes from the first tag that
names a type (or --type-map), else --default-type (an export is one registration form).
Everything else is the ordinary import: all or nothing, every bad row named.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from pathlib import Path

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.domain.indico import event_origin, ticket_code
from kiosk.domain.text import fold
from kiosk.importing.columns import ColumnError, ColumnMap, header_key, resolve_columns
from kiosk.importing.indico_secrets import Secret, Secrets, load_secrets
from kiosk.importing.job import (
    PROGRESS_EVERY,
    CheckedFile,
    ImportOptions,
    ImportRefused,
    Progress,
    Reader,
    _absent_fields,
    _collector_paused,
    _warnings,
    check_options,
    read_export,
)
from kiosk.importing.rows import BadRow, RowChecker, TypeResolver
from kiosk.importing.sources import ImportFileError, open_table

SECRET_COLUMN = "check-in secret (--indico-secrets)"
TAGS_COLUMN = "type (from Tags)"
VOID_STATES = frozenset({"rejected", "withdrawn"})  # revoked; pending and unpaid stay
# The export writes a state's title, the API its name.
_STATE_OF_TITLE = {
    "completed": "complete",
    "pending": "pending",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "awaitingpayment": "unpaid",
}


def reader(secret_files: Sequence[Path], event_url: str | None) -> Reader:
    """How `kiosk import` reads its file: Indico's export joined with these check-in
    secrets, or (with neither option) the ordinary way. ColumnError for one option
    without the other or a bad event address; ImportFileError for bad secrets."""
    if not secret_files and event_url is None:
        return _read_plain
    if not secret_files or event_url is None:
        raise ColumnError(
            "--indico-secrets CHECKIN.json and --indico-event URL go together: the secrets "
            "make the tickets scan, the event address says which tickets are this event's"
        )
    try:
        origin = event_origin(event_url)
    except ValueError as exc:
        raise ColumnError(f"--indico-event: {exc}") from None
    return functools.partial(read_indico_export, secrets=load_secrets(secret_files, origin))


def _read_plain(
    path: Path, event: Event, options: ImportOptions, progress: Progress | None = None
) -> CheckedFile:
    """The ordinary import, with a warning when the file is Indico's export: imported
    without its secrets, its tickets' QR codes would not scan anywhere."""
    checked = read_export(path, event, options, progress)
    if is_indico_export(list(checked.headers)):
        checked.warnings.append(
            f"{path.name} looks like Indico's registration export: without --indico-secrets "
            "CHECKIN.json --indico-event URL its tickets' QR codes will not scan (name search "
            "and kiosk badges still work)"
        )
    return checked


def is_indico_export(headers: list[str]) -> bool:
    """Indico's export: ID and Name first, and the personal-data field Email Address."""
    keys = [header_key(h) for h in headers]
    return keys[:2] == ["id", "name"] and "emailaddress" in keys


def read_indico_export(
    path: Path,
    event: Event,
    options: ImportOptions,
    progress: Progress | None = None,
    *,
    secrets: Secrets,
) -> CheckedFile:
    """Check every row of an Indico export and give each its ticket code; raises what
    read_export() raises, ImportRefused also for rows without (or with an ambiguous)
    check-in secret."""
    check_options(event, options)
    secrets.claimed.clear()  # each reading claims afresh (a dry run, then the import)
    with open_table(path, options.encoding) as table, _collector_paused():
        if [header_key(h) for h in table.headers[:2]] != ["id", "name"]:
            raise ImportFileError(
                f"{path}: not an Indico registration export (its columns start with ID, "
                "Name); --indico-secrets is for Indico's export only"
            )
        width = len(table.headers)
        columns = _columns(path, table.headers, options)
        if columns["email"] < 0:
            raise ColumnError(
                f"{path}: no e-mail column, which the check-in secrets are joined on; name "
                'it with --map email="HEADER"'
            )
        tags_at = _index(table.headers, "tags")
        types = TypeResolver(event, options.type_map, options.default_type)
        checker = RowChecker(columns, types, width + 2)
        people: list[Attendee] = []
        next_report = PROGRESS_EVERY
        for number, cells in table.rows:
            if cells and any(c.strip() for c in cells):
                cells = cells[:width] + [""] * (width - len(cells))
                person = _row(number, cells, columns, tags_at, types, secrets, checker)
                if person is not None:
                    people.append(person)
            if progress is not None and number >= next_report:
                next_report = number + PROGRESS_EVERY
                progress("read", table.done(), table.total)
        if progress is not None:
            progress("read", table.total, table.total)
        if checker.bad_count:
            raise ImportRefused(path, checker.bad, checker.bad_count)
        if not people:
            raise ImportFileError(f"{path}: no registrations below the header")
        return CheckedFile(
            path=path,
            description=f"Indico export, {table.description}, event {secrets.origin.event_id} "
            f"on {secrets.origin.server}",
            columns=columns.describe([*table.headers, SECRET_COLUMN, TAGS_COLUMN]),
            attendees=people,
            row_of_id=checker.row_of_id,
            warnings=_warnings(people) + _unclaimed(secrets),
            absent=_absent_fields(columns),
        )


def _index(headers: list[str], key: str) -> int:
    keys = [header_key(h) for h in headers]
    return keys.index(key) if key in keys else -1


def _columns(path: Path, headers: list[str], options: ImportOptions) -> ColumnMap:
    overrides: dict[str, str | None] = dict(options.mapping)
    if "ticket_code" in overrides:
        raise ColumnError("--map ticket_code: an Indico ticket's code is its check-in secret")
    overrides["ticket_code"] = SECRET_COLUMN
    overrides.setdefault("status", _header(headers, "registrationstate"))
    overrides.setdefault("company", _header(headers, "affiliation"))
    extended = [*headers, SECRET_COLUMN, TAGS_COLUMN]
    try:
        plain = resolve_columns(headers, options.mapping)
        if plain["type"] < 0 and _index(headers, "tags") >= 0:
            overrides["type"] = TAGS_COLUMN
        given = {k: v for k, v in overrides.items() if v is not None}
        return resolve_columns(extended, given)
    except ColumnError as exc:
        raise ColumnError(f"{path}: {exc}") from None


def _header(headers: list[str], key: str) -> str | None:
    at = _index(headers, key)
    return headers[at] if at >= 0 else None


def _row(
    number: int,
    cells: list[str],
    columns: ColumnMap,
    tags_at: int,
    types: TypeResolver,
    secrets: Secrets,
    checker: RowChecker,
) -> Attendee | None:
    def cell(name: str) -> str:
        return cells[columns[name]] if columns[name] >= 0 else ""

    state = _STATE_OF_TITLE.get(header_key(cell("status")))
    email, name = cell("email").strip(), cell("name")
    problems: list[str] = []
    secret = _claim(secrets, email, state, name, problems)
    kind = ""
    if tags_at >= 0 and columns["type"] == len(cells) + 1:  # the type comes from Tags
        kind, tag_problem = _type_from_tags(cells[tags_at], types)
        if tag_problem:
            problems.append(tag_problem)
    if secret is None and state not in VOID_STATES and not problems:
        problems.append(f"no check-in secret for {email or 'a registration without e-mail'}")
    code = ticket_code(secret.ticket_uuid, secrets.origin) if secret is not None else ""
    person = checker.check(number, [*cells, code, kind])
    if problems:
        if checker.bad and checker.bad[-1].row == number:
            checker.bad[-1] = BadRow(number, "; ".join([checker.bad[-1].reason, *problems]))
        else:
            checker._fail(number, problems)
        return None
    if person is not None and state in VOID_STATES:
        person = dataclasses.replace(person, cancelled=True)
    return person


def _claim(
    secrets: Secrets, email: str, state: str | None, name: str, problems: list[str]
) -> Secret | None:
    """The one unclaimed secret of this row's e-mail (narrowed by state, then by name)."""
    mine = secrets.by_email.get(fold(email), [])
    free = [s for s in mine if s.ticket_uuid not in secrets.claimed and _same_side(s, state)]
    if len(free) > 1:
        free = [s for s in free if s.state == state] or free
    if len(free) > 1:
        words = set(fold(name).split())
        free = [s for s in free if words <= set(fold(s.full_name).split())] or free
    if len(free) > 1:
        problems.append(
            f"{len(free)} check-in secrets for {email} ({', '.join(s.where for s in free[:3])}): "
            "export and check-in JSON must be of the same registration form"
        )
        return None
    if not free:
        return None
    secrets.claimed.add(free[0].ticket_uuid)
    return free[0]


def _same_side(secret: Secret, state: str | None) -> bool:
    """Both void or both active: a withdrawn row never takes its re-registration's secret
    (the deprecated API lists active registrations only, without their state)."""
    void = state in VOID_STATES
    return (secret.state in VOID_STATES) == void if secret.state is not None else not void


def _type_from_tags(cell: str, types: TypeResolver) -> tuple[str, str | None]:
    """The tag that names a type ('' if none does, for --default-type), or a problem."""
    tags = [t.strip() for t in cell.split(";") if t.strip()]
    named = {t: found for t in tags if (found := types.resolve(t)) is not None}
    if len(set(named.values())) > 1:
        listed = ", ".join(f"{t} -> {k}" for t, k in named.items())
        return next(iter(named)), f"tags name several types ({listed})"
    if named:
        return next(iter(named)), None
    return ("" if types.default is not None or not tags else cell.strip()), None


def _unclaimed(secrets: Secrets) -> list[str]:
    left = secrets.unclaimed()
    if not left:
        return []
    shown = ", ".join(s.where for s in left[:3])
    return [
        f"{len(left):,} of {secrets.count:,} check-in secrets match no row of the export "
        f"(e.g. {shown}): a filtered export, or another registration form's secrets"
    ]
