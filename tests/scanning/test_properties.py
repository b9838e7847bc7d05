"""Properties of the pure parts: payload decoding, escaping, typed-code normalising, dedupe."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.codes import MAX_CODE_CHARS as MAX_BADGE
from kiosk.domain.codes import MIN_CODE_CHARS
from kiosk.scanning.dedupe import CodeDeduper
from kiosk.scanning.payload import MAX_CODE_CHARS, one_line, payload_text
from kiosk.scanning.wedge import normalise_typed

BADGE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
# as long as real badge codes: shorter text is no badge code and keeps its case as typed
badge_codes = st.text(alphabet=BADGE_ALPHABET, min_size=MIN_CODE_CHARS, max_size=MAX_BADGE)


@given(st.binary(max_size=5000))
def test_any_payload_decodes_to_capped_text_that_keeps_its_bytes(raw: bytes) -> None:
    """No bytes make payload_text raise; short payloads come back byte for byte."""
    text = payload_text(raw)
    assert len(text) <= MAX_CODE_CHARS
    if len(raw) <= MAX_CODE_CHARS:
        try:
            assert text.encode("utf-8") == raw
        except AssertionError:
            assert text.encode("latin-1") == raw


@given(st.text())
def test_one_line_is_always_one_printable_line(text: str) -> None:
    """Whatever a code holds, its escaped form has no line break or control character."""
    line = one_line(text)
    assert all(ch.isprintable() for ch in line)


@given(badge_codes)
def test_a_badge_code_survives_normalising_and_caps_lock(code: str) -> None:
    """Normalising never rewrites a real badge code, typed as is or in lower case."""
    assert normalise_typed(code) == code
    assert normalise_typed(code.lower()) == code


@given(st.lists(st.booleans(), min_size=1, max_size=200))
def test_a_code_is_never_scanned_twice_while_in_view(seen: list[bool]) -> None:
    """At 30 fps, a code shown in any pattern of frames is scanned at most once per
    return after an absence of a second or more, and at least once."""
    deduper = CodeDeduper(gone_after_s=1.0, gone_after_frames=3, repeat_after_s=10.0)
    scans, last_seen = 0, None
    returns = 0
    for frame, present in enumerate(seen):
        pts = frame / 30
        if present:
            if last_seen is None or pts - last_seen >= 1.0:
                returns += 1
            last_seen = pts
        scans += len(deduper.observe(["A"] if present else [], pts))
    assert scans <= returns
    assert scans >= (1 if any(seen) else 0)
