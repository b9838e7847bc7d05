"""Renders the board's session counts, seat map, roll call and the chair's view on demo data
(SCES, 3,000 attendees, a day of admissions), at 1920x1080, 1280x800 and 800x1280, in
English, Chinese and German, into screenshots/board/ (git-ignored), and docs/board-seats.png
and docs/chair.png for the README.

    QT_QPA_PLATFORM=offscreen python scripts/board_shots.py [--only en] [--sizes 1920x1080]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from kiosk.app import make_application  # noqa: E402
from kiosk.cli.data import make_demo_database  # noqa: E402
from kiosk.domain.event import Event  # noqa: E402
from kiosk.store import events  # noqa: E402
from kiosk.store.db import open_db, write  # noqa: E402
from kiosk.store.demo_day import fill_sessions, seat_session  # noqa: E402
from kiosk.ui.board import BoardWindow  # noqa: E402
from kiosk.ui.board_chair import ChairWindow  # noqa: E402
from kiosk.ui.board_pages import ROLL_CALL, SEATS, SESSIONS  # noqa: E402
from kiosk.ui.i18n import Languages, compile_translations  # noqa: E402
from kiosk.ui.paths import load_fonts  # noqa: E402

SIZES = [(1920, 1080), (1280, 800), (800, 1280)]
LANGS = ["en", "zh_CN", "de"]
CST = dt.timezone(dt.timedelta(hours=8))
MORNING = dt.datetime(2026, 10, 14, 11, 20, tzinfo=CST)  # workshops and talks running
EVENING = dt.datetime(2026, 10, 14, 17, 55, tzinfo=CST)  # the Bridge launch, seated


def demo(folder: Path, name: str, until: dt.datetime, seated: str) -> tuple[Database, Event]:
    """The demo on `until`'s day, admissions until then, seats for the `seated` session's
    list (one session only: an attendee has one seat label)."""
    path = folder / f"{name}.db"
    make_demo_database(path, 3000)
    db = open_db(path)
    event = events.load_event(db)
    assert event is not None
    session = event.session(seated)
    assert session is not None
    today = [s for s in event.sessions if s.start.date() == until.date()]
    with write(db):
        seat_session(db, session, per_row=25 if session.capacity > 100 else 8, odd_every=97)
        fill_sessions(db, event, today, until, share=0.85, leave=0.08)
    return db, event


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=LANGS)
    parser.add_argument("--sizes", nargs="*", default=[f"{w}x{h}" for w, h in SIZES])
    args = parser.parse_args()
    sizes = [tuple(int(x) for x in s.split("x")) for s in args.sizes]
    out = ROOT / "screenshots" / "board"
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    load_fonts()
    languages = Languages(app, compile_translations())
    with tempfile.TemporaryDirectory() as tmp:
        morning = demo(Path(tmp), "morning", MORNING, "d1-ws-city-dashboard")
        evening = demo(Path(tmp), "evening", EVENING, "bcn-sha-bridge")
        for lang in args.only:
            languages.switch(lang)
            for w, h in sizes:
                for label, (db, event), at, page in (
                    ("sessions", morning, MORNING, SESSIONS),
                    ("seats-workshop", morning, MORNING, SEATS),
                    ("seats", evening, EVENING, SEATS),
                    ("rollcall", evening, EVENING, ROLL_CALL),
                ):
                    board = BoardWindow(db, event, lambda at=at: at, languages, refresh_ms=600_000)
                    board.resize(w, h)
                    board.show()
                    if page == ROLL_CALL:
                        board.pages.rollcall.open_view(board.scale)
                    board.pages.show_page(page)
                    app.processEvents()
                    board.grab().save(str(out / f"{label}-{lang}-{w}x{h}.png"))
                    if lang == "en" and (w, h) == (1920, 1080) and label == "seats":
                        board.grab().save(str(ROOT / "docs" / "board-seats.png"))
                    board.pages.rollcall.close_view()
                    board.close()
                db, event = evening
                session = event.session("bcn-sha-bridge")
                chair = ChairWindow(
                    db, event, session, lambda: EVENING, languages, refresh_ms=600_000
                )
                chair.resize(w, h)
                chair.show()
                app.processEvents()
                chair.grab().save(str(out / f"chair-{lang}-{w}x{h}.png"))
                if lang == "en" and (w, h) == (1920, 1080):
                    chair.grab().save(str(ROOT / "docs" / "chair.png"))
                chair.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
