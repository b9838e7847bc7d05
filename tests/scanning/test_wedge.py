"""The keyboard-wedge parser: codes ended by Enter or by a pause, layouts and caps lock."""

from __future__ import annotations

from kiosk.scanning.events import ScanEvent
from kiosk.scanning.wedge import KeyboardWedge, normalise_typed
from tests.scanning.helpers import code

KEY_GAP = 0.008  # a scanner types a key every few milliseconds


def type_keys(wedge: KeyboardWedge, keys: str, start: float = 10.0) -> list[ScanEvent]:
    events: list[ScanEvent] = []
    for i, key in enumerate(keys):
        events += wedge.feed(key, start + i * KEY_GAP)
    return events


def test_enter_ends_a_code() -> None:
    """Keys then Enter give one code, timed from its first key to the Enter."""
    events = type_keys(KeyboardWedge(), code(1) + "\r")
    assert [e.text for e in events] == [code(1)]
    assert events[0].arrived == 10.0 and events[0].via == "keyboard"
    assert events[0].decoded == 10.0 + len(code(1)) * KEY_GAP


def test_a_pause_ends_a_code_from_a_scanner_without_enter() -> None:
    """With no suffix, the code ends once the keys stop for pause_s (flush from a timer)."""
    wedge = KeyboardWedge(pause_s=0.1)
    assert type_keys(wedge, code(2)) == []
    deadline = wedge.deadline()
    assert deadline is not None
    assert wedge.flush(deadline - 0.01) == []
    assert [e.text for e in wedge.flush(deadline)] == [code(2)]
    assert wedge.deadline() is None


def test_next_code_after_a_pause_ends_the_previous_one() -> None:
    """Two suffix-less scans: the first key of the second ends the first."""
    wedge = KeyboardWedge(pause_s=0.1)
    first = type_keys(wedge, code(3), start=0.0)
    second = type_keys(wedge, code(4), start=5.0)
    assert first == [] and [e.text for e in second] == [code(3)]


def test_lower_case_from_caps_lock_is_upper_cased() -> None:
    """Caps lock or a lower-casing scanner setting does not corrupt the code."""
    events = type_keys(KeyboardWedge(), code(5).lower() + "\n")
    assert [e.text for e in events] == [code(5)]


def test_azerty_digit_row_is_translated_back() -> None:
    """A scanner on a French AZERTY host types &é\"'(-è_çà for 1234567890."""
    assert normalise_typed("&é\"'(-è_çà") == "1234567890"
    assert normalise_typed("ab&é") == "ab12"


def test_text_with_real_digits_is_not_translated() -> None:
    """A code that holds digits keeps its punctuation: only an all-symbol digit row is AZERTY."""
    assert normalise_typed("T-0001") == "T-0001"


def test_look_alikes_fold_to_digits() -> None:
    """I and O are not in the badge alphabet: typed in a badge code, they mean 1 and 0."""
    typed = code(5).lower().replace("0", "o").replace("1", "i")
    assert normalise_typed(typed) == code(5)


def test_text_that_is_no_badge_code_keeps_its_case() -> None:
    """A pretix secret (mixed-case base64) or any other ticket code is left as typed:
    upper-casing it would lose what only its case says."""
    secret = "E4BibyTSylQOgeKjuMPiTDxi5HXPuTVsx1qCli3IL0143gj0EZXOB9iQInANxRFJTt4Pf9nXnHdB91Qk"
    assert (normalise_typed("oi5"), normalise_typed(secret)) == ("oi5", secret)


def test_a_stray_key_press_is_not_a_code() -> None:
    """A burst shorter than min_length is dropped, Enter or not."""
    wedge = KeyboardWedge(min_length=4)
    assert type_keys(wedge, "ab\r") == []
    assert type_keys(wedge, "\r") == []


def test_enter_and_tab_both_end_codes_in_one_feed() -> None:
    """Keys delivered in one chunk with two terminators give two codes in order."""
    events = KeyboardWedge().feed(f"{code(6)}\t{code(7)}\r\n", 1.0)
    assert [e.text for e in events] == [code(6), code(7)]
