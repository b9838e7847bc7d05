"""What identifying a scanned text yields: an attendee (maybe with warnings) or a refusal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Verdict


@dataclass(frozen=True)
class Identified:
    attendee: Attendee
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Refused:
    verdict: Verdict
    reason: str
    attendee: Attendee | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # shown with the reason
