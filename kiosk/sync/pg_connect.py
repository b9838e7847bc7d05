"""Connecting to a PostgreSQL hub: bounded waits, the password kept in a libpq passfile rather
than in the kiosk database, and every failure turned into one clear line."""

from __future__ import annotations

import getpass
import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from kiosk.sync.errors import HubError, HubNotReady, HubRefused, HubUnreachable

Connection = psycopg.Connection[tuple[Any, ...]]

_REFUSED = (
    "password authentication failed",
    "no password supplied",
    "pg_hba.conf",
    "permission denied",
    "must be owner",
    'role "',
)
_NOT_READY = ("does not exist",)


def display(url: str) -> str:
    """The hub's address for people and logs: user, host, port, database; never the password."""
    try:
        parts = _conninfo(url)
    except psycopg.Error:
        return "postgresql://(unreadable address)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', 'localhost')}{port}/{parts.get('dbname', '')}"


def connect(
    url: str,
    *,
    connect_timeout: float = 3.0,
    statement_timeout_ms: int = 120_000,
    application_name: str = "kiosk",
    passfile: str | None = None,
) -> Connection:
    """An autocommit connection that gives up quickly when the hub is away: a bounded
    connect, server-side statement timeout, and TCP keepalives plus a user timeout so a
    silently dropped network surfaces as an error within seconds instead of hanging.
    `passfile` is a libpq password file (write_passfile) for a URL without its password."""
    extra: dict[str, Any] = {} if passfile is None else {"passfile": passfile}
    try:
        return psycopg.connect(
            url,
            **extra,
            autocommit=True,
            connect_timeout=max(1, round(connect_timeout)),
            application_name=application_name,
            options=f"-c statement_timeout={statement_timeout_ms} -c lock_timeout=10000",
            keepalives=1,
            keepalives_idle=5,
            keepalives_interval=2,
            keepalives_count=3,
            tcp_user_timeout=10_000,
        )
    except psycopg.Error as exc:
        raise hub_error(exc, url) from None


def split_password(url: str) -> tuple[str, str | None]:
    """The address without its password, and the password (None when it has none), for a
    `postgresql://` URL (as `user:password@`, raw or %-encoded, or `?password=`) or a
    `key=value` conninfo string. The address keeps its form: a URL stays a URL."""
    try:
        password = _conninfo(url).get("password") or None
    except psycopg.Error:
        raise ValueError(f"{display(url)} is not an address PostgreSQL can read") from None
    if password is None:
        return url, None
    scheme, sep, rest = url.partition("://")
    if not sep:
        parts = _conninfo(url)
        parts.pop("password", None)
        return make_conninfo("", **parts), password
    # As libpq reads a URL: user information ends at the first '@' before any '/'.
    stop = min((i for i in (rest.find("@"), rest.find("/")) if i >= 0), default=-1)
    if stop >= 0 and rest[stop] == "@":
        user = rest[:stop].partition(":")[0]
        rest = (f"{user}@" if user else "") + rest[stop + 1 :]
    base, qmark, query = rest.partition("?")
    if qmark:
        kept = [p for p in query.split("&") if unquote(p.partition("=")[0]) != "password"]
        rest = base + ("?" + "&".join(kept) if kept else "")
    return f"{scheme}://{rest}", password


def write_passfile(path: str | Path, url: str, password: str) -> None:
    """Put `password` for the server, database and user of `url` into a libpq password
    file (0600: libpq ignores a file others can read), replacing the line for the same
    host, port, database and user, keeping every other line."""
    parts = _conninfo(url)
    user = parts.get("user") or getpass.getuser()
    hosts = (parts.get("host") or parts.get("hostaddr") or "localhost").split(",")
    ports = (parts.get("port") or "5432").split(",")
    if len(ports) == 1:
        ports = ports * len(hosts)
    database = parts.get("dbname") or user
    keys = [
        (host or "localhost", port or "5432", database, user)
        for host, port in zip(hosts, ports, strict=False)
    ]
    target = Path(path)
    try:
        lines = target.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    # First: libpq takes the first line that matches, and an older '*' line may match too.
    kept = [":".join(_escape(f) for f in (*key, password)) for key in keys]
    kept += [line for line in lines if tuple(_passfile_fields(line)[:4]) not in keys]
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".pgpass-")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("".join(f"{line}\n" for line in kept))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _conninfo(url: str) -> dict[str, str]:
    return {key: str(value) for key, value in conninfo_to_dict(url).items()}


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def _passfile_fields(line: str) -> list[str]:
    """A passfile line's fields, backslash escapes undone (libpq's own reading)."""
    fields, current, escaped = [], [], False
    for char in line:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":":
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def hub_error(exc: BaseException, url: str) -> HubError:
    """One line saying what went wrong with the hub at `url`."""
    where = display(url)
    text = " ".join(str(exc).split())
    lowered = text.lower()
    if isinstance(exc, psycopg.errors.UndefinedTable | psycopg.errors.InvalidSchemaName):
        return HubNotReady(f"{where} is not a kiosk hub: run 'kiosk hub init {where}' first")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return HubRefused(f"{where}: this user may not do that ({_short(text)})")
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return HubRefused(f"{where}: the hub refused the user name or password")
    if any(marker in lowered for marker in _REFUSED):
        return HubRefused(f"{where}: the hub refused the connection ({_short(text)})")
    if "database" in lowered and any(marker in lowered for marker in _NOT_READY):
        return HubNotReady(f"{where}: no such database on the hub server")
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError | OSError):
        return HubUnreachable(f"cannot reach the hub at {where} ({_short(text)})")
    return HubError(f"{where}: {_short(text)}")


def _short(text: str) -> str:
    for prefix in ("connection failed: ", "FATAL: "):
        text = text.replace(prefix, "")
    if "failed:" in text:
        text = text.rsplit("failed:", 1)[1].strip()
    return text[:160] or "no details"
