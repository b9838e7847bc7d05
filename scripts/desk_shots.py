"""Renders the staff desk (not locked, as `kiosk run --mode desk` opens it) at three sizes
and in the three languages into screenshots/desk/ (git-ignored), on a small demo database:
an attendee with a long name and a print history (first print, reprint, replacement), an
unknown code then a search, a walk-in form, a walk-in who is registered already, and a
walk-in registered.

    QT_QPA_PLATFORM=offscreen python scripts/desk_shots.py [--sizes 1280x800] [--only de]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.app import make_application  # noqa: E402
from kiosk.cli.data import make_demo_database  # noqa: E402
from kiosk.domain.attendee import Attendee  # noqa: E402
from kiosk.service.staff_pin import StaffPin  # noqa: E402
from kiosk.store import attendees, events  # noqa: E402
from kiosk.store.db import open_db, write  # noqa: E402
from kiosk.ui.desk import DeskOptions, DeskWindow, build_desk_window, desk_parts  # noqa: E402
from kiosk.ui.i18n import Languages, compile_translations  # noqa: E402

SIZES = [(1280, 800), (1920, 1080), (800, 1280)]
LANGS = ["en", "zh_CN", "de"]
LONG = Attendee(
    "D1", "Hans-Jürgen Maximilian", "Müller-Lüdenscheidt", "Deutsche Telekom AG, Smart Cities",
    "hj.mueller@telekom.example", "delegate", ticket_code="DESK-0001",
)  # fmt: skip


def _settle(window: DeskWindow) -> None:
    while window.printer.busy:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()


def shots(out: Path, sizes: list[tuple[int, int]], langs: list[str]) -> None:
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "desk.db"
    make_demo_database(path, 400)
    db = open_db(path)
    with write(db):
        attendees.save(db, LONG)
    event = events.load_event(db)
    assert event is not None
    service, output, painter = desk_parts(db, path, event, pdf_dir=tmp / "badges")
    StaffPin(db).set_pin("123456")
    app = QCoreApplication.instance()
    languages = Languages(app, compile_translations(cache=tmp / "qm"))  # type: ignore[arg-type]
    window = build_desk_window(
        service, output, painter, DeskOptions(idle_minutes=600), languages=languages
    )
    window.show()
    window.unlock("123456")
    out.mkdir(parents=True, exist_ok=True)

    def grab(lang: str, name: str) -> None:
        for w, h in sizes:
            window.resize(w, h)
            for _ in range(3):  # a resize relays out in more than one pass
                QCoreApplication.processEvents()
            window.grab().save(str(out / f"desk-{lang}-{w}x{h}-{name}.png"))

    search = window.find_page.search
    search.query.setText("Müller-Lüdenscheidt")
    search.run_search()
    search.table.selectRow(0)
    window.do.print_first()
    _settle(window)
    window.find_page.card.reason.setEditText("damaged badge")
    window.do.reprint()
    _settle(window)
    window.confirm = lambda question: True  # type: ignore[method-assign]
    window.find_page.card.reason.setEditText("lost badge")
    window.do.replace()
    _settle(window)
    registered = [a for a in attendees.iter_all(db) if not a.cancelled][5]
    for lang in langs:
        languages.switch(lang)
        window.tabs.setCurrentWidget(window.find_page)
        search.query.setText("hans")
        search.run_search()
        row = next(i for i, a in enumerate(search.found) if a.id == LONG.id)
        search.table.selectRow(row)
        QCoreApplication.processEvents()
        grab(lang, "1-found")
        window.on_code_scanned("NO-SUCH-CODE-42")
        grab(lang, "2-unknown-code")
        search.query.setText("Müller")
        search.run_search()
        search.table.selectRow(0)
        QCoreApplication.processEvents()
        grab(lang, "3-searched-after-unknown")
        window.tabs.setCurrentWidget(window.walk_in)
        window.do.forget_walk_in()
        window.walk_in.clear()
        window.walk_in.fill(
            first_name=registered.first_name, last_name=registered.last_name,
            email=registered.email, company=registered.company,
        )  # fmt: skip
        window.do.register_walk_in()
        grab(lang, "4-walk-in-registered-already")
        window.do.forget_walk_in()
        window.walk_in.clear()
        window.walk_in.fill(
            first_name="Marta", last_name=f"Vidal i Ferrer {lang}", company="Ajuntament",
            email="marta.vidal@bcn.example", position="Head of Smart Mobility",
        )  # fmt: skip
        window.do.register_walk_in()
        _settle(window)
        grab(lang, "5-walk-in-registered")
    window.allow_close()
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", default=[f"{w}x{h}" for w, h in SIZES])
    parser.add_argument("--only", nargs="*", default=LANGS)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "desk")
    args = parser.parse_args()
    make_application()
    sizes = [(int(s.split("x")[0]), int(s.split("x")[1])) for s in args.sizes]
    shots(args.out, sizes, args.only)
    print(f"desk screenshots in {args.out}")


if __name__ == "__main__":
    main()
