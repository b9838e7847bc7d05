"""The demo camera plays real demo badges; a scanner without an Enter suffix is heard too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.codes import parse_code
from kiosk.domain.event import Event
from kiosk.scanning.pipeline import KioskDecoder
from kiosk.store.keyfiles import key_dir_for, write_private_key
from kiosk.ui.demo_camera import DemoCameraSource, demo_codes, demo_start
from kiosk.ui.wedge import WedgeFilter


def test_demo_codes_are_real_attendees_and_some_refusals(
    db: Database, event: Event, signing_key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    """Demo badges are signed for attendees of the database; a link and strangers are mixed in."""
    write_private_key(key_dir_for(tmp_path / "kiosk.db"), event.id, signing_key)
    start, session = demo_start(event, "main")
    codes = demo_codes(db, tmp_path / "kiosk.db", event, "main", session)
    ids = {parse_code(c).attendee_id for c in codes if not c.startswith("http")}
    assert {"A1", "A2", "A6"} <= ids
    assert "https://sces.example/agenda" in codes
    assert session is not None and session.id == "keynote" and session.admits_at(start)


def test_demo_camera_frames_show_the_codes(
    db: Database, event: Event, code_for: Callable[..., str]
) -> None:
    """Frames of the demo camera decode to the badges it was given."""
    code = code_for("A1")
    source = DemoCameraSource([code], fps=20.0, seconds_per_badge=3.0, paced=False)
    source.open()
    decoder = KioskDecoder()
    found = set()
    for _ in range(80):
        frame = source.read()
        assert frame is not None
        found.update(decoder.decode(frame.image))
    source.close()
    assert found == {code}


def test_scanner_without_enter_is_ended_by_a_pause(make_door: Callable[..., Door], qtbot) -> None:  # type: ignore[no-untyped-def]
    """A burst with no Enter suffix becomes a scan once the keys pause."""
    door = make_door()
    assert isinstance(door.wedge, WedgeFilter)
    with qtbot.waitSignal(door.window.decided, timeout=3000) as blocker:
        qtbot.keyClicks(door.window, "T-0006")
    assert blocker.args[0].attendee.id == "A6"
