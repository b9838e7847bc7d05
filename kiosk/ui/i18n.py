"""UI languages: Qt Linguist sources compiled to .qm in a cache folder at start, switched live."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from kiosk.ui.paths import TRANSLATIONS

LANGUAGES = {"en": "English", "zh_CN": "简体中文", "de": "Deutsch"}


def _lrelease() -> str | None:
    """The lrelease binary the PySide6 wheel ships (its pyside6-lrelease wrapper fails in
    6.12 when PySide6 is imported as a namespace), else one on PATH."""
    import PySide6

    for folder in PySide6.__path__:
        for name in ("lrelease", "lrelease.exe"):
            if (Path(folder) / name).exists():
                return str(Path(folder) / name)
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else shutil.which("lrelease")


def compile_translations(source: Path = TRANSLATIONS, cache: Path | None = None) -> Path:
    """Build each kiosk_<lang>.ts newer than its .qm into `cache`; return the cache folder.

    A missing lrelease leaves the UI in English rather than failing the start.
    """
    cache = cache or Path(platformdirs.user_cache_dir("kiosk")) / "translations"
    cache.mkdir(parents=True, exist_ok=True)
    tool = _lrelease()
    for ts in sorted(source.glob("kiosk_*.ts")):
        qm = cache / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            break
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    return cache


class Languages(QObject):
    """Installs one translator on the application; Qt then sends every widget a
    LanguageChange event, and `changed` tells the windows to re-render their text."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, qm_folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.app = app
        self.folder = qm_folder
        self.current = "en"
        self._translator: QTranslator | None = None

    def available(self) -> list[str]:
        """English (the source texts), then each language whose translations compiled."""
        compiled = (c for c in LANGUAGES if c != "en" and (self.folder / f"kiosk_{c}.qm").exists())
        return ["en", *compiled]

    def switch(self, code: str) -> bool:
        """Show the UI in `code` ("en", "zh_CN", "de"); False if it is not available."""
        if code not in LANGUAGES:
            return False
        translator = None
        if code != "en":
            translator = QTranslator(self)
            if not translator.load(str(self.folder / f"kiosk_{code}.qm")):
                return False
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
        self._translator = translator
        if translator is not None:
            self.app.installTranslator(translator)
        self.current = code
        QLocale.setDefault(QLocale(code))
        self.changed.emit(code)
        return True


def ui_language() -> str:
    """The language the UI shows now ("zh_CN", "de_DE", "en_US"): Languages.switch sets
    it as Qt's default locale. Event data (hall, session, type names) follows it."""
    return QLocale().name()
