"""Where the UI's resources live, and the fonts every screen uses (Noto CJK, chosen explicitly)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from kiosk import resources

ICONS = resources.path("icons")
SOUNDS = resources.path("sounds")
TRANSLATIONS = resources.path("translations")

# Noto Sans CJK covers Latin, Greek, Cyrillic and CJK with one design, so a line mixing
# 张伟 and Jürgen has one look; the others are fallbacks on machines without it.
FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", "DejaVu Sans"]
_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)


def load_fonts() -> None:
    """Register the Noto CJK files with Qt when fontconfig has not (a bare offscreen run)."""
    if "Noto Sans CJK SC" in QFontDatabase.families():
        return
    for path in _FONT_FILES:
        if Path(path).exists():
            QFontDatabase.addApplicationFont(path)


def ui_font(point_size: float = 12.0, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def icon_path(name: str) -> Path:
    return ICONS / f"{name}.svg"


def sound_path(name: str) -> Path:
    return SOUNDS / f"{name}.wav"
