"""Starting the counter app, its files, its optional parts (webcam, sounds), its colours."""

from __future__ import annotations

import sys
import wave
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from kiosk.config import KioskSettings
from kiosk.staff import sounds as sounds_module
from kiosk.staff.app import camera_for, missing_settings, run_staff
from kiosk.staff.style import STATUS_TONES, STYLE, TONES
from kiosk.staff.verdict import Answer
from kiosk.staff.window import NoCamera
from kiosk.ui.theme import contrast_ratio
from tests.service.helpers import Api
from tests.staff.conftest import AGENCY, open_turns
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService
from turnos.services.confirmation import qr_png

# QtMultimedia says on this machine that it has no PipeWire, VA-API nor sound card: nothing
# of our code's. (One marker for all: pytest-qt reads the closest qt_log_ignore only.)
MULTIMEDIA_NOISE = pytest.mark.qt_log_ignore(
    r"^Couldn't (load|resolve) .* (library|symbols)$",
    r"^PulseAudioService: pa_context_connect\(\) failed",
    r"^QSoundEffect: playback of this format is not supported on the selected audio device",
    r"This plugin does not support propagateSizeHints",
)


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({}, ["staff.token", "staff.agency_id", "service.url"]),
        ({"staff": {"token": "st_SECRET"}}, ["staff.agency_id", "service.url"]),
        ({"staff": {"token": "st_SECRET", "agency_id": 241}}, ["service.url"]),
    ],
)
def test_it_refuses_to_start_without_its_token_agency_and_service(
    given: dict[str, Any], missing: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    settings = KioskSettings.model_validate(given)
    assert missing_settings(settings) == missing
    assert run_staff(settings) == 2
    said = capsys.readouterr().err
    for key in missing:
        assert key in said
    assert "SECRET" not in said  # the token itself is never repeated


def test_its_files_go_to_the_users_data_folder_by_default(
    make_counter: Any,
    staff_service: EmbeddedService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    make_counter(
        staff_service.url,
        staff_service.credentials["staff_tokens"][str(AGENCY)],
        keys_file=None,
        queue_dir=None,
    )
    folder = tmp_path / "data" / "turnero-kiosk" / "staff"
    assert (folder / "keys.json").is_file()
    assert (folder / "catalog-names.json").is_file()


def test_the_camera_button_says_why_it_is_off(
    make_counter: Any, staff_service: EmbeddedService, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert camera_for("off") == (None, NoCamera.OFF)
    monkeypatch.setitem(sys.modules, "kiosk.staff.camera", None)  # not installed
    assert camera_for("auto") == (None, NoCamera.NO_SUPPORT)
    token = staff_service.credentials["staff_tokens"][str(AGENCY)]
    for reason, words in (
        (NoCamera.OFF, "La cámara está desactivada en la configuración."),
        (NoCamera.NO_SUPPORT, "Falta el soporte de cámara en esta instalación."),
        (NoCamera.NOT_FOUND, "No se encontró una cámara."),
    ):
        clerk = make_counter(staff_service.url, token, camera=(None, reason))
        button, _ = clerk.control("Cámara")
        assert not button.isEnabled()
        assert words in clerk.visible_text()


@MULTIMEDIA_NOISE
def test_a_slip_the_webcam_reads_is_answered_like_a_scan(
    make_counter: Any, staff_service: EmbeddedService, staff_clock: MovableClock
) -> None:
    from kiosk.staff.camera import CameraScanner

    api = Api(staff_service.url, staff_service.credentials, staff_service.outbox, staff_clock)
    (turn,) = open_turns(api, staff_clock, 1)
    webcam = CameraScanner("auto")
    clerk = make_counter(
        staff_service.url,
        staff_service.credentials["staff_tokens"][str(AGENCY)],
        camera=(webcam, None),
    )
    try:
        button = clerk.click("Cámara")
        assert button.isEnabled()
        if not webcam.available():  # none on this machine: it says so and stays off
            assert "No se encontró una cámara." in clerk.visible_text()
        image = QImage()
        assert image.loadFromData(qr_png(turn.token), "PNG")
        clerk.qtbot.waitUntil(lambda: webcam.feed_image(image), timeout=5000)
        outcome = clerk.answer()
        assert clerk.answered_on_ui_thread
        assert outcome.source == "camera"
        assert outcome.answer is Answer.CHECKED_IN
        assert "Llegada registrada" in clerk.visible_text()
    finally:
        webcam.close()


@MULTIMEDIA_NOISE
def test_two_distinct_short_sounds_or_the_beep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    accept = sounds_module.synthesise(tmp_path / "a.wav", sounds_module.ACCEPT_NOTES)
    reject = sounds_module.synthesise(tmp_path / "r.wav", sounds_module.REJECT_NOTES)
    assert accept.read_bytes() != reject.read_bytes()
    for path in (accept, reject):
        with wave.open(str(path)) as sound:
            assert sound.getnchannels() == 1
            assert 0.1 < sound.getnframes() / sound.getframerate() < 0.6  # short

    assert isinstance(sounds_module.make_sounds(False), sounds_module.Silent)
    made = sounds_module.make_sounds(True, tmp_path / "cache")
    if QMediaDevices.defaultAudioOutput().isNull():  # this machine has no sound card
        assert isinstance(made, sounds_module.Beeps)
    else:
        assert isinstance(made, sounds_module.Chimes)
        assert (tmp_path / "cache" / "accept.wav").is_file()
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # no PySide6-Addons
    assert isinstance(sounds_module.make_sounds(True, tmp_path), sounds_module.Beeps)


def test_every_text_colour_passes_wcag_aa() -> None:
    pairs = [(c.text, c.band) for c in TONES.values()]
    pairs += [(fg, bg) for bg, fg in STATUS_TONES.values()]
    # The stylesheet's own pairs: body, hints, errors, fields, buttons, disabled ones.
    pairs += [
        ("#1A1A1A", "#F7F7F5"),
        ("#4A4A4A", "#F7F7F5"),
        ("#4A4A4A", "#FFFFFF"),
        ("#B00020", "#FFFFFF"),
        ("#FFFFFF", "#0B5394"),
        ("#4A4A4A", "#E6E6E6"),
        ("#1A1A1A", "#F0F3F7"),
        ("#1A1A1A", "#D6E4F2"),
    ]
    for fg, bg in pairs[len(TONES) + len(STATUS_TONES) :]:
        assert fg in STYLE
        assert bg in STYLE
    for fg, bg in pairs:
        assert contrast_ratio(fg, bg) >= 4.5, (fg, bg, round(contrast_ratio(fg, bg), 2))
