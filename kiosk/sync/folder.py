"""The folder hub (USB stick, shared drive): each kiosk writes numbered files into its own
directory and reads everyone else's; the organiser writes signed publication parts.

    HUB/kiosk-hub.json                      hub id and the event it serves (a label only)
    HUB/log/<kiosk id>/00000001.jsonl.gz    a kiosk's signed records, numbered from 1
    HUB/organiser/00000007-0001.jsonl.gz    publication 7, part 1, signed by the organiser

Nothing here is believed for where it lies (docs/trust.md): readers verify every item.
A reader remembers each file it has read (by name, size and time), not a high-water
mark, so no file, whatever its number, makes it skip another; numbers have no fixed
width, so they cannot run out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kiosk.sync.bundle import read_bundle, read_header, write_atomically, write_bundle
from kiosk.sync.errors import CorruptBundle, HubError, HubMismatch, HubNotReady, HubUnreachable
from kiosk.sync.hub import HubInfo, RecordBatch, SignedPart, WireRecord

HUB_FILE = "kiosk-hub.json"
HUB_FORMAT = "kiosk-folder-hub"
FILE_RECORDS = 20_000  # records per file: a file is read whole before anything is merged
_NUMBERED = re.compile(r"^(\d{1,18})\.jsonl\.gz$")
_PART = re.compile(r"^(\d{1,12})-(\d{1,6})\.jsonl\.gz$")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _numbers(directory: Path) -> list[int]:
    if not directory.is_dir():
        return []
    return sorted(int(m.group(1)) for p in directory.iterdir() if (m := _NUMBERED.match(p.name)))


def _parts(directory: Path) -> list[tuple[int, int]]:
    if not directory.is_dir():
        return []
    found = (_PART.match(p.name) for p in directory.iterdir())
    return sorted((int(m.group(1)), int(m.group(2))) for m in found if m)


def _part_name(number: tuple[int, int]) -> str:
    return f"{number[0]:08d}-{number[1]:04d}.jsonl.gz"


def _stamp(path: Path) -> str:
    """What tells a file from a changed one without reading it."""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _name(number: int) -> str:
    return f"{number:08d}.jsonl.gz"


class FolderHub:
    def __init__(self, path: str | Path) -> None:
        self.root = Path(path).expanduser()
        self._problems: list[str] = []
        # File stamp -> its header's own-record count: a kiosk counts its files every
        # pass, and a door writes a file most passes; only new or changed ones are read.
        self._own_counts: dict[Path, tuple[str, int]] = {}

    @property
    def location(self) -> str:
        return str(self.root)

    def ensure(self) -> HubInfo:
        """info(), making the folder first if it does not exist (the demo's hub); kiosk
        publish and sync never create one: a typo must not become a new, empty hub."""
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
            raise HubNotReady(
                f"{self.root} is not a kiosk hub folder (no {HUB_FILE}): "
                f"'kiosk hub init {self.root}' makes one"
            )
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

    def push(self, records: Sequence[WireRecord], kiosk_id: str, cursor: str) -> str:
        if not _SAFE_NAME.match(kiosk_id):
            raise HubError(f"kiosk id {kiosk_id!r} cannot name a folder")
        hub_id = self._meta()["hub_id"]
        directory = self.root / "log" / kiosk_id
        items = list(records)
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
            own = sum(1 for item in chunk if item.get("kiosk_id") == kiosk_id)
            header = {
                "kind": "log", "hub": hub_id, "source": kiosk_id, "number": number - 1,
                "own": own,
            }  # fmt: skip
            self._writing(lambda p=path, c=chunk, h=header: write_bundle(p, h, c))
        return str(number)

    def pull_records(self, cursor: str, kiosk_id: str) -> Iterator[RecordBatch]:
        state = _read_state(cursor)
        log_dir = self.root / "log"
        self._meta()
        sources = sorted(p.name for p in log_dir.iterdir()) if log_dir.is_dir() else []
        for source in sources:
            if source == kiosk_id or not _SAFE_NAME.match(source):
                continue
            seen = state.setdefault(source, {})
            for number in _numbers(log_dir / source):
                path = log_dir / source / _name(number)
                try:
                    stamp = _stamp(path)
                    if seen.get(path.name) == stamp:
                        continue
                    records = read_bundle(path)[1]
                except OSError as exc:
                    self._problems.append(f"skipped {path}: cannot be read ({exc.strerror})")
                    continue
                except CorruptBundle as exc:
                    self._problems.append(f"skipped {exc}")
                    continue
                seen[path.name] = stamp
                yield RecordBatch(cursor=json.dumps(state, sort_keys=True), records=records)

    def own_records(self, kiosk_id: str) -> int:
        """Counted from the files' headers: a reader only needs the first line of each."""
        directory = self.root / "log" / kiosk_id
        total = 0
        for number in _numbers(directory):
            path = directory / _name(number)
            try:
                stamp = _stamp(path)
                known = self._own_counts.get(path)
                if known is None or known[0] != stamp:
                    own = read_header(path).get("own")
                    known = (stamp, own if type(own) is int and own >= 0 else 0)
                    self._own_counts[path] = known
            except (OSError, CorruptBundle):
                continue  # torn or gone: as good as lost, so its records are sent again
            total += known[1]
        return total

    def publish_part(self, part: SignedPart) -> None:
        meta = self._meta()
        event = part.statement.get("event")
        if not isinstance(event, str):
            raise HubError("a publication part names no event")
        if meta.get("event_id") is None:
            self.bind(event)
        elif meta["event_id"] != event:
            raise HubMismatch(f"{self.root} serves event {meta['event_id']!r}, not {event!r}")
        directory = self.root / "organiser"
        self._writing(lambda: directory.mkdir(exist_ok=True))
        path = directory / _part_name(part.number)
        header = {"kind": "publication", "statement": part.statement, "signature": part.signature}
        self._writing(lambda: write_bundle(path, header, part.items))

    def pull_publications(self, after: tuple[int, int]) -> Iterator[SignedPart]:
        self._meta()
        directory = self.root / "organiser"
        if directory.is_dir():
            strays = sorted(
                p.name for p in directory.iterdir()
                if not p.name.startswith(".") and not _PART.match(p.name)
            )  # fmt: skip
            self._problems += [
                f"ignored {directory / name}: not a publication part" for name in strays
            ]
        for number in _parts(directory):
            if number <= after:
                continue
            path = directory / _part_name(number)
            try:
                header, items = read_bundle(path)
            except CorruptBundle as exc:
                self._problems.append(f"skipped {exc}")
                continue
            statement, signature = header.get("statement"), header.get("signature")
            if not isinstance(statement, dict) or not isinstance(signature, str):
                self._problems.append(f"skipped {path}: not a signed publication part")
                continue
            yield SignedPart(statement, signature, items)

    def newest_publication(self) -> tuple[int, int]:
        return max(_parts(self.root / "organiser"), default=(0, 0))

    def hub_time(self) -> dt.datetime | None:
        return None

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        pass


def _read_state(cursor: str) -> dict[str, dict[str, str]]:
    """The files read so far, by source; a cursor of an older kind starts afresh."""
    try:
        state = json.loads(cursor or "{}")
    except ValueError:
        return {}
    if not isinstance(state, dict) or not all(isinstance(v, dict) for v in state.values()):
        return {}
    return state


def _readable(path: Path) -> list[dict[str, Any]] | None:
    """The items of an intact file at `path`; None if there is none or it is torn."""
    if not path.exists():
        return None
    try:
        return read_bundle(path)[1]
    except CorruptBundle:
        return None  # our own torn attempt: written again, whole, under the same name
