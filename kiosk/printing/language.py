"""The language a printed report is written in: the UI's own Qt Linguist translations, read
with a bare QTranslator (no application, no widgets), so the command line, a timer and the
board print the same words the screens show."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

LANGUAGES = ("en", "zh_CN", "de")  # as kiosk.ui.i18n offers them
SETTING = "ui_language"  # where the screens keep the language staff chose


def language_for(asked: str | None, saved: str | None) -> str:
    """`asked` (a --lang), else the screens' saved language, else the system's, else
    English: the choice the screens make at start (kiosk.app.start_language)."""
    for code in (asked, saved):
        if code in LANGUAGES:
            return code
    system = QLocale.system().name()
    if system.startswith("zh"):
        return "zh_CN"
    if system.startswith("de"):
        return "de"
    return "en"


class ReportLanguage:
    """Translates a report's texts; English (the source texts) where no translation loads."""

    def __init__(self, code: str = "en", qm_folder: Path | None = None) -> None:
        self.code = code if code in LANGUAGES else "en"
        self._translator: QTranslator | None = None
        if self.code != "en" and qm_folder is not None:
            translator = QTranslator()
            if translator.load(str(qm_folder / f"kiosk_{self.code}.qm")):
                self._translator = translator

    @property
    def loaded(self) -> bool:
        return self.code == "en" or self._translator is not None

    def translate(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text

    @property
    def qt_locale(self) -> QLocale:
        """For dates and numbers: 10月14日 in Chinese, 14. Okt. in German."""
        return QLocale(self.code)
