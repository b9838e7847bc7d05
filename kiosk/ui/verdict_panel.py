"""VerdictPanel: the big coloured panel that shows one decision, readable from two metres."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.decision import Decision, Direction
from kiosk.domain.event import Event
from kiosk.ui import verdicts
from kiosk.ui.i18n import ui_language
from kiosk.ui.verdicts import (
    EXIT_IDLE_BACKGROUND,
    EXIT_IDLE_FOREGROUND,
    IDLE_BACKGROUND,
    IDLE_FOREGROUND,
    Look,
)
from kiosk.ui.widgets import Chip, FitLabel, icon_pixmap


def _t(text: str) -> str:
    return QCoreApplication.translate("VerdictPanel", text)


class VerdictPanel(QFrame):
    """Idle ("show your badge") or one decision: icon, headline, reason, who, type, session."""

    def __init__(self, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk_event = event
        self.decision: Decision | None = None
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
        self.note = FitLabel(24, bold=True, min_ratio=0.75, max_lines=2)
        self.photo = QLabel()
        self.photo.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.headline, 1)
        who = QVBoxLayout()
        who.addWidget(self.name)
        who.addWidget(self.company)
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.chip)
        chip_row.addStretch(1)
        who.addLayout(chip_row)
        person = QHBoxLayout()
        person.addLayout(who, 1)
        person.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.reason)
        layout.addSpacing(12)
        layout.addLayout(person)
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
        for label in (self.name, self.company, self.session, self.note):
            label.setText("")
        self.chip.setVisible(False)
        self.photo.setVisible(False)
        self._fit_height()

    def show_decision(self, decision: Decision) -> Look:
        self.decision = decision
        look = verdicts.look_for(decision)
        self._paint(look.background, look.foreground, look.icon)
        self.headline.setText(verdicts.headline(decision))
        self.reason.setText(verdicts.decision_text(decision))
        person = decision.attendee
        if person is not None and not person.name:
            self.name.setText(_t("Badge {id}").format(id=person.id))
        else:
            self.name.setText(person.name if person else "")
        self.company.setText(person.company if person else "")
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
        self._show_photo(person.photo if person else None)
        self._fit_height()
        return look

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
            (self.session, 20),
            (self.note, 24),
        ):
            label.set_base_size(size * self.scale * factor)

    def _fit_height(self) -> None:
        """Two-line names, companies and reasons may together be taller than the panel:
        then every text shrinks alike (to no less than 0.6) rather than the panel growing
        past the screen's edge. Empty lines take no room."""
        for label in (self.name, self.company, self.session, self.note):
            label.setVisible(bool(label.text()))
        factor = 1.0
        self._set_sizes(factor)
        self.layout_.invalidate()
        while self.layout_.minimumSize().height() > self.height() > 0 and factor > 0.6:
            factor *= 0.92
            self._set_sizes(factor)
            self.layout_.invalidate()
        self.squeeze = factor

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.squeeze < 1.0 or self.layout_.minimumSize().height() > self.height():
            self._fit_height()

    # -- painting ------------------------------------------------------------------------

    def _paint(self, background: str, foreground: str, icon: str) -> None:
        self.setStyleSheet(
            f"#verdictPanel {{ background:{background}; border-radius:18px; }}"
            f"#verdictPanel QLabel {{ color:{foreground}; background:transparent; }}"
        )
        size = round(110 * self.scale)
        self.icon.setPixmap(icon_pixmap(icon, size, foreground, self.devicePixelRatioF()))
        self.icon.setFixedSize(size + 8, size + 8)

    def _show_photo(self, photo: str | None) -> None:
        if photo and Path(photo).is_file():
            side = round(180 * self.scale)
            picture = QPixmap(photo)
            if not picture.isNull():
                self.photo.setPixmap(
                    picture.scaled(
                        side,
                        side,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                self.photo.setVisible(True)
                return
        self.photo.setVisible(False)
