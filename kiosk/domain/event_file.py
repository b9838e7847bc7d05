"""Reading an event file (TOML) into an Event, refusing bad ones with file, line and field."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.domain.cards import clean_note
from kiosk.domain.event import AttendeeType, Event, Hall, Registration, Session
from kiosk.domain.event_reader import EventFileError as EventFileError
from kiosk.domain.event_reader import Loc, Reader, find_line, show

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
T = TypeVar("T")

# Bounds on what scans can handle (issue 10): beyond them date arithmetic overflows or a
# number means a typo. Event text also arrives from sync hubs, so nothing is unbounded.
MAX_SOURCE_CHARS = 4_000_000  # SCES, 29 sessions, is 8 kB
MAX_CAPACITY = 1_000_000
MAX_REPEAT_SCAN_SECONDS = 7 * 24 * 3600
MAX_MINUTES = 24 * 60
MAX_SESSION_DAYS = 31
FIRST_YEAR, LAST_YEAR = 1970, 2200


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a non-empty string")
    return value.strip()


def _note(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {show.repr(value)}")
    return clean_note(value)


_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def _names(value: Any) -> tuple[tuple[str, str], ...]:
    """names = { zh_CN = "大礼堂", de = "Großer Saal" }: a language tag to a text."""
    if not isinstance(value, dict):
        raise ValueError('expected a table of languages, e.g. { zh_CN = "…", de = "…" }')
    pairs = []
    for tag, text in value.items():
        if not _LANGUAGE.match(tag):
            raise ValueError(f"{show.repr(tag)} is not a language tag like de or zh_CN")
        pairs.append((tag, _text(text)))
    return tuple(pairs)


def _ident(value: Any) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(
            f"{show.repr(value)} is not an id (lower-case letters, digits, '-' or '_', at most 32)"
        )
    return value


def _whole_number(low: int, high: int, unit: str = "") -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(
                f"expected a whole number{unit} from {low:,} to {high:,}, got {show.repr(value)}"
            )
        return value

    return convert


_capacity = _whole_number(1, MAX_CAPACITY)
_repeat_seconds = _whole_number(1, MAX_REPEAT_SCAN_SECONDS, " of seconds")


def _minutes(value: Any) -> dt.timedelta:
    return dt.timedelta(minutes=_whole_number(0, MAX_MINUTES, " of minutes")(value))


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {show.repr(value)}")
    return value


def _color(value: Any) -> str:
    if not isinstance(value, str) or not _COLOR.match(value):
        raise ValueError(f"expected a colour like '#1565c0', got {show.repr(value)}")
    return value.lower()


def _id_list(value: Any) -> frozenset[str] | None:
    if value == "*" or value == ["*"]:
        return None
    if not isinstance(value, list):
        raise ValueError('expected a list of ids or "*"')
    return frozenset(_ident(v) for v in value)


def _list_of(convert: Callable[[Any], T]) -> Callable[[Any], tuple[T, ...]]:
    def converted(value: Any) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise ValueError(f"expected a list, got {show.repr(value)}")
        return tuple(convert(v) for v in value)

    return converted


def _in_years(when: T) -> T:
    year = when.year  # type: ignore[attr-defined]
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {year}")
    return when


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return _in_years(value)
    if isinstance(value, str):
        return _in_years(dt.date.fromisoformat(value))
    raise ValueError(f"expected a date like 2026-10-14, got {show.repr(value)}")


def _time_in(tz: ZoneInfo) -> Callable[[Any], dt.datetime]:
    def convert(value: Any) -> dt.datetime:
        if isinstance(value, str):
            if "T" not in value and " " not in value.strip():
                raise ValueError(
                    f"needs a date and a time of day, e.g. 2026-10-14T09:30: {show.repr(value)}"
                )
            try:
                value = dt.datetime.fromisoformat(value)
            except ValueError:
                raise ValueError(f"not an ISO-8601 time: {show.repr(value)}") from None
        if not isinstance(value, dt.datetime):
            raise ValueError(f"expected a time like 2026-10-14T09:30, got {show.repr(value)}")
        return _in_years(value if value.tzinfo else value.replace(tzinfo=tz))

    return convert


Window = tuple[dt.timedelta, dt.timedelta, bool]  # opens before, closes after, until end


def _checkin_window(
    r: Reader,
    s: dict[str, Any],
    i: int,
    span: tuple[dt.datetime, dt.datetime],
    when: Callable[[Any], dt.datetime],
    default: Window,
) -> tuple[dt.timedelta, dt.timedelta]:
    """A session's check-in start and end (GB 50799 12.2.5), as time before and after its
    start: set in minutes (opens_before_minutes, closes_after_minutes, admit_until_end,
    defaults from [admission]) or as local times (checkin_opens, checkin_closes). Two keys
    for one end, or a window that does not hold the start, is refused, not guessed."""
    start, end = span

    def loc(key: str) -> Loc:
        return Loc("sessions", i, key)

    def conflict(key: str, *others: str) -> None:
        for other in others:
            if key in s and other in s:
                raise r.fail(loc(key), f"give either {key} or {other}, not both")

    conflict("checkin_opens", "opens_before_minutes")
    conflict("checkin_closes", "closes_after_minutes", "admit_until_end")
    conflict("closes_after_minutes", "admit_until_end")
    opens = r.get(s, loc("opens_before_minutes"), _minutes, default=default[0])
    if "checkin_opens" in s:
        opens = start - r.get(s, loc("checkin_opens"), when)
    closes = r.get(s, loc("closes_after_minutes"), _minutes, default=default[1])
    until_end = default[2] and "closes_after_minutes" not in s
    if r.get(s, loc("admit_until_end"), _bool, default=until_end, required=False):
        closes = end - start
    if "checkin_closes" in s:
        closes = r.get(s, loc("checkin_closes"), when) - start
    limit = dt.timedelta(minutes=MAX_MINUTES)
    hhmm = start.strftime("%H:%M")
    if not dt.timedelta(0) <= opens <= limit:
        why = (
            "after the session's start"
            if opens < dt.timedelta(0)
            else "more than a day before the session's start"
        )
        raise r.fail(loc("checkin_opens"), f"check-in opens {why} ({hhmm})")
    if not dt.timedelta(0) <= closes <= max(limit, end - start):
        why = (
            "before the session's start"
            if closes < dt.timedelta(0)
            else "more than a day after the session's start"
        )
        raise r.fail(loc("checkin_closes"), f"check-in closes {why} ({hhmm})")
    return opens, closes


def parse_event(source: str, path: str = "<event>") -> Event:
    """Parse and check an event document; raise EventFileError on the first fault.

    Nothing else ever comes out, whatever the text: event files also arrive from sync
    hubs, written by anyone with access to them."""
    if not isinstance(source, str):
        raise EventFileError(path, None, "", f"expected TOML text, got {type(source).__name__}")
    if len(source) > MAX_SOURCE_CHARS:
        raise EventFileError(
            path,
            None,
            "",
            f"too large for an event file ({len(source):,} characters, "
            f"at most {MAX_SOURCE_CHARS:,})",
        )
    try:
        doc = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise EventFileError(
            path, int(match.group(1)) if match else None, "", f"not valid TOML ({exc})"
        ) from None
    except RecursionError:
        raise EventFileError(path, None, "", "not an event file: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer beyond Python's 4300-digit limit
        raise EventFileError(path, None, "", f"not valid TOML ({exc})") from None
    try:
        return _parse_document(doc, source, path)
    except RecursionError:  # a value nested too deeply to even describe
        raise EventFileError(path, None, "", "not an event file: nested too deeply") from None


def _parse_document(doc: dict[str, Any], source: str, path: str) -> Event:
    r = Reader(path, source)
    head = doc.get("event")
    if head is not None and not isinstance(head, dict):
        raise EventFileError(
            path, find_line(source, Loc("event")), "event", "expected an [event] table"
        )
    if not isinstance(head, dict):
        raise EventFileError(path, None, "event", "missing [event] table")
    r.only_known_keys(head, Loc("event"))
    event_id = r.get(head, Loc("event", None, "id"), _ident)
    name = r.get(head, Loc("event", None, "name"), _text)
    tz_name = r.get(head, Loc("event", None, "timezone"), _text)
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a directory
        raise r.fail(
            Loc("event", None, "timezone"), f"unknown time zone {show.repr(tz_name)}"
        ) from None
    days = r.get(head, Loc("event", None, "days"), _list_of(_date))
    if not days:
        raise r.fail(Loc("event", None, "days"), "at least one day is needed")
    languages: tuple[str, ...] = r.get(
        head,
        Loc("event", None, "languages"),
        _list_of(_text),
        default=("en",),
    )
    motto = r.get(head, Loc("event", None, "motto"), _text, default="", required=False)

    adm = r.table(doc, "admission")
    r.only_known_keys(adm, Loc("admission"))
    opens_default = r.get(
        adm,
        Loc("admission", None, "opens_before_minutes"),
        _minutes,
        default=dt.timedelta(minutes=30),
    )
    closes_default = r.get(
        adm,
        Loc("admission", None, "closes_after_minutes"),
        _minutes,
        default=dt.timedelta(minutes=15),
    )
    until_end_default = r.get(
        adm, Loc("admission", None, "admit_until_end"), _bool, default=False, required=False
    )
    window_default = (opens_default, closes_default, until_end_default)
    reentry_default = r.get(
        adm, Loc("admission", None, "reentry"), _bool, default=True, required=False
    )
    repeat_seconds = r.get(
        adm, Loc("admission", None, "repeat_scan_seconds"), _repeat_seconds, default=5
    )

    tracks: dict[str, str] = {}
    track_names: dict[str, tuple[tuple[str, str], ...]] = {}
    for i, t in enumerate(r.tables(doc, "tracks")):
        r.only_known_keys(t, Loc("tracks", i))
        tid = r.get(t, Loc("tracks", i, "id"), _ident)
        if tid in tracks:
            raise r.fail(Loc("tracks", i, "id"), f"duplicate track id {tid!r}")
        tracks[tid] = r.get(t, Loc("tracks", i, "name"), _text)
        track_names[tid] = r.get(t, Loc("tracks", i, "names"), _names, default=())

    halls: list[Hall] = []
    for i, h in enumerate(r.tables(doc, "halls")):
        r.only_known_keys(h, Loc("halls", i))
        hid = r.get(h, Loc("halls", i, "id"), _ident)
        if any(x.id == hid for x in halls):
            raise r.fail(Loc("halls", i, "id"), f"duplicate hall id {hid!r}")
        halls.append(
            Hall(
                hid,
                r.get(h, Loc("halls", i, "name"), _text),
                r.get(h, Loc("halls", i, "capacity"), _capacity),
                r.get(h, Loc("halls", i, "names"), _names, default=()),
            )
        )
    if not halls:
        raise EventFileError(path, None, "halls", "at least one [[halls]] is needed")
    hall_ids = {h.id for h in halls}

    types: list[AttendeeType] = []
    for i, t in enumerate(r.tables(doc, "types")):
        r.only_known_keys(t, Loc("types", i))
        tid = r.get(t, Loc("types", i, "id"), _ident)
        if any(x.id == tid for x in types):
            raise r.fail(Loc("types", i, "id"), f"duplicate type id {tid!r}")
        allowed = r.get(t, Loc("types", i, "halls"), _id_list, required=False)
        for hid in allowed or ():
            if hid not in hall_ids:
                raise r.fail(Loc("types", i, "halls"), f"unknown hall {hid!r}")
        types.append(
            AttendeeType(
                tid,
                r.get(t, Loc("types", i, "name"), _text),
                r.get(t, Loc("types", i, "color"), _color),
                allowed,
                r.get(t, Loc("types", i, "all_access"), _bool, default=False, required=False),
                r.get(t, Loc("types", i, "names"), _names, default=()),
                r.get(t, Loc("types", i, "note"), _note, default=""),
            )
        )
    if not types:
        raise EventFileError(path, None, "types", "at least one [[types]] is needed")
    type_ids = {t.id for t in types}

    sessions: list[Session] = []
    when = _time_in(tz)
    session_ids: set[str] = set()
    for i, s in enumerate(r.tables(doc, "sessions")):
        r.only_known_keys(s, Loc("sessions", i))
        sid = r.get(s, Loc("sessions", i, "id"), _ident)
        if sid in session_ids:
            raise r.fail(Loc("sessions", i, "id"), f"duplicate session id {sid!r}")
        hall_id = r.get(s, Loc("sessions", i, "hall"), _ident)
        if hall_id not in hall_ids:
            raise r.fail(Loc("sessions", i, "hall"), f"unknown hall {hall_id!r}")
        start = r.get(s, Loc("sessions", i, "start"), when)
        end = r.get(s, Loc("sessions", i, "end"), when)
        if end <= start:
            raise r.fail(Loc("sessions", i, "end"), "the session ends before it starts")
        if end - start > dt.timedelta(days=MAX_SESSION_DAYS):
            raise r.fail(
                Loc("sessions", i, "end"), f"a session lasts at most {MAX_SESSION_DAYS} days"
            )
        if start.astimezone(tz).date() not in days:
            raise r.fail(Loc("sessions", i, "start"), "not on one of the event's days")
        track = r.get(s, Loc("sessions", i, "track"), _ident, required=False)
        if track is not None and tracks and track not in tracks:
            raise r.fail(Loc("sessions", i, "track"), f"unknown track {track!r}")
        allowed = r.get(s, Loc("sessions", i, "types"), _id_list, required=False)
        for tid in allowed or ():
            if tid not in type_ids:
                raise r.fail(Loc("sessions", i, "types"), f"unknown type {tid!r}")
        opens, closes = _checkin_window(r, s, i, (start, end), when, window_default)
        hall = next(h for h in halls if h.id == hall_id)
        sessions.append(
            Session(
                id=sid,
                hall=hall_id,
                title=r.get(s, Loc("sessions", i, "title"), _text),
                track=track,
                start=start,
                end=end,
                opens_before=opens,
                closes_after=closes,
                registration=r.get(
                    s, Loc("sessions", i, "registration"), Registration, default=Registration.OPEN
                ),
                reentry=r.get(
                    s,
                    Loc("sessions", i, "reentry"),
                    _bool,
                    default=reentry_default,
                    required=False,
                ),
                capacity=r.get(s, Loc("sessions", i, "capacity"), _capacity, default=hall.capacity),
                types=allowed,
                titles=r.get(s, Loc("sessions", i, "titles"), _names, default=()),
            )
        )
        session_ids.add(sid)
    r.only_known_tables(doc)
    return Event(
        id=event_id,
        name=name,
        timezone=tz_name,
        days=days,
        halls=tuple(halls),
        types=tuple(types),
        sessions=tuple(sessions),
        tracks=tracks,
        track_names=track_names,
        languages=languages,
        motto=motto,
        repeat_scan_seconds=float(repeat_seconds),
    )


def load_event(path: Path) -> tuple[Event, str]:
    """Read an event file; returns the event and its source text (kept in the store)."""
    try:
        source = path.read_text(encoding="utf-8-sig")  # Windows editors add a BOM
    except (OSError, UnicodeDecodeError) as exc:
        raise EventFileError(str(path), None, "", f"cannot read: {exc}") from None
    return parse_event(source, str(path)), source
