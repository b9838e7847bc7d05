"""The kiosk's log file: what support reads after a day at the doors.

One rotating file in the user's log directory (platformdirs: ~/.local/state/kiosk/log/
kiosk.log on Linux), or where KIOSK_LOG_FILE says (tests, a USB stick). The screens
write errors, printer failures, sync state changes and Qt's own warnings here
(kiosk.ui.qt_messages), not on the terminal. Set up once, at start-up, by the composition
root (kiosk.app.make_application); no Qt here, so any command may use it.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

LOG_ENV = "KIOSK_LOG_FILE"
MAX_BYTES = 2 * 1024 * 1024  # a busy day of warnings fits; older days rotate out
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: RotatingFileHandler | None = None
log = logging.getLogger("kiosk")


def log_file_path(override: Path | str | None = None) -> Path:
    """Where the log goes: `override`, else $KIOSK_LOG_FILE, else the user log directory."""
    chosen = override or os.environ.get(LOG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_log_dir("kiosk", appauthor=False)) / "kiosk.log"


def setup_logging(override: Path | str | None = None) -> Path | None:
    """Send the kiosk's log records (INFO and up) to the rotating log file, and uncaught
    exceptions there with their traceback (one line on stderr says where). Idempotent;
    returns the file, or None when it cannot be written (a read-only home: the kiosk runs
    on, logging to stderr as Python does by default)."""
    global _handler
    path = log_file_path(override)
    if _handler is not None:
        if Path(_handler.baseFilename) == path.absolute():
            return path
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        print(f"kiosk: no log file ({path}: {exc.strerror or exc})", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _handler = handler
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_thread_uncaught
    log.info("kiosk started: %s (pid %d)", " ".join(sys.argv), os.getpid())
    return path


def close_logging() -> None:
    """Undo setup_logging (tests): the file handler and the exception hooks."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__


def current_log_file() -> Path | None:
    return Path(_handler.baseFilename) if _handler is not None else None


def _log_uncaught(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.critical("uncaught exception", exc_info=(kind, value, tb))
    where = current_log_file()
    print(f"kiosk: internal error: {kind.__name__}: {value} (details in {where})", file=sys.stderr)


def _log_thread_uncaught(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "?"
    log.critical(
        "uncaught exception in thread %s",
        name,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )
