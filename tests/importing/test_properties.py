"""Any bytes as an export: imported, or refused with a message; never a crash or a half import."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.event_file import parse_event
from kiosk.importing import (
    ColumnError,
    ImportFileError,
    ImportOptions,
    ImportRefused,
    import_file,
)
from kiosk.store.db import open_db, write
from kiosk.store.events import save_event
from tests.conftest import TINY_EVENT

EVENT = parse_event(TINY_EVENT)
REFUSALS = (ImportFileError, ColumnError, ImportRefused)

_cells = st.one_of(
    st.sampled_from(["", "A1", "A2", "visitor", "Delegate", "x@example.com", "bad@", "张伟"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
)
_good_row = st.tuples(
    st.sampled_from(["A1", "A2", "A3", "B7", ""]),
    st.sampled_from(["张伟", "Núria Puig i Solé", "Groß, Jürgen", "", "Ana"]),
    st.sampled_from(["visitor", "Delegate", "STAFF", "gold"]),
)


@st.composite
def csv_like(draw: st.DrawFn) -> bytes:
    """Plausible and implausible rows under a usable or odd header, quotes, any encoding."""
    sep = draw(st.sampled_from([",", ";", "\t"]))
    if draw(st.booleans()):
        header = ["id", "name", "type"]
        rows = [
            list(r)
            for r in draw(st.lists(_good_row, min_size=1, max_size=6, unique_by=lambda r: r[0]))
        ]
    else:
        header = draw(
            st.lists(st.sampled_from(["id", "name", "type", "email", "Status", "票号"]), max_size=6)
        )
        rows = draw(st.lists(st.lists(_cells, max_size=7), max_size=6))
    lines = [sep.join(header)]
    for row in rows:
        lines.append(sep.join(f'"{c}"' if draw(st.booleans()) else c for c in row))
    text = "\n".join(lines) + draw(st.sampled_from(["", "\n", '"', "\r\n"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return text.encode(encoding, errors="replace")


def import_bytes(content: bytes) -> tuple[str, list[str], list[str]]:
    """Outcome, the attendee table before and after (must match unless it was imported)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.csv"
        path.write_bytes(content)
        db = open_db(":memory:")
        with write(db):
            save_event(db, EVENT, TINY_EVENT)
        before = [str(r) for r in db.execute("SELECT * FROM attendees")]
        try:
            import_file(db, EVENT, path, ImportOptions())
            outcome = "imported"
        except REFUSALS as exc:
            assert str(exc), "a refusal always says why"
            outcome = "refused"
        after = [str(r) for r in db.execute("SELECT * FROM attendees")]
        db.conn.close()
        return outcome, before, after


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_never_crash(content: bytes) -> None:
    """Random bytes are imported or refused with a message; a refusal changes nothing."""
    outcome, before, after = import_bytes(content)
    assert outcome == "imported" or before == after


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_like())
def test_almost_csv_never_crashes(content: bytes) -> None:
    """CSV-shaped input with odd cells, quotes and encodings: imported or refused, unchanged."""
    outcome, before, after = import_bytes(content)
    assert outcome == "imported" or before == after
