"""Expected and present attendees per session, and their seats (GB 50799 12.2.1), from the
local log: what the board, its seat map and the chair's view show.

Expected is who registered (or was invited) for a session that asks for it; an open
session has no list, only its capacity. Present is who was admitted at least once, or has
a late check-in (补签到, kiosk.service.late_checkin); inside is who is in the hall now (the
occupancy the doors keep). All of it is read from the presence table the log keeps (and
the late check-ins' own index), in one pass per refresh (bench/board_counts.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain.event import Registration, Session
from kiosk.domain.seats import SeatPlan, seat_plan
from kiosk.service import late_checkin
from kiosk.store import sync_state

# An admission that still counts: not an undo, and not undone since (an undo the hub
# refused has delta 0 and undid nothing, as the presence table has it). NOT IN a list
# made once, not a NOT EXISTS per record: checkins.undoes has no index, and the correlated
# form scans the whole log for every record (minutes at 100,000 records; bench/board_counts.py).
COUNTED_ENTRY = (
    "c.delta > 0 AND c.undoes IS NULL AND c.id NOT IN "
    "(SELECT undoes FROM checkins WHERE undoes IS NOT NULL AND delta != 0)"
)


@dataclass(frozen=True)
class SessionCount:
    session: Session
    expected: int | None  # registered or invited; None: an open session (no list)
    present: int  # attendees admitted at least once
    expected_present: int  # of them, on the list (the percentage's numerator)
    inside: int  # in the hall now
    seats: int  # attendees on the list who have a seat (an open session: 0)
    seated: int  # of them, inside now

    @property
    def capacity(self) -> int:
        return self.session.capacity

    @property
    def share(self) -> float:
        """Of the list, the share present; for an open session, the hall's fill now."""
        if self.expected is not None:
            return self.expected_present / self.expected if self.expected else 0.0
        return self.inside / self.capacity if self.capacity else 0.0


def listed(session: Session) -> bool:
    return session.registration is not Registration.OPEN


class PresentTally:
    """Per session, the attendees admitted at least once, kept from one refresh to the next:
    the first call reads the presence table, later ones only the pairs that records added
    since touched (a scan of 100,000 presence rows every few seconds is what it saves)."""

    def __init__(self) -> None:
        self.seq = 0  # the log's last record read
        self.present: set[tuple[str, str]] = set()  # (attendee, session)
        self.per_session: Counter[str] = Counter()

    def counts(self, db: Database) -> Counter[str]:
        top = sync_state.max_seq(db, "checkins")
        if top < self.seq or self.seq == 0:  # first call, or another database behind it
            self.present = {
                (str(a), str(sid))
                for a, sid in db.execute(
                    "SELECT attendee_id, session_id FROM presence WHERE entries > 0"
                )
            }
            self.per_session = Counter(sid for _, sid in self.present)
        elif top > self.seq:
            # What presence says now for each touched pair: reading it twice is harmless.
            touched = db.execute(
                "SELECT DISTINCT c.attendee_id, c.session_id, coalesce(p.entries, 0) > 0 "
                "FROM checkins c LEFT JOIN presence p "
                "ON p.attendee_id = c.attendee_id AND p.session_id = c.session_id "
                "WHERE c.seq > ? AND c.attendee_id IS NOT NULL AND c.session_id IS NOT NULL",
                [self.seq],
            )
            for a, sid, now_present in touched:
                pair = (str(a), str(sid))
                if bool(now_present) != (pair in self.present):
                    (self.present.add if now_present else self.present.discard)(pair)
                    self.per_session[pair[1]] += 1 if now_present else -1
        self.seq = top
        return self.per_session


def session_counts(
    db: Database, sessions: Iterable[Session], tally: PresentTally | None = None
) -> list[SessionCount]:
    """The counts of `sessions`, in their order (one grouped query per figure, not per
    session); a board passes the same `tally` at each refresh."""
    chosen = list(sessions)
    expected = dict(
        db.execute(
            "SELECT r.session_id, count(*) FROM registrations r "
            "JOIN attendees a ON a.id = r.attendee_id WHERE a.cancelled = 0 "
            "GROUP BY r.session_id"
        ).fetchall()
    )
    inside = dict(db.execute("SELECT session_id, max(0, inside) FROM occupancy").fetchall())
    everyone = (tally or PresentTally()).counts(db)
    # The list's share from the list's side: registrations are far fewer than presence rows.
    listed_present: dict[str, tuple[int, int]] = {
        str(sid): (int(n), int(seated or 0))
        for sid, n, seated in db.execute(
            "SELECT r.session_id, count(*), sum(p.inside > 0 AND a.seat != '') "
            "FROM registrations r JOIN presence p "
            "ON p.attendee_id = r.attendee_id AND p.session_id = r.session_id "
            "JOIN attendees a ON a.id = r.attendee_id "
            "WHERE p.entries > 0 AND a.cancelled = 0 GROUP BY r.session_id"
        )
    }
    present = {
        sid: (everyone.get(sid, 0), *listed_present.get(sid, (0, 0)))
        for sid in {s.id for s in chosen}
    }
    seats = _seats_expected(db)
    late = late_checkin.late_only(db)  # 补签到: present, never inside
    counts = []
    for s in chosen:
        n, on_list, seated = present.get(s.id, (0, 0, 0))
        extra, extra_listed = late.get(s.id, (0, 0))
        n, on_list = n + extra, on_list + extra_listed
        counts.append(
            SessionCount(
                session=s,
                expected=int(expected.get(s.id, 0)) if listed(s) else None,
                present=n,
                expected_present=on_list if listed(s) else n,
                inside=int(inside.get(s.id, 0)),
                seats=seats.get(s.id, 0) if listed(s) else 0,
                seated=seated if listed(s) else 0,
            )
        )
    return counts


def _seats_expected(db: Database) -> dict[str, int]:
    return {
        str(sid): int(n)
        for sid, n in db.execute(
            "SELECT r.session_id, count(*) FROM registrations r "
            "JOIN attendees a ON a.id = r.attendee_id "
            "WHERE a.cancelled = 0 AND a.seat != '' GROUP BY r.session_id"
        )
    }


def seats_of(db: Database, session: Session) -> SeatPlan:
    """The seat map of a session with a list: each expected attendee's seat label, taken
    when they are inside now. An open session has none: with no list of who is expected,
    a seat cannot say "not yet" (and attendees' seats belong to the sessions they
    registered for, not to every hall they may walk into)."""
    if not listed(session):
        return seat_plan(())
    rows = db.execute(
        "SELECT a.seat, coalesce(p.inside, 0) > 0 FROM registrations r "
        "JOIN attendees a ON a.id = r.attendee_id "
        "LEFT JOIN presence p ON p.attendee_id = a.id AND p.session_id = r.session_id "
        "WHERE r.session_id = ? AND a.cancelled = 0 AND a.seat != ''",
        [session.id],
    )
    return seat_plan((str(label), bool(taken)) for label, taken in rows)


def late_arrivals(db: Database, session: Session) -> int:
    """Attendees whose first admission that still counts came after the session's start."""
    row = db.execute(
        "SELECT count(*) FROM (SELECT min(c.at) AS first FROM checkins c "
        f"WHERE c.session_id = ? AND c.attendee_id IS NOT NULL AND {COUNTED_ENTRY} "
        "GROUP BY c.attendee_id) WHERE first > ?",
        [session.id, _iso(session.start)],
    ).fetchone()
    return int(row[0])


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")
