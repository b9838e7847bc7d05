"""Badge layouts per size, read from kiosk/resources/badges/badge.toml (millimetres, no Qt)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import resources

BADGE_DIR = resources.path("badges")
TEMPLATE_FILE = BADGE_DIR / "badge.toml"
DEFAULT_SIZE = "a6"

Box = tuple[float, float, float, float]  # x, y, width, height in mm


class TemplateError(ValueError):
    """The badge template file is missing a size or a box, or holds a wrong value."""


@dataclass(frozen=True)
class BadgeLayout:
    size: str
    label: str
    width: float
    height: float
    logo: Box
    event: Box
    event_size: float
    motto: Box
    motto_size: float
    rule: Box
    name: Box
    name_max: float
    name_min_one_line: float
    name_min: float
    company: Box
    company_size: float
    qr: Box
    qr_with_photo: Box | None
    photo: Box | None
    caption: Box
    caption_size: float
    session: Box
    session_size: float
    band: Box
    band_size: float
    seat: Box | None = None  # where the seat prints; a size without it prints none
    seat_size: float | None = None
    seat_text: str = "Seat {seat}"  # the words around the seat label: "座位 {seat}"


@dataclass(frozen=True)
class BadgeTemplate:
    layouts: dict[str, BadgeLayout]
    font_files: tuple[Path, ...]
    font_family: str
    logo: Path

    def layout(self, size: str = DEFAULT_SIZE) -> BadgeLayout:
        try:
            return self.layouts[size]
        except KeyError:
            known = ", ".join(self.layouts)
            raise TemplateError(f"no badge size {size!r} (sizes: {known})") from None

    def logo_for(self, event_id: str) -> Path:
        """The event's own logo (logo-<event id>.svg beside the template) or the default."""
        own = self.logo.with_name(f"logo-{event_id}.svg")
        return own if own.exists() else self.logo


def _box(table: dict[str, Any], key: str, size: str) -> Box:
    value = table.get(key)
    if not (isinstance(value, list) and len(value) == 4):
        raise TemplateError(f"size {size}: '{key}' must be [x, y, width, height] in mm")
    x, y, w, h = (float(v) for v in value)
    return (x, y, w, h)


def _layout(size: str, table: dict[str, Any]) -> BadgeLayout:
    values: dict[str, Any] = {"size": size, "label": str(table.get("label", size))}
    values["seat_text"] = _seat_text(table.get("seat_text", "Seat {seat}"), size)
    for name, field in BadgeLayout.__dataclass_fields__.items():
        if name in values:
            continue
        optional = "None" in str(field.type)
        if optional and name not in table:
            values[name] = None
        elif "Box" in str(field.type):
            values[name] = _box(table, name, size)
        else:
            try:
                values[name] = float(table[name])
            except (KeyError, TypeError, ValueError):
                raise TemplateError(f"size {size}: '{name}' must be a number") from None
    layout = BadgeLayout(**values)
    if layout.width <= 0 or layout.height <= 0:
        raise TemplateError(f"size {size}: width and height must be positive")
    if (layout.seat is None) != (layout.seat_size is None):
        raise TemplateError(f"size {size}: 'seat' and 'seat_size' go together")
    return layout


def _seat_text(value: Any, size: str) -> str:
    """The seat line's words: '{seat}' once (filled in by replacement, never str.format)."""
    if not isinstance(value, str) or value.count("{seat}") != 1 or len(value) > 60:
        raise TemplateError(
            f"size {size}: 'seat_text' must hold {{seat}} once, e.g. 'Seat {{seat}}'"
        )
    return value


def load_template(path: Path = TEMPLATE_FILE) -> BadgeTemplate:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path}: {exc}") from None
    sizes = data.get("sizes") or {}
    if not sizes:
        raise TemplateError(f"{path}: no [sizes.*] tables")
    fonts = data.get("fonts", {})
    return BadgeTemplate(
        layouts={name: _layout(name, table) for name, table in sizes.items()},
        font_files=tuple(Path(p) for p in fonts.get("files", [])),
        font_family=str(fonts.get("family", "")),
        logo=path.with_name(str(fonts.get("logo", "logo.svg"))),
    )
