"""The text-to-speech engine of spoken guidance (kiosk.ui.speech): made on demand, checked
before Qt is trusted with it.

QtTextToSpeech is imported only when a citizen first turns speech on (`make_engine`).
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

#: The engine of a kiosk: speech-dispatcher, which speaks through espeak-ng's voices.
DEFAULT_ENGINE = "speechd"
#: Another engine by name ("mock": silent, for test runs that must not start a daemon).
ENGINE_VARIABLE = "KIOSK_SPEECH_ENGINE"
#: How long speech-dispatcher may take to answer before it counts as hung (seconds).
SPEECHD_PROBE_S = 1.0


def speechd_socket() -> Path | None:
    """Where libspeechd will look for speech-dispatcher (None: a TCP address)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address:
        method, _, rest = address.partition(":")
        return Path(rest) if method == "unix_socket" and rest else None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime else Path.home() / ".cache"
    return base / "speech-dispatcher" / "speechd.sock"


def speechd_hung(timeout_s: float = SPEECHD_PROBE_S) -> bool:
    """True when a speech-dispatcher socket exists but nobody answers on it in time.

    Qt's speechd engine connects synchronously in its constructor; a daemon stuck (seen here
    when it could not open any audio output) would freeze the kiosk's only thread there. No
    socket is fine: libspeechd starts the daemon itself, or fails at once.
    """
    path = speechd_socket()
    if path is None or not path.exists():
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(timeout_s)
            probe.connect(str(path))
            probe.sendall(b"SET SELF CLIENT_NAME kiosk:probe:main\r\n")
            answer = probe.recv(64)
            with contextlib.suppress(OSError):
                probe.sendall(b"QUIT\r\n")
    except TimeoutError:
        return True
    except OSError:
        return False  # refused or stale: libspeechd starts a fresh daemon or fails at once
    return not answer.startswith(b"2")


def make_engine(name: str, parent: QObject) -> tuple[Any, str]:
    """(QTextToSpeech, "") when engine `name` works; (None, why not) otherwise."""
    try:  # only now: start-up stays light
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # PySide6-Essentials alone (an install without PySide6-Addons)
        return None, "QtTextToSpeech is not installed (PySide6-Addons)"

    if name not in QTextToSpeech.availableEngines():
        return None, f"no text-to-speech engine {name!r} installed"
    if name == "speechd" and speechd_hung():
        return None, "speech-dispatcher does not answer"
    engine = QTextToSpeech(name, parent)
    if engine.state() == QTextToSpeech.State.Error:
        why = engine.errorString() or engine.errorReason().name
        engine.deleteLater()
        return None, f"engine {name!r} failed: {why}"
    if not engine.availableVoices() and not engine.availableLocales():
        engine.deleteLater()
        return None, f"engine {name!r} has no voice"
    return engine, ""
