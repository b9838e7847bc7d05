"""Reading badges back the way a person or a scanner would: QR decoding, PDF text and pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import zxingcpp
from PySide6.QtGui import QImage


def gray(image: QImage) -> np.ndarray:
    """A QImage as a numpy grayscale array (no copy through PIL)."""
    g = image.convertToFormat(QImage.Format.Format_Grayscale8)
    raw = np.frombuffer(g.constBits(), dtype=np.uint8, count=g.sizeInBytes())
    return raw.reshape(g.height(), g.bytesPerLine())[:, : g.width()].copy()


def decode_qr(image: QImage | np.ndarray) -> list[str]:
    pixels = gray(image) if isinstance(image, QImage) else image
    found = zxingcpp.read_barcodes(
        pixels, formats=zxingcpp.BarcodeFormat.QRCode, text_mode=zxingcpp.TextMode.Plain
    )
    return [b.text for b in found]


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (k.strip(), v.strip()) for k, v in (line.split(":", 1) for line in out.stdout.splitlines())
    )


def page_size_mm(path: Path) -> tuple[float, float]:
    """The first page's size in millimetres, from pdfinfo's points."""
    match = re.match(r"([\d.]+) x ([\d.]+) pts", pdf_info(path)["Page size"])
    assert match, pdf_info(path)
    return (float(match[1]) * 25.4 / 72, float(match[2]) * 25.4 / 72)


def pdf_page_image(path: Path, page: int, tmp: Path, dpi: int = 200) -> QImage:
    """One page rasterised by poppler (pdftoppm), as a scanner-like grayscale image."""
    prefix = tmp / f"page-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
    )
    image = QImage(str(prefix) + ".png")
    assert not image.isNull()
    return image
