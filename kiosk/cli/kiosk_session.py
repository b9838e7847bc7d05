"""`kiosk install-kiosk`: turn a Debian laptop into a dedicated kiosk.

The laptop boots into the kiosk screen and nothing else: a systemd unit (kiosk@tty1)
logs the kiosk user in on the first virtual terminal and runs `kiosk run ... --locked`
inside cage, a Wayland compositor made for kiosks (one application, full screen, no
desktop, no VT switching), and restarts it whenever it ends. Why cage rather than an X
session with no window manager: it needs no X configuration (VT switching, Ctrl+Alt+
Backspace and screen blanking are off by itself), a second program cannot draw over the
kiosk, and Debian 12 packages it. The files come from kiosk/resources/session/; the
command fills in the user, the database and the kiosk's absolute path, writes them under
--root (default /, so root is needed; tests write into a folder) and prints how to
enable them. It never runs systemctl itself.
"""

from __future__ import annotations

import argparse
import os
import pwd
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import resources
from kiosk.cli.errors import CommandError, UsageError

UNIT = "kiosk@.service"
PAM = "kiosk"
DESKTOP = "kiosk.desktop"
ICON = "kiosk.svg"
CAGE = "/usr/bin/cage"
DEBIAN_PACKAGES = (
    "cage xwayland libpam-systemd libwayland-client0 libwayland-cursor0 libwayland-egl1 "
    "libxkbcommon0 fonts-noto-cjk"
)
# Qt in cage: the Wayland platform plugin (PySide6 ships it), no title bars drawn by Qt.
QT_ENVIRONMENT = (
    ("QT_QPA_PLATFORM", "wayland"),
    ("QT_WAYLAND_DISABLE_WINDOWDECORATION", "1"),
    ("XDG_SESSION_TYPE", "wayland"),
    # cage refuses to start with no keyboard or touch screen; a door may have only a camera
    # and a handheld scanner plugged in later.
    ("WLR_LIBINPUT_NO_DEVICES", "1"),
)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "install-kiosk",
        help="make this laptop boot into the locked kiosk screen (a systemd unit with cage)",
        description="Writes a systemd unit (kiosk@.service: cage running 'kiosk run ... "
        "--locked' on a virtual terminal, restarted whenever it ends), its PAM file, a "
        ".desktop entry and the icon, then prints how to enable them. Needs root, "
        "unless --root DIR.",
    )
    p.add_argument("--mode", choices=("door", "pickup", "desk"), default="door")
    p.add_argument("--hall", help="door: the hall this kiosk guards (required for a door)")
    p.add_argument(
        "--user",
        help="the user the kiosk runs as (default: the user who ran sudo); never root",
    )
    p.add_argument(
        "--db",
        type=Path,
        help="the kiosk's database (default: that user's ~/.local/share/kiosk/kiosk.db)",
    )
    p.add_argument("--camera", metavar="SOURCE", help="camera index or /dev/videoN")
    p.add_argument("--printer", help="pickup and desk: printer name")
    p.add_argument("--hub", metavar="URL|FOLDER", help="sync with this hub")
    p.add_argument(
        "--tty", default="tty1", help="the virtual terminal the kiosk takes (default tty1)"
    )
    p.add_argument(
        "--allow-vt-switch",
        action="store_true",
        help="let Ctrl+Alt+F2... reach a text login (cage -s); off: nothing but the kiosk",
    )
    p.add_argument(
        "--root",
        type=Path,
        default=Path("/"),
        help="write under this folder instead of / (tests, building an image)",
    )
    p.add_argument(
        "--prefix",
        default="/usr/local",
        help="where the .desktop entry and the icon go (default /usr/local)",
    )
    p.add_argument("--dry-run", action="store_true", help="print the files, write nothing")
    p.add_argument("--uninstall", action="store_true", help="remove the files install-kiosk wrote")
    p.set_defaults(func=run_install_kiosk)


@dataclass(frozen=True)
class SessionFile:
    path: Path  # absolute, on the target system
    text: str
    mode: int = 0o644


def kiosk_command() -> list[str]:
    """The installed kiosk executable, by absolute path: the unit runs with no PATH of ours."""
    argv0 = Path(sys.argv[0])
    if argv0.name == "kiosk" and argv0.is_file():
        return [str(argv0.absolute())]
    found = shutil.which("kiosk")
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "kiosk.cli.main"]


def kiosk_arguments(args: argparse.Namespace, db: Path) -> list[str]:
    """`run` with the screen's options, locked, on `db`."""
    line = ["run", "--mode", args.mode]
    if args.hall:
        line += ["--hall", args.hall]
    if args.camera:
        line += ["--camera", args.camera]
    if args.printer:
        line += ["--printer", args.printer]
    if args.hub:
        line += ["--hub", args.hub]
    return [*line, "--locked", "--db", str(db)]


_SYSTEMD_PLAIN = re.compile(r"[A-Za-z0-9_@%+=:,./-]+")


def systemd_quote(arg: str) -> str:
    """One ExecStart= word: % and $ doubled (specifiers, variables), quoted if need be."""
    text = arg.replace("%", "%%").replace("$", "$$")
    if _SYSTEMD_PLAIN.fullmatch(arg):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_environment(name: str, value: str) -> str:
    text = f"{name}={value}".replace("%", "%%").replace("\\", "\\\\").replace('"', '\\"')
    return f'Environment="{text}"'


_DESKTOP_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_quote(arg: str) -> str:
    """One Exec= argument of a desktop entry (quoted per the spec, then escaped as a
    string value)."""
    if arg and not _DESKTOP_RESERVED.intersection(arg):
        text = arg
    else:
        text = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return text.replace("%", "%%").replace("\\", "\\\\")


def _template(name: str, values: dict[str, str]) -> str:
    text = resources.path("session", name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise RuntimeError(f"{name}: unfilled {', '.join(left)}")
    return text


def _summary(args: argparse.Namespace) -> str:
    return f"door of {args.hall}" if args.mode == "door" else args.mode


def session_files(
    args: argparse.Namespace, user: str, db: Path, command: list[str]
) -> list[SessionFile]:
    """The four files, as they will be on the target system."""
    kiosk = [*command, *kiosk_arguments(args, db)]
    cage = [CAGE, "-d", *(["-s"] if args.allow_vt_switch else []), "--"]
    environment = [*QT_ENVIRONMENT, ("KIOSK_DB", str(db))]
    unit = _template(
        UNIT,
        {
            "SUMMARY": _summary(args),
            "USER": user,
            "ENVIRONMENT": "\n".join(systemd_environment(k, v) for k, v in environment),
            "EXEC_START": " ".join(systemd_quote(a) for a in [*cage, *kiosk]),
        },
    )
    desktop = _template(
        DESKTOP,
        {"SUMMARY": _summary(args).capitalize(), "EXEC": " ".join(map(desktop_quote, kiosk))},
    )
    prefix = Path(args.prefix)
    icon = resources.path("icons", ICON).read_text(encoding="utf-8")
    return [
        SessionFile(Path("/etc/systemd/system") / UNIT, unit),
        SessionFile(Path("/etc/pam.d") / PAM, _template("kiosk.pam", {})),
        SessionFile(prefix / "share/applications" / DESKTOP, desktop),
        SessionFile(prefix / "share/icons/hicolor/scalable/apps" / ICON, icon),
    ]


def _under(root: Path, path: Path) -> Path:
    return root / path.relative_to("/")


def _user(args: argparse.Namespace) -> tuple[str, Path | None]:
    """The kiosk user and its home (None when the user is not on this machine and --root
    builds for another)."""
    name = args.user or os.environ.get("SUDO_USER") or pwd.getpwuid(os.getuid()).pw_name
    if name == "root":
        raise UsageError(
            "the kiosk must not run as root: give an ordinary user with --user NAME "
            "(e.g. 'adduser kiosk' first)"
        )
    try:
        return name, Path(pwd.getpwnam(name).pw_dir)
    except KeyError:
        if args.root != Path("/"):
            return name, None
        raise UsageError(f"no user {name!r} on this machine (make one: adduser {name})") from None


def _check_database(db: Path, args: argparse.Namespace) -> None:
    """The screen must be able to start from this database unattended, or the unit would
    restart a failing kiosk every two seconds."""
    from kiosk.service.staff_pin import StaffPin
    from kiosk.store import events
    from kiosk.store.db import open_db

    provision = (
        "set it up first as that user: kiosk sync --hub HUB --organiser FINGERPRINT "
        f"--db {db}, then kiosk pin set --db {db}"
    )
    if not db.is_file():
        raise CommandError(f"no kiosk database at {db}: {provision}")
    database = open_db(db, migrate=False, need_write=False)
    try:
        event = events.load_event(database)
        if event is None:
            raise CommandError(f"{db} has no event yet: {provision}")
        if args.mode == "door":
            if not args.hall:
                halls = ", ".join(h.id for h in event.halls)
                raise UsageError(f"a door needs --hall (this event has: {halls})")
            if event.hall(args.hall) is None:
                halls = ", ".join(h.id for h in event.halls)
                raise UsageError(f"unknown hall {args.hall!r} (this event has: {halls})")
        if not StaffPin(database).is_set():
            raise CommandError(f"{db} has no staff PIN: kiosk pin set --db {db}")
    finally:
        database.close()


def _enable_help(tty: str, root: Path) -> list[str]:
    lines = [
        "to boot into the kiosk (as root):",
        "  systemctl daemon-reload",
        f"  systemctl enable kiosk@{tty}.service",
        "  systemctl set-default graphical.target",
    ]
    if _under(root, Path("/etc/systemd/system/display-manager.service")).exists():
        lines.append("  systemctl disable display-manager.service   # no desktop login screen")
    lines += [
        "  reboot                                       # or: systemctl start kiosk@" + tty,
        f"Debian packages it needs: apt install {DEBIAN_PACKAGES}",
    ]
    return lines


def run_install_kiosk(args: argparse.Namespace) -> int:
    root: Path = args.root
    if not args.tty.startswith("tty") or not args.tty[3:].isdigit():
        raise UsageError(f"--tty must name a virtual terminal such as tty1, not {args.tty!r}")
    if args.uninstall:
        return _uninstall(args)
    user, home = _user(args)
    if args.db is not None:
        db = args.db.expanduser().absolute()
    elif home is not None:
        db = home / ".local/share/kiosk/kiosk.db"
    else:
        raise UsageError(f"user {user!r} is not on this machine: give the database with --db")
    # Under --root the database may be in the image being built, or beside it on this host.
    here = [db] if root == Path("/") else [_under(root, db), db]
    _check_database(next((p for p in here if p.is_file()), db), args)
    files = session_files(args, user, db, kiosk_command())
    for item in files:
        target = _under(root, item.path)
        if args.dry_run:
            print(f"--- would write {target}")
            print(item.text.rstrip("\n"))
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(item.text, encoding="utf-8")
            target.chmod(item.mode)
        except OSError as exc:
            hint = " (run with sudo, or --root DIR to write elsewhere)" if exc.errno == 13 else ""
            raise CommandError(f"cannot write {target}: {exc.strerror}{hint}") from None
        print(f"wrote {target}")
    print(f"the kiosk ({_summary(args)}) runs as {user} on {args.tty}, database {db}")
    logs = f"{home or '~' + user}/.local/state/kiosk/log/kiosk.log"
    print(f"its log: {logs}; systemd's: journalctl -u kiosk@{args.tty}")
    if not _under(root, Path(CAGE)).exists() and not Path(CAGE).exists():
        print(f"warning: {CAGE} is not installed here (apt install cage)")
    for line in _enable_help(args.tty, root):
        print(line)
    return 0


def _uninstall(args: argparse.Namespace) -> int:
    root: Path = args.root
    prefix = Path(args.prefix)
    paths = [
        Path("/etc/systemd/system") / UNIT,
        Path("/etc/pam.d") / PAM,
        prefix / "share/applications" / DESKTOP,
        prefix / "share/icons/hicolor/scalable/apps" / ICON,
    ]
    print(f"first (as root): systemctl disable --now kiosk@{args.tty}.service")
    for path in paths:
        target = _under(root, path)
        if not target.exists():
            continue
        if args.dry_run:
            print(f"would remove {target}")
            continue
        try:
            target.unlink()
        except OSError as exc:
            raise CommandError(f"cannot remove {target}: {exc.strerror}") from None
        print(f"removed {target}")
    print("then: systemctl daemon-reload; the login prompt is back on the next boot")
    return 0
