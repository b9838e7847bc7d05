"""The roll call's table model and its freshness lines (kiosk.service.freshness in words)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kiosk.service.freshness import Freshness


def _t(text: str) -> str:
    return QCoreApplication.translate("RollCallView", text)


class PeopleModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return [_t("Hall"), _t("Name"), _t("Type"), _t("Seat"), _t("Entered"),
                    _t("Door")][section]  # fmt: skip
        return None


def _age(now: dt.datetime, then: dt.datetime) -> str:
    minutes = max(0, int((now - then).total_seconds() // 60))
    if minutes < 1:
        return _t("just now")
    if minutes < 120:
        return _t("{n} min ago").format(n=minutes)
    return _t("{n} h ago").format(n=minutes // 60)


def freshness_lines(fresh: Freshness, tz: Any) -> list[str]:
    """How far the roll call reaches, per kiosk, and what it may lack."""
    now = fresh.now

    def at(when: dt.datetime) -> str:
        return f"{when.astimezone(tz).strftime('%H:%M')} ({_age(now, when)})"

    lines = [
        _t("Last sync: {time}").format(time=at(fresh.last_sync))
        if fresh.last_sync
        else _t("Never synced: this kiosk's own records only")
    ]
    for kiosk in fresh.kiosks:
        if kiosk.records == 0:
            lines.append(
                _t("{kiosk}: nothing received yet: its entries may be missing").format(
                    kiosk=kiosk.kiosk_id
                )
            )
        elif kiosk.newest is not None:
            text = _t("{kiosk}: newest record {time}").format(
                kiosk=kiosk.kiosk_id, time=at(kiosk.newest)
            )
            if kiosk.quiet(now):
                text += " · " + _t("quiet: may not have synced")
            lines.append(text)
    return lines
