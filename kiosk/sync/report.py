"""What one sync pass did, for people: counts, and each thing it refused or noticed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Progress = Callable[[str, int], None]  # (what, count so far): "attendees", "records", "index"


def quiet(what: str, count: int) -> None:
    """A Progress that tells no one."""


@dataclass
class SyncReport:
    hub: str
    pushed: int = 0
    pulled: int = 0
    journal: int = 0
    attendees: int = 0
    keys: int = 0
    revocations: int = 0
    enrolments: int = 0
    photos: int = 0
    event_updated: bool = False
    resent: bool = False
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"pushed {self.pushed}", f"pulled {self.pulled} check-ins"]
        if self.journal:
            parts.append(f"{self.journal} print/correction records")
        if self.attendees or self.keys or self.revocations:
            parts.append(
                f"{self.attendees} attendees, {self.keys} keys, {self.revocations} revocations"
            )
        if self.enrolments:
            parts.append(f"{self.enrolments} kiosk enrolments")
        if self.photos:
            parts.append(f"{self.photos} photos")
        if self.event_updated:
            parts.append("event updated")
        return f"synced with {self.hub}: " + ", ".join(parts)
