"""Spoken guidance on an assembled kiosk, wired as in production, with Qt's "mock" engine
(it speaks into nothing but goes through QtTextToSpeech's states): the speaker control turns
it on by a tap, the screen's question, the field's caption, errors and the idle countdown are
said in the citizen's language, and the engines that cannot speak degrade quietly."""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from kiosk.domain.flow import Step
from kiosk.domain.models import Language
from kiosk.ui.speech import SpeechGuide, guide_of
from kiosk.ui.speech_engine import speechd_hung
from tests.ui.conftest import KioskDriver

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]


def _mock_available() -> bool:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # PySide6-Essentials alone
        return False
    return "mock" in QTextToSpeech.availableEngines()


needs_mock = pytest.mark.skipif(
    not _mock_available(),
    reason="no QtTextToSpeech 'mock' engine here (PySide6-Addons missing or too old)",
)


def cedula(province: str, third: int, rest: str) -> str:
    """A cédula that passes the check digit (the demo service invents its person)."""
    first_nine = f"{province}{third}{rest}"
    total = 0
    for digit, weight in zip(first_nine, itertools.cycle((2, 1)), strict=False):
        product = int(digit) * weight
        total += product - 9 if product > 9 else product
    return first_nine + str((10 - total % 10) % 10)


class Heard:
    """What the guide said, in order."""

    def __init__(self, guide: SpeechGuide) -> None:
        self.said: list[str] = []
        guide.spoken.connect(self.hear)

    def hear(self, text: str) -> None:
        self.said.append(text)

    def take(self) -> list[str]:
        said, self.said = self.said, []
        return said


@pytest.fixture
def spoken_kiosk(
    make_kiosk: MakeKiosk, turnos_service: Any, compiled_translations: Path
) -> tuple[Any, KioskDriver, Any, SpeechGuide, Heard]:
    kiosk, driver, clock = make_kiosk(
        turnos_service.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
    )
    guide = guide_of(kiosk.shell)
    assert guide is not None, "assemble() wires a speech guide"
    guide.set_engine("mock")
    return kiosk, driver, clock, guide, Heard(guide)


def _heard_soon(driver: KioskDriver, heard: Heard, what: str) -> list[str]:
    driver.wait_until(lambda: bool(heard.said), what=what)
    return heard.take()


@needs_mock
def test_a_tap_on_the_speaker_turns_speech_on_and_off(spoken_kiosk: Any) -> None:
    kiosk, driver, _clock, guide, heard = spoken_kiosk
    shell = kiosk.shell
    driver.wait_until(lambda: kiosk.controller.catalog is not None, 15000, "the catalogue")
    assert not guide.enabled
    assert guide.engine is None

    driver.tap(shell.speech_button)
    assert guide.enabled
    assert shell.speech_button.isChecked()
    (welcome,) = _heard_soon(driver, heard, "the welcome screen said")
    assert shell.view(Step.WELCOME).heading.text() in welcome
    assert guide.engine.engine() == "mock"

    driver.tap(shell.speech_button)
    assert not guide.enabled
    assert not shell.speech_button.isChecked()
    driver.start()  # a new screen, said to nobody
    driver.settle()
    assert heard.take() == []


@needs_mock
def test_question_field_and_error_are_said_and_follow_the_language(spoken_kiosk: Any) -> None:
    kiosk, driver, _clock, _guide, heard = spoken_kiosk
    shell = kiosk.shell
    driver.start()
    driver.tap(shell.speech_button)
    identify = driver.view(Step.IDENTIFY)
    (said,) = _heard_soon(driver, heard, "the identify screen said")
    assert said.startswith(identify.title())
    assert identify.help_text() in said
    assert identify.caption.text() in said  # the field in focus, by its caption

    # A number that fails the check digit: the error is said, the digits never.
    bad = cedula("17", 1, "430710")[:9] + "0"
    bad = bad if bad != cedula("17", 1, "430710") else bad[:9] + "1"
    driver.type_keys(identify.keypad.key, bad)
    error = _heard_soon(driver, heard, "the error said")
    assert any(identify.error.text() in s for s in error)
    assert not any(bad in s.replace(" ", "") for s in error)

    spanish_title = identify.title()
    driver.tap(shell.language_button)
    driver.wait_until(lambda: kiosk.switcher.language is Language.EN, what="English")
    english = _heard_soon(driver, heard, "the question said in English")
    assert identify.title() != spanish_title
    assert any(s.startswith(identify.title()) for s in english)
    assert not any(spanish_title in s for s in english)
    assert _guide.engine.locale().language() == _guide.engine.locale().Language.English


@needs_mock
def test_a_new_utterance_interrupts_the_one_being_said(spoken_kiosk: Any) -> None:
    kiosk, driver, _clock, guide, heard = spoken_kiosk
    driver.start()
    driver.tap(kiosk.shell.speech_button)
    (spanish,) = _heard_soon(driver, heard, "the identify screen said")
    words: list[str] = []
    guide.engine.sayingWord.connect(lambda word, *_rest: words.append(word))
    driver.wait_until(lambda: len(words) >= 2, what="the first words spoken")
    driver.tap(kiosk.shell.language_button)  # the question again, in English, at once
    (english,) = _heard_soon(driver, heard, "the question said in English")
    engine = guide.engine
    driver.wait_until(lambda: engine.state() == engine.State.Ready, 20000, "the voice to end")
    bare = [w.strip("().,;:«»“”¿?") for w in words]
    assert bare[-1] == english.split()[-1].strip("().,;:«»“”¿?")  # said to its end
    assert spanish.split()[-1].strip("().,;:«»“”¿?") not in bare  # the stale one cut short


@needs_mock
def test_a_complete_number_is_said_only_by_its_last_two_digits(spoken_kiosk: Any) -> None:
    kiosk, driver, _clock, _guide, heard = spoken_kiosk
    driver.start()
    driver.tap(kiosk.shell.speech_button)
    _heard_soon(driver, heard, "the identify screen said")
    number = cedula("17", 2, "551177")
    driver.type_keys(driver.view(Step.IDENTIFY).keypad.key, number)
    said = " ".join(_heard_soon(driver, heard, "the complete number said"))
    assert f"termina en {number[-2:]}" in said
    assert number not in said.replace(" ", "")


@needs_mock
def test_the_idle_warning_and_its_countdown_are_said(spoken_kiosk: Any) -> None:
    kiosk, driver, clock, _guide, heard = spoken_kiosk
    warning = kiosk.shell.idle_warning
    driver.start()
    driver.tap(kiosk.shell.speech_button)
    _heard_soon(driver, heard, "the identify screen said")
    wait = kiosk.idle.tracker.next_change_in()
    clock.advance(wait)
    kiosk.idle.check()
    driver.wait_until(warning.isVisible, what="the idle warning")
    said = _heard_soon(driver, heard, "the warning said")
    assert warning.question.text() in said[0]
    assert warning.explanation.text() in said[0]
    # On to ten seconds left: said again, with the seconds that are left.
    left = kiosk.idle.tracker.state().seconds_left or 0
    clock.advance(left - 10)
    kiosk.idle.check()
    again = _heard_soon(driver, heard, "ten seconds left said")
    assert again == [warning.explanation.text()]
    assert "10" in again[0]


@needs_mock
def test_notices_and_the_error_screen_are_said_and_a_screen_behind_them_is_not(
    spoken_kiosk: Any,
) -> None:
    kiosk, driver, _clock, _guide, heard = spoken_kiosk
    shell = kiosk.shell
    driver.start()
    driver.tap(shell.speech_button)
    _heard_soon(driver, heard, "the identify screen said")
    # A time-limited refusal, as the send limit shows it (words of the controller's Messages).
    messages = kiosk.controller.messages
    shell.notice.present_notice(
        messages.limit_heading(),
        messages.limit_reached("10:30", at_code_step=False, contact_phone="593 23945666"),
    )
    (notice,) = _heard_soon(driver, heard, "the notice said")
    assert notice.startswith(shell.notice.heading.text())
    assert "10:30" in notice
    driver.tap(shell.notice.ok_button)

    kiosk.controller.handle_unexpected(RuntimeError("boom"))
    said = " ".join(_heard_soon(driver, heard, "the error screen said"))
    assert shell.error.heading.text() in said
    assert shell.error.body.text() in said
    # Neither the wiped screen nor the welcome screen under the error is read out.
    assert shell.view(Step.IDENTIFY).title() not in said
    assert shell.view(Step.WELCOME).heading.text() not in said


@needs_mock  # QtTextToSpeech itself must be there to say it lacks the engine asked for
@pytest.mark.expected_log_warnings(r"spoken guidance unavailable: no text-to-speech engine")
def test_no_engine_hides_the_speaker_and_nothing_breaks(spoken_kiosk: Any) -> None:
    kiosk, driver, _clock, guide, heard = spoken_kiosk
    guide.set_engine("no-such-engine")
    reasons: list[str] = []
    guide.unavailable.connect(reasons.append)
    driver.tap(kiosk.shell.speech_button)
    assert reasons
    assert not guide.enabled
    assert guide.available is False
    assert not kiosk.shell.speech_button.isVisible()
    assert not kiosk.shell.speech_button.isChecked()
    driver.start()
    driver.settle()
    assert heard.take() == []


@pytest.mark.expected_log_warnings(r"spoken guidance unavailable: engine 'speechd' failed")
def test_speechd_without_speech_dispatcher_degrades_quietly(
    spoken_kiosk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tts = pytest.importorskip("PySide6.QtTextToSpeech", reason="needs PySide6-Addons")
    if "speechd" not in tts.QTextToSpeech.availableEngines():
        pytest.skip("this PySide6 ships no speechd engine")
    kiosk, driver, _clock, guide, heard = spoken_kiosk
    # An address where no speech-dispatcher runs (given explicitly, libspeechd starts none).
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'none' / 'speechd.sock'}")
    guide.set_engine("speechd")
    driver.tap(kiosk.shell.speech_button)
    assert guide.available is False
    assert not guide.enabled
    assert not kiosk.shell.speech_button.isVisible()
    driver.start()
    assert heard.take() == []


def test_a_hung_speech_dispatcher_is_noticed_in_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A daemon that accepts but never answers would freeze Qt's engine in its constructor."""
    path = tmp_path / "speechd.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True)
    thread.start()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    try:
        assert speechd_hung(timeout_s=0.2)
    finally:
        thread.join(1)
        for conn in accepted:
            conn.close()
        server.close()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'absent.sock'}")
    assert not speechd_hung(timeout_s=0.2)  # no socket: libspeechd decides, at once


def test_start_up_does_not_load_text_to_speech() -> None:
    """QtTextToSpeech (and its multimedia back end) loads when a citizen turns speech on."""
    import subprocess
    import sys

    code = (
        "import sys, kiosk.app, kiosk.ui.speech, kiosk.tour.speech_log; "
        "print('PySide6.QtTextToSpeech' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


@pytest.fixture
def private_speech_dispatcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A speech-dispatcher of this test's own on its own socket, ended after the test (it
    may hang on SIGTERM when it found no sound output, hence the SIGKILL after a while)."""
    import shutil
    import subprocess

    binary = shutil.which("speech-dispatcher")
    if binary is None:
        pytest.skip("speech-dispatcher is not installed (scripts/setup installs it)")
    sock = tmp_path / "speechd.sock"
    # Its own pid file too: with the default one it refuses to start beside another.
    own = ["-S", str(sock), "-L", str(tmp_path), "-P", str(tmp_path / "speechd.pid")]
    daemon = subprocess.Popen(
        [binary, "-s", "-t", "0", "-c", "unix_socket", *own],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not sock.exists() and daemon.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if not sock.exists():
            pytest.fail("speech-dispatcher did not open its socket")
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{sock}")
        yield sock
    finally:
        daemon.terminate()
        try:
            daemon.wait(3)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait(3)


@pytest.mark.slow
def test_speechd_speaks_with_a_spanish_and_an_english_voice(
    private_speech_dispatcher: Path, spoken_kiosk: Any
) -> None:
    # The daemon first: it then ends after the kiosk, whose engine would report it gone.
    tts = pytest.importorskip("PySide6.QtTextToSpeech", reason="needs PySide6-Addons")
    if "speechd" not in tts.QTextToSpeech.availableEngines():
        pytest.skip("this PySide6 ships no speechd engine")
    kiosk, driver, _clock, guide, heard = spoken_kiosk
    guide.set_engine("speechd")
    driver.start()
    driver.tap(kiosk.shell.speech_button)
    assert guide.available
    assert guide.engine.engine() == "speechd"
    assert guide.engine.locale().language() == QLocale.Language.Spanish
    assert guide.engine.voice().name(), "espeak-ng gives speech-dispatcher its voices"
    said = _heard_soon(driver, heard, "the identify screen said")
    assert said[0].startswith(driver.view(Step.IDENTIFY).title())
    driver.tap(kiosk.shell.language_button)
    driver.wait_until(
        lambda: guide.engine.locale().language() == QLocale.Language.English,
        what="an English voice",
    )
