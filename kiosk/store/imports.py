"""Applying a checked attendee import in one transaction: add, update, cancel; never the log.

What a re-import does to an attendee already in the database:

- same fields as in the file: left alone (not even `updated_at` changes);
- changed fields: updated; `badge_issue` and `photo` are kept (a printed badge stays valid);
  a name corrected at badge pickup survives while the file still has the old spelling, and
  so does a ticket code renewed when a lost badge was replaced without the signing key;
  a field the export has no column for (given or family name, company, e-mail, position,
  type, ticket code, status) is kept as stored: an empty cell clears it, a missing column
  does not;
- marked cancelled in the file (status cancelled/refunded/...): `cancelled = 1` and every
  badge issued so far revoked (reason "cancelled"); the row stays, the log refers to it;
- absent from the file: left alone, unless `cancel_missing` (a full export where absence
  means the registration is gone): then cancelled and revoked as above. Never deleted;
- cancelled in the database but active in the file (a refund undone): reinstated, with
  `badge_issue` raised past the revocation, so a new badge is needed and old ones stay void.

The check-in log (and the other append-only logs) are never read or written here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.store import search
from kiosk.store.attendees import revoke, search_text
from kiosk.store.db import write

Progress = Callable[[int, int], None]  # rows written, rows to write

CANCEL_REASON = "cancelled"
BATCH = 50_000  # rows per executemany: progress granularity, not transaction size
# Writing more rows than this (and more than a sixth of the table) suspends the search
# index's per-row triggers and rebuilds it once instead (see kiosk.store.search).
REBUILD_AT_LEAST = 5_000
# The default page cache (2 MB) spills a million-row insert to the WAL and reads it back:
# 23 s instead of 7 s measured. 256 MB for the duration of the import only.
IMPORT_CACHE_KIB = 256 * 1024

_INSERT = (
    "INSERT INTO attendees(id, first_name, last_name, company, email, position, type, "
    "ticket_code, badge_issue, cancelled, photo, seat, card_uid, note, search, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = (
    "UPDATE attendees SET first_name = ?, last_name = ?, company = ?, email = ?, position = ?, "
    "type = ?, ticket_code = ?, cancelled = ?, badge_issue = ?, seat = ?, card_uid = ?, "
    "note = ?, search = ?, updated_at = ? WHERE id = ?"
)
_COMPARED = "first_name, last_name, company, email, position, type, ticket_code, cancelled"
# Fields an export may lack, with their place in _COMPARED.
KEEPABLE = {
    "first_name": 0,
    "last_name": 1,
    "company": 2,
    "email": 3,
    "position": 4,
    "type": 5,
    "ticket_code": 6,
    "cancelled": 7,
    # after badge_issue (8) in what _plan reads: the door fields of issue 15
    "seat": 9,
    "card_uid": 10,
    "note": 11,
}
_DOOR_FIELDS = "seat, card_uid, note"


@dataclass(frozen=True)
class ImportCounts:
    """What an import did (or, dry, would do). Every attendee counts once."""

    added: int = 0
    updated: int = 0  # includes reinstated ones
    unchanged: int = 0
    cancelled: int = 0  # newly cancelled: by the file, by cancel_missing, or new and cancelled
    search_stale: bool = False  # the search index awaits search.refresh_search_index()


@dataclass(frozen=True)
class TicketCodeTaken:
    attendee_id: str
    ticket_code: str
    owner_id: str  # an attendee in the database but not in the file who holds the code
    field: str = "ticket code"  # or "card UID" ("" owner: a card reported lost)
    why: str = "who is not in this file"


class ImportConflict(Exception):
    """The file's ticket codes collide with attendees it does not mention; nothing written."""

    def __init__(self, conflicts: list[TicketCodeTaken]) -> None:
        super().__init__(f"{len(conflicts)} ticket codes belong to other attendees")
        self.conflicts = conflicts


@dataclass
class _Plan:
    inserts: list[Attendee] = field(default_factory=list)
    updates: list[tuple[Attendee, int]] = field(default_factory=list)  # (attendee, issue)
    code_moves: set[str] = field(default_factory=set)  # ids whose ticket code changes
    card_moves: set[str] = field(default_factory=set)  # ids whose card UID changes
    revoke: list[tuple[str, int]] = field(default_factory=list)  # (id, current issue)
    cancel_missing: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    existing: int = 0

    def counts(self, search_stale: bool) -> ImportCounts:
        return ImportCounts(self.added, self.updated, self.unchanged, self.cancelled, search_stale)

    @property
    def written(self) -> int:
        return len(self.inserts) + len(self.updates)


def apply_import(
    db: Database,
    people: Sequence[Attendee],
    *,
    cancel_missing: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    absent: Collection[str] = (),
) -> ImportCounts:
    """Make the attendee table agree with an export (ids unique, types checked: the caller's
    job). One transaction; ImportConflict (nothing written) if a ticket code is taken.

    `absent`: fields the export has no column for (of KEEPABLE): attendees already stored
    keep theirs, so a list without a status column reinstates nobody and one without
    e-mails erases none.
    """
    unknown = set(absent) - KEEPABLE.keys()
    if unknown:
        raise ValueError(f"fields that cannot be kept: {sorted(unknown)}")
    keep = tuple((name, KEEPABLE[name]) for name in absent)
    if dry_run:
        plan = _plan(db, people, cancel_missing, keep)
        return plan.counts(search_stale=_needs_rebuild(plan))
    previous_cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        with write(db):
            plan = _plan(db, people, cancel_missing, keep)
            stale = _needs_rebuild(plan)
            if stale:
                search.suspend_search_index(db)
            with _idle_triggers_dropped(db, active=not search.index_is_live(db)):
                _write(db, plan, progress)
    finally:
        db.execute(f"PRAGMA cache_size = {int(previous_cache)}")
    return plan.counts(search_stale=stale or not search.index_is_live(db))


def _needs_rebuild(plan: _Plan) -> bool:
    total = plan.existing + len(plan.inserts)
    return plan.written > REBUILD_AT_LEAST and plan.written * 6 > total


def _plan(
    db: Database,
    people: Sequence[Attendee],
    cancel_missing: bool,
    keep: tuple[tuple[str, int], ...],
) -> _Plan:
    plan = _Plan()
    existing: dict[str, tuple[Any, ...]] = {
        row[0]: row[1:]
        for row in db.execute(f"SELECT id, {_COMPARED}, badge_issue, {_DOOR_FIELDS} FROM attendees")
    }
    plan.existing = len(existing)
    if not existing:
        plan.inserts = list(people)
        for p in people:
            if p.cancelled:
                plan.revoke.append((p.id, p.badge_issue))
        plan.cancelled = len(plan.revoke)
        plan.added = len(people) - plan.cancelled
        return plan
    corrected = _corrected_names(db)
    renewed = {r[0] for r in db.execute("SELECT attendee_id FROM replacements WHERE NOT signed")}
    revoked = dict(db.execute("SELECT attendee_id, below_issue FROM revocations").fetchall())
    on_site = _set_on_site(db)
    for p in people:
        old = existing.get(p.id)
        if old is None:
            plan.inserts.append(p)
            if p.cancelled:
                plan.revoke.append((p.id, p.badge_issue))
                plan.cancelled += 1
            else:
                plan.added += 1
            continue
        correction = corrected.get(p.id)
        if (
            correction is not None
            and (p.first_name, p.last_name) == correction[0]
            and old[:2] == correction[1]
        ):
            # The registration system still has the spelling the attendee corrected on site.
            p = replace(p, first_name=correction[1][0], last_name=correction[1][1])
        if p.id in renewed:
            # A badge replaced on site without the signing key got a new ticket code; the
            # export's old one is the lost badge's and must not open doors again.
            p = replace(p, ticket_code=old[6])
        if p.id in on_site:
            # A note or card given at the desk is the latest word on the person (like a
            # name correction): the registration system's export does not undo it.
            p = replace(p, **{name: old[KEEPABLE[name]] for name in on_site[p.id]})
        if keep:
            kept = {name: old[i] for name, i in keep if getattr(p, name) != old[i]}
            if kept:
                if "cancelled" in kept:
                    kept["cancelled"] = bool(kept["cancelled"])
                p = replace(p, **kept)
        was_cancelled, issue = bool(old[7]), int(old[8])
        if (
            p.first_name, p.last_name, p.company, p.email, p.position, p.type,
            p.ticket_code, int(p.cancelled),
        ) == old[:8] and (p.seat, p.card_uid, p.note) == old[9:12]:  # fmt: skip
            plan.unchanged += 1
            continue
        if p.ticket_code != old[6]:
            plan.code_moves.add(p.id)
        if p.card_uid != old[10]:
            plan.card_moves.add(p.id)
        if p.cancelled and not was_cancelled:
            plan.revoke.append((p.id, issue))
            plan.cancelled += 1
        elif was_cancelled and not p.cancelled:
            issue = max(issue, int(revoked.get(p.id, issue)))
            plan.updated += 1
        else:
            plan.updated += 1
        plan.updates.append((p, issue))
    if cancel_missing or plan.written:
        in_file = {p.id for p in people}
        if cancel_missing:
            for aid, old in existing.items():
                if aid not in in_file and not old[7]:
                    plan.cancel_missing.append(aid)
                    plan.revoke.append((aid, int(old[8])))
            plan.cancelled += len(plan.cancel_missing)
        _check_ticket_codes(plan, existing, in_file)
        _check_cards(db, plan, existing, in_file)
    return plan


def _set_on_site(db: Database) -> dict[str, tuple[str, ...]]:
    """Attendees whose note or card was set at a desk: the fields to keep for each."""
    fields: dict[str, tuple[str, ...]] = {}
    for aid, name in db.execute(
        "SELECT DISTINCT attendee_id, 'note' FROM attention_notes UNION "
        "SELECT DISTINCT attendee_id, 'card_uid' FROM card_assignments"
    ):
        fields[aid] = (*fields.get(aid, ()), name)
    return fields


def _check_cards(
    db: Database, plan: _Plan, existing: dict[str, tuple[Any, ...]], in_file: set[str]
) -> None:
    """A card UID the file gives may be held by an attendee it leaves out, be someone's
    ticket code (a scan must name one person), or belong to a card reported lost."""
    wanted = [p for p in plan.inserts if p.card_uid] + [
        p for p, _ in plan.updates if p.card_uid and p.id in plan.card_moves
    ]
    if not wanted:
        return
    holders = {old[10]: aid for aid, old in existing.items() if old[10] is not None}
    codes = {old[6]: aid for aid, old in existing.items() if old[6] is not None}
    lost = {str(r[0]) for r in db.execute("SELECT card_uid FROM card_losses")}
    taken = []
    for p in wanted:
        uid = p.card_uid
        assert uid is not None
        if uid in lost:
            taken.append(TicketCodeTaken(p.id, uid, "", "card UID"))
            continue
        for owners in (holders, codes):
            owner = owners.get(uid)
            if owner is not None and owner != p.id and owner not in in_file:
                taken.append(TicketCodeTaken(p.id, uid, owner, "card UID"))
                break
    taken += _cards_kept_at_desks(plan, existing, in_file, {t.attendee_id for t in taken})
    if taken:
        raise ImportConflict(taken)


def _cards_kept_at_desks(
    plan: _Plan, existing: dict[str, tuple[Any, ...]], in_file: set[str], seen: set[str]
) -> list[TicketCodeTaken]:
    """A card the file gives to one attendee while another in the file keeps it, because
    a desk handed it to them (the export does not undo that)."""
    after = {aid: old[10] for aid, old in existing.items() if old[10] is not None}
    for p in [*plan.inserts, *(p for p, _ in plan.updates)]:
        after[p.id] = p.card_uid
    holders: dict[str, list[str]] = {}
    for aid, uid in after.items():
        if uid is not None:
            holders.setdefault(uid, []).append(aid)
    taken = []
    for p in [*plan.inserts, *(p for p, _ in plan.updates if p.id in plan.card_moves)]:
        others = [a for a in holders.get(p.card_uid or "", []) if a != p.id and a in in_file]
        if p.card_uid and others and p.id not in seen:
            why = "who keeps it (handed out at a desk)"
            taken.append(TicketCodeTaken(p.id, p.card_uid, others[0], "card UID", why))
    return taken


def _check_ticket_codes(
    plan: _Plan, existing: dict[str, tuple[Any, ...]], in_file: set[str]
) -> None:
    """A code the file gives to one attendee may be held by another the file leaves out."""
    wanted = [p for p in plan.inserts if p.ticket_code] + [
        p for p, _ in plan.updates if p.ticket_code and p.id in plan.code_moves
    ]
    if not wanted:
        return
    owners = {old[6]: aid for aid, old in existing.items() if old[6] is not None}
    taken = [
        TicketCodeTaken(p.id, code, owner)
        for p in wanted
        if (code := p.ticket_code) is not None
        and (owner := owners.get(code)) is not None
        and owner != p.id
        and owner not in in_file
    ]
    if taken:
        raise ImportConflict(taken)


def _corrected_names(db: Database) -> dict[str, tuple[tuple[str, str], tuple[str, str]]]:
    """Latest on-site name correction per attendee: ((original), (corrected)) first/last."""
    rows = db.execute(
        "SELECT attendee_id, original_first, original_last, corrected_first, corrected_last "
        "FROM name_corrections ORDER BY seq"
    )
    return {aid: ((of, ol), (cf, cl)) for aid, of, ol, cf, cl in rows}


def _write(db: Database, plan: _Plan, progress: Progress | None) -> None:
    now = dt.datetime.now(dt.UTC).isoformat()
    conn = db.conn
    total, done = plan.written, 0
    if plan.card_moves:  # as for ticket codes below: two attendees may swap cards
        conn.executemany(
            "UPDATE attendees SET card_uid = NULL WHERE id = ?", ((i,) for i in plan.card_moves)
        )
    if plan.code_moves:
        # Two attendees may swap ticket codes in one export: clear the moving codes first so
        # the unique index never sees a code twice half-way through the update.
        conn.executemany(
            "UPDATE attendees SET ticket_code = NULL WHERE id = ?", ((i,) for i in plan.code_moves)
        )
    for start in range(0, len(plan.updates), BATCH):
        batch = plan.updates[start : start + BATCH]
        conn.executemany(
            _UPDATE,
            [
                (
                    p.first_name, p.last_name, p.company, p.email, p.position, p.type,
                    p.ticket_code, int(p.cancelled), issue, p.seat, p.card_uid, p.note,
                    search_text(p), now, p.id,
                )
                for p, issue in batch
            ],
        )  # fmt: skip
        done += len(batch)
        if progress:
            progress(done, total)
    if plan.inserts:
        with _indexes_rebuilt_after(db, plan.existing == 0 and len(plan.inserts) > BATCH):
            for start in range(0, len(plan.inserts), BATCH):
                new = plan.inserts[start : start + BATCH]
                conn.executemany(
                    _INSERT,
                    [
                        (
                            p.id, p.first_name, p.last_name, p.company, p.email, p.position,
                            p.type, p.ticket_code, p.badge_issue, int(p.cancelled), p.photo,
                            p.seat, p.card_uid, p.note, search_text(p), now,
                        )
                        for p in new
                    ],
                )  # fmt: skip
                done += len(new)
                if progress:
                    progress(done, total)
    if plan.cancel_missing:
        conn.executemany(
            "UPDATE attendees SET cancelled = 1, updated_at = ? WHERE id = ?",
            ((now, aid) for aid in plan.cancel_missing),
        )
    for aid, issue in plan.revoke:
        revoke(db, aid, below_issue=issue + 1, reason=CANCEL_REASON)


@contextmanager
def _indexes_rebuilt_after(db: Database, active: bool) -> Iterator[None]:
    """Drop the attendees table's own indexes for a bulk insert into an empty table and
    create them again after: one sort beats a million random B-tree insertions (7.8 s ->
    5.6 s measured at 1M rows). Same transaction: nobody sees the table without them, and
    an error rolls the drop back with everything else."""
    if not active:
        yield
        return
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name = 'attendees' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes:
        db.execute(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        db.execute(sql)


@contextmanager
def _idle_triggers_dropped(db: Database, active: bool) -> Iterator[None]:
    """While the search index is stale its triggers do nothing, yet each still evaluates its
    WHEN clause on every row written: 40% of a bulk insert's time (5.2 s -> 3.1 s at 1M rows).
    Drop exactly those (they test the 'stale' state) and recreate them from their stored SQL,
    in the same transaction. Other triggers on attendees, if any, keep firing."""
    if not active:
        yield
        return
    triggers = [
        (name, sql)
        for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'attendees'"
        ).fetchall()
        if f"'{search.STATE_KEY}'" in sql and "'stale'" in sql
    ]
    for name, _ in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    yield
    for _, sql in triggers:
        db.execute(sql)
