"""SessionsPage: the board's table of today's sessions (GB 50799 12.2.1): for each, present
against registered with the percentage, or inside against capacity for an open session,
who is inside now and how many of the seated are in their seats.

Painted rather than built of labels: a dozen rows of seven figures refresh every few
seconds, and a painter scales every font with the screen in one place.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.domain.event import Event
from kiosk.service.session_counts import SessionCount
from kiosk.ui.i18n import ui_language
from kiosk.ui.paths import ui_font

INK, MUTED, RULE = "#1a1a1a", "#5f6b7a", "#d0d5dd"
RUNNING_BG, BAR_BG = "#e8f0fe", "#e4e7ec"
# Share of the list present (or of the capacity inside): blue when filling, green at
# three quarters, dark amber past capacity. Not the door's red "full": nothing is wrong.
BAR = {"low": "#1565c0", "good": "#2e7d32", "over": "#b45309"}
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _t(text: str) -> str:
    return QCoreApplication.translate("SessionsPage", text)


def bar_color(count: SessionCount) -> str:
    if count.expected is None and count.inside >= count.capacity > 0:
        return BAR["over"]
    return BAR["good"] if count.share >= 0.75 else BAR["low"]


def figure_text(count: SessionCount) -> str:
    """The row's main figure: present of the list, or inside of the capacity."""
    if count.expected is not None:
        return _t("{present} / {expected}").format(present=count.present, expected=count.expected)
    return _t("{inside} / {capacity}").format(inside=count.inside, capacity=count.capacity)


def figure_note(count: SessionCount) -> str:
    if count.expected is not None:
        return _t("present of registered")
    return _t("open session: inside of capacity")


def seated_text(count: SessionCount) -> str:
    if not count.seats:
        return "—"
    return _t("{seated} / {seats}").format(seated=count.seated, seats=count.seats)


class SessionsPage(QWidget):
    """Today's sessions, running ones highlighted, ended ones greyed; the rows that do not
    fit are dropped from the ended end first, and counted."""

    def __init__(self, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk_event = event
        self.counts: list[SessionCount] = []
        self.now = dt.datetime.now(dt.UTC)
        self.scale = 1.0
        self.shown: list[SessionCount] = []  # the rows painted last (tests read them)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_counts(self, counts: list[SessionCount], now: dt.datetime, scale: float) -> None:
        self.counts, self.now, self.scale = counts, now, scale
        self.update()

    def _rows_that_fit(self, row_h: float, height: float) -> list[SessionCount]:
        room = max(1, int(height // row_h))
        if len(self.counts) <= room:
            return list(self.counts)
        room -= 1  # the last line says how many are not shown
        live = [c for c in self.counts if c.session.end >= self.now]
        ended = [c for c in self.counts if c.session.end < self.now]
        if len(live) >= room:
            return live[:room]
        return [*ended[len(ended) - (room - len(live)) :], *live]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = float(self.width()), float(self.height())
        # Rows shrink (to 4/5 of their size: still read across the hall) before any
        # session is left out.
        s = self.scale
        while True:
            big, small = ui_font(22 * s, bold=True), ui_font(13 * s)
            title_font = ui_font(17 * s, bold=True)
            row_h = QFontMetricsF(big).height() + QFontMetricsF(small).height() + 18 * s
            head_h = QFontMetricsF(small).height() + 10 * s
            if row_h * len(self.counts) <= h - head_h or s <= self.scale * 0.8:
                break
            s *= 0.95
        narrow = w < 1000
        # Columns as shares of the width: time | session and hall | figure | bar | inside | seated
        wide_cols = [0.11, 0.36, 0.19, 0.14, 0.10, 0.10]
        cols = wide_cols if not narrow else [0.0, 0.42, 0.28, 0.0, 0.15, 0.15]
        xs = [0.0]
        for share in cols:
            xs.append(xs[-1] + share * w)
        heads = [_t("Time"), _t("Session"), _t("Present"), "", _t("Inside now"), _t("Seated")]
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        for i, text in enumerate(heads):
            if cols[i] and text:
                rect = QRectF(xs[i] + 8 * s, 0, xs[i + 1] - xs[i] - 16 * s, head_h)
                painter.drawText(rect, LEFT, text)
        self.shown = self._rows_that_fit(row_h, h - head_h)
        hidden = len(self.counts) - len(self.shown)
        lang = ui_language()
        tz = self.kiosk_event.tz
        y = head_h
        if not self.counts:
            painter.setFont(title_font)
            painter.drawText(QRectF(0, y, w, row_h), Qt.AlignmentFlag.AlignCenter,
                             _t("No sessions today"))  # fmt: skip
        for count in self.shown:
            session = count.session
            running = session.opens <= self.now <= session.end
            ended = session.end < self.now
            if running:
                painter.fillRect(QRectF(0, y, w, row_h), QColor(RUNNING_BG))
            painter.setPen(QColor(RULE))
            painter.drawLine(0, round(y + row_h), round(w), round(y + row_h))
            ink = QColor(MUTED if ended else INK)
            pad = 8 * s
            top = QRectF(0, y + 6 * s, 0, QFontMetricsF(big).height())
            low = QRectF(0, top.bottom(), 0, QFontMetricsF(small).height())

            def cell(
                i: int, line: QRectF, text: str, font: QFont, color: QColor = ink, pad: float = pad
            ) -> None:
                if not cols[i]:
                    return
                painter.setFont(font)
                painter.setPen(color)
                rect = QRectF(xs[i] + pad, line.top(), xs[i + 1] - xs[i] - 2 * pad, line.height())
                shown = QFontMetricsF(font).elidedText(
                    text, Qt.TextElideMode.ElideRight, rect.width()
                )
                painter.drawText(rect, LEFT, shown)

            start = session.start.astimezone(tz).strftime("%H:%M")
            end = session.end.astimezone(tz).strftime("%H:%M")
            cell(0, top, start, title_font)
            cell(0, low, end, small, QColor(MUTED))
            hall = self.kiosk_event.hall(session.hall)
            cell(1, top, session.title_in(lang), title_font)
            where = hall.name_in(lang) if hall else session.hall
            if narrow:
                where = f"{start}–{end} · {where}"
            cell(1, low, where, small, QColor(MUTED))
            cell(2, top, figure_text(count), big)
            cell(2, low, figure_note(count), small, QColor(MUTED))
            if cols[3]:
                bar = QRectF(xs[3] + pad, top.center().y() - 9 * s, xs[4] - xs[3] - 2 * pad, 18 * s)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(BAR_BG))
                painter.drawRoundedRect(bar, 6 * s, 6 * s)
                filled = QRectF(bar)
                filled.setWidth(bar.width() * min(1.0, count.share))
                painter.setBrush(QColor(bar_color(count)))
                painter.drawRoundedRect(filled, 6 * s, 6 * s)
                cell(3, low, f"{count.share:.0%}", small)
            cell(4, top, str(count.inside), big)
            cell(5, top, seated_text(count), big if count.seats else small)
            y += row_h
        if hidden:
            painter.setFont(small)
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(8 * s, y, w - 16 * s, row_h / 2), Qt.AlignmentFlag.AlignLeft,
                             _t("{n} more sessions today not shown").format(n=hidden))  # fmt: skip
        painter.end()
