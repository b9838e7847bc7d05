"""`kiosk import`: the summary line, bad-row listings, one-line errors, progress on stderr."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.cli import importer, main
from kiosk.store.db import open_db
from tests.importing.conftest import WriteFile, dump

GOOD = "id,first_name,last_name,email,type\nA7,Mia,Neu,mia@example.de,visitor\n"


@pytest.fixture(autouse=True)
def import_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command as the lead wires it into kiosk.cli.main."""
    if "kiosk.cli.importer" not in main.COMMAND_MODULES:
        monkeypatch.setattr(main, "COMMAND_MODULES", (*main.COMMAND_MODULES, "kiosk.cli.importer"))


def kiosk(*args: str) -> int:
    return main.main(list(args))


def db_file(tmp_path: Path) -> str:
    return str(tmp_path / "kiosk.db")  # the shared `db` fixture's file


def test_summary_line(
    db: Database, tmp_path: Path, export: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    """A good file: exit 0, one summary line with the counts, nothing on stderr."""
    path = export("good.csv", GOOD)
    status = kiosk("import", str(path), "--db", db_file(tmp_path))
    out, err = capsys.readouterr()
    assert (status, err, out.startswith(f"{path}: 1 attendees (CSV, UTF-8, separator ',')")) == (
        0,
        "",
        True,
    )
    assert "1 added, 0 updated, 0 unchanged, 0 cancelled in" in out


def test_bad_rows_listed_up_to_fifty(
    db: Database, tmp_path: Path, export: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    """72 bad rows: the first 50 with row numbers, then 'and 22 more'; exit 1, db unchanged."""
    before = dump(db)
    rows = "".join(f"X{i},Name,Bad,visitor,nope{i}\n" for i in range(72))
    path = export("bad.csv", "id,first_name,last_name,type,email\n" + rows)
    status = kiosk("import", str(path), "--db", db_file(tmp_path))
    lines = capsys.readouterr().err.splitlines()
    assert (status, len(lines), lines[0], lines[1], lines[-1], dump(db)) == (
        1,
        52,
        f"kiosk: {path}: 72 bad rows; nothing was imported, the database is unchanged",
        "  row 2: malformed e-mail 'nope0'",
        "  and 22 more",
        before,
    )


@pytest.mark.parametrize(
    ("name", "content", "args", "status", "message"),
    [
        ("none.csv", None, (), 1, "none.csv: no such file"),
        ("empty.csv", b"", (), 1, "empty.csv: the file is empty"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00", (), 1, "not a CSV or XLSX export"),
        ("noid.csv", b"Name,Mail\nA,b\n", (), 1, 'no id column found; the columns are: "Name"'),
        ("ok.csv", GOOD.encode(), ("--map", "colour"), 2, "expected --map FIELD=HEADER"),
        ("ok.csv", GOOD.encode(), ("--type-map", "Gold=gold"), 2, "no type 'gold'"),
    ],
)
def test_errors_are_one_line(
    db: Database,
    tmp_path: Path,
    export: WriteFile,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    args: tuple[str, ...],
    status: int,
    message: str,
) -> None:
    """Missing, empty, binary, no id column, bad options: one line on stderr, never a traceback."""
    path = export(name, content) if content is not None else tmp_path / name
    result = kiosk("import", str(path), *args, "--db", db_file(tmp_path))
    err = capsys.readouterr().err
    assert (result, err.count("\n"), err.startswith("kiosk: "), message in err) == (
        status,
        1,
        True,
        True,
    )


def test_database_without_event(
    tmp_path: Path, export: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    """Importing needs an event to check types against: a clear message otherwise."""
    open_db(tmp_path / "bare.db").conn.close()
    status = kiosk("import", str(export("a.csv", GOOD)), "--db", str(tmp_path / "bare.db"))
    assert (status, "holds no event yet" in capsys.readouterr().err) == (1, True)


def test_dry_run_writes_nothing(
    db: Database, tmp_path: Path, export: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    """--dry-run counts, shows the column mapping, and leaves the database unchanged."""
    before = dump(db)
    status = kiosk("import", str(export("g.csv", GOOD)), "--dry-run", "--db", db_file(tmp_path))
    out = capsys.readouterr().out
    assert (status, dump(db), out.startswith("dry run, nothing written"), "would add 1" in out) == (
        0,
        before,
        True,
        True,
    )
    assert 'columns: id <- "id", first_name <- "first_name"' in out


def test_large_file_progress_without_a_terminal(
    db: Database,
    tmp_path: Path,
    export: WriteFile,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not a terminal but a large file: a few progress lines per stage, not one per batch."""
    monkeypatch.setattr(importer, "LARGE_FILE", 1)
    rows = "".join(f"P{i},Name,{i},visitor\n" for i in range(30_000))
    path = export("big.csv", "id,first_name,last_name,type\n" + rows)
    assert kiosk("import", str(path), "--db", db_file(tmp_path)) == 0
    lines = capsys.readouterr().err.splitlines()
    assert 3 <= len(lines) <= 12 and all(line.startswith("big.csv: ") for line in lines)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_redraws_one_line() -> None:
    """On a terminal the progress line is redrawn in place and wiped at the end."""
    stream = _Terminal()
    line = importer.ProgressLine(stream, "x.csv", large=False)
    line("read", 50, 100)
    line("read", 100, 100)
    line("write", 10, 10)
    line.finish()
    text = stream.getvalue()
    assert (text.count("\n"), text.startswith("\rx.csv: reading and checking, 50%"),
            text.endswith("\r")) == (0, True, True)  # fmt: skip


def test_small_file_shows_no_progress_without_a_terminal() -> None:
    """Piped output of a small import gets no progress lines at all."""
    stream = io.StringIO()
    line = importer.ProgressLine(stream, "x.csv", large=False)
    line("read", 1, 2)
    line("write", 1, 1)
    line.finish()
    assert stream.getvalue() == ""
