"""The desk's status line: one sentence for every outcome of the service, staff's words."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event


def _t(text: str) -> str:
    return QCoreApplication.translate("DeskMessages", text)


class Tone(Enum):
    OK = "#1b5e20"
    INFO = "#14213d"
    PROBLEM = "#b71c1c"


def not_found(reason: str) -> str:
    """Why a scanned code shows nobody (NotFound reasons and the door's refusal codes)."""
    texts = {
        "unknown_code": _t("Unknown code: nobody on this kiosk's list has it."),
        "cancelled": _t("This registration is cancelled: no badge may be printed."),
        "badge_replaced": _t("This badge was replaced: it is refused at the doors."),
        "not_in_local_list": _t(
            "A valid badge of someone not on this kiosk's list yet: sync, or register them."
        ),
        "other_event": _t("A badge of another event."),
        "foreign_code": _t("Not a badge: a foreign QR code (a link, Wi-Fi, ...)."),
        "forged": _t("Invalid badge: the signature does not match (forged or damaged)."),
        "unknown_key": _t("A badge signed with a key this kiosk does not trust."),
    }
    fallback = _t("This code cannot be used ({reason}).").format(reason=reason)
    return texts.get(reason, fallback)


def staff_needed(reason: str) -> str:
    """Why the service would not print or replace (StaffNeeded reasons)."""
    texts = {
        "already_printed": _t("This badge was printed before: use Reprint with a reason."),
        "reason_required": _t("Choose or type a reason first."),
        "bad_pin": _t(
            "The staff PIN was refused (changed, or locked out after wrong tries): unlock again."
        ),
    }
    return texts.get(reason, reason)


def kind_text(kind: str) -> str:
    """A print's kind (kiosk.store.prints.PrintKind values) in words."""
    kinds = {
        "first": _t("first print"),
        "reprint": _t("reprint"),
        "walk_in": _t("walk-in"),
        "replacement": _t("replacement"),
    }
    return kinds.get(kind, kind)


REPLACEMENT = "replacement: "  # how the desk's replacement prints are logged: a reprint


def shown_kind(kind: str, reason: str, staff: bool) -> tuple[str, str]:
    """A print record's kind and reason as staff read them: a replacement's print is
    logged as a staff reprint whose reason starts 'replacement: ', and shows as a
    replacement with the reason after that."""
    if kind == "reprint" and reason.startswith(REPLACEMENT):
        return kind_text("replacement"), reason[len(REPLACEMENT) :]
    return kind_text(kind) + (" · " + _t("staff") if staff else ""), reason


def printed(name: str, kind: str) -> str:
    return _t("Printed: {name}'s badge ({kind}).").format(name=name, kind=kind_text(kind))


def print_failed(name: str, error: str) -> str:
    return _t("Printer failed for {name}: {error}. The badge is NOT marked printed.").format(
        name=name, error=error
    )


def walk_in_registered(name: str, flagged: bool) -> str:
    if flagged:
        return _t(
            "{name} registered: flagged for the organiser (this machine has no signing key, "
            "the badge carries a local ticket code)."
        ).format(name=name)
    return _t("{name} registered with a signed badge code.").format(name=name)


def replaced(name: str, signed: bool) -> str:
    text = _t(
        "{name}'s old badge is revoked here now and at every door after its next sync."
    ).format(name=name)
    if not signed:
        text += " " + _t("No signing key here: the new badge carries a new ticket code.")
    return text


def printing(name: str) -> str:
    return _t("Printing {name}'s badge…").format(name=name)


def busy() -> str:
    return _t("A badge is still printing: wait for it to come out.")


def blocked(cancelled: bool) -> str:
    if cancelled:
        return _t("This registration is cancelled: no badge may be printed.")
    return _t("This attendee's badge is revoked by the organiser: no badge may be printed.")


def confirm_replace(name: str) -> str:
    return _t(
        "Replace {name}'s badge?\n\nThe old badge will be refused at this kiosk at once and at "
        "every door after it syncs. A new badge prints now."
    ).format(name=name)


def masked_email(email: str) -> str:
    """'jurgen@example.de' -> 'j•••@example.de': enough to recognise, not to copy."""
    local, at, domain = email.partition("@")
    return f"{local[:1]}\u2022\u2022\u2022{at}{domain}" if at else email


def possible_duplicate(match: Attendee, event: Event) -> str:
    kind = event.type(match.type)
    details = [match.company, masked_email(match.email), kind.name if kind else match.type]
    who = " · ".join(d for d in (match.name, *details, match.id) if d)
    return _t(
        "Already registered with this name and e-mail or company: {who}. Show them and print "
        "their badge, or, if this is a different person, register anyway."
    ).format(who=who)


def confirm_different(name: str) -> str:
    return _t(
        "Register a new attendee named {name}?\n\nOnly if you have checked that this is a "
        "different person from the {name} already registered: a second badge for the same "
        "person is a badge to lend."
    ).format(name=name)
