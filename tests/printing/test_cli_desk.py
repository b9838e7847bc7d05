"""`kiosk walk-in` and `kiosk replace-badge`: the desk's operations from a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.cli.main import main
from kiosk.domain.decision import Verdict
from kiosk.domain.event import Event
from kiosk.service.checkin import CheckInService
from kiosk.service.staff_pin import StaffPin
from kiosk.store import attendees, prints
from kiosk.store.db import write
from kiosk.store.keyfiles import key_dir_for, write_private_key
from tests.conftest import at
from tests.printing.helpers import decode_qr, pdf_page_image, pdf_text

STAFF_PIN = "864200"


@pytest.fixture
def db_file(db: Database, tmp_path: Path) -> Path:
    with write(db):
        StaffPin(db).set_pin(STAFF_PIN)
    return tmp_path / "kiosk.db"


def test_walk_in_registers_and_prints_a_signed_badge(
    qapp: object,
    db: Database,
    db_file: Path,
    event: Event,
    signing_key: Ed25519PrivateKey,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With the signing key here the walk-in's badge QR is a signed code that the door admits."""
    write_private_key(key_dir_for(db_file), event.id, signing_key)
    pdf = tmp_path / "walk-in.pdf"
    args = ["walk-in", "--db", str(db_file), "--pdf", str(pdf), "--pin", STAFF_PIN]
    assert main([*args, "--first", "Oriol", "--last", "Vidal", "--type", "delegate",
                 "--company", "BCN"]) == 0  # fmt: skip
    out = capsys.readouterr()
    assert "registered W" in out.out and "note:" not in out.err
    [walk_in] = [a for a in attendees.iter_all(db) if a.last_name == "Vidal"]
    assert "Oriol Vidal" in pdf_text(pdf)
    [code] = decode_qr(pdf_page_image(pdf, 1, tmp_path))
    door = CheckInService(db, event, clock=lambda: at("14 10:00"))
    assert door.scan(code, "main").verdict is Verdict.ADMITTED
    assert [r.kind for r in prints.for_attendee(db, walk_in.id)] == ["walk_in"]


def test_walk_in_bad_input_changes_nothing(
    db: Database, db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown type or a missing printer is said clearly and nobody is registered."""
    before = attendees.count(db)
    base = ["walk-in", "--db", str(db_file), "--first", "A", "--last", "B", "--pin", STAFF_PIN]
    assert main([*base, "--type", "vip", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "unknown attendee type 'vip'" in capsys.readouterr().err
    assert main([*base, "--type", "visitor"]) == 2  # no printer setting, no --pdf
    assert "no printer" in capsys.readouterr().err
    assert attendees.count(db) == before


def test_walk_in_of_someone_registered_needs_different_person(
    qapp: object, db: Database, db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Jürgen Groß with his registered e-mail is refused as a walk-in (named, with the
    way out); with --different-person he is registered; no contact at all is refused."""
    base = ["walk-in", "--db", str(db_file), "--no-print", "--type", "visitor", "--pin", STAFF_PIN]
    jurgen = [*base, "--first", "Jurgen", "--last", "Gross", "--email", "JURGEN@example.de"]
    before = attendees.count(db)
    assert main(jurgen) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "A3 (Jürgen Groß" in err and "--different-person" in err
    assert main([*base, "--first", "Ada", "--last", "Lovelace"]) == 2
    assert "company or e-mail is required" in capsys.readouterr().err
    assert attendees.count(db) == before
    assert main([*jurgen, "--different-person"]) == 0
    assert attendees.count(db) == before + 1


def test_replace_badge_voids_the_old_one(
    qapp: object,
    db: Database,
    db_file: Path,
    event: Event,
    signing_key: Ed25519PrivateKey,
    code_for: Callable[..., str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A wrong PIN changes nothing; the right one refuses the old code and prints the new."""
    monkeypatch.delenv("KIOSK_STAFF_PIN", raising=False)
    write_private_key(key_dir_for(db_file), event.id, signing_key)
    pdf = tmp_path / "new.pdf"
    base = ["replace-badge", "A3", "--db", str(db_file), "--pdf", str(pdf), "--reason", "lost"]
    assert main([*base, "--pin", "111111"]) == 1
    assert "wrong staff PIN" in capsys.readouterr().err and not pdf.exists()
    assert attendees.revocation(db, "A3") is None
    assert main([*base, "--pin", STAFF_PIN]) == 0
    door = CheckInService(db, event, clock=lambda: at("14 10:00"))
    assert door.scan(code_for("A3", "visitor"), "main").verdict is Verdict.REVOKED
    assert decode_qr(pdf_page_image(pdf, 1, tmp_path)) == [code_for("A3", "visitor", 2)]
    assert [(r.kind, r.reason) for r in prints.for_attendee(db, "A3")] == [
        ("reprint", "replacement: lost")
    ]


def test_walk_ins_and_prints_are_listed_for_the_organiser(
    qapp: object, db: Database, db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A walk-in registered without the signing key is listed as flagged, with its print."""
    pdf = tmp_path / "w.pdf"
    args = ["walk-in", "--db", str(db_file), "--pdf", str(pdf), "--type", "delegate"]
    args += ["--pin", STAFF_PIN]
    assert main([*args, "--first", "Joan", "--last", "Miró", "--company", "Fundació"]) == 0
    assert "note: no signing key" in capsys.readouterr().err
    assert main(["walk-ins", "--flagged", "--json", "--db", str(db_file)]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["name"], row["company"], row["flagged"]) == ("Joan Miró", "Fundació", True)
    assert main(["prints", "--attendee", row["attendee_id"], "--db", str(db_file)]) == 0
    out = capsys.readouterr()
    assert f"{row['attendee_id']}  walk_in  pdf:" in out.out and "1 print(s), 0 failed" in out.err
    assert main(["prints", "--attendee", "NOBODY", "--db", str(db_file)]) == 1


def test_prints_listing_ends_on_its_own_line_before_the_summary(
    db: Database, db_file: Path
) -> None:
    """`kiosk prints 2>&1 | ...`: every record line is whole and the summary comes last on
    a line of its own (stdout is flushed before the summary goes to stderr)."""
    with write(db):
        for i in range(300):  # well past a pipe buffer of output
            prints.append(
                db,
                prints.PrintRecord(
                    f"r{i:04}", "k1", "A3", 1, f"2026-10-14T02:{i % 60:02}:00+00:00",
                    "reprint", "pdf:/tmp/badges/badge-A3.pdf", "ok", "lost badge", "", True,
                ),
            )  # fmt: skip
    program = "import sys; from kiosk.cli.main import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", program, "prints", "--db", str(db_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # as a shell
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[-1] == "300 print(s), 0 failed"
    assert all(line.endswith("reason: lost badge") for line in lines[:-1]), lines[-3:]
    assert len(lines) == 301
