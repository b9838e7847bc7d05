"""The attendance report's pages, in the UI language: attendance, registered against present
(GB 50799 12.2.1), entries over time, leavers (12.2.10), late check-ins apart from scans
(12.2.5), no-shows and conflicts, as plain rows for kiosk.printing.report."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from kiosk.domain.event import Event
from kiosk.printing.language import ReportLanguage
from kiosk.printing.report import BarChart, Report, Table
from kiosk.service.late_checkin import late_checkins
from kiosk.service.leavers import SessionLeavers, leavers, session_counts
from kiosk.store import sync_state
from kiosk.sync import stats


def _t(text: str, lang: ReportLanguage) -> str:
    return lang.translate("Report", text)


def local(when: dt.datetime, event: Event, fmt: str = "%H:%M") -> str:
    return when.astimezone(event.tz).strftime(fmt)


def day_text(day: dt.date, lang: ReportLanguage) -> str:
    """ "Wed 14 Oct", "10月14日 周三", "Mi. 14. Okt.": the date in the report's language."""
    from PySide6.QtCore import QDate

    return lang.qt_locale.toString(QDate(day.year, day.month, day.day), _t("ddd d MMM", lang))


def count(n: int) -> str:
    return f"{n:,}"


def share(part: int, whole: int | None) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def _sessions(event: Event, figures: stats.Figures, lang: ReportLanguage) -> Table:
    rows = []
    for f in figures.sessions:
        hall = event.hall(f.session.hall)
        start = f"{day_text(event.day_of(f.session.start), lang)} {local(f.session.start, event)}"
        rows.append(
            (
                f.session.title_in(lang.code),
                hall.name_in(lang.code) if hall else f.session.hall,
                start,
                *(count(n) for n in (f.people, f.entries, f.peak, f.session.capacity)),
            )
        )
    headers = (
        _t("Session", lang),
        _t("Hall", lang),
        _t("Start", lang),
        _t("People", lang),
        _t("Entries", lang),
        _t("Peak", lang),
        _t("Capacity", lang),
    )
    return Table(
        _t("Attendance per session", lang),
        headers,
        rows,
        (4.4, 1.6, 2.6, 1.1, 1.1, 1.0, 1.2),
        empty=_t("none", lang),
    )


def _present(db: Database, event: Event, lang: ReportLanguage) -> Table:
    rows = []
    for c in session_counts(db, event):
        registered = "-" if c.registered is None else count(c.registered)
        rows.append(
            (
                c.session.title_in(lang.code),
                registered,
                count(c.scanned),
                count(c.late),
                count(c.present),
                share(c.present, c.registered),
            )
        )
    headers = (
        _t("Session", lang),
        _t("Registered", lang),
        _t("Scanned", lang),
        _t("Late check-ins", lang),
        _t("Present", lang),
        _t("Present %", lang),
    )
    return Table(
        _t("Registered and present per session", lang),
        headers,
        rows,
        (4.4, 1.4, 1.3, 1.6, 1.3, 1.3),
        empty=_t("none", lang),
    )


def _times(found: SessionLeavers, event: Event) -> str:
    times = sorted(t for p in found.leavers for t in p.left)
    shown = ", ".join(local(t, event) for t in times[:12])
    return shown + (f" (+{len(times) - 12})" if len(times) > 12 else "")


def _leavers(db: Database, event: Event, lang: ReportLanguage) -> list[Table]:
    found = [s for s in leavers(db, event) if s.entered]
    summary = [
        (
            s.session.title_in(lang.code),
            count(s.entered),
            count(len(s.gone)),
            count(len(s.came_back)),
            _times(s, event),
        )
        for s in found
    ]
    headers = (
        _t("Session", lang),
        _t("Entered", lang),
        _t("Left, not back", lang),
        _t("Left, came back", lang),
        _t("Exits before the end", lang),
    )
    people = [
        (
            s.session.title_in(lang.code),
            p.name,
            p.seat,
            ", ".join(local(t, event) for t in p.left),
            _t("came back", lang) if p.returned else _t("did not return", lang),
        )
        for s in found
        for p in s.leavers
    ]
    who = (
        _t("Session", lang),
        _t("Name", lang),
        _t("Seat", lang),
        _t("Left at", lang),
        _t("Then", lang),
    )
    return [
        Table(
            _t("Leavers per session (left before the end)", lang),
            headers,
            summary,
            (3.2, 1.1, 1.7, 1.7, 4.6),
            empty=_t("none: nobody entered a session", lang),
        ),
        Table(
            _t("People who left before the end", lang),
            who,
            people,
            (3.4, 3, 1.2, 2, 2),
            empty=_t("none", lang),
        ),
    ]


def _late(db: Database, event: Event, lang: ReportLanguage) -> Table:
    found = late_checkins(db, event)
    names = sync_state.people(db, (x.attendee_id for x in found))
    rows = []
    for x in found:
        session = event.session(x.session_id)
        name = names[x.attendee_id].name if x.attendee_id in names else ""
        rows.append(
            (
                session.title_in(lang.code) if session else x.session_id,
                f"{x.attendee_id} {name}",
                local(x.claimed_at, event, "%m-%d %H:%M"),
                x.reason,
                x.kiosk_id,
            )
        )
    headers = (
        _t("Session", lang),
        _t("Attendee", lang),
        _t("Attended at", lang),
        _t("Reason", lang),
        _t("Kiosk", lang),
    )
    return Table(
        _t("Late check-ins (recorded by staff, apart from scans)", lang),
        headers,
        rows,
        (3, 3, 1.8, 3.5, 1.6),
        empty=_t("none", lang),
    )


def _no_shows(event: Event, figures: stats.Figures, lang: ReportLanguage) -> Table:
    rows = []
    for type_id, (n, never) in figures.no_shows.items():
        kind = event.type(type_id)
        name = kind.name_in(lang.code) if kind else type_id
        rows.append((name, count(n), count(never), share(never, n)))
    headers = (
        _t("Type", lang),
        _t("Registered", lang),
        _t("Never admitted", lang),
        _t("Share", lang),
    )
    return Table(
        _t("No-shows per attendee type", lang),
        headers,
        rows,
        (4, 2, 2, 1.5),
        empty=_t("none", lang),
    )


def _conflicts(db: Database, event: Event, figures: stats.Figures, lang: ReportLanguage) -> Table:
    people = sync_state.people(db, (c.attendee_id for c in figures.conflicts))
    rows = []
    for c in figures.conflicts:
        name = people[c.attendee_id].name if c.attendee_id in people else ""
        doors = "; ".join(
            f"{r.kiosk_id} {local(dt.datetime.fromisoformat(r.at), event, '%m-%d %H:%M:%S')}"
            for r in c.admissions
        )
        rows.append((f"{c.attendee_id} {name}", c.session_id, doors))
    return Table(
        _t("Conflicts: badges admitted twice at different doors", lang),
        (_t("Attendee", lang), _t("Session", lang), _t("Admissions", lang)),
        rows,
        (3, 2, 6),
        empty=_t("none: no badge was admitted twice", lang),
    )


def build_report(
    db: Database, event: Event, figures: stats.Figures, lang: ReportLanguage, now: dt.datetime
) -> Report:
    """The report's pages from the figures and the log, every heading in `lang`."""
    blocks: list[Table | BarChart] = [_sessions(event, figures, lang), _present(db, event, lang)]
    for day, buckets in sorted(figures.entries_by_day.items()):
        bars = [(b.strftime("%H:%M") if b.minute == 0 else "", n) for b, n in buckets]
        title = _t("Entries over time, {day} (per 15 minutes)", lang).format(
            day=day_text(day, lang)
        )
        note = _t("{count} admissions", lang).format(count=count(sum(n for _, n in buckets)))
        blocks.append(BarChart(title, bars, note=note))
    blocks += _leavers(db, event, lang)
    blocks += [
        _late(db, event, lang),
        _no_shows(event, figures, lang),
        _conflicts(db, event, figures, lang),
    ]
    subtitle = _t(
        "{event}, generated {time}: {records} records from {kiosks} kiosks, "
        "{offline} decided offline",
        lang,
    ).format(
        event=event.id,
        time=local(now, event, "%Y-%m-%d %H:%M"),
        records=count(figures.records),
        kiosks=figures.kiosks,
        offline=count(figures.offline),
    )
    title = _t("{event}: attendance", lang).format(event=event.name)
    return Report(title, subtitle, blocks, empty_chart=_t("no entries", lang))
