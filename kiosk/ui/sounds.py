"""The verdict sounds: one short WAV per kind, through Qt Multimedia, mutable, silent on failure."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from kiosk.ui.paths import SOUNDS

try:  # QtMultimedia needs libpulse; without it the kiosk works, silently
    from PySide6 import QtMultimedia
except ImportError:  # pragma: no cover - depends on the machine
    QtMultimedia = None  # type: ignore[assignment]


class Sounds(QObject):
    """Plays the sound for a verdict kind. `chosen` keeps the names asked for (tests read it):
    with no sound card QSoundEffect goes to an error state and nothing is heard."""

    def __init__(self, folder: Path = SOUNDS, muted: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = folder
        self.muted = muted
        self.chosen: list[str] = []
        self._effects: dict[str, object] = {}

    def play(self, name: str) -> None:
        self.chosen.append(name)
        del self.chosen[:-20]
        if self.muted or QtMultimedia is None:
            return
        effect = self._effects.get(name)
        if effect is None:
            path = self.folder / f"{name}.wav"
            if not path.exists():
                return
            effect = QtMultimedia.QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[name] = effect
        with contextlib.suppress(RuntimeError):  # no backend: the verdict on screen counts
            effect.play()  # type: ignore[attr-defined]

    @property
    def last(self) -> str | None:
        return self.chosen[-1] if self.chosen else None
