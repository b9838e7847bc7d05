"""QR decoders behind one interface: zxing-cpp and OpenCV's QRCodeDetector and its Aruco variant."""

from __future__ import annotations

from typing import Protocol

import cv2
import numpy as np
import zxingcpp

from kiosk.scanning.frames import Image
from kiosk.scanning.payload import cap_length, payload_text


class Decoder(Protocol):
    """Finds every QR code in a picture and returns their texts, each once, never raising."""

    name: str

    def decode(self, image: Image) -> list[str]: ...


def to_gray(image: Image) -> Image:
    """A grayscale view of a BGR or grayscale picture (decoders only need luminance)."""
    if image.ndim == 2:
        return image
    return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), dtype=np.uint8)


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(t for t in texts if t))


class ZxingDecoder:
    """zxing-cpp: fast on frames without a code, reads tilted, blurred and inverted codes.

    TextMode.Plain, not the default HRI: HRI rewrites some content (GS1 brackets,
    escapes). Its text follows the symbol's ECI or zxing's character-set guess; when that
    gives nothing, the raw bytes go through payload_text.
    """

    def __init__(
        self,
        try_invert: bool = True,
        try_rotate: bool = True,
        try_downscale: bool = True,
        binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage,
        name: str = "zxing-cpp",
    ) -> None:
        self.name = name
        self._invert, self._rotate, self._downscale = try_invert, try_rotate, try_downscale
        self._binarizer = binarizer

    def decode(self, image: Image) -> list[str]:
        found = zxingcpp.read_barcodes(
            to_gray(image),
            # a fresh BarcodeFormats per call: one kept in a module global outlives
            # zxingcpp at interpreter exit and nanobind reports it as a leak
            formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
            try_rotate=self._rotate,
            try_downscale=self._downscale,
            try_invert=self._invert,
            text_mode=zxingcpp.TextMode.Plain,
            binarizer=self._binarizer,
        )
        return _unique(
            [cap_length(code.text) if code.text else payload_text(code.bytes) for code in found]
        )


class OpenCvDecoder:
    """OpenCV's QRCodeDetector (the baseline) or QRCodeDetectorAruco, all codes of a frame.

    The *Bytes* calls are used: the str ones raise UnicodeDecodeError on payloads that
    are not UTF-8. cv2.error (e.g. "mode 13 not implemented" for some symbols) means no
    code read, not a crash.
    """

    def __init__(self, aruco: bool = False) -> None:
        self.name = "OpenCV QRCodeDetectorAruco" if aruco else "OpenCV QRCodeDetector"
        self._detector = cv2.QRCodeDetectorAruco() if aruco else cv2.QRCodeDetector()

    def decode(self, image: Image) -> list[str]:
        try:
            _ok, payloads, _points, _straight = self._detector.detectAndDecodeBytesMulti(
                to_gray(image)
            )
        except cv2.error:
            return []
        return _unique([payload_text(bytes(raw)) for raw in payloads if raw is not None])


def single_decoders() -> list[Decoder]:
    """The decoders the bench compares side by side, the baseline first."""
    return [OpenCvDecoder(), OpenCvDecoder(aruco=True), ZxingDecoder()]
