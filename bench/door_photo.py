"""What a photo adds to a door verdict: reading and decoding the JPEG (on the scan thread)
and drawing it in the panel's photo box (GUI thread), against the verdict itself.

    QT_QPA_PLATFORM=offscreen python bench/door_photo.py [--runs 300] [--side 300x400]

Baseline in the same run: VerdictPanel.show_decision for an admitted attendee with a seat,
a position and a note for staff (what the screen does for every scan). Then, for the same
decision, (a) photo_for + QImage decode from a real photo store (kiosk.ui.photo_slot
.load_photo), (b) show_photo: crop, round and set the pixmap. Prints medians, p95 and the
ratios to the baseline. The decision's own cost (the durable record) is bench/scan_latency.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication
from PySide6.QtGui import QColor, QImage, QPainter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk import resources  # noqa: E402
from kiosk.app import make_application  # noqa: E402
from kiosk.domain.attendee import Attendee  # noqa: E402
from kiosk.domain.decision import Decision, Verdict  # noqa: E402
from kiosk.domain.event_file import load_event  # noqa: E402
from kiosk.store import photos  # noqa: E402
from kiosk.store.db import open_db, write  # noqa: E402
from kiosk.ui.paths import load_fonts  # noqa: E402
from kiosk.ui.photo_slot import load_photo  # noqa: E402
from kiosk.ui.verdict_panel import VerdictPanel  # noqa: E402


def jpeg(width: int, height: int) -> bytes:
    """A photo-like JPEG (gradients and shapes, so it compresses as a face would)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#b0bec5"))
    p = QPainter(image)
    for i in range(40):
        p.setBrush(QColor.fromHsv((i * 37) % 360, 90, 120 + i * 3))
        p.drawEllipse(i * width // 50, i * height // 60, width // 3, height // 4)
    p.end()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 82)  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def timed(action, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def line(name: str, ms: list[float], base: float) -> str:
    ordered = sorted(ms)
    median = statistics.median(ms)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"{name:<34} median {median:7.3f} ms   p95 {p95:7.3f} ms   x{median / base:5.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--side", default="300x400", help="photo size, WxH")
    args = parser.parse_args()
    w, h = (int(v) for v in args.side.split("x"))
    make_application()
    load_fonts()
    event, _ = load_event(resources.demo_event())
    db = open_db(Path(tempfile.mkdtemp()) / "photo.db")
    data = jpeg(w, h)
    with write(db):
        photos.save_many(db, [("P1", data)])
    person = Attendee(
        "P1", "Núria", "Puig i Solé", "Fira de Barcelona", "", "speaker",
        position="Directora d'Innovació", seat="A-12",
    )  # fmt: skip
    decision = Decision(
        Verdict.ADMITTED, "admitted", person, "auditorium", None,
        attention="Wheelchair user: open the side door.",
    )  # fmt: skip
    panel = VerdictPanel(event)
    panel.resize(743, 611)  # the panel of a 1280x800 door screen
    panel.show()
    QCoreApplication.processEvents()
    image = load_photo(db, person)
    assert image is not None

    def verdict() -> None:
        # A new decision each time, as each scan brings: it shows the photo box's stand-in.
        panel.show_decision(dataclasses.replace(decision))
        panel.decision = decision  # the photo below is this decision's

    def decode() -> None:
        load_photo(db, person)

    def display() -> None:
        panel.show_photo(decision, image)

    for action in (verdict, decode, display):  # warm up
        timed(action, 10)
    # Interleaved rounds, so load from other processes hits all three alike.
    base_ms: list[float] = []
    decode_ms: list[float] = []
    display_ms: list[float] = []
    for _ in range(args.runs // 10):
        base_ms += timed(verdict, 10)
        decode_ms += timed(decode, 10)
        display_ms += timed(display, 10)
    base = statistics.median(base_ms)
    print(f"photo {w}x{h}, JPEG {len(data) / 1024:.1f} KiB, {len(base_ms)} runs each")
    print(line("verdict (show_decision, baseline)", base_ms, base))
    print(line("photo read + decode (scan thread)", decode_ms, base))
    print(line("photo display (GUI thread)", display_ms, base))


if __name__ == "__main__":
    main()
