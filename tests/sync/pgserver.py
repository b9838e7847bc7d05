"""A private, throw-away PostgreSQL server for tests and benchmarks (as `postgres` under root)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "hubadmin"
PASSWORD = "hub-admin-secret"


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin directory, or None without the server binaries."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2] or 0))
    for candidate in reversed(found):
        if Path(candidate, "initdb").exists() and Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bin_dir: Path
    fsync: bool = False
    root: Path = field(init=False)
    port: int = field(init=False)

    def __post_init__(self) -> None:
        # Not under pytest's tmp dirs: those are 0700 root-owned, and the server runs as postgres.
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.port = free_port()
        self._as_server_user = os.geteuid() == 0
        if self._as_server_user:
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        os.chmod(self.root, 0o700)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = list(argv)
        if self._as_server_user:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, cwd=self.root)

    def init(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self._as_server_user:
            entry = pwd.getpwnam("postgres")
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        self._run(
            str(self.bin_dir / "initdb"),
            "-D", str(self.data),
            "-U", SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E", "UTF8",
            "--locale=C",
            "--no-sync",
        )  # fmt: skip
        pwfile.unlink()

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=100 "
            "-c shared_buffers=128MB"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D", str(self.data),
            "-l", str(self.root / "server.log"),
            "-o", options,
            "-w", "-t", "60",
            "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop",
            check=False,
        )  # fmt: skip

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(
        self, database: str = "postgres", user: str = SUPERUSER, password: str = PASSWORD
    ) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join((self.root / "server.log").read_text().splitlines()[-lines:])
        except OSError:
            return ""

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def start_server(fsync: bool = False) -> PgServer:
    """Create and start a private server; raises RuntimeError without PostgreSQL binaries."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
    server = PgServer(bin_dir, fsync=fsync)
    try:
        server.init()
        server.start()
    except subprocess.CalledProcessError as exc:
        server.remove()
        raise RuntimeError(f"cannot start PostgreSQL: {exc.stderr or exc.stdout}") from None
    return server
