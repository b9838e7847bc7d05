"""`kiosk decode IMAGE...`: print the QR codes found in image files, one line per code."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.cli.errors import CommandError
from kiosk.scanning.files import read_image
from kiosk.scanning.frames import FrameUnreadable
from kiosk.scanning.payload import one_line
from kiosk.scanning.pipeline import KioskDecoder


def register(sub: Any) -> None:
    p = sub.add_parser(
        "decode",
        help="print the QR codes found in images",
        description="Print PATH<TAB>TEXT for each QR code found in each image; nothing for an "
        "image without a code. Non-printable characters are escaped (\\n, \\t, \\xNN), so each "
        "code is one line.",
    )
    p.add_argument("images", nargs="+", metavar="IMAGE", help="PNG, JPEG, WebP, BMP or TIFF file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    decoder = KioskDecoder()
    unreadable = 0
    for name in args.images:
        try:
            image = read_image(name, gray=True)
        except FrameUnreadable as exc:
            print(f"kiosk: {exc}", file=sys.stderr, flush=True)
            unreadable += 1
            continue
        for text in decoder.decode(image):
            sys.stdout.write(f"{one_line(str(name))}\t{one_line(text)}\n")
        sys.stdout.flush()
    if unreadable:
        raise CommandError(f"{unreadable} of {len(args.images)} images could not be read")
    return 0
