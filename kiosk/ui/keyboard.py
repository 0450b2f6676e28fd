"""An on-screen keyboard of our own, in plain Qt widgets, with a Spanish layout.

Why not Qt Virtual Keyboard: it needs a QQuickWidget (~97 MB) and cannot show the `gmail.com`
style keys a citizen typing an email needs; plain buttons are also clickable by qtbot offscreen.
The keyboard sits in the screen's layout below the field, so it never covers what is typed.

Keys are at least 20 mm on each side with at least 2 mm between them; `compact` (beside the
fields of a landscape screen) gives every key body-size letters so the longer keys fit.

Layouts: EMAIL (letters, ñ, accents, digits, @ . - _ and domain keys), TEXT (for searching a
list: letters, accents and a space bar) and CODE (upper-case letters and digits, for passports
and foreigner codes).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from kiosk.ui.keypad import BACKSPACE, KeyTarget, make_key

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

SHIFT = "shift"
SPACE = "space"

# Each row is ten "units" wide; the grid has two columns per unit so wide keys can be 1.5.
_DIGITS = "1234567890"
_ROW_Q = "qwertyuiop"
_ROW_A = "asdfghjklñ"
_ROW_Z = "zxcvbnm"
_ACCENTS = "áéíóúü"
_EMAIL_SIGNS = "@.-_"
_DOMAINS = (".com", ".ec", "gmail.com", "hotmail.com")


class KeyboardLayout(StrEnum):
    EMAIL = "email"
    TEXT = "text"
    CODE = "code"


class Keyboard(QWidget):
    """Taps insert text into the bound QLineEdit and are reported by `typed`/`erased`."""

    typed = Signal(str)
    erased = Signal()

    def __init__(
        self,
        theme: Theme,
        parent: QWidget | None = None,
        *,
        layout: KeyboardLayout = KeyboardLayout.EMAIL,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._layout = layout
        self._compact = compact
        self._target = KeyTarget(self)
        self._keys: dict[str, QPushButton] = {}
        self._letters: list[tuple[str, QPushButton]] = []
        self._shift = False
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.px(2.0))  # the guide's least gap, to fit 11 keys a row
        for column in range(20):
            self._grid.setColumnStretch(column, 1)
        self._build()
        self._style_keys()
        self.retranslate()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        upper = self._layout is KeyboardLayout.CODE
        row = 0
        self._row_of_chars(_DIGITS, row)
        row += 1
        self._row_of_chars(_ROW_Q, row, upper=upper)
        row += 1
        if self._layout is KeyboardLayout.CODE:
            self._row_of_chars("asdfghjkl", row, upper=True)
            self._add_char("-", row, 18, 2)
        else:
            self._row_of_chars(_ROW_A, row)
        row += 1
        col = 0
        if self._layout is KeyboardLayout.CODE:
            col = 3  # centred: no shift key, all letters are capitals
        else:
            shift = self._special(SHIFT, "⇧", row, 0, 3)
            shift.setCheckable(True)
            shift.clicked.connect(self._toggle_shift)
            col = 3
        for ch in _ROW_Z:
            self._add_char(ch.upper() if upper else ch, row, col, 2, letter=not upper)
            col += 2
        back = self._special(BACKSPACE, "⌫", row, 17, 3)
        back.setAutoRepeat(True)
        back.clicked.connect(self._erase)
        row += 1
        if self._layout is KeyboardLayout.EMAIL:
            col = 0
            for ch in _ACCENTS:
                self._add_char(ch, row, col, 2, letter=True)
                col += 2
            for ch in _EMAIL_SIGNS:
                self._add_char(ch, row, col, 2)
                col += 2
            row += 1
            col = 0
            for domain, span in zip(_DOMAINS, (4, 4, 6, 6), strict=True):
                self._add_char(domain, row, col, span)
                col += span
        elif self._layout is KeyboardLayout.TEXT:
            col = 0
            for ch in _ACCENTS:
                self._add_char(ch, row, col, 2, letter=True)
                col += 2
            space = self._special(SPACE, "", row, col, 20 - col)
            space.clicked.connect(lambda: self._type(" "))

    def _row_of_chars(self, chars: str, row: int, *, upper: bool = False) -> None:
        for index, ch in enumerate(chars):
            letter = ch.isalpha() and not upper
            self._add_char(ch.upper() if upper else ch, row, index * 2, 2, letter=letter)

    def _add_char(
        self, text: str, row: int, col: int, span: int, *, letter: bool = False
    ) -> QPushButton:
        key = make_key(text, self._theme, self)
        key.clicked.connect(lambda: self._type_key(text, letter))
        self._grid.addWidget(key, row, col, 1, span)
        self._keys[text] = key
        if letter:
            self._letters.append((text, key))
        return key

    def _special(self, name: str, text: str, row: int, col: int, span: int) -> QPushButton:
        key = make_key(text, self._theme, self)
        self._grid.addWidget(key, row, col, 1, span)
        self._keys[name] = key
        return key

    def _style_keys(self) -> None:
        # Every key is a full 20 mm key, compact or not (UI-GUIDE).
        height = self._theme.key_px()
        for name, key in self._keys.items():
            style = f"min-height: {height}px;"
            if self._compact or name in _DOMAINS or name == SPACE:
                # Domain keys hold up to 11 characters: body size keeps them inside the key;
                # compact keys are lower, so their letters are body size too.
                style += f" font-size: {self._theme.font_px('body')}px;"
            key.setStyleSheet(style)
            key.setMinimumHeight(height)

    # -- typing -----------------------------------------------------------------------------

    def _type_key(self, text: str, letter: bool) -> None:
        if letter and self._shift:
            text = text.upper()
            self._set_shift(False)  # one-shot, like a phone keyboard
        self._type(text)

    def _type(self, text: str) -> None:
        self._target.insert(text)
        self.typed.emit(text)

    def _erase(self) -> None:
        self._target.backspace()
        self.erased.emit()

    def _toggle_shift(self) -> None:
        self._set_shift(not self._shift)

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        if SHIFT in self._keys:
            self._keys[SHIFT].setChecked(on)
        for text, key in self._letters:
            key.setText(text.upper() if on else text)

    def refresh_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._style_keys()

    # -- public -----------------------------------------------------------------------------

    @property
    def layout_kind(self) -> KeyboardLayout:
        return self._layout

    def bind(self, edit: QLineEdit | None) -> None:
        """Send the keys to `edit` (None: only emit the signals)."""
        self._target.set_edit(edit)

    def bound_edit(self) -> QLineEdit | None:
        return self._target.edit()

    def key(self, name: str) -> QPushButton:
        """A key by what it types ("a", "ñ", "gmail.com"), or "shift", "backspace", "space"."""
        return self._keys[name]

    def key_names(self) -> list[str]:
        return list(self._keys)

    def retranslate(self) -> None:
        self._keys[BACKSPACE].setAccessibleName(self.tr("Borrar"))
        if SHIFT in self._keys:
            self._keys[SHIFT].setAccessibleName(self.tr("Mayúsculas"))
        if SPACE in self._keys:
            self._keys[SPACE].setText(self.tr("espacio"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
