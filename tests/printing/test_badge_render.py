"""Badges painted for any name: the fonts, the name fitting, and a QR that decodes back."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QImage

from kiosk import resources
from kiosk.demodata import generate_attendees
from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.domain.event_file import load_event
from kiosk.printing.badge import BadgeData, badge_for, days_line
from kiosk.printing.output import render, write_pdf
from kiosk.printing.painter import BadgePainter, PaintedBadge
from kiosk.printing.template import BadgeTemplate, TemplateError, load_template
from tests.conftest import PEOPLE
from tests.printing.helpers import decode_qr, gray, pdf_text

SIZES = ("a6", "label4x3", "cr80")
LONG = Attendee(
    "A7",
    "Maria Fernanda Alexandra",
    "de la Santísima Trinidad Rodríguez-Montenegro",
    "Ayuntamiento de Barcelona",
    "maria@example.es",
    "delegate",
    ticket_code="T-0007",
)
TWO_LINES = Attendee(
    "A8", "Anna-Katharina Elisabeth", "Schönberger-Hohenzollern", "", "", "visitor"
)
BY_NAME = {"zh": PEOPLE[0], "ca": PEOPLE[1], "de": PEOPLE[2], "two": TWO_LINES, "long": LONG}


@pytest.fixture(scope="module")
def template() -> BadgeTemplate:
    return load_template()


def paint(
    template: BadgeTemplate, size: str, badge: BadgeData, dpi: float = 200
) -> tuple[QImage, PaintedBadge]:
    return render(BadgePainter(template, size), badge, dpi)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("who", list(BY_NAME))
def test_qr_decodes_to_the_signed_code(
    qapp: object,
    template: BadgeTemplate,
    event: Event,
    code_for: Callable[..., str],
    size: str,
    who: str,
) -> None:
    """The rendered badge's QR reads back as the attendee's signed code, for every size."""
    person = BY_NAME[who]
    code = code_for(person.id, person.type)
    image, _ = paint(template, size, badge_for(event, person, code))
    assert decode_qr(image) == [code]


def test_qr_falls_back_to_the_ticket_code(
    qapp: object, template: BadgeTemplate, event: Event
) -> None:
    """Without a signing key the badge carries the registration system's ticket code."""
    image, _ = paint(template, "a6", badge_for(event, PEOPLE[2], PEOPLE[2].ticket_code))
    assert decode_qr(image) == ["T-0003"]


def test_badge_font_is_noto_cjk(qapp: object, template: BadgeTemplate) -> None:
    """The badge font is the Noto CJK family the template names, for every script."""
    painter = BadgePainter(template)
    assert painter.family == "Noto Sans CJK SC"
    assert QFontInfo(QFont(painter.family)).family() == "Noto Sans CJK SC"


@pytest.mark.parametrize(
    ("who", "lines"),
    [
        ("zh", ("张伟",)),
        ("de", ("Jürgen Groß",)),
        ("ca", ("Núria Puig i Solé",)),
        ("two", ("Anna-Katharina Elisabeth", "Schönberger-Hohenzollern")),
        ("long", ("Maria Fernanda Alexandra", "de la Santísima Trinidad", "Rodríguez-Montenegro")),
    ],
)
def test_name_lines_on_a6(
    qapp: object, template: BadgeTemplate, event: Event, who: str, lines: tuple[str, ...]
) -> None:
    """Names sit on one line, family-first for Chinese; long ones break into two, then three."""
    _, painted = paint(template, "a6", badge_for(event, BY_NAME[who], "X"))
    assert painted.name_lines == lines


def test_long_name_is_fitted_smaller(qapp: object, template: BadgeTemplate, event: Event) -> None:
    """A long name is set smaller than a short one, but never below the template's minimum."""
    layout = template.layout("a6")
    _, short = paint(template, "a6", badge_for(event, PEOPLE[0], "X"))
    _, medium = paint(template, "a6", badge_for(event, PEOPLE[1], "X"))
    _, long = paint(template, "a6", badge_for(event, TWO_LINES, "X"))
    assert short.name_size_mm == layout.name_max
    assert len(medium.name_lines) == 1
    assert layout.name_min_one_line <= medium.name_size_mm < layout.name_max
    assert len(long.name_lines) == 2
    assert layout.name_min <= long.name_size_mm < medium.name_size_mm


def test_very_long_name_takes_three_lines_on_a_card(
    qapp: object, template: BadgeTemplate, event: Event
) -> None:
    """On the small CR80 card a name of many words goes to three lines rather than an ellipsis."""
    _, painted = paint(template, "cr80", badge_for(event, LONG, "X"))
    assert len(painted.name_lines) == 3
    assert " ".join(painted.name_lines) == LONG.name


def test_band_has_the_type_colour(qapp: object, template: BadgeTemplate, event: Event) -> None:
    """The band at the foot is painted in the attendee type's colour."""
    image, _ = paint(template, "a6", badge_for(event, PEOPLE[2], "X"))
    corner = QColor(image.pixel(3, image.height() - 3))
    assert corner.name() == event.type("visitor").color  # type: ignore[union-attr]


def test_photo_is_shown_and_qr_still_decodes(
    qapp: object, template: BadgeTemplate, event: Event, tmp_path: Path
) -> None:
    """A photo goes beside the QR on A6, and the QR still reads back."""
    photo = QImage(300, 400, QImage.Format.Format_RGB32)
    photo.fill(QColor("#8899aa"))
    photo.save(str(tmp_path / "a3.png"))
    person = Attendee("A3", "Jürgen", "Groß", "INTEX", "", "visitor", "T-0003", photo="a3.png")
    image, painted = paint(template, "a6", badge_for(event, person, "T-0003", photo_dir=tmp_path))
    assert painted.photo_shown
    assert decode_qr(image) == ["T-0003"]
    assert QColor(image.pixel(int(15 / 25.4 * 200), int(90 / 25.4 * 200))).name() == "#8899aa"


def test_missing_photo_is_left_out(qapp: object, template: BadgeTemplate, event: Event) -> None:
    """A photo file that cannot be read leaves the badge without a photo, no error."""
    person = Attendee("A3", "Jürgen", "Groß", "", "", "visitor", "T-0003", photo="/nope.jpg")
    _, painted = paint(template, "a6", badge_for(event, person, "T-0003"))
    assert not painted.photo_shown


def test_unknown_size_is_a_clear_error(template: BadgeTemplate) -> None:
    """Asking for a size the template lacks names the sizes it has."""
    with pytest.raises(TemplateError, match="a6, label4x3, cr80"):
        template.layout("a4")


def test_broken_template_is_a_clear_error(tmp_path: Path) -> None:
    """A template with a box of the wrong shape is refused with the size and key named."""
    bad = tmp_path / "badge.toml"
    bad.write_text("[sizes.x]\nwidth = 10\nheight = 10\nlogo = [1, 2]\n")
    with pytest.raises(TemplateError, match="size x: 'logo'"):
        load_template(bad)


def test_missing_font_falls_back(qapp: object, tmp_path: Path) -> None:
    """A machine without the badge font still paints badges, in Qt's default font."""
    source = load_template()
    template = BadgeTemplate(source.layouts, (tmp_path / "none.ttc",), "No Such Font", source.logo)
    assert BadgePainter(template).family == QFont().defaultFamily()


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ((), ""),
        (("2026-10-14", "2026-10-15"), "14\u201315 Oct 2026"),
        (("2026-09-30", "2026-10-02"), "30 Sep \u2013 2 Oct 2026"),
    ],
)
def test_days_line(days: tuple[str, ...], text: str) -> None:
    """The default session line gives the event's days compactly."""
    import datetime as dt

    assert days_line(tuple(dt.date.fromisoformat(d) for d in days)) == text


def test_white_label_on_dark_band_only() -> None:
    """Band text is white on dark colours and dark on light ones (gold VIP band)."""
    from kiosk.printing.painter import text_color_on

    assert text_color_on("#1565c0") == QColor(Qt.GlobalColor.white)
    assert text_color_on("#ffe082") != QColor(Qt.GlobalColor.white)


def _demo_longest(count: int = 3) -> list[Attendee]:
    """The longest names the demo generator makes (20,000 attendees)."""
    event, _ = load_event(resources.demo_event())
    rows = sorted(
        generate_attendees(event, 20_000),
        key=lambda r: -len(Attendee(r.id, r.first_name, r.last_name, "", "", r.type).name),
    )
    return [Attendee(r.id, r.first_name, r.last_name, "", "", "delegate") for r in rows[:count]]


SIXTY = [  # 60-character names of the kinds that were cut with "…"
    ("Maximilian Alexander", "von Hohenzollern-Sigmaringen-Württembrg"),
    ("Anna", "Hohenzollern-Sigmaringen-Württemberg-Lüdenscheidt-Bergh"),
    ("Li", "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarenge"),
    ("María de los Ángeles", "Fernández de Córdoba y Sáenz de Santama"),
]
LONGEST = _demo_longest() + [
    Attendee(f"L{i}", first, last, "", "", "delegate") for i, (first, last) in enumerate(SIXTY)
]


def test_sixty_character_names_are_sixty_characters() -> None:
    """The test's long names really are 60 characters."""
    assert [len(a.name) for a in LONGEST[-len(SIXTY) :]] == [60] * len(SIXTY)


def ink_outside(image: QImage, inside: QRect, region: QRect) -> int:
    """Dark pixels in `region` but outside `inside` (the name's box, a pixel of slack)."""
    pixels = gray(image)
    box = inside.adjusted(-1, -1, 1, 1)
    dark = 0
    for y in range(region.top(), region.bottom() + 1):
        row = pixels[y]
        for x in np.nonzero(row[region.left() : region.right() + 1] < 160)[0]:
            if not box.contains(int(x) + region.left(), y):
                dark += 1
    return dark


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("person", LONGEST, ids=lambda a: a.name[:24])
def test_long_names_are_whole_and_inside_their_box(
    qapp: object,
    template: BadgeTemplate,
    event: Event,
    size: str,
    person: Attendee,
    tmp_path: Path,
) -> None:
    """The longest demo names and 60-character names: never elided (every letter is in
    the printed PDF, wrapped), never below the floor size, no ink outside the name's box."""
    badge = dataclasses.replace(badge_for(event, person, None, session_line=""), caption="")
    painter = BadgePainter(template, size)
    write_pdf(painter, [badge], tmp_path / "badge.pdf")
    # pdftotext joins a line that ends in a hyphen to the next without it
    # (and writes ligatures: "ﬀ" for "ff")
    text = unicodedata.normalize("NFKC", pdf_text(tmp_path / "badge.pdf"))
    printed = "".join(text.split()).replace("-", "")
    assert "…" not in printed and person.name.replace(" ", "").replace("-", "") in printed
    image, painted = render(painter, badge, 200)
    assert "…" not in "".join(painted.name_lines)
    letters = "".join(painted.name_lines).replace(" ", "")
    assert letters == person.name.replace(" ", "")
    lay = painter.layout
    assert painted.name_size_mm >= lay.name_min - 0.01
    px = image.width() / lay.width
    x, y, w, h = lay.name
    name_box = QRect(round(x * px), round(y * px), round(w * px), round(h * px))
    rule_bottom = (lay.rule[1] + lay.rule[3]) * px
    below = min(lay.band[1], lay.caption[1], lay.session[1], lay.company[1] + lay.company[3])
    region = QRect(
        0, round(rule_bottom) + 2, image.width(), round(below * px) - round(rule_bottom) - 4
    )
    assert ink_outside(image, name_box, region) == 0
