"""A real print: a badge through CUPS and the cups-pdf queue via QPrinter, the PDF checked."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.printing.badge import badge_for
from kiosk.printing.output import SystemPrinterOutput, render
from kiosk.printing.painter import BadgePainter
from kiosk.printing.template import BadgeLayout, load_template
from kiosk.service.pickup import PickupService, Printed, PrintFailed, PrintJob
from kiosk.store import prints
from kiosk.ui.print_worker import PrintWorker
from tests.conftest import PEOPLE
from tests.printing.helpers import decode_qr, gray, page_size_mm, pdf_info, pdf_page_image

pytestmark = pytest.mark.printer
QUEUE = os.environ.get("KIOSK_PDF_QUEUE", "KioskPDF")
OUT_DIR = Path(os.environ.get("KIOSK_PDF_DIR", str(Path.home() / "PDF")))
DPI = 100


def _queue_device() -> str | None:
    try:
        out = subprocess.run(
            ["lpstat", "-v", QUEUE], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.split(":", 1)[1].strip() if ":" in out else None


@pytest.fixture
def cups_pdf_queue() -> str:
    device = _queue_device()
    if device is None or not device.startswith("cups-pdf:"):
        reason = f"no cups-pdf queue {QUEUE!r} (run scripts/start-cups.sh as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the real-printing test: {reason}")
        pytest.skip(reason)
    return QUEUE


def _wait_for_new_pdf(before: set[Path], timeout: float = 90.0) -> Path:
    """cups-pdf writes the file some seconds after the job is queued; wait until it parses."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = sorted(set(OUT_DIR.glob("*.pdf")) - before, key=lambda p: p.stat().st_mtime)
        if new:
            done = subprocess.run(["pdfinfo", str(new[-1])], capture_output=True, check=False)
            if done.returncode == 0:
                return new[-1]
        time.sleep(0.25)
    raise AssertionError(f"no PDF from queue {QUEUE} appeared in {OUT_DIR} within {timeout:.0f} s")


def _name_box(image: np.ndarray, layout: BadgeLayout) -> np.ndarray:
    x, y, w, h = (round(v / 25.4 * DPI) for v in layout.name)
    return image[y : y + h, x : x + w].astype(float)


def test_badge_prints_through_cups(
    qapp: object,
    db: Database,
    event: Event,
    cups_pdf_queue: str,
    code_for: Callable[..., str],
    tmp_path: Path,
    signing_key: object,
) -> None:
    """Sent from the print thread, as the pickup and desk screens do: the cups-pdf output
    is an A6 page whose QR decodes to the code and whose name area matches our own
    rendering of that name (cups-pdf re-distills the job through PostScript, which drops
    the text layer, so the name is compared as pixels)."""
    painter = BadgePainter(load_template(), "a6")
    pickup = PickupService(db, event, signing_key=signing_key)  # type: ignore[arg-type]
    person = PEOPLE[2]
    before = set(OUT_DIR.glob("*.pdf"))
    output = SystemPrinterOutput(event, painter, cups_pdf_queue)
    results: list[Printed | PrintFailed] = []
    worker = PrintWorker(
        output, lambda job, error: results.append(pickup.record_print(job, output.name, error))
    )
    job = pickup.prepare_print(person)
    assert isinstance(job, PrintJob)
    worker.submit(job)
    assert worker.stop()
    [result] = results
    assert isinstance(result, Printed), result
    assert prints.has_printed(db, person.id)

    pdf = _wait_for_new_pdf(before)
    assert pdf_info(pdf)["Pages"] == "1"
    width, height = page_size_mm(pdf)
    assert abs(width - 105) < 0.5 and abs(height - 148) < 0.5
    page = pdf_page_image(pdf, 1, tmp_path, dpi=200)
    assert decode_qr(page) == [code_for(person.id, person.type)]

    printed = gray(pdf_page_image(pdf, 1, tmp_path, dpi=DPI))
    own = gray(render(painter, badge_for(event, person, "X"), DPI)[0])
    other = gray(render(painter, badge_for(event, PEOPLE[1], "X"), DPI)[0])
    same = np.abs(_name_box(printed, painter.layout) - _name_box(own, painter.layout)).mean()
    differs = np.abs(_name_box(printed, painter.layout) - _name_box(other, painter.layout)).mean()
    print(f"name area: {same=:.2f} {differs=:.2f}")
    assert same < 6 and differs > 3 * same, (same, differs)


def test_kiosk_printer_set_and_test_through_cups(
    qapp: object, db: Database, cups_pdf_queue: str, tmp_path: Path
) -> None:
    """`kiosk printer set QUEUE` is accepted for a real CUPS queue and `kiosk printer test`
    prints through it (on the chosen CR80 size), logging nothing."""
    from kiosk.cli.main import main

    db_file = tmp_path / "kiosk.db"
    before = set(OUT_DIR.glob("*.pdf"))
    assert main(["printer", "set", cups_pdf_queue, "--size", "cr80", "--db", str(db_file)]) == 0
    assert main(["printer", "test", "--attendee", "A1", "--db", str(db_file)]) == 0
    width, height = page_size_mm(_wait_for_new_pdf(before))
    assert abs(width - 54) < 0.5 and abs(height - 85.6) < 0.5
    assert not prints.has_printed(db, "A1")
