"""Where an event file is wrong: the keys each table may hold, finding a field's line in
the TOML text, and reading fields so that every refusal names file, line and field."""

from __future__ import annotations

import difflib
import re
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

# Every key each table may hold; anything else is a typo that would otherwise be ignored
# silently (admit_untill_end closing a hall early, [[sesions]] dropping a session).
KEYS: dict[str, tuple[str, ...]] = {
    "event": ("id", "name", "timezone", "days", "languages", "motto"),
    "admission": (
        "opens_before_minutes",
        "closes_after_minutes",
        "admit_until_end",
        "reentry",
        "repeat_scan_seconds",
    ),
    "tracks": ("id", "name", "names"),
    "halls": ("id", "name", "capacity", "names"),
    "types": ("id", "name", "color", "halls", "all_access", "names", "note"),
    "sessions": (
        "id",
        "hall",
        "title",
        "titles",
        "track",
        "start",
        "end",
        "opens_before_minutes",
        "closes_after_minutes",
        "admit_until_end",
        "checkin_opens",
        "checkin_closes",
        "registration",
        "reentry",
        "capacity",
        "types",
    ),
}

show = reprlib.Repr()
show.maxstring, show.maxother, show.maxlevel = 60, 60, 3


class EventFileError(ValueError):
    """A malformed event file: where it is wrong and why."""

    def __init__(self, path: str, line: int | None, field: str, message: str) -> None:
        self.path, self.line, self.field, self.message = path, line, field, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {field}: {message}" if field else f"{where}: {message}")


@dataclass(frozen=True)
class Loc:
    """A field's place in the TOML document: table, index in an array of tables, key."""

    table: str
    index: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        text = self.table if self.index is None else f"{self.table}[{self.index}]"
        return f"{text}.{self.key}" if self.key else text


def find_line(source: str, loc: Loc) -> int | None:
    """Best-effort line of a field: the n-th [[table]] header, then the key below it."""
    header = re.compile(r"^\s*\[\[\s*" + re.escape(loc.table) + r"\s*\]\]")
    single = re.compile(r"^\s*\[\s*" + re.escape(loc.table) + r"\s*\]")
    any_header = re.compile(r"^\s*\[")
    lines = source.splitlines()
    start = None
    seen = -1
    for number, text in enumerate(lines):
        if loc.index is None and single.match(text):
            start = number
            break
        if loc.index is not None and header.match(text):
            seen += 1
            if seen == loc.index:
                start = number
                break
    if start is None:
        return None
    if loc.key:
        # `key = ...` or a dotted `key.sub = ...` below the header, else a `[table.key]`
        # sub-table header anywhere after it
        name = r"[\"']?" + re.escape(loc.key) + r"[\"']?"
        key = re.compile(r"^\s*" + name + r"\s*[=.]")
        sub = re.compile(r"^\s*\[+\s*" + re.escape(loc.table) + r"\s*\.\s*" + name + r"\s*[.\]]")
        for number in range(start + 1, len(lines)):
            if any_header.match(lines[number]):
                break
            if key.match(lines[number]):
                return number + 1
        for number in range(start + 1, len(lines)):
            if sub.match(lines[number]):
                return number + 1
    return start + 1


def find_top_level_line(source: str, key: str) -> int | None:
    """The line of a key set before the first [table] header."""
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*[=.]")
    for number, text in enumerate(source.splitlines()):
        if text.lstrip().startswith("["):
            return None
        if pattern.match(text):
            return number + 1
    return None


def _did_you_mean(name: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else f" (known: {', '.join(known)})"


class Reader:
    def __init__(self, path: str, source: str) -> None:
        self.path, self.source = path, source

    def only_known_keys(self, table: dict[str, Any], loc: Loc) -> None:
        """Refuse a key the table does not have, naming the nearest valid one."""
        known = KEYS[loc.table]
        for key in table:
            if key not in known:
                where = Loc(loc.table, loc.index, key)
                raise self.fail(where, f"unknown key{_did_you_mean(key, known)}")

    def only_known_tables(self, doc: dict[str, Any]) -> None:
        known = list(KEYS)
        for name, value in doc.items():
            if name in KEYS:
                continue
            hint = _did_you_mean(name, known)
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                line, what = find_line(self.source, Loc(name, 0)), f"[[{name}]]"
            elif isinstance(value, dict):
                line, what = find_line(self.source, Loc(name)), f"[{name}]"
            else:
                line, what = find_top_level_line(self.source, name), f"key {name}"
            if line is None:
                line = find_top_level_line(self.source, name)
            raise EventFileError(self.path, line, name, f"unknown {show.repr(what)[1:-1]}{hint}")

    def fail(self, loc: Loc, message: str) -> EventFileError:
        return EventFileError(self.path, find_line(self.source, loc), str(loc), message)

    def tables(self, doc: dict[str, Any], name: str) -> list[dict[str, Any]]:
        """The [[name]] array of tables (empty if absent); anything else is refused."""
        value = doc.get(name, [])
        if not isinstance(value, list):
            raise self.fail(Loc(name), f"expected [[{name}]] tables")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(Loc(name, i), f"expected [[{name}]] tables, got {show.repr(item)}")
        return value

    def table(self, doc: dict[str, Any], name: str) -> dict[str, Any]:
        value = doc.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(Loc(name), f"expected a [{name}] table, got {show.repr(value)}")
        return value

    def get(
        self,
        table: dict[str, Any],
        loc: Loc,
        convert: Callable[[Any], T],
        default: T | None = None,
        required: bool = True,
    ) -> T:
        assert loc.key is not None
        if loc.key not in table:
            if required and default is None:
                header = find_line(self.source, Loc(loc.table, loc.index))
                raise EventFileError(self.path, header, str(loc), f"missing field '{loc.key}'")
            return default  # type: ignore[return-value]
        try:
            return convert(table[loc.key])
        except (TypeError, ValueError, OverflowError) as exc:
            raise self.fail(loc, str(exc)) from None
