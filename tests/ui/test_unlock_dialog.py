"""The screen's unlock code prompt for an encrypted kiosk booting with no terminal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from kiosk.store import attendees, cipher
from kiosk.store.db import open_db
from kiosk.store.encrypt import encrypt_database
from kiosk.ui.unlock_dialog import UnlockDialog

CODE = "HP2A-AQGB-TCRT-S20H"


@pytest.fixture
def locked(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.delenv(cipher.ENV, raising=False)
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    path = tmp_path / "kiosk.db"
    db.conn.close()
    encrypt_database(path, CODE)
    cipher.forget_all()
    yield path
    cipher.forget_all()


def test_a_wrong_code_is_said_and_the_right_one_unlocks(qtbot: QtBot, locked: Path) -> None:
    assert cipher.needs_person(locked)
    dialog = UnlockDialog(locked)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.entry, "AAAA-BBBB-CCCC-DDDD")
    dialog.submit()
    assert dialog.result() != UnlockDialog.DialogCode.Accepted
    assert "Wrong unlock code" in dialog.message.text()
    assert dialog.entry.text() == ""
    dialog.grab().save(str(locked.parent / "unlock.png"))
    qtbot.keyClicks(dialog.entry, CODE.lower())
    dialog.submit()
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
    assert not cipher.needs_person(locked)
    assert attendees.find_by_id(open_db(locked), "A1") is not None
