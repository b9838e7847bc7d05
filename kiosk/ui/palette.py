"""The door screen's colours, and the contrast rule its text keeps (WCAG AA: 4.5:1).

tests/ui/test_palette.py checks every text colour against every background it is drawn on
(header, occupancy, mode, verdicts, sync state, camera, dialogs) with `contrast_ratio`.
"""

from __future__ import annotations

MIN_TEXT_CONTRAST = 4.5  # WCAG 2 AA for normal text; the door's text is large, so it is safe

WHITE, INK = "#ffffff", "#1a1a1a"
HEADER = "#14213d"  # the navy header bar; its text is white
GROOVE = "#2b3a5c"  # the occupancy bar's empty part
# The occupancy bar by how full the session is: green, amber from 90 %, red when full.
# White text on each; the words (NEARLY FULL, FULL) say it without the colour.
OCCUPANCY = {"normal": "#1b7a36", "near_full": "#b45309", "full": "#b3261e"}
NEAR_FULL = 0.9
MODE = {"entry": "#2e7d32", "exit": "#1f5aa6"}
CAMERA = "#1d1f24"
DOOR_BACKGROUND = "#f7f8fa"


def _channel(value: int) -> float:
    s = value / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """WCAG relative luminance of "#rrggbb" (0 black .. 1 white)."""
    h = color.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two "#rrggbb" colours, 1.0 (none) to 21.0 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def readable_on(background: str) -> str:
    """Black or white, whichever has more contrast on `background` (always >= 4.58:1)."""
    if contrast_ratio("#000000", background) >= contrast_ratio(WHITE, background):
        return "#000000"
    return WHITE


def occupancy_state(inside: int, capacity: int) -> str:
    """normal, near_full (90 % and more) or full."""
    if capacity > 0 and inside >= capacity:
        return "full"
    if capacity > 0 and inside >= NEAR_FULL * capacity:
        return "near_full"
    return "normal"
