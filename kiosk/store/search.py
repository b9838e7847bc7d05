"""Fast attendee search: any substring of name, company, e-mail or code, in any script.

Two FTS5 indexes over the folded `attendees.search` column (migration m010_search): a
trigram index answers words of 3+ characters as substrings ("jurgen" in "jürgen groß",
"uawe" in "huawei"); a word index with 1-2 character prefixes answers short words, which
trigrams cannot ("张伟", "伟", "li"). Both are external-content tables keyed by the
attendees' rowid, so every hit is re-checked against the row it points to. Bulk writers
call suspend_search_index() first and refresh_search_index() after: per-row index
upkeep costs about 0.4 ms a row at 1M attendees, a rebuild about 65 us.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.domain import codes
from kiosk.domain.attendee import Attendee
from kiosk.domain.text import fold
from kiosk.store import cipher, settings
from kiosk.store.attendees import COLUMNS, find_by_id, from_row

STATE_KEY = "search_index"
CANDIDATES = 200  # hits read before ranking; more than this and the user should type more
_GLOB_SPECIAL = frozenset("*?[]")
_INDEXES = ("attendee_trigrams", "attendee_words")
_SELECT = ", ".join(f"a.{c.strip()}" for c in COLUMNS.split(","))


@dataclass(frozen=True)
class SearchResult:
    attendees: list[Attendee]
    more: bool  # there were more hits than could be ranked: ask for more letters
    indexed: bool = True  # False: the index was stale and a bounded scan answered


def index_is_live(db: Database) -> bool:
    return settings.get(db, STATE_KEY) != "stale"


def suspend_search_index(db: Database) -> None:
    """Stop per-row index upkeep before a bulk write; call refresh_search_index() after."""
    settings.put(db, STATE_KEY, "stale")


def refresh_search_index(db: Database, force: bool = False) -> bool:
    """Rebuild the indexes if a bulk writer left them stale (or `force`); True if rebuilt.

    About a minute at 1,000,000 attendees; nothing when the triggers kept them current.
    Run it inside or outside a transaction; it holds the write lock while it works.
    """
    if index_is_live(db) and not force:
        return False
    own = not db.conn.in_transaction
    if own:
        db.conn.execute("BEGIN IMMEDIATE")
    try:
        for name in _INDEXES:
            db.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
        settings.put(db, STATE_KEY, "live")
    except BaseException:
        if own and db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    if own:
        db.conn.execute("COMMIT")
    return True


def search(db: Database, text: str, limit: int = 50) -> SearchResult:
    """Attendees whose folded text holds every word of `text`, best matches first.

    A scanned or typed badge code finds its attendee by id. Words of 3+ characters match
    anywhere; shorter ones match the start of a word (names, company, e-mail parts).
    """
    words = fold(text).split()
    if not words:
        return SearchResult([], False)
    by_code = _by_badge_code(db, text)
    if by_code is not None:
        return SearchResult([by_code], False)
    if not index_is_live(db):
        rows = _scan(db, words, CANDIDATES + 1)
        return _ranked(rows, words, limit, indexed=False)
    try:
        rows = _indexed(db, words, CANDIDATES + 1)
    except cipher.OperationalError:
        # A query FTS5 cannot parse (punctuation-only words): fall back to a bounded scan.
        rows = _scan(db, words, CANDIDATES + 1)
    return _ranked(rows, words, limit)


def _by_badge_code(db: Database, text: str) -> Attendee | None:
    candidate = text.strip()
    if not codes.looks_like_badge_code(candidate):
        return None
    try:
        attendee_id = codes.parse_code(candidate).attendee_id
    except codes.CodeError:
        return None
    return find_by_id(db, attendee_id)


def _checks(words: list[str]) -> tuple[str, list[str]]:
    """SQL re-checking every word on the attendee row itself."""
    return " AND ".join("instr(a.search, ?) > 0" for _ in words), list(words)


def _indexed(db: Database, words: list[str], n: int) -> list[tuple[object, ...]]:
    check_sql, check_args = _checks(words)
    long = [w for w in words if len(w) >= 3 and not _GLOB_SPECIAL.intersection(w)]
    if long:
        globs = " AND ".join("f.search GLOB ?" for _ in long)
        sql = (
            f"SELECT {_SELECT}, a.search FROM attendee_trigrams f "
            f"JOIN attendees a ON a.rowid = f.rowid WHERE {globs} AND {check_sql} LIMIT ?"
        )
        return db.execute(sql, [*(f"*{w}*" for w in long), *check_args, n]).fetchall()
    phrases = []
    for word in words:
        kept = "".join(ch for ch in word if ch.isalnum())
        if kept:
            phrases.append('"' + kept + '"*')
    if not phrases:
        return _scan(db, words, n)
    sql = (
        f"SELECT {_SELECT}, a.search FROM attendee_words f JOIN attendees a "
        f"ON a.rowid = f.rowid WHERE attendee_words MATCH ? AND {check_sql} LIMIT ?"
    )
    return db.execute(sql, [" AND ".join(phrases), *check_args, n]).fetchall()


def _scan(db: Database, words: list[str], n: int) -> list[tuple[object, ...]]:
    check_sql, check_args = _checks(words)
    sql = f"SELECT {_SELECT}, a.search FROM attendees a WHERE {check_sql} LIMIT ?"
    return db.execute(sql, [*check_args, n]).fetchall()


def _ranked(
    rows: list[tuple[object, ...]], words: list[str], limit: int, indexed: bool = True
) -> SearchResult:
    more = len(rows) > CANDIDATES
    found = [from_row(row[:-1]) for row in rows[:CANDIDATES]]

    def key(a: Attendee) -> tuple[int, str, str]:
        names = fold(f"{a.first_name} {a.last_name} {a.name}").split()
        if all(w in names for w in words):
            score = 0
        elif all(any(n.startswith(w) for n in names) for w in words):
            score = 1
        elif any(w in fold(a.name) for w in words):
            score = 2
        else:
            score = 3
        return score, fold(a.last_name), fold(a.first_name)

    found.sort(key=key)
    return SearchResult(found[:limit], more or len(found) > limit, indexed)
