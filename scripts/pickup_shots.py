"""Renders the self-service pickup screens (welcome, identify with and without a camera,
the name page with its on-screen keyboard, preview, name correction and a refused one,
"take your badge", a printer failure, a wrong booking code and the "please ask staff"
lock-out after a run of them) at three sizes and in the three languages into
screenshots/pickup/ (git-ignored), on a small demo database.

    QT_QPA_PLATFORM=offscreen python scripts/pickup_shots.py [--sizes 1280x800]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.app import make_application  # noqa: E402
from kiosk.cli.data import make_demo_database  # noqa: E402
from kiosk.domain.attendee import Attendee  # noqa: E402
from kiosk.domain.names import has_han, pinyin  # noqa: E402
from kiosk.store import attendees, events, pickup_guard  # noqa: E402
from kiosk.store.db import open_db  # noqa: E402
from kiosk.ui.pickup import (  # noqa: E402
    PickupOptions,
    PickupWindow,
    build_pickup_window,
    pickup_parts,
)

SIZES = [(1280, 800), (1920, 1080), (800, 1280)]
LANGS = {"en": "Ferrer", "zh_CN": "王", "de": "Müller"}  # whose name each language types


class _Jammed:
    """A printer that is out of paper, for the 'please ask staff' screen."""

    name = "jammed"

    def print_badge(self, attendee: Attendee, code: str | None) -> str | None:
        return "printer_missing"


def _person(db: object, surname: str) -> Attendee:
    found = [a for a in attendees.iter_all(db) if a.last_name == surname and not a.cancelled]  # type: ignore[arg-type]
    if found:
        return found[0]
    return next(a for a in attendees.iter_all(db) if not a.cancelled)  # type: ignore[arg-type]


def _settle(window: PickupWindow) -> None:
    while window.printer.busy:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()


def shots(out: Path, sizes: list[tuple[int, int]]) -> None:
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "pickup.db"
    make_demo_database(path, 400)
    db = open_db(path)
    event = events.load_event(db)
    assert event is not None
    service, output, painter = pickup_parts(db, path, event, pdf_dir=tmp / "badges")
    window = build_pickup_window(service, output, painter, PickupOptions(locked=False))
    window.show()
    out.mkdir(parents=True, exist_ok=True)

    def grab(lang: str, name: str) -> None:
        for w, h in sizes:
            window.resize(w, h)
            QCoreApplication.processEvents()
            window.grab().save(str(out / f"pickup-{lang}-{w}x{h}-{name}.png"))

    for lang, surname in LANGS.items():
        person = _person(db, surname)
        window.reset()
        grab(lang, "1-welcome")
        window.start(lang)
        grab(lang, "2-identify")
        window.set_camera(False)
        grab(lang, "2b-identify-no-camera")
        window.set_camera(True)
        window.show_page("name")
        typed = pinyin(person.last_name) if has_han(person.last_name) else person.last_name
        keyboard = window.name_page.keyboard
        keyboard.set_target(window.name_page.surname)
        keyboard.type_text(typed)
        keyboard.set_target(window.name_page.secret)
        keyboard.type_text("zz9zz9")  # a wrong booking code: the refusal names nobody
        window.find_by_name()
        grab(lang, "3a-name-no-match")
        window.name_page.secret.clear()
        keyboard.type_text((person.ticket_code or "")[:6].lower())
        grab(lang, "3-name")
        window.find_by_name()
        grab(lang, "4-preview")
        window.start_correction()
        window.correct.keyboard.set_target(window.correct.last)
        window.correct.keyboard.type_text("-Lüdenscheidt")
        grab(lang, "4b-correct")
        window.correct.first.setText("Donald")
        window.correct.last.setText("Duck")
        window.save_correction()
        grab(lang, "4c-correct-refused")
        window.show_page("preview")
        window.print_badge()
        _settle(window)
        grab(lang, "5-done")
    good = window.output
    for lang in LANGS:
        window.output = window.printer.output = _Jammed()
        window.reset()
        window.start(lang)
        window.on_code_scanned(service.badge_code(_person(db, "Costa")) or "")
        window.print_badge()
        _settle(window)
        grab(lang, "6-printer-failed")
    window.output = window.printer.output = good
    for lang in LANGS:  # a run of wrong codes: "please ask staff" until the PIN clears it
        window.reset()
        window.start(lang)
        window.show_page("name")
        while window.current_page() == "name":
            window.name_page.surname.setText("Wang")
            window.name_page.secret.setText("zz9zz9")
            window.find_by_name()
        grab(lang, "7-locked")
        pickup_guard.clear(db, service.kiosk_id, datetime.now(UTC))  # as staff's PIN does
    window.allow_close()
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", default=[f"{w}x{h}" for w, h in SIZES])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "pickup")
    args = parser.parse_args()
    make_application()
    sizes = [(int(s.split("x")[0]), int(s.split("x")[1])) for s in args.sizes]
    shots(args.out, sizes)
    print(f"pickup screenshots in {args.out}")


if __name__ == "__main__":
    main()
