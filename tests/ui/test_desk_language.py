"""The staff desk in 简体中文 and Deutsch: built in a language, switched live, fully translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.printing.painter import BadgePainter
from kiosk.printing.template import load_template
from kiosk.service.desk import StaffDesk
from kiosk.service.staff_pin import StaffPin
from kiosk.ui.desk import DeskOptions, DeskWindow, build_desk_window
from kiosk.ui.i18n import Languages
from kiosk.ui.paths import TRANSLATIONS
from tests.printing.conftest import STAFF_PIN, FakeOutput

DESK_CONTEXTS = {"DeskWindow", "DeskCard", "DeskWalkIn", "DeskActions", "DeskMessages"}
MakeDesk = Callable[[str], DeskWindow]


@pytest.fixture
def languages(qapp: QApplication, qm_folder: Path) -> Iterator[Languages]:
    languages = Languages(qapp, qm_folder)
    yield languages
    languages.switch("en")  # the next test starts in English


@pytest.fixture
def make_desk(
    qtbot: QtBot,
    db: Database,
    event: Event,
    signing_key: Ed25519PrivateKey,
    languages: Languages,
) -> MakeDesk:
    """make_desk(lang): the desk as run_desk builds it, started in `lang`, unlocked."""
    pin = StaffPin(db)
    pin.set_pin(STAFF_PIN)
    service = StaffDesk(db, event, signing_key=signing_key, verify_pin=lambda p: p == STAFF_PIN)

    def make(lang: str) -> DeskWindow:
        assert languages.switch(lang)
        window = build_desk_window(
            service,
            FakeOutput(),
            BadgePainter(load_template()),
            DeskOptions(),
            staff_pin=pin,
            languages=languages,
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        assert window.unlock(STAFF_PIN)
        return window

    return make


def visible_texts(window: DeskWindow) -> dict[str, str]:
    walk_in, card = window.walk_in, window.find_page.card
    return {
        "tab": window.tabs.tabText(1),
        "lock": window.bar.lock.text(),
        "first_name": walk_in.captions["first_name"].text(),
        "register": walk_in.register.text(),
        "reprint": card.reprint_button.text(),
        "status": window.status.text(),
    }


GERMAN = {
    "tab": "Vor-Ort-Anmeldung",
    "lock": "Sperren",
    "first_name": "Vorname",
    "register": "Anmelden und Ausweis drucken",
    "reprint": "Nachdrucken",
    "status": "Entsperrt. Suchen, einen Ausweis scannen oder vor Ort anmelden.",
}
CHINESE = {
    "tab": "现场注册",
    "lock": "锁定",
    "first_name": "名",
    "register": "注册并打印胸卡",
    "reprint": "补打",
    "status": "已解锁。可搜索、扫描胸卡或进行现场注册。",
}


@pytest.mark.parametrize(("lang", "expected"), [("de", GERMAN), ("zh_CN", CHINESE)])
def test_desk_started_in_a_language_shows_it(
    make_desk: MakeDesk, lang: str, expected: dict[str, str]
) -> None:
    """Tabs, buttons, form labels and the status line are in the language the desk started in."""
    window = make_desk(lang)
    assert visible_texts(window) == expected


def test_switching_language_rerenders_the_desk(make_desk: MakeDesk, languages: Languages) -> None:
    """A switch re-renders every text set in a constructor, and the top bar shows the choice."""
    window = make_desk("en")
    window.find_page.search.query.setText("Groß")
    window.find_page.search.run_search()
    window.find_page.search.table.selectRow(0)
    languages.switch("zh_CN")
    window.unlock(STAFF_PIN)  # a new status message, in the new language
    assert visible_texts(window) == CHINESE
    assert window.find_page.card.captions["ticket"].text() == "票号"
    assert window.find_page.search.status.text() == "找到 1 人。"
    assert window.bar.language.currentData() == "zh_CN"
    languages.switch("de")
    window.unlock(STAFF_PIN)
    assert visible_texts(window) == GERMAN
    assert window.find_page.card.fields["status"].text() == "Ausweis noch nicht gedruckt"


def test_choosing_a_language_in_the_top_bar_switches(
    make_desk: MakeDesk, languages: Languages
) -> None:
    """The top bar lists every language in its own name; choosing one switches the desk."""
    window = make_desk("en")
    box = window.bar.language
    names = [box.itemText(i) for i in range(box.count())]
    assert box.isVisibleTo(window) and names == ["English", "简体中文", "Deutsch"]
    box.activated.emit(box.findData("de"))
    assert languages.current == "de" and window.bar.quit.text() == "Beenden"


def test_refused_walk_in_says_why_in_the_desk_language(make_desk: MakeDesk) -> None:
    """A refused walk-in: the service's reason by the field and on the status line, in German."""
    window = make_desk("de")
    window.tabs.setCurrentWidget(window.walk_in)
    window.walk_in.fill(first_name=" ", last_name="")
    window.walk_in.register.click()
    assert window.walk_in.errors["first_name"].text() == "Der Name darf nicht leer sein."
    assert window.status.text() == "Nicht angemeldet: Der Name darf nicht leer sein."


def test_every_desk_text_is_translated() -> None:
    """Each message of the desk's contexts (and the search it shows) has a finished
    translation in every language: a new desk text without one fails here."""
    missing = []
    for lang in ("zh_CN", "de"):
        root = ET.parse(TRANSLATIONS / f"kiosk_{lang}.ts").getroot()
        contexts = {c.findtext("name"): c for c in root.iter("context")}
        assert DESK_CONTEXTS | {"SearchDialog"} <= contexts.keys()
        for name in DESK_CONTEXTS | {"SearchDialog"}:
            for message in contexts[name].iter("message"):
                translation = message.find("translation")
                if (
                    translation is None
                    or not (translation.text or "").strip()
                    or translation.get("type") in {"unfinished", "obsolete", "vanished"}
                ):
                    missing.append((lang, name, message.findtext("source")))
    assert missing == []


def test_translation_sources_are_current() -> None:
    """The .ts files hold every text the desk's code asks for (update_translations.py ran)."""
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    asked = {(ctx, text) for ctx, texts in script.texts().items() for text in texts}
    root = ET.parse(TRANSLATIONS / "kiosk_de.ts").getroot()
    held = {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
    }
    assert {(ctx, text) for ctx, text in asked if ctx in DESK_CONTEXTS} - held == set()


def test_sync_state_follows_a_language_switch(make_desk: MakeDesk, languages: Languages) -> None:
    """'Nur lokal' in German becomes 'Local only' after switching to English, and back."""
    window = make_desk("de")
    assert window.bar.sync.text() == "Nur lokal"
    languages.switch("en")
    assert window.bar.sync.text() == "Local only"
    languages.switch("zh_CN")
    assert window.bar.sync.text() not in ("Local only", "Nur lokal")
