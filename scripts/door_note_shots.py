"""Renders the door's attendee details (12.2.4: photo, name, position, seat) and notes for
staff at three sizes into screenshots/door-note/ (git-ignored), and docs/door-note.png.

Each case is a real scan through CheckInService on a demo database whose attendees carry
seats, positions, notes and photos in the photo store; the photo is loaded as the door
loads it (kiosk.ui.photo_slot.load_photo). The portraits are drawn here, not of anyone.

    QT_QPA_PLATFORM=offscreen python scripts/door_note_shots.py [--sizes 1280x800]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QBuffer, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk import resources  # noqa: E402
from kiosk.app import build_door, make_application  # noqa: E402
from kiosk.domain.attendee import Attendee  # noqa: E402
from kiosk.domain.codes import sign_code  # noqa: E402
from kiosk.domain.decision import Decision, Direction  # noqa: E402
from kiosk.domain.event import Event  # noqa: E402
from kiosk.domain.event_file import load_event  # noqa: E402
from kiosk.service.checkin import CheckInService  # noqa: E402
from kiosk.store import attendees, events, photos  # noqa: E402
from kiosk.store.db import open_db, write  # noqa: E402
from kiosk.ui.door import DoorOptions  # noqa: E402
from kiosk.ui.i18n import compile_translations  # noqa: E402
from kiosk.ui.photo_slot import load_photo  # noqa: E402
from kiosk.ui.sounds import Sounds  # noqa: E402

SIZES = [(1280, 800), (1920, 1080), (800, 1280)]
HALL = "auditorium"
VIP_NOTE = "贵宾：请通知贵宾接待台（分机204）到场迎接。"
LONG_CJK_NOTE = (
    "请勿让其排队，直接引导至前排预留座位。行动不便，请走东侧无障碍通道并提供轮椅；"
    "如有媒体拍照，请先征得其秘书同意，秘书电话在贵宾接待台。"
)
PEOPLE = [
    Attendee(
        "N1", "Núria", "Puig i Solé", "Fira de Barcelona", "nuria@fira.example", "speaker",
        position="Directora d'Innovació", seat="A-12",
        note="Wheelchair user: open the side door and walk her to seat A-12 (aisle).",
    ),
    Attendee(
        "N2", "Jürgen", "Groß", "INTEX Shanghai", "juergen@intex.example", "press",
        position="Chefredakteur", seat="P-03",
        note="Protocol: call the VIP desk (ext. 204) before he goes in.",
    ),
    Attendee(
        "N3", "Ana", "Ferrer", "Ajuntament de Barcelona", "ana@bcn.example", "delegate",
        position="Tinenta d'alcalde", seat="B-07",
    ),
    Attendee(
        "N4", "阿布都热合曼", "买买提艾力", "中国移动通信集团有限公司上海分公司",
        "m@chinamobile.example", "vip", position="副总经理", seat="3排12座", note=LONG_CJK_NOTE,
    ),
]  # fmt: skip
PORTRAITS = {"N1": ("#3e2723", "#f1c9a5", "#7b1f3a"), "N2": ("#c8b08a", "#e8b896", "#263238")}
PORTRAITS["N4"] = ("#111111", "#e0b48c", "#1a237e")


def portrait_jpeg(hair: str, skin: str, suit: str, w: int = 300, h: int = 400) -> bytes:
    """A drawn head-and-shoulders stand-in for a passport photo, as JPEG bytes."""
    image = QImage(w, h, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(QPointF(0, 0), QPointF(0, h))
    sky.setColorAt(0, QColor("#dfe7ef"))
    sky.setColorAt(1, QColor("#aab8c6"))
    p.fillRect(image.rect(), sky)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(suit))
    p.drawRoundedRect(QRectF(w * 0.08, h * 0.68, w * 0.84, h * 0.5), w * 0.3, w * 0.3)
    p.setBrush(QColor(skin))
    p.drawRect(QRectF(w * 0.42, h * 0.55, w * 0.16, h * 0.16))
    p.drawEllipse(QRectF(w * 0.27, h * 0.18, w * 0.46, h * 0.44))
    p.setBrush(QColor(hair))
    p.drawChord(QRectF(w * 0.25, h * 0.13, w * 0.5, h * 0.36), 0, 180 * 16)
    p.setBrush(QColor("#2b2b2b"))
    for x in (0.41, 0.59):
        p.drawEllipse(QPointF(w * x, h * 0.4), w * 0.025, w * 0.02)
    p.end()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 82)  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def with_type_note(event: Event) -> Event:
    types = tuple(
        dataclasses.replace(t, note=VIP_NOTE) if t.id == "vip" else t for t in event.types
    )
    return dataclasses.replace(event, types=types)


def build(path: Path) -> tuple[object, Event, Ed25519PrivateKey]:
    event, source = load_event(resources.demo_event())
    event = with_type_note(event)
    db = open_db(path)
    key = Ed25519PrivateKey.generate()
    with write(db):
        events.save_event(db, event, source)
        events.add_public_key(db, event.id, key.public_key())
        for person in PEOPLE:
            attendees.save(db, person)
        photos.save_many(db, [(aid, portrait_jpeg(*look)) for aid, look in PORTRAITS.items()])
    return db, event, key


def cases(service: CheckInService, key: Ed25519PrivateKey, now: dt.datetime) -> list:  # type: ignore[type-arg]
    def code(aid: str, kind: str) -> str:
        return sign_code(key, service.event.id, aid, kind, 1)

    early = now - dt.timedelta(hours=3)
    return [
        ("en", "1-admit-note", service.scan(code("N1", "speaker"), HALL, at=now)),
        ("de", "2-denied-note", service.scan(code("N2", "press"), HALL, at=early)),
        ("en", "3-no-photo", service.scan(code("N3", "delegate"), HALL, at=now)),
        ("zh_CN", "4-long-cjk", service.scan(code("N4", "vip"), HALL, at=now)),
        (
            "en",
            "5-already-inside-note",
            service.scan(code("N1", "speaker"), HALL, at=now + dt.timedelta(seconds=40)),
        ),
        ("en", "6-exit-note", service.scan(code("N2", "press"), HALL, Direction.EXIT, at=now)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="*", default=[f"{w}x{h}" for w, h in SIZES])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "door-note")
    args = parser.parse_args()
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes]
    app = make_application()
    tmp = Path(tempfile.mkdtemp())
    db, event, key = build(tmp / "notes.db")
    now = event.sessions_in(HALL)[0].start - dt.timedelta(minutes=5)
    door = build_door(
        app,
        db,  # type: ignore[arg-type]
        event,
        HALL,
        clock=lambda: now,
        qm_folder=compile_translations(cache=tmp / "qm"),
        sounds=Sounds(muted=True),
        options=DoorOptions(reset_after_s=3600, reduce_motion=True),
    )
    assert door is not None
    window = door.window
    window.show()
    shown: list[tuple[str, str, Decision]] = cases(door.service, key, now)
    args.out.mkdir(parents=True, exist_ok=True)
    for w, h in sizes:
        for _ in range(2):  # the first resize may be clamped by the last size's fonts
            window.resize(w, h)
            QCoreApplication.processEvents()
        for lang, name, decision in shown:
            door.languages.switch(lang)
            window.panel.show_decision(decision)
            person = decision.attendee
            image = load_photo(door.service.db, person) if person else None
            window.panel.show_photo(decision, image)
            for _ in range(3):  # a label that wraps or shrinks asks for a new layout
                QCoreApplication.processEvents()
            window.grab().save(str(args.out / f"{w}x{h}-{name}.png"))
            if (w, h, name) == (1280, 800, "1-admit-note"):
                picture = window.grab().scaledToWidth(
                    960, Qt.TransformationMode.SmoothTransformation
                )
                (ROOT / "docs").mkdir(exist_ok=True)
                picture.save(str(ROOT / "docs" / "door-note.png"), "PNG", 9)
    door.languages.switch("en")
    door.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
