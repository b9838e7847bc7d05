"""The one table from a decision to what the door shows and plays: colour, icon, sound, words.

Colour is never the only signal: every kind has its own icon and its own headline word.
Texts go through QCoreApplication.translate at display time, so a language switch
re-renders them; the reason codes are the domain's (kiosk/domain/rules.py, identify.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication

from kiosk.domain.attendee import Attendee
from kiosk.domain.decision import Decision, Direction, Verdict


class Kind(Enum):
    ADMIT = "admit"
    CAUTION = "caution"  # admitted, with something for staff to check
    EXIT = "exit"
    DENY = "deny"
    UNDONE = "undone"


@dataclass(frozen=True)
class Look:
    kind: Kind
    background: str
    foreground: str
    icon: str  # kiosk/resources/icons/<icon>.svg
    sound: str  # kiosk/resources/sounds/<sound>.wav


# Contrast of foreground on background is at least 4.5:1 for each (WCAG AA).
LOOKS = {
    Kind.ADMIT: Look(Kind.ADMIT, "#1b7a36", "#ffffff", "admit", "admit"),
    Kind.CAUTION: Look(Kind.CAUTION, "#f4b400", "#1a1a1a", "caution", "caution"),
    Kind.EXIT: Look(Kind.EXIT, "#1f5aa6", "#ffffff", "exit", "exit"),
    Kind.DENY: Look(Kind.DENY, "#b3261e", "#ffffff", "deny", "deny"),
    Kind.UNDONE: Look(Kind.UNDONE, "#5f6368", "#ffffff", "undo", "undo"),
}
IDLE_BACKGROUND, IDLE_FOREGROUND = "#eef1f5", "#1a1a1a"
# Waiting in exit mode: light blue with a navy EXIT, unlike entry's grey and unlike the
# solid blue of an exit just recorded.
EXIT_IDLE_BACKGROUND, EXIT_IDLE_FOREGROUND = "#d3e3f8", "#0b2f5c"

_KINDS = {
    Verdict.ADMITTED: Kind.ADMIT,
    Verdict.ADMITTED_AGAIN: Kind.ADMIT,
    Verdict.MANUAL_ADMISSION: Kind.ADMIT,
    Verdict.EXIT_RECORDED: Kind.EXIT,
    Verdict.UNDONE: Kind.UNDONE,
}


def kind_of(decision: Decision) -> Kind:
    kind = _KINDS.get(decision.verdict, Kind.DENY)
    if kind is Kind.ADMIT and decision.warnings:
        return Kind.CAUTION
    return kind


def look_for(decision: Decision) -> Look:
    return LOOKS[kind_of(decision)]


def _t(text: str) -> str:
    return QCoreApplication.translate("Verdict", text)


def headline(decision: Decision) -> str:
    """The one big word(s) of the verdict panel."""
    verdict = decision.verdict
    if verdict is Verdict.ADMITTED:
        return _t("ADMIT — CHECK BADGE") if decision.warnings else _t("ADMIT")
    if verdict is Verdict.ADMITTED_AGAIN:
        return _t("ADMIT AGAIN")
    if verdict is Verdict.MANUAL_ADMISSION:
        return _t("ADMIT (STAFF)")
    if verdict is Verdict.EXIT_RECORDED:
        return _t("EXIT")
    if verdict is Verdict.UNDONE:
        return _t("UNDONE")
    return _t("DENIED")


def reason_text(reason: str) -> str:
    """The reason in plain words; an unknown code is shown as it is rather than hidden."""
    if reason.startswith("undo_"):
        return _t("The last scan was undone and no longer counts.")
    if reason.startswith("override_"):
        return _t("Admitted by staff despite: {rule} The reason is logged.").format(
            rule=reason_text(reason.removeprefix("override_"))
        )
    texts = {
        "admitted": _t("Welcome. Entry recorded."),
        "reentry": _t("Welcome back. Re-entry recorded."),
        "staff_override": _t("Admitted by staff. The reason is logged."),
        "exit": _t("Goodbye. Exit recorded."),
        "exit_without_entry": _t("Exit recorded (no entry on record)."),
        "already_inside": _t("This badge is already inside this session."),
        "inside_at_another_door": _t("Already inside: admitted at another door."),
        "single_entry_used": _t("Single entry only: this badge has already left once."),
        "not_registered_for_session": _t("Not registered for this session."),
        "invitation_only": _t("This session is by invitation only."),
        "type_not_allowed": _t("This badge type has no access to this hall."),
        "unknown_type": _t("Unknown attendee type: ask the registration desk."),
        "before_admission": _t("Admission has not opened yet."),
        "after_admission": _t("Admission to this session has closed."),
        "no_session": _t("No session in this hall now."),
        "session_full": _t("The session is full."),
        "cancelled": _t("This registration was cancelled."),
        "badge_replaced": _t("This badge was replaced by a newer one."),
        "card_lost": _t("This card was reported lost: ask the registration desk."),
        "revoked": _t("This badge has been revoked."),
        "unknown_code": _t("This badge is not known at this event."),
        "foreign_code": _t("This QR code is not a badge (a link or another code)."),
        "unreadable": _t("The code could not be read. Please try again."),
        "too_long": _t("This code is far too long to be a badge."),
        "malformed": _t("Damaged or incomplete badge code."),
        "forged": _t("The badge's signature is wrong: it may be forged."),
        "unknown_key": _t("The badge is signed with an unknown key."),
        "other_event": _t("This badge is for another event."),
        "ticket_revoked": _t("This ticket was replaced by a newer one (revoked in pretix)."),
        "ticket_blocked": _t("This ticket is blocked in pretix: ask the registration desk."),
        "ticket_not_yet_valid": _t("This ticket is not valid yet."),
        "ticket_expired": _t("This ticket has expired."),
        "unmapped_product": _t("This ticket's product has no attendee type here."),
        "other_date": _t("This ticket is for another date of the event."),
    }
    return texts.get(reason, reason)


def decision_text(decision: Decision) -> str:
    """The reason as the door screen shows it, with what the decision adds: the pretix
    product that has no type, the time a ticket's validity starts or ends."""
    extra = decision.extra
    if decision.reason == "unmapped_product" and "pretix_item" in extra:
        product = f"#{extra['pretix_item']}"
        if extra.get("pretix_item_name"):
            product += f" {extra['pretix_item_name']}"
        return _t(
            "This ticket's product ({product}) has no attendee type here: ask the organiser."
        ).format(product=product)
    valid = str(extra.get("pretix_valid", ""))[:16].replace("T", " ")
    if decision.reason == "ticket_not_yet_valid" and valid:
        return _t("This ticket is not valid yet (from {time} UTC).").format(time=valid)
    if decision.reason == "ticket_expired" and valid:
        return _t("This ticket has expired (valid until {time} UTC).").format(time=valid)
    return reason_text(decision.reason)


def refusal_text(decision: Decision, type_name: str = "") -> str:
    """What a scan would have said, for staff about to admit by hand: the rule in words,
    with the count where the session is full."""
    if decision.reason == "type_not_allowed" and type_name:
        return _t("{type} badges have no access to this hall.").format(type=type_name)
    if decision.reason == "session_full" and decision.capacity is not None:
        return _t("Session full: {inside} / {capacity} inside.").format(
            inside=decision.occupancy or 0, capacity=decision.capacity
        )
    return decision_text(decision)


def warning_text(warning: str) -> str:
    texts = {
        "not_in_local_list": _t(
            "Not in this kiosk's list yet, but the badge is genuine: check the name by eye."
        ),
    }
    return texts.get(warning, warning)


def position_line(person: Attendee) -> str:
    """Position (职务) and company on one line: "Vice President · Huawei"."""
    return " · ".join(p for p in (person.position.strip(), person.company.strip()) if p)


def seat_text(seat: str) -> str:
    return _t("Seat {seat}").format(seat=seat)


# Reading a note for staff takes longer than a glance at a verdict: the screen holds a
# decision with a note longer, by its length (CJK characters count double), up to a cap;
# the next scan still replaces it at once, as any verdict.
NOTE_CHARS_PER_S = 12.0
NOTE_EXTRA_MAX_S = 8.0


def hold_seconds(base: float, note: str) -> float:
    """How long the door shows a decision before it resets: `base`, plus reading time for
    a note for staff."""
    if not note:
        return base
    weight = sum(
        2 if "\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" else 1 for ch in note
    )
    return base + min(NOTE_EXTRA_MAX_S, 1.0 + weight / NOTE_CHARS_PER_S)


def repeat_text() -> str:
    return _t("Same badge again: shown, not counted twice.")


def direction_text(direction: Direction) -> str:
    return _t("ENTRY") if direction is Direction.ENTRY else _t("EXIT")
