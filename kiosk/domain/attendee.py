"""An attendee as the kiosk knows them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attendee:
    id: str
    first_name: str
    last_name: str
    company: str
    email: str
    type: str
    ticket_code: str | None = None
    badge_issue: int = 1  # raised when a badge is replaced; older codes are refused
    cancelled: bool = False
    photo: str | None = None
    position: str = ""
    seat: str = ""  # e.g. "A-12": row and number, as the event's seating plan labels it
    card_uid: str | None = None  # a contactless card's UID, normal form (kiosk.domain.cards)
    note: str = ""  # attention note for door staff ("wheelchair user: open the side door")

    @property
    def name(self) -> str:
        """Display name: CJK names run family-first without a space, others first-last."""
        if _is_cjk(self.last_name) and _is_cjk(self.first_name):
            return f"{self.last_name}{self.first_name}"
        return " ".join(p for p in (self.first_name, self.last_name) if p)


def _is_cjk(text: str) -> bool:
    """Han, kana or Hangul only: names written family-first without a space."""
    return bool(text) and all(
        "\u3040" <= ch <= "\u9fff"  # kana, CJK unified ideographs (+ extension A)
        or "\uac00" <= ch <= "\ud7af"  # Hangul syllables
        or "\uf900" <= ch <= "\ufaff"  # CJK compatibility ideographs
        or ch >= "\U00020000"  # CJK extensions B and later
        for ch in text
    )


def masked_email(email: str) -> str:
    """Enough of an e-mail to tell two namesakes apart, not enough to write to them:
    'hans.mueller@t-systems.example' -> 'h***r@t-***'."""
    local, at, domain = email.strip().partition("@")
    if not at or not local:
        return "***" if email.strip() else ""
    tail = local[-1] if len(local) > 2 else ""
    return f"{local[0]}***{tail}@{domain[:2]}***"
