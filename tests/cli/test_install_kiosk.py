"""`kiosk install-kiosk`: the files that make a laptop boot into the locked kiosk, written
into a folder standing for the target's root (no root needed), and the unit checked by
systemd itself where systemd-analyze is installed."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.cli.data import make_demo_database
from kiosk.cli.kiosk_session import desktop_quote, systemd_quote
from kiosk.cli.main import main
from kiosk.service.staff_pin import StaffPin
from kiosk.store.db import open_db

UNIT = "etc/systemd/system/kiosk@.service"


@pytest.fixture(scope="module")
def kiosk_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A provisioned kiosk: the demo event and its attendees, a staff PIN."""
    path = tmp_path_factory.mktemp("kiosk db") / "door.db"  # a space: quoting is tested
    make_demo_database(path, count=200)
    database = open_db(path)
    StaffPin(database).set_pin("123456")
    database.close()
    return path


def install(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["install-kiosk", *args])
    out, err = capsys.readouterr()
    return status, out, err


def unit_lines(text: str) -> dict[str, list[str]]:
    """`Section.Key` -> values, in order (Environment= comes several times)."""
    found: dict[str, list[str]] = {}
    section = ""
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        found.setdefault(f"{section}.{key}", []).append(value)
    return found


def exec_words(value: str) -> list[str]:
    """ExecStart= split as systemd does for the quoting install-kiosk writes."""
    return [w.replace("%%", "%").replace("$$", "$") for w in shlex.split(value)]


def test_install_writes_the_unit_pam_desktop_entry_and_icon(
    tmp_path: Path, kiosk_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    args = ["--mode", "door", "--hall", "auditorium", "--user", "kiosk"]
    status, out, _ = install(capsys, *args, "--db", str(kiosk_db), "--root", str(root))
    assert status == 0
    written = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert written == [
        "etc/pam.d/kiosk",
        UNIT,
        "usr/local/share/applications/kiosk.desktop",
        "usr/local/share/icons/hicolor/scalable/apps/kiosk.svg",
    ]
    unit = unit_lines((root / UNIT).read_text())
    assert unit["Service.Restart"] == ["always"]
    assert unit["Unit.StartLimitIntervalSec"] == ["0"]
    assert unit["Service.User"] == ["kiosk"]
    assert unit["Service.PAMName"] == ["kiosk"]
    assert unit["Service.TTYPath"] == ["/dev/%I"]
    assert unit["Unit.Conflicts"] == ["getty@%i.service"]
    assert unit["Install.WantedBy"] == ["graphical.target"]
    words = exec_words(unit["Service.ExecStart"][0])
    assert words[:3] == ["/usr/bin/cage", "-d", "--"]
    kiosk = words[3:]
    assert Path(kiosk[0]).is_absolute() and Path(kiosk[0]).exists()
    assert kiosk[-8:] == [
        "run",
        "--mode",
        "door",
        "--hall",
        "auditorium",
        "--locked",
        "--db",
        str(kiosk_db),
    ]
    environment = dict(v.strip('"').split("=", 1) for v in unit["Service.Environment"])
    assert environment["QT_QPA_PLATFORM"] == "wayland"
    assert environment["KIOSK_DB"] == str(kiosk_db)
    desktop = (root / "usr/local/share/applications/kiosk.desktop").read_text()
    assert "Icon=kiosk\n" in desktop and "--locked" in desktop
    assert "systemctl enable kiosk@tty1.service" in out
    assert f"wrote {root / UNIT}" in out


def test_the_unit_passes_systemd_analyze_verify(
    tmp_path: Path, kiosk_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """systemd parses the unit, knows every key, and finds the programs it runs."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    if not Path("/usr/bin/cage").exists():
        pytest.skip("cage is not installed (scripts/setup-system.sh installs it)")
    root = tmp_path / "root"
    install(capsys, "--hall", "expo", "--user", "kiosk", "--db", str(kiosk_db), "--root", str(root))
    units = tmp_path / "units"
    units.mkdir()
    shutil.copy(root / UNIT, units / "kiosk@.service")
    run = subprocess.run(
        [analyze, "verify", str(units / "kiosk@tty1.service")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    complaints = [line for line in run.stderr.splitlines() if "kiosk@" in line]
    assert (run.returncode, complaints) == (0, [])


def test_the_desktop_entry_passes_desktop_file_validate(
    tmp_path: Path, kiosk_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The launcher for a pickup kiosk whose printer name has a space (quoted in Exec)."""
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian desktop-file-utils)")
    root = tmp_path / "root"
    args = ["--mode", "pickup", "--printer", "Badges 1", "--user", "kiosk"]
    install(capsys, *args, "--db", str(kiosk_db), "--root", str(root))
    entry = root / "usr/local/share/applications/kiosk.desktop"
    run = subprocess.run([validate, str(entry)], capture_output=True, text=True, timeout=30)
    assert (run.returncode, run.stdout + run.stderr) == (0, "")
    assert '--printer "Badges 1"' in entry.read_text()


def test_dry_run_prints_and_writes_nothing(
    tmp_path: Path, kiosk_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    status, out, _ = install(
        capsys,
        "--mode",
        "pickup",
        "--printer",
        "Badges 1",
        "--user",
        "kiosk",
        "--db",
        str(kiosk_db),
        "--root",
        str(root),
        "--dry-run",
    )
    assert (status, root.exists()) == (0, False)
    assert f"--- would write {root / UNIT}" in out
    assert '--printer "Badges 1"' in out  # quoted for systemd


def test_refusals_are_one_line(
    tmp_path: Path, kiosk_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Root as the kiosk user, a door without a hall, an unknown hall, no database, no
    PIN: each refused with one line and nothing written."""
    root = tmp_path / "root"
    base = ["--root", str(root)]
    cases = [
        ["--user", "root", "--hall", "expo", "--db", str(kiosk_db)],
        ["--user", "kiosk", "--db", str(kiosk_db)],
        ["--user", "kiosk", "--hall", "nowhere", "--db", str(kiosk_db)],
        ["--user", "kiosk", "--hall", "expo", "--db", str(tmp_path / "missing.db")],
        ["--user", "kiosk", "--hall", "expo"],
        ["--user", "kiosk", "--hall", "expo", "--db", str(kiosk_db), "--tty", "vt1"],
    ]
    results = []
    for case in cases:
        status, _, err = install(capsys, *case, *base)
        results.append((status != 0, err.count("\n"), err.startswith("kiosk: ")))
    no_pin = tmp_path / "nopin.db"
    make_demo_database(no_pin, count=10)
    status, _, err = install(
        capsys, "--user", "kiosk", "--hall", "expo", "--db", str(no_pin), *base
    )
    assert results == [(True, 1, True)] * len(cases)
    assert (status, "no staff PIN" in err) == (1, True)
    assert not root.exists()


def test_uninstall_removes_what_install_wrote(
    tmp_path: Path, kiosk_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    install(capsys, "--hall", "expo", "--user", "kiosk", "--db", str(kiosk_db), "--root", str(root))
    status, out, _ = install(capsys, "--uninstall", "--root", str(root))
    assert status == 0
    assert [p for p in root.rglob("*") if p.is_file()] == []
    assert "systemctl disable --now kiosk@tty1.service" in out


def test_quoting_for_systemd_and_desktop_entries() -> None:
    assert systemd_quote("/usr/bin/kiosk") == "/usr/bin/kiosk"
    assert systemd_quote("/home/a b/k.db") == '"/home/a b/k.db"'
    assert systemd_quote("50%$HOME") == '"50%%$$HOME"'
    assert exec_words(systemd_quote('say "hi" 100%')) == ['say "hi" 100%']
    assert desktop_quote("/usr/bin/kiosk") == "/usr/bin/kiosk"
    assert desktop_quote("/home/a b/k.db") == '"/home/a b/k.db"'
    assert desktop_quote("100%") == "100%%"
    assert desktop_quote('a"b') == '"a\\\\"b"'


def test_the_shipped_templates_are_in_the_package() -> None:
    from kiosk import resources

    names = sorted(p.name for p in resources.path("session").iterdir())
    assert names == ["kiosk.desktop", "kiosk.pam", "kiosk@.service"]
    assert resources.path("icons", "kiosk.svg").is_file()
