"""`kiosk hub init`, `hub add-kiosk`, `hub disable-kiosk`: making a hub and, on PostgreSQL, a
login role per kiosk (so one stolen laptop loses hub access alone)."""

from __future__ import annotations

import argparse
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from kiosk.cli.errors import CommandError, UsageError
from kiosk.sync.errors import HubError
from kiosk.sync.hub import is_postgres

T = TypeVar("T")


def register(sub: Any) -> None:
    hub = sub.add_parser("hub", help="create a hub (PostgreSQL database or folder)")
    hub_sub = hub.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    p = hub_sub.add_parser("init", help="create the hub schema and the kiosks' role")
    p.add_argument("location", help="postgresql://ADMIN@HOST/DB (an owner of DB) or a folder")
    p.add_argument("--role", help="the kiosks' PostgreSQL role (default: DB_kiosk)")
    p.add_argument("--password", help="the kiosks' password (default: a new random one)")
    p.set_defaults(func=run_hub_init)

    p = hub_sub.add_parser("add-kiosk", help="PostgreSQL: a login role of one kiosk's own")
    p.add_argument("location", help="postgresql://ADMIN@HOST/DB (an owner of DB)")
    p.add_argument("role", help="the kiosk's role name, e.g. door3 (lower-case, digits, _)")
    p.add_argument("--password", help="its password (default: a new random one)")
    p.set_defaults(func=run_add_kiosk)
    p = hub_sub.add_parser("disable-kiosk", help="PostgreSQL: withdraw one kiosk's role")
    p.add_argument("location", help="postgresql://ADMIN@HOST/DB (an owner of DB)")
    p.add_argument("role")
    p.set_defaults(func=run_disable_kiosk)


def run_hub_init(args: argparse.Namespace) -> int:
    if not is_postgres(args.location):
        from kiosk.sync.folder import FolderHub

        try:
            info = FolderHub(args.location).create()
        except HubError as exc:
            raise CommandError(str(exc)) from None
        print(f"folder hub {args.location} ready (hub {info.hub_id})")
        return 0
    from kiosk.sync.pg_connect import connect, display, hub_error
    from kiosk.sync.pg_schema import default_role, init_hub

    try:
        conn = connect(args.location)
        role = args.role or default_role(str(conn.info.dbname))
        password = args.password or secrets.token_urlsafe(18)
        hub_id = init_hub(conn, role, password)
        port = conn.info.port
        host, dbname = conn.info.host, conn.info.dbname
        conn.close()
    except HubError as exc:
        raise CommandError(str(exc)) from None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except Exception as exc:
        raise CommandError(str(hub_error(exc, args.location))) from None
    print(f"hub {display(args.location)} ready (hub {hub_id})")
    print(f"kiosks sync with: postgresql://{role}:{password}@{host}:{port}/{dbname}")
    return 0


def _as_admin(location: str, work: Callable[[Any], T]) -> T:
    """Run `work` on an owner's connection to a PostgreSQL hub; failures are one line."""
    from kiosk.sync.pg_connect import connect, hub_error

    if not is_postgres(location):
        raise UsageError("kiosk roles are for PostgreSQL hubs (a folder hub has no logins)")
    try:
        conn = connect(location)
    except HubError as exc:
        raise CommandError(str(exc)) from None
    try:
        return work(conn)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    except Exception as exc:
        raise CommandError(str(hub_error(exc, location))) from None
    finally:
        conn.close()


def run_add_kiosk(args: argparse.Namespace) -> int:
    from kiosk.sync.pg_schema import add_kiosk_role

    password = args.password or secrets.token_urlsafe(18)

    def add(conn: Any) -> str:
        add_kiosk_role(conn, args.role, password)
        return f"postgresql://{args.role}:{password}@{conn.info.host}:{conn.info.port}/{conn.info.dbname}"

    url = _as_admin(args.location, add)
    print(f"kiosk role {args.role} ready; that kiosk syncs with:")
    print(url)
    return 0


def run_disable_kiosk(args: argparse.Namespace) -> int:
    from kiosk.sync.pg_schema import disable_kiosk_role

    _as_admin(args.location, lambda conn: disable_kiosk_role(conn, args.role))
    print(f"kiosk role {args.role} disabled: it can no longer read or write the hub")
    return 0
