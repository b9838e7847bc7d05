"""The PostgreSQL hub's schema and the least-privilege role kiosks connect with."""

from __future__ import annotations

import re
import uuid

import psycopg
from psycopg import sql

from kiosk.sync.hub import LOG_FIELDS

SCHEMA_VERSION = "2"

# The hub stores signed things and verifies nothing (docs/trust.md): organiser publication
# parts, and kiosk records with their signatures. Records carry the writing transaction
# (tx) and an identity (seq); kiosks read only rows whose transaction is older than every
# one still running (pg_snapshot_xmin), so a cursor on (tx, seq) never skips a row
# committed late. `pushed_by` is the server's word for the login role that wrote a row
# (session_user, also inside the definer functions); kiosks cannot set it.
#
# Upgrading a schema-1 hub: init_hub runs this same script, which adds the new table and
# columns in place (ALTER ... ADD COLUMN IF NOT EXISTS; records already there get an empty
# signature, which every reader refuses) and drops the unsigned organiser tables of
# schema 1, which nothing reads any more: the organiser publishes again, signed.
DDL = """
CREATE SCHEMA IF NOT EXISTS kiosk_hub;
SET LOCAL search_path = kiosk_hub, pg_temp;
CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
DROP TABLE IF EXISTS event, public_keys, attendees, revocations;
DROP SEQUENCE IF EXISTS rev;

-- Organiser publication parts: written by the organiser only, never changed.
CREATE TABLE IF NOT EXISTS publications (
    version bigint NOT NULL, part integer NOT NULL,
    statement text NOT NULL, signature text NOT NULL, items bytea NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (version, part)
);

-- A record is kept once per id and content. With one row per id, a row forged under the id
-- of a genuine record seen on its way here (on a stick another kiosk relays from) would
-- keep the genuine one out for ever; now both are kept and readers keep what verifies.
-- The digest is the server's, over every field, each quoted as an SQL literal (or NULL) so
-- that no two rows share an encoding; the same record pushed twice (or relayed) is still
-- stored once. (Digests are stored: changing utf8() or the expressions means recomputing.)
-- convert_to is only stable (encodings in general); to UTF-8 in this database it is fixed.
CREATE OR REPLACE FUNCTION utf8(value text) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN convert_to(value, 'UTF8');

-- The merged check-in log of every kiosk: append-only.
CREATE TABLE IF NOT EXISTS log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL, kiosk_id text NOT NULL, hall text NOT NULL, session_id text,
    direction text NOT NULL, verdict text NOT NULL, reason text NOT NULL, attendee_id text,
    code text NOT NULL, at text NOT NULL, delta integer NOT NULL, clock_offset_ms integer,
    note text NOT NULL, undoes text, offline boolean NOT NULL, warnings text NOT NULL,
    sig text NOT NULL,
    pushed_by text NOT NULL DEFAULT session_user,
    tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
    received_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE log ADD COLUMN IF NOT EXISTS sig text NOT NULL DEFAULT '';
ALTER TABLE log ALTER COLUMN sig DROP DEFAULT;
ALTER TABLE log ALTER COLUMN pushed_by SET DEFAULT session_user;
ALTER TABLE log ADD COLUMN IF NOT EXISTS digest bytea NOT NULL GENERATED ALWAYS AS (sha256(utf8(
    quote_nullable(id) || ',' || quote_nullable(kiosk_id) || ',' || quote_nullable(hall)
    || ',' || quote_nullable(session_id) || ',' || quote_nullable(direction)
    || ',' || quote_nullable(verdict) || ',' || quote_nullable(reason)
    || ',' || quote_nullable(attendee_id) || ',' || quote_nullable(code)
    || ',' || quote_nullable(at) || ',' || quote_nullable(delta::text)
    || ',' || quote_nullable(clock_offset_ms::text) || ',' || quote_nullable(note)
    || ',' || quote_nullable(undoes) || ',' || quote_nullable(offline::text)
    || ',' || quote_nullable(warnings) || ',' || quote_nullable(sig)))) STORED;
ALTER TABLE log DROP CONSTRAINT IF EXISTS log_id_key;
CREATE UNIQUE INDEX IF NOT EXISTS log_record ON log (id, digest);
CREATE INDEX IF NOT EXISTS log_tx ON log (tx, seq);
-- A door told 'inside at another door' reads the records behind it, to verify them.
CREATE INDEX IF NOT EXISTS log_person ON log (attendee_id, session_id) WHERE delta <> 0;
-- Prints, name corrections, walk-ins, replacements: fewer, so one table with a JSON body.
CREATE TABLE IF NOT EXISTS journal (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL, kind text NOT NULL, kiosk_id text NOT NULL, body text NOT NULL,
    sig text NOT NULL,
    pushed_by text NOT NULL DEFAULT session_user,
    tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
    received_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE journal ADD COLUMN IF NOT EXISTS sig text NOT NULL DEFAULT '';
ALTER TABLE journal ALTER COLUMN sig DROP DEFAULT;
ALTER TABLE journal ALTER COLUMN pushed_by SET DEFAULT session_user;
ALTER TABLE journal ADD COLUMN IF NOT EXISTS digest bytea NOT NULL GENERATED ALWAYS AS (
    sha256(utf8(quote_nullable(id) || ',' || quote_nullable(kind) || ',' || quote_nullable(kiosk_id)
                || ',' || quote_nullable(body) || ',' || quote_nullable(sig)))
) STORED;
ALTER TABLE journal DROP CONSTRAINT IF EXISTS journal_id_key;
CREATE UNIQUE INDEX IF NOT EXISTS journal_record ON journal (id, digest);
CREATE INDEX IF NOT EXISTS journal_tx ON journal (tx, seq);
-- Venue-wide presence, derived from the log in the same transaction (for claims).
CREATE TABLE IF NOT EXISTS presence (
    attendee_id text NOT NULL, session_id text NOT NULL,
    inside integer NOT NULL DEFAULT 0, entries integer NOT NULL DEFAULT 0,
    PRIMARY KEY (attendee_id, session_id)
);
-- Login roles of single kiosks (add_kiosk_role), so that one stolen kiosk's access can be
-- withdrawn without changing every other kiosk's password, and pushed_by names it.
CREATE TABLE IF NOT EXISTS kiosk_roles (
    role text PRIMARY KEY, added_at timestamptz NOT NULL DEFAULT now(), disabled_at timestamptz
);
-- Rows per maker (log and journal together), kept by a trigger: every sync pass asks how
-- many of its own records the hub holds, which must not cost a scan of the log.
CREATE TABLE IF NOT EXISTS record_counts (kiosk_id text PRIMARY KEY, records bigint NOT NULL);

CREATE OR REPLACE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the % table is append-only', TG_TABLE_NAME; END $$;
CREATE OR REPLACE TRIGGER log_append_only BEFORE UPDATE OR DELETE ON log
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE OR REPLACE TRIGGER log_no_truncate BEFORE TRUNCATE ON log
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE OR REPLACE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE OR REPLACE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON publications
    FOR EACH ROW EXECUTE FUNCTION append_only();

-- Sorted so that two pushes touching the same people lock presence rows in one order.
CREATE OR REPLACE FUNCTION log_presence() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kiosk_hub, pg_temp AS $$
BEGIN
    INSERT INTO presence AS p (attendee_id, session_id, inside, entries)
    SELECT attendee_id, session_id, sum(delta)::integer,
           sum(CASE WHEN (undoes IS NULL) = (delta > 0) THEN delta ELSE 0 END)::integer
    FROM inserted
    WHERE attendee_id IS NOT NULL AND session_id IS NOT NULL AND delta <> 0
    GROUP BY attendee_id, session_id ORDER BY attendee_id, session_id
    ON CONFLICT (attendee_id, session_id) DO UPDATE
        SET inside = p.inside + excluded.inside, entries = p.entries + excluded.entries;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER log_presence AFTER INSERT ON log
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION log_presence();

-- Only rows really inserted are in `inserted` (not those ON CONFLICT skipped), so a relayed
-- copy of a record already here counts nothing. Sorted like presence, against deadlocks.
CREATE OR REPLACE FUNCTION count_records() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kiosk_hub, pg_temp AS $$
BEGIN
    INSERT INTO record_counts AS c (kiosk_id, records)
    SELECT kiosk_id, count(*) FROM inserted GROUP BY kiosk_id ORDER BY kiosk_id
    ON CONFLICT (kiosk_id) DO UPDATE SET records = c.records + excluded.records;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER log_counts AFTER INSERT ON log
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_records();
CREATE OR REPLACE TRIGGER journal_counts AFTER INSERT ON journal
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_records();
-- Derived, so recounted at every init (a schema-1 hub had no counts); the triggers made
-- above hold off every insert until this transaction ends.
DELETE FROM record_counts;
INSERT INTO record_counts (kiosk_id, records)
SELECT kiosk_id, count(*) FROM (SELECT kiosk_id FROM log UNION ALL SELECT kiosk_id FROM journal) r
GROUP BY kiosk_id;

-- The online-authoritative admission: one row lock per (attendee, session) serialises
-- two doors scanning the same badge; the signed record is stored in the same transaction,
-- exactly as signed (a reader verifies the signature over these very fields).
CREATE OR REPLACE FUNCTION claim(r jsonb) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kiosk_hub, pg_temp AS $$
DECLARE
    now_inside integer;
BEGIN
    IF EXISTS (SELECT 1 FROM log WHERE id = r->>'id' AND sig = r->>'sig') THEN
        RETURN true;
    END IF;
    IF (r->>'delta')::integer > 0 AND r->>'undoes' IS NULL
       AND r->>'attendee_id' IS NOT NULL AND r->>'session_id' IS NOT NULL THEN
        INSERT INTO presence (attendee_id, session_id) VALUES (r->>'attendee_id', r->>'session_id')
            ON CONFLICT DO NOTHING;
        SELECT inside INTO now_inside FROM presence
            WHERE attendee_id = r->>'attendee_id' AND session_id = r->>'session_id' FOR UPDATE;
        IF now_inside > 0 THEN
            RETURN false;
        END IF;
    END IF;
    INSERT INTO log (id, kiosk_id, hall, session_id, direction, verdict, reason, attendee_id,
                     code, at, delta, clock_offset_ms, note, undoes, offline, warnings, sig)
    SELECT c.id, c.kiosk_id, c.hall, c.session_id, c.direction, c.verdict, c.reason,
           c.attendee_id, c.code, c.at, c.delta, c.clock_offset_ms, c.note, c.undoes, c.offline,
           c.warnings, c.sig
    FROM jsonb_populate_record(NULL::log, r) AS c
    ON CONFLICT (id, digest) DO NOTHING;
    RETURN true;
END $$;
-- Fresh statistics after a big push, so keyset pulls keep using the (tx, seq) index;
-- kiosks may not ANALYZE tables they do not own, hence a definer function.
CREATE OR REPLACE FUNCTION refresh_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kiosk_hub, pg_temp AS $$
BEGIN
    ANALYZE kiosk_hub.log;
    ANALYZE kiosk_hub.journal;
END $$;
REVOKE ALL ON FUNCTION claim(jsonb), log_presence(), count_records(), refresh_statistics()
    FROM PUBLIC;
"""

# What a kiosk may write: never pushed_by, seq, tx or received_at (the server sets those).
LOG_INSERT_COLUMNS = ", ".join((*LOG_FIELDS, "sig"))
JOURNAL_INSERT_COLUMNS = "id, kind, kiosk_id, body, sig"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def default_role(database: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", f"{database.lower()}_kiosk")[:63]


def init_hub(conn: psycopg.Connection[tuple[object, ...]], role: str, password: str) -> str:
    """Create or update the schema and the kiosks' role; returns the hub id."""
    if not _ROLE_NAME.match(role):
        raise ValueError(f"role names are lower-case letters, digits and _: {role!r}")
    with conn.transaction():
        conn.execute(DDL)  # no parameters: psycopg sends the script as one simple query
        conn.execute(
            "INSERT INTO kiosk_hub.meta (key, value) VALUES ('hub_id', %s) "
            "ON CONFLICT (key) DO NOTHING",
            [uuid.uuid4().hex],
        )
        conn.execute(
            "INSERT INTO kiosk_hub.meta (key, value) VALUES ('schema_version', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [SCHEMA_VERSION],
        )
        _login_role(conn, role, password)
        _grant_kiosk(conn, role)
        # Grants are made again on every init (a new schema may add tables to read).
        for (each,) in conn.execute(
            "SELECT role FROM kiosk_hub.kiosk_roles WHERE disabled_at IS NULL"
        ).fetchall():
            _grant_kiosk(conn, str(each))
        row = conn.execute("SELECT value FROM kiosk_hub.meta WHERE key = 'hub_id'").fetchone()
    assert row is not None
    return str(row[0])


def add_kiosk_role(conn: psycopg.Connection[tuple[object, ...]], role: str, password: str) -> None:
    """A login role for one kiosk, with what the shared kiosk role may do (and no more);
    again for an existing one: a new password, enabled again."""
    with conn.transaction():
        _login_role(conn, role, password)
        _grant_kiosk(conn, role)
        conn.execute(
            "INSERT INTO kiosk_hub.kiosk_roles (role) VALUES (%s) "
            "ON CONFLICT (role) DO UPDATE SET disabled_at = NULL",
            [role],
        )


def disable_kiosk_role(conn: psycopg.Connection[tuple[object, ...]], role: str) -> None:
    """Withdraw one kiosk's access (a stolen kiosk): no new logins, and its open connections
    may do nothing more from their next statement on, since privileges are checked on each.
    Its rows stay, and pushed_by still names it."""
    if not _ROLE_NAME.match(role):
        raise ValueError(f"role names are lower-case letters, digits and _: {role!r}")
    with conn.transaction():
        found = conn.execute(
            "UPDATE kiosk_hub.kiosk_roles SET disabled_at = now() WHERE role = %s RETURNING 1",
            [role],
        ).fetchone()
        if found is None:
            raise ValueError(f"{role!r} is not a kiosk role of this hub (add_kiosk_role)")
        conn.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(role)))
        for statement in _REVOKES:
            conn.execute(_statement(conn, statement, role))


def _login_role(conn: psycopg.Connection[tuple[object, ...]], role: str, password: str) -> None:
    if not _ROLE_NAME.match(role):
        raise ValueError(f"role names are lower-case letters, digits and _: {role!r}")
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
    conn.execute(
        sql.SQL(
            "{} ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD {}"
        ).format(
            sql.SQL("ALTER" if exists else "CREATE"), sql.Identifier(role), sql.Literal(password)
        )
    )


# From scratch each time: a schema-1 role could still set pushed_by (column grants stay
# until the table's privileges are revoked).
_REVOKES = [
    "REVOKE ALL ON ALL TABLES IN SCHEMA kiosk_hub FROM {role}",
    "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kiosk_hub FROM {role}",
    "REVOKE ALL ON SCHEMA kiosk_hub FROM {role}",
    "REVOKE ALL ON DATABASE {db} FROM {role}",
]
_GRANTS = [
    "GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {role}",
    "GRANT USAGE ON SCHEMA kiosk_hub TO {role}",
    "GRANT SELECT ON kiosk_hub.meta, kiosk_hub.publications, kiosk_hub.log, "
    "kiosk_hub.journal, kiosk_hub.record_counts TO {role}",
    f"GRANT INSERT ({LOG_INSERT_COLUMNS}) ON kiosk_hub.log TO {{role}}",
    f"GRANT INSERT ({JOURNAL_INSERT_COLUMNS}) ON kiosk_hub.journal TO {{role}}",
    "GRANT EXECUTE ON FUNCTION kiosk_hub.claim(jsonb), kiosk_hub.refresh_statistics() TO {role}",
]


def _grant_kiosk(conn: psycopg.Connection[tuple[object, ...]], role: str) -> None:
    for statement in [*_REVOKES, *_GRANTS]:
        conn.execute(_statement(conn, statement, role))


def _statement(conn: psycopg.Connection[tuple[object, ...]], text: str, role: str) -> sql.Composed:
    database = str(conn.info.dbname)
    return sql.SQL(text).format(db=sql.Identifier(database), role=sql.Identifier(role))
