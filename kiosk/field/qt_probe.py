"""The bundled fonts and the compiled translations, loaded by Qt in a child process.

A child, because Qt may abort the process that starts it (a missing library, a platform plugin
that will not load), and the doctor must still print its report; and because a QGuiApplication
made in a process that later wants a QApplication would be the wrong kind. The child is the
kiosk command itself (`kiosk doctor --qt-probe`), so it works the same in a frozen build. It
prints one JSON line: {"fonts": {...}, "translations": {...}}.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

from kiosk.field.checks import Check, failed, passed
from kiosk.field.words import Words

#: What the probe checks when no configuration says (the kiosk's default `kiosk.languages`).
LANGUAGES = ("es", "en")
#: The child's languages, from the parent (comma-separated codes).
ENV_LANGUAGES = "KIOSK_DOCTOR_LANGUAGES"
PROBE_TIMEOUT_S = 60.0


def probe() -> dict[str, Any]:
    """Runs in the child: load the fonts on an offscreen QGuiApplication, load each .qm."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QGuiApplication

    from kiosk.resources import fonts_dir, translations_dir
    from kiosk.ui.fonts import load_fonts
    from kiosk.ui.theme import FONT_FAMILY

    app = QGuiApplication(["kiosk-doctor", "-platform", "offscreen"])
    result: dict[str, Any] = {}
    try:
        load_fonts()  # raises when the bundled family is not among what Qt loaded
        files = sorted(p.name for p in fonts_dir().glob("DejaVuSans*.ttf"))
        result["fonts"] = {"ok": True, "family": FONT_FAMILY, "files": files}
    except FileNotFoundError as exc:
        result["fonts"] = {"ok": False, "error": str(exc)}
    catalogues: dict[str, str] = {}
    wanted = [code for code in os.environ.get(ENV_LANGUAGES, "").split(",") if code]
    for lang in wanted or LANGUAGES:
        path = translations_dir() / f"kiosk_{lang}.qm"
        translator = QTranslator()
        if not path.is_file():
            catalogues[path.name] = "missing"
        elif not translator.load(str(path)) or translator.isEmpty():
            catalogues[path.name] = "unreadable"
        else:
            catalogues[path.name] = "ok"
    result["translations"] = catalogues
    app.quit()
    return result


def probe_main() -> int:
    print(json.dumps(probe()))
    return 0


def run_probe(languages: Sequence[str] = LANGUAGES) -> dict[str, Any]:
    """The child's answer for the catalogues of `languages` (those the kiosk offers);
    {"error": "..."} when it could not give one."""
    command = [sys.executable]
    if not getattr(sys, "frozen", False):
        command += ["-m", "kiosk.cli"]
    command += ["doctor", "--qt-probe"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{ENV_LANGUAGES: ",".join(languages)})
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=PROBE_TIMEOUT_S
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    lines = done.stdout.strip().splitlines()
    if done.returncode == 0 and lines:
        try:
            answer = json.loads(lines[-1])
        except ValueError:
            answer = None
        if isinstance(answer, dict):
            return answer
    said = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
    return {"error": said[:300]}


def check_fonts(words: Words, answer: dict[str, Any]) -> Check:
    fonts = answer.get("fonts")
    if not isinstance(fonts, dict):
        error = str(answer.get("error", "?"))
        return failed("fonts", words("qt.failed", error=error), words("qt.fix"))
    if not fonts.get("ok"):
        return failed("fonts", str(fonts.get("error", "?")), words("fonts.fix"))
    files = ", ".join(fonts.get("files", []))
    return passed("fonts", words("fonts.ok", family=fonts.get("family", "?"), files=files))


def check_translations(
    words: Words, answer: dict[str, Any], languages: Sequence[str] = LANGUAGES
) -> Check:
    catalogues = answer.get("translations")
    if not isinstance(catalogues, dict):
        error = str(answer.get("error", "?"))
        return failed("translations", words("qt.failed", error=error), words("qt.fix"))
    bad = [
        words("translations." + str(state), file=name)
        for name, state in sorted(catalogues.items())
        if state != "ok"
    ]
    if bad or len(catalogues) < len(languages):
        return failed("translations", "; ".join(bad) or "?", words("translations.fix"))
    return passed("translations", words("translations.ok", files=", ".join(sorted(catalogues))))
