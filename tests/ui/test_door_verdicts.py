"""The door screen shows each kind of decision: words, colour, icon, sound, and the log record."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain.codes import sign_code
from kiosk.domain.decision import Decision, Direction, Verdict
from kiosk.store import checkins
from kiosk.ui.verdicts import LOOKS, Kind
from tests.ui.conftest import FakeClock, wait_decided

Scan = Callable[[Door, str], Decision]


def shown(door: Door, decision: Decision | None, db: Database) -> dict[str, object]:
    """What a person at the door sees and hears, and what the log holds."""
    assert decision is not None
    panel = door.window.panel
    record = checkins.get(db, decision.record_id) if decision.record_id else None
    return {
        "headline": panel.headline.text(),
        "reason": panel.reason.text(),
        "name": panel.name.text(),
        "sound": door.sounds.last,
        "logged": record.verdict if record else None,
    }


def test_admitted(
    make_door: Callable[..., Door], scan: Scan, code_for: Callable[..., str], db: Database
) -> None:
    """A registered delegate is admitted: green ADMIT, their name, type chip, the admit sound."""
    door = make_door()
    decision = scan(door, code_for("A1"))
    assert shown(door, decision, db) == {
        "headline": "ADMIT",
        "reason": "Welcome. Entry recorded.",
        "name": "张伟",
        "sound": "admit",
        "logged": "admitted",
    }
    panel = door.window.panel
    assert (panel.chip.text(), LOOKS[Kind.ADMIT].background in panel.styleSheet()) == (
        "Delegate",
        True,
    )
    assert panel.session.text() == "Keynote"


def test_admitted_again_after_exit(
    make_door: Callable[..., Door],
    scan: Scan,
    code_for: Callable[..., str],
    db: Database,
    clock: FakeClock,
) -> None:
    """In, out, in again: ADMIT AGAIN with its own words."""
    door = make_door()
    scan(door, code_for("A2"))
    clock.advance(60)
    door.window.toggle_direction()
    exit_ = scan(door, code_for("A2"))
    assert shown(door, exit_, db)["headline"] == "EXIT"
    clock.advance(60)
    door.window.toggle_direction()
    again = scan(door, code_for("A2"))
    assert shown(door, again, db) == {
        "headline": "ADMIT AGAIN",
        "reason": "Welcome back. Re-entry recorded.",
        "name": "Núria Puig i Solé",
        "sound": "admit",
        "logged": "admitted_again",
    }


def test_exit_without_entry(
    make_door: Callable[..., Door], scan: Scan, code_for: Callable[..., str], db: Database
) -> None:
    """Exit mode records an exit and says so in blue with the exit sound."""
    door = make_door()
    door.window.toggle_direction()
    decision = scan(door, code_for("A6"))
    assert shown(door, decision, db) == {
        "headline": "EXIT",
        "reason": "Exit recorded (no entry on record).",
        "name": "Carl Late",
        "sound": "exit",
        "logged": "exit_recorded",
    }
    assert "EXIT" in door.window.header.mode.text()


def test_signed_badge_not_in_list_is_admitted_with_caution(
    make_door: Callable[..., Door], scan: Scan, code_for: Callable[..., str], db: Database
) -> None:
    """A genuine badge issued after the last sync: amber, check by eye, the caution sound."""
    door = make_door()
    decision = scan(door, code_for("Z9"))
    result = shown(door, decision, db)
    assert (result["headline"], result["name"], result["sound"], result["logged"]) == (
        "ADMIT — CHECK BADGE",
        "Badge Z9",
        "caution",
        "admitted",
    )
    assert "check the name by eye" in door.window.panel.note.text()


def test_already_inside_and_repeat(
    make_door: Callable[..., Door],
    scan: Scan,
    code_for: Callable[..., str],
    db: Database,
    clock: FakeClock,
) -> None:
    """The same badge a second later is the same decision, not counted twice; a minute
    later it is refused as already inside."""
    door = make_door()
    scan(door, code_for("A1"))
    repeat = scan(door, code_for("A1"))
    assert repeat is not None and repeat.repeat
    assert "not counted twice" in door.window.panel.note.text()
    clock.advance(60)
    decision = scan(door, code_for("A1"))
    assert shown(door, decision, db) == {
        "headline": "DENIED",
        "reason": "This badge is already inside this session.",
        "name": "张伟",
        "sound": "deny",
        "logged": "already_inside",
    }


other_key = Ed25519PrivateKey.generate()

DENIALS = [
    ("T-0003", "This badge type has no access to this hall.", "not_registered"),
    ("T-0005", "This registration was cancelled.", "revoked"),
    ("T-9999", "This badge is not known at this event.", "unknown_badge"),
    (
        "https://example.com",
        "This QR code is not a badge (a link or another code).",
        "invalid_code",
    ),
    ("X" * 2000, "This code is far too long to be a badge.", "invalid_code"),
    (
        sign_code(other_key, "another-2026", "A1", "delegate", 1),
        "This badge is for another event.",
        "other_event",
    ),
    (
        sign_code(other_key, "tiny-2026", "A1", "delegate", 1),
        "The badge is signed with an unknown key.",
        "invalid_code",
    ),
]


@pytest.mark.parametrize(("code", "reason", "verdict"), DENIALS)
def test_denials(
    make_door: Callable[..., Door], scan: Scan, db: Database, code: str, reason: str, verdict: str
) -> None:
    """Every refusal is red DENIED with the reason in plain words and the deny sound."""
    door = make_door()
    decision = scan(door, code)
    result = shown(door, decision, db)
    assert (result["headline"], result["reason"], result["sound"], result["logged"]) == (
        "DENIED",
        reason,
        "deny",
        verdict,
    )
    assert LOOKS[Kind.DENY].background in door.window.panel.styleSheet()


def test_outside_window(
    make_door: Callable[..., Door],
    scan: Scan,
    code_for: Callable[..., str],
    db: Database,
    clock: FakeClock,
) -> None:
    """Between sessions: denied, the next has not opened; the header says no session admits."""
    clock.advance(2 * 3600)
    door = make_door()
    decision = scan(door, code_for("A1"))
    assert shown(door, decision, db)["reason"] == "Admission has not opened yet."
    assert door.window.header.now.text() == "No session admitting now"


def test_session_full_and_occupancy_bar(
    make_door: Callable[..., Door], scan: Scan, code_for: Callable[..., str], db: Database
) -> None:
    """Capacity 2: the third is refused as full; the header's bar shows 2 / 2 inside."""
    door = make_door()
    scan(door, code_for("A1"))
    scan(door, code_for("A2"))
    decision = scan(door, code_for("A6"))
    assert shown(door, decision, db)["reason"] == "The session is full."
    assert door.window.header.occupancy.text() == "FULL · 2 / 2 inside"


def test_manual_admission_and_undo(make_door: Callable[..., Door], db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Staff admit by hand (reason logged), then undo it: UNDONE, and occupancy goes back."""
    door = make_door()
    manual = wait_decided(
        qtbot, door, lambda: door.window.admit_manually("A6", "Badge will not scan")
    )
    assert shown(door, manual, db)["headline"] == "ADMIT (STAFF)"
    assert manual.record_id is not None
    assert checkins.get(db, manual.record_id).note == "Badge will not scan"  # type: ignore[union-attr]
    undone = wait_decided(qtbot, door, door.window.undo_last)
    assert (shown(door, undone, db)["headline"], door.sounds.last) == ("UNDONE", "undo")
    assert door.service.occupancy("keynote") == 0


def test_nothing_to_undo_is_said_not_crashed(make_door: Callable[..., Door], qtbot) -> None:  # type: ignore[no-untyped-def]
    """Undo with nothing to undo shows NOT RECORDED with the reason."""
    door = make_door()
    with qtbot.waitSignal(door.window.failed, timeout=5000) as blocker:
        door.window.undo_last()
    assert blocker.args == ["nothing to undo in the last 15 minutes"]
    assert door.window.panel.headline.text() == "NOT RECORDED"


def test_verdict_resets_to_idle(
    make_door: Callable[..., Door], scan: Scan, code_for: Callable[..., str], qtbot
) -> None:  # type: ignore[no-untyped-def]
    """After the configured seconds the panel goes back to 'Show your badge'."""
    from kiosk.ui.door import DoorOptions

    door = make_door(options=DoorOptions(reset_after_s=0.05, reduce_motion=True))
    scan(door, code_for("A1"))
    qtbot.waitUntil(lambda: door.window.panel.headline.text() == "Show your badge", timeout=2000)


def test_every_verdict_has_a_look() -> None:
    """Each verdict maps to one of the five looks, each with its own icon and sound."""
    from kiosk.ui.verdicts import look_for

    looks = {v: look_for(Decision(v, "x", None, "main", None)) for v in Verdict}
    assert {look.kind for look in looks.values()} == {
        Kind.ADMIT,
        Kind.EXIT,
        Kind.DENY,
        Kind.UNDONE,
    }
    assert len({(lk.icon, lk.sound) for lk in LOOKS.values()}) == len(LOOKS)
    assert Direction.ENTRY.value == "entry"
