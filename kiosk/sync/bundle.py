"""Sync files on a folder hub: gzip'd JSON lines with a checksum trailer, written atomically.

A file is a header line, one line per item, then {"end": n, "sha256": ...} over everything
before it. It is written under a temporary name, fsynced, renamed into place and the
directory fsynced, so a reader sees a whole file or none; a file torn anyway (a drive
pulled before its cache was flushed) fails the checksum and is refused as a whole.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import uuid
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk.sync.errors import CorruptBundle

FORMAT = "kiosk-sync-bundle/1"
MAX_BYTES = 1 << 30  # a sync file bigger than this once unpacked is not one of ours


def _line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def write_atomically(path: Path, data: bytes) -> None:
    """Temp name in the same directory, fsync, rename over `path`, fsync the directory."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    # Some file systems (FAT on USB sticks) refuse to fsync a directory: the rename then
    # rests on the drive's own flush, and the checksum still catches a torn file.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_bundle(path: Path, header: dict[str, Any], items: Sequence[dict[str, Any]]) -> None:
    body = _line({"format": FORMAT, "count": len(items), **header})
    body += b"".join(_line(item) for item in items)
    trailer = _line({"end": len(items), "sha256": hashlib.sha256(body).hexdigest()})
    write_atomically(path, gzip.compress(body + trailer, compresslevel=1, mtime=0))


def read_bundle(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header and items of a whole, intact file; CorruptBundle otherwise."""
    try:
        with gzip.open(path, "rb") as packed:
            raw = packed.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise CorruptBundle(f"{path}: half-written or damaged ({exc})") from None
    if len(raw) > MAX_BYTES:
        raise CorruptBundle(f"{path}: too large to be a sync file")
    body, sep, last = raw.rstrip(b"\n").rpartition(b"\n")
    try:
        trailer = json.loads(last)
        lines = body.split(b"\n")
        header = json.loads(lines[0])
        if not isinstance(trailer, dict) or not isinstance(header, dict):
            raise ValueError("not a sync file")
        if hashlib.sha256(body + sep).hexdigest() != trailer.get("sha256"):
            raise ValueError("checksum mismatch")
        if header.get("format") != FORMAT:
            raise ValueError(f"unknown format {header.get('format')!r}")
        items = [json.loads(line) for line in lines[1:]]
        if len(items) != header.get("count") or len(items) != trailer.get("end"):
            raise ValueError("item count mismatch")
        if not all(isinstance(item, dict) for item in items):
            raise ValueError("an item is not an object")
    except (ValueError, IndexError, UnicodeDecodeError) as exc:
        raise CorruptBundle(f"{path}: half-written or damaged ({exc})") from None
    return header, items


def read_header(path: Path) -> dict[str, Any]:
    """The header line of a sync file alone (unchecked: the trailer is not read)."""
    try:
        with gzip.open(path, "rb") as packed:
            line = packed.readline(1 << 20)
        header = json.loads(line)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise CorruptBundle(f"{path}: half-written or damaged ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise CorruptBundle(f"{path}: not a sync file")
    return header
