"""A real pretix server for the tests: pretix from its own venv (scripts/setup-pretix), on
SQLite in a scratch directory, set up by tests/pretix/pretix_side.py with pretix's ORM and
served by `python -m pretix runserver` on a free loopback port."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("PRETIX_VENV", ROOT / ".venv-pretix"))
SIDE = Path(__file__).with_name("pretix_side.py")
START_TIMEOUT = 120.0  # seconds for runserver to answer (it imports all of pretix first)


def python() -> Path | None:
    found = VENV / "bin" / "python"
    return found if found.exists() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fast_dir(prefix: str) -> Path:
    """A scratch folder in memory where there is one: SQLite's fsync per transaction makes
    pretix's 400 migrations take minutes on a busy disk, and seconds on tmpfs."""
    shm = Path("/dev/shm")
    where = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix=prefix, dir=where))


def _config(directory: Path, port: int, database: Path) -> Path:
    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    path = directory / "pretix.cfg"
    path.write_text(
        "[pretix]\ninstance_name=kiosk test pretix\n"
        f"url=http://127.0.0.1:{port}\ndatadir={data}\ncurrency=EUR\n"
        f"[database]\nbackend=sqlite3\nname={database}\n"
        "[mail]\nfrom=pretix@localhost\nhost=127.0.0.1\nport=9\n"
        "[django]\ndebug=false\nsecret=kiosk-tests-only-not-a-secret\n"
    )
    return path


def _run(config: Path, *args: str, timeout: float = 900, env: dict[str, str] | None = None) -> str:
    env = {**os.environ, "PRETIX_CONFIG_FILE": str(config), **(env or {})}
    done = subprocess.run(
        [str(python()), *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"pretix {' '.join(args)} failed:\n{done.stderr[-4000:]}")
    return done.stdout


# Django's own way to make a test database without replaying migrations (as pytest-django's
# --nomigrations): tables made from pretix's current models. 14 s of CPU instead of 160 s
# for pretix's ~400 migrations; KIOSK_PRETIX_MIGRATIONS=1 replays them instead.
_NO_MIGRATIONS = """from pretix.settings import *  # noqa: F403


class _NoMigrations(dict):
    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return None


MIGRATION_MODULES = _NoMigrations()
"""


def migrated_template() -> Path:
    """An empty pretix database with every table, made once per pretix install and kept
    beside it (a copy takes milliseconds)."""
    stamp = sorted(p.name for p in VENV.glob(".installed-*")) or ["unknown"]
    template = VENV / f"template-{stamp[-1].removeprefix('.installed-')}.sqlite3"
    if template.exists():
        return template
    work = _fast_dir("pretix-migrate-")
    try:
        config = _config(work, 9, work / "db.sqlite3")
        if os.environ.get("KIOSK_PRETIX_MIGRATIONS") == "1":
            _run(config, "-m", "pretix", "migrate", "--noinput")
        else:
            (work / "kiosk_nomigrations.py").write_text(_NO_MIGRATIONS)
            env = {"PYTHONPATH": str(work), "DJANGO_SETTINGS_MODULE": "kiosk_nomigrations"}
            _run(config, "-m", "pretix", "migrate", "--run-syncdb", "--noinput", env=env)
        partial = template.with_name(f"{template.name}.{os.getpid()}")
        shutil.copyfile(work / "db.sqlite3", partial)
        partial.replace(template)  # atomic: another session may be making it too
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return template


@dataclass
class PretixServer:
    directory: Path
    config: Path
    url: str
    process: subprocess.Popen[bytes]
    changer: subprocess.Popen[str]  # pretix_side.py serve: the ORM, Django started once
    database: Path
    setup: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def token(self) -> str:
        return str(self.setup["token"])

    @property
    def organizer(self) -> str:
        return str(self.setup["organizer"])

    def event(self, slug: str) -> dict[str, Any]:
        found: dict[str, Any] = self.setup["events"][slug]
        return found

    def api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A call to the server's REST API as the organiser's staff would make it."""
        return httpx.request(
            method,
            f"{self.url}/api/v1/organizers/{self.organizer}/{path}",
            headers={"Authorization": f"Token {self.token}"},
            timeout=60,
            **kwargs,
        )

    def redeem(self, slug: str, secret: str, hall: str) -> str:
        """pretix's own online check-in of `secret` on the event's list for `hall`: "ok"
        or pretix's reason (invalid, revoked, blocked, canceled, unpaid, product...)."""
        lists = [self.event(slug)["lists"][hall]]
        answer = self.api("POST", "checkinrpc/redeem/", json={"secret": secret, "lists": lists})
        found = answer.json()
        return "ok" if found.get("status") == "ok" else str(found.get("reason"))

    def add_orders(self, *tickets: tuple[str, str, str, str]) -> list[dict[str, Any]]:
        """Paid orders of one ticket each, sold now, for (event slug, product, given name,
        family name) each (product: delegate, visitor, press...): their code, secret and
        position id."""
        wanted = [
            [slug, str(self.event(slug)["items"][product]), given, family]
            for slug, product, given, family in tickets
        ]
        found: list[dict[str, Any]] = self.side("add_orders", json.dumps(wanted))
        return found

    def side(self, *args: str) -> Any:
        """A command of pretix_side.py (setup, block, unblock, add_orders, export) run by
        the server's own changer process; its answer."""
        assert self.changer.stdin is not None and self.changer.stdout is not None
        self.changer.stdin.write(json.dumps(args) + "\n")
        self.changer.stdin.flush()
        line = self.changer.stdout.readline()
        if not line:
            raise RuntimeError(f"pretix_side.py ended:\n{_tail(self.directory, 'side.log')}")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"pretix_side.py {args[0]} failed:\n{answer['error']}")
        return answer["ok"]

    def stop(self) -> None:
        for process in (self.changer, self.process):
            if process is self.changer and process.stdin is not None:
                process.stdin.close()
            else:
                process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(self.database.parent, ignore_errors=True)


def start(directory: Path) -> PretixServer:
    """Copy the migrated template, start the server and, while it boots, set up the test
    organiser through the changer; wait until the API answers."""
    timings: dict[str, float] = {}
    began = time.monotonic()
    template = migrated_template()
    timings["migrate_or_copy"] = time.monotonic() - began
    began = time.monotonic()
    port = _free_port()
    database = _fast_dir("pretix-db-") / "db.sqlite3"
    shutil.copyfile(template, database)
    config = _config(directory, port, database)
    env = {**os.environ, "PRETIX_CONFIG_FILE": str(config)}
    process = subprocess.Popen(
        [str(python()), "-m", "pretix", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=(directory / "runserver.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    changer = subprocess.Popen(
        [str(python()), str(SIDE), "serve"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=(directory / "side.log").open("wb"),
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    server = PretixServer(directory, config, url, process, changer, database)
    try:
        server.setup = server.side("setup")
        timings["setup"] = time.monotonic() - began
        _wait(server)
    except BaseException:
        server.stop()
        raise
    timings["start"] = time.monotonic() - began
    server.timings = timings
    return server


def _wait(server: PretixServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(f"pretix runserver exited:\n{_tail(server.directory)}")
        try:
            if server.api("GET", "events/").status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            waited = f"{START_TIMEOUT:.0f} s"
            raise RuntimeError(f"pretix did not answer in {waited}:\n{_tail(server.directory)}")
        time.sleep(0.3)


def _tail(directory: Path, name: str = "runserver.log") -> str:
    return (directory / name).read_text(errors="replace")[-4000:]
