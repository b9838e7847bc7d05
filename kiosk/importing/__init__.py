"""Importing attendee lists from registration systems' exports (CSV or XLSX), all or nothing."""

from __future__ import annotations

from kiosk.importing.columns import FIELDS, MAP_SYNTAX, ColumnError, parse_map_options
from kiosk.importing.job import (
    CheckedFile,
    ImportOptions,
    ImportRefused,
    ImportReport,
    Progress,
    import_file,
    parse_type_map,
    read_export,
)
from kiosk.importing.rows import BadRow, email_problem
from kiosk.importing.sources import ImportFileError

__all__ = [
    "FIELDS",
    "MAP_SYNTAX",
    "BadRow",
    "CheckedFile",
    "ColumnError",
    "ImportFileError",
    "ImportOptions",
    "ImportRefused",
    "ImportReport",
    "Progress",
    "email_problem",
    "import_file",
    "parse_map_options",
    "parse_type_map",
    "read_export",
]
