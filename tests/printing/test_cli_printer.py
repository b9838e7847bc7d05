"""`kiosk printer`: choosing the badge printer and size, refusing unknown printers."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.cli.main import main
from kiosk.store import prints, settings
from tests.printing.helpers import page_size_mm, pdf_text


def test_unknown_printer_is_refused_and_nothing_changes(
    qapp: object, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in the printer name names the printers there are and keeps the setting."""
    db_file = tmp_path / "kiosk.db"
    assert main(["printer", "set", "--pdf", "--size", "cr80", "--db", str(db_file)]) == 0
    assert main(["printer", "set", "No Such Printer", "--db", str(db_file)]) == 2
    assert "no printer 'No Such Printer'" in capsys.readouterr().err
    assert (settings.get(db, "printer"), settings.get(db, "badge_size")) == ("", "cr80")


def test_test_badge_goes_to_pdf_without_a_printer_and_is_not_logged(
    qapp: object, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No printer chosen: the test badge is a PDF beside the database, in the chosen size,
    stamped TEST, and the attendee's badge does not count as printed."""
    db_file = tmp_path / "kiosk.db"
    assert main(["printer", "set", "--pdf", "--size", "cr80", "--db", str(db_file)]) == 0
    assert main(["printer", "test", "--attendee", "A3", "--db", str(db_file)]) == 0
    assert "stamped TEST, not logged" in capsys.readouterr().out
    pdf = tmp_path / "badges" / "badge-A3.pdf"
    width, height = page_size_mm(pdf)
    assert abs(width - 54) < 0.5 and abs(height - 85.6) < 0.5
    assert "Jürgen Groß" in pdf_text(pdf)
    assert not prints.has_printed(db, "A3")
    assert main(["printer", "test", "--attendee", "NOBODY", "--db", str(db_file)]) == 1
