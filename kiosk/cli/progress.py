"""A count redrawn in place on stderr while long work runs, only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, what: str, unit: str, stream: TextIO | None = None) -> None:
        self.what, self.unit = what, unit
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.last = 0.0
        self.drawn = False

    def update(self, count: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.tty or (now - self.last < 0.1 and not force):
            return
        self.last = now
        self.stream.write(f"\r{self.what}: {count:,} {self.unit}")
        self.stream.flush()
        self.drawn = True

    def done(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
