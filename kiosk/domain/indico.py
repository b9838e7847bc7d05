"""Indico tickets: the QR text Indico prints on a ticket, read strictly into its lookup key.

Formats, from Indico's source (github.com/indico/indico, checked at b8f1fde, 2026-08):

- Ticket QR, version 2 (Indico 3.3, January 2024, `get_ticket_qr_code_data` in
  `indico/modules/events/registration/util.py`): compact JSON,
  ``{"i":[2,"indico.cern.ch","mYK+TjLPRlangWKtRWCdEg=="]}`` -- the format version, the
  server's BASE_URL with ``https://`` removed (``http://`` stays, a path may follow the
  host), and standard base64 (padded) of the 16 bytes of the registration's
  ``ticket_uuid``. A fourth element, base64 of another UUID, marks the ticket of an
  accompanying person of that registration. Plugins may add other keys beside ``"i"``
  (the site-access plugin does). The QR names no event: a ticket UUID is unique per server.
- Ticket QR, version 1 (before): ``json.dumps`` of ``{"registrant_id": ...,
  "regform_id": ..., "checkin_secret": "<ticket_uuid as text>", "event_id": "1234",
  "server_url": "https://indico.cern.ch", "version": 1}``; an accompanying person's ticket
  has an empty ``checkin_secret`` (their check-in was not supported).
- Not signed: Indico's check-in app looks the UUID up online (``/api/checkin/ticket/<uuid>``).
  kiosk looks it up in its local list instead, so a ticket only works after an import.

The stored ticket code of an imported Indico registration is
``indico:<ticket uuid>@<server>/event/<event id>``: the UUID first, so a scan finds it by a
range on the ticket-code index; the origin after it, so every kiosk that receives the
attendee list also knows which Indico event it came from and can tell another event's
ticket from an unknown one.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

MAX_TEXT = 1024  # a version-2 ticket is ~70 characters; plugins add a key or two
MAX_BRACKETS = 16  # nesting and containers: refused before the JSON parser recurses
MAX_SERVER = 64  # keeps a stored ticket code within the 128 characters of a ticket code
PREFIX = "indico:"
# Used with fullmatch (a "$" would let a trailing newline through).
_SERVER = re.compile(r"(http://)?[a-z0-9][a-z0-9.\-]*(:[0-9]{1,5})?(/[A-Za-z0-9._\-]+)*")
_EVENT_ID = re.compile(r"[0-9]{1,12}")
_EVENT_URL = re.compile(r"(?P<server>[^\s]+?)/event/(?P<event>[0-9]{1,12})(/[^\s]*)?")


class IndicoCodeError(ValueError):
    """Text that claims to be an Indico ticket but is not a valid one; `reason` is the
    machine reason the door shows ("malformed")."""

    def __init__(self, detail: str, reason: str = "malformed") -> None:
        super().__init__(detail)
        self.reason = reason


@dataclass(frozen=True)
class Origin:
    """The Indico event a registration belongs to: server as the QR writes it, event id."""

    server: str
    event_id: str


@dataclass(frozen=True)
class IndicoTicket:
    ticket_uuid: str  # canonical text: lower-case, hyphenated
    server: str
    event_id: str | None  # version 1 only
    companion: str | None = None  # an accompanying person's UUID: not an imported row


def normal_server(text: str) -> str:
    """'https://Indico.CERN.ch/' -> 'indico.cern.ch', as Indico's QR writes it; ValueError
    for anything that is not a plain server address."""
    server, scheme = text, ""  # no strip: a QR with white space is not Indico's
    if server[:8].lower() == "https://":
        server = server[8:]
    elif server[:7].lower() == "http://":
        server, scheme = server[7:], "http://"
    host, slash, path = server.rstrip("/").partition("/")
    server = scheme + host.lower() + slash + path
    if not server or len(server) > MAX_SERVER or not _SERVER.fullmatch(server):
        raise ValueError(f"not an Indico server address: {text[:80]!r}")
    return server


def event_origin(url: str) -> Origin:
    """'https://indico.cern.ch/event/1234/' -> Origin('indico.cern.ch', '1234')."""
    found = _EVENT_URL.fullmatch(url.strip())
    if found is None:
        raise ValueError(
            f"{url[:80]!r} is not an Indico event address like https://indico.example.org/event/1234/"
        )
    return Origin(normal_server(found["server"]), found["event"])


def ticket_code(ticket_uuid: str, origin: Origin) -> str:
    """The stored ticket code: 'indico:<uuid>@<server>/event/<id>'."""
    return f"{PREFIX}{canonical_uuid(ticket_uuid)}@{origin.server}/event/{origin.event_id}"


def code_origin(code: str) -> Origin | None:
    """The origin written in a stored Indico ticket code, or None for any other code."""
    if not code.startswith(PREFIX):
        return None
    _, at, rest = code.partition("@")
    server, sep, event_id = rest.rpartition("/event/")
    if not at or not sep or not _EVENT_ID.fullmatch(event_id):
        return None
    return Origin(server, event_id)


def canonical_uuid(text: object) -> str:
    """'9982BE4E-32CF-...' -> '9982be4e-32cf-...'; ValueError unless hyphenated hex."""
    if not isinstance(text, str) or len(text) != 36:
        raise ValueError(f"not a ticket UUID: {str(text)[:40]!r}")
    value = str(uuid.UUID(text))
    if value != text.lower():
        raise ValueError(f"not a ticket UUID: {text!r}")
    return value


def looks_like_ticket(text: str) -> bool:
    """Cheap test before parsing: a JSON object naming one of Indico's ticket keys."""
    return text[:1] == "{" and text[-1:] == "}" and ('"i"' in text or '"checkin_secret"' in text)


def parse_ticket(text: str) -> IndicoTicket:
    """The ticket in an Indico QR text (version 2 or 1). IndicoCodeError for anything else:
    too long, too deeply nested, duplicate keys, wrong types, wrong lengths."""
    if len(text) > MAX_TEXT:
        raise IndicoCodeError("too long for an Indico ticket", "too_long")
    if text.count("[") + text.count("{") > MAX_BRACKETS:
        raise IndicoCodeError("too deeply nested for an Indico ticket")
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        raise IndicoCodeError(f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise IndicoCodeError("not a JSON object")
    if "i" in data and "checkin_secret" in data:
        raise IndicoCodeError("both ticket formats at once")
    if "i" in data:
        return _version_2(data["i"])
    if "checkin_secret" in data:
        return _version_1(data)
    raise IndicoCodeError("no Indico ticket keys")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key appears twice")
    return dict(pairs)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _version_2(items: Any) -> IndicoTicket:
    if not isinstance(items, list) or not 3 <= len(items) <= 4:
        raise IndicoCodeError('"i" is not a list of 3 or 4 items')
    version = items[0]
    if type(version) is not int or version != 2:
        raise IndicoCodeError(f"unknown Indico ticket version {str(version)[:20]!r}")
    if not isinstance(items[1], str):
        raise IndicoCodeError("the server is not text")
    try:
        server = normal_server(items[1])
    except ValueError as exc:
        raise IndicoCodeError(str(exc)) from None
    ticket = _b64_uuid(items[2])
    companion = _b64_uuid(items[3]) if len(items) == 4 else None
    return IndicoTicket(ticket, server, None, companion)


def _b64_uuid(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 24:
        raise IndicoCodeError("a UUID is not 24 characters of base64")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise IndicoCodeError("a UUID is not base64") from None
    if len(raw) != 16 or base64.b64encode(raw).decode() != value:
        raise IndicoCodeError("a UUID is not 16 bytes in canonical base64")
    return str(uuid.UUID(bytes=raw))


def _version_1(data: dict[str, Any]) -> IndicoTicket:
    version = data.get("version", 1)
    if type(version) is not int or version != 1:
        raise IndicoCodeError(f"unknown Indico ticket version {str(version)[:20]!r}")
    secret, server, event_id = data["checkin_secret"], data.get("server_url"), data.get("event_id")
    if not isinstance(server, str):
        raise IndicoCodeError("server_url is not text")
    if type(event_id) is int and event_id >= 0:
        event_id = str(event_id)
    if not isinstance(event_id, str) or not _EVENT_ID.fullmatch(event_id):
        raise IndicoCodeError("event_id is not an event number")
    try:
        origin_server = normal_server(server)
    except ValueError as exc:
        raise IndicoCodeError(str(exc)) from None
    if secret == "":
        # Indico wrote an empty secret on accompanying persons' version-1 tickets.
        registrant = data.get("registrant_id")
        return IndicoTicket("", origin_server, event_id, str(registrant)[:40] or "?")
    try:
        ticket = canonical_uuid(secret)
    except ValueError as exc:
        raise IndicoCodeError(str(exc)) from None
    return IndicoTicket(ticket, origin_server, event_id)
