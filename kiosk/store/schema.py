"""Schema migrations, recorded in the database so a kiosk upgraded mid-event keeps its data."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("kiosk")


def _run_script(db: Database, script: str) -> None:
    """Run statements one by one: executescript() would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement[:60]!r}")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE event (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, source TEXT NOT NULL, loaded_at TEXT NOT NULL
        );
        CREATE TABLE public_keys (
            key_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, public_key BLOB NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE attendees (
            id TEXT PRIMARY KEY,
            first_name TEXT NOT NULL, last_name TEXT NOT NULL,
            company TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',
            position TEXT NOT NULL DEFAULT '',
            type TEXT NOT NULL,
            ticket_code TEXT,
            badge_issue INTEGER NOT NULL DEFAULT 1,
            cancelled INTEGER NOT NULL DEFAULT 0,
            photo TEXT,
            search TEXT NOT NULL DEFAULT '',  -- folded name/company/email for search
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX attendees_ticket_code ON attendees(ticket_code)
            WHERE ticket_code IS NOT NULL;
        CREATE TABLE registrations (
            attendee_id TEXT NOT NULL, session_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('registered', 'invited')),
            PRIMARY KEY (attendee_id, session_id)
        ) WITHOUT ROWID;
        CREATE TABLE revocations (
            attendee_id TEXT NOT NULL,
            below_issue INTEGER NOT NULL,  -- codes with an issue below this are refused
            reason TEXT NOT NULL, at TEXT NOT NULL,
            PRIMARY KEY (attendee_id)
        ) WITHOUT ROWID;

        -- The check-in log: append-only, one row per decision, corrections are new rows.
        CREATE TABLE checkins (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- local order, the sync cursor
            id TEXT NOT NULL UNIQUE,                 -- globally unique
            kiosk_id TEXT NOT NULL,
            hall TEXT NOT NULL,
            session_id TEXT,
            direction TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reason TEXT NOT NULL,
            attendee_id TEXT,
            code TEXT NOT NULL,
            at TEXT NOT NULL,             -- UTC, ISO-8601
            clock_offset_ms INTEGER,      -- kiosk clock minus reference, when known
            delta INTEGER NOT NULL,       -- effect on occupancy: +1, -1 or 0
            note TEXT NOT NULL DEFAULT '',
            undoes TEXT,
            offline INTEGER NOT NULL DEFAULT 1,
            warnings TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX checkins_code ON checkins(kiosk_id, code, at);
        CREATE INDEX checkins_attendee ON checkins(attendee_id, session_id);
        CREATE TRIGGER checkins_no_update BEFORE UPDATE ON checkins
            BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only'); END;
        CREATE TRIGGER checkins_no_delete BEFORE DELETE ON checkins
            BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only'); END;

        -- Derived from the log in the same transaction; rebuildable from it.
        CREATE TABLE presence (
            attendee_id TEXT NOT NULL, session_id TEXT NOT NULL,
            inside INTEGER NOT NULL DEFAULT 0, entries INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (attendee_id, session_id)
        ) WITHOUT ROWID;
        CREATE TABLE occupancy (
            session_id TEXT PRIMARY KEY, hall TEXT NOT NULL, inside INTEGER NOT NULL DEFAULT 0
        );
        """,
    )
