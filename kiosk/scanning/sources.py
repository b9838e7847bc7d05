"""open_source: a command-line or settings string ("0", "/dev/video0", "door.mp4", "photos/")."""

from __future__ import annotations

from pathlib import Path

from kiosk.scanning.camera import CameraSource
from kiosk.scanning.files import IMAGE_SUFFIXES, ImageFilesSource, VideoFileSource
from kiosk.scanning.frames import FrameSource, SourceUnavailable


def open_source(
    spec: str,
    fps: float | None = None,
    paced: bool = True,
    loop: bool = False,
    size: tuple[int, int] = (1280, 720),
) -> FrameSource:
    """The source a string names; SourceUnavailable with a one-line message if it cannot be.

    A number is a camera index, /dev/... a camera device, a folder a set of images played
    at `fps` (5 by default), an image file a still camera, any other file a video played at
    its own rate or `fps`. `paced` plays files in real time (as a camera would); `loop`
    starts them over at the end. The source is returned closed: the scan loop opens it, so
    that a camera missing at start is retried like one unplugged later.
    """
    spec = spec.strip()
    if not spec:
        raise SourceUnavailable("no camera or file given")
    width, height = size
    if spec.isdigit():
        return CameraSource(int(spec), width, height, fps or 30.0)
    if spec.startswith("/dev/"):
        return CameraSource(spec, width, height, fps or 30.0)
    path = Path(spec).expanduser()
    if path.is_dir():
        return ImageFilesSource(path, fps or 5.0, paced, loop)
    if not path.exists():
        raise SourceUnavailable(f"no such camera, file or folder: {spec}")
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageFilesSource([path], fps or 5.0, paced, loop)
    if not path.is_file():
        raise SourceUnavailable(f"not a camera, video or image folder: {spec}")
    return VideoFileSource(path, fps, paced, loop)
