"""A generated stretch of an event day for benches and screenshots: seats for the attendees
of a session, and admissions and exits written to the log as doors would write them."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence

from sqlite_utils import Database

from kiosk.domain.event import Event, Session
from kiosk.store import checkins
from kiosk.store.checkins import LogRecord


def seat_session(db: Database, session: Session, per_row: int, odd_every: int = 0) -> int:
    """Seats A-1, A-2... row by row for the attendees registered for `session` (every
    `odd_every`-th one gets a label no seat map reads); the number seated. Caller's
    transaction."""
    ids = [
        str(r[0])
        for r in db.execute(
            "SELECT attendee_id FROM registrations WHERE session_id = ? ORDER BY attendee_id",
            [session.id],
        )
    ]
    for i, aid in enumerate(ids):
        row, number = divmod(i, per_row)
        label = f"{chr(65 + row % 26) * (1 + row // 26)}-{number + 1}"
        if odd_every and i % odd_every == odd_every - 1:
            label = "Balcony"
        db.execute("UPDATE attendees SET seat = ? WHERE id = ?", [label, aid])
    return len(ids)


def admit(
    db: Database, session: Session, attendee_id: str, when: dt.datetime, delta: int = 1
) -> None:
    """An admission (+1) or an exit (-1) at `when`, as the hall's door writes it."""
    checkins.append(
        db,
        LogRecord(
            id=str(uuid.uuid4()),
            kiosk_id=f"door-{session.hall}",
            hall=session.hall,
            session_id=session.id,
            direction="entry" if delta > 0 else "exit",
            verdict="admitted" if delta > 0 else "exit_recorded",
            reason="admitted" if delta > 0 else "exit",
            attendee_id=attendee_id,
            code=attendee_id,
            at=when.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            delta=delta,
            offline=False,
        ),
    )


def fill_sessions(
    db: Database,
    event: Event,
    sessions: Sequence[Session],
    until: dt.datetime,
    share: float = 0.8,
    leave: float = 0.1,
    seed: int = 2026,
) -> int:
    """Admit `share` of each session's expected attendees (its registrations, or for an
    open session attendees of the types it admits, up to its capacity) between its
    opening and `until`, some of them late, and let `leave` of them out again; the records
    written. Caller's transaction."""
    rnd = random.Random(seed)
    written = 0
    for session in sessions:
        if session.opens > until:
            continue
        rows = db.execute(
            "SELECT attendee_id FROM registrations WHERE session_id = ? ORDER BY attendee_id",
            [session.id],
        ).fetchall()
        if not rows:
            types = [t.id for t in event.types if t.may_enter(session.hall)]
            rows = db.execute(
                f"SELECT id FROM attendees WHERE type IN ({','.join('?' * len(types))}) "
                "ORDER BY id LIMIT ?",
                [*types, session.capacity],
            ).fetchall()
        span = max(60.0, (min(until, session.end) - session.opens).total_seconds())
        for (aid,) in rows:
            if rnd.random() >= share:
                continue
            when = session.opens + dt.timedelta(seconds=rnd.random() * span)
            admit(db, session, str(aid), when)
            written += 1
            if rnd.random() < leave and when < until:
                out = when + dt.timedelta(seconds=rnd.random() * (until - when).total_seconds())
                admit(db, session, str(aid), out, -1)
                written += 1
    return written
