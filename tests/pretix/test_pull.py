"""`kiosk pretix pull` against a real pretix server (tests/pretix/server.py): what it
brings in, incrementally, and the one-line errors of a wrong token, event or server."""

from __future__ import annotations

import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.store import attendees, pretix
from kiosk.store.db import write
from tests.cli.helpers import assert_one_line, kiosk
from tests.pretix.server import PretixServer

SIGNED, RANDOM = "sces26", "sidecar26"


def pull(
    capsys: pytest.CaptureFixture[str], server: PretixServer, db_file: Path, *extra: str,
    event: str = SIGNED,
) -> tuple[int, str, str]:  # fmt: skip
    """`kiosk pretix pull ...` for `event` of the test server."""
    return kiosk(capsys, "pretix", "pull", "--url", server.url, "--organizer",
                 server.organizer, "--event", event, "--token", server.token, "--db",
                 str(db_file), *extra)  # fmt: skip


def map_items(db: Database, server: PretixServer, event: str = SIGNED) -> None:
    items = server.event(event)["items"]
    with write(db):
        pretix.set_items(db, {str(items["delegate"]): "delegate", str(items["visitor"]): "visitor"})


def person(db: Database, aid: str) -> tuple[object, ...]:
    found = attendees.find_by_id(db, aid)
    assert found is not None, aid
    return (found.first_name, found.last_name, found.email, found.company, found.type,
            found.cancelled, found.seat)  # fmt: skip


def test_pull_brings_the_event_in(
    pretix_server: PretixServer, db: Database, organiser_root: Ed25519PrivateKey,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """A first pull: every admission position of a paid order an attendee (name parts,
    e-mail, company, seat, secret), unpaid and cancelled orders cancelled, parking none,
    the unmapped press product left out and named; the event's key trusted. A second pull
    finds no order changed."""
    map_items(db, pretix_server)
    status, out, err = pull(capsys, pretix_server, tmp_path / "kiosk.db")
    assert status == 0, err
    orders = pretix_server.event(SIGNED)["orders"]
    paid, secrets = orders["paid"], pretix_server.event(SIGNED)["positions"]
    assert person(db, f"{paid}-1") == (
        "Núria", "Puig i Solé", "nuria@fira.example", "Fira de Barcelona", "delegate", False,
        "Row 3, Seat 12",
    )  # fmt: skip
    assert person(db, f"{paid}-2")[:5] == ("伟", "张", "buyer@fira.example", "华为", "delegate")
    assert person(db, f"{paid}-3")[4:6] == ("visitor", False)
    assert attendees.find_by_id(db, f"{paid}-4") is None  # parking: no admission
    assert attendees.find_by_id(db, f"{orders['press']}-1") is None  # unmapped
    assert person(db, f"{orders['pending']}-1")[5] is True
    assert person(db, f"{orders['cancelled']}-1")[5] is True
    found = attendees.find_by_ticket_code(db, secrets[f"{paid}-1"]["secret"])
    assert found is not None and found.id == f"{paid}-1"
    assert "'Press'" in err and re.search(r"\d+ orders in all: \d+ attendees added", out)
    assert [k["pem_b64"] for k in pretix.trusted_keys(db)] == pretix_server.event(SIGNED)[
        "valid_keys"
    ]
    status, out, err = pull(capsys, pretix_server, tmp_path / "kiosk.db")
    assert status == 0, err
    assert "0 orders changed" in out


@pytest.fixture
def not_pretix() -> Iterator[str]:
    """A web server that answers everything with an HTML page."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>router login</body></html>")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()


def test_pull_errors_are_one_line_and_change_nothing(
    pretix_server: PretixServer, db: Database, organiser_root: Ed25519PrivateKey,
    tmp_path: Path, capsys: pytest.CaptureFixture[str], not_pretix: str,
) -> None:  # fmt: skip
    """A wrong token (401), a wrong event (404), a server that is not there, one that is no
    pretix: one line each, exit 1, nothing written."""
    db_file = tmp_path / "kiosk.db"
    before = list(db.execute("SELECT * FROM attendees ORDER BY id"))
    cases = {
        "refused the API token (HTTP 401)": ("--token", "wrong-token"),
        "no such organiser or event": ("--event", "no-such-event"),
        "cannot reach": ("--url", "http://127.0.0.1:9"),
        "not JSON": ("--url", not_pretix),
        "not a pretix short name": ("--organizer", "../../admin"),
    }
    for fragment, (option, value) in cases.items():
        args = ["--url", pretix_server.url, "--organizer", pretix_server.organizer, "--event",
                SIGNED, "--token", pretix_server.token, "--db", str(db_file)]  # fmt: skip
        args[args.index(option) + 1] = value
        status, _, err = kiosk(capsys, "pretix", "pull", *args)
        assert status == 1, (fragment, err)
        assert_one_line(err, fragment)
    assert list(db.execute("SELECT * FROM attendees ORDER BY id")) == before
    assert not pretix.trusted_keys(db)


def test_pull_refuses_a_kiosk(
    pretix_server: PretixServer, db: Database, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """On a database without the organiser's key (a kiosk), pull refuses and fetches
    nothing."""
    status, _, err = pull(capsys, pretix_server, tmp_path / "kiosk.db")
    assert status == 1
    assert_one_line(err, "only the organiser's machine")


def test_export_made_by_pretix_imports(
    pretix_server: PretixServer, db: Database, tmp_path: Path
) -> None:
    """pretix's own JSON exporter's file imports to the same attendees as a pull makes."""
    from kiosk.domain.event import Event
    from kiosk.importing import ImportOptions
    from kiosk.importing.pretix_json import import_pretix_json
    from kiosk.store import events

    out = tmp_path / f"{RANDOM}_pretixdata.json"
    pretix_server.side("export", RANDOM, str(out))
    assert json.loads(out.read_text())["event"]["slug"] == RANDOM
    map_items(db, pretix_server, RANDOM)
    event = events.load_event(db)
    assert isinstance(event, Event)
    report = import_pretix_json(db, event, out, ImportOptions())
    assert report.counts.added >= 3 and report.counts.cancelled >= 2  # tests may sell more
    orders = pretix_server.event(RANDOM)["orders"]
    assert person(db, f"{orders['pending']}-1")[5] is True
    assert attendees.find_by_id(db, f"{orders['press']}-1") is None  # unmapped
    paid = pretix_server.event(RANDOM)["orders"]["paid"]
    assert person(db, f"{paid}-1")[:5] == (
        "Núria", "Puig i Solé", "nuria@fira.example", "Fira de Barcelona", "delegate",
    )  # fmt: skip
    assert person(db, f"{paid}-1")[6] == f"{RANDOM}-r3-s12"  # the export gives the seat's id
    assert person(db, f"{paid}-2")[:2] == ("伟", "张")
