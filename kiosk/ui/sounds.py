"""The verdict sounds: one short WAV per kind, through Qt Multimedia, mutable, silent on failure."""

from __future__ import annotations

import contextlib
import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl

from kiosk.ui.paths import SOUNDS


def _multimedia() -> Any:
    """Qt Multimedia, imported on first use (it starts the audio stack, ~0.2 s); None where
    it cannot load (no libpulse): the kiosk then works silently."""
    try:
        from PySide6 import QtMultimedia
    except ImportError:  # pragma: no cover - depends on the machine
        return None
    return QtMultimedia


class Sounds(QObject):
    """Plays the sound for a verdict kind. `chosen` keeps the names asked for (tests read it):
    with no sound card QSoundEffect goes to an error state and nothing is heard."""

    def __init__(self, folder: Path = SOUNDS, muted: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = folder
        self.muted = muted
        self.chosen: list[str] = []
        self._effects: dict[str, Any] = {}
        self._lengths: dict[str, float] = {}
        self._next = QTimer(self)  # a sound queued to follow the one playing (then_play)
        self._next.setSingleShot(True)
        self._next.timeout.connect(self._play_next)
        self._next_name = ""

    def play(self, name: str) -> None:
        """Play `name` now; a follow-up queued for an earlier verdict is dropped, so one
        attendee's attention chime never sounds over the next attendee's verdict."""
        self._next.stop()
        self.chosen.append(name)
        del self.chosen[:-20]
        self._start(name)

    def then_play(self, name: str, gap_ms: int = 120) -> None:
        """Play `name` once the sound just started has ended (its WAV's length + gap):
        both are heard, one after the other. Chosen now, so tests see it at once."""
        self.chosen.append(name)
        del self.chosen[:-20]
        played = self.chosen[-2] if len(self.chosen) > 1 else ""
        self._next_name = name
        self._next.start(round(self.length_s(played) * 1000) + gap_ms)

    def length_s(self, name: str) -> float:
        """How long the WAV of `name` plays (0 if there is none)."""
        if name not in self._lengths:
            try:
                with wave.open(str(self.folder / f"{name}.wav"), "rb") as wav:
                    self._lengths[name] = wav.getnframes() / max(1, wav.getframerate())
            except (OSError, EOFError, wave.Error):
                self._lengths[name] = 0.0
        return self._lengths[name]

    def _play_next(self) -> None:
        self._start(self._next_name)

    def _start(self, name: str) -> None:
        if self.muted:
            return
        effect = self._effect(name)
        if effect is not None:
            with contextlib.suppress(RuntimeError):  # no backend: the verdict on screen counts
                effect.play()

    def warm_up(self) -> None:
        """Load Qt Multimedia and the WAVs now (after the window is up), not on the first scan."""
        for path in sorted(self.folder.glob("*.wav")):
            self._effect(path.stem)

    def _effect(self, name: str) -> Any:
        effect = self._effects.get(name)
        if effect is None:
            multimedia = _multimedia()
            path = self.folder / f"{name}.wav"
            if multimedia is None or not path.exists():
                return None
            effect = multimedia.QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[name] = effect
        return effect

    @property
    def last(self) -> str | None:
        return self.chosen[-1] if self.chosen else None
