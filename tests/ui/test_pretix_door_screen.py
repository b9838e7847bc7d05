"""The door screen for pretix tickets: the reason in words, with the product that has no
type, in English, German and Chinese; a screenshot per size for looking at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.app import Door
from kiosk.domain import pretix_sig1
from kiosk.domain.decision import Decision
from kiosk.store import pretix
from kiosk.store.db import write

Scan = Callable[[Door, str], Decision]
KEY = Ed25519PrivateKey.generate()


def _ticket(seed: str, item: int) -> str:
    payload = pretix_sig1.encode_ticket(seed, item)
    return pretix_sig1.pack(payload, KEY.sign(payload))


@pytest.fixture
def pretix_db(db: Database) -> Database:
    with write(db):
        pretix.trust_key(db, pretix_sig1.pem_b64(KEY.public_key()))
        pretix.set_items(db, {"1": "delegate"})
        pretix.set_item_names(db, {99: "Workshop add-on"})
    return db


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "This ticket's product (#99 Workshop add-on) has no attendee type here"),
        ("de", "Für das Produkt dieses Tickets (#99 Workshop add-on)"),
        ("zh_CN", "此门票的产品（#99 Workshop add-on）在此没有对应的参会者类型"),
    ],
)
def test_an_unmapped_product_is_named_on_the_screen(
    make_door: Callable[..., Door], scan: Scan, pretix_db: Database, tmp_path: Path,
    lang: str, words: str,
) -> None:  # fmt: skip
    """DENIED, and the reason names the pretix product, in the UI language."""
    door = make_door()
    assert door.languages.switch(lang)
    scan(door, _ticket(f"Un{lang}", 99))
    panel = door.window.panel
    for width, height in ((1280, 800), (1920, 1080), (800, 1280)):  # for looking at
        door.window.resize(width, height)
        door.window.grab().save(str(tmp_path / f"pretix-unmapped-{lang}-{width}x{height}.png"))
    assert words in panel.reason.text()
    door.languages.switch("en")


def test_a_signed_ticket_not_in_the_list_asks_for_a_look(
    make_door: Callable[..., Door], scan: Scan, pretix_db: Database
) -> None:
    """Admitted with the warning: the caution headline and the warning's words."""
    door = make_door()
    decision = scan(door, _ticket("Stranger1", 1))
    panel = door.window.panel
    assert (decision.warnings, panel.headline.text()) == (
        ("not_in_local_list",),
        "ADMIT — CHECK BADGE",
    )
