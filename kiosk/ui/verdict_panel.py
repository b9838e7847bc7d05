"""VerdictPanel: the big coloured panel that shows one decision, readable from two metres."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.decision import Decision, Direction
from kiosk.domain.event import Event
from kiosk.ui import verdicts
from kiosk.ui.attention_band import AttentionBand
from kiosk.ui.i18n import ui_language
from kiosk.ui.photo_slot import PhotoSlot
from kiosk.ui.verdicts import (
    EXIT_IDLE_BACKGROUND,
    EXIT_IDLE_FOREGROUND,
    IDLE_BACKGROUND,
    IDLE_FOREGROUND,
    Look,
)
from kiosk.ui.widgets import Chip, FitLabel, icon_pixmap

COMPANY_PART = 1 / 1.35  # the company line is at most this part of the name's size


def _t(text: str) -> str:
    return QCoreApplication.translate("VerdictPanel", text)


class VerdictPanel(QFrame):
    """Idle ("show your badge") or one decision: icon, headline, reason, who (photo, name,
    position and company, type, seat), a note for staff, session."""

    def __init__(self, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk_event = event
        self.decision: Decision | None = None
        self.photo_image: QImage | None = None  # the shown decision's photo, once loaded
        self._icon = ("scan", IDLE_FOREGROUND)  # the verdict icon's name and colour
        self._icon_drawn: tuple[str, str, int, float] | None = None
        self.look: Look | None = None
        self.direction = Direction.ENTRY  # the door's mode: what the idle screen says
        self.squeeze = 1.0  # < 1 when all texts were made smaller to fit the panel's height
        self.scale = 1.0
        # A PostgreSQL hub arbitrates admissions and exits: say when one was decided without it.
        self.hub_decides = False
        self.setObjectName("verdictPanel")
        # Its height is the window's, never its texts': they shrink to fit it (_fit_height).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = FitLabel(60, bold=True)
        # Two lines at full size before any shrinking: a German reason or a long name stays
        # readable from two metres, and a name never drops below the company's size.
        self.reason = FitLabel(26, min_ratio=0.7, max_lines=2)
        self.name = FitLabel(46, bold=True, min_ratio=0.6, max_lines=2)
        self.company = FitLabel(26, min_ratio=0.6, max_lines=2)
        self.chip = Chip()
        self.session = FitLabel(20, min_ratio=0.6, max_lines=2)
        self.seat = FitLabel(30, bold=True, min_ratio=0.6)
        self.note = FitLabel(24, bold=True, min_ratio=0.75, max_lines=2)
        self.attention = AttentionBand()
        self.photo = PhotoSlot()
        self.photo.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.headline, 1)
        who = QVBoxLayout()
        who.addWidget(self.name)
        who.addWidget(self.company)
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.chip)
        chip_row.addSpacing(16)
        chip_row.addWidget(self.seat, 1)
        chip_row.addStretch(0)  # the row (and the name above) spans the width, seat or not
        who.addLayout(chip_row)
        person = QHBoxLayout()
        person.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        person.addSpacing(8)
        person.addLayout(who, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.reason)
        layout.addSpacing(12)
        layout.addLayout(person)
        layout.addSpacing(8)
        layout.addWidget(self.attention)
        layout.addStretch(1)
        layout.addWidget(self.note)
        layout.addWidget(self.session)
        self.layout_ = layout
        self.show_idle()

    # -- what is shown -------------------------------------------------------------------

    def show_idle(self) -> None:
        """Waiting for a badge: "Show your badge" at an entry; at an exit a big EXIT on
        another colour, so nobody takes the exit door's kiosk for the entry's."""
        self.decision = None
        self.photo_image = None
        if self.direction is Direction.EXIT:
            self._paint(EXIT_IDLE_BACKGROUND, EXIT_IDLE_FOREGROUND, "exit")
            self.headline.setText(_t("EXIT"))
            self.reason.setText(_t("Leaving? Show your badge on the way out."))
        else:
            self._paint(IDLE_BACKGROUND, IDLE_FOREGROUND, "scan")
            self.headline.setText(_t("Show your badge"))
            self.reason.setText(
                _t("Hold the QR code up to the camera, or use the handheld scanner.")
            )
        for label in (self.name, self.company, self.seat, self.session, self.note):
            label.setText("")
        self.chip.setVisible(False)
        self.photo.setVisible(False)
        self.attention.show_note("", IDLE_FOREGROUND)
        self._fit_height()

    def show_decision(self, decision: Decision) -> Look:
        """The decision at once; its photo follows with show_photo (loaded off this thread),
        in a box already in place, so nothing moves when it arrives."""
        if decision is not self.decision:
            self.photo_image = None
        self.decision = decision
        look = self.look = verdicts.look_for(decision)
        self._paint(look.background, look.foreground, look.icon)
        self.headline.setText(verdicts.headline(decision))
        self.reason.setText(verdicts.decision_text(decision))
        person = decision.attendee
        if person is not None and not person.name:
            self.name.setText(_t("Badge {id}").format(id=person.id))
        else:
            self.name.setText(person.name if person else "")
        self.company.setText(verdicts.position_line(person) if person else "")
        self.seat.setText(verdicts.seat_text(person.seat) if person and person.seat else "")
        kind = self.kiosk_event.type(person.type) if person else None
        base = 20 * self.scale
        if kind is not None:
            self.chip.show_type(kind.name_in(ui_language()), kind.color, base, look.foreground)
        else:
            self.chip.setVisible(False)
        session = self.kiosk_event.session(decision.session) if decision.session else None
        self.session.setText(session.title_in(ui_language()) if session else "")
        notes = [verdicts.warning_text(w) for w in decision.warnings]
        if decision.repeat:
            notes.append(verdicts.repeat_text())
        if self.decided_offline(decision):
            notes.append(_t("Decided offline: no answer from the hub"))
        self.note.setText("\n".join(notes))
        self.attention.show_note(decision.attention, look.foreground)
        self.photo.setVisible(person is not None)  # drawn once its size is known (_fit_height)
        self._fit_height()
        return look

    def show_photo(self, decision: Decision, image: QImage | None) -> None:
        """The photo of `decision`, if it is still the one on screen (a later scan wins)."""
        if decision is not self.decision or decision.attendee is None or self.look is None:
            return
        self.photo_image = image
        self.photo.show_photo(image, self.look.foreground)

    def decided_offline(self, decision: Decision) -> bool:
        """An entry or exit the hub should have taken but did not answer for (a denial is
        final at any door and never asks the hub)."""
        return self.hub_decides and decision.offline and decision.delta != 0

    def retranslate(self) -> None:
        if self.decision is None:
            self.show_idle()
        else:
            self.show_decision(self.decision)

    def set_scale(self, scale: float) -> None:
        """Font sizes follow the window: 1.0 is a 1280x800 screen."""
        self.scale = scale
        self.photo.set_scale(scale)
        self._set_sizes(1.0)
        m = round(24 * scale)
        self.layout_.setContentsMargins(m, m, m, m)
        self.retranslate()

    def _set_sizes(self, factor: float) -> None:
        for label, size in (
            (self.headline, 60),
            (self.reason, 26),
            (self.name, 46),
            (self.company, 26),
            (self.seat, 30),
            (self.session, 20),
            (self.note, 24),
        ):
            label.set_base_size(size * self.scale * factor)
        if self.name.text() and self.company.font().pointSizeF() > COMPANY_PART * (
            named := self.name.font().pointSizeF()
        ):
            # A long name beside the photo box shrank to fit: the company line follows, so
            # the name stays the biggest thing about the person.
            self.company.set_base_size(named * COMPANY_PART)
        self.attention.set_scale(self.scale, factor)
        # The icon and the photo give up room too (less than the texts): a long note for
        # staff must fit with them.
        shrink = 1 - (1 - factor) * 0.8
        side = round(110 * self.scale * shrink)
        self.icon.setFixedSize(side + 8, side + 8)
        self.photo.set_scale(self.scale * shrink)

    def _fit_height(self) -> None:
        """Two-line names, companies and reasons may together be taller than the panel:
        then every text shrinks alike (to no less than 0.6) rather than the panel growing
        past the screen's edge. Empty lines take no room."""
        for label in (self.name, self.company, self.seat, self.session, self.note):
            label.setVisible(bool(label.text()))
        factor = 1.0
        self._set_sizes(factor)
        self._relayout()
        while self._too_tall() and factor > 0.6:
            factor *= 0.92
            self._set_sizes(factor)
            self._relayout()
        if self._too_tall() and self.attention.isVisible():
            # The longest notes for staff: the session's title gives way (the header names
            # the session too), then every text goes a little smaller still, so the whole
            # note stays on screen with the verdict.
            self.session.setVisible(False)
            self._relayout()
            while self._too_tall() and factor > 0.5:
                factor *= 0.95
                self._set_sizes(factor)
                self._relayout()
        self.squeeze = factor
        self._draw_icon()
        if self.photo.isVisible() and self.look is not None:
            self.photo.show_photo(self.photo_image, self.look.foreground)

    def _too_tall(self) -> bool:
        """The texts need more height than the panel has (wrapped ones for its width)."""
        need = self.layout_.minimumSize().height()
        if self.layout_.hasHeightForWidth():
            need = max(need, self.layout_.totalHeightForWidth(self.width()))
        return need > self.height() > 0

    def _relayout(self) -> None:
        """Lay the texts out now, not at the next event loop pass: a label wraps for the
        width it is given, so its height (and the panel's need) is known only after."""
        self.layout_.invalidate()
        self.layout_.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.squeeze < 1.0 or self._too_tall():
            self._fit_height()

    # -- painting ------------------------------------------------------------------------

    def _paint(self, background: str, foreground: str, icon: str) -> None:
        self.setStyleSheet(
            f"#verdictPanel {{ background:{background}; border-radius:18px; }}"
            f"#verdictPanel QLabel {{ color:{foreground}; background:transparent; }}"
        )
        self._icon = (icon, foreground)  # drawn once its size is known (_fit_height)

    def _draw_icon(self) -> None:
        name, color = self._icon
        key = (name, color, self.icon.width() - 8, self.devicePixelRatioF())
        if key != self._icon_drawn:  # an SVG drawn and recoloured: ~1 ms, not per scan
            self._icon_drawn = key
            self.icon.setPixmap(icon_pixmap(name, key[2], color, key[3]))
