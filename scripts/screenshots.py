"""Renders the door screen for each verdict and the venue board, at three sizes and in three
languages, into screenshots/ (git-ignored), and docs/door.png for the README. The door is
also shown synced (online) and offline with check-ins waiting and a decision taken
offline; the board with a hub and two conflicts; the staff desk (English) with an
attendee and their print history, a walk-in form filled in, and a walk-in registered.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--only en] [--sizes 1280x800]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QColor, QPainter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk import resources  # noqa: E402
from kiosk.app import build_door, make_application  # noqa: E402
from kiosk.demodata import generate_attendees  # noqa: E402
from kiosk.domain.attendee import Attendee  # noqa: E402
from kiosk.domain.codes import sign_code  # noqa: E402
from kiosk.domain.decision import Decision, Direction, Verdict  # noqa: E402
from kiosk.domain.event_file import load_event  # noqa: E402
from kiosk.printing.output import PdfOutput  # noqa: E402
from kiosk.printing.painter import BadgePainter  # noqa: E402
from kiosk.printing.template import load_template  # noqa: E402
from kiosk.service.checkin import CheckInService  # noqa: E402
from kiosk.service.desk import StaffDesk  # noqa: E402
from kiosk.store import attendees, checkins, events  # noqa: E402
from kiosk.store.checkins import LogRecord  # noqa: E402
from kiosk.store.db import open_db, write  # noqa: E402
from kiosk.sync.runner import SyncStatus  # noqa: E402
from kiosk.ui.board import BoardWindow  # noqa: E402
from kiosk.ui.desk import DeskOptions, build_desk_window  # noqa: E402
from kiosk.ui.dialogs import ConfirmDialog  # noqa: E402
from kiosk.ui.door import DoorOptions  # noqa: E402
from kiosk.ui.i18n import Languages, compile_translations  # noqa: E402
from kiosk.ui.pin_dialog import PinDialog  # noqa: E402
from kiosk.ui.search_dialog import SearchDialog  # noqa: E402
from kiosk.ui.sounds import Sounds  # noqa: E402
from kiosk.ui.staff_dialog import HallChooser, StaffDialog  # noqa: E402

SIZES = [(1280, 800), (1920, 1080), (800, 1280)]
LANGS = ["en", "zh_CN", "de"]
HALL = "auditorium"
PEOPLE = [
    Attendee("S1", "伟", "张", "华为技术有限公司", "zhang.wei@huawei.example", "delegate"),
    Attendee("S2", "Núria", "Puig i Solé", "Fira de Barcelona", "nuria@fira.example", "speaker"),
    Attendee("S3", "Jürgen", "Groß", "INTEX Shanghai", "juergen@intex.example", "press"),
    Attendee(
        "S4",
        "Maximilian Alexander",
        "von Hohenzollern-Sigmaringen",
        "T-Systems International GmbH, Smart City Solutions",
        "max@t-systems.example",
        "vip",
    ),
    Attendee("S5", "娜", "李", "中国移动通信集团有限公司", "li.na@chinamobile.example", "visitor"),
    Attendee("S6", "Ana", "Ferrer", "Ajuntament de Barcelona", "ana@bcn.example", "delegate"),
    Attendee("S7", "Wei", "Chen", "Cloudwalk Technology", "chen@cloudwalk.example", "exhibitor"),
]


def build_database(path: Path) -> tuple[object, object, Ed25519PrivateKey]:
    event, source = load_event(resources.demo_event())
    db = open_db(path)
    key = Ed25519PrivateKey.generate()
    with write(db):
        events.save_event(db, event, source)
        events.add_public_key(db, event.id, key.public_key())
        attendees.insert_many(
            db,
            [
                Attendee(r.id, r.first_name, r.last_name, r.company, r.email, r.type)
                for r in generate_attendees(event, 3000)
            ],
        )
        for person in PEOPLE:
            attendees.save(db, person)
        attendees.save(
            db, Attendee("S8", "Tom", "Gone", "X", "t@x.example", "delegate", cancelled=True)
        )
    return db, event, key


def fill_log(db: object, event: object, key: Ed25519PrivateKey, day_start: dt.datetime) -> None:
    """Scans spread over the morning in every hall, so that the board has something to show."""
    service = CheckInService(db, event)  # type: ignore[arg-type]
    rnd = random.Random(7)
    rows = db.execute("SELECT id, type FROM attendees WHERE id LIKE 'A%' LIMIT 2500").fetchall()  # type: ignore[attr-defined]
    for aid, kind in rows:
        hall = "expo" if kind == "visitor" else rnd.choice([h.id for h in event.halls])  # type: ignore[attr-defined]
        sessions = event.sessions_in(hall)  # type: ignore[attr-defined]
        morning = [s for s in sessions if s.start.date() == day_start.date()][:2]
        if not morning:
            continue
        s = rnd.choice(morning)
        at = s.opens + dt.timedelta(minutes=rnd.triangular(0, 45, 25))
        service.scan(sign_code(key, event.id, aid, kind, 1), hall, Direction.ENTRY, at)  # type: ignore[attr-defined]


def add_conflicts(db: object, event: object, day_start: dt.datetime) -> None:
    """Two badges admitted at two doors each while those doors were offline."""
    session = event.sessions_in(HALL)[0]  # type: ignore[attr-defined]
    with write(db):  # type: ignore[arg-type]
        for n, person in enumerate(("S5", "S6")):
            for door in ("k-7f3a21c9d0", "k-b81e44a2f5"):
                at = session.opens + dt.timedelta(minutes=12 + n * 7 + (door < "k-8"))
                record = LogRecord(
                    id=f"{door}-{person}", kiosk_id=door, hall=HALL, session_id=session.id,
                    direction="entry", verdict="admitted", reason="admitted",
                    attendee_id=person, code=f"code-{person}",
                    at=at.astimezone(dt.UTC).isoformat(timespec="microseconds"), delta=1,
                )  # fmt: skip
                checkins.append(db, record)  # type: ignore[arg-type]


def sync_states(now: dt.datetime) -> dict[str, SyncStatus]:
    """The door's header with a hub: online, and offline with check-ins waiting."""
    hub = "postgresql://kiosk@hub.venue.lan/sces"
    minutes = dt.timedelta(minutes=1)
    return {
        "17-sync-online": SyncStatus(hub, True, None, 0, now - minutes, None),
        "18-sync-offline": SyncStatus(
            hub, False, now - 14 * minutes, 12, now - 15 * minutes, "hub.venue.lan: timeout"
        ),
    }


# The header's occupancy in these cases: nearly full (90 %) and full.
OCCUPANCY = {"15-session-full": (600, 600), "19-near-full": (545, 600)}


def door_cases(door, key, event) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    svc = door.service
    now = door.window.clock()
    code = lambda aid, kind: sign_code(key, event.id, aid, kind, 1)  # noqa: E731
    stranger = Ed25519PrivateKey.generate()
    cases: list[tuple[str, object]] = [("00-idle", None)]
    cases.append(("01-admitted", svc.scan(code("S1", "delegate"), HALL)))
    svc.scan(code("S2", "speaker"), HALL, at=now - dt.timedelta(minutes=10))
    svc.scan(code("S2", "speaker"), HALL, Direction.EXIT, at=now - dt.timedelta(minutes=5))
    cases.append(("02-admitted-again", svc.scan(code("S2", "speaker"), HALL)))
    cases.append(("03-manual", svc.admit_manually("S3", HALL, "Badge will not scan")))
    cases.append(("04-caution", svc.scan(code("Z777", "delegate"), HALL)))
    cases.append(("05-long-name", svc.scan(code("S4", "vip"), HALL)))
    cases.append(("06-exit", svc.scan(code("S6", "delegate"), HALL, Direction.EXIT)))
    cases.append(
        (
            "07-already-inside",
            svc.scan(code("S1", "delegate"), HALL, at=now + dt.timedelta(seconds=30)),
        )
    )
    cases.append(("08-not-registered", svc.scan(code("S5", "visitor"), HALL)))
    cases.append(
        (
            "09-outside-window",
            svc.scan(code("S6", "delegate"), HALL, at=now - dt.timedelta(hours=3)),
        )
    )
    cases.append(("10-revoked", svc.scan(code("S8", "delegate"), HALL)))
    cases.append(("11-unknown", svc.scan("T-NOBODY-42", HALL)))
    cases.append(("12-foreign", svc.scan("https://example.com/wifi", HALL)))
    cases.append(
        ("13-other-event", svc.scan(sign_code(stranger, "other-2026", "X1", "visitor", 1), HALL))
    )
    cases.append(("14-forged", svc.scan(sign_code(stranger, event.id, "S7", "delegate", 1), HALL)))
    full = Decision(
        Verdict.SESSION_FULL,
        "session_full",
        PEOPLE[6],
        HALL,
        "opening-plenary",
        occupancy=600,
        capacity=600,
    )
    cases.append(("15-session-full", full))
    cases.append(("16-undone", svc.undo_last()))
    cases.append(("19-near-full", cases[1][1]))
    cases.append(("20-exit-idle", None))
    admitted = cases[1][1]
    cases.append(("17-sync-online", dataclasses.replace(admitted, offline=False)))  # type: ignore[type-var]
    cases.append(("18-sync-offline", dataclasses.replace(admitted, offline=True)))  # type: ignore[type-var]
    return cases


def desk_shots(db, event, key, sizes, out: Path, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    """desk-WxH-1-found.png (an attendee printed, then reprinted), -2-walk-in.png (the form
    filled in), -3-registered.png (the walk-in registered and printed)."""
    painter = BadgePainter(load_template())
    service = StaffDesk(db, event, signing_key=key, verify_pin=lambda pin: pin == "123456")
    output = PdfOutput(event, painter, tmp / "badges" / "badge-{id}.pdf")
    window = build_desk_window(service, output, painter, DeskOptions(idle_minutes=600))
    window.staff_pin.set_pin("123456")
    window.show()
    window.unlock("123456")

    def printed() -> None:
        while window.printer.busy:
            QCoreApplication.processEvents()
            time.sleep(0.01)

    window.find_page.search.query.setText("Puig")
    window.find_page.search.run_search()
    window.find_page.search.table.selectRow(0)
    window.do.print_first()
    printed()
    window.find_page.card.reason.setEditText("damaged badge")
    window.do.reprint()
    printed()
    walk_in = dict(
        first_name="Marta", last_name="Vidal i Ferrer", company="Ajuntament de Barcelona",
        email="marta.vidal@bcn.example", position="Head of Smart Mobility", type_id="press",
    )  # fmt: skip
    states = ["1-found", "2-walk-in", "3-registered"]
    for name in states:
        if name == "2-walk-in":
            window.tabs.setCurrentWidget(window.walk_in)
            window.walk_in.fill(**walk_in)
        elif name == "3-registered":
            window.do.register_walk_in()
            printed()
        for w, h in sizes:
            window.resize(w, h)
            QCoreApplication.processEvents()
            window.grab().save(str(out / f"desk-{w}x{h}-{name}.png"))
    window.allow_close()
    window.close()


def composite(window, dialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    """The window with `dialog` painted where it opens over it (offscreen windows are
    separate surfaces, so one grab would not show the two together)."""
    dialog.show()
    for _ in range(3):
        QCoreApplication.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 90))  # what a modal dialog dims
    offset = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    painter.drawPixmap(offset, dialog.grab())
    painter.end()
    picture.save(str(path))
    dialog.hide()


def dialog_shots(door, folder: Path, shown: Decision) -> None:  # type: ignore[no-untyped-def]
    """dialog-*.png: the PIN pad after a wrong PIN (beside the verdict), the staff menu, the
    hall chooser, the search with a refused person chosen, and the undo confirmation."""
    window = door.window
    window.panel.show_decision(shown)
    window.pin.set_pin("246802")
    pad = PinDialog(window.pin, window)
    pad.place_beside(window.panel)
    pad.entry.setText("0000")
    pad.submit()
    composite(window, pad, folder / "dialog-1-pin.png")
    menu = StaffDialog(False, True, False, ["en", "zh_CN", "de"], window)
    menu.move(window.mapToGlobal(QPoint(0, 0)) + (window.rect().center() - menu.rect().center()))
    composite(window, menu, folder / "dialog-2-staff.png")
    chooser = HallChooser(window.kiosk_event, window.clock(), window)
    chooser.move(
        window.mapToGlobal(QPoint(0, 0)) + (window.rect().center() - chooser.rect().center())
    )
    composite(window, chooser, folder / "dialog-3-halls.png")
    search = SearchDialog(
        window.service.db, window.kiosk_event, window, window.would_decide, window.presence_text
    )
    search.query.setText("li na")
    search.run_search()
    search.table.selectRow(0)
    search.move(
        window.mapToGlobal(QPoint(0, 0)) + (window.rect().center() - search.rect().center())
    )
    composite(window, search, folder / "dialog-4-search.png")
    ask = ConfirmDialog(
        QCoreApplication.translate("StaffDialog", "Undo the last scan?"),
        "ADMIT: 张伟 09:25\nOpening Plenary: The Smart is Rising",
        QCoreApplication.translate("StaffDialog", "Undo"),
        window,
    )
    ask.move(window.mapToGlobal(QPoint(0, 0)) + (window.rect().center() - ask.rect().center()))
    composite(window, ask, folder / "dialog-5-confirm.png")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=LANGS)
    parser.add_argument("--sizes", nargs="*", default=[f"{w}x{h}" for w, h in SIZES])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument(
        "--cases", nargs="*", help="only the door cases whose name has one of these"
    )
    args = parser.parse_args()
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes]
    app = make_application()
    tmp = Path(tempfile.mkdtemp())
    db, event, key = build_database(tmp / "shots.db")
    sessions = event.sessions_in(HALL)  # type: ignore[attr-defined]
    now = sessions[0].start - dt.timedelta(minutes=5)
    fill_log(db, event, key, sessions[0].start.astimezone(event.tz))  # type: ignore[attr-defined]
    add_conflicts(db, event, sessions[0].start)
    qm = compile_translations(cache=tmp / "qm")
    door = build_door(
        app,
        db,
        event,
        HALL,
        clock=lambda: now,
        qm_folder=qm,
        sounds=Sounds(muted=True),
        options=DoorOptions(reset_after_s=3600, reduce_motion=True),
    )  # type: ignore[arg-type]
    assert door is not None
    cases = door_cases(door, key, event)
    window = door.window
    syncs = sync_states(now)
    window.show()
    board_langs = Languages(app, qm)
    board_now = now + dt.timedelta(hours=2, minutes=30)
    board = BoardWindow(db, event, lambda: board_now, board_langs)  # type: ignore[arg-type]
    board.show_sync(
        SyncStatus(
            "/media/usb/kiosk-hub", True, None, 0, board_now - dt.timedelta(seconds=20), None
        )
    )
    board.show()
    for lang in args.only:
        door.languages.switch(lang)
        board_langs.switch(lang)
        for w, h in sizes:
            folder = args.out / lang / f"{w}x{h}"
            folder.mkdir(parents=True, exist_ok=True)
            # The last size's offline pill in its bigger font would hold the window wider
            # than a portrait screen: start each size from the plain header.
            window.show_sync(None)
            window.panel.show_idle()
            QCoreApplication.processEvents()
            window.resize(w, h)
            QCoreApplication.processEvents()
            # Again: coming from a bigger size, the first resize is clamped to the minimum
            # size of the bigger fonts, which the resize itself then scales down.
            window.resize(w, h)
            QCoreApplication.processEvents()
            for name, decision in cases:
                if args.cases and not any(c in name for c in args.cases):
                    continue
                if (window.direction is Direction.EXIT) != (name == "20-exit-idle"):
                    window.toggle_direction()
                window.show_sync(syncs.get(name))
                window.panel.hub_decides = name in syncs
                if decision is None:
                    window.panel.show_idle()
                else:
                    window.panel.show_decision(decision)  # type: ignore[arg-type]
                window.refresh_header()
                for _ in range(3):  # a label that wraps or shrinks asks for a new layout
                    QCoreApplication.processEvents()
                if name in OCCUPANCY:  # after the events: the header's 1 s tick refreshes it
                    window.header.show_occupancy(*OCCUPANCY[name])
                window.grab().save(str(folder / f"door-{name}.png"))
            if not args.cases or "dialog" in args.cases:
                dialog_shots(door, folder, cases[8][1])  # type: ignore[arg-type]
            board.resize(w, h)
            QCoreApplication.processEvents()
            # Again: the first resize was clamped to the other orientation's card layout.
            board.resize(w, h)
            QCoreApplication.processEvents()
            board.refresh()
            QCoreApplication.processEvents()
            board.grab().save(str(folder / "board.png"))
    if "en" in args.only and (1280, 800) in sizes:
        # Both windows' translators sit on the one application: switch both.
        door.languages.switch("en")
        board_langs.switch("en")
        window.resize(1280, 800)
        window.panel.show_decision(cases[1][1])  # type: ignore[arg-type]
        QCoreApplication.processEvents()
        picture = window.grab().scaledToWidth(960, Qt.TransformationMode.SmoothTransformation)
        (ROOT / "docs").mkdir(exist_ok=True)
        picture.save(str(ROOT / "docs" / "door.png"), "PNG", 9)
    if "en" in args.only:
        desk_shots(db, event, key, sizes, args.out, tmp)
    door.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
