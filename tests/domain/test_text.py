"""Search folding: case- and accent-insensitive in any script."""

from __future__ import annotations

from kiosk.domain.text import fold


def test_fold_removes_case_and_accents_and_keeps_cjk() -> None:
    """Jürgen Groß is found as 'jurgen gross'; Núria as 'nuria'; CJK stays as typed."""
    assert [fold("Jürgen Groß"), fold("Núria Puig i Solé"), fold(" 张伟 "), fold("ＡＢＣ")] == [
        "jurgen gross",
        "nuria puig i sole",
        "张伟",
        "abc",
    ]
