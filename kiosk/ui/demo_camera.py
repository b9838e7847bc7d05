"""The demo camera: a generated door scene where real demo attendees show their badges, looping.

Frames come from kiosk.scanning.door (rendered live, ~26 ms each, at 12 fps), so there is
no video to prepare. The codes are real: signed with the demo database's own key, for
attendees not yet inside, mixed with a few that must be refused (a visitor at a congress
hall, a web link, a badge of another event, a badge signed with an unknown key) and one
shown twice (already inside).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.codes import sign_code
from kiosk.domain.event import Event, Session
from kiosk.scanning.door import door_frames
from kiosk.scanning.frames import Frame, FrameSource, Image, SourceUnavailable
from kiosk.store.keyfiles import key_dir_for, signing_key

DEMO_FPS = 12.0


class DemoClock:
    """The event's time as if now were `start`: the demo runs inside a session's window."""

    def __init__(self, start: dt.datetime) -> None:
        self.start = start
        self._t0 = time.monotonic()

    def __call__(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=time.monotonic() - self._t0)


def demo_start(event: Event, hall: str) -> tuple[dt.datetime, Session | None]:
    """Five minutes before the hall's first session starts (admission is open then)."""
    sessions = event.sessions_in(hall)
    if not sessions:
        return dt.datetime.combine(event.days[0], dt.time(10), tzinfo=event.tz), None
    first = sessions[0]
    return max(first.opens, first.start - dt.timedelta(minutes=5)), first


def demo_codes(
    db: Database, db_path: Path, event: Event, hall: str, session: Session | None, count: int = 8
) -> list[str]:
    """Badge codes for the demo video; empty if the database has no signing key beside it."""
    key = signing_key(key_dir_for(db_path), event.id)
    if key is None:
        return []
    allowed = [t.id for t in event.types if t.may_enter(hall) and not t.all_access]
    if session is not None and session.types is not None:
        allowed = [t for t in allowed if t in session.types]
    marks = ",".join("?" for _ in allowed) or "''"
    rows = db.execute(
        f"SELECT id, type, badge_issue FROM attendees a WHERE cancelled = 0 AND type IN ({marks}) "
        "AND NOT EXISTS (SELECT 1 FROM presence p WHERE p.attendee_id = a.id) "
        "ORDER BY rowid LIMIT ?",
        [*allowed, count],
    ).fetchall()
    good = [sign_code(key, event.id, aid, kind, issue) for aid, kind, issue in rows]
    refused = [t.id for t in event.types if not t.may_enter(hall)]
    denied: list[str] = []
    if refused:
        row = db.execute(
            "SELECT id, type, badge_issue FROM attendees WHERE type = ? AND cancelled = 0 LIMIT 1",
            [refused[0]],
        ).fetchone()
        if row:
            denied.append(sign_code(key, event.id, row[0], row[1], row[2]))
    stranger = Ed25519PrivateKey.generate()
    denied += [
        "https://sces.example/agenda",
        sign_code(stranger, "another-expo-2026", "X0000001", "visitor", 1),
        sign_code(stranger, event.id, "A9999999", "delegate", 1),
    ]
    codes: list[str] = []
    for i, code in enumerate(good):
        codes.append(code)
        if i % 2 == 1 and denied:
            codes.append(denied.pop(0))
    codes += denied
    if good:
        codes.append(good[0])  # shown again: already inside
    return codes


class DemoCameraSource(FrameSource):
    """A live FrameSource playing the generated door scene in real time, over and over."""

    live = True
    reconnects = False

    def __init__(
        self,
        codes: list[str],
        fps: float = DEMO_FPS,
        seconds_per_badge: float = 3.0,
        paced: bool = True,
    ) -> None:
        if not codes:
            raise SourceUnavailable("no demo badges: the database has no signing key beside it")
        self.name = "demo camera"
        self.codes = codes
        self.fps = fps
        self.seconds_per_badge = seconds_per_badge
        self.paced = paced  # False: as fast as frames render (tests)
        self._frames: Iterator[tuple[Image, str | None]] | None = None
        self._index = 0
        self._t0 = 0.0
        self._closed = threading.Event()

    def open(self) -> None:
        self._frames = None
        self._index = 0
        self._t0 = time.monotonic()
        self._closed.clear()

    def read(self) -> Frame | None:
        if self._frames is None:
            self._frames = door_frames(
                self.codes, self.fps, self.seconds_per_badge, lead_in_s=1.0, seed=self._index
            )
        try:
            image, _code = next(self._frames)
        except StopIteration:
            self._frames = None
            return self.read()
        if self.paced:
            due = self._t0 + self._index / self.fps
            self._closed.wait(max(0.0, due - time.monotonic()))
        self._index += 1
        return Frame(image, time.monotonic(), self._index / self.fps, self._index)

    def close(self) -> None:
        self._closed.set()
