"""`kiosk admit` refuses what a scan would refuse unless `--override` is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli.data import make_demo_database
from kiosk.cli.main import main
from kiosk.service.staff_pin import StaffPin
from kiosk.store.db import open_db

PIN = "246802"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    make_demo_database(path, count=200)
    StaffPin(open_db(path)).set_pin(PIN)
    return path


def test_admit_needs_override_for_a_visitor_in_the_auditorium(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --override: exit 1 naming the rule, nothing logged; with it: admitted, and
    the record's reason names the rule overridden."""
    main(["attendees", "--db", str(demo_db), "--json", "--limit", "200"])
    people = json.loads(capsys.readouterr().out)
    visitor = next(p for p in people if p["type"] == "visitor")
    args = [
        "admit", visitor["id"], "--hall", "auditorium", "--reason", "organiser request",
        "--at", "2026-10-14T09:20", "--json", "--db", str(demo_db), "--pin", PIN,
    ]  # fmt: skip
    status = main(args)
    _, err = capsys.readouterr()
    assert status == 1
    assert "type_not_allowed" in err and "--override" in err
    status = main([*args, "--override"])
    decision = json.loads(capsys.readouterr().out)
    assert (status, decision["verdict"], decision["reason"]) == (
        0,
        "manual_admission",
        "override_type_not_allowed",
    )
