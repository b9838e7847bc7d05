"""Decoders: the shared real photos, several codes a frame, foreign and huge payloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.scanning.decoders import Decoder, OpenCvDecoder, ZxingDecoder
from kiosk.scanning.files import IMAGE_SUFFIXES, read_image
from kiosk.scanning.payload import MAX_CODE_CHARS
from kiosk.scanning.pipeline import KioskDecoder
from kiosk.scanning.synthetic import empty_frame, kiosk_frame, qr_picture
from tests.scanning.helpers import blank_frame, code, qr_frame

MEASURED_PIPELINE = 80  # of 82, bench/decoders.py; zxing-cpp alone 79, OpenCV 21
MARGIN = 2


def decoded_correctly(decoder: Decoder, folder: Path) -> int:
    correct = 0
    for path in sorted(folder.glob("*/*")):
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            continue
        raw = path.with_suffix(".txt").read_bytes()
        # UTF-8 unless the symbol carries another character set (README of the samples)
        charsets = ("utf-8", "shift_jis", "iso-8859-1")
        expected = {raw.decode(cs) for cs in charsets if _decodes(raw, cs)}
        correct += bool(expected.intersection(decoder.decode(read_image(path, gray=True))))
    return correct


def _decodes(raw: bytes, charset: str) -> bool:
    try:
        raw.decode(charset)
    except UnicodeDecodeError:
        return False
    return True


def test_pipeline_reads_the_real_photos_at_least_as_well_as_zxing(samples_dir: Path) -> None:
    """The kiosk pipeline decodes the measured number of real photos, no fewer than zxing-cpp."""
    pipeline = decoded_correctly(KioskDecoder(), samples_dir)
    assert pipeline >= MEASURED_PIPELINE - MARGIN
    assert pipeline >= decoded_correctly(ZxingDecoder(), samples_dir)


@pytest.mark.parametrize(
    "decoder", [ZxingDecoder(), OpenCvDecoder(), OpenCvDecoder(aruco=True), KioskDecoder()]
)
def test_every_decoder_reads_a_clean_badge_code(decoder: Decoder) -> None:
    """Each decoder behind the interface returns the text of a plain code as str."""
    assert decoder.decode(qr_frame(code(1))) == [code(1)]


@pytest.mark.parametrize("decoder", [ZxingDecoder(), OpenCvDecoder(), KioskDecoder()])
def test_non_utf8_payload_does_not_crash_and_reads_as_latin1(decoder: Decoder) -> None:
    """Bytes that are not UTF-8 come back as ISO-8859-1 text instead of raising."""
    assert decoder.decode(qr_frame(b"\xff\xfe caf\xe9 \x00")) == ["ÿþ café \x00"]


def test_huge_payload_is_capped() -> None:
    """A 5000-digit code (version 40) is read and cut to MAX_CODE_CHARS characters."""
    found = KioskDecoder().decode(qr_picture("7" * 5000, module_px=3))
    assert found == ["7" * MAX_CODE_CHARS]


def test_several_codes_in_one_frame_are_all_returned() -> None:
    """Two codes side by side give two texts, each once."""
    assert KioskDecoder().decode(qr_frame("HELLO1", "WORLD2", size=(900, 360))) == [
        "HELLO1",
        "WORLD2",
    ]


def test_opencv_error_on_an_unsupported_symbol_is_no_code(samples_dir: Path) -> None:
    """OpenCV raises cv2.error on some symbols (mode 13); the adapter returns no code."""
    assert OpenCvDecoder().decode(read_image(samples_dir / "qrcode-2" / "33.png")) == []


def test_frames_without_a_code_give_nothing() -> None:
    """An empty scene decodes to an empty list."""
    assert KioskDecoder().decode(empty_frame(3)) == []
    assert KioskDecoder(live=True).decode(blank_frame()) == []


def test_live_pipeline_skips_an_unchanged_empty_scene_but_refreshes() -> None:
    """The scene gate skips repeats of an empty frame, except every refresh_every-th one."""
    decoder = KioskDecoder(live=True, refresh_every=6)
    frame = empty_frame(1)
    for _ in range(13):
        decoder.decode(frame)
    assert decoder.skipped == 10  # frames 2-6 and 8-12 skipped; 1, 7 and 13 decoded


def test_live_pipeline_reads_a_code_that_appears_in_a_still_scene() -> None:
    """A badge appearing in a gated scene changes it, so it is decoded at once."""
    decoder = KioskDecoder(live=True)
    image, _shot = kiosk_frame(code(5), seed=3)
    scene = empty_frame(3)
    for _ in range(3):
        decoder.decode(scene)
    assert decoder.decode(image) == [code(5)]
