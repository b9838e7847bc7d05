"""A real pretix server for the tests: pretix from its own venv (scripts/setup-pretix), on
SQLite in a scratch directory, set up by tests/pretix/pretix_side.py with pretix's ORM and
served by `python -m pretix runserver` on a free loopback port."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
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


def _config(directory: Path, port: int) -> Path:
    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    path = directory / "pretix.cfg"
    path.write_text(
        "[pretix]\ninstance_name=kiosk test pretix\n"
        f"url=http://127.0.0.1:{port}\ndatadir={data}\ncurrency=EUR\n"
        "[database]\nbackend=sqlite3\n"
        f"name={data / 'db.sqlite3'}\n"
        "[mail]\nfrom=pretix@localhost\nhost=127.0.0.1\nport=9\n"
        "[django]\ndebug=false\nsecret=kiosk-tests-only-not-a-secret\n"
    )
    return path


def _run(config: Path, *args: str, timeout: float = 600) -> str:
    env = {**os.environ, "PRETIX_CONFIG_FILE": str(config)}
    done = subprocess.run(
        [str(python()), *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"pretix {' '.join(args)} failed:\n{done.stderr[-4000:]}")
    return done.stdout


def migrated_template() -> Path:
    """A freshly migrated pretix database, made once per pretix install and kept beside it
    (migrating takes about a minute; a copy takes milliseconds)."""
    stamp = sorted(p.name for p in VENV.glob(".installed-*")) or ["unknown"]
    template = VENV / f"template-{stamp[-1].removeprefix('.installed-')}" / "db.sqlite3"
    if template.exists():
        return template
    work = template.parent.with_name(template.parent.name + f".tmp{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    config = _config(work, 9)
    _run(config, "-m", "pretix", "migrate", "--noinput")
    work.joinpath("data", "db.sqlite3").replace(work / "db.sqlite3")
    try:
        work.rename(template.parent)
    except OSError:  # another session made it meanwhile
        shutil.rmtree(work, ignore_errors=True)
    return template


@dataclass
class PretixServer:
    directory: Path
    config: Path
    url: str
    process: subprocess.Popen[bytes]
    setup: dict[str, Any]
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
        position id, in one run of pretix_side.py (each run starts Django: seconds)."""
        wanted = [
            [slug, str(self.event(slug)["items"][product]), given, family]
            for slug, product, given, family in tickets
        ]
        found: list[dict[str, Any]] = json.loads(self.side("add_orders", json.dumps(wanted)))
        return found

    def side(self, *args: str) -> str:
        """pretix_side.py with this server's configuration (block, unblock, export)."""
        return _run(self.config, str(SIDE), *args)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(directory: Path) -> PretixServer:
    """Copy the migrated template, set up the test organiser, start the server; wait until
    its API answers."""
    timings: dict[str, float] = {}
    began = time.monotonic()
    template = migrated_template()
    timings["migrate_or_copy"] = time.monotonic() - began
    port = _free_port()
    config = _config(directory, port)
    shutil.copyfile(template, directory / "data" / "db.sqlite3")
    began = time.monotonic()
    setup = json.loads(_run(config, str(SIDE), "setup"))
    timings["setup"] = time.monotonic() - began
    began = time.monotonic()
    log = (directory / "runserver.log").open("wb")
    process = subprocess.Popen(
        [str(python()), "-m", "pretix", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env={**os.environ, "PRETIX_CONFIG_FILE": str(config)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    server = PretixServer(directory, config, url, process, setup, timings)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"pretix runserver exited:\n{_tail(directory)}")
        try:
            if server.api("GET", "events/").status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            waited = f"{START_TIMEOUT:.0f} s"
            raise RuntimeError(f"pretix did not answer in {waited}:\n{_tail(directory)}")
        time.sleep(0.3)
    timings["start"] = time.monotonic() - began
    return server


def _tail(directory: Path) -> str:
    return (directory / "runserver.log").read_text(errors="replace")[-4000:]
