"""`kiosk pretix key/keys/items/date/revoke`: organiser only, strict, one-line errors that
change nothing, and pretix's own REST pages for revoked and blocked secrets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from kiosk.store import pretix
from tests.cli.helpers import assert_one_line, kiosk
from tests.domain.test_pretix_sig1 import K0, K1

Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def organiser(db: Database, tmp_path: Path, capsys: Capsys) -> str:
    """The tiny event's database made the organiser's."""
    path = str(tmp_path / "kiosk.db")
    assert kiosk(capsys, "organiser", "init", "--db", path)[0] == 0
    return path


def _page(results: list[dict[str, Any]], **over: Any) -> dict[str, Any]:
    return {"count": len(results), "next": None, "previous": None, "results": results, **over}


def _revoked(secret: str, n: int = 1) -> dict[str, Any]:
    return {"id": n, "secret": secret, "created": "2026-10-01T10:00:00Z"}


def _blocked(secret: str, blocked: bool = True, n: int = 1) -> dict[str, Any]:
    return {"id": n, "secret": secret, "updated": "2026-10-01T10:00:00Z", "blocked": blocked}


def _file(tmp_path: Path, data: Any, name: str = "pages.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return str(path)


def test_a_kiosk_may_not_set_pretix_data(db: Database, tmp_path: Path, capsys: Capsys) -> None:
    """Without the organiser's root key: refused in one line, nothing trusted or listed."""
    path = str(tmp_path / "kiosk.db")
    pages = _file(tmp_path, _page([_revoked("abc")]))
    results = [
        kiosk(capsys, "pretix", "key", K0, "--db", path),
        kiosk(capsys, "pretix", "items", "1=delegate", "--db", path),
        kiosk(capsys, "pretix", "revoke", pages, "--db", path),
        kiosk(capsys, "pretix", "date", "3", "--db", path),
    ]
    for status, _, err in results:
        assert status == 1
        assert_one_line(err, "organiser")
    assert (pretix.trusted_keys(db), pretix.items(db), pretix.revoked(db)) == ([], {}, [])


def test_keys_are_trusted_listed_and_removed(organiser: str, db: Database, capsys: Capsys) -> None:
    """Several keys at once; `keys` lists them; --remove stops trusting one."""
    status, out, _ = kiosk(capsys, "pretix", "key", K0, K1, "--db", organiser)
    first, second = (k["key_id"] for k in pretix.trusted_keys(db))
    listed = kiosk(capsys, "pretix", "keys", "--db", organiser)[1]
    kiosk(capsys, "pretix", "key", "--remove", first, "--db", organiser)
    assert status == 0 and out.count("trusted") == 2
    assert first in listed and second in listed
    assert [k["key_id"] for k in pretix.trusted_keys(db)] == [second]


@pytest.mark.parametrize("junk", ["hello", "aGVsbG8=", "x" * 5000])
def test_a_junk_key_trusts_nothing_of_the_command(
    organiser: str, db: Database, capsys: Capsys, junk: str
) -> None:
    """A good key given with a junk one: one line, neither trusted."""
    status, _, err = kiosk(capsys, "pretix", "key", K0, junk, "--db", organiser)
    assert status == 1 and pretix.trusted_keys(db) == []
    assert_one_line(err, "not a pretix", "nothing changed")


def test_items_map_to_types_of_the_event(organiser: str, db: Database, capsys: Capsys) -> None:
    """ITEM=TYPE by id or name; a type the event lacks is refused, naming the known ones."""
    status, out, _ = kiosk(capsys, "pretix", "items", "1=delegate", "Day pass=visitor",
                           "--db", organiser)  # fmt: skip
    bad_status, _, err = kiosk(capsys, "pretix", "items", "2=vip", "--db", organiser)
    usage = kiosk(capsys, "pretix", "items", "just-a-word", "--db", organiser)[0]
    assert (status, out.splitlines()) == (0, ["1 = delegate", "Day pass = visitor"])
    assert (bad_status, usage, pretix.items(db)) == (
        1,
        2,
        {"Day pass": "visitor", "1": "delegate"},
    )
    assert_one_line(err, "'vip'", "delegate, visitor, staff")


def test_revoke_reads_pretix_pages_revoked_and_blocked(
    organiser: str, db: Database, tmp_path: Path, capsys: Capsys
) -> None:
    """A single page, and a list of pages mixing both endpoints: revoked, blocked and an
    unblocked one told apart by their content; --blocked takes any page as blocked."""
    single = _file(tmp_path, _page([_revoked("r1"), _revoked("r2", 2)]), "rev.json")
    pages = _file(
        tmp_path,
        [
            _page([_blocked("b1"), _blocked("b2", n=2)], next="https://x/?page=2"),
            _page([_blocked("b2", False, 3), _revoked("r3", 3)]),
        ],
        "mixed.json",
    )
    forced = _file(tmp_path, _page([_revoked("b9")]), "forced.json")
    status, out, _ = kiosk(capsys, "pretix", "revoke", single, pages, "--db", organiser)
    kiosk(capsys, "pretix", "revoke", forced, "--blocked", "--db", organiser)
    assert (status, out.strip()) == (
        0,
        "pretix: 3 revoked secrets (3 new), 1 blocked, 1 unblocked: publish to tell the kiosks",
    )
    assert (pretix.revoked(db), pretix.blocked(db)) == (["r1", "r2", "r3"], ["b1", "b9"])


HOSTILE: dict[str, Any] = {
    "not JSON": "{'count': 1",
    "a bare list of secrets": ["abc", "def"],
    "a page without results": {"count": 0, "next": None, "previous": None},
    "an extra page field": _page([], evil=1),
    "results not a list": _page([]) | {"results": {"secret": "x"}},
    "a result missing its secret": _page([{"id": 1, "created": "x"}]),
    "a secret that is a number": _page([{"id": 1, "secret": 5, "created": "x"}]),
    "a huge secret": _page([_revoked("a" * 5000)]),
    "a control character": _page([_revoked("ab\x00c")]),
    "blocked as a string": _page([{**_blocked("x"), "blocked": "yes"}]),
    "deep nesting": "[" * 100_000 + "]" * 100_000,
}


@pytest.mark.parametrize("what", list(HOSTILE))
def test_hostile_pages_change_nothing(
    organiser: str, db: Database, tmp_path: Path, capsys: Capsys, what: str
) -> None:
    """Each broken file: one line naming the file, and no secret of it (nor of a good file
    given with it) is stored."""
    good = _file(tmp_path, _page([_revoked("ok1")]), "good.json")
    bad = _file(tmp_path, HOSTILE[what], "bad.json")
    status, _, err = kiosk(capsys, "pretix", "revoke", good, bad, "--db", organiser)
    assert (status, pretix.revoked(db), pretix.blocked(db)) == (1, [], [])
    assert_one_line(err, "bad.json", "nothing changed")


def test_the_date_is_set_and_bounded(organiser: str, db: Database, capsys: Capsys) -> None:
    """`pretix date N` sets the event date the doors admit; a negative one is refused."""
    assert kiosk(capsys, "pretix", "date", "14", "--db", organiser)[0] == 0
    status, _, err = kiosk(capsys, "pretix", "date", "-3", "--db", organiser)
    assert (status, pretix.subevent(db)) == (1, 14)
    assert_one_line(err, "pretix date")
