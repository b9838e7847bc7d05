"""The sync commands end to end: hub init, publish, sync, conflicts, export and report."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlite_utils import Database

from kiosk.cli import main as cli
from kiosk.domain.attendee import Attendee
from kiosk.store import attendees
from kiosk.store.db import write
from tests.pg_server import PgHub
from tests.sync.conftest import Kiosk

Code = Callable[..., str]


@pytest.fixture
def kiosk(monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str, str]]:
    """Run `kiosk ARGS...` in-process; (status, stdout, stderr)."""
    if "kiosk.cli.sync" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "kiosk.cli.sync"))

    def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = cli.main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def organiser(db: Database, tmp_path: Path) -> str:
    """The organiser database of tests/conftest (tiny event, keys, six people)."""
    with write(db):
        attendees.save(db, Attendee("A9", "=HYPERLINK(1)", "Evil", "-x", "e@x", "delegate"))
    return str(tmp_path / "kiosk.db")


def test_folder_hub_from_init_to_report(
    kiosk: Callable[..., tuple[int, str, str]], capsys: pytest.CaptureFixture[str],
    organiser: str, tmp_path: Path, code_for: Code,
) -> None:  # fmt: skip
    """The organiser publishes to a new folder hub; two kiosks provision from it with the
    organiser's fingerprint, are enrolled, scan, sync; conflicts, exports and the PDF
    report then show both doors (the README's provisioning steps, as run)."""
    hub = str(tmp_path / "stick")
    assert kiosk(capsys, "hub", "init", hub)[0] == 0
    status, out, _ = kiosk(capsys, "organiser", "init", "--db", organiser)
    fingerprint = out.split()[2]
    assert status == 0 and len(fingerprint) == 39
    status, out, _ = kiosk(capsys, "publish", "--hub", hub, "--db", organiser)
    assert (status, out.strip()) == (0, f"published version 1 to {hub}: event sent, 1 keys, "
                                     "7 attendees changed (0 removed), 0 revocations, "
                                     "1 kiosk enrolments")  # fmt: skip
    doors = [tmp_path / "door1.db", tmp_path / "door2.db"]
    status, _, err = kiosk(capsys, "sync", "--hub", hub, "--db", str(doors[0]))
    assert status == 1 and "trusts no organiser yet" in err
    for door in doors:
        args = ("sync", "--hub", hub, "--db", str(door), "--organiser", fingerprint.lower())
        status, out, _ = kiosk(capsys, *args)
        assert status == 0 and "7 attendees, 1 keys" in out
        status, out, _ = kiosk(capsys, "identity", "--out", f"{door}.req", "--db", str(door))
        assert status == 0 and "not enrolled yet" in out
        status, out, _ = kiosk(capsys, "enrol", "--request", f"{door}.req", "--role", "door",
                               "--db", organiser)  # fmt: skip
        assert status == 0, out
    assert kiosk(capsys, "publish", "--hub", hub, "--db", organiser)[0] == 0
    for door, minute in zip(doors, ("09:50", "09:55"), strict=True):
        Kiosk(door).service(f"14 {minute}").scan(code_for("A1"), "main")
    for door in (*doors, doors[0]):
        assert kiosk(capsys, "sync", "--db", str(door))[0] == 0  # the hub was remembered
    status, out, _ = kiosk(capsys, "conflicts", "--json", "--db", str(doors[0]))
    found = json.loads(out)
    assert [(c["attendee_id"], c["session"], len(c["admissions"])) for c in found] == [
        ("A1", "keynote", 2)
    ]
    csv_file, xlsx_file = tmp_path / "out" / "in.csv", tmp_path / "out" / "in.xlsx"
    assert (
        kiosk(capsys, "export", "checkins", "--out", str(csv_file), "--db", str(doors[1]))[0] == 0
    )
    with open(csv_file, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["attendee_id"], r["name"], r["session"]) for r in rows] == [
        ("A1", "张伟", "keynote"), ("A1", "张伟", "keynote")
    ]  # fmt: skip
    args = ("export", "checkins", "--out", str(xlsx_file), "--day", "2026-10-15")
    assert kiosk(capsys, *args, "--db", str(doors[1]))[0] == 0
    assert list(load_workbook(xlsx_file).active.values)[1:] == []  # nothing on day 2
    report = tmp_path / "report.pdf"
    status, out, _ = kiosk(capsys, "report", "--out", str(report), "--db", str(doors[0]))
    assert status == 0 and report.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(report), "-"], capture_output=True, text=True, check=True
        ).stdout
        for expected in ("Tiny Expo: attendance", "Keynote", "No-shows per attendee type",
                         "Entries over time", "A1 张伟"):  # fmt: skip
            assert expected in text


def test_export_never_writes_a_formula(
    kiosk: Callable[..., tuple[int, str, str]], capsys: pytest.CaptureFixture[str],
    organiser: str, tmp_path: Path,
) -> None:  # fmt: skip
    """A name starting with '=' stays text in CSV and XLSX (no spreadsheet formula injection)."""
    door = Kiosk(Path(organiser))
    door.service("14 10:00").admit_manually("A9", "main", "lost badge")
    out = tmp_path / "x.xlsx"
    assert kiosk(capsys, "export", "checkins", "--out", str(out), "--db", organiser)[0] == 0
    cell = load_workbook(out).active["I2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1) Evil", "s")
    out = tmp_path / "x.csv"
    assert kiosk(capsys, "export", "checkins", "--out", str(out), "--db", organiser)[0] == 0
    assert ",'=HYPERLINK(1) Evil," in out.read_text(encoding="utf-8-sig")


def test_postgres_hub_init_prints_a_kiosk_url_that_works(
    kiosk: Callable[..., tuple[int, str, str]], capsys: pytest.CaptureFixture[str],
    pg_hub: PgHub, organiser: str, tmp_path: Path,
) -> None:  # fmt: skip
    """`hub init` as the owner gives the kiosks' URL; kiosks provision with it."""
    status, out, _ = kiosk(capsys, "hub", "init", pg_hub.admin, "--role", "door_role")
    url = out.strip().splitlines()[-1].removeprefix("kiosks sync with: ")
    assert status == 0 and url.startswith("postgresql://door_role:")
    fingerprint = kiosk(capsys, "organiser", "init", "--db", organiser)[1].split()[2]
    assert kiosk(capsys, "publish", "--hub", pg_hub.admin, "--db", organiser)[0] == 0
    door = tmp_path / "door.db"
    status, out, _ = kiosk(
        capsys, "sync", "--hub", url, "--db", str(door), "--organiser", fingerprint
    )
    assert status == 0 and "7 attendees" in out
    # The password went to the kiosk's passfile, not into its database.
    stored = Database(door).execute("SELECT value FROM settings WHERE key = 'sync:hub'")
    assert stored.fetchone()[0] == url.replace(url.split(":")[2].split("@")[0], "").replace(
        ":@", "@"
    )
    assert (tmp_path / "door.db.keys" / "pgpass").stat().st_mode & 0o777 == 0o600
    assert kiosk(capsys, "sync", "--db", str(door))[0] == 0  # with the passfile alone


def test_sync_failure_is_one_line_on_stderr(
    kiosk: Callable[..., tuple[int, str, str]], capsys: pytest.CaptureFixture[str],
    pg_hub: PgHub, tmp_path: Path,
) -> None:  # fmt: skip
    """Wrong password: exit 1, one line saying so and that the kiosk goes on offline."""
    wrong = pg_hub.kiosk.replace(":kiosk-secret@", ":nope@")
    status, out, err = kiosk(capsys, "sync", "--hub", wrong, "--db", str(tmp_path / "k.db"))
    assert (status, out) == (1, "")
    assert err.count("\n") == 1 and "nope" not in err
    assert err.endswith("refused the user name or password; this kiosk keeps working offline\n")


def test_sync_without_a_hub_says_how(
    kiosk: Callable[..., tuple[int, str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No --hub and none remembered: a usage message."""
    status, _, err = kiosk(capsys, "sync", "--db", str(tmp_path / "k.db"))
    assert status == 2 and "no hub yet: give one with --hub" in err


def test_a_kiosk_role_of_its_own_can_be_withdrawn_alone(
    kiosk: Callable[..., tuple[int, str, str]], capsys: pytest.CaptureFixture[str],
    pg_hub: PgHub, organiser: str, tmp_path: Path,
) -> None:  # fmt: skip
    """`hub add-kiosk` gives one kiosk its own login; `hub disable-kiosk` shuts that one
    out (one line, offline) while the shared role still works."""
    fingerprint = kiosk(capsys, "organiser", "init", "--db", organiser)[1].split()[2]
    assert kiosk(capsys, "publish", "--hub", pg_hub.admin, "--db", organiser)[0] == 0
    status, out, _ = kiosk(capsys, "hub", "add-kiosk", pg_hub.admin, "door3")
    url = out.strip().splitlines()[-1]
    assert status == 0 and url.startswith("postgresql://door3:")
    door = str(tmp_path / "door3.db")
    assert kiosk(capsys, "sync", "--hub", url, "--db", door, "--organiser", fingerprint)[0] == 0
    assert kiosk(capsys, "hub", "disable-kiosk", pg_hub.admin, "door3")[0] == 0
    status, out, err = kiosk(capsys, "sync", "--db", door)
    assert status == 1 and err.count("\n") == 1 and "offline" in err
    other = str(tmp_path / "other.db")
    args = ("sync", "--hub", pg_hub.kiosk, "--db", other, "--organiser", fingerprint)
    assert kiosk(capsys, *args)[0] == 0
    status, _, err = kiosk(capsys, "hub", "add-kiosk", str(tmp_path), "door4")
    assert status == 2 and "PostgreSQL" in err


def test_the_organiser_key_can_be_protected_by_a_passphrase(
    kiosk: Callable[..., tuple[int, str, str]], capsys: pytest.CaptureFixture[str],
    organiser: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A copy of the organiser's key folder is no use without the passphrase: publish and
    enrol refuse without it or with a wrong one (one line), and work with it."""
    hub = str(tmp_path / "stick")
    assert kiosk(capsys, "hub", "init", hub)[0] == 0
    monkeypatch.setenv("KIOSK_ORGANISER_PASSPHRASE", "short")
    status, _, err = kiosk(capsys, "organiser", "init", "--db", organiser)
    assert status == 1 and "at least 10 characters" in err
    monkeypatch.setenv("KIOSK_ORGANISER_PASSPHRASE", "correct horse battery")
    assert kiosk(capsys, "organiser", "init", "--db", organiser)[0] == 0
    pem = (tmp_path / "kiosk.db.keys" / "organiser.pem").read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    monkeypatch.delenv("KIOSK_ORGANISER_PASSPHRASE")
    status, _, err = kiosk(capsys, "publish", "--hub", hub, "--db", organiser)
    assert status == 1 and err.count("\n") == 1 and "protected by a passphrase" in err
    monkeypatch.setenv("KIOSK_ORGANISER_PASSPHRASE", "wrong horse battery")
    status, _, err = kiosk(capsys, "publish", "--hub", hub, "--db", organiser)
    assert status == 1 and "wrong passphrase" in err
    assert not (Path(hub) / "organiser").exists()
    monkeypatch.setenv("KIOSK_ORGANISER_PASSPHRASE", "correct horse battery")
    assert kiosk(capsys, "publish", "--hub", hub, "--db", organiser)[0] == 0


@pytest.mark.parametrize(
    "request_text",
    [
        "not json",
        '{"kiosk_id": "../../etc", "public_key": "AAAA"}',
        '{"kiosk_id": "k-1", "public_key": "bm90IGEga2V5"}',
        '{"kiosk_id": "k-1"}',
        "[1, 2]",
    ],
)
def test_a_bad_enrolment_request_enrols_nobody(
    kiosk: Callable[..., tuple[int, str, str]], capsys: pytest.CaptureFixture[str],
    organiser: str, tmp_path: Path, request_text: str,
) -> None:  # fmt: skip
    """A request file that is not one, names a path for a kiosk id or carries no usable
    key: one line, non-zero, and the enrolment list unchanged."""
    assert kiosk(capsys, "organiser", "init", "--db", organiser)[0] == 0
    before = kiosk(capsys, "enrolments", "--db", organiser)[1]
    request = tmp_path / "door.request"
    request.write_text(request_text, encoding="utf-8")
    status, _, err = kiosk(capsys, "enrol", "--request", str(request), "--role", "door",
                           "--db", organiser)  # fmt: skip
    assert status in (1, 2) and err.count("\n") == 1
    assert kiosk(capsys, "enrolments", "--db", organiser)[1] == before
