"""QuarterTally: the board chart's entries per hall and 15 minutes, kept from one refresh to
the next. The first refresh counts the whole log (entries_per_quarter's query, every day);
later ones read only the records added since, by their sequence number, so a refresh every
few seconds costs what the new records cost, not a scan of the log (bench/board_counts.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.service.session_counts import COUNTED_ENTRY
from kiosk.store import sync_state
from kiosk.ui.board_data import QUARTER_S, day_bounds


def _quarter(at: str) -> int:
    # As SQLite's strftime('%s', substr(at, 1, 19)): the stamp's first 19 characters, as UTC.
    return int(dt.datetime.fromisoformat(at[:19]).replace(tzinfo=dt.UTC).timestamp()) // QUARTER_S


class QuarterTally:
    def __init__(self) -> None:
        self.seq = 0
        self.counts: Counter[tuple[str, int]] = Counter()  # (hall, quarter) -> entries
        self.undone: set[str] = set()  # ids of records an undo took back

    def _reload(self, db: Database) -> None:
        rows = db.execute(
            "SELECT hall, CAST(strftime('%s', substr(at, 1, 19)) AS INTEGER) / ?, count(*) "
            f"FROM checkins c WHERE {COUNTED_ENTRY} GROUP BY 1, 2",
            [QUARTER_S],
        )
        self.counts = Counter({(str(h), int(q)): int(n) for h, q, n in rows})
        self.undone = {
            str(r[0])
            for r in db.execute(
                "SELECT undoes FROM checkins WHERE undoes IS NOT NULL AND delta != 0"
            )
        }

    def update(self, db: Database) -> None:
        top = sync_state.max_seq(db, "checkins")
        if top < self.seq or self.seq == 0:  # first refresh, or another database behind it
            self._reload(db)
            self.seq = top
            return
        rows = db.execute(
            "SELECT seq, id, hall, at, delta, undoes FROM checkins WHERE seq > ? AND seq <= ? "
            "ORDER BY seq",
            [self.seq, top],
        ).fetchall()
        for seq, record_id, hall, at, delta, undoes in rows:
            if undoes is None:
                if delta > 0 and record_id not in self.undone:
                    self.counts[(str(hall), _quarter(at))] += 1
                continue
            if delta == 0 or undoes in self.undone:  # a refused undo undid nothing
                continue
            self.undone.add(str(undoes))
            target = db.execute(
                "SELECT seq, hall, at, delta, undoes FROM checkins WHERE id = ?", [undoes]
            ).fetchone()
            # A target not in the log yet is skipped when it comes (it is in `undone`).
            if target and target[0] < seq and target[3] > 0 and target[4] is None:
                self.counts[(str(target[1]), _quarter(target[2]))] -= 1
        self.seq = top

    def per_quarter(
        self, db: Database, event: Event, now: dt.datetime
    ) -> dict[str, list[tuple[dt.datetime, int]]]:
        """What entries_per_quarter gives: per hall, today's entries per 15 minutes."""
        self.update(db)
        start, end = day_bounds(event, now)
        lo, hi = int(start.timestamp()) // QUARTER_S, int(end.timestamp()) // QUARTER_S
        result: dict[str, list[tuple[dt.datetime, int]]] = {h.id: [] for h in event.halls}
        for (hall, quarter), n in sorted(self.counts.items(), key=lambda kv: kv[0][1]):
            if lo <= quarter < hi and n > 0:
                when = dt.datetime.fromtimestamp(quarter * QUARTER_S, dt.UTC)
                result.setdefault(hall, []).append((when, n))
        return result
