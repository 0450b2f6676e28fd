"""Sizes, colours and the stylesheet of the kiosk, computed from the configured screen.

Every size is asked in millimetres and turned into pixels by the screen geometry, so the same
code gives 15 mm touch targets on a 21.5" portrait panel and on a 24" landscape one. Colours
come from one palette; brand colours from the config are adjusted until they keep WCAG contrast
(4.5:1 for text, 7:1 in high contrast), so a badly chosen brand colour cannot make text
unreadable.

Widgets are styled by dynamic properties, e.g. ``button.setProperty("role", "primary")``:
QPushButton roles "primary", "secondary", "key", "choice", "header"; QLabel roles "title",
"help", "error", "ok", "value" (a bold answer in a table), "masked", "code", "small", "header".
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Literal, Protocol

FontRole = Literal["small", "body", "title", "code"]

#: Family registered by kiosk.ui.fonts (bundled, full Spanish coverage).
FONT_FAMILY = "DejaVu Sans"

# Cap heights in millimetres. Body: 5 mm capitals (UI-GUIDE); nothing below 4 mm;
# titles about twice the body; codes and numbers larger than text.
_CAP_MM: dict[FontRole, float] = {"small": 4.0, "body": 5.0, "title": 9.0, "code": 7.5}
_LARGE_TEXT_FACTOR = 1.3


class Geometry(Protocol):
    """What the theme needs of kiosk.domain.screen.ScreenGeometry."""

    def px(self, mm: float) -> int: ...

    def font_px_for_cap_height_mm(self, mm: float) -> int: ...


# --- colour arithmetic (WCAG 2.2 relative luminance) -----------------------------------------


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6:
        raise ValueError("colour must be #RRGGBB or #RGB")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def relative_luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _mix(color: str, toward: str, amount: float) -> str:
    c, t = _rgb(color), _rgb(toward)
    return _hex(tuple(ci + (ti - ci) * amount for ci, ti in zip(c, t, strict=True)))  # type: ignore[arg-type]


def ensure_contrast(color: str, against: str, ratio: float) -> str:
    """`color`, darkened or lightened just enough to reach `ratio` against `against`."""
    if contrast_ratio(color, against) >= ratio:
        return color
    # Move away from the background's lightness: darker on light backgrounds.
    toward = "#000000" if relative_luminance(against) > 0.18 else "#FFFFFF"
    for step in range(1, 101):
        candidate = _mix(color, toward, step / 100)
        if contrast_ratio(candidate, against) >= ratio:
            return candidate
    return toward


def best_text_on(background: str) -> str:
    """White or near-black text, whichever reads better on `background`."""
    dark = "#111111"
    if contrast_ratio("#FFFFFF", background) >= contrast_ratio(dark, background):
        return "#FFFFFF"
    return dark


# --- palette -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Palette:
    bg: str
    fg: str
    primary: str
    on_primary: str
    secondary: str
    on_secondary: str
    error: str
    ok: str
    muted: str
    outline: str
    selected: str  # background of a chosen item; text on it is `on_selected`
    on_selected: str
    surface: str  # background of keys, list rows and cards
    disabled_bg: str
    disabled_fg: str

    def items(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


DEFAULT_PRIMARY = "#0B5394"  # neutral blue; the institution's colours come from the config
DEFAULT_SECONDARY = "#2E6B4F"


def _palette(primary: str, secondary: str, high_contrast: bool) -> Palette:
    if high_contrast:
        # Light text on black, the usual high-contrast scheme; every pair aims at 7:1 (AAA).
        bg, fg, text_ratio = "#000000", "#FFFFFF", 7.0
        surface = "#1A1A1A"
        prim = ensure_contrast("#FFD500", bg, text_ratio)
        sec = ensure_contrast("#8FD3FF", bg, text_ratio)
        selected = "#FFD500"
        outline = "#FFFFFF"
        muted = "#D0D0D0"
        error = ensure_contrast("#FF8A80", bg, text_ratio)
        ok = ensure_contrast("#8CF08C", bg, text_ratio)
        disabled_bg, disabled_fg = "#333333", "#DADADA"
    else:
        bg, fg, text_ratio = "#F7F7F5", "#1A1A1A", 4.5
        surface = "#FFFFFF"
        # Brand colours are used as button backgrounds and outlines: keep them dark enough
        # that white text on them and the control against the page both stay readable.
        prim = ensure_contrast(primary, bg, text_ratio)
        sec = ensure_contrast(secondary, bg, text_ratio)
        selected = _mix(prim, "#FFFFFF", 0.82)
        outline = "#6B6B6B"
        muted = "#555555"
        error = "#B00020"
        ok = "#1B6E2F"
        disabled_bg, disabled_fg = "#DADADA", "#4A4A4A"
    on_primary = best_text_on(prim)
    on_secondary = best_text_on(sec)
    on_selected = ensure_contrast(fg if not high_contrast else "#000000", selected, text_ratio)
    return Palette(
        bg=bg,
        fg=fg,
        primary=prim,
        on_primary=ensure_contrast(on_primary, prim, text_ratio),
        secondary=sec,
        on_secondary=ensure_contrast(on_secondary, sec, text_ratio),
        error=error,
        ok=ok,
        muted=muted,
        outline=outline,
        selected=selected,
        on_selected=on_selected,
        surface=surface,
        disabled_bg=disabled_bg,
        disabled_fg=disabled_fg,
    )


# --- theme -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """Everything visual, in pixels for this screen. Immutable: switch variants with `variant()`."""

    geometry: Geometry
    high_contrast: bool = False
    large_text: bool = False
    primary: str = DEFAULT_PRIMARY
    secondary: str = DEFAULT_SECONDARY

    @property
    def colors(self) -> Palette:
        return _palette(self.primary, self.secondary, self.high_contrast)

    @property
    def text_ratio(self) -> float:
        """The minimum text contrast this theme guarantees."""
        return 7.0 if self.high_contrast else 4.5

    def variant(
        self, *, high_contrast: bool | None = None, large_text: bool | None = None
    ) -> Theme:
        return replace(
            self,
            high_contrast=self.high_contrast if high_contrast is None else high_contrast,
            large_text=self.large_text if large_text is None else large_text,
        )

    # sizes
    def px(self, mm: float) -> int:
        return max(1, self.geometry.px(mm))

    def font_px(self, role: FontRole = "body") -> int:
        cap_mm = _CAP_MM[role] * (_LARGE_TEXT_FACTOR if self.large_text else 1.0)
        return max(1, self.geometry.font_px_for_cap_height_mm(cap_mm))

    def touch_px(self) -> int:
        """Smallest side of any touch target (15 mm; more with large text)."""
        return self.px(18.0 if self.large_text else 15.0)

    def key_px(self) -> int:
        """Side of a keypad or keyboard key (20 mm)."""
        return self.px(20.0)

    def gap_px(self) -> int:
        """Space between touch targets (at least 2 mm)."""
        return self.px(3.0)

    def margin_px(self) -> int:
        """Space between the window edge and the content."""
        return self.px(8.0)

    def radius_px(self) -> int:
        return self.px(2.0)

    def border_px(self) -> int:
        return max(2, self.px(0.6 if not self.high_contrast else 1.0))

    # stylesheet
    def stylesheet(self) -> str:
        c = self.colors
        body, small = self.font_px("body"), self.font_px("small")
        title, code = self.font_px("title"), self.font_px("code")
        touch, key = self.touch_px(), self.key_px()
        pad, radius, border = self.px(3.0), self.radius_px(), self.border_px()
        focus = self.px(1.0) + border
        scroll = self.px(6.0)
        return f"""
QWidget {{
  background-color: {c.bg}; color: {c.fg};
  font-family: "{FONT_FAMILY}"; font-size: {body}px;
}}
QWidget[role="headerbar"] {{
  background-color: {c.surface}; border-bottom: {border}px solid {c.outline};
}}
QWidget[role="actionbar"] {{
  background-color: {c.surface}; border-top: {border}px solid {c.outline};
}}
QWidget[role="accessbar"] {{
  background-color: {c.bg}; border-top: {border}px solid {c.outline};
}}
QWidget[role="overlay"] {{ background-color: {c.bg}; }}
QWidget[role="card"] {{
  background-color: {c.surface}; border: {border}px solid {c.outline}; border-radius: {radius}px;
}}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {title}px; font-weight: bold; }}
QLabel[role="help"] {{ color: {c.muted}; }}
QLabel[role="small"] {{ font-size: {small}px; color: {c.muted}; }}
QLabel[role="header"] {{ font-size: {small}px; font-weight: bold; }}
QLabel[role="error"] {{ color: {c.error}; font-weight: bold; }}
QLabel[role="ok"] {{ color: {c.ok}; font-weight: bold; }}
QLabel[role="value"] {{ font-weight: bold; }}
QLabel[role="masked"] {{ font-size: {code}px; letter-spacing: 2px; }}
QLabel[role="code"] {{ font-size: {code}px; font-weight: bold; letter-spacing: 4px; }}
QPushButton {{
  min-height: {touch}px; min-width: {touch}px; padding: 0 {pad}px;
  background-color: {c.surface}; color: {c.fg};
  border: {border}px solid {c.outline}; border-radius: {radius}px;
}}
QPushButton:pressed {{ background-color: {c.selected}; color: {c.on_selected}; }}
/* Focus: a two-band ring painted over the control (kiosk/ui/switch_access.py); a border
   here would change the frame's width (words moving) and lose to the role rules. */
QPushButton:focus {{ outline: none; }}
QPushButton:disabled {{
  background-color: {c.disabled_bg}; color: {c.disabled_fg}; border-color: {c.disabled_bg};
}}
QPushButton[role="primary"] {{
  background-color: {c.primary}; color: {c.on_primary}; font-weight: bold;
  border-color: {c.primary};
}}
QPushButton[role="primary"]:pressed {{ background-color: {c.fg}; color: {c.bg}; }}
QPushButton[role="primary"]:disabled {{
  background-color: {c.disabled_bg}; color: {c.disabled_fg}; border-color: {c.disabled_bg};
}}
QPushButton[role="secondary"] {{
  color: {c.primary}; border-color: {c.primary}; font-weight: bold;
}}
QPushButton[role="secondary"]:disabled {{
  background-color: {c.disabled_bg}; color: {c.disabled_fg}; border-color: {c.disabled_bg};
}}
QWidget[role="actionbar"] QPushButton {{ min-height: {key}px; }}
QPushButton[role="header"] {{ font-size: {small}px; padding: 0 {self.px(2.0)}px; }}
QPushButton[role="header"]:checked {{ background-color: {c.selected}; color: {c.on_selected}; }}
QPushButton[role="key"] {{
  min-height: {key}px; min-width: {key}px; font-size: {code}px; padding: 0;
}}
QPushButton[role="choice"] {{ text-align: left; padding: {pad}px; }}
QPushButton[role="choice"]:checked {{
  background-color: {c.selected}; color: {c.on_selected};
  border: {focus}px solid {c.primary}; font-weight: bold;
  padding: {pad - (focus - border)}px;  /* the thicker frame takes no room: nothing moves */
}}
QLineEdit {{
  min-height: {touch}px; padding: 0 {pad}px; font-size: {code}px;
  background-color: {c.surface}; color: {c.fg};
  placeholder-text-color: {c.muted};  /* Qt's default, half the text colour, reads at 3.4:1 */
  border: {focus}px solid {c.outline}; border-radius: {radius}px;
}}
QLineEdit:focus {{ border: {focus}px solid {c.primary}; }}
QLineEdit[invalid="true"] {{ border: {focus}px solid {c.error}; }}
QScrollArea, QListView, QListWidget {{ border: none; }}
QScrollBar:vertical {{ width: {scroll}px; background: {c.bg}; }}
QScrollBar:horizontal {{ height: {scroll}px; background: {c.bg}; }}
QScrollBar::handle {{ background: {c.muted}; border-radius: {radius}px; min-height: {touch}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QProgressBar {{
  min-height: {self.px(4.0)}px; border: {border}px solid {c.outline}; border-radius: {radius}px;
  background: {c.surface}; text-align: center; color: {c.fg};
}}
QProgressBar::chunk {{ background-color: {c.primary}; }}
"""
