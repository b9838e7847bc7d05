"""The `kiosk` command end to end on the demo database: codes, scans, JSON and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli.data import make_demo_database
from tests.cli.helpers import kiosk


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    make_demo_database(path, count=300)
    return path


def test_scan_json_for_an_admission_then_already_inside(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk code` then `kiosk scan --json`: admitted with exit 0, then denied with exit 1."""
    _, people, _ = kiosk(capsys, "attendees", "--db", str(demo_db), "--json", "--limit", "300")
    delegate = next(p for p in json.loads(people) if p["type"] == "delegate")
    _, code, _ = kiosk(capsys, "code", delegate["id"], "--db", str(demo_db))
    args = [
        "scan",
        code.strip(),
        "--hall",
        "auditorium",
        "--at",
        "2026-10-14T09:20",
        "--json",
        "--db",
        str(demo_db),
    ]
    first = kiosk(capsys, *args)
    second = kiosk(capsys, *args[:5], "2026-10-14T09:25", *args[6:])
    decisions = [json.loads(first[1]), json.loads(second[1])]
    assert [
        (first[0], d["verdict"], d["session"], d["recorded"])
        for d, first in zip(decisions, [first, second], strict=True)
    ] == [(0, "admitted", "opening-plenary", True), (1, "already_inside", "opening-plenary", True)]
    shown = decisions[0]["attendee"]
    assert {k: shown[k] for k in ("id", "name", "company", "type")} == {
        k: delegate[k] for k in ("id", "name", "company", "type")
    }
    assert {"position", "seat"} <= set(shown) and "attention_note" in decisions[0]


def test_exit_is_recorded_with_status_zero(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An exit scan prints exit_recorded and exits 0."""
    status, out, _ = kiosk(
        capsys, "scan", "T-NOPE", "--hall", "expo", "--exit", "--json", "--db", str(demo_db)
    )
    assert (status, json.loads(out)["verdict"]) == (1, "unknown_badge")
    _, people, _ = kiosk(capsys, "attendees", "--db", str(demo_db), "--json")
    ticket = json.loads(people)[0]["ticket_code"]
    status, out, _ = kiosk(
        capsys,
        "scan",
        ticket,
        "--hall",
        "expo",
        "--exit",
        "--json",
        "--at",
        "2026-10-14T12:00+08:00",
        "--db",
        str(demo_db),
    )
    assert (status, json.loads(out)["verdict"]) == (0, "exit_recorded")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hall", "nowhere"], "unknown hall 'nowhere'"),
        (["--hall", "expo", "--at", "tomorrow"], "not an ISO-8601 time"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    demo_db: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """Unknown hall and bad time: exit status 2 and one clear line, no traceback."""
    status, out, err = kiosk(capsys, "scan", "X", *args, "--db", str(demo_db))
    assert (status, out, err.count("\n"), message in err) == (2, "", 1, True)


def test_missing_database_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command on a database that does not exist says how to make one."""
    status, _, err = kiosk(capsys, "scan", "X", "--hall", "a", "--db", str(tmp_path / "no.db"))
    assert status == 1 and "kiosk demo-data" in err and "Traceback" not in err


def test_event_show_json_lists_halls_sessions_types(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk event show --json` gives halls, sessions with offset times, and types."""
    _, out, _ = kiosk(capsys, "event", "show", "--json", "--db", str(demo_db))
    event = json.loads(out)
    assert {"auditorium", "expo"} <= {h["id"] for h in event["halls"]}
    assert all(s["start"].endswith("+08:00") for s in event["sessions"])
    assert {"visitor", "delegate", "staff"} <= {t["id"] for t in event["types"]}


def test_qr_png_decodes_to_the_code(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk qr` writes a PNG whose QR decodes back to `kiosk code`."""
    import cv2
    import zxingcpp

    _, code, _ = kiosk(capsys, "code", "A0000001", "--db", str(demo_db))
    kiosk(capsys, "qr", "A0000001", "--out", str(tmp_path / "a.png"), "--db", str(demo_db))
    image = cv2.imread(str(tmp_path / "a.png"), cv2.IMREAD_GRAYSCALE)
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormat.QRCode, text_mode=zxingcpp.TextMode.Plain
    )
    assert [r.text for r in found] == [code.strip()]


def test_code_without_a_signing_key_explains(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kiosk without the organiser's private key cannot sign, and says why."""
    status, _, err = kiosk(
        capsys, "code", "A0000001", "--key-dir", str(tmp_path), "--db", str(demo_db)
    )
    assert status == 1 and "public keys only" in err


def test_malformed_event_file_names_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk event check` on a bad file prints file:line: field: reason."""
    bad = tmp_path / "bad.toml"
    bad.write_text('[event]\nid = "x"\nname = "X"\ntimezone = "Mars/Base"\ndays = ["2026-01-01"]\n')
    status, _, err = kiosk(capsys, "event", "check", str(bad))
    assert (status, err.strip()) == (
        1,
        f"kiosk: {bad}:4: event.timezone: unknown time zone 'Mars/Base'",
    )
