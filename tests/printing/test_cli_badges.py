"""The `badges` and `print-badge` commands: page order, filters, reprint rules, clear errors."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.cli.badges import main
from kiosk.domain.event import Event
from kiosk.service.staff_pin import StaffPin
from kiosk.store import prints
from kiosk.store.db import write
from kiosk.store.keyfiles import key_dir_for, write_private_key
from tests.printing.helpers import (
    decode_qr,
    gray,
    page_size_mm,
    pdf_info,
    pdf_page_image,
    pdf_text,
)

STAFF_PIN = "864200"


@pytest.fixture
def db_file(db: Database, event: Event, signing_key: Ed25519PrivateKey, tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.db"
    write_private_key(key_dir_for(path), event.id, signing_key)
    with write(db):
        StaffPin(db).set_pin(STAFF_PIN)
    return path


def text_of(pdf: Path) -> str:
    # Qt's PDF text map gives some CJK glyphs their compatibility code point (U+2F24 for 大).
    return unicodedata.normalize("NFKC", pdf_text(pdf))


def test_badges_in_the_order_of_the_ids_file(
    qapp: object, db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--ids gives one page per id in the file's order, on A6 paper."""
    ids = tmp_path / "ids.txt"
    ids.write_text("A3\n\n# comment\nA1\nA2\n", encoding="utf-8")
    out = tmp_path / "badges.pdf"
    args = ["badges", "--db", str(db_file), "--out", str(out), "--ids", str(ids)]
    assert main([*args, "--pin", STAFF_PIN]) == 0
    assert pdf_info(out)["Pages"] == "3"
    width, height = page_size_mm(out)
    assert abs(width - 105) < 0.5 and abs(height - 148) < 0.5
    text = text_of(out)
    positions = [text.index(name) for name in ("Jürgen Groß", "张伟", "Núria Puig i Solé")]
    assert positions == sorted(positions)
    assert "3 badges ->" in capsys.readouterr().err


def test_badges_of_one_type_on_labels(
    qapp: object, db_file: Path, tmp_path: Path, code_for: Callable[..., str]
) -> None:
    """--type keeps only that type; --size label4x3 gives 4x3 inch landscape pages that scan."""
    out = tmp_path / "visitors.pdf"
    args = ["badges", "--db", str(db_file), "--out", str(out), "--type", "visitor"]
    assert main([*args, "--size", "label4x3", "--pin", STAFF_PIN]) == 0
    assert pdf_info(out)["Pages"] == "1"
    width, height = page_size_mm(out)
    assert abs(width - 101.6) < 0.5 and abs(height - 76.2) < 0.5
    assert "Jürgen Groß" in text_of(out)
    assert decode_qr(pdf_page_image(out, 1, tmp_path)) == [code_for("A3", "visitor")]


def test_unknown_ids_write_nothing(
    qapp: object, db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ids file naming unknown attendees is refused before any page is written."""
    ids = tmp_path / "ids.txt"
    ids.write_text("A1\nZZ9\n", encoding="utf-8")
    out = tmp_path / "x.pdf"
    assert main(["badges", "--db", str(db_file), "--out", str(out), "--ids", str(ids)]) == 1
    assert "unknown attendee id(s)" in capsys.readouterr().err and not out.exists()


def test_print_badge_then_reprint_needs_pin(
    qapp: object,
    db: Database,
    db_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The staff desk prints once freely; again only with the PIN and a reason."""
    monkeypatch.delenv("KIOSK_STAFF_PIN", raising=False)
    pdf = tmp_path / "one.pdf"
    base = ["print-badge", "A2", "--db", str(db_file), "--pdf", str(pdf)]
    assert main(base) == 0
    assert "Núria Puig i Solé" in text_of(pdf)
    assert main(base) == 1
    assert "needs the staff PIN" in capsys.readouterr().err
    assert main([*base, "--pin", STAFF_PIN]) == 1
    assert "needs --reason" in capsys.readouterr().err
    assert main([*base, "--pin", STAFF_PIN, "--reason", "coffee spilt"]) == 0
    assert [(r.kind, r.reason) for r in prints.for_attendee(db, "A2")] == [
        ("first", ""),
        ("reprint", "coffee spilt"),
    ]


def test_missing_printer_is_reported_not_printed(
    qapp: object, db: Database, db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A printer that does not exist: a clear error, the failure logged, the badge not printed."""
    assert main(["print-badge", "A1", "--db", str(db_file), "--printer", "NoSuchPrinter"]) == 1
    assert "printer_missing" in capsys.readouterr().err
    assert not prints.has_printed(db, "A1")
    assert [r.status for r in prints.for_attendee(db, "A1")] == ["failed"]


def test_pre_printed_badges_are_logged_and_not_printed_twice(
    qapp: object, db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulk run logs every badge as printed (so a pickup kiosk will not print another
    without staff); a second run skips them, and --reprint needs the staff PIN."""
    database = Database(db_file)
    out = tmp_path / "run1.pdf"
    base = ["badges", "--db", str(db_file)]
    assert main([*base, "--out", str(out), "--type", "delegate", "--pin", STAFF_PIN]) == 0
    delegates = [
        r[0]
        for r in database.execute(
            "SELECT id FROM attendees WHERE type = 'delegate' AND NOT cancelled"
        )
    ]
    logged = database.execute("SELECT attendee_id, kind, status, printer FROM prints").fetchall()
    assert sorted(r[0] for r in logged) == sorted(delegates)
    assert {(r[1], r[2], r[3]) for r in logged} == {("first", "ok", f"pdf:{out.resolve()}")}
    capsys.readouterr()
    again = tmp_path / "run2.pdf"
    assert main([*base, "--out", str(again), "--type", "delegate", "--pin", STAFF_PIN]) == 1
    assert "printed before" in capsys.readouterr().err and not again.exists()
    rerun = [*base, "--out", str(again), "--type", "delegate", "--reprint", "jam"]
    assert main([*rerun, "--pin", "111111"]) == 1
    assert not again.exists()
    assert main([*rerun, "--pin", STAFF_PIN]) == 0
    kinds = database.execute("SELECT kind, reason FROM prints WHERE reason = 'jam'").fetchall()
    assert len(kinds) == len(delegates) and {k for k, _ in kinds} == {"reprint"}


def test_proof_is_stamped_and_logs_nothing(
    qapp: object, db_file: Path, tmp_path: Path, event: Event
) -> None:
    """--proof pages carry PROOF across the badge, and no badge counts as printed."""
    out = tmp_path / "proof.pdf"
    ids = tmp_path / "ids.txt"
    ids.write_text("A3\n", encoding="utf-8")
    args = ["badges", "--db", str(db_file), "--out", str(out), "--ids", str(ids)]
    assert main([*args, "--proof"]) == 0
    assert Database(db_file).execute("SELECT count(*) FROM prints").fetchone() == (0,)
    plain = tmp_path / "plain.pdf"
    assert main([*args[:3], "--out", str(plain), "--ids", str(ids), "--pin", STAFF_PIN]) == 0
    proof_img = gray(pdf_page_image(out, 1, tmp_path, dpi=50))
    (tmp_path / "p").mkdir()
    plain_img = gray(pdf_page_image(plain, 1, tmp_path / "p", dpi=50))
    changed = (abs(proof_img.astype(int) - plain_img.astype(int)) > 40).mean()
    assert 0.03 < changed < 0.5, changed  # a stamp over the badge, not a different badge
