"""Attendee photos in organiser publications (GB 50799 12.2.4): an item per photo whose
bytes changed since the last publish to that hub, checked strictly on the way in."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from kiosk.store import photos

# kiosk.importing.photos makes 240x320 JPEGs of about 10-20 kB; anything past this is not
# one of them. Photos are far bigger than other items: a part holds photos up to PART_BYTES
# of base64 (about 250 at 24 kB) rather than 20,000 items, so a folder file or hub row
# stays a few MB and a kiosk never holds a huge part in memory.
MAX_JPEG_BYTES = 60_000
MAX_B64 = 4 * ((MAX_JPEG_BYTES + 2) // 3)
PART_BYTES = 6_000_000


class BadPhoto(ValueError):
    pass


def emitted(db: Database, before: dict[str, str]) -> Iterator[tuple[dict[str, Any], str, str]]:
    """(item, sync_published key, digest) for every photo whose digest is not the one
    published last; the bytes of unchanged photos are never read."""
    changed = [(aid, d) for aid, d in photos.digests(db) if before.get(f"photo:{aid}") != d]
    for aid, digest in changed:
        jpeg = photos.photo_for(db, aid)
        if jpeg is None:  # replaced while publishing: the next publish sends it
            continue
        item = {"k": "photo", "attendee_id": aid, "jpeg": base64.b64encode(jpeg).decode()}
        yield item, f"photo:{aid}", digest


def item_bytes(item: dict[str, Any]) -> int:
    return len(item["jpeg"]) if item.get("k") == "photo" else 0


def jpeg_of(value: Any) -> bytes:
    """A photo item's JPEG: base64, bounded, with a JPEG's first and last markers."""
    if not isinstance(value, str) or len(value) > MAX_B64:
        raise BadPhoto(f"base64 of a JPEG of at most {MAX_JPEG_BYTES:,} bytes expected")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise BadPhoto("not base64") from None
    if not (raw.startswith(b"\xff\xd8\xff") and raw.endswith(b"\xff\xd9")):
        raise BadPhoto("not a JPEG")
    return raw
