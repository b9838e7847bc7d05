"""A handheld scanner acting as a keyboard: key characters with times in, whole codes out."""

from __future__ import annotations

from kiosk.domain.codes import looks_like_badge_code
from kiosk.scanning.events import ScanEvent

ENTER_KEYS = frozenset("\r\n\t")  # scanners end a code with Enter, some with Tab
LONG_CODE = 16  # a burst this long without a digit is still a code (random secrets)
# A scanner types a key every few ms; no person keeps up 20 ms a key over a whole word
# (a fast typist's rolled keys come 30-50 ms apart): a burst that fast is a code whatever
# its shape ("VIPGUEST"); a slower one must also look like one.
SCANNER_KEY_GAP = 0.02
# What a scanner's digit keys type when the host uses a French or Belgian AZERTY layout.
_AZERTY_DIGITS = {"&": "1", "é": "2", '"': "3", "'": "4", "(": "5", "-": "6", "§": "6"}
_AZERTY_DIGITS |= {"è": "7", "_": "8", "!": "8", "ç": "9", "à": "0"}
_AZERTY = str.maketrans(_AZERTY_DIGITS)
_LOOK_ALIKES = str.maketrans({"I": "1", "O": "0"})


def normalise_typed(text: str) -> str:
    """A typed code made layout- and caps-lock-proof.

    Badge codes use only 0-9 and A-X without I and O, so upper-casing loses nothing and
    undoes caps lock; I and O are folded to 1 and 0. QWERTZ's Y/Z swap cannot touch a
    badge code (no Y, no Z). An AZERTY host turns a scanner's digit keys into &é"'(-è_çà:
    a burst with no digit at all but at least two of those is translated back (a real
    badge code of ~150 characters always holds digits, so this never rewrites one).
    Text that is no badge code even so folded (a pretix secret, mixed-case base64; an
    Indico JSON) keeps its case as typed: identify tries its caps-lock and QWERTZ variants.
    """
    text = "".join(ch for ch in text if ch.isprintable()).strip()
    azerty_marks = sum(ch in _AZERTY_DIGITS for ch in text)
    if azerty_marks >= 2 and not any(ch.isdigit() for ch in text):
        leftovers = [ch for ch in text if not ch.isalnum() and ch not in _AZERTY_DIGITS]
        if not leftovers:
            text = text.translate(_AZERTY)
    folded = text.upper().translate(_LOOK_ALIKES)
    return folded if looks_like_badge_code(folded) else text


class KeyboardWedge:
    """Collects keys typed by a handheld scanner into codes.

    A code ends with Enter (or Tab), or, for scanners configured without a suffix, with
    a pause of `pause_s` between keys: scanners type a key every few milliseconds, people
    far slower. A burst shorter than `min_length` is not a code (a stray key press). The
    GUI feeds key text with feed() and calls flush() from a timer at `deadline()`.
    """

    def __init__(self, pause_s: float = 0.1, min_length: int = 4) -> None:
        self.pause_s = pause_s
        self.min_length = min_length
        self._keys: list[str] = []
        self._first = 0.0
        self._last = 0.0

    def feed(self, keys: str, t: float) -> list[ScanEvent]:
        """Codes completed by these key characters, typed at monotonic time `t`."""
        events = self.flush(t)
        for key in keys:
            if key in ENTER_KEYS:
                events.extend(self._finish(t))
                continue
            if not self._keys:
                self._first = t
            self._keys.append(key)
            self._last = t
        return events

    def flush(self, now: float) -> list[ScanEvent]:
        """The pending code if its scanner has paused long enough (call from a timer)."""
        if self._keys and now >= self._last + self.pause_s:
            return self._finish(self._last)
        return []

    def deadline(self) -> float | None:
        """When flush() can end the pending code, or None if nothing is pending."""
        return self._last + self.pause_s if self._keys else None

    def _finish(self, t: float) -> list[ScanEvent]:
        count = len(self._keys)
        text = normalise_typed("".join(self._keys))
        first, last = self._first, self._last
        self._keys.clear()
        if len(text) < self.min_length:
            return []
        machine_fast = count > 1 and (last - first) / (count - 1) <= SCANNER_KEY_GAP
        if not machine_fast and not looks_like_code(text, self.min_length):
            return []  # a person typing fast (a name), not a scanner: the keys are typing
        return [ScanEvent(text=text, arrived=first, decoded=t, via="keyboard")]


def looks_like_code(text: str, min_length: int = 4) -> bool:
    """Whether a burst of keys too slow to be surely a scanner's has the shape of a code:
    badge codes, ticket codes (T-0001, pretix and Eventbrite secrets) hold digits or are
    long and random; a fast typist's word ('BECKER') is short and has none: typing."""
    if len(text) < min_length:
        return False
    return any(ch.isdigit() for ch in text) or (len(text) >= LONG_CODE and " " not in text)
