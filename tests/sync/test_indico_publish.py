"""An Indico import travels to the doors with `publish`: a door that never saw the export
admits the event's tickets offline and tells another event's from an unknown one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from kiosk.domain.decision import Direction
from kiosk.domain.event import Event
from kiosk.importing import ImportOptions, import_file
from kiosk.importing.indico import reader
from tests.conftest import at
from tests.importing import indico_data as indico
from tests.pg_server import Publisher
from tests.sync.conftest import Kiosk


def test_published_indico_tickets_scan_at_a_door(
    db: Database,
    event: Event,
    tmp_path: Path,
    folder_hub: str,
    published: Publisher,
    kiosk_factory: Callable[..., Kiosk],
) -> None:
    """Organiser imports and publishes; the door syncs once, then decides alone."""
    export = indico.write_csv(tmp_path / "registrations.csv")
    secrets = indico.write_json(tmp_path / "checkin.json", indico.checkin_json())
    import_file(db, event, export, ImportOptions(), None, reader([secrets], indico.EVENT_URL))
    published(folder_hub)
    door = kiosk_factory("a")
    door.sync(folder_hub)
    service = door.service()
    ada, withdrawn = indico.by_name("Ada"), indico.by_name("Jürgen", "withdrawn")
    other = indico.qr_v2(ada, base_url="https://indico.other.org")
    verdicts = [
        service.scan(text, "main", Direction.ENTRY, at("14 10:00")).reason
        for text in (indico.qr_v2(ada), indico.qr_v2(withdrawn), other)
    ]
    assert verdicts == ["admitted", "cancelled", "other_event"]
