"""The counter's webcam: live frames read for a slip's QR without blocking the window.

QtMultimedia (PySide6-Addons) gives the frames through a `QVideoSink`; each one becomes a
greyscale Pillow image that zxing-cpp reads on a worker thread of its own. While one frame is
being read the next ones are dropped, so a slow machine reads fewer frames, never a growing
queue. A slip held in front of the camera is announced once, not once per frame: the same
text again is ignored until it has been out of sight for `FORGET_AFTER_S`.

`feed_image` is the same path for any picture (the tests' frames, a capture card's), and
`sink` is the `QVideoSink` a camera or a test pushes `QVideoFrame`s into.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PIL import Image
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.staff.decode import decode_image, find_token

log = logging.getLogger(__name__)

#: A slip out of sight this long may be announced again (shown a second time on purpose).
FORGET_AFTER_S = 3.0
#: The fewest milliseconds between two frames sent to the reader (about 8 a second).
MIN_FRAME_GAP_S = 0.12

try:  # QtMultimedia ships in PySide6-Addons (the `staff` extra); the rest works without
    from PySide6.QtMultimedia import (
        QCamera,
        QCameraDevice,
        QMediaCaptureSession,
        QMediaDevices,
        QVideoFrame,
        QVideoSink,
    )

    MULTIMEDIA = True
except ImportError:  # pragma: no cover - exercised on installs without the staff extra
    MULTIMEDIA = False


def cameras() -> list[Any]:
    """The video inputs the system offers (empty without QtMultimedia)."""
    return list(QMediaDevices.videoInputs()) if MULTIMEDIA else []


def pick_camera(choice: str) -> Any | None:
    """ "auto": the system's default camera; "off": none; else the first whose description
    contains `choice` (case ignored)."""
    if not MULTIMEDIA or choice == "off":
        return None
    found = cameras()
    if not found:
        return None
    if choice == "auto":
        default: QCameraDevice = QMediaDevices.defaultVideoInput()
        return default if not default.isNull() else found[0]
    wanted = choice.casefold()
    return next((c for c in found if wanted in c.description().casefold()), None)


def to_pillow(image: QImage) -> Image.Image:
    """A greyscale copy of `image` that owns its bytes (safe to hand to another thread)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())[: stride * height]
    return Image.frombuffer("L", (width, height), data, "raw", "L", stride, 1).copy()


class CameraScanner(QObject):
    """Reads slips' QR codes from a camera (or any frames fed to it)."""

    token_found = Signal(str)
    #: "on", "off", "unavailable" (no QtMultimedia or no camera) or "error"
    state_changed = Signal(str)

    def __init__(self, choice: str = "auto", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="camera-qr")
        self._reading: Future[str | None] | None = None
        self._last_frame = 0.0
        self._last_text: str | None = None
        self._last_seen = 0.0
        self._camera: Any = None
        self._session: Any = None
        self.sink: Any = None
        if MULTIMEDIA:
            self.sink = QVideoSink(self)
            self.sink.videoFrameChanged.connect(self._frame)

    def available(self) -> bool:
        return pick_camera(self._choice) is not None

    @property
    def running(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    def start(self) -> bool:
        device = pick_camera(self._choice)
        if device is None:
            self.state_changed.emit("unavailable")
            return False
        self._camera = QCamera(device, self)
        self._camera.errorOccurred.connect(self._camera_error)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self.sink)
        self._camera.start()
        log.info("camera started: %s", device.description())
        self.state_changed.emit("on")
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._camera = None
            log.info("camera stopped")
        self.state_changed.emit("off")

    def close(self) -> None:
        self.stop()
        self._reader.shutdown(wait=False, cancel_futures=True)

    def feed_image(self, image: QImage) -> bool:
        """Read `image` for a QR unless a frame is being read or came too soon; True if taken."""
        now = time.monotonic()
        if self._reading is not None and not self._reading.done():
            return False
        if now - self._last_frame < MIN_FRAME_GAP_S:
            return False
        self._last_frame = now
        picture = to_pillow(image)
        self._reading = self._reader.submit(self._read, picture)
        self._reading.add_done_callback(self._read_done)
        return True

    def _frame(self, frame: Any) -> None:
        if isinstance(frame, QVideoFrame) and frame.isValid():
            image = frame.toImage()
            if not image.isNull():
                self.feed_image(image)

    @staticmethod
    def _read(picture: Image.Image) -> str | None:
        return find_token(decode_image(picture))

    def _read_done(self, done: Future[str | None]) -> None:
        # On the reader's thread: only compare and emit (Qt queues the signal to the window).
        if done.cancelled():
            return
        error = done.exception()
        if error is not None:
            log.warning("a camera frame could not be read: %s", type(error).__name__)
            return
        text = done.result()
        now = time.monotonic()
        if text is None:
            if now - self._last_seen > FORGET_AFTER_S:
                self._last_text = None
            return
        repeated = text == self._last_text
        self._last_text, self._last_seen = text, now
        if not repeated:
            self.token_found.emit(text)

    def _camera_error(self, _error: Any, words: str) -> None:
        log.warning("camera error: %s", words)
        self.state_changed.emit("error")
