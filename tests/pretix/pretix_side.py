"""Runs inside pretix's own venv (.venv-pretix), never the project's: sets up the test
server's organiser, events, products, orders and API token through pretix's Django ORM,
and changes them later the way pretix's own staff screens do (block a ticket, export).

    PRETIX_CONFIG_FILE=... python pretix_side.py setup          -> JSON on stdout
    PRETIX_CONFIG_FILE=... python pretix_side.py block SLUG SECRET [SLUG SECRET ...]
    PRETIX_CONFIG_FILE=... python pretix_side.py unblock SLUG SECRET [SLUG SECRET ...]
    PRETIX_CONFIG_FILE=... python pretix_side.py add_orders '[[SLUG, ITEM, GIVEN, FAMILY]]'
    PRETIX_CONFIG_FILE=... python pretix_side.py export SLUG OUT.json
    PRETIX_CONFIG_FILE=... python pretix_side.py serve   (the same, a JSON list a line)

Imported by nothing in the project (Django is not installed there).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pretix.settings")

import django

django.setup()

from django.utils.timezone import now  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402
from pretix.base.models import (  # noqa: E402
    Event,
    Item,
    Order,
    OrderPosition,
    Organizer,
    Seat,
    Team,
)

ORGANIZER = "sces"
SIGNED, RANDOM = "sces26", "sidecar26"


def _event(org: Organizer, slug: str, name: str, generator: str) -> Event:
    start = now().replace(microsecond=0) + dt.timedelta(days=30)
    event = Event.objects.create(
        organizer=org, name=name, slug=slug, date_from=start, currency="EUR", live=True
    )
    event.settings.ticket_secret_generator = generator
    event.settings.name_scheme = "given_family"
    return event


def _order(event: Event, email: str, status: str, people: list[dict]) -> Order:
    web = event.organizer.sales_channels.get(identifier="web")
    order = Order.objects.create(
        event=event, email=email, status=status, locale="en", sales_channel=web,
        datetime=now(), expires=now() + dt.timedelta(days=10),
        total=sum((p["item"].default_price for p in people), Decimal("0")),
    )  # fmt: skip
    for number, person in enumerate(people, start=1):
        OrderPosition.objects.create(
            order=order,
            positionid=number,
            item=person["item"],
            variation=person.get("variation"),
            price=person["item"].default_price,
            attendee_name_parts={"_scheme": "given_family", **person["name"]},
            attendee_email=person.get("email"),
            company=person.get("company"),
            seat=person.get("seat"),
        )
    return order


def setup() -> dict:
    with scopes_disabled():
        org = Organizer.objects.create(name="Fira de Barcelona", slug=ORGANIZER)
        signed = _event(org, SIGNED, "Smart City Expo Shanghai", "pretix_sig1")
        random = _event(org, RANDOM, "SCES side event", "random")
        out: dict = {"organizer": ORGANIZER, "events": {}}
        for event in (signed, random):
            delegate = Item.objects.create(
                event=event, name="Delegate pass", default_price=Decimal("300"), admission=True,
                personalized=True,
            )  # fmt: skip
            visitor = Item.objects.create(
                event=event, name="Visitor pass", default_price=Decimal("20"), admission=True
            )
            press = Item.objects.create(
                event=event, name="Press", default_price=Decimal("0"), admission=True
            )
            parking = Item.objects.create(
                event=event, name="Parking", default_price=Decimal("15"), admission=False
            )
            day2 = visitor.variations.create(value="Day 2 only", default_price=Decimal("12"))
            seat = Seat.objects.create(
                event=event, row_name="3", row_label="Row 3", seat_number="12",
                seat_label="Seat 12", seat_guid=f"{event.slug}-r3-s12", product=delegate,
            )  # fmt: skip
            paid = _order(event, "buyer@fira.example", Order.STATUS_PAID, [
                {"item": delegate, "name": {"given_name": "Núria", "family_name": "Puig i Solé"},
                 "email": "nuria@fira.example", "company": "Fira de Barcelona", "seat": seat},
                {"item": delegate, "name": {"given_name": "伟", "family_name": "张"},
                 "company": "华为"},
                {"item": visitor, "variation": day2,
                 "name": {"given_name": "Jürgen", "family_name": "Groß"}},
                {"item": parking, "name": {}},
            ])  # fmt: skip
            pending = _order(event, "pending@example.org", Order.STATUS_PENDING, [
                {"item": visitor, "name": {"given_name": "Ana", "family_name": "López"}},
            ])  # fmt: skip
            cancelled = _order(event, "gone@example.org", Order.STATUS_CANCELED, [
                {"item": visitor, "name": {"given_name": "Max", "family_name": "Mustermann"}},
            ])  # fmt: skip
            press_order = _order(event, "press@example.org", Order.STATUS_PAID, [
                {"item": press, "name": {"given_name": "Lee", "family_name": "Reporter"}},
            ])  # fmt: skip
            lists = {}
            for hall, products in (("main", [delegate]), ("floor", [delegate, visitor])):
                made = event.checkin_lists.create(
                    name=hall, all_products=False, allow_multiple_entries=True
                )
                made.limit_products.set(products)
                lists[hall] = made.pk
            out["events"][event.slug] = {
                "lists": lists,
                "items": {
                    "delegate": delegate.pk, "visitor": visitor.pk, "press": press.pk,
                    "parking": parking.pk, "day2": day2.pk,
                },
                "orders": {
                    "paid": paid.code, "pending": pending.code, "cancelled": cancelled.code,
                    "press": press_order.code,
                },
                "positions": {
                    f"{p.order.code}-{p.positionid}": {"id": p.pk, "secret": p.secret}
                    for p in OrderPosition.all.filter(order__event=event)
                },
                "valid_keys": [event.settings.ticket_secrets_pretix_sig1_pubkey]
                if event.settings.ticket_secrets_pretix_sig1_pubkey else [],
            }  # fmt: skip
        team = Team.objects.create(
            organizer=org, name="kiosk", all_events=True, all_event_permissions=True
        )
        out["token"] = team.tokens.create(name="kiosk pull").token
    return out


def _position(slug: str, secret: str) -> OrderPosition:
    return OrderPosition.objects.get(order__event__slug=slug, secret=secret)


def set_block(slug: str, secret: str, blocked: bool) -> None:
    """As pretix's order change screen does: OrderChangeManager's (remove_)block operation."""
    from pretix.base.services.orders import OrderChangeManager

    with scopes_disabled():
        position = _position(slug, secret)
        manager = OrderChangeManager(position.order, notify=False)
        if blocked:
            manager.add_block(position, "admin")
        else:
            manager.remove_block(position, "admin")
        manager.commit(check_quotas=False)


def add_orders(tickets: list[list[str]]) -> list[dict]:
    """Paid orders of one ticket each, as if sold just now, for [event slug, item id, given,
    family] each: their code, secret and position id."""
    made = []
    with scopes_disabled():
        for slug, item_id, given, family in tickets:
            event = Event.objects.get(slug=slug)
            item = event.items.get(pk=int(item_id))
            name = {"given_name": given, "family_name": family}
            order = _order(event, "late@example.org", Order.STATUS_PAID,
                           [{"item": item, "name": name}])  # fmt: skip
            position = order.positions.get()
            made.append({"code": order.code, "secret": position.secret, "position": position.pk})
    return made


def export(slug: str, out: str) -> None:
    """pretix's own "Order data (JSON)" exporter, written as the download would be."""
    from pretix.base.exporters.json import JSONExporter

    with scopes_disabled():
        event = Event.objects.get(slug=slug)
        _, _, data = JSONExporter(event, event.organizer).render({})
    with open(out, "w", encoding="utf-8") as f:
        f.write(data)


def run(argv: list[str]) -> object:
    command = argv[0]
    if command == "setup":
        return setup()
    if command in ("block", "unblock"):  # SLUG SECRET [SLUG SECRET ...]
        for slug, secret in zip(argv[1::2], argv[2::2], strict=True):
            set_block(slug, secret, command == "block")
        return None
    if command == "add_orders":
        return add_orders(json.loads(argv[1]))
    if command == "export":
        export(argv[1], argv[2])
        return None
    raise ValueError(f"unknown command {command!r}")


def serve() -> None:
    """One command (a JSON list of arguments) per stdin line, one JSON line of answer each:
    Django starts once for all of a test session's changes."""
    import traceback

    out = sys.stdout
    sys.stdout = sys.stderr  # pretix's own prints must not mix into the answers
    for line in sys.stdin:
        try:
            answer = {"ok": run(json.loads(line))}
        except Exception:
            answer = {"error": traceback.format_exc()}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        json.dump(run(sys.argv[1:]), sys.stdout)
