"""One scan per showing: the rules of CodeDeduper, on frame times in seconds."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.scanning.dedupe import CodeDeduper

FPS = 30


def scans(deduper: CodeDeduper, frames: Sequence[Sequence[str]]) -> list[tuple[int, str]]:
    """(frame number, code) for each scan over frames at 30 fps."""
    found = []
    for number, codes in enumerate(frames):
        found += [(number, c) for c in deduper.observe(codes, number / FPS)]
    return found


def test_code_held_in_view_is_one_scan() -> None:
    """Two seconds of the same badge in every frame is a single scan."""
    assert scans(CodeDeduper(), [["A"]] * 60) == [(0, "A")]


def test_missed_frames_while_held_do_not_make_a_new_scan() -> None:
    """A badge unread in a few frames (blur) and read again is still the same showing."""
    frames = [["A"]] * 10 + [[]] * 10 + [["A"]] * 10
    assert scans(CodeDeduper(), frames) == [(0, "A")]


def test_code_shown_again_after_leaving_the_view_is_a_new_scan() -> None:
    """Gone for over a second (and several frames), then back: a second scan."""
    frames = [["A"]] * 10 + [[]] * 31 + [["A"]]
    assert scans(CodeDeduper(), frames) == [(0, "A"), (41, "A")]


def test_code_held_for_seconds_is_scanned_again() -> None:
    """Held continuously past repeat_after_s, a badge gets a fresh scan."""
    frames = [["A"]] * (3 * FPS + 1)
    assert scans(CodeDeduper(repeat_after_s=3.0), frames) == [(0, "A"), (90, "A")]


def test_two_people_back_to_back_are_two_scans() -> None:
    """A different code right after the first (well within a second) is scanned at once."""
    frames = [["A"]] * 5 + [["B"]] * 5 + [["A"]] * 5
    assert scans(CodeDeduper(), frames) == [(0, "A"), (5, "B")]


def test_two_codes_in_one_frame_are_two_scans() -> None:
    """Codes seen together are each scanned once, in frame order, duplicates ignored."""
    assert scans(CodeDeduper(), [["A", "B", "A"]] * 3) == [(0, "A"), (0, "B")]


def test_absence_needs_both_frames_and_time() -> None:
    """A slow source: one absent frame spanning over a second is not enough to leave."""
    deduper = CodeDeduper(gone_after_s=1.0, gone_after_frames=3)
    assert deduper.observe(["A"], 0.0) == ["A"]
    assert deduper.observe([], 1.5) == []
    assert deduper.observe(["A"], 1.6) == []
    assert deduper.in_view() == ["A"]
