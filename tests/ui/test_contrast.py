"""Contrast (WCAG 2.2 AA; AAA for text in high contrast), from the theme and from pixels.

From the theme: every colour pair the style sheet uses, read from the style sheet itself
(each rule's text colour on its own background, or on each background a transparent widget
sits on; each border against the backgrounds around it), in every theme and with awkward
brand colours from the config. From pixels: every screen and overlay staged and grabbed in
every theme, in both orientations; for each visible label, button and field the contrast
between its text's pixels and its background's, and for each enabled control the contrast
between its edge and what surrounds it.

Text needs 4.5:1 (7:1 in high contrast) whatever its size: the kiosk's smallest text is
large by WCAG's measure already, so the stricter rule costs nothing. Control boundaries need
3:1. Disabled controls are exempt from both (WCAG 1.4.3 and 1.4.11), but their text is
checked at 4.5:1 all the same: a citizen still reads why a button waits.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.backend.parse import parse_catalog
from kiosk.domain.models import Catalog
from kiosk.ui.shell import KioskShell
from kiosk.ui.theme import DEFAULT_PRIMARY, DEFAULT_SECONDARY, Theme, contrast_ratio
from tests.ui.conftest import PORTRAIT
from tests.ui.contrast_pixels import as_array, boundary_contrast, text_contrast
from tests.ui.every_screen import THEMES, controls, every_screen, worded
from tests.ui.test_views_sizes import Mode, name, on_screen, staged_shell
from turnos.demo_catalog import demo_catalog

OUT = Path(__file__).resolve().parents[2] / "build" / "contrast"
BOUNDARY = 3.0
#: Brand colours an institution might configure: the default, its own yellow secondary, and
#: colours too light or too dark to be used as they are.
BRANDS = [
    (DEFAULT_PRIMARY, DEFAULT_SECONDARY),
    ("#0B5394", "#F1C232"),  # the shipped kiosk.example.toml
    ("#FFD500", "#8FD3FF"),  # light on a light page
    ("#E53935", "#43A047"),  # mid-tones
    ("#000000", "#FFFFFF"),
]

# --- from the theme ------------------------------------------------------------------------

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b")


def rules(sheet: str) -> list[tuple[str, dict[str, str]]]:
    found = []
    for selector, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
        props = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                key, value = declaration.split(":", 1)
                props[key.strip()] = value.strip()
        found.append((" ".join(selector.split()), props))
    return found


def _background(props: dict[str, str]) -> str | None:
    for key in ("background-color", "background"):
        match = _COLOUR.search(props.get(key, ""))
        if match:
            return match.group(0).upper()
    return None


def sheet_pairs(theme: Theme) -> list[tuple[str, str, str, float]]:
    """(what, colour, against, minimum) for every colour pair the style sheet makes."""
    c = theme.colors
    # Where a rule sets no background, the widget shows what it sits on: the page, or a
    # surface (header, action bar, card, key, list row).
    surroundings = sorted({c.bg, c.surface})
    text = theme.text_ratio
    pairs = []
    for selector, props in rules(theme.stylesheet()):
        own = _background(props)
        behind = [own] if own else surroundings
        for key in ("color", "placeholder-text-color"):
            colour = _COLOUR.search(props.get(key, ""))
            if colour:
                pairs += [(f"{selector} {key}", colour.group(0), b, text) for b in behind]
        for key, value in props.items():
            border = _COLOUR.search(value) if key.startswith("border") else None
            if border is None or ":disabled" in selector:
                continue  # a disabled control's boundary is exempt (WCAG 1.4.11)
            for around in surroundings:
                # A border the colour of the control's own background is not its boundary:
                # the background is, and must stand out itself.
                edge = own if own and contrast_ratio(border.group(0), own) < 1.1 else None
                pairs.append((f"{selector} {key}", edge or border.group(0), around, BOUNDARY))
        handle_or_chunk = "::handle" in selector or "::chunk" in selector
        if own and handle_or_chunk:
            pairs += [(f"{selector} fill", own, around, BOUNDARY) for around in surroundings]
    return pairs


VARIANTS = [(hc, lt, brand) for hc in (False, True) for lt in (False, True) for brand in BRANDS]


@pytest.mark.parametrize(
    ("high_contrast", "large_text", "brand"),
    VARIANTS,
    ids=[f"hc{int(h)}-lt{int(lt)}-{p}-{s}" for h, lt, (p, s) in VARIANTS],
)
def test_every_colour_pair_of_the_style_sheet_reads(
    high_contrast: bool, large_text: bool, brand: tuple[str, str]
) -> None:
    theme = Theme(
        PORTRAIT,
        high_contrast=high_contrast,
        large_text=large_text,
        primary=brand[0],
        secondary=brand[1],
    )
    pairs = sheet_pairs(theme)
    assert len(pairs) > 30  # the parse found the style sheet's rules
    poor = [
        f"{what}: {a} on {b} is {contrast_ratio(a, b):.2f}:1 (< {least}:1)"
        for what, a, b, least in pairs
        if contrast_ratio(a, b) < least
    ]
    assert not poor, "\n".join(poor)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_palette_keeps_its_promises(high_contrast: bool) -> None:
    """The pairs the palette is built for, including those set outside the style sheet
    (the day cells, the code boxes, the turn's cue)."""
    for primary, secondary in BRANDS:
        theme = Theme(PORTRAIT, high_contrast=high_contrast, primary=primary, secondary=secondary)
        c, text = theme.colors, theme.text_ratio
        for fg, bg in [
            (c.fg, c.bg),
            (c.fg, c.surface),
            (c.on_primary, c.primary),
            (c.on_secondary, c.secondary),
            (c.on_selected, c.selected),
            (c.primary, c.bg),
            (c.primary, c.surface),
            (c.error, c.bg),
            (c.error, c.surface),
            (c.ok, c.bg),
            (c.ok, c.surface),
            (c.muted, c.bg),
            (c.muted, c.surface),
            (c.disabled_fg, c.disabled_bg),
        ]:
            assert contrast_ratio(fg, bg) >= text, (primary, fg, bg)
        for edge in (c.outline, c.primary):
            for around in (c.bg, c.surface):
                assert contrast_ratio(edge, around) >= BOUNDARY, (primary, edge, around)


# --- from pixels ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return parse_catalog(demo_catalog())


def _text_rect(shell: KioskShell, widget: QWidget, theme: Theme) -> object:
    """Where the words are: inside a control's border (and focus frame), the whole label."""
    rect = on_screen(shell, widget)
    assert rect is not None
    if isinstance(widget, (QAbstractButton, QLineEdit)):
        inset = theme.px(1.0) + theme.border_px() + 1
        rect = rect.adjusted(inset, inset, -inset, -inset)
    return rect


def pixel_problems(shell: KioskShell, theme: Theme, screen: str) -> list[str]:
    image = as_array(shell.grab().toImage())
    problems = []
    text_least = theme.text_ratio
    for widget in worded(shell):
        rect = on_screen(shell, widget)
        if rect is None or rect.size() != widget.size():
            continue  # partly scrolled out of view: its words may be out of view too
        found = text_contrast(image, _text_rect(shell, widget, theme))  # type: ignore[arg-type]
        if found is None:
            if isinstance(widget, QLabel) and widget.pixmap() is not None:
                continue  # a picture, not words
            problems.append(f"{screen}: {name(widget)} shows no text")
            continue
        ratio, ink, paper = found
        if ratio < text_least - 0.05:  # 0.05: antialiasing of the strokes' cores
            problems.append(
                f"{screen}: {name(widget)} text {ink} on {paper} is {ratio:.2f}:1"
                f" (< {text_least}:1)"
            )
    for widget in controls(shell):
        if not widget.isEnabled():
            continue
        rect = on_screen(shell, widget)
        if rect is None or rect.size() != widget.size():
            continue  # partly scrolled out of view
        ratios = boundary_contrast(image, rect, theme.radius_px())
        if ratios and max(ratios) < BOUNDARY:
            problems.append(
                f"{screen}: {name(widget)} boundary is {max(ratios):.2f}:1 (< {BOUNDARY}:1)"
            )
    return problems


@pytest.mark.parametrize("mode", THEMES, ids=[m.name for m in THEMES])
def test_every_screen_reads_in_pixels(
    qtbot: QtBot, qloop: object, catalog: Catalog, mode: Mode
) -> None:
    shell = staged_shell(qtbot, mode, catalog)
    theme = shell.theme
    out = OUT / mode.name
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    checked = 0
    for screen in every_screen(qtbot, shell):
        shell.grab().save(str(out / f"{screen}.png"))
        problems += pixel_problems(shell, theme, screen)
        checked += len(worded(shell))
    assert checked > 150  # every screen had its words measured
    assert not problems, "\n".join(problems)
