"""`kiosk inside`: the roll call as text, CSV, JSON and PDF; bad halls and times refused in
one line; names behind the staff PIN where the kiosk has one."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Direction
from kiosk.domain.trust import Enrolment, Role
from kiosk.service.checkin import CheckInService
from kiosk.service.staff_pin import StaffPin
from kiosk.store import attendees, trust_state
from kiosk.store.db import write
from tests.cli.helpers import assert_one_line, kiosk
from tests.conftest import at

Code = Callable[..., str]
PIN = "246802"


@pytest.fixture
def door(db: Database, service: CheckInService, code_for: Code, tmp_path: Path) -> str:
    """Keynote: 张伟 and Núria in, Núria out, an attacker-named visitor on the floor; an
    enrolled door that has sent nothing."""
    with write(db):
        attendees.save(db, Attendee("A9", "=HYPERLINK(1)", "Evil", "", "", "visitor", "T-0009"))
        trust_state.enrol(db, Enrolment("k-door-b", b"\0" * 32, Role.DOOR))
    service.scan(code_for("A1"), "main", Direction.ENTRY, at("14 09:40"))
    service.scan("T-0002", "main", Direction.ENTRY, at("14 09:41"))
    service.scan("T-0002", "main", Direction.EXIT, at("14 09:50"))
    service.scan("T-0009", "floor", Direction.ENTRY, at("14 09:55"))
    return str(tmp_path / "kiosk.db")


AT = "2026-10-14T10:00"


def test_text_lists_each_hall_and_says_what_is_missing(
    door: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Per hall a count and the people; freshness lines name the silent door."""
    status, out, _ = kiosk(capsys, "inside", "--at", AT, "--db", door)
    assert status == 0
    assert "main Main hall (Keynote): 1 inside" in out
    assert "09:40  张伟  Delegate" in out and "Núria" not in out
    assert "floor Exhibition floor (Exhibition day 1): 1 inside" in out
    assert "(this kiosk): never synced: other doors' entries are missing here" in out
    assert "k-door-b: nothing received from it: its entries are missing here" in out


def test_one_hall_and_counts_only(door: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--hall narrows to one hall; --counts lists no one."""
    out = kiosk(capsys, "inside", "--hall", "main", "--at", AT, "--counts", "--db", door)[1]
    assert "main Main hall (Keynote): 1 inside" in out
    assert "floor" not in out and "张伟" not in out


def test_csv_has_a_header_and_no_formula(
    door: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """One row per person inside; a name starting with '=' stays text."""
    out_file = tmp_path / "inside.csv"
    status, out, _ = kiosk(capsys, "inside", "--at", AT, "--csv", str(out_file), "--db", door)
    assert status == 0 and f"wrote 2 people to {out_file}" in out
    with open(out_file, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["hall", "session", "attendee_id", "name", "type", "seat", "entered", "kiosk"]
    assert [(r[0], r[2], r[3], r[6]) for r in rows[1:]] == [
        ("main", "A1", "张伟", "2026-10-14T09:40:00+08:00"),
        ("floor", "A9", "'=HYPERLINK(1) Evil", "2026-10-14T09:55:00+08:00"),
    ]


def test_json_carries_people_and_freshness(door: str, capsys: pytest.CaptureFixture[str]) -> None:
    """One object: halls with people, and the kiosks the log holds or lacks."""
    status, out, _ = kiosk(capsys, "inside", "--at", AT, "--json", "--db", door)
    found = json.loads(out)
    assert (status, found["count"]) == (0, 2)
    main_hall = found["halls"][0]
    assert (main_hall["hall"], main_hall["session"], main_hall["count"]) == ("main", "keynote", 1)
    assert main_hall["people"][0]["name"] == "张伟"
    missing = [k["kiosk"] for k in found["freshness"]["kiosks"] if k["missing"]]
    assert missing == ["k-door-b"] and found["freshness"]["last_sync"] is None


def test_pdf_is_a_printable_roll_call(
    door: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A PDF with the hall's table and its people, in English by default."""
    pdf = tmp_path / "inside.pdf"
    status, out, _ = kiosk(
        capsys, "inside", "--at", AT, "--pdf", str(pdf), "--lang", "en", "--db", door
    )
    assert status == 0 and "wrote" in out and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for expected in ("Tiny Expo: roll call", "Main hall (Keynote): 1 inside", "张伟",
                         "Where the data comes from", "k-door-b"):  # fmt: skip
            assert expected in text


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--hall", "attic"], ["unknown hall 'attic'", "main, floor"]),
        (["--at", "yesterday"], ["not an ISO-8601 time: 'yesterday'"]),
        (["--hall", "main\x00; DROP TABLE checkins"], ["unknown hall"]),
    ],
)
def test_bad_hall_and_time_are_one_line(
    door: str, capsys: pytest.CaptureFixture[str], args: list[str], fragments: list[str]
) -> None:
    """Exit 2 and one line; nothing written."""
    status, out, err = kiosk(capsys, "inside", *args, "--db", door)
    assert (status, out) == (2, "")
    assert_one_line(err, *fragments)


def test_names_need_the_staff_pin_where_one_is_set(
    door: str, db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a PIN set: no list without it, a wrong one refused, --counts still answers."""
    monkeypatch.delenv("KIOSK_STAFF_PIN", raising=False)
    StaffPin(db).set_pin(PIN)
    status, out, err = kiosk(capsys, "inside", "--at", AT, "--db", door)
    assert (status, out) == (2, "")
    assert_one_line(err, "needs the staff PIN", "--counts")
    status, out, err = kiosk(capsys, "inside", "--at", AT, "--pin", "135791", "--db", door)
    assert status == 1 and "张伟" not in out
    assert_one_line(err, "wrong staff PIN")
    assert "1 inside" in kiosk(capsys, "inside", "--at", AT, "--counts", "--db", door)[1]
    status, out, _ = kiosk(capsys, "inside", "--at", AT, "--pin", PIN, "--db", door)
    assert status == 0 and "张伟" in out
