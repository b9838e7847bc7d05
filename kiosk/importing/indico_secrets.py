"""Indico's check-in API responses, saved as JSON: each registration's check-in secret.

Indico serves the secrets (a registration's ``ticket_uuid``, the UUID in its ticket QR) to
check-in apps, from `indico/modules/events/registration/controllers/api/`:

- ``GET /api/checkin/event/<event>/forms/<form>/registrations/`` (the current app): a JSON
  list of ``{"id": 42, "regform_id": 7, "event_id": 1234, "full_name": "Ada Lovelace",
  "email": "ada@example.org", "state": "complete", "checked_in": false,
  "checkin_secret": "9982be4e-32cf-4656-a781-62ad45609d12", "tags": [...], ...}``;
  ``state`` is one of complete, pending, rejected, withdrawn, unpaid; withdrawn and
  rejected registrations are listed too (not deleted ones).
- ``GET /api/events/<event>/registrants`` (deprecated): ``{"registrants": [{"registrant_id":
  "42", "checkin_secret": "...", "full_name": "...", "checked_in": false, "personal_data":
  {"email": "...", "firstName": "...", "surname": "..."}, "tags": [...]}]}``, active
  registrations only.

``id``/``registrant_id`` is the registration's database id, which the spreadsheet export
does not show (its ``ID`` column is the per-event friendly id): the two meet on the e-mail
address, which Indico keeps unique among a form's active registrations.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.domain.indico import Origin, canonical_uuid
from kiosk.domain.text import fold
from kiosk.importing.sources import ImportFileError

MAX_FILE_BYTES = 64 << 20  # a 20,000-registration response is ~20 MB
MAX_LISTED = 5  # problems named in the one-line refusal; the rest are counted
STATES = frozenset({"complete", "pending", "rejected", "withdrawn", "unpaid"})


@dataclass(frozen=True)
class Secret:
    ticket_uuid: str
    email: str  # folded, the join key
    full_name: str
    state: str | None  # None: the deprecated API (active registrations only)
    where: str  # "checkin.json, registration 42", for messages


@dataclass
class Secrets:
    """Every secret of the given files, by folded e-mail; `claimed` as rows take them."""

    origin: Origin
    by_email: dict[str, list[Secret]] = field(default_factory=dict)
    claimed: set[str] = field(default_factory=set)  # ticket UUIDs
    count: int = 0

    def unclaimed(self) -> list[Secret]:
        return [
            s
            for group in self.by_email.values()
            for s in group
            if s.ticket_uuid not in self.claimed
        ]


def load_secrets(paths: Sequence[Path], origin: Origin) -> Secrets:
    """Read check-in API responses (all or nothing). ImportFileError, one line, naming the
    first problems: unreadable JSON, another event's registrations, a malformed or
    repeated secret."""
    secrets = Secrets(origin)
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        for secret in _entries(path, origin, problems):
            if secret.ticket_uuid in seen:
                problems.append(f"{secret.where}: secret also in {seen[secret.ticket_uuid]}")
                continue
            seen[secret.ticket_uuid] = secret.where
            secrets.by_email.setdefault(secret.email, []).append(secret)
            secrets.count += 1
    if problems:
        more = len(problems) - MAX_LISTED
        raise ImportFileError(
            "check-in secrets refused, nothing was imported: "
            + "; ".join(problems[:MAX_LISTED])
            + (f"; and {more:,} more" if more > 0 else "")
        )
    if not secrets.count:
        raise ImportFileError(
            f"{', '.join(map(str, paths))}: no registrations in the check-in JSON"
        )
    return secrets


def _entries(path: Path, origin: Origin, problems: list[str]) -> list[Secret]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(f"{path}: {size:,} bytes is too large for a check-in response")
        data = json.loads(path.read_bytes())
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{path}: not JSON ({str(exc)[:120]})") from None
    if isinstance(data, dict) and isinstance(data.get("registrants"), list):
        items, legacy = data["registrants"], True
    elif isinstance(data, list):
        items, legacy = data, False
    else:
        raise ImportFileError(
            f"{path}: not a check-in API response (expected the list from "
            '/api/checkin/event/ID/forms/FORM/registrations/ or {"registrants": [...]})'
        )
    found = []
    for number, item in enumerate(items, 1):
        secret = _secret(path, number, item, legacy, origin, problems)
        if secret is not None:
            found.append(secret)
    return found


def _secret(
    path: Path, number: int, item: Any, legacy: bool, origin: Origin, problems: list[str]
) -> Secret | None:
    if not isinstance(item, dict):
        problems.append(f"{path.name}, entry {number}: not an object")
        return None
    reg_id = item.get("registrant_id" if legacy else "id")
    where = f"{path.name}, registration {str(reg_id)[:20]}"
    details = item.get("personal_data") if legacy else item
    email = details.get("email") if isinstance(details, dict) else None
    name, state = item.get("full_name", ""), None if legacy else item.get("state")
    if not legacy:
        event_id = item.get("event_id")
        if type(event_id) is not int or str(event_id) != origin.event_id:
            problems.append(f"{where}: of Indico event {str(event_id)[:20]}, not {origin.event_id}")
            return None
        if state not in STATES:
            problems.append(f"{where}: unknown state {str(state)[:20]!r}")
            return None
    if not isinstance(email, str) or not email.strip() or len(email) > 320:
        problems.append(f"{where}: no e-mail address")
        return None
    if not isinstance(name, str):
        name = ""
    try:
        ticket = canonical_uuid(item.get("checkin_secret"))
    except (ValueError, TypeError):
        problems.append(f"{where}: checkin_secret is not a UUID")
        return None
    return Secret(ticket, fold(email.strip()), name[:200], state, where)
