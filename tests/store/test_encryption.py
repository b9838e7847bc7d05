"""A kiosk database encrypted at rest (issue 11 §3): a copy of the file, a backup or a
stolen disk yields no attendee data without the unlock code, and the kiosk decides and
records exactly as it does on a plain database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.service.checkin import CheckInService
from kiosk.store import attendees, cipher
from kiosk.store.backup import backup
from kiosk.store.db import StoreError, open_db
from kiosk.store.encrypt import EncryptError, change_code, encrypt_database
from tests.cli.helpers import assert_one_line, kiosk
from tests.conftest import PEOPLE, at

CODE = "correct horse battery"


@pytest.fixture(autouse=True)
def _new_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each open below is as a new process: no key held, no code in the environment."""
    monkeypatch.delenv(cipher.ENV, raising=False)
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    cipher.forget_all()
    cipher.set_asker(None)
    yield
    cipher.forget_all()
    cipher.set_asker(None)


def _encrypted(db: Database, tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.db"
    db.conn.close()
    encrypt_database(path, CODE)
    cipher.forget_all()
    return path


def test_a_copied_database_holds_no_names_emails_or_ticket_codes(
    db: Database, tmp_path: Path
) -> None:
    """The stolen-laptop attack: every byte of the file and its WAL, read without the
    code, shows none of the attendee list, and plain SQLite cannot open it."""
    path = _encrypted(db, tmp_path)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("kiosk.db*") if p.is_file())
    for person in PEOPLE:
        for secret in (person.email, person.last_name, person.company, person.ticket_code):
            if secret and len(secret) >= 4:  # "X", a one-letter company, is in any file
                assert secret.encode() not in raw, secret
    assert b"SQLite format 3" not in raw[:100]
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM attendees").fetchall()


def test_without_the_code_or_with_a_wrong_one_nothing_opens(db: Database, tmp_path: Path) -> None:
    path = _encrypted(db, tmp_path)
    with pytest.raises(StoreError, match="unlock code"):
        open_db(path)
    cipher.set_asker(lambda _p: "not the code at all")
    with pytest.raises(StoreError, match="wrong unlock code"):
        open_db(path)


def test_the_right_code_opens_it_from_every_source(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed (the asker), the variable, or a systemd credential; a generated code typed in
    lower case without its dashes still opens (it is read out to staff)."""
    path = _encrypted(db, tmp_path)
    cipher.set_asker(lambda _p: CODE)
    assert attendees.find_by_id(open_db(path), "A1") == PEOPLE[0]
    cipher.forget_all()
    cipher.set_asker(None)
    monkeypatch.setenv(cipher.ENV, CODE)
    assert attendees.find_by_id(open_db(path), "A2") == PEOPLE[1]
    monkeypatch.delenv(cipher.ENV)
    cipher.forget_all()
    creds = tmp_path / "creds"
    creds.mkdir()
    generated = cipher.new_unlock_code()
    change_code(path, CODE, generated)
    (creds / cipher.CREDENTIAL).write_text(generated.lower().replace("-", "") + "\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(creds))
    assert attendees.find_by_id(open_db(path), "A3") == PEOPLE[2]


def test_a_changed_code_retires_the_old_one(db: Database, tmp_path: Path) -> None:
    path = _encrypted(db, tmp_path)
    with pytest.raises(cipher.Locked):
        change_code(path, "a wrong current code", "the next code, long")
    change_code(path, CODE, "the next code, long")
    cipher.set_asker(lambda _p: CODE)
    with pytest.raises(StoreError, match="wrong unlock code"):
        open_db(path)
    cipher.set_asker(lambda _p: "the next code, long")
    assert attendees.find_by_id(open_db(path), "A1") == PEOPLE[0]


def test_an_encrypted_kiosk_decides_and_records_as_a_plain_one(
    tmp_path: Path, event: Event, code_for: Callable[..., str], db: Database
) -> None:
    """The same scans on a plain and an encrypted copy give the same verdicts, and each
    admitted scan is on disk (a new connection sees it) when scan() returns."""
    plain_path = tmp_path / "plain.db"
    backup(db, plain_path)
    path = _encrypted(db, tmp_path)
    cipher.set_asker(lambda _p: CODE)
    scans = [("A1", "main"), ("A1", "main"), ("A3", "floor"), ("A5", "main"), ("A2", "main")]
    verdicts = []
    for target in (plain_path, path):
        service = CheckInService(open_db(target), event, clock=lambda: at("14 10:00"))
        got = []
        for person, hall in scans:
            decision = service.scan(code_for(person), hall)
            if decision.recorded:
                seen = open_db(target).execute(
                    "SELECT verdict FROM checkins WHERE id = ?", [decision.record_id]
                )
                assert seen.fetchone() == (decision.verdict.value,)
            got.append((decision.verdict, decision.reason))
        verdicts.append(got)
        reopened = open_db(target)
        assert reopened.execute("SELECT count(*) FROM checkins").fetchone()[0] == len(scans) - 1
    assert verdicts[0] == verdicts[1]


def test_encrypting_refuses_a_database_in_use_and_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "kiosk.db"
    before = path.read_bytes()[:16]
    with pytest.raises(EncryptError, match=r"open elsewhere|close"):
        encrypt_database(path, CODE)  # `db` (the fixture's connection) still has it open
    assert path.read_bytes()[:16] == before == cipher.PLAIN_HEADER
    assert not cipher.key_file(path).exists()
    assert attendees.find_by_id(db, "A1") == PEOPLE[0]


def test_a_backup_of_an_encrypted_kiosk_is_encrypted_too(db: Database, tmp_path: Path) -> None:
    path = _encrypted(db, tmp_path)
    cipher.set_asker(lambda _p: CODE)
    live = open_db(path)
    copy = tmp_path / "copy.db"
    backup(live, copy)
    assert cipher.is_encrypted(copy) and cipher.key_file(copy).is_file()
    assert b"zhang.wei" not in copy.read_bytes()
    cipher.forget_all()
    assert attendees.find_by_id(open_db(copy), "A1") == PEOPLE[0]


def test_a_missing_or_foreign_key_file_is_one_clear_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _encrypted(db, tmp_path)
    cipher.key_file(path).unlink()
    status, _out, err = kiosk(capsys, "attendees", "--db", str(path))
    assert status == 1
    assert_one_line(err, "no key file")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00not a database at all" * 100)
    status, _out, err = kiosk(capsys, "attendees", "--db", str(garbage))
    assert status == 1
    assert_one_line(err, "not a usable kiosk database")


def test_the_command_encrypts_prints_a_code_once_and_asks_for_it(
    db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "kiosk.db"
    db.conn.close()
    status, out, _err = kiosk(capsys, "encrypt", "--db", str(path))
    assert status == 0, out
    code = next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("unlock"))
    assert len(code.replace("-", "")) == 16
    cipher.forget_all()
    status, _out, err = kiosk(capsys, "attendees", "--db", str(path))
    assert status == 1
    assert_one_line(err, "encrypted", cipher.ENV)
    monkeypatch.setenv(cipher.ENV, code)
    status, out, _err = kiosk(capsys, "attendees", "--db", str(path))
    assert status == 0 and "Núria" in out
    status, _out, err = kiosk(capsys, "encrypt", "--db", str(path))
    assert status == 1
    assert_one_line(err, "encrypted already")
