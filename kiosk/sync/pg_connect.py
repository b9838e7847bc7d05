"""Connecting to a PostgreSQL hub with bounded waits, and turning failures into one clear line."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

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
        parts = conninfo_to_dict(url)
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
) -> Connection:
    """An autocommit connection that gives up quickly when the hub is away: a bounded
    connect, server-side statement timeout, and TCP keepalives plus a user timeout so a
    silently dropped network surfaces as an error within seconds instead of hanging."""
    try:
        return psycopg.connect(
            url,
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
