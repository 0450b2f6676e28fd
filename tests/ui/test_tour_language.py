"""`kiosk tour` fails, and says why, when the kiosk cannot show the language it was asked for.

The kiosk itself stays in Spanish when a catalogue is missing (and logs it): a tour that walked
on would photograph Spanish screens and report "booking completed (portrait, en)".
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KIOSK = Path(sys.executable).with_name("kiosk")


@pytest.mark.parametrize(
    ("lang", "installed", "missing"),
    [
        ("en", ["kiosk_es.qm"], "cannot show English: kiosk_en.qm"),
        # Spanish is the source language, but its plural forms come from kiosk_es.qm.
        ("es", [], "cannot show Spanish: kiosk_es.qm"),
    ],
)
def test_a_tour_without_the_catalogue_of_its_language_fails_and_says_why(
    tmp_path: Path, compiled_translations: Path, lang: str, installed: list[str], missing: str
) -> None:
    translations = tmp_path / "translations"
    translations.mkdir()
    for name in installed:
        shutil.copy(compiled_translations / name, translations / name)
    out = tmp_path / "tour"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KIOSK_CONFIG", None)
    command = [str(KIOSK), "tour", "--lang", lang, "--translations", str(translations)]
    done = subprocess.run(
        [*command, "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 1, done.stdout + done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith(f"kiosk tour: stopped before the end ({missing} is missing"), first
    assert "scripts/build-translations" in first
    summary = json.loads((out / "summary.json").read_text())
    assert summary["completed"] is False
    assert summary["language"] == lang
    assert summary["stopped"].startswith(missing)
    assert summary["booking"] is None
    assert "tour stopped: " + missing in (out / "tour.log").read_text()
