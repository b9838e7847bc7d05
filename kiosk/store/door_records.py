"""Staff records about the door fields (issue 15): cards reported lost, cards handed out,
attention notes set at a desk. Append-only logs synced like replacements; each has only
its own effect when applied here or merged from another kiosk (caller's transaction)."""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass
from typing import Any

from sqlite_utils import Database

from kiosk.store import attendees


@dataclass(frozen=True)
class CardLoss:
    """A card reported lost: its UID is refused at every door for good."""

    id: str
    kiosk_id: str
    attendee_id: str  # who held it when it was reported
    card_uid: str
    at: str
    reason: str


@dataclass(frozen=True)
class CardAssignment:
    """A card handed to an attendee at a desk: its UID identifies them from now on."""

    id: str
    kiosk_id: str
    attendee_id: str
    card_uid: str
    at: str


@dataclass(frozen=True)
class AttentionNote:
    """A note for door staff set at a desk ("" clears it): the latest one counts."""

    id: str
    kiosk_id: str
    attendee_id: str
    at: str
    note: str


TABLES = {
    "card_loss": "card_losses",
    "card_assignment": "card_assignments",
    "attention_note": "attention_notes",
}


def _insert(db: Database, table: str, record: Any, sig: str | None) -> bool:
    row = {**asdict(record), "sig": sig}
    names = ", ".join(row)
    cursor = db.execute(
        f"INSERT INTO {table}({names}) VALUES ({', '.join('?' for _ in row)}) "
        "ON CONFLICT(id) DO NOTHING",
        list(row.values()),
    )
    return cursor.rowcount > 0


def lost_card(db: Database, uid: str) -> str | None:
    """The attendee who held card `uid` when it was reported lost, or None if it was not."""
    row = db.execute(
        "SELECT attendee_id FROM card_losses WHERE card_uid = ? ORDER BY seq LIMIT 1", [uid]
    ).fetchone()
    return None if row is None else str(row[0])


def report_lost(db: Database, loss: CardLoss, sig: str | None = None) -> bool:
    """Keep the loss and let the holder go of the card (a new one may be handed out)."""
    if not _insert(db, "card_losses", loss, sig):
        return False
    holder = attendees.find_by_card_uid(db, loss.card_uid)
    if holder is not None:
        attendees.save(db, dataclasses.replace(holder, card_uid=None))
    return True


def assign(db: Database, assignment: CardAssignment, sig: str | None = None) -> bool:
    """Keep the assignment; the attendee holds the card unless it was reported lost or
    another attendee holds it (the first word on a card wins: it is refused, not moved)."""
    if not _insert(db, "card_assignments", assignment, sig):
        return False
    person = attendees.find_by_id(db, assignment.attendee_id)
    holder = attendees.find_by_card_uid(db, assignment.card_uid)
    if person is None or lost_card(db, assignment.card_uid) is not None:
        return True
    if holder is None or holder.id == person.id:
        attendees.save(db, dataclasses.replace(person, card_uid=assignment.card_uid))
    return True


def set_note(db: Database, note: AttentionNote, sig: str | None = None) -> bool:
    """Keep the note; the attendee carries it unless a later note is already here."""
    if not _insert(db, "attention_notes", note, sig):
        return False
    latest = db.execute(
        "SELECT id FROM attention_notes WHERE attendee_id = ? ORDER BY at DESC, id DESC LIMIT 1",
        [note.attendee_id],
    ).fetchone()
    person = attendees.find_by_id(db, note.attendee_id)
    if person is not None and latest is not None and latest[0] == note.id:
        attendees.save(db, dataclasses.replace(person, note=note.note))
    return True


def merge(db: Database, kind: str, row: dict[str, Any]) -> bool:
    """Another kiosk's record of `kind` (checked by kiosk.sync.schema), with its effect."""
    values = {k: v for k, v in row.items() if k != "sig"}
    sig = row.get("sig")
    if kind == "card_loss":
        return report_lost(db, CardLoss(**values), sig)
    if kind == "card_assignment":
        return assign(db, CardAssignment(**values), sig)
    return set_note(db, AttentionNote(**values), sig)


def keep_on_site(db: Database) -> None:
    """Organiser data never undoes a desk's note or card (as with name corrections): the
    latest note per attendee, and cards handed out that nobody else holds, are applied
    again, and cards reported lost let go (caller's transaction; these logs are short)."""
    notes = db.execute(
        "SELECT n.attendee_id, n.note FROM attention_notes n JOIN attendees a "
        "ON a.id = n.attendee_id WHERE n.seq = (SELECT m.seq FROM attention_notes m "
        "WHERE m.attendee_id = n.attendee_id ORDER BY m.at DESC, m.id DESC LIMIT 1) "
        "AND a.note != n.note"
    ).fetchall()
    for aid, text in notes:
        person = attendees.find_by_id(db, aid)
        if person is not None:
            attendees.save(db, dataclasses.replace(person, note=text))
    db.execute(
        "UPDATE attendees SET card_uid = NULL WHERE card_uid IN (SELECT card_uid FROM card_losses)"
    )
    cards = db.execute(
        "SELECT c.attendee_id, c.card_uid FROM card_assignments c JOIN attendees a "
        "ON a.id = c.attendee_id WHERE c.seq = (SELECT m.seq FROM card_assignments m "
        "WHERE m.attendee_id = c.attendee_id ORDER BY m.at DESC, m.id DESC LIMIT 1) "
        "AND a.card_uid IS NOT c.card_uid "
        "AND NOT EXISTS (SELECT 1 FROM card_losses l WHERE l.card_uid = c.card_uid) "
        "AND NOT EXISTS (SELECT 1 FROM attendees o WHERE o.card_uid = c.card_uid)"
    ).fetchall()
    for aid, uid in cards:
        person = attendees.find_by_id(db, aid)
        if person is not None:
            attendees.save(db, dataclasses.replace(person, card_uid=uid))
