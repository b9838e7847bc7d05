"""Every refusal the door can reach has words on the screen, never its bare machine code
(a card reported lost once showed 'card_lost')."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.ui.verdicts import reason_text

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
# Refused(Verdict.X, "reason" ...), deny(Verdict.X, "reason"), Outcome(Verdict.X, "reason" ...)
_DECIDED = re.compile(r"(?:Refused|deny|Outcome)\(\s*Verdict\.[A-Z_]+,\s*\"([a-z_]+)\"")


def reasons() -> list[str]:
    found: set[str] = set()
    for path in (KIOSK / "service").rglob("*.py"):
        found |= set(_DECIDED.findall(path.read_text(encoding="utf-8")))
    found |= set(_DECIDED.findall((KIOSK / "domain" / "rules.py").read_text(encoding="utf-8")))
    return sorted(found)


def test_the_reasons_are_found() -> None:
    assert {"card_lost", "ticket_blocked", "session_full", "forged"} <= set(reasons())


@pytest.mark.parametrize("reason", reasons())
def test_each_reason_has_words(reason: str) -> None:
    assert reason_text(reason) != reason
