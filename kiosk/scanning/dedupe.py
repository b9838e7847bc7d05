"""One scan per showing: a code held in view is reported once, until it leaves or time passes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class _Seen:
    reported: float  # pts when last reported
    last_seen: float
    absent_frames: int = 0


class CodeDeduper:
    """Turns the codes seen in successive frames into scans.

    A code is reported when it appears. While it stays in view it is not reported again
    until `repeat_after_s` have passed (the door screen has reset by then, and a person
    still holding up a badge deserves an answer). It has left the view once it was absent
    from `gone_after_frames` looked-at frames *and* for `gone_after_s` seconds: both,
    so that neither one blurred frame nor a slow camera makes a held badge count twice.
    Different codes are independent: two people back to back are two scans, and two
    codes in one frame are two scans. Times are frame pts in seconds.
    """

    def __init__(
        self,
        gone_after_s: float = 1.0,
        gone_after_frames: int = 3,
        repeat_after_s: float = 3.0,
    ) -> None:
        self.gone_after_s = gone_after_s
        self.gone_after_frames = gone_after_frames
        self.repeat_after_s = repeat_after_s
        self._seen: dict[str, _Seen] = {}

    def observe(self, codes: Iterable[str], pts: float) -> list[str]:
        """The codes of one looked-at frame that count as new scans, in frame order."""
        present = list(dict.fromkeys(codes))
        for code, seen in list(self._seen.items()):
            if code in present:
                continue
            seen.absent_frames += 1
            if (
                seen.absent_frames >= self.gone_after_frames
                and pts - seen.last_seen >= self.gone_after_s
            ):
                del self._seen[code]
        scans: list[str] = []
        for code in present:
            held = self._seen.get(code)
            if held is None or pts - held.reported >= self.repeat_after_s:
                self._seen[code] = _Seen(reported=pts, last_seen=pts)
                scans.append(code)
            else:
                held.last_seen, held.absent_frames = pts, 0
        return scans

    def in_view(self) -> list[str]:
        """Codes currently considered in view (reported and not yet gone)."""
        return list(self._seen)

    def reset(self) -> None:
        self._seen.clear()
