"""The folder hub (USB stick, shared drive): each kiosk writes numbered files into its own
directory and reads everyone else's, with a cursor per source directory.

    HUB/kiosk-hub.json                  hub id and the event it serves
    HUB/log/<kiosk id>/00000001.jsonl.gz  a kiosk's records, numbered from 1
    HUB/organiser/00000001.jsonl.gz     the organiser's publishes, applied in order
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kiosk.store.checkins import LogRecord
from kiosk.sync.bundle import read_bundle, write_atomically, write_bundle
from kiosk.sync.errors import CorruptBundle, HubError, HubMismatch, HubNotReady, HubUnreachable
from kiosk.sync.hub import (
    LOG_FIELDS,
    AttendeeRow,
    CheckinRow,
    HubInfo,
    JournalEntry,
    KeyRow,
    OrganiserBatch,
    Publication,
    RecordBatch,
    RevocationRow,
)

HUB_FILE = "kiosk-hub.json"
HUB_FORMAT = "kiosk-folder-hub"
FILE_RECORDS = 20_000  # records per file: a file is read whole before anything is merged
_NUMBERED = re.compile(r"^(\d{8})\.jsonl\.gz$")
_OFFLINE = LOG_FIELDS.index("offline")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _numbers(directory: Path) -> list[int]:
    if not directory.is_dir():
        return []
    return sorted(int(m.group(1)) for p in directory.iterdir() if (m := _NUMBERED.match(p.name)))


def _name(number: int) -> str:
    return f"{number:08d}.jsonl.gz"


class FolderHub:
    def __init__(self, path: str | Path) -> None:
        self.root = Path(path).expanduser()
        self._problems: list[str] = []

    @property
    def location(self) -> str:
        return str(self.root)

    def ensure(self) -> HubInfo:
        return self.info() if self.root.exists() else self.create()

    def create(self) -> HubInfo:
        """Make the hub folder (its parent must exist) or adopt an empty one."""
        try:
            if not self.root.parent.is_dir():
                raise HubUnreachable(f"cannot create the hub folder: {self.root.parent} not found")
            self.root.mkdir(exist_ok=True)
            if not (self.root / HUB_FILE).exists():
                if any(not p.name.startswith(".") for p in self.root.iterdir()):
                    raise HubNotReady(
                        f"{self.root} is not a kiosk hub folder: choose a new or empty folder"
                    )
                self._write_meta({"format": HUB_FORMAT, "version": 1, "hub_id": uuid.uuid4().hex})
        except OSError as exc:
            raise HubError(f"cannot create the hub folder {self.root}: {exc.strerror}") from None
        return self.info()

    def _meta(self) -> dict[str, Any]:
        if not self.root.is_dir():
            raise HubUnreachable(f"hub folder {self.root} not found (is the drive mounted?)")
        path = self.root / HUB_FILE
        if not path.exists():
            if any(not p.name.startswith(".") for p in self.root.iterdir()):
                raise HubNotReady(f"{self.root} is not a kiosk hub folder (no {HUB_FILE})")
            self.create()
            return self._meta()
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
            if meta.get("format") != HUB_FORMAT or not isinstance(meta.get("hub_id"), str):
                raise ValueError("not a hub file")
        except (OSError, ValueError, AttributeError) as exc:
            raise HubNotReady(f"{path} is damaged or not a kiosk hub file ({exc})") from None
        return dict(meta)

    def _write_meta(self, meta: dict[str, Any]) -> None:
        data = json.dumps(meta, indent=1, sort_keys=True).encode() + b"\n"
        write_atomically(self.root / HUB_FILE, data)

    def info(self) -> HubInfo:
        self._problems = []  # a pass starts here: report only what this pass skipped
        meta = self._meta()
        return HubInfo(hub_id=meta["hub_id"], event_id=meta.get("event_id"))

    def bind(self, event_id: str) -> None:
        meta = self._meta()
        if meta.get("event_id") not in (None, event_id):
            raise HubMismatch(f"{self.root} serves event {meta['event_id']!r}, not {event_id!r}")
        if meta.get("event_id") != event_id:
            meta["event_id"] = event_id
            self._writing(lambda: self._write_meta(meta))

    def _writing(self, work: Any) -> None:
        try:
            work()
        except OSError as exc:
            raise HubUnreachable(f"cannot write to the hub folder {self.root}: {exc}") from None

    def push(
        self,
        checkins: Sequence[CheckinRow],
        journal: Sequence[JournalEntry],
        kiosk_id: str,
        cursor: str,
    ) -> str:
        if not _SAFE_NAME.match(kiosk_id):
            raise HubError(f"kiosk id {kiosk_id!r} cannot name a folder")
        hub_id = self._meta()["hub_id"]
        directory = self.root / "log" / kiosk_id
        items = [
            {
                "k": "checkin",
                **dict(zip(LOG_FIELDS, row, strict=True)),
                "offline": bool(row[_OFFLINE]),
            }
            for row in checkins
        ]
        items += [
            {"k": e.kind, "id": e.id, "kiosk_id": e.kiosk_id, "body": e.body} for e in journal
        ]
        number = int(cursor or "1")
        self._writing(lambda: directory.mkdir(parents=True, exist_ok=True))
        while items:
            path = directory / _name(number)
            number += 1
            there = _readable(path)
            if there is not None:
                # Written by us before a crash lost the cursor: those records are there.
                if [i["id"] for i in items[: len(there)]] == [i.get("id") for i in there]:
                    items = items[len(there) :]
                continue
            chunk, items = items[:FILE_RECORDS], items[FILE_RECORDS:]
            header = {"kind": "log", "hub": hub_id, "source": kiosk_id, "number": number - 1}
            self._writing(lambda p=path, c=chunk, h=header: write_bundle(p, h, c))
        return str(number)

    def pull_records(self, cursor: str, kiosk_id: str) -> Iterator[RecordBatch]:
        state: dict[str, dict[str, Any]] = json.loads(cursor or "{}")
        log_dir = self.root / "log"
        self._meta()
        sources = sorted(p.name for p in log_dir.iterdir()) if log_dir.is_dir() else []
        for source in sources:
            if source == kiosk_id or not _SAFE_NAME.match(source):
                continue
            mark = state.setdefault(source, {"last": 0, "bad": []})
            for number in _numbers(log_dir / source):
                if number <= mark["last"] and number not in mark["bad"]:
                    continue
                batch = RecordBatch(cursor="")
                try:
                    path = log_dir / source / _name(number)
                    batch.checkins, batch.journal = _records(path, read_bundle(path)[1])
                except CorruptBundle as exc:
                    self._problems.append(f"skipped {exc}")
                    if number not in mark["bad"]:
                        mark["bad"].append(number)
                else:
                    if number in mark["bad"]:
                        mark["bad"].remove(number)
                mark["last"] = max(mark["last"], number)
                batch.cursor = json.dumps(state, sort_keys=True)
                yield batch

    def pull_organiser(self, cursor: str) -> Iterator[OrganiserBatch]:
        last = int(cursor or "0")
        self._meta()
        for number in _numbers(self.root / "organiser"):
            if number <= last:
                continue
            try:
                path = self.root / "organiser" / _name(number)
                batch = _organiser_batch(path, read_bundle(path)[1], str(number))
            except CorruptBundle as exc:
                # Later publishes may build on this one: stop here until it is readable.
                self._problems.append(f"stopped at {exc}")
                return
            yield batch

    def publish(self, publication: Publication) -> None:
        self.ensure()
        self.bind(publication.event_id)
        if publication.empty():
            return
        directory = self.root / "organiser"
        self._writing(lambda: directory.mkdir(exist_ok=True))
        number = max(_numbers(directory), default=0) + 1
        first: list[dict[str, Any]] = []
        if publication.event_source is not None:
            first.append({"k": "event", "source": publication.event_source})
        first += [
            {"k": "key", "key_id": k.key_id, "event_id": k.event_id,
             "public_key": base64.b64encode(k.public_key).decode()}
            for k in publication.keys
        ]  # fmt: skip
        first += [{"k": "revocation", **r._asdict()} for r in publication.revocations]
        people = [{"k": "attendee", **a._asdict()} for a in publication.attendees]
        chunks = [first + people[:FILE_RECORDS]]
        chunks += [
            people[i : i + FILE_RECORDS] for i in range(FILE_RECORDS, len(people), FILE_RECORDS)
        ]
        for offset, chunk in enumerate(chunks):
            path = directory / _name(number + offset)
            header = {"kind": "organiser", "event": publication.event_id, "number": number + offset}
            self._writing(lambda p=path, h=header, c=chunk: write_bundle(p, h, c))

    def hub_time(self) -> dt.datetime | None:
        return None

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        pass


def _readable(path: Path) -> list[dict[str, Any]] | None:
    """The items of an intact file at `path`; None if there is none or it is torn."""
    if not path.exists():
        return None
    try:
        return read_bundle(path)[1]
    except CorruptBundle:
        return None  # our own torn attempt: written again, whole, under the same name


def _records(path: Path, items: list[dict[str, Any]]) -> tuple[list[LogRecord], list[JournalEntry]]:
    """Every item of a file as records, or CorruptBundle: nothing of a bad file is used."""
    checkins, journal = [], []
    try:
        for item in items:
            kind = item.pop("k")
            if kind == "checkin":
                checkins.append(LogRecord(**item))
            else:
                journal.append(JournalEntry(kind, item["id"], item["kiosk_id"], dict(item["body"])))
    except (KeyError, TypeError, ValueError) as exc:
        raise CorruptBundle(f"{path}: unexpected record ({exc})") from None
    return checkins, journal


def _organiser_batch(path: Path, items: list[dict[str, Any]], cursor: str) -> OrganiserBatch:
    batch = OrganiserBatch(cursor=cursor)
    try:
        for item in items:
            kind = item.pop("k")
            if kind == "event":
                batch.event_source = str(item["source"])
            elif kind == "key":
                raw = base64.b64decode(item["public_key"])
                batch.keys.append(KeyRow(item["key_id"], item["event_id"], raw))
            elif kind == "revocation":
                batch.revocations.append(RevocationRow(**item))
            elif kind == "attendee":
                batch.attendees.append(AttendeeRow(**item))
    except (KeyError, TypeError, ValueError) as exc:
        raise CorruptBundle(f"{path}: unexpected organiser item ({exc})") from None
    return batch
