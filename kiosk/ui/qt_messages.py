"""Qt's own messages (qWarning and friends: `qt.multimedia: ...`, `QSoundEffect: ...`)
into the kiosk's log file instead of the terminal.

A door laptop with no sound card or VA-API prints dozens of such lines at start-up; they
matter to support, not to whoever started the kiosk. Each goes to the Python logger
`qt.<category>` (`qt.default` for uncategorised ones) at the matching level; critical and
fatal ones also reach stderr, since Qt may abort right after a fatal one.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

_installed = False


def qt_logger(category: str | None) -> logging.Logger:
    name = category or "default"
    return logging.getLogger(name if name.startswith("qt.") else f"qt.{name}")


def handle_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _LEVELS.get(kind, logging.WARNING)
    qt_logger(context.category).log(level, "%s", message)
    if level >= logging.ERROR:
        print(f"qt: {message}", file=sys.stderr)


def install_qt_message_handler() -> None:
    """Route Qt's messages to logging (once per process; pytest-qt installs its own
    handler for the duration of each test and restores this one after)."""
    global _installed
    if not _installed:
        qInstallMessageHandler(handle_qt_message)
        _installed = True
