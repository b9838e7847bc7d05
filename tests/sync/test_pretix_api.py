"""The pretix API client against a hostile server (a real HTTP server on loopback serving
crafted answers): the token stays on the server asked, answers are bounded, and every
failure is one PretixApiError line."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator

import pytest

from kiosk.sync import pretix_api
from kiosk.sync.pretix_api import Cursors, PretixApiError, PretixClient

EVENT = "/api/v1/organizers/o/events/e/"
Answer = tuple[int, dict[str, str], bytes]


def page(results: list[object], next_url: str | None = None) -> Answer:
    body = {"count": len(results), "next": next_url, "previous": None, "results": results}
    return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()


@pytest.fixture
def hostile() -> Iterator[Callable[[dict[str, Answer]], str]]:
    """A server answering each path (without the query) as told; 404 for others. Records
    the Authorization headers it was sent."""
    routes: dict[str, Answer] = {}
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("Authorization", ""))
            status, headers, body = routes.get(self.path.split("?")[0], (404, {}, b"{}"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def serve(answers: dict[str, Answer]) -> str:
        routes.clear()
        routes.update(answers)
        return base

    serve.seen = seen  # type: ignore[attr-defined]
    yield serve
    server.shutdown()
    thread.join()


def event_answers(**override: Answer) -> dict[str, Answer]:
    event = {"slug": "e", "valid_keys": {"pretix_sig1": []}}
    answers = {
        EVENT: (200, {}, json.dumps(event).encode()),
        EVENT + "items/": page([]),
        EVENT + "orders/": page([]),
        EVENT + "revokedsecrets/": page([]),
        EVENT + "blockedsecrets/": page([]),
    }
    answers.update(
        {EVENT + k.replace("_", "") + "/" if k else EVENT: v for k, v in override.items()}
    )
    return answers


def pull(base: str) -> pretix_api.Pulled:
    with PretixClient(base, "o", "e", "secret-token") as client:
        return client.pull(Cursors())


def test_a_well_formed_empty_event_pulls(hostile: Callable[[dict[str, Answer]], str]) -> None:
    """The baseline the hostile cases depart from: an empty event pulls, nothing in it."""
    pulled = pull(hostile(event_answers()))
    assert (pulled.orders, pulled.revoked, pulled.blocked, pulled.valid_keys) == ([], [], {}, [])


def test_a_next_link_off_the_server_is_not_followed(
    hostile: Callable[[dict[str, Answer]], str],
) -> None:
    """A page whose next link points at another host is refused: the token is never sent
    there."""
    base = hostile(event_answers(orders=page([], "http://evil.example/steal")))
    with pytest.raises(PretixApiError, match="a link off"):
        pull(base)
    assert all(a in ("Token secret-token", "") for a in hostile.seen)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("answer", "fragment"),
    [
        ((302, {"Location": "http://evil.example/"}, b""), "HTTP 302"),
        ((500, {}, b"oops"), "HTTP 500"),
        ((200, {}, b"<html>login</html>"), "not JSON"),
        ((200, {}, b"[" * 100_000), "not JSON"),
        ((200, {}, b'{"results": "x"}'), "not a page of pretix results"),
        ((200, {}, b'{"results": [1, 2]}'), "not a page of pretix results"),
        ((200, {}, json.dumps({"results": [], "next": 5}).encode()), "next link is not text"),
    ],
)
def test_broken_pages_are_one_line(
    hostile: Callable[[dict[str, Answer]], str], answer: Answer, fragment: str
) -> None:
    """Redirects, server errors, HTML, deep nesting, pages of the wrong shape: one line."""
    with pytest.raises(PretixApiError, match=fragment) as caught:
        pull(hostile(event_answers(orders=answer)))
    assert "\n" not in str(caught.value)


def test_an_oversized_answer_is_cut_off(
    hostile: Callable[[dict[str, Answer]], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer over the page bound is refused while it streams in."""
    monkeypatch.setattr(pretix_api, "MAX_PAGE_BYTES", 10_000)
    big = page([{"secret": "x" * 100, "id": i} for i in range(500)])
    with pytest.raises(PretixApiError, match="response over 10,000 bytes"):
        pull(hostile(event_answers(revoked_secrets=big)))


def test_bad_keys_and_events(hostile: Callable[[dict[str, Answer]], str]) -> None:
    """An event without a slug, valid_keys that are not a list of text: one line each."""
    with pytest.raises(PretixApiError, match="not a pretix event"):
        pull(hostile(event_answers(**{"": (200, {}, b"[]")})))
    keys = json.dumps({"slug": "e", "valid_keys": {"pretix_sig1": [1]}}).encode()
    with pytest.raises(PretixApiError, match="valid_keys"):
        pull(hostile(event_answers(**{"": (200, {}, keys)})))


@pytest.mark.parametrize(
    ("url", "organizer", "token", "fragment"),
    [
        ("ftp://x", "o", "t", "expected https://"),
        ("http://127.0.0.1:1", "o/../x", "t", "short name"),
        ("http://127.0.0.1:1", "o", "", "no usable API token"),
        ("http://127.0.0.1:1", "o", "t\n", "no usable API token"),
    ],
)
def test_bad_arguments(url: str, organizer: str, token: str, fragment: str) -> None:
    """A URL that is not http(s), a slug that would leave the API's path, a bad token."""
    with pytest.raises(PretixApiError, match=fragment):
        PretixClient(url, organizer, "e", token)
