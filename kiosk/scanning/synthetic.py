"""Synthetic kiosk camera frames: a badge or phone QR held in front of a webcam, and empty scenes.

A pinhole camera (1280x720, 65 degrees horizontal field of view, like a common USB
webcam) looks at a room. A printed A6 badge (7 cm QR) or a phone screen (4.5 cm QR) is
placed at a distance, tilted, and then spoilt: motion blur, glare, low light, sensor
noise and the camera's JPEG compression. Used by the benches, the tests and the demo.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import cv2
import numpy as np
import qrcode
import qrcode.constants

from kiosk.scanning.frames import Image

WIDTH, HEIGHT = 1280, 720
FOCAL_PX = (WIDTH / 2) / math.tan(math.radians(65 / 2))
CARD_PX_PER_CM = 40.0  # render resolution of badge and phone before projection


@dataclass(frozen=True)
class Holder:
    """Something carrying a QR: its size and the QR's place on it, in centimetres."""

    kind: str
    size_cm: tuple[float, float]
    qr_cm: float
    qr_center_cm: tuple[float, float]


BADGE = Holder("badge", (10.5, 14.8), 7.0, (5.25, 9.4))
PHONE = Holder("phone", (7.0, 14.5), 4.5, (3.5, 7.5))


@dataclass(frozen=True)
class Shot:
    """Where the holder is and how the picture is spoilt."""

    holder: Holder
    distance_cm: float
    center: tuple[float, float]  # where the QR's centre lands, in frame pixels
    yaw: float = 0.0  # degrees, turns about the vertical axis
    pitch: float = 0.0  # degrees, tips about the horizontal axis
    roll: float = 0.0  # degrees, in the image plane
    blur_px: float = 0.0  # motion blur length
    blur_angle: float = 0.0
    glare: float = 0.0  # 0..1 strength of a specular highlight on the holder
    light: float = 1.0  # 1 office light; 0.3 a dim corridor
    noise: float = 3.0  # sensor noise sigma, grey levels
    jpeg_quality: int = 85


def qr_modules(payload: str | bytes, border: int = 4) -> Image:
    """The QR symbol as a 0/255 image, one pixel per module, quiet zone included."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    qr.add_data(payload)
    qr.make(fit=True)
    matrix = np.array(qr.get_matrix(), dtype=bool)
    return np.where(matrix, 0, 255).astype(np.uint8)


def qr_picture(payload: str | bytes, module_px: int = 8) -> Image:
    """A clean printable QR picture (grayscale), e.g. for `kiosk decode` tests."""
    modules = qr_modules(payload)
    big = cv2.resize(modules, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)
    return np.asarray(big, dtype=np.uint8)


def render_holder(payload: str | bytes, holder: Holder, seed: int = 0) -> Image:
    """The badge or phone as a flat BGR picture at CARD_PX_PER_CM."""
    rng = np.random.default_rng(seed)
    w, h = (round(v * CARD_PX_PER_CM) for v in holder.size_cm)
    if holder.kind == "phone":
        card = np.full((h, w, 3), 20, np.uint8)
        bezel = round(0.3 * CARD_PX_PER_CM)
        card[bezel * 3 : h - bezel * 3, bezel : w - bezel] = 238
        card[bezel * 3 : bezel * 3 + round(1.2 * CARD_PX_PER_CM), bezel : w - bezel] = (160, 90, 30)
    else:
        card = np.full((h, w, 3), 246, np.uint8)
        color = tuple(int(c) for c in rng.integers(40, 200, 3))
        card[: round(3.2 * CARD_PX_PER_CM)] = color
        cv2.putText(card, "SCES 2026", (20, 80), cv2.FONT_HERSHEY_DUPLEX, 2.2, (255,) * 3, 4)
        for line, scale in ((0, 1.5), (1, 1.0)):
            text = "".join(chr(int(c)) for c in rng.integers(65, 91, 12 - 3 * line))
            cv2.putText(
                card, text, (24, 172 + 46 * line), cv2.FONT_HERSHEY_SIMPLEX, scale, (30,) * 3, 3
            )
    qr_px = round(holder.qr_cm * CARD_PX_PER_CM)
    symbol = cv2.resize(qr_modules(payload), (qr_px, qr_px), interpolation=cv2.INTER_AREA)
    cx, cy = (round(v * CARD_PX_PER_CM) for v in holder.qr_center_cm)
    card[cy - qr_px // 2 : cy - qr_px // 2 + qr_px, cx - qr_px // 2 : cx - qr_px // 2 + qr_px] = (
        symbol[..., None]
    )
    return card


def background(seed: int = 0) -> Image:
    """An empty kiosk scene: wall, floor, door, posters, a passer-by, some clutter."""
    rng = np.random.default_rng(seed)
    ramp = np.linspace(150, 95, HEIGHT, dtype=np.float32)[:, None, None]
    tint = rng.uniform(0.85, 1.1, 3).astype(np.float32)
    scene = np.clip(ramp * tint * np.ones((1, WIDTH, 1), np.float32), 0, 255).astype(np.uint8)
    scene[int(HEIGHT * 0.78) :] = (70, 75, 85)
    door_x = int(rng.integers(100, WIDTH - 400))
    cv2.rectangle(scene, (door_x, 120), (door_x + 260, int(HEIGHT * 0.78)), (60, 70, 90), -1)
    for _ in range(int(rng.integers(3, 7))):
        x, y = int(rng.integers(0, WIDTH - 200)), int(rng.integers(20, HEIGHT // 2))
        w, h = int(rng.integers(80, 220)), int(rng.integers(100, 280))
        cv2.rectangle(
            scene, (x, y), (x + w, y + h), tuple(int(c) for c in rng.integers(0, 255, 3)), -1
        )
        for k in range(int(rng.integers(2, 6))):
            cv2.putText(
                scene,
                "EXPO",
                (x + 8, y + 30 + 28 * k),
                cv2.FONT_HERSHEY_SIMPLEX,
                0.8,
                (250,) * 3,
                2,
            )
    px = int(rng.integers(200, WIDTH - 200))
    cv2.ellipse(scene, (px, 560), (130, 260), 0, 180, 360, (40, 40, 50), -1)
    cv2.circle(scene, (px, 250), 60, (120, 140, 170), -1)
    for _ in range(40):
        p1 = (int(rng.integers(0, WIDTH)), int(rng.integers(0, HEIGHT)))
        p2 = (p1[0] + int(rng.integers(-120, 120)), p1[1] + int(rng.integers(-120, 120)))
        cv2.line(
            scene, p1, p2, tuple(int(c) for c in rng.integers(0, 255, 3)), int(rng.integers(1, 4))
        )
    return np.asarray(cv2.GaussianBlur(scene, (0, 0), 1.2), dtype=np.uint8)


def _rotation(yaw: float, pitch: float, roll: float) -> np.ndarray:
    y, p, r = (math.radians(a) for a in (yaw, pitch, roll))
    ry = np.array([[math.cos(y), 0, math.sin(y)], [0, 1, 0], [-math.sin(y), 0, math.cos(y)]])
    rx = np.array([[1, 0, 0], [0, math.cos(p), -math.sin(p)], [0, math.sin(p), math.cos(p)]])
    rz = np.array([[math.cos(r), -math.sin(r), 0], [math.sin(r), math.cos(r), 0], [0, 0, 1]])
    result: np.ndarray = rz @ rx @ ry
    return result


def _projection(holder: Holder, shot: Shot) -> np.ndarray:
    """Homography from holder pixels to frame pixels for the shot's pose."""
    w, h = holder.size_cm
    qx, qy = holder.qr_center_cm
    corners = np.array([[-qx, -qy, 0], [w - qx, -qy, 0], [w - qx, h - qy, 0], [-qx, h - qy, 0]])
    cx, cy = shot.center
    offset = np.array([(cx - WIDTH / 2) / FOCAL_PX, (cy - HEIGHT / 2) / FOCAL_PX, 1.0])
    world = corners @ _rotation(shot.yaw, shot.pitch, shot.roll).T + offset * shot.distance_cm
    image_pts = world[:, :2] / world[:, 2:] * FOCAL_PX + np.array([WIDTH / 2, HEIGHT / 2])
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]]) * CARD_PX_PER_CM
    matrix: np.ndarray = cv2.getPerspectiveTransform(
        src.astype(np.float32), image_pts.astype(np.float32)
    )
    return matrix


def _motion_kernel(length: float, angle: float) -> np.ndarray:
    size = max(3, math.ceil(length) | 1)
    kernel = np.zeros((size, size), np.float32)
    kernel[size // 2, :] = 1.0
    rot = cv2.getRotationMatrix2D((size / 2 - 0.5, size / 2 - 0.5), angle, 1.0)
    turned = np.asarray(cv2.warpAffine(kernel, rot, (size, size)), dtype=np.float32)
    return turned / max(float(turned.sum()), 1e-6)


def compose(scene: Image, card: Image, shot: Shot, rng: np.random.Generator) -> Image:
    """The frame the webcam gives for `card` placed as `shot` says in front of `scene`.

    The card is warped, glared and blurred only within its bounding box (plus the blur's
    reach): the whole-frame versions made a 100-badge door video take ten minutes.
    """
    matrix = _projection(shot.holder, shot)
    h, w = card.shape[:2]
    corners = cv2.perspectiveTransform(
        np.array([[[0, 0]], [[w, 0]], [[w, h]], [[0, h]]], np.float32), matrix
    ).reshape(-1, 2)
    blur = min(shot.blur_px, 40.0)
    reach = int(blur) + 2
    x0, y0 = (max(0, int(v) - reach) for v in corners.min(axis=0))
    x1, y1 = int(corners[:, 0].max()) + reach, int(corners[:, 1].max()) + reach
    x1, y1 = min(WIDTH, x1), min(HEIGHT, y1)
    frame = scene.astype(np.float32)
    if x1 <= x0 or y1 <= y0:
        return finish(frame, shot.light, shot.noise, shot.jpeg_quality, rng)
    shift = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], np.float64) @ matrix
    size = (x1 - x0, y1 - y0)
    layer = cv2.warpPerspective(card, shift, size, flags=cv2.INTER_LINEAR).astype(np.float32)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), shift, size).astype(np.float32)
    if shot.glare > 0:
        gx = shot.center[0] - x0 + rng.uniform(-40, 40)
        gy = shot.center[1] - y0 + rng.uniform(-40, 40)
        yy, xx = np.ogrid[: size[1], : size[0]]
        spread = 2 * (FOCAL_PX * 2.0 / shot.distance_cm) ** 2
        spot = np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2 * 2.5) / spread) * 255 * shot.glare
        layer = np.minimum(layer + (spot * (mask > 0))[..., None].astype(np.float32), 255)
    if blur >= 1.5:
        kernel = _motion_kernel(blur, shot.blur_angle)
        layer = np.asarray(cv2.filter2D(layer, -1, kernel), np.float32)
        mask = np.asarray(cv2.filter2D(mask, -1, kernel), np.float32)
    alpha = (mask / 255.0)[..., None]
    roi = frame[y0:y1, x0:x1]
    frame[y0:y1, x0:x1] = roi * (1 - alpha) + layer * alpha
    return finish(frame, shot.light, shot.noise, shot.jpeg_quality, rng)


GRAIN_MARGIN = 64


@functools.cache
def _grain() -> np.ndarray:
    """A fixed field of unit Gaussian noise, a little larger than a frame (11 MB, made once).

    Each frame takes a randomly placed window of it: fresh-looking noise per frame for the
    cost of a view, where drawing 2.7 million normal numbers per frame cost ~40 ms.
    """
    rng = np.random.default_rng(12345)
    shape = (HEIGHT + GRAIN_MARGIN, WIDTH + GRAIN_MARGIN, 3)
    return rng.standard_normal(shape, dtype=np.float32)


def finish(
    frame: np.ndarray, light: float, noise: float, quality: int, rng: np.random.Generator
) -> Image:
    """Exposure, sensor noise and the webcam's MJPG compression."""
    dy, dx = (int(v) for v in rng.integers(0, GRAIN_MARGIN, 2))
    grain = _grain()[dy : dy + frame.shape[0], dx : dx + frame.shape[1]]
    out = np.asarray(
        cv2.addWeighted(frame.astype(np.float32), light, grain, noise, 0.0, dtype=cv2.CV_8U),
        dtype=np.uint8,
    )
    if quality < 100:
        _ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])
        out = np.asarray(cv2.imdecode(data, cv2.IMREAD_COLOR), dtype=np.uint8)
    return out


def random_shot(rng: np.random.Generator, holder: Holder | None = None) -> Shot:
    """A plausible hold: 30-80 cm away, tilted up to 30 degrees, sometimes blurred, glared, dim."""
    holder = holder or (BADGE if rng.random() < 0.6 else PHONE)
    tilt, direction = rng.uniform(0, 30), rng.uniform(0, 2 * math.pi)
    dim = rng.random() < 0.25
    return Shot(
        holder=holder,
        distance_cm=float(rng.uniform(30, 80)),
        center=(float(rng.uniform(300, WIDTH - 300)), float(rng.uniform(200, HEIGHT - 200))),
        yaw=tilt * math.cos(direction),
        pitch=tilt * math.sin(direction),
        roll=float(rng.uniform(-25, 25)),
        blur_px=float(rng.uniform(2, 10)) if rng.random() < 0.4 else 0.0,
        blur_angle=float(rng.uniform(0, 180)),
        glare=float(rng.uniform(0.3, 0.8)) if rng.random() < 0.3 else 0.0,
        light=float(rng.uniform(0.3, 0.55)) if dim else 1.0,
        noise=float(rng.uniform(5, 10)) if dim else float(rng.uniform(1.5, 4)),
        jpeg_quality=int(rng.integers(70, 92)),
    )


def random_code(rng: np.random.Generator, length: int | None = None) -> str:
    """A string shaped like a badge code: 120-150 characters of the badge alphabet."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
    n = length or int(rng.integers(120, 151))
    return "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), n))


def kiosk_frame(payload: str | bytes, seed: int) -> tuple[Image, Shot]:
    """One synthetic frame showing `payload`, its shot drawn from `seed`."""
    rng = np.random.default_rng(seed)
    shot = random_shot(rng)
    card = render_holder(payload, shot.holder, seed)
    return compose(background(seed % 7), card, shot, rng), shot


def empty_frame(seed: int) -> Image:
    """A synthetic frame of the scene with nobody showing a code."""
    rng = np.random.default_rng(seed)
    light = 1.0 if rng.random() < 0.75 else float(rng.uniform(0.3, 0.55))
    scene = background(seed % 7).astype(np.float32)
    return finish(scene, light, 3.0 if light == 1.0 else 8.0, 85, rng)
