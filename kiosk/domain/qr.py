"""QR symbols for badge codes: the module matrix, shared by PNG export and badge painting."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M


def qr_matrix(text: str, border: int = 4) -> list[list[bool]]:
    """Modules of the smallest QR (error correction M) holding `text`, with a quiet zone."""
    symbol = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    symbol.add_data(text)
    symbol.make(fit=True)
    return [list(row) for row in symbol.get_matrix()]


def qr_version(text: str) -> int:
    symbol = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
    symbol.add_data(text)
    symbol.make(fit=True)
    return int(symbol.version)
