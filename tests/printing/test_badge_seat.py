"""The seat on the badge (GB 50799 12.2.4): printed where the template has a seat box, in the
template's words, and nowhere else; a template's seat words cannot run code or print twice."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.printing.badge import badge_for
from kiosk.printing.output import render, write_pdf
from kiosk.printing.painter import BadgePainter
from kiosk.printing.template import TemplateError, load_template
from tests.printing.helpers import gray, pdf_text

SEATED = Attendee(
    "A9",
    "伟",
    "张",
    "华为技术有限公司",
    "z@example.cn",
    "delegate",
    ticket_code="T-9",
    seat="3排12座",
)


def ink_in(painter: BadgePainter, person: Attendee, event: Event, box: tuple[float, ...]) -> int:
    """Dark pixels inside `box` (mm) of the badge rendered at 150 dpi."""
    image, _ = render(painter, badge_for(event, person, "SCES26-CODE-A9"), 150)
    pixels = gray(image)
    x, y, w, h = (round(v / 25.4 * 150) for v in box)
    return int((pixels[y : y + h, x : x + w] < 128).sum())


@pytest.mark.parametrize("size", ["a6", "label4x3"])
def test_the_seat_prints_in_its_box(qapp: object, event: Event, size: str) -> None:
    """Sizes whose template has a seat box print "Seat 3排12座" there; without a seat the box
    stays blank (nothing else is drawn in it)."""
    painter = BadgePainter(load_template(), size)
    box = painter.layout.seat
    assert box is not None
    inked = (
        ink_in(painter, SEATED, event, box),
        ink_in(painter, dataclasses.replace(SEATED, seat=""), event, box),
    )
    assert inked[0] > 200 and inked[1] == 0


def test_pdf_carries_the_seat_words_of_the_template(
    qapp: object, event: Event, tmp_path: Path
) -> None:
    """The template's seat_text frames the seat ('座位 {seat}'); the A6 PDF's text has it,
    a CR80 card (no seat box in the shipped template) has no seat at all."""
    template = load_template()
    a6 = dataclasses.replace(template.layouts["a6"], seat_text="座位 {seat}")
    chinese = dataclasses.replace(template, layouts={**template.layouts, "a6": a6})
    badge = badge_for(event, SEATED, "SCES26-CODE-A9")
    write_pdf(BadgePainter(chinese, "a6"), [badge], tmp_path / "a6.pdf")
    write_pdf(BadgePainter(template, "cr80"), [badge], tmp_path / "cr80.pdf")
    assert "座位 " in pdf_text(tmp_path / "a6.pdf")
    assert "座" not in pdf_text(tmp_path / "cr80.pdf").replace("华为", "")


@pytest.mark.parametrize(
    "line",
    [
        'seat_text = "Seat {seat.__class__}"',  # str.format would reach attributes
        'seat_text = "{seat} / {seat}"',
        'seat_text = "Seat"',
        "seat_text = 12",
        "seat = [6, 67, 93, 6]",  # a box without its size
    ],
)
def test_a_bad_seat_entry_in_the_template_is_refused(tmp_path: Path, line: str) -> None:
    """A seat_text without exactly one {seat}, not text, or a seat box without seat_size:
    the template does not load, with a one-line message naming the size."""
    source = load_template().layouts["cr80"]
    table = {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in dataclasses.asdict(source).items()
        if value is not None and name not in ("size", "seat_text")
    }
    body = "\n".join(f"{k} = {_toml(v)}" for k, v in table.items())
    path = tmp_path / "badge.toml"
    path.write_text(f"[sizes.card]\n{body}\n{line}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="size card") as caught:
        load_template(path)
    assert "\n" not in str(caught.value)


def test_a_seat_label_like_a_format_field_prints_as_it_is(qapp: object, event: Event) -> None:
    """'{0}{seat.__class__}' as a seat (str.format would fail or reach attributes) is
    printed, not interpreted."""
    painter = BadgePainter(load_template(), "a6")
    odd = dataclasses.replace(SEATED, seat="{0}{seat.__class__}")
    assert painter.layout.seat is not None
    assert ink_in(painter, odd, event, painter.layout.seat) > 200


def _toml(value: object) -> str:
    if isinstance(value, str):
        return '"' + value + '"'
    return str(value)
