"""What a scan yields: a verdict with a machine reason, never UI text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from kiosk.domain.attendee import Attendee


class Direction(Enum):
    ENTRY = "entry"
    EXIT = "exit"


class Verdict(Enum):
    ADMITTED = "admitted"
    ADMITTED_AGAIN = "admitted_again"  # re-entry after an exit
    MANUAL_ADMISSION = "manual_admission"
    EXIT_RECORDED = "exit_recorded"
    ALREADY_INSIDE = "already_inside"
    NO_REENTRY = "no_reentry"  # single-entry session, left once already
    NOT_REGISTERED = "not_registered"  # not for this session or hall
    OUTSIDE_WINDOW = "outside_window"
    SESSION_FULL = "session_full"
    REVOKED = "revoked"  # revoked, cancelled or replaced badge
    UNKNOWN_BADGE = "unknown_badge"
    INVALID_CODE = "invalid_code"  # malformed or forged
    OTHER_EVENT = "other_event"
    UNDONE = "undone"  # a correction record reversing an earlier one
    LATE_CHECKIN = "late_checkin"  # 补签到: staff record attendance no scan recorded (no entry)

    @property
    def lets_in(self) -> bool:
        return self in (Verdict.ADMITTED, Verdict.ADMITTED_AGAIN, Verdict.MANUAL_ADMISSION)

    @property
    def accepted(self) -> bool:
        """Admitted, exit or late check-in recorded: what the CLI reports with exit status 0."""
        done = (Verdict.EXIT_RECORDED, Verdict.UNDONE, Verdict.LATE_CHECKIN)
        return self.lets_in or self in done


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reason: str  # machine code, e.g. "session_full", "not_in_local_list"
    attendee: Attendee | None
    hall: str
    session: str | None
    direction: Direction = Direction.ENTRY
    warnings: tuple[str, ...] = ()  # e.g. ("not_in_local_list",): admit with a warning
    record_id: str | None = None  # the log record's id once recorded
    recorded: bool = False
    repeat: bool = False  # the same code again within seconds: the earlier decision, not logged
    occupancy: int | None = None  # inside the session after this decision
    capacity: int | None = None
    at: str | None = None  # ISO-8601 UTC time of the decision
    offline: bool = False  # decided without the hub
    delta: int = 0  # the change to the session's occupancy (+1 in, -1 out): what a hub arbitrates
    attention: str = ""  # a note for door staff shown with this verdict (attention_note)
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The object `kiosk scan --json` and `kiosk watch` print."""
        a = self.attendee
        return {
            "verdict": self.verdict.value,
            "reason": self.reason,
            "warnings": list(self.warnings),
            "attendee": None
            if a is None
            else {
                "id": a.id,
                "name": a.name,
                "company": a.company,
                "type": a.type,
                "position": a.position,
                "seat": a.seat,
            },
            "hall": self.hall,
            "session": self.session,
            "direction": self.direction.value,
            "recorded": self.recorded,
            "repeat": self.repeat,
            "record_id": self.record_id,
            "occupancy": self.occupancy,
            "capacity": self.capacity,
            "at": self.at,
            "offline": self.offline,
            "attention_note": self.attention,
            **self.extra,
        }
