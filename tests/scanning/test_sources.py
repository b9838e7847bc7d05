"""Sources: image folders, video files and open_source, with generated files, no camera."""

from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.scanning.camera import CameraSource
from kiosk.scanning.files import ImageFilesSource, VideoFileSource, read_image
from kiosk.scanning.frames import FrameUnreadable, SourceUnavailable, iter_frames
from kiosk.scanning.sources import open_source
from tests.scanning.conftest import MakeImages
from tests.scanning.helpers import blank_frame, code, qr_frame


def write_video(path: Path, frames: list[np.ndarray], fps: float = 30.0) -> Path:
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, (width, height))
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def test_folder_plays_its_images_in_natural_order(make_images: MakeImages) -> None:
    """img2 comes before img10; frames are numbered and timed at the given fps."""
    paths = make_images({"img10.png": qr_frame("B"), "img2.png": qr_frame("A")})
    source = ImageFilesSource(paths[0].parent, fps=4.0, paced=False)
    frames = list(iter_frames(source))
    assert [(f.index, f.pts) for f in frames] == [(0, 0.0), (1, 0.25)]
    assert np.array_equal(frames[0].image, read_image(paths[1]))


def test_unreadable_image_in_a_folder_is_reported_and_skipped(make_images: MakeImages) -> None:
    """A corrupt file raises FrameUnreadable naming it; the next image still plays."""
    paths = make_images({"a.png": blank_frame(), "c.png": blank_frame()})
    (paths[0].parent / "b.png").write_bytes(b"not a png at all")
    source = ImageFilesSource(paths[0].parent, paced=False)
    source.open()
    assert source.read() is not None
    with pytest.raises(FrameUnreadable, match=r"cannot read image .*b\.png: not an image"):
        source.read()
    assert source.read() is not None
    assert source.read() is None


def test_empty_or_missing_folder_cannot_be_opened(tmp_path: Path) -> None:
    """A folder without images and a missing folder both give one-line messages."""
    with pytest.raises(SourceUnavailable, match="no images in"):
        ImageFilesSource(tmp_path).open()
    with pytest.raises(SourceUnavailable, match="image folder not found"):
        ImageFilesSource(tmp_path / "nope").open()


def test_read_image_explains_what_is_wrong(tmp_path: Path) -> None:
    """Missing file, folder and empty file each get their own one-line reason."""
    (tmp_path / "empty.png").write_bytes(b"")
    cases = [("none.png", "no such file"), ("", "it is a folder"), ("empty.png", "corrupted")]
    for name, reason in cases:
        with pytest.raises(FrameUnreadable, match=reason) as caught:
            read_image(tmp_path / name)
        assert "\n" not in str(caught.value)


def test_video_file_plays_every_frame_then_ends(tmp_path: Path) -> None:
    """A video's frames come out in order with its own frame rate as pts, then None."""
    frames = [qr_frame(code(1)), blank_frame(), blank_frame()]
    source = VideoFileSource(write_video(tmp_path / "v.mp4", frames, fps=10), paced=False)
    played = list(iter_frames(source))
    assert [f.pts for f in played] == [0.0, 0.1, 0.2]
    assert played[0].image.shape == (360, 640, 3)


def test_looping_video_starts_over(tmp_path: Path) -> None:
    """loop=True plays the file again after its end, pts still increasing."""
    path = write_video(tmp_path / "v.mp4", [blank_frame(), blank_frame()])
    source = VideoFileSource(path, paced=False, loop=True)
    source.open()
    pts = [frame.pts for frame in (source.read() for _ in range(5)) if frame]
    source.close()
    assert len(pts) == 5 and pts == sorted(pts)


def test_corrupted_or_missing_video_gives_a_one_line_message(tmp_path: Path) -> None:
    """Random bytes named .mp4 and a missing file cannot be opened, with a clear reason."""
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(os.urandom(4096))
    with pytest.raises(SourceUnavailable, match=r"cannot play .*broken\.mp4: not a video"):
        VideoFileSource(broken).open()
    with pytest.raises(SourceUnavailable, match="video file not found"):
        VideoFileSource(tmp_path / "missing.mp4").open()


def test_open_source_understands_each_kind_of_spec(tmp_path: Path, make_images: MakeImages) -> None:
    """Index and /dev path are cameras, a folder or image plays images, other files videos."""
    image = make_images({"a.png": blank_frame()})[0]
    video = write_video(tmp_path / "v.mp4", [blank_frame()])
    assert isinstance(open_source("0"), CameraSource)
    assert isinstance(open_source("/dev/video7"), CameraSource)
    assert isinstance(open_source(str(image.parent)), ImageFilesSource)
    assert isinstance(open_source(str(image)), ImageFilesSource)
    assert isinstance(open_source(str(video)), VideoFileSource)


def test_open_source_refuses_what_does_not_exist(tmp_path: Path) -> None:
    """A missing path or an empty spec gives SourceUnavailable, not a crash."""
    with pytest.raises(SourceUnavailable, match="no such camera, file or folder"):
        open_source(str(tmp_path / "door.mp4"))
    with pytest.raises(SourceUnavailable, match="no camera or file given"):
        open_source("  ")


def test_missing_camera_device_cannot_be_opened() -> None:
    """A device path with no camera behind it is SourceUnavailable (the loop retries it)."""
    with pytest.raises(SourceUnavailable, match="no camera at /dev/video-kiosk-test"):
        CameraSource("/dev/video-kiosk-test").open()


@pytest.mark.camera
def test_real_webcam_gives_frames() -> None:
    """A real webcam at index 0 gives 1280x720-ish BGR frames with increasing times."""
    source = CameraSource(0)
    source.open()
    try:
        first, second = source.read(), source.read()
    finally:
        source.close()
    assert first.image.ndim == 3 and second.arrived > first.arrived
