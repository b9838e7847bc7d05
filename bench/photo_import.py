"""Photos: `kiosk photos import` of generated camera-sized pictures, and their publication.

    python bench/photo_import.py [--photos 1000] [--repeats 3]

Makes N pictures of 1200x1600 pixels (textured like a photo: smooth shapes, light and
noise, so JPEG sizes are realistic) as JPEG files named by demo attendee ids, then per
repeat, into a fresh database:

- baseline: decoding each file with Pillow alone (Image.open + load), what any import must do;
- kiosk: kiosk.importing.photos.import_photos() (decode, EXIF orientation, resize to 240x320,
  JPEG encode, store in one transaction).

Prints median seconds and ms per photo against the baseline, the stored JPEGs' average and
largest size against the source files', and what a publication of them makes: parts, items
per part and the largest part's bytes (photos are bounded by bytes per part, not 20,000
items), with what one part of all of them would have been.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from kiosk.cli.common import DEMO_EVENT
from kiosk.demodata import generate_attendees
from kiosk.domain.attendee import Attendee
from kiosk.domain.event_file import load_event
from kiosk.importing.photos import import_photos
from kiosk.store import attendees, photos
from kiosk.store.db import open_db, write
from kiosk.store.events import save_event
from kiosk.sync.photo_items import PART_BYTES, emitted, item_bytes


def picture(rnd: random.Random) -> bytes:
    image = Image.new("RGB", (300, 400), tuple(rnd.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rnd.randrange(300), rnd.randrange(400)
        r = rnd.randrange(20, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rnd.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(6)).resize((1200, 1600), Image.Resampling.BICUBIC)
    noise = Image.effect_noise((1200, 1600), 24).convert("RGB")
    image = Image.blend(image, noise, 0.12)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def fresh_db(path: Path, ids: list[str]) -> object:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    event, source = load_event(DEMO_EVENT)
    db = open_db(path)
    with write(db):
        save_event(db, event, source)
        attendees.insert_many(db, [Attendee(i, "A", "B", "", "", "delegate") for i in ids])
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    event, _ = load_event(DEMO_EVENT)
    ids = [a.id for a in generate_attendees(event, args.photos)]
    rnd = random.Random(15)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "photos"
        folder.mkdir()
        source_bytes = 0
        for aid in ids:
            data = picture(rnd)
            source_bytes += len(data)
            (folder / f"{aid}.jpg").write_bytes(data)
        print(f"made {len(ids)} pictures", file=sys.stderr)
        decode, kiosk = [], []
        db = None
        for repeat in range(args.repeats):
            started = time.perf_counter()
            for path in sorted(folder.iterdir()):
                with Image.open(path) as image:
                    image.load()
            decode.append(time.perf_counter() - started)
            db = fresh_db(Path(tmp) / "bench.db", ids)
            started = time.perf_counter()
            report = import_photos(db, folder)  # type: ignore[arg-type]
            kiosk.append(time.perf_counter() - started)
            print(f"repeat {repeat + 1}/{args.repeats} done", file=sys.stderr)
        assert db is not None
        sizes = [len(photos.photo_for(db, aid) or b"") for aid in ids]  # type: ignore[arg-type]
        parts, part_bytes, part_items = [], 0, 0
        for item, _, _ in emitted(db, {}):  # type: ignore[arg-type]
            size = item_bytes(item)
            if part_items and part_bytes + size > PART_BYTES:
                parts.append((part_items, part_bytes))
                part_bytes = part_items = 0
            part_bytes += size
            part_items += 1
        parts.append((part_items, part_bytes))
    n = len(ids)
    base, mine = statistics.median(decode), statistics.median(kiosk)
    print(
        f"\nPhotos: {n:,} JPEGs of 1200x1600, median of {args.repeats} runs; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; baseline: Pillow decode\n"
    )
    print("| method | s | ms/photo | vs baseline |")
    print("|---|---:|---:|---:|")
    print(f"| Pillow decode only | {base:.1f} | {1000 * base / n:.1f} | 1.00x |")
    print(f"| kiosk photos import | {mine:.1f} | {1000 * mine / n:.1f} | {mine / base:.2f}x |")
    print(
        f"\nstored JPEG (240x320): average {statistics.mean(sizes) / 1024:.1f} kB, largest "
        f"{max(sizes) / 1024:.1f} kB; source files average {source_bytes / n / 1024:.0f} kB "
        f"({statistics.mean(sizes) * n / source_bytes:.1%} of them); imported {report.imported}"
    )
    print(
        f"publication: {len(parts)} parts of at most {max(i for i, _ in parts)} photos, the "
        f"largest {max(b for _, b in parts) / 1e6:.1f} MB of base64 (bound {PART_BYTES / 1e6:.0f}"
        f" MB); one part of all of them: {sum(b for _, b in parts) / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
