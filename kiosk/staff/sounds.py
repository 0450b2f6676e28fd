"""Two short sounds, one for an accepted slip and one for a refused one, so a clerk looking
at the citizen rather than the screen still knows.

The sounds are synthesised once with the `wave` module into a cache folder (no audio files in
the repository) and played with QtMultimedia's `QSoundEffect`. QtMultimedia comes with
PySide6-Addons, which a counter may lack: then `QApplication.beep()` (once to accept, twice to
refuse). The window takes any `Sounds`; tests hand in one that records.
"""

from __future__ import annotations

import importlib
import logging
import math
import os
import struct
import wave
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

RATE = 44100
#: (frequency Hz, milliseconds) per note: a rising two-note chime, a low double buzz.
ACCEPT_NOTES = ((880.0, 90), (1320.0, 140))
REJECT_NOTES = ((220.0, 160), (0.0, 60), (196.0, 220))
VOLUME = 0.6


class Sounds(Protocol):
    def accept(self) -> None: ...

    def reject(self) -> None: ...


class Silent:
    """For a counter with `staff.sounds = false`."""

    def accept(self) -> None:
        return None

    def reject(self) -> None:
        return None


class Beeps:
    """The system's beep: once to accept, twice to refuse."""

    def accept(self) -> None:
        QApplication.beep()

    def reject(self) -> None:
        QApplication.beep()
        QTimer.singleShot(180, QApplication.beep)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "turnero-kiosk" / "sounds"


def synthesise(path: Path, notes: tuple[tuple[float, int], ...]) -> Path:
    """A mono 16-bit WAV of `notes` (0 Hz is a pause), each with a short fade in and out."""
    frames = bytearray()
    fade = int(RATE * 0.008)
    for frequency, ms in notes:
        count = int(RATE * ms / 1000)
        for i in range(count):
            if frequency <= 0:
                value = 0.0
            else:
                envelope = min(1.0, i / fade, (count - i) / fade)
                value = VOLUME * envelope * math.sin(2 * math.pi * frequency * i / RATE)
            frames += struct.pack("<h", int(value * 32767))
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    with wave.open(str(temp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    temp.replace(path)
    return path


class Chimes(QObject):
    """The two synthesised sounds through QSoundEffect."""

    def __init__(self, effect_type: Any, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accept = self._effect(effect_type, synthesise(folder / "accept.wav", ACCEPT_NOTES))
        self._reject = self._effect(effect_type, synthesise(folder / "reject.wav", REJECT_NOTES))

    def _effect(self, effect_type: Any, path: Path) -> Any:
        effect = effect_type(self)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(1.0)
        return effect

    def accept(self) -> None:
        self._accept.play()

    def reject(self) -> None:
        self._reject.play()


def make_sounds(enabled: bool, folder: Path | None = None, parent: QObject | None = None) -> Sounds:
    """The counter's sounds: silent when turned off, chimes when QtMultimedia and a sound
    output are there, else the system beep."""
    if not enabled:
        return Silent()
    try:
        multimedia = importlib.import_module("PySide6.QtMultimedia")
    except ImportError:
        log.info("QtMultimedia not installed: the counter beeps instead of its sounds")
        return Beeps()
    if multimedia.QMediaDevices.defaultAudioOutput().isNull():
        log.info("no audio output: the counter beeps instead of its sounds")
        return Beeps()
    try:
        return Chimes(multimedia.QSoundEffect, folder or cache_dir(), parent)
    except OSError as exc:
        log.warning("the counter's sounds could not be written: %s", exc)
        return Beeps()
