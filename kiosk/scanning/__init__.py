"""Scanning: frame sources (webcam, video file, image folder, handheld scanner) and QR decoding.

No Qt here: the GUI runs ScanLoop.run in a QThread of its own and turns the callbacks
into signals.
"""

from kiosk.scanning.camera import CameraSource
from kiosk.scanning.decoders import Decoder, OpenCvDecoder, ZxingDecoder
from kiosk.scanning.dedupe import CodeDeduper
from kiosk.scanning.events import ScanEvent, ScanStatus, StatusKind
from kiosk.scanning.files import ImageFilesSource, VideoFileSource, read_image
from kiosk.scanning.frames import (
    Frame,
    FrameSource,
    FrameUnreadable,
    SourceError,
    SourceLost,
    SourceUnavailable,
    iter_frames,
)
from kiosk.scanning.loop import Backoff, LoopStats, ScanLoop
from kiosk.scanning.payload import MAX_CODE_CHARS, one_line, payload_text
from kiosk.scanning.pipeline import KioskDecoder
from kiosk.scanning.sources import open_source
from kiosk.scanning.wedge import KeyboardWedge, normalise_typed

__all__ = [
    "MAX_CODE_CHARS",
    "Backoff",
    "CameraSource",
    "CodeDeduper",
    "Decoder",
    "Frame",
    "FrameSource",
    "FrameUnreadable",
    "ImageFilesSource",
    "KeyboardWedge",
    "KioskDecoder",
    "LoopStats",
    "OpenCvDecoder",
    "ScanEvent",
    "ScanLoop",
    "ScanStatus",
    "SourceError",
    "SourceLost",
    "SourceUnavailable",
    "StatusKind",
    "VideoFileSource",
    "ZxingDecoder",
    "iter_frames",
    "normalise_typed",
    "one_line",
    "open_source",
    "payload_text",
    "read_image",
]
