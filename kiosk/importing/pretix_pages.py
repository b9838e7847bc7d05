"""pretix's REST answers for `revokedsecrets` and `blockedsecrets`, saved as JSON: one page
(`{"count", "next", "previous", "results"}`) or a list of pages, read strictly and within
bounds. A blocked secret's result has `blocked` (and `updated`); a revoked one `created`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.store import pretix

MAX_FILE = 64 << 20  # a few hundred thousand secrets
MAX_PAGES = 10_000
_PAGE = frozenset({"count", "next", "previous", "results"})
_REVOKED = frozenset({"id", "secret", "created"})
_BLOCKED = frozenset({"id", "secret", "updated", "blocked"})


class PagesError(ValueError):
    """The file is not pretix's revoked/blocked secrets pages (one line, where and why)."""


@dataclass
class SecretPages:
    revoked: list[str] = field(default_factory=list)
    blocked: dict[str, bool] = field(default_factory=dict)  # secret -> blocked now


def read_pages(path: Path, blocked: bool = False) -> SecretPages:
    """The secrets of the saved pages; with `blocked`, every result is a blocked secret
    (pages of either endpoint, or both, may be mixed otherwise)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise PagesError(f"{path}: {size:,} bytes, more than {MAX_FILE >> 20} MB")
        data = json.loads(path.read_bytes())
    except OSError as exc:
        raise PagesError(f"{path}: {exc.strerror or exc}") from None
    except (ValueError, RecursionError):
        raise PagesError(f"{path}: not JSON") from None
    pages = data if isinstance(data, list) else [data]
    if len(pages) > MAX_PAGES:
        raise PagesError(f"{path}: more than {MAX_PAGES:,} pages")
    found = SecretPages()
    for number, page in enumerate(pages, 1):
        where = f"{path}: page {number}" if isinstance(data, list) else str(path)
        _read_page(page, where, blocked, found)
    return found


def _read_page(page: Any, where: str, blocked: bool, found: SecretPages) -> None:
    if not isinstance(page, dict) or set(page) != _PAGE:
        raise PagesError(f"{where}: not a page of pretix's API ({'/'.join(sorted(_PAGE))})")
    results = page["results"]
    if not isinstance(results, list):
        raise PagesError(f"{where}: 'results' is not a list")
    for index, result in enumerate(results, 1):
        secret, is_blocked = _result(result, f"{where}, result {index}", blocked)
        if is_blocked is None:
            found.revoked.append(secret)
        else:
            found.blocked[secret] = is_blocked
        if len(found.revoked) + len(found.blocked) > pretix.MAX_SECRETS:
            raise PagesError(f"{where}: more than {pretix.MAX_SECRETS:,} secrets")


def _result(result: Any, where: str, blocked: bool) -> tuple[str, bool | None]:
    """(secret, None) for a revoked one, (secret, blocked now) for a blocked one."""
    keys = set(result) if isinstance(result, dict) else set()
    if keys not in (_REVOKED, _BLOCKED):
        raise PagesError(
            f"{where}: expected id, secret and created (revoked) or updated and blocked"
        )
    secret = result["secret"]
    if not isinstance(secret, str) or not secret.strip() or len(secret) > pretix.MAX_SECRET:
        raise PagesError(f"{where}: the secret is not a short text")
    if not secret.isprintable() or secret != secret.strip():
        raise PagesError(f"{where}: the secret holds spaces or control characters")
    if keys == _BLOCKED:
        if type(result["blocked"]) is not bool:
            raise PagesError(f"{where}: 'blocked' is not true or false")
        return secret, result["blocked"]
    return secret, True if blocked else None
