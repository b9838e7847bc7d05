"""The door shows who was scanned (GB 50799 12.2.4: photo, name, position, seat) and a note
for staff with every verdict it applies to, in its own band and with its own sound, all of
it unclipped at 1280x800, 1920x1080 and 800x1280."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QBuffer, QRect
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Decision, Verdict
from kiosk.domain.event import Event
from kiosk.domain.event_file import parse_event
from kiosk.store import attendees, checkins, photos
from kiosk.store.db import write
from kiosk.ui.attention_band import (
    ATTENTION_ACCENT,
    ATTENTION_BACKGROUND,
    ATTENTION_FOREGROUND,
    TEXT_SIZE,
)
from kiosk.ui.door import DoorOptions
from kiosk.ui.palette import MIN_TEXT_CONTRAST, contrast_ratio
from kiosk.ui.photo_slot import decoded
from kiosk.ui.verdicts import LOOKS, Kind
from kiosk.ui.widgets import FitLabel
from tests.conftest import TINY_EVENT
from tests.ui.conftest import FakeClock, wait_decided

STAFF_NOTE = "All-access staff: no bag check."
WHEELCHAIR = "Wheelchair user: open the side door and walk her to seat A-12 (aisle)."
LONG_CJK_NOTE = (
    "请勿让其排队，直接引导至前排预留座位。行动不便，请走东侧无障碍通道并提供轮椅；"
    "如有媒体拍照，请先征得其秘书同意，秘书电话在贵宾接待台。随行人员两名，"
    "可同坐第三排，其余随员请在休息区等候。会后请引导至东侧出口上车。"
) * 2  # 200 characters: the longest note an import accepts (kiosk.domain.cards)
SIZES = [(1280, 800), (1920, 1080), (800, 1280)]


@pytest.fixture
def event() -> Event:
    """The tiny event with a note on every staff badge."""
    noted = TINY_EVENT.replace(
        'color = "#424242"\nall_access = true',
        f'color = "#424242"\nall_access = true\nnote = "{STAFF_NOTE}"',
    )
    assert noted != TINY_EVENT
    return parse_event(noted, "tiny.toml")


def jpeg(width: int = 300, height: int = 400, color: str = "#8d6e63") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG", 80)  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def seat_and_note(db: Database, with_photo: bool = True) -> None:
    """A2 (Núria) gets a position, a seat, a note and (unless told) a photo."""
    person = attendees.find_by_id(db, "A2")
    assert person is not None
    with write(db):
        attendees.save(
            db, replace(person, position="Directora d'Innovació", seat="A-12", note=WHEELCHAIR)
        )
        if with_photo:
            photos.save_many(db, [("A2", jpeg())])


def scan_with_photo(qtbot: QtBot, door: Door, code: str) -> tuple[Decision, QImage | None]:
    """Scan, and wait for the photo the scan thread sends after the verdict."""
    with qtbot.waitSignal(door.scans.photo_ready, timeout=5000) as blocker:
        door.window.on_code(code)
    decision, image = blocker.args
    return decision, image


def test_the_verdict_shows_photo_name_position_and_seat(
    make_door: Callable[..., Door], db: Database, code_for: Callable[..., str], qtbot: QtBot
) -> None:
    """Admitted: the photo from the photo store, the name, 'position · company', the seat;
    the photo arrives from the scan thread after the verdict is on screen."""
    seat_and_note(db)
    door = make_door()
    decision, image = scan_with_photo(qtbot, door, code_for("A2"))
    panel = door.window.panel
    assert image is not None and (image.width(), image.height()) == (300, 400)
    assert {
        "name": panel.name.text(),
        "position": panel.company.text(),
        "seat": panel.seat.text(),
        "photo": (panel.photo.isVisible(), panel.photo.has_photo),
        "json": (
            decision.to_json()["attendee"]["seat"],
            decision.to_json()["attendee"]["position"],
        ),
    } == {
        "name": "Núria Puig i Solé",
        "position": "Directora d'Innovació · Fira de Barcelona",
        "seat": "Seat A-12",
        "photo": (True, True),
        "json": ("A-12", "Directora d'Innovació"),
    }


def test_no_photo_keeps_the_box_and_nothing_moves(
    make_door: Callable[..., Door], db: Database, code_for: Callable[..., str], qtbot: QtBot
) -> None:
    """Without a photo the box shows 'No photo' in the same place and size, so the name
    stands where it stood for someone with a photo; an unknown badge shows no box."""
    with write(db):
        photos.save_many(db, [("A1", jpeg())])
    door = make_door()
    panel = door.window.panel
    scan_with_photo(qtbot, door, code_for("A1"))
    with_photo = (panel.photo.geometry(), panel.name.geometry())
    assert panel.photo.has_photo
    scan_with_photo(qtbot, door, code_for("A6"))
    assert (panel.photo.geometry(), panel.name.geometry()) == with_photo
    assert panel.photo.isVisible() and not panel.photo.has_photo
    wait_decided(qtbot, door, lambda: door.window.on_code("T-NOBODY"))
    assert not panel.photo.isVisible()


def test_a_broken_or_oversized_photo_shows_the_stand_in(
    make_door: Callable[..., Door], db: Database, code_for: Callable[..., str], qtbot: QtBot
) -> None:
    """Bytes that are no image, and a JPEG of 2400 pixels on a side (bigger than a door
    photo may be; its header is read, nothing decoded), give no photo: the verdict and
    the "No photo" box show as for anyone without one."""
    assert decoded(b"\xff\xd8 not a jpeg" * 50) is None
    assert decoded(jpeg(2400, 30)) is None
    assert decoded(jpeg(300, 400)) is not None
    with write(db):
        photos.save_many(db, [("A1", b"GIF89a garbage"), ("A6", jpeg(2400, 30))])
    door = make_door()
    for aid in ("A1", "A6"):
        decision, image = scan_with_photo(qtbot, door, code_for(aid))
        panel = door.window.panel
        assert (decision.verdict, image, panel.photo.isVisible(), panel.photo.has_photo) == (
            Verdict.ADMITTED,
            None,
            True,
            False,
        )


def test_a_late_photo_of_an_earlier_scan_is_not_shown(make_door: Callable[..., Door]) -> None:
    """The photo of a decision no longer on screen is dropped (the next scan won)."""
    door = make_door()
    panel = door.window.panel
    first = Decision(
        Verdict.ADMITTED,
        "admitted",
        Attendee("A1", "伟", "张", "", "", "delegate"),
        "main",
        "keynote",
    )
    second = Decision(
        Verdict.ADMITTED,
        "admitted",
        Attendee("A6", "Carl", "Late", "", "", "delegate"),
        "main",
        "keynote",
    )
    panel.show_decision(first)
    panel.show_decision(second)
    panel.show_photo(first, QImage(jpeg()))
    assert not panel.photo.has_photo and panel.photo_image is None


@pytest.mark.parametrize(
    "case",
    ["admitted", "already_inside", "denied", "exit", "manual", "staff_type_note", "cancelled"],
)
def test_the_note_shows_with_every_verdict_it_applies_to(
    make_door: Callable[..., Door],
    db: Database,
    code_for: Callable[..., str],
    clock: FakeClock,
    qtbot: QtBot,
    case: str,
) -> None:
    """A note (the attendee's, or their type's) shows in its band with admissions, refusals,
    'already inside', exits and manual admissions: the verdict keeps its own colour and
    headline, the attention chime follows the verdict's sound, the record says it was shown."""
    seat_and_note(db)
    with write(db):
        person = attendees.find_by_id(db, "A5")
        assert person is not None
        attendees.save(db, replace(person, note=WHEELCHAIR))  # cancelled, with a note
    door = make_door()
    w = door.window
    if case == "already_inside":
        wait_decided(qtbot, door, lambda: w.on_code(code_for("A2")))
        clock.advance(30)
    if case == "denied":
        clock.advance(-3 * 3600)  # before admission opens
    if case == "exit":
        w.toggle_direction()
    action = {
        "admitted": lambda: w.on_code(code_for("A2")),
        "already_inside": lambda: w.on_code(code_for("A2")),
        "denied": lambda: w.on_code(code_for("A2")),
        "exit": lambda: w.on_code(code_for("A2")),
        "manual": lambda: w.admit_manually("A2", "badge will not scan"),
        "staff_type_note": lambda: w.on_code(code_for("A4", "staff")),
        "cancelled": lambda: w.on_code(code_for("A5")),
    }[case]
    door.sounds.chosen.clear()
    decision = wait_decided(qtbot, door, action)
    expected = {
        "admitted": Verdict.ADMITTED,
        "already_inside": Verdict.ALREADY_INSIDE,
        "denied": Verdict.OUTSIDE_WINDOW,
        "exit": Verdict.EXIT_RECORDED,
        "manual": Verdict.MANUAL_ADMISSION,
        "staff_type_note": Verdict.ADMITTED,
        "cancelled": Verdict.REVOKED,
    }[case]
    note = STAFF_NOTE if case == "staff_type_note" else WHEELCHAIR
    panel = w.panel
    look = LOOKS[
        {Verdict.EXIT_RECORDED: Kind.EXIT}.get(
            expected, Kind.ADMIT if expected.lets_in else Kind.DENY
        )
    ]
    record = checkins.get(db, decision.record_id) if decision.record_id else None
    assert record is not None
    assert {
        "verdict": decision.verdict,
        "band": (panel.attention.isVisible(), panel.attention.note()),
        "colour": look.background in panel.styleSheet(),
        "sounds": door.sounds.chosen,
        "logged": record.warnings.split(","),
        "decision_warnings": decision.warnings,
    } == {
        "verdict": expected,
        "band": (True, note),
        "colour": True,
        "sounds": [look.sound, "attention"],
        "logged": ["attention_note"],
        "decision_warnings": (),
    }
    assert panel.headline.text() != "ADMIT — CHECK BADGE"


def test_no_band_where_no_note_applies(
    make_door: Callable[..., Door], db: Database, code_for: Callable[..., str], qtbot: QtBot
) -> None:
    """No note: no band, no chime, nothing in the record; an unknown badge has nobody to
    note; undoing an admission of someone with a note is a correction, not the door."""
    seat_and_note(db)
    door = make_door()
    w = door.window
    seen = []
    for action in (
        lambda: w.on_code(code_for("A1")),
        lambda: w.on_code("T-NOBODY"),
        lambda: w.on_code(code_for("A2")),
        lambda: w.undo_last(),
    ):
        door.sounds.chosen.clear()
        decision = wait_decided(qtbot, door, action)
        record = checkins.get(db, decision.record_id) if decision.record_id else None
        seen.append(
            (
                decision.verdict,
                w.panel.attention.isVisible(),
                list(door.sounds.chosen),
                record.warnings if record else None,
            )
        )
    assert seen == [
        (Verdict.ADMITTED, False, ["admit"], ""),
        (Verdict.UNKNOWN_BADGE, False, ["deny"], ""),
        (Verdict.ADMITTED, True, ["admit", "attention"], "attention_note"),
        (Verdict.UNDONE, False, ["undo"], ""),
    ]


def test_a_note_holds_the_screen_longer_and_a_new_scan_drops_the_chime(
    make_door: Callable[..., Door], db: Database, code_for: Callable[..., str], qtbot: QtBot
) -> None:
    """The verdict with a note stays up longer than the plain 4 s (time to read it); the
    chime still queued for it does not sound over the next attendee's verdict."""
    seat_and_note(db)
    door = make_door(options=DoorOptions(reset_after_s=4, reduce_motion=True))
    w = door.window
    wait_decided(qtbot, door, lambda: w.on_code(code_for("A1")))
    plain = w._reset.interval()
    wait_decided(qtbot, door, lambda: w.on_code(code_for("A2")))
    noted = w._reset.interval()
    assert door.sounds._next.isActive()
    wait_decided(qtbot, door, lambda: w.on_code(code_for("A6")))
    assert (plain, noted > plain + 2000, noted <= 4000 + 8000) == (4000, True, True)
    assert not door.sounds._next.isActive()


def test_the_band_is_readable_and_unlike_any_verdict() -> None:
    """Black on white with a purple edge: AA contrast, and no verdict uses white or the
    purple as its colour (so the band is never taken for a verdict, nor a deny)."""
    assert contrast_ratio(ATTENTION_FOREGROUND, ATTENTION_BACKGROUND) >= MIN_TEXT_CONTRAST
    assert contrast_ratio(ATTENTION_ACCENT, ATTENTION_BACKGROUND) >= MIN_TEXT_CONTRAST
    backgrounds = {look.background.lower() for look in LOOKS.values()}
    assert not backgrounds & {ATTENTION_BACKGROUND.lower(), ATTENTION_ACCENT.lower()}


def problems(panel: QWidget) -> list[str]:
    """What a person at the door could not read: a text line wider than its label, a label
    shorter than its text, a text outside the panel, two texts on top of each other."""
    found = []
    boxes: list[tuple[str, QRect]] = []
    for label in panel.findChildren(FitLabel):
        if not label.isVisible() or not label.text():
            continue
        width = label.contentsRect().width()
        metrics = QFontMetricsF(label.font())
        for line in label.shown_lines():
            if metrics.horizontalAdvance(line) > width + 1:
                found.append(f"too wide: {line!r}")
        need = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        if need > label.height() + 1:
            found.append(f"cut: {label.text()[:30]!r} needs {need}, has {label.height()}")
        box = QRect(label.mapTo(panel, label.rect().topLeft()), label.size())
        if not panel.rect().contains(box):
            found.append(f"outside the panel: {label.text()[:30]!r}")
        boxes.append((label.text()[:30], box))
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            overlap = box_a.intersected(box_b)
            if overlap.height() > 2 and overlap.width() > 2:
                found.append(f"overlap: {a!r} / {b!r}")
    return found


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("language", ["en", "zh_CN", "de"])
def test_a_long_cjk_name_and_the_longest_note_fit(
    make_door: Callable[..., Door],
    qtbot: QtBot,
    width: int,
    height: int,
    language: str,
) -> None:
    """A long Chinese name and company, a position, a seat, and a 200-character note with
    the staff type's note under it: every line fits, nothing is cut or overlaps, the whole
    note is on screen, and its text is no smaller than half its full size (the session's
    title gives way first: the header names the session)."""
    door = make_door()
    door.languages.switch(language)
    w = door.window
    w.resize(width, height)
    qtbot.wait(10)
    w.resize(width, height)
    person = Attendee(
        "A9", "阿布都热合曼", "买买提艾力", "中国移动通信集团有限公司上海分公司", "", "staff",
        position="副总经理", seat="3排12座",
    )  # fmt: skip
    decision = Decision(
        Verdict.NOT_REGISTERED, "not_registered_for_session", person, "main", "keynote",
        attention=LONG_CJK_NOTE + "\n" + STAFF_NOTE,
    )  # fmt: skip
    panel = w.panel
    panel.show_decision(decision)
    panel.show_photo(decision, QImage(jpeg()))
    qtbot.wait(20)
    band = panel.attention.text
    assert problems(panel) == []
    assert "".join(band.shown_lines()).replace("\n", "") == (LONG_CJK_NOTE + STAFF_NOTE)
    assert band.font().pointSizeF() >= 0.5 * TEXT_SIZE * panel.scale
    assert (w.width(), w.height()) == (width, height)
    assert panel.headline.isVisible() and panel.headline.text()


def test_a_usual_note_stays_big(
    make_door: Callable[..., Door], db: Database, code_for: Callable[..., str], qtbot: QtBot
) -> None:
    """A note of a line or two (most are) shows at 3/4 of its full size or more at
    1280x800, with the session's title still there."""
    seat_and_note(db)
    door = make_door()
    scan_with_photo(qtbot, door, code_for("A2"))
    panel = door.window.panel
    assert panel.attention.text.font().pointSizeF() >= 0.75 * TEXT_SIZE * panel.scale
    assert panel.session.isVisible() and problems(panel) == []


def test_chinese_ui_words_for_the_details(
    make_door: Callable[..., Door], db: Database, code_for: Callable[..., str], qtbot: QtBot
) -> None:
    """In Chinese the seat line, the band's title and the no-photo box speak Chinese."""
    seat_and_note(db, with_photo=False)
    door = make_door()
    door.languages.switch("zh_CN")
    scan_with_photo(qtbot, door, code_for("A2"))
    panel = door.window.panel
    assert (panel.seat.text(), panel.attention.title.text()) == ("座位 A-12", "工作人员请注意")
    assert panel.photo.isVisible() and not panel.photo.has_photo
