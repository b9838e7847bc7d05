"""Paints one badge with QPainter on any paint device: preview widget, image, PDF, printer."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from kiosk.domain.qr import qr_matrix
from kiosk.printing.badge import BadgeData
from kiosk.printing.template import DEFAULT_SIZE, BadgeLayout, BadgeTemplate, Box

INK = QColor("#1a1a1a")
# drawText clips to its rectangle by default: descenders of tightly set lines would be cut.
_NO_CLIP = int(Qt.TextFlag.TextDontClip)
_RASTER_DEVICES = (1, 2, 3)  # QInternal::Widget, Pixmap, Image: whole-pixel QR modules
MUTED = QColor("#555555")
SAMPLE_INK = "#b0bec5"  # the preview's stand-in QR: visibly not the real thing
_QUIET = 4  # qr_matrix's quiet zone, in modules
_FINDER = 8  # a finder square and its separator, in modules


@dataclass(frozen=True)
class PaintedBadge:
    """What the painter decided, for tests and the preview: name lines and their size."""

    name_lines: tuple[str, ...]
    name_size_mm: float
    qr_rect: QRectF | None  # device pixels
    photo_shown: bool


def register_fonts(template: BadgeTemplate) -> str:
    """Register the template's font files with Qt (once) and return the family to use; a
    machine without them falls back to Qt's default font rather than failing."""
    if template.font_family in QFontDatabase.families():
        return template.font_family
    for path in template.font_files:
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))
    if template.font_family in QFontDatabase.families():
        return template.font_family
    return QFont().defaultFamily()


def text_color_on(background: str) -> QColor:
    """White on dark bands, near-black on light ones (relative luminance)."""
    c = QColor(background)
    lum = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return QColor("#ffffff") if lum < 0.6 else INK


class BadgePainter:
    """Draws badges of one size; holds the font family and the parsed logos."""

    def __init__(self, template: BadgeTemplate, size: str = DEFAULT_SIZE) -> None:
        self.template = template
        self.layout: BadgeLayout = template.layout(size)
        self.family = register_fonts(template)
        self._logos: dict[str, QSvgRenderer] = {}

    def paint(
        self, painter: QPainter, target: QRectF, badge: BadgeData, *, sample_qr: bool = False
    ) -> PaintedBadge:
        """Draw `badge` filling `target` (device pixels, the badge's aspect ratio).

        `sample_qr` (every on-screen preview): the QR's place shows a grey stand-in that
        no scanner can read, so nobody can photograph a working door code off a screen."""
        lay = self.layout
        scale = target.width() / lay.width
        ctx = _Context(painter, target, scale, self.family)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(target, QColor("#ffffff"))
        logo = self._logo(badge.event_id)
        if logo is not None:
            logo.render(painter, ctx.rect(lay.logo))
        ctx.text(lay.event, badge.event_name, lay.event_size, bold=True, align_left=True)
        if badge.motto:
            ctx.text(lay.motto, badge.motto, lay.motto_size, color=MUTED, align_left=True)
        painter.fillRect(ctx.rect(lay.rule), QColor(badge.type_color))
        lines, size = ctx.name(lay, badge.name_parts, badge.name_break)
        if badge.company:
            ctx.text(lay.company, badge.company, lay.company_size, color=MUTED)
        if badge.seat and lay.seat is not None and lay.seat_size is not None:
            words = lay.seat_text.replace("{seat}", badge.seat)
            ctx.text(lay.seat, words, lay.seat_size, bold=True)
        photo_shown = lay.photo is not None and ctx.photo(lay.photo, badge)
        qr_box = lay.qr_with_photo if photo_shown and lay.qr_with_photo else lay.qr
        qr_rect = ctx.qr(qr_box, badge.code, sample=sample_qr) if badge.code else None
        caption = _masked(badge.caption) if sample_qr else badge.caption
        ctx.text(lay.caption, caption, lay.caption_size, color=MUTED)
        if badge.session_line:
            ctx.text(lay.session, badge.session_line, lay.session_size, bold=True)
        painter.fillRect(ctx.rect(lay.band), QColor(badge.type_color))
        bx, by, bw, bh = lay.band
        inset = bh * 0.25  # the label keeps clear of the card's edges
        ctx.text(
            (bx + inset, by, bw - 2 * inset, bh),
            badge.type_label,
            lay.band_size,
            bold=True,
            color=text_color_on(badge.type_color),
        )
        painter.restore()
        return PaintedBadge(lines, size, qr_rect, photo_shown)

    def _logo(self, event_id: str) -> QSvgRenderer | None:
        path = self.template.logo_for(event_id)
        key = str(path)
        if key not in self._logos:
            self._logos[key] = QSvgRenderer(key)
        renderer = self._logos[key]
        return renderer if renderer.isValid() else None


class _Context:
    """Millimetre boxes to device pixels, and the text fitting shared by every element."""

    def __init__(self, painter: QPainter, target: QRectF, scale: float, family: str) -> None:
        self.painter, self.target, self.scale, self.family = painter, target, scale, family

    def rect(self, box: Box) -> QRectF:
        x, y, w, h = box
        s = self.scale
        return QRectF(self.target.x() + x * s, self.target.y() + y * s, w * s, h * s)

    def font(self, size_mm: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(max(1, round(size_mm * self.scale)))
        font.setBold(bold)
        # Unhinted outlines: the preview, the PDF and the printer lay text out the same.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def width(self, text: str, size_mm: float, bold: bool) -> float:
        return QFontMetricsF(self.font(size_mm, bold), self.painter.device()).horizontalAdvance(
            text
        )

    def fitted(self, text: str, width_mm: float, max_mm: float, bold: bool) -> float:
        """The largest size <= max_mm at which `text` fits `width_mm`."""
        if not text:
            return max_mm
        box = width_mm * self.scale
        size = max_mm
        for _ in range(8):  # text width is nearly linear in size: two steps usually suffice
            w = self.width(text, size, bold)
            if w <= box:
                return size
            size = max(size * box / w - 0.5 / self.scale, 0.1)
        return size

    def text(
        self,
        box: Box,
        text: str,
        size_mm: float,
        *,
        bold: bool = False,
        color: QColor = INK,
        align_left: bool = False,
        min_ratio: float = 0.6,
    ) -> None:
        """One line shrunk to fit (down to min_ratio of its size), then elided."""
        size = max(self.fitted(text, box[2], size_mm, bold), size_mm * min_ratio)
        font = self.font(size, bold)
        rect = self.rect(box)
        shown = QFontMetricsF(font, self.painter.device()).elidedText(
            text, Qt.TextElideMode.ElideRight, rect.width()
        )
        self.painter.setFont(font)
        self.painter.setPen(QPen(color))
        horizontal = Qt.AlignmentFlag.AlignLeft if align_left else Qt.AlignmentFlag.AlignHCenter
        flags = int(horizontal | Qt.AlignmentFlag.AlignVCenter) | _NO_CLIP
        self.painter.drawText(rect, flags, shown)

    def name(
        self, lay: BadgeLayout, parts: tuple[str, ...], name_break: int = 0
    ) -> tuple[tuple[str, ...], float]:
        """The name as large as fits its box, and never elided. One line while that stays
        at least `name_min_one_line`; else two lines (broken between words, after a hyphen,
        or between the characters of a CJK name); a third or fourth line only when fewer
        would set the name near the floor and the extra line makes it clearly larger. The
        size never goes below the floor `name_min` (unless the box's height cannot hold the
        lines at that size): a word too long for a line even at the floor is broken
        between letters instead."""
        x, y, w, h = lay.name
        tokens = _tokens(parts, name_break)

        def measure(text: str) -> float:
            return self.width(text, lay.name_max, True)

        def size_of(lines: tuple[str, ...]) -> float:
            widest = min(self.fitted(t, w, lay.name_max, True) for t in lines)
            return min(widest, h / (1.2 * len(lines) + 0.1))

        lines: tuple[str, ...] = (_join(tokens),)
        size = size_of(lines)
        if size < lay.name_min_one_line:
            for count in range(2, MAX_NAME_LINES + 1):
                split = _best_lines(tokens, count, measure)
                if split is None:
                    break
                split_size = size_of(split)
                # Two lines before shrinking; a third (fourth) only once two (three) would
                # set the name near the floor, and for a clearly larger name.
                if count > 2 and size >= lay.name_min * NEAR_FLOOR:
                    break
                if split_size > size * (1.0 if count == 2 else MORE_LINES_GAIN):
                    lines, size = split, split_size
        if size < lay.name_min:
            lines = self._broken(lines, w, lay.name_min)  # each fits at the floor
            size = min(lay.name_min, h / (1.2 * len(lines) + 0.1))
        # Rounding to whole pixels can make a fitted line a hair wider than the box.
        while size > 0.5 and max(self.width(t, size, True) for t in lines) > w * self.scale:
            size *= 0.98
        self.painter.setFont(self.font(size, True))
        self.painter.setPen(QPen(INK))
        # The lines sit close together, as one block centred in the box.
        pitch = min(size * 1.2, h / len(lines))
        top = y + (h - pitch * len(lines)) / 2
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter) | _NO_CLIP
        for i, line in enumerate(lines):
            self.painter.drawText(self.rect((x, top + i * pitch, w, pitch)), flags, line)
        return lines, size

    def _broken(self, lines: tuple[str, ...], width_mm: float, size_mm: float) -> tuple[str, ...]:
        """`lines` with every line too wide at `size_mm` broken between letters (greedily:
        as many letters a line as fit), for a single word longer than the badge."""
        out: list[str] = []
        for line in lines:
            current = ""
            for char in line:
                if current and self.width(current + char, size_mm, True) > width_mm * self.scale:
                    out.append(current.rstrip())
                    current = char.lstrip()
                else:
                    current += char
            if current:
                out.append(current)
        return tuple(out)

    def qr(self, box: Box, code: str, sample: bool = False) -> QRectF:
        """The code as QR modules; on raster devices each module is a whole number of pixels.
        A `sample` is a look-alike: modules of a meaningless text of the same length, grey,
        without the three finder squares a scanner needs to find a code at all."""
        matrix = _sample_matrix(len(code)) if sample else qr_matrix(code)
        n = len(matrix)
        area = self.rect(box)
        side = min(area.width(), area.height())
        module = side / n
        raster = self.painter.device().devType() in _RASTER_DEVICES
        if raster and module >= 2:
            module = math.floor(module)
        left = area.x() + (area.width() - module * n) / 2
        top = area.y() + (area.height() - module * n) / 2
        if raster:
            left, top = round(left), round(top)
        path = QPainterPath()
        for r, row in enumerate(matrix):
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.addRect(
                        left + start * module, top + r * module, (c - start) * module, module
                    )
                else:
                    c += 1
        self.painter.save()
        # Crisp module edges: anti-aliased seams between runs would grey the modules.
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.painter.fillPath(path, QColor(SAMPLE_INK if sample else "#000000"))
        self.painter.restore()
        return QRectF(left, top, module * n, module * n)

    def photo(self, box: Box, badge: BadgeData) -> bool:
        if badge.photo is None:
            return False
        image = QImage(str(badge.photo))
        if image.isNull():
            return False
        rect = self.rect(box)
        # Fill the box, cropping the longer side around the centre.
        scaled = image.scaled(
            round(rect.width()),
            round(rect.height()),
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        sx = (scaled.width() - round(rect.width())) // 2
        sy = (scaled.height() - round(rect.height())) // 2
        self.painter.drawImage(rect, scaled.copy(sx, sy, round(rect.width()), round(rect.height())))
        return True


def _masked(caption: str) -> str:
    """The ticket code under a stand-in QR: its last three characters, enough for the
    attendee to recognise, too few to be a working code."""
    return "\u2022" * 4 + caption[-3:] if len(caption) > 3 else caption


def _sample_matrix(length: int) -> list[list[bool]]:
    """A QR-sized pattern that holds nothing: the symbol of a fixed text as long as the code,
    with its finder squares blanked out (without them no decoder even starts on it)."""
    matrix = qr_matrix(("preview-only/" * (length // 13 + 1))[: max(1, length)])
    n = len(matrix)
    low, high = range(_QUIET, _QUIET + _FINDER), range(n - _QUIET - _FINDER, n - _QUIET)
    for r in range(n):
        for c in range(n):
            if (r in low and (c in low or c in high)) or (r in high and c in low):
                matrix[r][c] = False
    return matrix


MAX_NAME_LINES = 4
MORE_LINES_GAIN = 1.15  # a third or fourth line must make the name this much larger
NEAR_FLOOR = 1.25  # ... and is tried only when fewer lines set it below this times the floor
_CJK = 0x2E80  # from here on scripts written without spaces: Han, kana, Hangul
_Token = tuple[str, str]  # a piece of the name and what follows it: " ", or "" after a hyphen


def _tokens(parts: tuple[str, ...], name_break: int = 0) -> list[_Token]:
    """Where a name may break: between words, after a hyphen ("Hohenzollern-" /
    "Sigmaringen"), and between the characters of a single Han name. The break between
    given and family name (`name_break`) is marked by a tab in the separator."""
    if len(parts) == 1 and len(parts[0]) >= 2 and all(ord(ch) >= _CJK for ch in parts[0]):
        return [(ch, "") for ch in parts[0]]
    tokens: list[_Token] = []
    for index, word in enumerate(parts):
        pieces = re.split(r"(?<=[-\u2010\u2011])(?=\w)", word)
        tokens += [(piece, "") for piece in pieces[:-1]]
        tokens.append((pieces[-1], "\t " if index + 1 == name_break else " "))
    return tokens


def _join(tokens: Sequence[_Token]) -> str:
    if not tokens:
        return ""
    return "".join(t + sep.replace("\t", "") for t, sep in tokens[:-1]) + tokens[-1][0]


def _best_lines(
    tokens: Sequence[_Token], count: int, measure: Callable[[str], float]
) -> tuple[str, ...] | None:
    """`count` lines with the narrowest widest line, broken only where the tokens allow.
    Two lines break between given and family names when that costs at most a tenth more
    width."""
    if len(tokens) < count:
        return None
    best: tuple[str, ...] | None = None
    best_width = math.inf
    natural: tuple[str, ...] | None = None
    for cuts in itertools.combinations(range(1, len(tokens)), count - 1):
        bounds = (0, *cuts, len(tokens))
        lines = tuple(_join(tokens[i:j]) for i, j in itertools.pairwise(bounds))
        width = max(measure(line) for line in lines)
        if width < best_width:
            best, best_width = lines, width
        if count == 2 and tokens[cuts[0] - 1][1].startswith("\t"):
            natural = lines
    if natural is not None and max(measure(line) for line in natural) <= best_width * 1.1:
        return natural
    return best
