"""Write synthetic kiosk frames to a folder, to look at them or to feed `kiosk decode`/`watch`.

    python bench/synthetic.py OUT_DIR [--count 20] [--empty 5] [--seed 0]

Each frame NNN.jpg shows one badge-shaped code as kiosk/scanning/synthetic.py renders it
(badge or phone, 30-80 cm, tilt, blur, glare, low light, noise); NNN.txt holds its text
like the shared samples, and shots.csv the conditions of every frame.
"""

from __future__ import annotations

import argparse
import csv
import math
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from kiosk.scanning.synthetic import empty_frame, kiosk_frame, random_code


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write synthetic kiosk frames to a folder")
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=20, help="frames with a code")
    parser.add_argument("--empty", type=int, default=5, help="frames without a code")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "shots.csv").open("w", newline="") as f:
        table = csv.writer(f)
        table.writerow(["frame", "holder", "distance_cm", "tilt_deg", "roll_deg", "blur_px",
                        "glare", "light", "noise"])  # fmt: skip
        for n in range(args.count):
            seed = args.seed + n
            text = random_code(np.random.default_rng(10_000 + seed))
            image, shot = kiosk_frame(text, seed)
            cv2.imwrite(str(args.out / f"{n:03d}.jpg"), image, [cv2.IMWRITE_JPEG_QUALITY, 95])
            (args.out / f"{n:03d}.txt").write_text(text)
            tilt = math.hypot(shot.yaw, shot.pitch)
            table.writerow([f"{n:03d}", shot.holder.kind, f"{shot.distance_cm:.0f}", f"{tilt:.0f}",
                            f"{shot.roll:.0f}", f"{shot.blur_px:.1f}", f"{shot.glare:.2f}",
                            f"{shot.light:.2f}", f"{shot.noise:.1f}"])  # fmt: skip
    for n in range(args.empty):
        cv2.imwrite(str(args.out / f"empty-{n:03d}.jpg"), empty_frame(args.seed + n))
    print(f"wrote {args.count} frames with a code and {args.empty} empty ones to {args.out}")


if __name__ == "__main__":
    main()
