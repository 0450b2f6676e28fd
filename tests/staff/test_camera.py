"""The counter's webcam path (kiosk.staff.camera): frames become tokens, off the window's thread.

No camera is attached to these machines, so the frames are pictures made as a webcam would
see them: a slip on a desk (turned, in perspective, blurred, unevenly lit) and the
confirmation email's QR on a phone screen. They go in through the real `QVideoSink` the camera
feeds (as `QVideoFrame`s) and through `feed_image`.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame
from pytestqt.qtbot import QtBot

from kiosk.printing.paper import Paper
from kiosk.printing.sample import sample_slip
from kiosk.printing.slip import render_slip
from kiosk.staff import camera as camera_module
from kiosk.staff.camera import CameraScanner, to_pillow
from tests.printing.raster import rasterise, threshold
from tests.staff.images import on_phone_screen, photographed
from turnos.services.confirmation import qr_png

# QtMultimedia's FFmpeg back end looks for VA-API (hardware decoding) and a GPU at its first
# frame; these machines have neither and it converts on the CPU, which is all a webcam needs.
pytestmark = pytest.mark.qt_log_ignore(
    r"Couldn.t (load|resolve) va", r"Couldn.t load VAAPI", r"No RHI backend", r"PulseAudioService"
)


def _slip_token() -> str:
    return sample_slip().token


def _qimage(picture: Image.Image) -> QImage:
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, "PNG")
    image = QImage()
    assert image.loadFromData(buffer.getvalue(), "PNG")
    return image


@pytest.fixture
def scanner(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[CameraScanner]:
    monkeypatch.setattr(camera_module, "MIN_FRAME_GAP_S", 0.0)  # every test frame is read
    scanner = CameraScanner("auto")
    try:
        yield scanner
    finally:
        scanner.close()


def _found(qtbot: QtBot, scanner: CameraScanner, push: Any, timeout: int = 10_000) -> str:
    with qtbot.waitSignal(scanner.token_found, timeout=timeout) as seen:
        push()
    return str(seen.args[0])


def test_a_slip_photographed_on_the_desk_is_read_through_the_video_sink(
    qtbot: QtBot, scanner: CameraScanner
) -> None:
    slip = sample_slip()
    raster = threshold(rasterise(render_slip(slip, Paper.ROLL_80)))
    photo = photographed(raster, angle=8, perspective=0.15, blur=1.2, light=0.4, jpeg=60)
    frame = QVideoFrame(_qimage(photo))
    assert frame.isValid()
    assert _found(qtbot, scanner, lambda: scanner.sink.setVideoFrame(frame)) == slip.token


def test_the_emails_qr_on_a_phone_screen(qtbot: QtBot, scanner: CameraScanner) -> None:
    token = _slip_token()
    email_png = Image.open(io.BytesIO(qr_png(token)))
    phone = photographed(on_phone_screen(email_png), angle=-5, perspective=0.1, blur=1.0)
    assert _found(qtbot, scanner, lambda: scanner.feed_image(_qimage(phone))) == token


def test_a_slip_held_in_view_is_announced_once_and_again_after_it_left(
    qtbot: QtBot, scanner: CameraScanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(camera_module, "FORGET_AFTER_S", 0.3)
    token = _slip_token()
    slip_frame = _qimage(Image.open(io.BytesIO(qr_png(token))))
    empty = _qimage(Image.new("L", (320, 240), 200))
    found: list[str] = []
    scanner.token_found.connect(found.append)

    def feed(image: QImage, times: int) -> None:
        for _ in range(times):
            qtbot.waitUntil(lambda: scanner.feed_image(image), timeout=5000)
        qtbot.waitUntil(lambda: scanner._reading is not None and scanner._reading.done())
        qtbot.wait(20)  # the queued signal reaches the window's thread

    feed(slip_frame, 4)
    assert found == [token]
    feed(empty, 1)
    time.sleep(0.35)
    feed(empty, 1)  # out of sight long enough
    feed(slip_frame, 2)
    assert found == [token, token]


def test_frames_that_come_while_one_is_read_are_dropped(scanner: CameraScanner) -> None:
    big = _qimage(Image.new("L", (1920, 1080), 255))
    assert scanner.feed_image(big)
    assert not scanner.feed_image(big)  # the reader is busy with the first


def test_without_a_camera_it_says_so_and_does_not_start(
    qtbot: QtBot, scanner: CameraScanner
) -> None:
    if camera_module.cameras():
        pytest.skip("this machine has a camera")
    assert not scanner.available()
    with qtbot.waitSignal(scanner.state_changed) as state:
        assert not scanner.start()
    assert state.args == ["unavailable"]
    assert CameraScanner("off").available() is False


def test_frames_become_greyscale_pictures_that_own_their_bytes() -> None:
    image = QImage(33, 7, QImage.Format.Format_RGB32)  # an odd width: rows are padded
    image.fill(0x808080)
    picture = to_pillow(image)
    del image
    assert picture.size == (33, 7)
    assert picture.mode == "L"
    assert picture.getextrema() == (128, 128)
