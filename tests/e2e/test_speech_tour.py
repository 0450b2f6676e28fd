"""A whole booking with spoken guidance on, in Spanish and in English: every screen says its
question in the citizen's language, nothing said contains the citizen's personal values, and
each screen's words render to audio with espeak-ng (the voices the kiosk speaks with).

The wiring runs on Qt's "mock" engine (silent, no daemon); the audio check runs espeak-ng
itself, the synthesiser speech-dispatcher uses on a kiosk."""

from __future__ import annotations

import re
import shutil
import subprocess
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.flow import Step
from kiosk.tour.citizen import pause
from kiosk.tour.speech_log import SpeechRecorder, attach_speech_recorder
from kiosk.ui.countdown import Countdown
from tests.ui.conftest import KioskDriver
from tests.ui.test_speech import cedula, needs_mock
from turnos.demo_catalog import _FAMILY, _GIVEN

pytestmark = [pytest.mark.slow, needs_mock]

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]

#: The screens of a booking, in order, with the step each one is.
SCREENS = (
    ("identify", Step.IDENTIFY),
    ("privacy", Step.CONTACT),
    ("contact", Step.CONTACT),
    ("code", Step.VERIFY_CODE),
    ("province", Step.PROVINCE),
    ("procedure", Step.PROCEDURE),
    ("agency", Step.AGENCY),
    ("schedule", Step.SCHEDULE),
    ("review", Step.REVIEW),
    ("done", Step.DONE),
)


class Walk:
    """What one citizen heard on each screen, and what they typed (to look for it)."""

    def __init__(self) -> None:
        self.heard: dict[str, list[str]] = {}
        self.titles: dict[str, str] = {}
        self.typed: list[str] = []


def _listen(driver: KioskDriver, recorder: SpeechRecorder, walk: Walk, name: str) -> None:
    driver.settle()
    pause(30)
    walk.heard[name] = recorder.take()
    view = driver.shell.current_view()
    walk.titles[name] = view.title() if view is not None else ""


def _book(driver: KioskDriver, english: bool, number: str, email: str, phone: str) -> Walk:
    walk = Walk()
    walk.typed += [number, email, phone]
    shell = driver.shell
    driver.wait_until(lambda: driver.controller.catalog is not None, 15000, "the catalogue")
    recorder = attach_speech_recorder(shell, driver)  # a tap on the speaker control
    _listen(driver, recorder, walk, "welcome")
    driver.start(english)
    driver.type_keys(driver.view(Step.IDENTIFY).keypad.key, number)
    _listen(driver, recorder, walk, "identify")
    driver.next()
    driver.at(Step.CONTACT)
    _listen(driver, recorder, walk, "privacy")
    driver.accept_notice()
    driver.fill_contact(email, phone)
    _listen(driver, recorder, walk, "contact")
    driver.next()
    driver.at(Step.VERIFY_CODE)
    _listen(driver, recorder, walk, "code")
    code = driver.latest_code(email)
    walk.typed.append(code)
    driver.enter_code(code)
    for name, step, key in (
        ("province", Step.PROVINCE, "17"),
        ("procedure", Step.PROCEDURE, "CLAVE_PATRONAL"),
        ("agency", Step.AGENCY, None),
    ):
        driver.at(step)
        _listen(driver, recorder, walk, name)
        driver.choose(step, key)
    driver.at(Step.SCHEDULE)
    _listen(driver, recorder, walk, "schedule")
    driver.first_slot()
    driver.at(Step.REVIEW)
    _listen(driver, recorder, walk, "review")
    # The hold's countdown on to ten seconds left (the view's own timer, stepped by hand):
    # said again with the time that is left.
    (hold,) = driver.view(Step.REVIEW).findChildren(Countdown)
    hold.start(11)
    hold.step()
    walk.heard["review-10s"] = recorder.take()
    driver.next()
    driver.at(Step.DONE, 30000)
    confirmation = driver.controller.flow.draft.confirmation
    walk.typed += [confirmation.booking.code, confirmation.token]
    _listen(driver, recorder, walk, "done")
    return walk


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _assert_nothing_personal(walk: Walk) -> None:
    said = [s for texts in walk.heard.values() for s in texts]
    assert said
    names = {n.casefold() for n in (*_GIVEN, *_FAMILY)}
    for text in said:
        words = {w.casefold() for w in re.findall(r"\w+", text)}
        assert not words & names, text
        for value in walk.typed:
            digits = _digits(value)
            if len(digits) >= 4 and value.replace("-", "").isalnum():
                assert digits not in _digits(text), "a typed number was said"
            assert value.casefold() not in text.casefold(), "a typed value was said"
        assert "•" not in text  # masked values are said by their end, not as dots


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as audio:
        return audio.getnframes() / audio.getframerate()


def test_every_screen_speaks_in_the_citizens_language_and_never_personal_data(
    make_kiosk: MakeKiosk, turnos_service: Any, compiled_translations: Path, tmp_path: Path
) -> None:
    walks: dict[str, Walk] = {}
    for lang, english, number, phone in (
        ("es", False, cedula("17", 3, "620418"), "0987001234"),
        ("en", True, cedula("09", 2, "731954"), "0987004321"),
    ):
        _kiosk, driver, _clock = make_kiosk(
            turnos_service.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
        )
        walks[lang] = _book(driver, english, number, f"voz.{lang}@example.com", phone)

    es, en = walks["es"], walks["en"]
    for name, _step in SCREENS:
        for lang, walk in walks.items():
            said = " ".join(walk.heard[name])
            assert walk.titles[name] in said, f"{lang} {name}: {walk.heard[name]}"
        assert es.titles[name] != en.titles[name], f"{name} is not translated"
        assert es.titles[name] not in " ".join(en.heard[name]), f"{name}: Spanish in English"
    assert "termina en" in " ".join(es.heard["identify"])  # the masked hint, not the number
    for walk in walks.values():
        # The hold's countdown is said on arrival, and again at ten seconds left.
        assert re.search(r"\b[45]:\d\d\b", " ".join(walk.heard["review"])), walk.heard["review"]
        (ten,) = walk.heard["review-10s"]
        assert "0:10" in ten
    for walk in walks.values():
        _assert_nothing_personal(walk)

    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.skip("espeak-ng is not installed (scripts/setup installs it): no audio check")
    for lang, walk in walks.items():
        for name, _step in SCREENS:
            out = tmp_path / f"{lang}-{name}.wav"
            text = " ".join(walk.heard[name])
            subprocess.run([espeak, "-v", lang, "-w", str(out), text], check=True, timeout=60)
            # About a second for every fifteen characters; an empty or silent file is not speech.
            assert _wav_seconds(out) > len(text) / 40, f"{lang} {name}: {out.stat().st_size} B"
