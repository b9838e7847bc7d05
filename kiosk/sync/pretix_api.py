"""pretix's REST API, read as `kiosk pretix pull` needs it: one event's detail (its
valid_keys), products, orders with their positions, revoked and blocked secrets.

Pages are followed by pretix's `next` links, which must stay on the server asked (the
token is never sent elsewhere; redirects are not followed). Each response is bounded in
size and time, every object count is bounded, and what goes wrong is one line.
Incremental: orders `modified_since` the previous run's X-Page-Generated time, revoked
secrets `created_since` and blocked ones `updated_since` the latest seen before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_PAGE_BYTES = 32 << 20  # pretix pages hold 50 objects; a page of 50 orders is < 1 MB
MAX_OBJECTS = 2_000_000  # orders, positions or secrets in one pull
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$")
Progress = Callable[[str, int, int], None]  # (what, fetched so far, total or 0)


class PretixApiError(Exception):
    """The server could not be read as pretix's API; the message says why, in one line."""


@dataclass(frozen=True)
class Cursors:
    """Where the previous pull ended (pretix's own times, ISO 8601); None: from the start."""

    orders: str | None = None
    revoked: str | None = None
    blocked: str | None = None


@dataclass
class Pulled:
    event: dict[str, Any]
    items: list[dict[str, Any]]
    orders: list[dict[str, Any]]
    revoked: list[str]
    blocked: dict[str, bool]  # secret -> blocked now (False: a block lifted)
    cursors: Cursors
    requests: int = 0
    valid_keys: list[str] = field(default_factory=list)


def _check_slug(value: str, what: str) -> str:
    if not _SLUG.match(value):
        raise PretixApiError(f"{what} {value[:60]!r} is not a pretix short name")
    return value


class PretixClient:
    def __init__(
        self,
        url: str,
        organizer: str,
        event: str,
        token: str,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PretixApiError(f"--url {url[:80]!r}: expected https://pretix.example.org")
        if not token or not token.isprintable() or len(token) > 200:
            raise PretixApiError("no usable API token (--token or PRETIX_TOKEN)")
        self.base = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
        org, ev = _check_slug(organizer, "--organizer"), _check_slug(event, "--event")
        self.event_url = f"{self.base}/api/v1/organizers/{quote(org)}/events/{quote(ev)}/"
        self.requests = 0
        self._client = httpx.Client(
            headers={"Authorization": f"Token {token}", "Accept": "application/json"},
            timeout=TIMEOUT,
            follow_redirects=False,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PretixClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _get(self, url: str, params: dict[str, str] | None = None) -> tuple[Any, httpx.Headers]:
        if not url.startswith(self.base + "/"):
            raise PretixApiError(f"the server sent a link off {self.base}: {url[:80]!r}")
        shown = url.removeprefix(self.base)
        self.requests += 1
        try:
            with self._client.stream("GET", url, params=params) as response:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_PAGE_BYTES:
                        raise PretixApiError(f"{shown}: response over {MAX_PAGE_BYTES:,} bytes")
                status, headers = response.status_code, response.headers
        except httpx.TimeoutException:
            raise PretixApiError(f"{self.base}: no answer in time ({shown})") from None
        except httpx.TransportError as exc:
            why = str(exc) or type(exc).__name__
            raise PretixApiError(f"cannot reach {self.base} ({why})") from None
        if status == 401:
            raise PretixApiError(f"{self.base} refused the API token (HTTP 401): check --token")
        if status == 403:  # pretix answers so for an event that is not there, too
            raise PretixApiError(
                f"{shown}: not allowed (HTTP 403): no such organiser or event, or the token's "
                "team may not read its orders"
            )
        if status == 404:
            raise PretixApiError(f"{shown}: not found on {self.base} (HTTP 404): check "
                                 "--organizer and --event")  # fmt: skip
        if status != 200:
            raise PretixApiError(f"{shown}: HTTP {status} from {self.base}")
        try:
            return json.loads(bytes(body)), headers
        except (ValueError, RecursionError):
            pass
        raise PretixApiError(f"{shown}: the answer is not JSON; is {self.base} pretix?")

    def _pages(
        self, path: str, params: dict[str, str], what: str, progress: Progress | None
    ) -> Iterator[tuple[list[dict[str, Any]], httpx.Headers]]:
        url: str | None = self.event_url + path
        query: dict[str, str] | None = params
        fetched = 0
        while url is not None:
            page, headers = self._get(url, query)
            results = page.get("results") if isinstance(page, dict) else None
            if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
                raise PretixApiError(f"{path}: not a page of pretix results")
            fetched += len(results)
            if fetched > MAX_OBJECTS:
                raise PretixApiError(f"{path}: more than {MAX_OBJECTS:,} objects")
            count = page.get("count")
            if progress is not None:
                progress(what, fetched, count if isinstance(count, int) else 0)
            yield results, headers
            following = page.get("next")
            if following is not None and not isinstance(following, str):
                raise PretixApiError(f"{path}: a page's next link is not text")
            url, query = following, None

    def pull(self, since: Cursors, progress: Progress | None = None) -> Pulled:
        """Everything new since `since`; PretixApiError (one line) if anything fails."""
        event, _ = self._get(self.event_url)
        if not isinstance(event, dict) or "slug" not in event:
            raise PretixApiError(f"{self.event_url}: not a pretix event")
        keys = event.get("valid_keys") or {}
        valid = keys.get("pretix_sig1", []) if isinstance(keys, dict) else []
        if not isinstance(valid, list) or not all(isinstance(k, str) for k in valid):
            raise PretixApiError("the event's valid_keys are not a list of keys")
        items = [i for page, _ in self._pages("items/", {}, "products", progress) for i in page]
        params = {"include_canceled_positions": "true", "ordering": "datetime"}
        if since.orders:
            params["modified_since"] = since.orders
        orders: list[dict[str, Any]] = []
        orders_cursor = since.orders
        for number, (page, headers) in enumerate(
            self._pages("orders/", params, "orders", progress)
        ):
            if number == 0:  # pretix: the time the first page was made, for the next run
                orders_cursor = headers.get("X-Page-Generated") or orders_cursor
            orders.extend(page)
        revoked, revoked_cursor = self._secrets("revokedsecrets/", "created", since.revoked,
                                                progress)  # fmt: skip
        blocked_rows, blocked_cursor = self._secrets("blockedsecrets/", "updated", since.blocked,
                                                     progress)  # fmt: skip
        return Pulled(
            event=event,
            items=items,
            orders=orders,
            revoked=[str(r.get("secret", "")) for r in revoked],
            blocked={str(r.get("secret", "")): r.get("blocked") is True for r in blocked_rows},
            cursors=Cursors(orders_cursor, revoked_cursor, blocked_cursor),
            requests=self.requests,
            valid_keys=list(valid),
        )

    def _secrets(
        self, path: str, stamp: str, since: str | None, progress: Progress | None
    ) -> tuple[list[dict[str, Any]], str | None]:
        params = {f"{stamp}_since": since} if since else {}
        pages = self._pages(path, params, path.rstrip("/"), progress)
        rows = [r for page, _ in pages for r in page]
        stamps = [r[stamp] for r in rows if isinstance(r.get(stamp), str)]
        return rows, max(stamps, default=since)
