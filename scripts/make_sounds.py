"""Generates kiosk/resources/sounds/*.wav: one short, distinct sound per verdict kind."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 22050
OUT = Path(__file__).resolve().parents[1] / "kiosk" / "resources" / "sounds"


def tone(freq: float, seconds: float, shape: str = "sine") -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    wave_ = np.sin(2 * np.pi * freq * t)
    if shape == "buzz":  # a square-ish wave: unmistakably "no"
        wave_ = np.tanh(4 * wave_)
    envelope = np.minimum(1.0, np.minimum(t / 0.01, (seconds - t) / 0.03))
    return wave_ * np.clip(envelope, 0, 1)


def bell(freqs: list[float], step: float, ring: float) -> np.ndarray:
    """Struck-bell notes `step` seconds apart, each ringing out over `ring` seconds: the
    public-address chime people know as "attention, please", unlike any verdict's beeps."""
    out = np.zeros(int(RATE * (step * (len(freqs) - 1) + ring)))
    t = np.arange(int(RATE * ring)) / RATE
    for i, freq in enumerate(freqs):
        partials = sum(
            w * np.sin(2 * np.pi * freq * k * t) for k, w in ((1, 1.0), (2, 0.35), (3, 0.12))
        )
        note = partials / 1.47 * np.exp(-t / (ring / 4)) * np.minimum(1.0, t / 0.005)
        start = int(RATE * step * i)
        out[start : start + len(note)] += note
    return out / max(1.0, float(np.abs(out).max()))


def gap(seconds: float) -> np.ndarray:
    return np.zeros(int(RATE * seconds))


SOUNDS = {
    "admit": [tone(880, 0.11), gap(0.02), tone(1320, 0.16)],  # rising: yes
    "caution": [tone(988, 0.09), gap(0.05), tone(988, 0.09), gap(0.05), tone(988, 0.09)],
    "exit": [tone(660, 0.18)],  # one soft tone
    "deny": [tone(220, 0.2, "buzz"), gap(0.06), tone(220, 0.2, "buzz")],  # low double buzz
    "undo": [tone(1047, 0.1), gap(0.02), tone(784, 0.14)],  # falling
    # An attention note for door staff, played after the verdict's own sound: three rising
    # bell notes (G5 C6 E6), a second long.
    "attention": [bell([784, 1047, 1319], 0.22, 0.6)],
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, parts in SOUNDS.items():
        samples = (np.concatenate(parts) * 0.6 * 32767).astype("<i2")
        with wave.open(str(OUT / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(samples.tobytes())
        print(f"{name}.wav: {len(samples) / RATE:.2f} s")


if __name__ == "__main__":
    main()
