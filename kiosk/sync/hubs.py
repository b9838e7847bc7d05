"""Picks the hub backend for a location: a `postgresql://` URL or a folder path."""

from __future__ import annotations

from kiosk.sync.hub import Hub, is_postgres


def open_hub(location: str, passfile: str | None = None) -> Hub:
    """A hub from a `postgresql://` URL (password from `passfile`, never the URL stored in
    a kiosk database) or a folder path."""
    if is_postgres(location):
        from kiosk.sync.pg_hub import PostgresHub

        return PostgresHub(location, passfile=passfile)
    from kiosk.sync.folder import FolderHub

    return FolderHub(location)
