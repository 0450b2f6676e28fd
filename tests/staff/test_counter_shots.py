"""Pictures of the counter window, in Spanish and in English, to look at: an accepted scan, a
refused one, the day's list, and the window without the service.

Saved to $STAFF_SHOTS_DIR when set (else the test's own folder). Each picture is also checked
for what can be checked without eyes: the window kept its size (nothing forced it wider), and
no word of the other language is on it.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt

from kiosk.resources import translations_dir
from kiosk.staff.app import WINDOW_SIZE
from kiosk.staff.verdict import Answer
from tests.service.helpers import Api, free_port
from tests.staff.conftest import AGENCY, Turn, book, day_with, moment_with
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService

CONTEXTS = {"Staff", "StaffWindow", "DayList"}


def other_language_words(language: str) -> list[str]:
    """The counter's words in the language not on screen (those that differ between them)."""
    tree = ET.parse(translations_dir() / "kiosk_en.ts")  # noqa: S314 (our own catalogue)
    words: list[str] = []
    for context in tree.getroot():
        if context.findtext("name") not in CONTEXTS:
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            sources = [source]
            if source == forms[0]:
                continue
            for text in forms if language == "es" else sources:
                # A fixed part of the text, long enough to mean something on its own.
                part = max(re.split(r"\{\w+\}|%n", text), key=len).strip(" .:;·()")
                if len(part) >= 4:
                    words.append(part)
    return words


def assert_one_language(clerk: Any, language: str) -> None:
    shown = clerk.visible_text()
    for part in other_language_words(language):
        assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", shown), (language, part)


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("STAFF_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save(clerk: Any, folder: Path, name: str) -> Path:
    window = clerk.window
    clerk.qtbot.waitUntil(lambda: not clerk.desk.busy)
    assert (window.width(), window.height()) == WINDOW_SIZE  # nothing forced it larger
    path = folder / f"{name}.png"
    assert window.grab().save(str(path))
    return path


@pytest.fixture(scope="module")
def day(staff_service: EmbeddedService, staff_clock: MovableClock) -> dict[str, Any]:
    """A morning: a no-show, four turns open now, a cancelled one, two later ones."""
    api = Api(staff_service.url, staff_service.credentials, staff_service.outbox, staff_clock)
    _day, slots = day_with(api, 10)
    moment = moment_with(slots, 4)
    turns = {
        "missed": book(api, moment.late[0]),
        "open": [book(api, s) for s in moment.open[:4]],
        "cancelled": book(api, moment.early[0]),
        "later": [book(api, moment.early[1]), book(api, moment.early[-1])],
    }
    cancelled: Turn = turns["cancelled"]
    r = api.call(
        "DELETE",
        f"/v1/bookings/{cancelled.booking['id']}",
        headers=api.as_citizen(cancelled.citizen),
    )
    assert r.status_code == 204
    staff_clock.set(moment.now)
    return turns


@pytest.mark.parametrize("language", ["es", "en"])
def test_shots_of_the_counter_window(
    language: str,
    make_counter: Any,
    staff_service: EmbeddedService,
    staff_clock: MovableClock,
    day: dict[str, Any],
    tmp_path: Path,
) -> None:
    folder = shots_dir(tmp_path)
    token = staff_service.credentials["staff_tokens"][str(AGENCY)]
    first, second, third, fourth = day["open"]
    clerk = make_counter(staff_service.url, token, language=language)
    if language == "es":
        clerk.scan(third.token)  # an earlier arrival, for the list
        clerk.answer()

    clerk.scan((first if language == "es" else second).token)
    assert clerk.answer().answer is Answer.CHECKED_IN
    assert_one_language(clerk, language)
    save(clerk, folder, f"{language}-1-accepted")

    forged = third.token[:-6] + ("A" * 6 if not third.token.endswith("A" * 6) else "B" * 6)
    clerk.scan(forged)
    assert clerk.answer().answer is Answer.FORGED
    assert_one_language(clerk, language)
    save(clerk, folder, f"{language}-2-refused")

    clerk.scan(day["later"][0].token)
    assert clerk.answer().answer is Answer.TOO_EARLY
    clerk.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert_one_language(clerk, language)
    save(clerk, folder, f"{language}-3-day")

    # The same window, the service gone: keys kept on disk, a check-in queued.
    keys = tmp_path / "offline" / "keys.json"
    keys.parent.mkdir()
    # ...and the catalogue's names the first window kept (the procedure by its name).
    kept = tmp_path / "staff" / "catalog-names.json"
    (keys.parent / kept.name).write_bytes(kept.read_bytes())
    jwks = requests.get(staff_service.url + "/v1/keys", timeout=10).json()
    keys.write_text(json.dumps({"jwks": jwks, "fetched_at": staff_clock.now() - 1800}))
    away = make_counter(
        f"http://127.0.0.1:{free_port()}",
        token,
        language=language,
        keys_file=keys,
        queue_dir=tmp_path / "offline-queue",
    )
    away.scan(fourth.token if language == "es" else first.token)
    outcome = away.answer()
    assert outcome.answer is Answer.CHECKED_IN
    assert outcome.offline
    assert outcome.queued
    assert_one_language(away, language)
    procedure = clerk.desk.names.procedure("CLAVE_PATRONAL", away.window.switcher.language)
    assert procedure in away.visible_text()
    assert procedure != "CLAVE_PATRONAL"
    save(away, folder, f"{language}-4-offline")


def test_the_language_switches_while_the_window_is_open(
    make_counter: Any, staff_service: EmbeddedService, day: dict[str, Any]
) -> None:
    clerk = make_counter(staff_service.url, staff_service.credentials["staff_tokens"][str(AGENCY)])
    clerk.scan(day["later"][1].token)
    assert clerk.answer().answer is Answer.TOO_EARLY
    assert "Todavía es temprano" in clerk.visible_text()
    clerk.click("English")
    clerk.qtbot.waitUntil(lambda: "Too early" in clerk.visible_text())
    assert "Today's turns" in clerk.visible_text()
    assert_one_language(clerk, "en")
    clerk.press(Qt.Key.Key_F6)
    clerk.qtbot.waitUntil(lambda: "Todavía es temprano" in clerk.visible_text())
    assert_one_language(clerk, "es")
