"""`kiosk photos import DIR`: a folder of attendee photos (ID.jpg / ID.png) made into compact
JPEGs for the door (GB 50799 12.2.4), all of them or none: a bad file is reported with the
others and nothing is stored."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlite_utils import Database

from kiosk.store import photos
from kiosk.store.db import write

# The door shows a photo about 240 px wide; 3:4 is the passport shape most photos have.
SIZE = (240, 320)
QUALITY = 80
EXTENSIONS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}
MAX_FILE_BYTES = 25 * 1024 * 1024  # a 50 MP phone JPEG is about 20 MB
MAX_SIDE = 12_000  # pixels: past this a "photo" is a poster, or a lie in its header
# Pillow warns past MAX_IMAGE_PIXELS and refuses past twice that: set it for every decode
# here (the warning is made an error too), so a small file that claims a huge picture is
# refused before its pixels are allocated (a decompression bomb).
MAX_PIXELS = 50_000_000
MAX_JPEG_BYTES = 60_000  # what a publication carries per photo (kiosk.sync.photo_items)
MAX_FILES = 100_000
_IGNORED = {"thumbs.db", "desktop.ini"}  # what file managers leave in a folder

Progress = Callable[[int, int], None]  # files done, files in all


@dataclass(frozen=True)
class BadPhoto:
    name: str
    reason: str


class PhotosRefused(Exception):
    """Some files cannot be used: nothing was stored."""

    def __init__(self, bad: list[BadPhoto]) -> None:
        super().__init__(f"{len(bad)} bad photo files; none imported")
        self.bad = bad


@dataclass(frozen=True)
class PhotoReport:
    imported: int
    total_bytes: int  # of the stored JPEGs

    @property
    def average_bytes(self) -> int:
        return self.total_bytes // self.imported if self.imported else 0


def compact_jpeg(data: bytes) -> bytes:
    """The picture in `data` (JPEG or PNG) turned upright by its EXIF orientation, fitted
    into SIZE and saved as a compact JPEG without metadata; ValueError if it is not one."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _compact(data)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValueError(f"more than {MAX_PIXELS // 1_000_000} million pixels") from None
    except (OSError, SyntaxError, UnidentifiedImageError) as exc:
        # Pillow's own words: "cannot identify image file", "image file is truncated"
        raise ValueError(f"not a readable image ({str(exc)[:80]})") from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _compact(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data), formats=["JPEG", "PNG"]) as image:
        width, height = image.size
        if max(width, height) > MAX_SIDE:
            raise ValueError(f"{width}x{height} pixels: at most {MAX_SIDE} a side")
        image.draft("RGB", (SIZE[0] * 2, SIZE[1] * 2))  # a JPEG decodes at a fraction
        image.load()
        upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "P", "PA"):
        upright = upright.convert("RGBA")
        flat = Image.new("RGB", upright.size, "white")  # transparency on a white card
        flat.paste(upright, mask=upright.getchannel("A"))
        upright = flat
    elif upright.mode != "RGB":
        upright = upright.convert("RGB")
    upright.thumbnail(SIZE, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    upright.save(out, "JPEG", quality=QUALITY, optimize=True)
    jpeg = out.getvalue()
    if len(jpeg) > MAX_JPEG_BYTES:  # not reached by a 240x320 picture at this quality
        raise ValueError("too large even when made small")
    return jpeg


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder}: not a folder")
    found = []
    for entry in folder.iterdir():
        if entry.name.startswith(".") or entry.name.lower() in _IGNORED:
            continue
        found.append(entry)
        if len(found) > MAX_FILES:
            raise ValueError(f"{folder}: more than {MAX_FILES:,} files")
    return sorted(found)


def import_photos(db: Database, folder: Path, progress: Progress | None = None) -> PhotoReport:
    """Store a photo for each file of `folder` named by an attendee id; PhotosRefused
    (every bad file, nothing stored) if a file is not a usable JPEG or PNG, names nobody,
    or shares its id with another file."""
    files = _files(folder)
    known = {str(r[0]) for r in db.execute("SELECT id FROM attendees")}
    by_id: dict[str, list[Path]] = {}
    for path in files:
        by_id.setdefault(path.stem, []).append(path)
    bad: list[BadPhoto] = []
    total = 0
    with write(db):
        for done, path in enumerate(files, 1):
            reason = _problem(path, known, by_id)
            if reason is None:
                try:
                    jpeg = compact_jpeg(path.read_bytes())
                except (ValueError, OSError) as exc:
                    reason = str(exc)
                else:
                    if not bad:  # after the first bad file, only check the rest
                        photos.save_many(db, [(path.stem, jpeg)])
                        total += len(jpeg)
            if reason is not None:
                bad.append(BadPhoto(path.name, reason))
            if progress is not None and (done % 100 == 0 or done == len(files)):
                progress(done, len(files))
        if bad:
            raise PhotosRefused(bad)  # rolls back the photos stored before it
    return PhotoReport(len(files), total)


def _problem(path: Path, known: set[str], by_id: dict[str, list[Path]]) -> str | None:
    if path.suffix.lower() not in EXTENSIONS:
        return "not named ID.jpg, ID.jpeg or ID.png"
    if not path.is_file():
        return "not a file"
    if path.stem not in known:
        return f"no attendee with id {path.stem[:64]!r}"
    if len(by_id[path.stem]) > 1:
        others = ", ".join(p.name for p in by_id[path.stem] if p != path)
        return f"a second photo for {path.stem} (also {others})"
    if path.stat().st_size > MAX_FILE_BYTES:
        return f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
    return None
