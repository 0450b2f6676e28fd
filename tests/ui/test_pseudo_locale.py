"""The pseudo language: every text 40 % longer, on every screen and overlay, in both
orientations, with nothing clipped and nothing overlapping; and room for another language.

The pseudo language "qps" (kiosk/ui/pseudo_locale.py, kiosk_qps.ts) stands in for a language
with longer words than Spanish, such as Kichwa, and shows any text that skips the translation
system (it stays unaccented and unbracketed). Adding a language is adding its .ts file and its
code to `kiosk.languages`: the last tests do exactly that with the pseudo language.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.backend.parse import parse_catalog
from kiosk.config import ConfigError, load_settings
from kiosk.domain.flow import Step
from kiosk.domain.models import Catalog, Language
from kiosk.ui.i18n import TRANSLATIONS_DIR, LanguageSwitcher
from kiosk.ui.pseudo_locale import PSEUDO_CODE, STRETCH, pseudo, visible_length
from kiosk.ui.shell import KioskShell
from tests.ui.conftest import LANDSCAPE, PORTRAIT, kiosk_on
from tests.ui.every_screen import every_screen, shown_text, top_layer_widgets, worded
from tests.ui.test_views_sizes import Mode, name, on_screen, show, staged_shell
from turnos.demo_catalog import demo_catalog

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "build" / "pseudo"
PSEUDO = Language(PSEUDO_CODE)
ORIENTATIONS = [Mode("portrait", PORTRAIT), Mode("landscape", LANDSCAPE)]
#: A pseudo-translated text: bracketed (the brackets show a cut end).
_PSEUDO_TEXT = re.compile(r"\[.*\]", re.S)


# --- the pseudo text itself ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Reserve su turno de atención",
        "Sí",
        "Le quedan %n intentos.",
        "Horas libres el {date}:",
        "Aquí aparecerá el código<br>enviado por correo o SMS",
        "Paso %1 de %2",
        "A &amp; B",
    ],
)
def test_a_pseudo_text_is_40_percent_longer_and_keeps_what_code_fills_in(text: str) -> None:
    made = pseudo(text)
    assert visible_length(made) >= STRETCH * visible_length(text)
    assert made.startswith("[")
    assert made.endswith("]")
    for kept in re.findall(r"<[^>]+>|&\w+;|%n|%\d|\{\w*\}", text):
        assert made.count(kept) == text.count(kept), kept
    assert pseudo("   ") == "   "


def test_a_list_split_at_spaces_keeps_one_item_per_item() -> None:
    initials = pseudo("Lu Ma Mi Ju Vi Sá Do")  # the calendar's weekday initials
    assert len(initials.split(" ")) == 7
    assert visible_length(initials) >= STRETCH * len("Lu Ma Mi Ju Vi Sá Do")


def test_the_pseudo_catalogue_covers_every_text_of_the_sources(tmp_path: Path) -> None:
    """kiosk_qps.ts is generated from the sources (scripts/build-translations --pseudo, or
    --update): every message the code has is in it, pseudo-translated, and it is compiled."""
    scratch = tmp_path / "kiosk_qps.ts"
    sources = sorted(str(p) for p in (REPO / "kiosk").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [
            str(lupdate),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(scratch),
        ],
        check=True,
        timeout=120,
    )
    shipped = TRANSLATIONS_DIR / "kiosk_qps.ts"
    missing = messages(scratch) - messages(shipped)
    assert not missing, (
        f"{len(missing)} texts of the code are not in kiosk_qps.ts, e.g. {sorted(missing)[:3]}:"
        " run scripts/build-translations --pseudo"
    )
    assert 'type="unfinished"' not in shipped.read_text(encoding="utf-8")
    assert (TRANSLATIONS_DIR / "kiosk_qps.qm").is_file()


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every message of a .ts file."""
    root = ET.parse(ts).getroot()  # noqa: S314 (our own catalogue)
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
    }


# --- every screen in the pseudo language ---------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return parse_catalog(demo_catalog())


@pytest.fixture
def pseudo_language(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher(qapp, TRANSLATIONS_DIR)
    yield switcher
    switcher.uninstall()


def needs_more_room(widget: QWidget) -> str | None:
    """Why the widget's words do not fit it, or None: a button's or a one-line label's
    needed size against its size, a word-wrapped label's height for its width, elision."""
    metrics = widget.fontMetrics()
    if isinstance(widget, QPushButton):
        shown = QPushButton.text(widget)  # a WrapButton's text() gives the unwrapped words
        lines = shown.splitlines() or [""]
        need_w = max(metrics.horizontalAdvance(line) for line in lines)
        need_h = metrics.height() * len(lines)
        room = widget.contentsRect()
        if need_w > room.width() - 4 or need_h > widget.height():
            return f"needs {need_w}×{need_h}, has {room.width() - 4}×{widget.height()}"
        if "…" in shown and "…" not in widget.text():
            return "elided"
        return None
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                return f"needs {need} px high for {widget.width()} px wide, has {widget.height()}"
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            return f"needs {hint.width()}×{hint.height()}, has {widget.width()}×{widget.height()}"
    return None


def overlaps(shell: KioskShell) -> list[str]:
    """Pairs of visible controls and texts whose rects intersect (one inside the other, as a
    label inside its button, is not an overlap)."""
    shown: list[tuple[QWidget, QRect]] = []
    for widget in top_layer_widgets(shell, (QLabel, QAbstractButton, QLineEdit)):
        if widget.objectName() == "scrollCue":
            continue  # "▼ Deslice para ver más" floats over a list on purpose: it scrolls under
        rect = on_screen(shell, widget)
        if rect is not None and (not isinstance(widget, QLabel) or widget.text().strip()):
            shown.append((widget, rect))
    found = []
    for i, (a, ra) in enumerate(shown):
        for b, rb in shown[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            if ra.intersects(rb):
                found.append(f"{name(a)} {ra.getRect()} overlaps {name(b)} {rb.getRect()}")
    return found


def too_wide(shell: KioskShell, screen: str) -> list[str]:
    """The screen is wider than the window: whatever is right of its edge is cut off."""
    if shell.stack.width() <= shell.scroll.viewport().width():
        return []
    return [
        f"{screen}: needs {shell.stack.width()} px of width,"
        f" the screen has {shell.scroll.viewport().width()}"
    ]


@pytest.mark.parametrize("mode", ORIENTATIONS, ids=[m.name for m in ORIENTATIONS])
def test_every_screen_in_the_pseudo_language_fits(
    qtbot: QtBot,
    qloop: object,
    catalog: Catalog,
    pseudo_language: LanguageSwitcher,
    mode: Mode,
) -> None:
    shell = staged_shell(qtbot, mode, catalog)
    pseudo_language.set_language(PSEUDO)
    qtbot.wait(50)  # Qt posts the LanguageChange events: let every widget re-set its words
    out = OUT / mode.name
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    stretched = 0
    for screen in every_screen(qtbot, shell):
        shell.grab().save(str(out / f"{screen}.png"))
        for widget in worded(shell):
            why = needs_more_room(widget)
            if why:
                problems.append(f"{screen}: {name(widget)} is clipped: {why}")
            if _PSEUDO_TEXT.search(shown_text(widget)):
                stretched += 1
        problems += [f"{screen}: {o}" for o in overlaps(shell)]
        problems += too_wide(shell, screen)
    assert stretched > 150  # the pseudo language was shown
    assert not problems, "\n".join(problems)


# --- room for another language -------------------------------------------------------------


def test_a_language_is_a_catalogue_and_a_line_of_config() -> None:
    settings = load_settings(
        environ={"KIOSK_KIOSK__LANGUAGES": "es,en,qps", "KIOSK_KIOSK__DEFAULT_LANGUAGE": "qps"}
    )
    assert settings.kiosk.languages == ("es", "en", "qps")
    assert Language(settings.kiosk.default_language) is PSEUDO


def test_a_language_without_its_catalogue_is_refused() -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(environ={"KIOSK_KIOSK__LANGUAGES": "es,en,qu"})
    assert err.value.keys == ("kiosk.languages",)
    assert "kiosk_qu.qm" in str(err.value)


def test_the_language_button_goes_through_the_configured_languages(
    make_kiosk: Any, turnos_service: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kiosk configured with a third language (the pseudo one: no catalogue of a real
    language is invented) offers it on the header's button, after Spanish and English, and
    shows every screen's words in it."""
    from tests.ui import conftest

    def settings() -> Any:
        return load_settings(environ={"KIOSK_KIOSK__LANGUAGES": "es,en,qps"})

    monkeypatch.setattr(conftest, "kiosk_settings", settings)
    kiosk, driver = kiosk_on(make_kiosk, turnos_service)
    shell = kiosk.shell
    driver.start()  # "Empezar en español"
    title = shell.title_label.text()
    assert not _PSEUDO_TEXT.search(title)

    shown = []
    for _ in range(3):
        driver.tap(shell.language_button)
        driver.wait_until(lambda: kiosk.switcher.language is shell.language)
        driver.wait_until(lambda before=title: shell.title_label.text() != before)
        title = shell.title_label.text()
        shown.append((kiosk.switcher.language, title))

    assert [language for language, _ in shown] == [Language.EN, PSEUDO, Language.ES]
    pseudo_title = shown[1][1]
    assert _PSEUDO_TEXT.fullmatch(pseudo_title)
    assert visible_length(pseudo_title) >= STRETCH * visible_length(shown[2][1])
    assert shell.title_label.text() == shown[2][1]  # back in Spanish, as first shown


def test_the_calendar_fits_a_portrait_screen_in_the_pseudo_language(
    qtbot: QtBot, qloop: object, catalog: Catalog, pseudo_language: LanguageSwitcher
) -> None:
    shell = staged_shell(qtbot, ORIENTATIONS[0], catalog)
    pseudo_language.set_language(PSEUDO)
    qtbot.wait(50)
    show(qtbot, shell, Step.SCHEDULE)
    assert not too_wide(shell, "schedule")
