"""Photos travel with publications (GB 50799 12.2.4): sent when their bytes change, in
parts bounded by bytes; a photo forged on the stick or too large is refused."""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image
from sqlite_utils import Database

from kiosk.importing.photos import compact_jpeg
from kiosk.store import photos
from kiosk.store.db import write
from kiosk.sync import publish as publish_module
from kiosk.sync.folder import FolderHub
from kiosk.sync.hubs import open_hub
from kiosk.sync.photo_items import MAX_JPEG_BYTES
from kiosk.sync.publish import PublishReport, publish
from tests.pg_server import Publisher
from tests.sync.conftest import Kiosk, Venue
from tests.sync.test_attacks import forged_part


@pytest.fixture
def stick(
    folder_hub: str, published: Publisher, kiosk_factory: Callable[..., Kiosk], db: Database,
    organiser_root: Ed25519PrivateKey,
) -> Venue:  # fmt: skip
    published(folder_hub)
    return Venue(folder_hub, folder_hub, published, kiosk_factory, db, organiser_root)


def photo(color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 800), color).save(out, "JPEG")
    return compact_jpeg(out.getvalue())


def fake_jpeg(size: int) -> bytes:
    """Incompressible bytes between a JPEG's first and last markers: a stand-in as large
    as a real photo for counting bytes per part."""
    return b"\xff\xd8\xff" + os.urandom(size - 5) + b"\xff\xd9"


def organiser_photos(db: Database, items: list[tuple[str, bytes]]) -> None:
    with write(db):
        photos.save_many(db, items)


def publish_now(published: Publisher, location: str) -> PublishReport:
    hub = open_hub(location)
    try:
        return publish(published.db, hub, published.event, root=published.root)
    finally:
        hub.close()


def parts(hub: str) -> list[Path]:
    return sorted((Path(hub) / "organiser").iterdir())


def test_photos_reach_a_door_and_only_changed_ones_are_sent_again(
    stick: Venue, published: Publisher
) -> None:
    """Published once, a photo is at the door byte for byte; publishing again sends no
    photo; a changed one is sent alone."""
    door = stick.kiosk("door")
    organiser_photos(stick.organiser, [("A1", photo("#1565c0")), ("A2", photo("#2e7d32"))])
    first = publish_now(published, stick.admin)
    door.sync(stick.location)
    again = publish_now(published, stick.admin)
    organiser_photos(stick.organiser, [("A2", photo("#c62828"))])
    changed = publish_now(published, stick.admin)
    report = door.sync(stick.location)
    assert (first.photos, again.photos, changed.photos, report.photos) == (2, 0, 1, 1)
    assert [photos.photo_for(door.db, a) for a in ("A1", "A2")] == [
        photos.photo_for(stick.organiser, a) for a in ("A1", "A2")
    ]


def test_parts_are_bounded_by_bytes(
    stick: Venue, published: Publisher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Photos fill a part up to PART_BYTES of base64, not 20,000 items: 40 photos of 20 kB
    under a 200 kB bound make at least 5 parts, none much above the bound, all applied."""
    monkeypatch.setattr(publish_module, "PART_BYTES", 200_000)
    before = len(parts(stick.location))
    pictures = [(f"A{1 + n % 6}", fake_jpeg(20_000)) for n in range(6)]
    organiser_photos(stick.organiser, pictures)
    many = [(f"P{n:03d}", fake_jpeg(20_000)) for n in range(34)]
    organiser_photos(stick.organiser, many)
    report = publish_now(published, stick.admin)
    made = parts(stick.location)[before:]
    sizes = [len(gzip.decompress(p.read_bytes())) for p in made]
    door = stick.kiosk("door")
    assert (report.photos, len(made) >= 5, max(sizes) < 200_000 + 40_000) == (40, True, True)
    assert photos.count(door.db) == 40


def test_a_photo_forged_on_the_stick_is_refused(stick: Venue) -> None:
    """A photo item in a part someone else signed: the part is refused, no photo stored."""
    door = stick.kiosk("door")
    item = {"k": "photo", "attendee_id": "A1", "jpeg": "/9j/2Q=="}
    FolderHub(stick.location).publish_part(forged_part(Ed25519PrivateKey.generate(), [item]))
    report = door.sync(stick.location)
    assert (
        photos.photo_for(door.db, "A1"),
        any("not the organiser" in p for p in report.problems),
    ) == (
        None,
        True,
    )


@pytest.mark.parametrize(
    ("jpeg", "why"),
    [
        (fake_jpeg(MAX_JPEG_BYTES + 1), "base64 of a JPEG of at most 60,000 bytes expected"),
        (b"GIF89a" + b"\0" * 100, "not a JPEG"),
    ],
)
def test_an_oversized_or_foreign_photo_item_is_refused(
    stick: Venue, published: Publisher, jpeg: bytes, why: str
) -> None:
    """Even signed by the organiser (its database tampered with, say), a photo item larger
    than any photo kiosk makes, or not a JPEG, is refused with its part."""
    door = stick.kiosk("door")
    organiser_photos(stick.organiser, [("A1", jpeg)])
    published(stick.admin)
    report = door.sync(stick.location)
    assert photos.photo_for(door.db, "A1") is None
    assert any(why in p for p in report.problems), report.problems
