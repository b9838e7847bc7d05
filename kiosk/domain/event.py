"""The event as data: halls, sessions, attendee types and their access rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from zoneinfo import ZoneInfo

# Names in other languages from the event file: ((language, text), ...), e.g.
# (("zh_CN", "大礼堂"), ("de", "Großer Saal")). A tuple, so that halls and types stay hashable.
Names = tuple[tuple[str, str], ...]


def in_language(default: str, names: Names, language: str) -> str:
    """The text for `language` ("zh_CN", "de_DE", "de"): its exact tag, else its language
    alone (de_DE finds "de", zh finds "zh_CN"), else `default` (the file's `name`)."""
    if not names:
        return default
    table = dict(names)
    base = language.split("_")[0]
    found = table.get(language) or table.get(base)
    if found:
        return found
    return next((text for tag, text in names if tag.split("_")[0] == base), default)


class Registration(Enum):
    """What a session asks of an attendee beyond an admissible type."""

    OPEN = "open"  # any admissible type may enter
    REQUIRED = "required"  # a per-session registration is needed
    INVITATION = "invitation"  # only invited attendees


@dataclass(frozen=True)
class Hall:
    id: str
    name: str
    capacity: int
    names: Names = ()

    def name_in(self, language: str) -> str:
        return in_language(self.name, self.names, language)


@dataclass(frozen=True)
class AttendeeType:
    id: str
    name: str
    color: str  # "#rrggbb", the badge band and the door screen's type chip
    halls: frozenset[str] | None  # None: every hall
    all_access: bool = False  # staff: no registration, invitation or type checks
    names: Names = ()
    note: str = ""  # attention note for door staff about everyone of this type

    def name_in(self, language: str) -> str:
        return in_language(self.name, self.names, language)

    def may_enter(self, hall_id: str) -> bool:
        return self.all_access or self.halls is None or hall_id in self.halls


@dataclass(frozen=True)
class Session:
    id: str
    hall: str
    title: str
    track: str | None
    start: dt.datetime  # aware
    end: dt.datetime  # aware
    opens_before: dt.timedelta
    closes_after: dt.timedelta
    registration: Registration
    reentry: bool
    capacity: int
    types: frozenset[str] | None  # None: every type the hall admits
    titles: Names = ()

    def title_in(self, language: str) -> str:
        return in_language(self.title, self.titles, language)

    @property
    def opens(self) -> dt.datetime:
        return self.start - self.opens_before

    @property
    def closes(self) -> dt.datetime:
        return self.start + self.closes_after

    def admits_at(self, when: dt.datetime) -> bool:
        """Whether an entry at `when` lies in the admission window."""
        return self.opens <= when <= self.closes

    def runs_at(self, when: dt.datetime) -> bool:
        """Whether `when` lies between admission opening and the session's end."""
        return self.opens <= when <= max(self.end, self.closes)


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    timezone: str
    days: tuple[dt.date, ...]
    halls: tuple[Hall, ...]
    types: tuple[AttendeeType, ...]
    sessions: tuple[Session, ...]
    tracks: dict[str, str] = field(default_factory=dict)
    track_names: dict[str, Names] = field(default_factory=dict)
    languages: tuple[str, ...] = ("en",)
    motto: str = ""
    repeat_scan_seconds: float = 5.0

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def hall(self, hall_id: str) -> Hall | None:
        return next((h for h in self.halls if h.id == hall_id), None)

    def type(self, type_id: str) -> AttendeeType | None:
        return next((t for t in self.types if t.id == type_id), None)

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    def sessions_in(self, hall_id: str) -> list[Session]:
        return sorted((s for s in self.sessions if s.hall == hall_id), key=lambda s: s.start)

    def session_for_entry(self, hall_id: str, when: dt.datetime) -> Session | None:
        """The session whose admission window holds `when` (the latest-starting on overlap)."""
        open_now = [s for s in self.sessions_in(hall_id) if s.admits_at(when)]
        return open_now[-1] if open_now else None

    def session_for_exit(self, hall_id: str, when: dt.datetime) -> Session | None:
        """The session people leave at `when`: one running, else the last one started today."""
        running = [s for s in self.sessions_in(hall_id) if s.runs_at(when)]
        if running:
            return running[-1]
        today = when.astimezone(self.tz).date()
        started = [
            s
            for s in self.sessions_in(hall_id)
            if s.opens <= when and s.start.astimezone(self.tz).date() == today
        ]
        return started[-1] if started else None

    def next_session(self, hall_id: str, when: dt.datetime) -> Session | None:
        return next((s for s in self.sessions_in(hall_id) if s.opens > when), None)

    def track_name(self, track_id: str, language: str) -> str:
        return in_language(
            self.tracks.get(track_id, track_id), self.track_names.get(track_id, ()), language
        )

    def day_of(self, when: dt.datetime) -> dt.date:
        return when.astimezone(self.tz).date()
