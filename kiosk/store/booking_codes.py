"""Attendees by the start of their booking (ticket) code, as an attendee types it at pickup.

The code is compared in a normal form: ASCII upper case, separators dropped, and the
letters people mistake for digits folded onto them (O -> 0, I and L -> 1), so "jq7r-k2"
and "JQ7RK2" are the same start. SQLite computes the same form in an expression index
(migration m070_pickup_guard), so a prefix is a range scan, not a walk over the table.
"""

from __future__ import annotations

from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.store.attendees import COLUMNS, from_row

_DROPPED = " -_./"
_FOLDED = {"O": "0", "I": "1", "L": "1"}


def _sql_key(column: str) -> str:
    expr = f"upper({column})"  # SQLite's upper() folds ASCII only, as key() does
    for ch in _DROPPED:
        expr = f"replace({expr}, '{ch}', '')"
    for ch, to in _FOLDED.items():
        expr = f"replace({expr}, '{ch}', '{to}')"
    return expr


KEY_SQL = _sql_key("ticket_code")  # the indexed expression; queries must repeat it exactly
_TABLE = str.maketrans({**{ch: None for ch in _DROPPED}, **_FOLDED})


def key(text: str) -> str:
    """The normal form of a typed or stored code (see the module docstring)."""
    upper = "".join(ch.upper() if ch.isascii() else ch for ch in text)
    return upper.translate(_TABLE)


def starting_with(db: Database, start: str, limit: int = 20) -> list[tuple[Attendee, str]]:
    """Attendees whose code's normal form starts with `start` (already a key()), each with
    that normal form, at most `limit` of them."""
    if not start:
        return []
    # A range on the indexed expression: [start, start + U+10FFFF) holds every extension.
    sql = (
        f"SELECT {COLUMNS}, {KEY_SQL} FROM attendees WHERE ticket_code IS NOT NULL "
        f"AND {KEY_SQL} >= ? AND {KEY_SQL} < ? LIMIT ?"
    )
    rows = db.execute(sql, [start, start + "\U0010ffff", limit]).fetchall()
    return [(from_row(row[:-1]), str(row[-1])) for row in rows]


def shared_start(db: Database, most: float = 0.5) -> int:
    """How many leading characters (of the normal form) more than `most` of all codes
    share: 0 for random codes, 6 for codes made like SCES26-XXXXXX. Those characters say
    nothing about who holds the code, so pickup asks for more than them."""
    total = db.execute("SELECT count(*) FROM attendees WHERE ticket_code IS NOT NULL").fetchone()
    if total[0] < 20:
        return 0  # a handful of codes shows no structure, only chance
    length = 0
    while length < 64:
        row = db.execute(
            f"SELECT count(*) AS n FROM attendees WHERE ticket_code IS NOT NULL "
            f"GROUP BY substr({KEY_SQL}, 1, ?) ORDER BY n DESC LIMIT 1",
            [length + 1],
        ).fetchone()
        if row is None or row[0] <= most * total[0]:
            return length
        length += 1
    return length
