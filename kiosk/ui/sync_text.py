"""The words and colours for the sync state, shared by the door header, the desk and the board."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from kiosk.sync.runner import SyncStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncText", text)


class SyncState(Enum):
    LOCAL = "local"  # no hub configured: this kiosk alone
    CONNECTING = "connecting"  # a hub is configured, no pass has finished yet
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class SyncLook:
    state: SyncState
    text: str
    background: str  # a pill behind the words; the words say it all (colour-blind staff)
    foreground: str
    detail: str  # for a tooltip: where the hub is, and why it is offline


# Darker than the verdict colours: a pill on the dark header, not a verdict.
BACKGROUNDS = {
    SyncState.LOCAL: "transparent",
    SyncState.CONNECTING: "#3d4f75",
    SyncState.ONLINE: "#1b5e20",
    SyncState.OFFLINE: "#8a4b00",
}


def sync_state(status: SyncStatus | None) -> SyncState:
    if status is None:
        return SyncState.LOCAL
    if status.online:
        return SyncState.ONLINE
    if status.offline_since is None:
        return SyncState.CONNECTING
    return SyncState.OFFLINE


def waiting_text(count: int) -> str:
    if count == 1:
        return _t("1 check-in waiting")
    return _t("{count} check-ins waiting").format(count=count)


def sync_look(status: SyncStatus | None, tz: Any) -> SyncLook:
    """'Online · synced 10:42', 'Offline since 10:31 · 12 check-ins waiting', 'Local only'."""

    def hm(when: dt.datetime) -> str:
        return when.astimezone(tz).strftime("%H:%M")

    state = sync_state(status)
    if status is None:
        return SyncLook(state, _t("Local only"), BACKGROUNDS[state], "#ffffff", "")
    parts: list[str] = []
    if state is SyncState.ONLINE:
        synced = status.last_sync
        parts.append(
            _t("Online · synced {time}").format(time=hm(synced)) if synced else _t("Online")
        )
    elif state is SyncState.CONNECTING:
        parts.append(_t("Connecting to the hub…"))
    else:
        assert status.offline_since is not None
        parts.append(_t("Offline since {time}").format(time=hm(status.offline_since)))
    if status.waiting:
        parts.append(waiting_text(status.waiting))
    detail = _t("Hub: {hub}").format(hub=status.hub)
    if status.last_error:
        detail += "\n" + status.last_error
    detail += "".join("\n" + problem for problem in status.problems)
    return SyncLook(state, " · ".join(parts), BACKGROUNDS[state], "#ffffff", detail)


def show_look(label: QLabel, look: SyncLook) -> None:
    """The sync state as a pill on a dark bar, its detail as the tooltip."""
    label.setText(look.text)
    label.setToolTip(look.detail)
    pad = "0px" if look.state is SyncState.LOCAL else "2px 10px"
    label.setStyleSheet(
        f"QLabel {{ background:{look.background}; color:{look.foreground};"
        f" border-radius:8px; padding:{pad}; }}"
    )
