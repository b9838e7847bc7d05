"""`kiosk decode` and `kiosk watch` through their run functions, on generated images."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.cli import decode, watch
from kiosk.cli.errors import CommandError
from tests.scanning.conftest import MakeImages
from tests.scanning.helpers import blank_frame, qr_frame

pytestmark = pytest.mark.usefixtures("no_thread_left")


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    decode.register(sub)
    watch.register(sub)
    return parser.parse_args(argv)


def run(*argv: str) -> int:
    args = parse(*argv)
    status: int = args.func(args)
    return status


def test_decode_prints_path_tab_text_per_code(
    make_images: MakeImages, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each code found is a PATH<TAB>TEXT line; an image without a code prints nothing."""
    two, none = make_images({"two.png": qr_frame("A1", "B2"), "none.png": blank_frame()})
    assert run("decode", str(two), str(none)) == 0
    assert capsys.readouterr().out == f"{two}\tA1\n{two}\tB2\n"


def test_decode_escapes_so_one_code_is_one_line(
    make_images: MakeImages, capsys: pytest.CaptureFixture[str]
) -> None:
    """Newlines and control characters in a payload are escaped."""
    (image,) = make_images({"vcard.png": qr_frame("BEGIN\r\nNAME:张\x07")})
    assert run("decode", str(image)) == 0
    assert capsys.readouterr().out == f"{image}\tBEGIN\\r\\nNAME:张\\x07\n"


def test_decode_reports_unreadable_images_and_goes_on(
    make_images: MakeImages, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or corrupt image: one stderr line each, the rest decoded, status 1."""
    (good,) = make_images({"good.png": qr_frame("OK1")})
    corrupt = tmp_path / "corrupt.jpg"
    corrupt.write_bytes(b"\xff\xd8 broken")
    with pytest.raises(CommandError) as failed:
        run("decode", str(tmp_path / "missing.png"), str(corrupt), str(good))
    out, err = capsys.readouterr()
    assert out == f"{good}\tOK1\n"
    assert err.splitlines() == [
        f"kiosk: cannot read image {tmp_path / 'missing.png'}: no such file",
        f"kiosk: cannot read image {corrupt}: not an image or corrupted",
    ]
    assert (failed.value.status, str(failed.value)) == (1, "2 of 3 images could not be read")


def test_watch_prints_one_decision_per_badge_shown(
    db: Database,
    tmp_path: Path,
    make_images: MakeImages,
    code_for: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A folder where two badges are each held for three frames: two recorded admissions."""
    pictures = {f"{n:02d}.png": qr_frame(code_for("A1")) for n in range(3)}
    pictures |= {f"{n:02d}.png": qr_frame(code_for("A2")) for n in range(3, 6)}
    folder = make_images(pictures)[0].parent
    at = "2026-10-14T10:00+08:00"
    argv = ["watch", "--camera", str(folder), "--hall", "main", "--fast", "--at", at]
    assert run(*argv, "--db", str(tmp_path / "kiosk.db")) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["attendee"]["id"], d["verdict"], d["recorded"]) for d in lines] == [
        ("A1", "admitted", True),
        ("A2", "admitted", True),
    ]
    assert all(d["latency_ms"] >= d["decode_ms"] >= 0 for d in lines)


def test_watch_refuses_an_unknown_hall(db: Database, tmp_path: Path) -> None:
    """--hall that the event does not have is a usage error, status 2."""
    with pytest.raises(CommandError) as refused:
        run("watch", "--camera", "0", "--hall", "attic", "--db", str(tmp_path / "kiosk.db"))
    assert refused.value.status == 2
    assert "unknown hall 'attic'" in str(refused.value)


def test_watch_fails_clearly_on_a_corrupted_video(db: Database, tmp_path: Path) -> None:
    """A video that cannot be played ends the command with its one-line reason, status 1."""
    video = tmp_path / "door.mp4"
    video.write_bytes(b"\x00" * 512)
    with pytest.raises(CommandError) as failed:
        run("watch", "--camera", str(video), "--hall", "main", "--db", str(tmp_path / "kiosk.db"))
    assert (failed.value.status, str(failed.value)) == (
        1,
        f"cannot play {video}: not a video or corrupted",
    )
