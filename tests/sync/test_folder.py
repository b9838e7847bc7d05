"""The folder hub: damaged files are reported and skipped whole; crashes leave no gaps."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.store import settings
from kiosk.sync.errors import HubMismatch, HubNotReady, HubUnreachable
from kiosk.sync.folder import FolderHub
from kiosk.sync.records import signed_checkin
from tests.sync.conftest import Kiosk, Venue, add_records, assert_converged, fake_records


@pytest.fixture
def pair(
    folder_hub: str, published: Callable[[str], None], kiosk_factory: Callable[..., Kiosk],
    db: Database, organiser_root: Ed25519PrivateKey,
) -> tuple[Kiosk, Kiosk]:  # fmt: skip
    """Two enrolled doors, provisioned from a folder hub."""
    published(folder_hub)
    venue = Venue(folder_hub, folder_hub, published, kiosk_factory, db, organiser_root)
    return venue.kiosk("a"), venue.kiosk("b")


def log_files(hub: str, kiosk: Kiosk) -> list[Path]:
    return sorted((Path(hub) / "log" / str(settings.kiosk_id(kiosk.db))).glob("*.jsonl.gz"))


def test_half_written_file_is_reported_and_skipped_never_used_in_part(
    folder_hub: str, pair: tuple[Kiosk, Kiosk]
) -> None:
    """A truncated file imports nothing and is named; once whole again it is imported."""
    a, b = pair
    add_records(a.db, fake_records(a.id, 300))
    a.sync(folder_hub)
    (path,) = log_files(folder_hub, a)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    report = b.sync(folder_hub)
    assert (report.pulled, len(report.problems)) == (0, 1)
    assert str(path) in report.problems[0] and "half-written or damaged" in report.problems[0]
    path.write_bytes(whole)
    report = b.sync(folder_hub)
    assert (report.pulled, report.problems) == (300, [])
    assert_converged(a.db, b.db)


def test_flipped_byte_inside_a_file_is_caught_by_the_checksum(
    folder_hub: str, pair: tuple[Kiosk, Kiosk]
) -> None:
    """A file damaged in the middle (valid gzip of wrong content) is refused whole."""
    import gzip

    a, b = pair
    add_records(a.db, fake_records(a.id, 50))
    a.sync(folder_hub)
    (path,) = log_files(folder_hub, a)
    text = gzip.decompress(path.read_bytes()).replace(b"-0000007", b"-000000X")
    path.write_bytes(gzip.compress(text))
    report = b.sync(folder_hub)
    assert report.pulled == 0 and "checksum mismatch" in report.problems[0]


def test_later_files_are_imported_past_a_damaged_one(
    folder_hub: str, pair: tuple[Kiosk, Kiosk]
) -> None:
    """Check-in files do not depend on each other: one bad file holds up nothing else."""
    a, b = pair
    add_records(a.db, fake_records(a.id, 10))
    a.sync(folder_hub)
    add_records(a.db, fake_records(a.id, 10, start=10))
    a.sync(folder_hub)
    first, _ = log_files(folder_hub, a)
    first.write_bytes(b"garbage")
    assert b.sync(folder_hub).pulled == 10
    assert b.sync(folder_hub).problems  # still reported on every pass until repaired
    assert not b.ids() & {f"{a.id}-{n:07d}" for n in range(10)}


def test_torn_own_file_is_written_again_whole(folder_hub: str, pair: tuple[Kiosk, Kiosk]) -> None:
    """If a kiosk's last write was torn before its cursor moved, the next push replaces it."""
    a, b = pair
    add_records(a.db, fake_records(a.id, 20))
    hub = FolderHub(folder_hub)
    kiosk_id = str(settings.kiosk_id(a.db))
    directory = Path(folder_hub) / "log" / kiosk_id
    directory.mkdir(parents=True)
    (directory / "00000001.jsonl.gz").write_bytes(b"\x1f\x8b torn")
    a.sync(folder_hub)
    assert [p.name for p in log_files(folder_hub, a)] == ["00000001.jsonl.gz"]
    assert b.sync(folder_hub).pulled == 20
    assert hub.problems() == []


def test_file_written_before_a_crash_lost_the_cursor_is_not_written_twice(
    folder_hub: str, pair: tuple[Kiosk, Kiosk]
) -> None:
    """Written, then killed before the cursor was saved: the next pass recognises its file."""
    a, b = pair
    records = fake_records(a.id, 30)
    add_records(a.db, records)
    wire = [signed_checkin(a.key, r) for r in records[:20]]
    FolderHub(folder_hub).push(wire, a.id, "")
    a.sync(folder_hub)
    files = log_files(folder_hub, a)
    assert len(files) == 2  # the first 20, then only the 10 not written yet
    b.sync(folder_hub)
    assert_converged(a.db, b.db)


def test_missing_folder_means_offline_with_one_clear_message(
    tmp_path: Path, kiosk_factory: Callable[..., Kiosk]
) -> None:
    """An unmounted drive is 'not found', not an empty hub created on the local disk."""
    with pytest.raises(HubUnreachable, match="not found \\(is the drive mounted\\?\\)"):
        kiosk_factory("k").sync(str(tmp_path / "usb" / "hub"))
    assert not (tmp_path / "usb").exists()


def test_folder_with_other_files_is_not_taken_for_a_hub(
    tmp_path: Path, kiosk_factory: Callable[..., Kiosk]
) -> None:
    """A folder of holiday photos is left alone."""
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "beach.jpg").write_bytes(b"jpeg")
    with pytest.raises(HubNotReady, match="not a kiosk hub folder"):
        kiosk_factory("k").sync(str(tmp_path / "photos"))


def test_folder_hub_of_another_event_is_refused(
    folder_hub: str, pair: tuple[Kiosk, Kiosk], kiosk_factory: Callable[..., Kiosk]
) -> None:
    """A stick from last year's event: one message, nothing exchanged."""
    meta = Path(folder_hub) / "kiosk-hub.json"
    data = json.loads(meta.read_text())
    meta.write_text(json.dumps({**data, "event_id": "sces-2025"}))
    a, _ = pair
    add_records(a.db, fake_records(a.id, 5))
    with pytest.raises(HubMismatch, match=r"hub of event 'sces-2025'.*serves 'tiny-2026'"):
        a.sync(folder_hub)
    assert not (Path(folder_hub) / "log").exists() or not log_files(folder_hub, a)


def test_damaged_organiser_file_stops_the_organiser_stream_there(
    folder_hub: str, pair: tuple[Kiosk, Kiosk], organiser_root: Ed25519PrivateKey
) -> None:
    """Publishes apply in order: a damaged one holds back later ones until it is readable."""
    from kiosk.store import attendees

    a, _ = pair
    organiser_file = sorted((Path(folder_hub) / "organiser").iterdir())[0]
    organiser_file.write_bytes(b"broken")
    fresh = Kiosk(a.path.with_name("fresh.db"))
    fresh.trust(organiser_root)
    with pytest.raises(HubNotReady, match=r"no event data yet \(.*skipped .*00000001-0001"):
        fresh.sync(folder_hub)
    assert attendees.count(fresh.db) == 0


def test_damaged_new_publish_is_reported_to_provisioned_kiosks(
    folder_hub: str, pair: tuple[Kiosk, Kiosk], published: Callable[[str], None], db: Database
) -> None:
    """A kiosk already serving the event names the damaged organiser file and goes on."""
    from kiosk.domain.attendee import Attendee
    from kiosk.store import attendees
    from kiosk.store.db import write

    a, _ = pair
    with write(db):
        attendees.save(db, Attendee("A8", "Neu", "Person", "X", "n@x.de", "visitor"))
    published(folder_hub)
    newest = sorted((Path(folder_hub) / "organiser").iterdir())[-1]
    newest.write_bytes(newest.read_bytes()[:40])
    report = a.sync(folder_hub)
    assert report.attendees == 0 and report.problems == [
        f"skipped {newest}: half-written or damaged (Compressed file ended before the "
        "end-of-stream marker was reached)"
    ]
