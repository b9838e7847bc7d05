"""Which column of an export holds which attendee field: known headers, and --map overrides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.domain.text import fold

FIELDS = (
    "id",
    "first_name",
    "last_name",
    "name",
    "email",
    "company",
    "type",
    "ticket_code",
    "position",
    "status",
    "seat",
    "card_uid",
    "note",
)
MAP_SYNTAX = "--map FIELD=HEADER (fields: " + ", ".join(FIELDS) + ")"

# Headers seen in exports, best first: when an export has both "Attendee email" and the
# buyer's "Email" (pretix), the attendee's wins. Compared after header_key(), so case,
# spaces, punctuation and accents do not matter.
_ALIASES: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "attendee id",
        "attendee #",  # Eventbrite
        "attendee number",
        "attendee no",
        "registration id",
        "registrant id",
        "participant id",
        "编号",
        "参会编号",
        "报名编号",
    ),
    "first_name": (
        "first_name",
        "first name",
        "given name",
        "attendee name: given name",  # pretix name parts
        "attendee first name",
        "forename",
        "vorname",
        "nombre",
        "名",
        "名字",
    ),
    "last_name": (
        "last_name",
        "last name",
        "family name",
        "surname",
        "attendee name: family name",
        "attendee last name",
        "nachname",
        "apellidos",
        "apellido",
        "cognoms",
        "姓",
        "姓氏",
    ),
    "name": ("name", "attendee name", "full name", "participant name", "姓名", "参会人"),
    "email": (
        "attendee email",
        "attendee e-mail",
        "email",
        "e-mail address",
        "mail",
        "correo",
        "correu",
        "邮箱",
        "电子邮件",
        "电子邮箱",
        "邮件",
    ),
    "company": (
        "attendee company",
        "company",
        "company name",
        "organisation",
        "organization",
        "affiliation",  # Indico
        "employer",
        "firma",
        "unternehmen",
        "empresa",
        "公司",
        "单位",
        "公司名称",
        "工作单位",
    ),
    "type": (
        "type",
        "ticket type",
        "attendee type",
        "product",  # pretix
        "ticket",
        "registration type",
        "category",
        "类型",
        "票种",
        "票务类型",
        "参会类型",
    ),
    "ticket_code": (
        "ticket_code",
        "ticket code",
        "secret",  # pretix: the code in the ticket's QR
        "ticket secret",
        "barcode #",  # Eventbrite
        "barcode",
        "ticket #",
        "ticket number",
        "qr code",
        "code",
        "票号",
        "票码",
        "二维码",
    ),
    "position": ("position", "job title", "attendee job title", "role", "职位", "职务"),
    "status": (
        "status",
        "attendee status",  # Eventbrite: Attending / Not Attending / Refunded...
        "order status",
        "registration state",  # Indico: Completed / Withdrawn / Rejected...
        "cancelled",
        "canceled",
        "状态",
        "是否取消",
    ),
    # GB 50799 12.2.3/12.2.4 and door notes (issue 15)
    "seat": ("seat", "seat number", "seat no", "seating", "座位", "座位号", "座次", "席位"),
    "card_uid": (
        "card_uid",
        "card uid",
        "card id",
        "rfid",
        "nfc uid",
        "卡号",
        "卡片号",
        "ic卡号",
        "证卡号",
    ),
    # Not a bare "note"/"备注": exports use those for remarks door staff should not read
    # out (payment, internal); --map note=HEADER takes one on purpose.
    "note": (
        "note for door staff",
        "attention note",
        "attention",
        "check-in text",  # pretix's check-in text
        "checkin text",
        "door note",
        "注意事项",
        "入场提示",
        "签到提示",
    ),
}
# pretix has no attendee id column: order code + position number make one (ABC12-1).
_ORDER = ("order code", "order", "order #", "订单号")
_POSITION_ID = ("position id", "position #")
# A status column with these headers holds yes/no flags rather than status words.
_FLAG_HEADERS = frozenset({"cancelled", "canceled", "iscancelled", "是否取消"})


class ColumnError(ValueError):
    """The columns cannot be mapped (no id column, a --map naming a missing header...)."""


def header_key(header: str) -> str:
    """'E-mail' -> 'email', 'Order #' -> 'ordernumber', 'Attendee name: Given name' ->
    'attendeenamegivenname', '姓名' -> '姓名': case, accents, spaces and punctuation dropped."""
    folded = fold(header.replace("#", " number "))
    return "".join(ch for ch in folded if ch.isalnum())


_KEYS = {f: tuple(header_key(a) for a in aliases) for f, aliases in _ALIASES.items()}
_ORDER_KEYS = tuple(header_key(a) for a in _ORDER)
_POSITION_KEYS = tuple(header_key(a) for a in _POSITION_ID)


@dataclass(frozen=True)
class ColumnMap:
    """Column index per field (-1: absent); the id may be order + position (pretix)."""

    index: Mapping[str, int]
    order_and_position: tuple[int, int] | None = None
    status_is_flag: bool = False

    def __getitem__(self, name: str) -> int:
        return self.index.get(name, -1)

    def describe(self, headers: Sequence[str]) -> str:
        """'id <- "Attendee #", email <- "Email", ...' for the summary and --dry-run."""
        parts = [f'{f} <- "{headers[i]}"' for f in FIELDS if (i := self[f]) >= 0]
        if self.order_and_position:
            order, position = self.order_and_position
            parts.insert(0, f'id <- "{headers[order]}"-"{headers[position]}"')
        return ", ".join(parts)


def parse_map_options(options: Sequence[str]) -> dict[str, str]:
    """['email=E-Mail-Adresse', 'company='] -> {'email': 'E-Mail-Adresse', 'company': ''}."""
    result: dict[str, str] = {}
    for option in options:
        name, sep, header = option.partition("=")
        name = name.strip().lower().replace("-", "_")
        if not sep or name not in FIELDS:
            raise ColumnError(f"--map {option!r}: expected {MAP_SYNTAX}")
        result[name] = header.strip()
    return result


def _find(keys: Sequence[str], header_keys: Sequence[str]) -> int:
    for key in keys:
        if key in header_keys:
            return header_keys.index(key)
    return -1


def resolve_columns(headers: Sequence[str], overrides: Mapping[str, str]) -> ColumnMap:
    """Map fields to columns: --map overrides first, then the known headers.

    An override naming an empty header ("company=") leaves that field out. ColumnError if an
    override names a header the file lacks, or no column can give the id.
    """
    keys = [header_key(h) for h in headers]
    index: dict[str, int] = {}
    taken: set[int] = set()
    for name, header in overrides.items():
        if not header:
            index[name] = -1
            continue
        at = headers.index(header) if header in headers else _find([header_key(header)], keys)
        if at < 0:
            raise ColumnError(
                f"--map {name}={header}: no such column; the columns are: {_listing(headers)}"
            )
        index[name] = at
        taken.add(at)
    for name in FIELDS:
        if name in index:
            continue
        free = [k if i not in taken else "" for i, k in enumerate(keys)]
        at = _find(_KEYS[name], free)
        index[name] = at
        if at >= 0:
            taken.add(at)
    order_and_position = None
    if index["id"] < 0:
        order, position = _find(_ORDER_KEYS, keys), _find(_POSITION_KEYS, keys)
        if order >= 0 and position >= 0:
            order_and_position = (order, position)
        else:
            raise ColumnError(
                f"no id column found; the columns are: {_listing(headers)}. Name the one "
                'that identifies each attendee with --map id="HEADER" (fields for --map: '
                f"{', '.join(FIELDS)})"
            )
    flag = index["status"] >= 0 and keys[index["status"]] in _FLAG_HEADERS
    return ColumnMap(
        {k: v for k, v in index.items() if v >= 0}, order_and_position, status_is_flag=flag
    )


def _listing(headers: Sequence[str], limit: int = 30) -> str:
    shown = ", ".join(f'"{h}"' for h in headers[:limit] if h)
    more = len(headers) - limit
    return shown + (f" and {more} more" if more > 0 else "") if shown else "(none)"
