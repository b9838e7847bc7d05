"""A real-shaped Indico event for tests: its registration export (CSV, XLSX), its check-in
API responses and its ticket QR texts, each written the way Indico writes it.

Indico's rules, from its source (indico/util/spreadsheets.py, registration/util.py,
registration/schemas.py): the export's CSV is UTF-8 with a BOM from csv.writer, booleans
"Yes"/"No", lists joined with "; ", a leading = + @ - stripped; the XLSX keeps numbers,
booleans and dates typed; the QR is compact JSON of {"i": [2, BASE_URL without https://,
base64 of the ticket UUID's 16 bytes]}.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import re
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl

BASE_URL = "https://indico.example.org"
EVENT_ID = 1234
EVENT_URL = f"{BASE_URL}/event/{EVENT_ID}/"
REGFORM_ID = 7
HEADERS = [
    "ID", "Name", "Title", "First Name", "Last Name", "Email Address", "Affiliation",
    "Position", "Country", "Dietary requirements", "Registration date", "Registration state",
    "Tags", "Checked in",
]  # fmt: skip
_STATE_TITLES = {
    "complete": "Completed",
    "pending": "Pending",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "unpaid": "Awaiting payment",
}


@dataclass(frozen=True)
class Registration:
    friendly_id: int  # the export's ID
    db_id: int  # the check-in API's id
    first: str
    last: str
    email: str
    affiliation: str
    position: str
    state: str  # the API's name: complete, withdrawn...
    tags: tuple[str, ...]
    ticket_uuid: str
    title: str = ""
    checked_in: bool = False


def _uuid(n: int) -> str:
    return str(uuid.UUID(int=(0x9982BE4E32CF4656A78162AD45609D00 + n) ^ (n << 70)))


REGISTRATIONS = (
    Registration(1, 501, "Ada", "Lovelace", "ada@example.org", "Analytical Engines Ltd",
                 "Countess", "complete", ("Delegate",), _uuid(1), title="Dr"),
    Registration(2, 502, "Núria", "Puig i Solé", "nuria@example.es", "Fira de Barcelona",
                 "Directora", "complete", ("Visitor", "Press"), _uuid(2)),
    Registration(3, 503, "伟", "张", "zhang.wei@example.cn", "华为", "工程师", "complete",
                 ("Staff",), _uuid(3), checked_in=True),
    Registration(4, 504, "Jürgen", "Groß", "jurgen@example.de", "INTEX", "", "withdrawn",
                 ("Delegate",), _uuid(4)),
    Registration(5, 505, "Jürgen", "Groß", "jurgen@example.de", "INTEX", "CTO", "complete",
                 ("Delegate",), _uuid(5)),
    Registration(6, 506, "Carl", "Rejected", "carl@example.com", "Y Corp", "",
                 "rejected", ("Delegate",), _uuid(6)),
    Registration(7, 507, "Mia", "Neu", "mia@example.de", "", "", "unpaid", ("Delegate",),
                 _uuid(7)),
)  # fmt: skip


def by_name(first: str, state: str = "complete") -> Registration:
    return next(r for r in REGISTRATIONS if r.first == first and r.state == state)


def _cells(r: Registration) -> list[Any]:
    submitted = dt.datetime(2026, 9, 1, 8, r.friendly_id, tzinfo=dt.UTC)
    return [
        r.friendly_id, f"{r.first} {r.last}", r.title, r.first, r.last, r.email,
        r.affiliation, r.position, "Spain" if r.friendly_id == 2 else "", "",
        submitted, _STATE_TITLES[r.state], list(r.tags), r.checked_in,
    ]  # fmt: skip


def _csv_cell(value: Any) -> str:
    # indico.util.spreadsheets._prepare_csv_data
    if isinstance(value, list):
        value = "; ".join(value)
    elif isinstance(value, bool):
        value = "Yes" if value else "No"
    return re.sub(r"^[=+@-]+", "", re.sub(r"(\r?\n)+", "    ", str(value)))


def write_csv(path: Path, registrations: tuple[Registration, ...] = REGISTRATIONS) -> Path:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(HEADERS)
    for r in registrations:
        writer.writerow([_csv_cell(v) for v in _cells(r)])
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return path


def write_xlsx(path: Path, registrations: tuple[Registration, ...] = REGISTRATIONS) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for r in registrations:
        cells = _cells(r)
        cells[10] = cells[10].replace(tzinfo=None)  # xlsxwriter writes local wall time
        cells[12] = "; ".join(cells[12])
        sheet.append(cells)
    book.save(path)
    return path


def checkin_json(registrations: tuple[Registration, ...] = REGISTRATIONS) -> list[dict[str, Any]]:
    """GET /api/checkin/event/1234/forms/7/registrations/ (CheckinRegistrationSchema)."""
    return [
        {
            "id": r.db_id, "regform_id": REGFORM_ID, "event_id": EVENT_ID,
            "full_name": f"{r.title} {r.first} {r.last}".strip(), "email": r.email,
            "state": r.state, "checked_in": r.checked_in, "checked_in_dt": None,
            "checkin_secret": r.ticket_uuid, "is_paid": False, "price": 0.0,
            "payment_date": None, "currency": "EUR", "formatted_price": "€0.00",
            "tags": [{"id": i, "title": t, "color": "blue"} for i, t in enumerate(r.tags, 1)],
            "occupied_slots": 1, "registration_date": "2026-09-01T08:00:00+00:00",
            "personal_data_picture": None,
        }
        for r in registrations
    ]  # fmt: skip


def legacy_json(registrations: tuple[Registration, ...] = REGISTRATIONS) -> dict[str, Any]:
    """GET /api/events/1234/registrants (deprecated): active registrations only."""
    active = [r for r in registrations if r.state in ("complete", "unpaid")]
    return {
        "registrants": [
            {
                "registrant_id": str(r.db_id), "checked_in": r.checked_in,
                "checkin_secret": r.ticket_uuid, "full_name": f"{r.title} {r.first} {r.last}",
                "personal_data": {
                    "email": r.email, "firstName": r.first, "surname": r.last,
                    "affiliation": r.affiliation, "position": r.position, "country": "",
                    "country_code": "", "phone": "", "title": r.title,
                },
                "tags": sorted(r.tags),
            }
            for r in active
        ]
    }  # fmt: skip


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def qr_v2(r: Registration, base_url: str = BASE_URL, companion: str | None = None) -> str:
    """get_ticket_qr_code_data + generate_ticket_qr_code: compact JSON."""

    def b64(value: str) -> str:
        return base64.b64encode(uuid.UUID(value).bytes).decode("ascii")

    items: list[object] = [2, base_url.removeprefix("https://"), b64(r.ticket_uuid)]
    if companion is not None:
        items.append(b64(companion))
    return json.dumps({"i": items}, separators=(",", ":"))


def qr_v1(r: Registration, event_id: int = EVENT_ID, base_url: str = BASE_URL) -> str:
    """Indico before 3.3 (json.dumps with default separators)."""
    return json.dumps({
        "registrant_id": r.db_id, "registration_id": r.db_id, "regform_id": REGFORM_ID,
        "checkin_secret": r.ticket_uuid, "event_id": str(event_id), "server_url": base_url,
        "version": 1,
    })  # fmt: skip


def withdrawn(r: Registration) -> Registration:
    return replace(r, state="withdrawn")
