"""The roll call as printable pages in the UI language: per hall, who is inside, then how
fresh the merged log is and which kiosks it may be missing."""

from __future__ import annotations

from kiosk.cli.report_pages import local
from kiosk.domain.event import Event
from kiosk.printing.language import ReportLanguage
from kiosk.printing.report import Report, Table
from kiosk.service.rollcall import RollCall


def _t(text: str, lang: ReportLanguage) -> str:
    return lang.translate("Report", text)


def _freshness(roll: RollCall, event: Event, lang: ReportLanguage) -> Table:
    fresh = roll.freshness
    rows = []
    for k in fresh.kiosks:
        if k.this_kiosk:
            synced = fresh.last_sync
            state = (
                _t("this kiosk, never synced: other doors' entries are missing", lang)
                if synced is None
                else _t("this kiosk, last sync {time}", lang).format(time=local(synced, event))
            )
        elif k.newest is None:
            state = _t("nothing received: its entries are missing here", lang)
        elif k.quiet(fresh.now):
            state = _t("quiet: idle, or not synced since", lang)
        else:
            state = ""
        newest = local(k.newest, event, "%m-%d %H:%M") if k.newest else "-"
        rows.append((k.kiosk_id, k.role, f"{k.records:,}", newest, state))
    return Table(
        _t("Where the data comes from", lang),
        (
            _t("Kiosk", lang),
            _t("Role", lang),
            _t("Records", lang),
            _t("Newest record", lang),
            _t("State", lang),
        ),
        rows,
        (1.9, 1.2, 1.1, 2.2, 6.4),
        empty=_t("no records and no door kiosks enrolled", lang),
    )


def rollcall_report(roll: RollCall, event: Event, lang: ReportLanguage) -> Report:
    blocks: list[Table] = []
    for hall in roll.halls:
        name = hall.hall.name_in(lang.code)
        session = hall.session.title_in(lang.code) if hall.session else _t("no session", lang)
        title = _t("{hall} ({session}): {count} inside", lang).format(
            hall=name, session=session, count=f"{hall.count:,}"
        )
        rows = []
        for p in hall.people:
            kind = event.type(p.type)
            type_name = kind.name_in(lang.code) if kind else p.type
            rows.append((p.name, type_name, p.seat, local(p.entered, event), p.kiosk_id))
        blocks.append(
            Table(
                title,
                (
                    _t("Name", lang),
                    _t("Type", lang),
                    _t("Seat", lang),
                    _t("Entered", lang),
                    _t("Door", lang),
                ),
                rows,
                (3.8, 2.2, 1.2, 1.5, 2),
                empty=_t("nobody inside", lang),
            )
        )
    blocks.append(_freshness(roll, event, lang))
    subtitle = _t("{time} ({zone}): {count} inside, per the records merged here", lang).format(
        time=local(roll.at, event, "%Y-%m-%d %H:%M"), zone=event.timezone, count=f"{roll.count:,}"
    )
    title = _t("{event}: roll call", lang).format(event=event.name)
    return Report(title, subtitle, list(blocks))
