"""Finding the columns: pretix, Eventbrite, generic and Chinese headers, and --map overrides."""

from __future__ import annotations

import pytest

from kiosk.importing.columns import ColumnError, header_key, parse_map_options, resolve_columns

PRETIX = [
    "Order code", "Position ID", "Status", "Email", "Product", "Attendee name",
    "Attendee name: Given name", "Attendee name: Family name", "Attendee email", "Company",
    "Secret",
]  # fmt: skip
EVENTBRITE = [
    "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
    "Attendee #", "Barcode #", "Attendee Status", "Company", "Job Title",
]  # fmt: skip


def fields(headers: list[str], overrides: dict[str, str] | None = None) -> dict[str, str]:
    found = resolve_columns(headers, overrides or {})
    return {name: headers[i] for name, i in found.index.items()}


def test_header_key_ignores_case_accents_spaces_and_punctuation() -> None:
    """'E-Mail', 'e_mail ' and 'É-mail' are one header; '#' reads as 'number'."""
    assert [header_key(h) for h in ("E-Mail", "e_mail ", "É-mail", "Order #", "姓 名")] == [
        "email",
        "email",
        "email",
        "ordernumber",
        "姓名",
    ]


def test_pretix_positions_export() -> None:
    """pretix: id from order code + position, attendee e-mail over the buyer's, name parts."""
    found = resolve_columns(PRETIX, {})
    assert (found.order_and_position, fields(PRETIX)) == (
        (0, 1),
        {
            "first_name": "Attendee name: Given name",
            "last_name": "Attendee name: Family name",
            "name": "Attendee name",
            "email": "Attendee email",
            "company": "Company",
            "type": "Product",
            "ticket_code": "Secret",
            "status": "Status",
        },
    )


def test_eventbrite_attendee_report() -> None:
    """Eventbrite: Attendee # is the id, Barcode # the ticket code, Attendee Status the status."""
    assert fields(EVENTBRITE) == {
        "id": "Attendee #",
        "first_name": "First Name",
        "last_name": "Last Name",
        "email": "Email",
        "company": "Company",
        "type": "Ticket Type",
        "ticket_code": "Barcode #",
        "position": "Job Title",
        "status": "Attendee Status",
    }


def test_chinese_headers() -> None:
    """编号, 姓名, 邮箱, 单位, 票种, 票号 map to id, name, email, company, type, ticket code."""
    assert fields(["编号", "姓名", "邮箱", "单位", "票种", "票号", "备注"]) == {
        "id": "编号",
        "name": "姓名",
        "email": "邮箱",
        "company": "单位",
        "type": "票种",
        "ticket_code": "票号",
    }


def test_map_overrides_and_ignores() -> None:
    """--map picks a column by its header (any case); 'field=' leaves a field out."""
    headers = ["Badge", "Vorname", "Nachname", "E-Mail-Adresse", "Firma", "Kategorie"]
    options = ["ID=badge", "email=E-Mail-Adresse", "company=", "type=Kategorie"]
    overrides = parse_map_options(options)
    assert fields(headers, overrides) == {
        "id": "Badge",
        "first_name": "Vorname",
        "last_name": "Nachname",
        "email": "E-Mail-Adresse",
        "type": "Kategorie",
    }


def test_cancelled_column_is_a_flag() -> None:
    """A column headed 'Cancelled' holds yes/no flags, a 'Status' column words."""
    assert (
        resolve_columns(["id", "Cancelled"], {}).status_is_flag,
        resolve_columns(["id", "Status"], {}).status_is_flag,
    ) == (True, False)


def test_no_id_column_lists_the_headers_and_the_map_syntax() -> None:
    """Without an id column the error names every header and how to choose one."""
    with pytest.raises(ColumnError) as caught:
        resolve_columns(["Name", "Mail"], {})
    assert str(caught.value) == (
        'no id column found; the columns are: "Name", "Mail". Name the one that identifies '
        'each attendee with --map id="HEADER" (fields for --map: id, first_name, last_name, '
        "name, email, company, type, ticket_code, position, status, seat, card_uid, note)"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["nonsense"], "expected --map FIELD=HEADER"),
        (["colour=Farbe"], "expected --map FIELD=HEADER"),
    ],
)
def test_malformed_map_options(options: list[str], message: str) -> None:
    """A --map without '=' or with an unknown field is refused."""
    with pytest.raises(ColumnError, match=message):
        parse_map_options(options)


def test_map_to_a_missing_header() -> None:
    """A --map naming a header the file lacks says which headers there are."""
    with pytest.raises(ColumnError, match=r'--map id=Badge: no such column; the columns are: "x"'):
        resolve_columns(["x"], {"id": "Badge"})
