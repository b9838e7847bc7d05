"""Schema migrations, recorded in the database so a kiosk upgraded mid-event keeps its data."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from kiosk.store import booking_codes
from kiosk.store.attendees import from_row, search_text
from kiosk.store.search import refresh_search_index, suspend_search_index

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


@MIGRATIONS()
def m020_prints(db: Database) -> None:
    _run_script(
        db,
        """
        -- Badge prints, name corrections and walk-in registrations: append-only logs.
        CREATE TABLE prints (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- local order, the sync cursor
            id TEXT NOT NULL UNIQUE,                 -- globally unique
            kiosk_id TEXT NOT NULL,
            attendee_id TEXT NOT NULL,
            badge_issue INTEGER NOT NULL,
            at TEXT NOT NULL,                        -- UTC, ISO-8601
            kind TEXT NOT NULL CHECK (kind IN ('first', 'reprint', 'walk_in')),
            reason TEXT NOT NULL DEFAULT '',
            printer TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
            error TEXT NOT NULL DEFAULT '',
            staff INTEGER NOT NULL DEFAULT 0         -- 1: authorised with the staff PIN
        );
        CREATE INDEX prints_attendee ON prints(attendee_id, status);
        CREATE TRIGGER prints_no_update BEFORE UPDATE ON prints
            BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END;
        CREATE TRIGGER prints_no_delete BEFORE DELETE ON prints
            BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END;

        CREATE TABLE name_corrections (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            kiosk_id TEXT NOT NULL,
            attendee_id TEXT NOT NULL,
            at TEXT NOT NULL,
            original_first TEXT NOT NULL, original_last TEXT NOT NULL,
            corrected_first TEXT NOT NULL, corrected_last TEXT NOT NULL
        );
        CREATE INDEX name_corrections_attendee ON name_corrections(attendee_id);
        CREATE TRIGGER name_corrections_no_update BEFORE UPDATE ON name_corrections
            BEGIN SELECT RAISE(ABORT, 'the name correction log is append-only'); END;
        CREATE TRIGGER name_corrections_no_delete BEFORE DELETE ON name_corrections
            BEGIN SELECT RAISE(ABORT, 'the name correction log is append-only'); END;

        -- Attendees registered on site; signed = 0 means flagged for the organiser
        -- (no signing key on this machine: the badge carries a local ticket code).
        CREATE TABLE walk_ins (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            kiosk_id TEXT NOT NULL,
            attendee_id TEXT NOT NULL,
            at TEXT NOT NULL,
            signed INTEGER NOT NULL,
            flagged INTEGER NOT NULL
        );
        CREATE TRIGGER walk_ins_no_update BEFORE UPDATE ON walk_ins
            BEGIN SELECT RAISE(ABORT, 'the walk-in log is append-only'); END;
        CREATE TRIGGER walk_ins_no_delete BEFORE DELETE ON walk_ins
            BEGIN SELECT RAISE(ABORT, 'the walk-in log is append-only'); END;
        """,
    )


@MIGRATIONS()
def m010_search(db: Database) -> None:
    """Full-text indexes over attendees.search (kiosk/store/search.py): trigrams for any
    substring of 3+ characters, words with 1-2 character prefixes for short CJK queries.
    External content (no second copy of the text); triggers keep them current unless a bulk
    writer has marked them stale (settings 'search_index'), and refresh_search_index() rebuilds."""
    _run_script(
        db,
        """
        CREATE VIRTUAL TABLE attendee_trigrams USING fts5(
            search, content='attendees', content_rowid='rowid', tokenize='trigram', detail='none'
        );
        CREATE VIRTUAL TABLE attendee_words USING fts5(
            search, content='attendees', content_rowid='rowid', tokenize='unicode61',
            prefix='1 2', detail='none'
        );
        CREATE TRIGGER attendees_search_insert AFTER INSERT ON attendees
        WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index' AND value = 'stale')
        BEGIN
            INSERT INTO attendee_trigrams(rowid, search) VALUES (new.rowid, new.search);
            INSERT INTO attendee_words(rowid, search) VALUES (new.rowid, new.search);
        END;
        CREATE TRIGGER attendees_search_delete AFTER DELETE ON attendees
        WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search_index' AND value = 'stale')
        BEGIN
            INSERT INTO attendee_trigrams(attendee_trigrams, rowid, search)
                VALUES ('delete', old.rowid, old.search);
            INSERT INTO attendee_words(attendee_words, rowid, search)
                VALUES ('delete', old.rowid, old.search);
        END;
        CREATE TRIGGER attendees_search_update AFTER UPDATE OF search ON attendees
        WHEN old.search IS NOT new.search AND NOT EXISTS (
            SELECT 1 FROM settings WHERE key = 'search_index' AND value = 'stale'
        )
        BEGIN
            INSERT INTO attendee_trigrams(attendee_trigrams, rowid, search)
                VALUES ('delete', old.rowid, old.search);
            INSERT INTO attendee_words(attendee_words, rowid, search)
                VALUES ('delete', old.rowid, old.search);
            INSERT INTO attendee_trigrams(rowid, search) VALUES (new.rowid, new.search);
            INSERT INTO attendee_words(rowid, search) VALUES (new.rowid, new.search);
        END;
        INSERT INTO attendee_trigrams(attendee_trigrams) VALUES ('rebuild');
        INSERT INTO attendee_words(attendee_words) VALUES ('rebuild');
        """,
    )


@MIGRATIONS()
def m030_sync(db: Database) -> None:
    _run_script(
        db,
        """
        -- What the organiser last published to each hub (a digest per attendee, key set,
        -- revocation, event), so a publish sends only what changed. Sync cursors live in
        -- settings under 'sync:<hub id>:<name>'.
        CREATE TABLE sync_published (
            hub_id TEXT NOT NULL, item TEXT NOT NULL, digest TEXT NOT NULL,
            PRIMARY KEY (hub_id, item)
        ) WITHOUT ROWID;
        """,
    )


# Han ideographs for SQLite GLOB (code point ranges): CJK unified + extension A,
# compatibility ideographs, extensions B and later; kiosk.domain.names checks the same.
_HAN_GLOB = "*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]*"
_PINYIN_BATCH = 5_000
# attendees.COLUMNS grew later (m090): a migration reads the columns of its own time.
_COLUMNS_AT_M040 = (
    "id, first_name, last_name, company, email, position, type, ticket_code, "
    "badge_issue, cancelled, photo"
)


@MIGRATIONS()
def m040_pinyin_search(db: Database) -> None:
    """The pinyin of Han names in attendees.search (attendees.search_text), so a surname
    typed in pinyin at the pickup kiosk finds 王 as 'wang'. Only rows with a Han name
    change. When they are many, the FTS upkeep is suspended and both indexes rebuilt once,
    as bulk writers do: per-row trigger upkeep costs about 6x a rebuild's share of a row
    (kiosk/store/search.py), so one rebuild wins past a sixth of the table."""
    where = "(first_name GLOB :han OR last_name GLOB :han)"
    han = db.execute(f"SELECT count(*) FROM attendees WHERE {where}", {"han": _HAN_GLOB})
    total = db.execute("SELECT count(*) FROM attendees").fetchone()[0]
    bulk = han.fetchone()[0] > max(_PINYIN_BATCH, total // 6)
    if bulk:
        suspend_search_index(db)
    last = -1
    while True:
        rows = db.execute(
            f"SELECT rowid, {_COLUMNS_AT_M040}, search FROM attendees WHERE rowid > :last "
            f"AND {where} "
            "ORDER BY rowid LIMIT :n",
            {"last": last, "han": _HAN_GLOB, "n": _PINYIN_BATCH},
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        changed = [
            (text, row[0])
            for row in rows
            if (text := search_text(from_row((*row[1:-1], "", None, "")))) != row[-1]
        ]
        db.conn.executemany("UPDATE attendees SET search = ? WHERE rowid = ?", changed)
    if bulk:
        refresh_search_index(db)


@MIGRATIONS()
def m050_replacements(db: Database) -> None:
    _run_script(
        db,
        """
        -- Badges replaced at the staff desk (lost, stolen): the attendee's badge_issue was
        -- raised to new_issue and codes below it revoked. Synced like prints, so every
        -- door learns that the old badge is void.
        CREATE TABLE replacements (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            kiosk_id TEXT NOT NULL,
            attendee_id TEXT NOT NULL,
            at TEXT NOT NULL,
            old_issue INTEGER NOT NULL,
            new_issue INTEGER NOT NULL,
            reason TEXT NOT NULL,
            signed INTEGER NOT NULL
        );
        CREATE INDEX replacements_attendee ON replacements(attendee_id);
        CREATE TRIGGER replacements_no_update BEFORE UPDATE ON replacements
            BEGIN SELECT RAISE(ABORT, 'the replacement log is append-only'); END;
        CREATE TRIGGER replacements_no_delete BEFORE DELETE ON replacements
            BEGIN SELECT RAISE(ABORT, 'the replacement log is append-only'); END;
        """,
    )


@MIGRATIONS()
def m060_trust(db: Database) -> None:
    _run_script(
        db,
        """
        -- Signatures of records other kiosks made (kept to relay them, docs/trust.md); this
        -- kiosk's own records are signed when they are pushed.
        ALTER TABLE checkins ADD COLUMN sig TEXT;
        ALTER TABLE prints ADD COLUMN sig TEXT;
        ALTER TABLE name_corrections ADD COLUMN sig TEXT;
        ALTER TABLE walk_ins ADD COLUMN sig TEXT;
        ALTER TABLE replacements ADD COLUMN sig TEXT;
        -- The kiosks the organiser enrolled, as the last verified publication listed them.
        CREATE TABLE enrolments (
            kiosk_id TEXT PRIMARY KEY,
            public_key BLOB NOT NULL,
            role TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        """,
    )


@MIGRATIONS()
def m070_pickup_guard(db: Database) -> None:
    # Failed pickup identifications, lock-outs and staff clears per kiosk
    # (kiosk.store.pickup_guard), and the booking codes' normal form indexed
    # (kiosk.store.booking_codes) so a typed start finds its attendee by a range scan.
    _run_script(
        db,
        f"""
        CREATE TABLE pickup_guard (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kiosk_id TEXT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('failure', 'locked', 'cleared'))
        );
        CREATE INDEX pickup_guard_kiosk ON pickup_guard(kiosk_id, kind, seq);
        CREATE INDEX attendees_booking_code ON attendees({booking_codes.KEY_SQL})
            WHERE ticket_code IS NOT NULL;
        """,
    )


@MIGRATIONS()
def m090_attendee_fields(db: Database) -> None:
    _run_script(
        db,
        """
        -- GB 50799 12.2.3/12.2.4 and attention notes (issue 15): the seat, the contactless
        -- card a reader types like a scanner (kiosk.domain.cards), a note for door staff.
        ALTER TABLE attendees ADD COLUMN seat TEXT NOT NULL DEFAULT '';
        ALTER TABLE attendees ADD COLUMN card_uid TEXT;
        ALTER TABLE attendees ADD COLUMN note TEXT NOT NULL DEFAULT '';
        CREATE UNIQUE INDEX attendees_card_uid ON attendees(card_uid) WHERE card_uid IS NOT NULL;
        -- Photos shown at the door (kiosk.store.photos): compact JPEGs, published by digest.
        CREATE TABLE photos (
            attendee_id TEXT PRIMARY KEY,
            jpeg BLOB NOT NULL,
            digest TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- Staff records (desk or organiser), synced like replacements: a card reported lost
        -- (refused at every door for good), a card handed out, a note set for door staff.
        CREATE TABLE card_losses (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            kiosk_id TEXT NOT NULL,
            attendee_id TEXT NOT NULL,
            card_uid TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            sig TEXT
        );
        CREATE INDEX card_losses_uid ON card_losses(card_uid);
        CREATE TABLE card_assignments (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            kiosk_id TEXT NOT NULL,
            attendee_id TEXT NOT NULL,
            card_uid TEXT NOT NULL,
            at TEXT NOT NULL,
            sig TEXT
        );
        CREATE INDEX card_assignments_attendee ON card_assignments(attendee_id);
        CREATE TABLE attention_notes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            kiosk_id TEXT NOT NULL,
            attendee_id TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT NOT NULL,
            sig TEXT
        );
        CREATE INDEX attention_notes_attendee ON attention_notes(attendee_id);
        """
        + "".join(
            f"""
        CREATE TRIGGER {t}_no_update BEFORE UPDATE ON {t}
            BEGIN SELECT RAISE(ABORT, 'the {t} log is append-only'); END;
        CREATE TRIGGER {t}_no_delete BEFORE DELETE ON {t}
            BEGIN SELECT RAISE(ABORT, 'the {t} log is append-only'); END;
        """
            for t in ("card_losses", "card_assignments", "attention_notes")
        ),
    )


@MIGRATIONS()
def m080_pretix(db: Database) -> None:
    # A pretix event's data at the door (kiosk.store.pretix): trusted and distrusted
    # pretix_sig1 keys, the product -> kiosk type map (by id or by name), product names,
    # and the revoked and blocked secrets (blocked can be lifted, revoked cannot).
    _run_script(
        db,
        """
        CREATE TABLE pretix_keys (
            key_id TEXT PRIMARY KEY, public_key BLOB NOT NULL, pem_b64 TEXT NOT NULL,
            trusted INTEGER NOT NULL, added_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE pretix_items (
            by TEXT NOT NULL CHECK (by IN ('id', 'name')), item TEXT NOT NULL,
            label TEXT NOT NULL, kiosk_type TEXT NOT NULL, PRIMARY KEY (by, item)
        ) WITHOUT ROWID;
        CREATE TABLE pretix_item_names (item INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE pretix_revoked (secret TEXT PRIMARY KEY, added_at TEXT NOT NULL)
            WITHOUT ROWID;
        CREATE TABLE pretix_blocked (
            secret TEXT PRIMARY KEY, blocked INTEGER NOT NULL, updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )


@MIGRATIONS()
def m100_late_checkin(db: Database) -> None:
    # Late check-ins (kiosk.service.late_checkin) are looked up per session and person at
    # every board refresh and before each new one: a partial index keeps that off the log.
    _run_script(
        db,
        "CREATE INDEX checkins_late ON checkins(session_id, attendee_id) "
        "WHERE verdict = 'late_checkin';\n",
    )
