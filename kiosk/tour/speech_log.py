"""`kiosk tour --mode speech`: what spoken guidance said on each screen, for the summary.

The tour turns speech on as a citizen does (a tap on the speaker control) with Qt's "mock"
engine, which goes through QtTextToSpeech's states without a sound card or a daemon, and
records every utterance the guide says; the camera takes what was said since the previous
photograph into that screen's entry of summary.json.
"""

from __future__ import annotations

from typing import Any

from kiosk.ui.speech import SpeechGuide, guide_of
from kiosk.ui.speech_engine import DEFAULT_ENGINE

#: The engine of the tour: silent, always there in PySide6's wheels (QtTextToSpeech's tests').
TOUR_ENGINE = "mock"


class SpeechRecorder:
    """Every utterance of `guide`, taken screen by screen."""

    def __init__(self, guide: SpeechGuide) -> None:
        self.guide = guide
        self._said: list[str] = []
        guide.spoken.connect(self._hear)

    def _hear(self, text: str) -> None:
        self._said.append(text)

    def take(self) -> list[str]:
        """What was said since the last call (anything still queued is said first)."""
        self.guide.flush()
        said, self._said = self._said, []
        return said


def attach_speech_recorder(shell: Any, citizen: Any = None) -> SpeechRecorder:
    """Turn spoken guidance on (by `citizen`'s tap on the speaker control when given) and
    record it. Raises RuntimeError when the kiosk has no guide or it cannot speak."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:
        raise RuntimeError("--mode speech needs QtTextToSpeech (PySide6-Addons)") from exc

    guide = guide_of(shell)
    if guide is None:
        raise RuntimeError("this kiosk has no spoken guidance (kiosk.ui.speech.wire_speech)")
    engines = QTextToSpeech.availableEngines()
    guide.set_engine(TOUR_ENGINE if TOUR_ENGINE in engines else DEFAULT_ENGINE)
    recorder = SpeechRecorder(guide)
    button = getattr(shell, "speech_button", None)
    if citizen is not None and button is not None:
        citizen.wait_until(button.isVisible, what="the speaker control")
        if not button.isChecked():
            citizen.tap(button)
    elif hasattr(shell, "set_speech"):
        shell.set_speech(True)
    else:
        guide.set_enabled(True)
    if not guide.enabled:
        raise RuntimeError(f"spoken guidance did not start (engines here: {engines})")
    return recorder
