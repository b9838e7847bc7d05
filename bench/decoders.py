"""Compare QR decoders side by side on real photos, synthetic kiosk frames and empty frames.

    python bench/decoders.py [--synthetic 200] [--empty 40] [--samples ../shared/qr-samples]

Prints markdown tables: decode rate and correct text per decoder on the shared photos,
rate and median CPU ms per frame on synthetic 1280x720 kiosk frames (with a breakdown
by condition), and median CPU ms per empty frame, each with its ratio to the OpenCV
baseline. "kiosk pipeline (live)" is the camera loop's decoder on a frame it sees for
the first time (quick pass); held still, a code gets the still-image pipeline within
six frames.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from kiosk.scanning.decoders import Decoder, OpenCvDecoder, ZxingDecoder
from kiosk.scanning.files import IMAGE_SUFFIXES, read_image
from kiosk.scanning.frames import Image
from kiosk.scanning.pipeline import KioskDecoder
from kiosk.scanning.synthetic import Shot, background, empty_frame, finish, kiosk_frame, random_code

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "qr-samples"
CHARSETS = ("utf-8", "shift_jis", "cp932", "gb18030", "big5", "euc_kr", "cp1252", "iso-8859-1")


def expected_texts(raw: bytes) -> set[str]:
    """Every reading of an expected-text file: UTF-8 unless the symbol used another charset."""
    texts = set()
    for charset in CHARSETS:
        with contextlib.suppress(UnicodeDecodeError):
            texts.add(raw.decode(charset))
    return texts


def real_samples(folder: Path) -> list[tuple[Path, Image, set[str]]]:
    samples = []
    for path in sorted(folder.glob("*/*")):
        if path.suffix.lower() in IMAGE_SUFFIXES and path.with_suffix(".txt").exists():
            expected = expected_texts(path.with_suffix(".txt").read_bytes())
            samples.append((path, read_image(path, gray=True), expected))
    return samples


def timed(decoder: Decoder, image: Image) -> tuple[list[str], float]:
    """The codes found and the CPU milliseconds it took (all of this process's threads).

    CPU time, not wall time: other processes on a shared machine do not inflate it, and
    a decoder that spreads work over threads is charged for all of it.
    """
    start = time.process_time()
    found = decoder.decode(image)
    return found, (time.process_time() - start) * 1000.0


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(baseline: float, value: float) -> str:
    return f"1/{baseline / value:.0f}" if value < baseline else f"{value / baseline:.1f}x"


def bench_real(decoders: Sequence[Decoder], folder: Path) -> dict[str, tuple[int, int, float]]:
    samples = real_samples(folder)
    results = {}
    for decoder in decoders:
        correct, times = 0, []
        for _path, image, expected in samples:
            found, ms = timed(decoder, image)
            times.append(ms)
            correct += bool(expected.intersection(found))
        results[decoder.name] = (correct, len(samples), median(times))
    return results


Condition = Callable[[Shot], bool]
CONDITIONS: dict[str, Condition] = {
    "all": lambda s: True,
    "60-80 cm": lambda s: s.distance_cm >= 60,
    "tilt > 20°": lambda s: (s.yaw**2 + s.pitch**2) ** 0.5 > 20,
    "motion blur": lambda s: s.blur_px > 0,
    "glare": lambda s: s.glare > 0,
    "low light": lambda s: s.light < 1,
    "phone screen": lambda s: s.holder.kind == "phone",
}


def bench_synthetic(decoders: Sequence[Decoder], count: int) -> dict[str, dict[str, object]]:
    frames = []
    for seed in range(count):
        code = random_code(np.random.default_rng(10_000 + seed))
        image, shot = kiosk_frame(code, seed)
        frames.append((image, shot, code))
    results: dict[str, dict[str, object]] = {}
    for decoder in decoders:
        hits: dict[str, list[bool]] = {name: [] for name in CONDITIONS}
        times = []
        for image, shot, code in frames:
            found, ms = timed(decoder, image)
            times.append(ms)
            for name, applies in CONDITIONS.items():
                if applies(shot):
                    hits[name].append(code in found)
        results[decoder.name] = {"hits": hits, "ms": median(times)}
    return results


def bench_empty(decoders: Sequence[Decoder], count: int) -> dict[str, float]:
    """Mean ms on distinct empty frames: the worst case, every frame a new scene.

    The mean, not the median: the live pipeline alternates a cheap and a stronger pass.
    """
    frames = [empty_frame(seed) for seed in range(count)]
    return {d.name: statistics.fmean([timed(d, f)[1] for f in frames]) for d in decoders}


def bench_empty_stream(
    light: float = 1.0, noise: float = 3.0, seconds: float = 5.0, fps: int = 30
) -> tuple[float, int, int]:
    """Mean ms per frame of the live pipeline on an unchanging empty scene (noise only)."""
    rng = np.random.default_rng(7)
    scene = background(3).astype(np.float32)
    frames = [finish(scene, light, noise, 85, rng) for _ in range(int(seconds * fps))]
    decoder = KioskDecoder(live=True)
    times = [timed(decoder, f)[1] for f in frames]
    return statistics.fmean(times), decoder.skipped, len(frames)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--synthetic", type=int, default=200, help="synthetic frames with a code")
    parser.add_argument("--empty", type=int, default=40, help="distinct empty frames")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="real photos folder")
    args = parser.parse_args(argv)
    decoders: list[Decoder] = [
        OpenCvDecoder(),
        OpenCvDecoder(aruco=True),
        ZxingDecoder(),
        KioskDecoder(),
        KioskDecoder(live=True),
    ]
    base = decoders[0].name

    print("## Real photos (grayscale)\n")
    if args.samples.is_dir():
        real = bench_real(decoders, args.samples)
        print("| decoder | decoded correctly | median CPU ms/image |\n|---|---|---|")
        for name, (ok, total, ms) in real.items():
            print(f"| {name} | {ok}/{total} ({ok / total:.0%}) | {ms:.1f} |")
    else:
        print(f"(skipped: {args.samples} not found)")

    print(f"\n## Synthetic 1280x720 kiosk frames ({args.synthetic}, BGR input)\n")
    synthetic = bench_synthetic(decoders, args.synthetic)
    names = list(CONDITIONS)
    print("| decoder | " + " | ".join(names) + " | median CPU ms/frame | vs baseline |")
    print("|---|" + "---|" * (len(names) + 2))
    base_ms = float(synthetic[base]["ms"])  # type: ignore[arg-type]
    for name, result in synthetic.items():
        hits: dict[str, list[bool]] = result["hits"]  # type: ignore[assignment]
        ms = float(result["ms"])  # type: ignore[arg-type]
        rates = [f"{sum(h)}/{len(h)}" for h in hits.values()]
        print(f"| {name} | " + " | ".join(rates) + f" | {ms:.1f} | {ratio(base_ms, ms)} |")

    print(f"\n## Empty frames ({args.empty} distinct scenes, BGR input)\n")
    empty = bench_empty(decoders, args.empty)
    print("| decoder | mean CPU ms/frame | vs baseline |\n|---|---|---|")
    for name, ms in empty.items():
        print(f"| {name} | {ms:.2f} | {ratio(empty[base], ms)} |")
    for label, light, noise in (("", 1.0, 3.0), (" dim (40% light, more noise),", 0.4, 8.0)):
        mean_ms, skipped, total = bench_empty_stream(light, noise)
        print(
            f"| kiosk pipeline (live), unchanging{label} scene at 30 fps: {skipped} of {total} "
            f"frames gated | {mean_ms:.2f} | {ratio(empty[base], mean_ms)} |"
        )


if __name__ == "__main__":
    main()
