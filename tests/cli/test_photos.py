"""`kiosk photos import DIR` (GB 50799 12.2.4): real JPEG and PNG files made here, upright
by their EXIF orientation, small; a corrupt file, a non-image, a decompression bomb, huge
dimensions, an unknown id or two files for one id: all reported, none imported."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from sqlite_utils import Database

from kiosk.importing.photos import MAX_JPEG_BYTES, SIZE
from kiosk.store import photos
from tests.cli.helpers import kiosk


def picture(width: int = 1200, height: int = 1600, color: str = "#1565c0") -> Image.Image:
    """A photo-like picture: a colour field with a white band at the top."""
    image = Image.new("RGB", (width, height), color)
    image.paste("white", (0, 0, width, height // 8))
    return image


def jpeg(image: Image.Image, orientation: int | None = None) -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    image.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A valid PNG header claiming width x height pixels, with a tiny compressed body: what
    a decompression bomb looks like before its pixels are inflated."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\0" * 100_000, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "photos"
    path.mkdir()
    return path


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path) -> tuple[int, str, str]:
    return kiosk(capsys, "photos", "import", str(folder), "--db", str(tmp_path / "kiosk.db"))


def stored(db: Database) -> dict[str, tuple[int, int]]:
    found = {}
    for aid in ("A1", "A2", "A3", "A4", "A5", "A6"):
        data = photos.photo_for(db, aid)
        if data is not None:
            with Image.open(io.BytesIO(data)) as image:
                assert image.format == "JPEG"
                found[aid] = image.size
    return found


def test_jpeg_and_png_become_small_upright_jpegs(
    db: Database, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A portrait JPEG, a landscape JPEG whose EXIF says 'rotate 90' (a phone held
    upright), and a PNG with transparency: each fitted into 240x320 as a JPEG."""
    (folder / "A1.jpg").write_bytes(jpeg(picture()))
    # stored on its side (the band on the left), EXIF orientation 6: "turn 90 degrees clockwise"
    (folder / "A2.JPG").write_bytes(jpeg(picture().rotate(90, expand=True), orientation=6))
    (folder / "A3.png").write_bytes(png(picture(600, 800).convert("RGBA")))
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    status, out, _ = run(capsys, tmp_path, folder)
    sizes = stored(db)
    with Image.open(io.BytesIO(photos.photo_for(db, "A2") or b"")) as turned:
        top = turned.getpixel((turned.width // 2, 2))  # the white band is on top again
    assert (status, out.startswith("imported 3 photos"), sizes, top > (200, 200, 200)) == (
        0,
        True,
        {"A1": SIZE, "A2": SIZE, "A3": SIZE},
        True,
    )
    assert all(len(photos.photo_for(db, a) or b"") < MAX_JPEG_BYTES for a in sizes)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("A2.jpg", b"\xff\xd8\xff\xe0 this is no JPEG", "not a readable image"),
        ("A2.png", b"PK\x03\x04 a zip file named .png", "not a readable image"),
        ("A2.jpg", None, "not a readable image"),  # truncated: half of a real JPEG
        ("A2.png", png_claiming(30_000, 30_000), "more than 50 million pixels"),
        ("A2.png", png_claiming(20_000, 100), "20000x100 pixels: at most 12000 a side"),
        ("Z9.jpg", jpeg(picture(90, 120)), "no attendee with id 'Z9'"),
        ("A2.gif", b"GIF89a", "not named ID.jpg, ID.jpeg or ID.png"),
    ],
)
def test_a_bad_file_is_reported_and_nothing_is_imported(
    db: Database, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str],
    name: str, content: bytes | None, reason: str,
) -> None:  # fmt: skip
    """One bad file among good ones: it is named with its reason, and no photo is stored
    (not even the good ones read before it)."""
    (folder / "A1.jpg").write_bytes(jpeg(picture()))
    (folder / "A3.jpg").write_bytes(jpeg(picture()))
    good = jpeg(picture())
    (folder / name).write_bytes(good[: len(good) // 2] if content is None else content)
    status, _, err = run(capsys, tmp_path, folder)
    assert (status, stored(db)) == (1, {})
    assert err.splitlines()[0].startswith(f"  {name}: {reason}")
    assert err.strip().splitlines()[-1] == f"kiosk: 1 bad photo files in {folder}; none imported"


def test_two_files_for_one_attendee_are_both_reported(
    db: Database, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A1.jpg and A1.png: which one is A1? Neither is taken."""
    (folder / "A1.jpg").write_bytes(jpeg(picture()))
    (folder / "A1.png").write_bytes(png(picture()))
    status, _, err = run(capsys, tmp_path, folder)
    assert (status, stored(db), err.splitlines()[:2]) == (
        1,
        {},
        [
            "  A1.jpg: a second photo for A1 (also A1.png)",
            "  A1.png: a second photo for A1 (also A1.jpg)",
        ],
    )


def test_importing_again_replaces_a_photo(
    db: Database, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new picture for A1 replaces the old one; a missing folder is one line."""
    (folder / "A1.jpg").write_bytes(jpeg(picture(color="#000000")))
    run(capsys, tmp_path, folder)
    first = photos.photo_for(db, "A1")
    (folder / "A1.jpg").write_bytes(jpeg(picture(color="#ff0000")))
    run(capsys, tmp_path, folder)
    status, _, err = run(capsys, tmp_path, folder / "missing")
    assert (first != photos.photo_for(db, "A1"), status, err.strip()) == (
        True,
        1,
        f"kiosk: {folder / 'missing'}: not a folder; no photo imported",
    )
