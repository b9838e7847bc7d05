"""The attendance report in the UI language (GB 50799 12.2.6): Chinese and German headings,
the screens' saved language by default, every report text translated, leavers and late
check-ins in their own tables, and reports written automatically."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.cli.report import next_report, run_every
from kiosk.domain.decision import Direction
from kiosk.domain.event import Event
from kiosk.printing.language import ReportLanguage
from kiosk.resources import path as resource_path
from kiosk.service.checkin import CheckInService
from kiosk.service.late_checkin import record_late_checkin
from kiosk.store import settings
from kiosk.store.db import write
from tests.cli.helpers import kiosk
from tests.conftest import at

Code = Callable[..., str]
ROOT = Path(__file__).resolve().parents[2]
needs_pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")


def pdf_text(pdf: Path) -> str:
    """The PDF's text; NFKC, since pdftotext gives some CJK glyphs as Kangxi radicals
    (⼈ for 人) and Latin ones as ligatures (ﬀ)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", text)


@pytest.fixture
def day(db: Database, service: CheckInService, code_for: Code, tmp_path: Path) -> str:
    """A keynote with one leaver who came back, one who did not, and a late check-in."""
    service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 09:40"))
    service.scan("T-0002", "main", Direction.ENTRY, at("14 09:41"))
    service.scan(code_for("A1"), "main", Direction.EXIT, at("14 10:05"))
    service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 10:10"))
    service.scan("T-0002", "main", Direction.EXIT, at("14 10:30"))
    record_late_checkin(
        db, service.event, "A6", "keynote", "door scanner down, paper list", at("14 10:20"),
        clock=lambda: at("14 12:00"),
    )  # fmt: skip
    return str(tmp_path / "kiosk.db")


@needs_pdftotext
def test_a_chinese_report_has_chinese_headings(
    day: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--lang zh_CN: title, tables and the event's names in Chinese; no English heading."""
    pdf = tmp_path / "zh.pdf"
    status, _, err = kiosk(capsys, "report", "--out", str(pdf), "--lang", "zh_CN", "--db", day)
    assert status == 0, err
    text = pdf_text(pdf)
    for heading in ("出席报告", "各场次出席情况", "各场次报名与出席", "各场次中途退场",
                    "散会前离场人员", "补签到", "各类型未到场人数", "未返回", "已返回",
                    "10月14日"):  # fmt: skip
        assert heading in text, heading
    for english in ("Attendance per session", "Leavers per session", "No-shows"):
        assert english not in text


@needs_pdftotext
def test_the_screens_language_is_the_default(
    day: str, db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Staff switched the screens to German: the report follows without --lang."""
    with write(db):
        settings.put(db, "ui_language", "de")
    pdf = tmp_path / "de.pdf"
    assert kiosk(capsys, "report", "--out", str(pdf), "--db", day)[0] == 0
    text = pdf_text(pdf)
    assert "Teilnahme je Programmpunkt" in text and "Nachträgliche Check-ins" in text


@needs_pdftotext
def test_english_report_shows_leavers_and_late_checkins_apart(
    day: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Leavers per session (one gone, one back) and the late check-in with its reason."""
    pdf = tmp_path / "en.pdf"
    assert kiosk(capsys, "report", "--out", str(pdf), "--lang", "en", "--db", day)[0] == 0
    text = pdf_text(pdf)
    assert "Leavers per session (left before the end)" in text
    assert "did not return" in text and "came back" in text
    assert "Late check-ins (recorded by staff, apart from scans)" in text
    assert "door scanner down, paper list" in text


def test_every_report_text_is_translated() -> None:
    """The .ts files hold a finished translation of every text the reports use, as
    scripts/update_translations.py collects them (a new heading cannot ship English)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    wanted = set(update_translations.texts()["Report"])
    assert {"{event}: attendance", "Leavers per session (left before the end)"} <= wanted
    for lang in ("zh_CN", "de"):
        tree = ET.parse(resource_path("translations") / f"kiosk_{lang}.ts")
        done = {
            m.findtext("source")
            for c in tree.getroot().iter("context")
            if c.findtext("name") == "Report"
            for m in c.iter("message")
            if (m.findtext("translation") or "") and m.find("translation").get("type") is None  # type: ignore[union-attr]
        }
        assert wanted <= done, (lang, sorted(wanted - done))


def test_a_missing_translation_reads_english() -> None:
    """No compiled translations: the texts stay English rather than empty."""
    lang = ReportLanguage("zh_CN", Path("/nonexistent"))
    assert (lang.loaded, lang.translate("Report", "Attendance per session")) == (
        False,
        "Attendance per session",
    )


def test_reports_come_every_interval_and_at_each_session_end(
    db: Database, event: Event, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every 30 minutes, and sooner when a session ends (the keynote at 11:00): three
    reports named by their time, without anyone asking."""
    moments = [at("14 10:20")]
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        moments.append(moments[-1] + dt.timedelta(seconds=seconds))

    run_every(db, event, tmp_path, ReportLanguage(), dt.timedelta(minutes=30), 3,
              clock=lambda: moments[-1], sleep=sleep)  # fmt: skip
    names = sorted(p.name for p in tmp_path.glob("attendance-*.pdf"))
    assert names == [
        "attendance-20261014-1020.pdf",
        "attendance-20261014-1050.pdf",
        "attendance-20261014-1100.pdf",
    ]
    assert naps == [1800.0, 600.0]
    assert next_report(event, at("14 10:50"), dt.timedelta(minutes=30)) == at("14 11:00")


def test_every_refuses_a_file_and_nonsense(
    day: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--every wants a folder and whole minutes; --count without --every is a usage error."""
    afile = tmp_path / "x.pdf"
    afile.write_bytes(b"")
    assert kiosk(capsys, "report", "--out", str(afile), "--every", "5", "--db", day)[0] == 2
    assert kiosk(capsys, "report", "--out", str(tmp_path), "--every", "0", "--db", day)[0] == 2
    assert kiosk(capsys, "report", "--out", str(afile), "--count", "2", "--db", day)[0] == 2
