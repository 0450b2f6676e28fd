"""A numeric keypad drawn in Qt widgets, with keys of at least 20 mm.

A tap on a key never takes the keyboard focus, so the field being typed keeps its cursor; a key
press goes to the bound QLineEdit (or to whoever listens to `typed`/`erased`). Tab reaches the
keys (switch access): Enter on a focused key types it into the bound field, not into the key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

BACKSPACE = "backspace"
ACCEPT = "accept"


def make_key(text: str, theme: Theme, parent: QWidget | None = None) -> QPushButton:
    """A key: big, pressed state visible, never steals the focus from the field on a tap
    (Tab reaches it, for switch access)."""
    key = QPushButton(text, parent)
    key.setProperty("role", "key")
    key.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    key.setMinimumSize(theme.key_px(), theme.key_px())
    key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return key


class KeyTarget(QObject):
    """Routes key presses into one QLineEdit at a time (or none), always at its end.

    The on-screen keys have no arrows, so a cursor left where a finger tapped the field
    (mid-number) would make ⌫ erase the wrong character and new ones land in the middle."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edit: QLineEdit | None = None

    def set_edit(self, edit: QLineEdit | None) -> None:
        self._edit = edit

    def edit(self) -> QLineEdit | None:
        return self._edit

    def insert(self, text: str) -> None:
        if self._edit is not None and self._edit.isEnabled():
            self._edit.end(False)
            self._edit.insert(text)

    def backspace(self) -> None:
        if self._edit is not None and self._edit.isEnabled():
            self._edit.end(False)
            self._edit.backspace()


class Keypad(QWidget):
    """Digits 1-9, 0, a backspace key and an optional accept key (e.g. "Listo")."""

    typed = Signal(str)
    erased = Signal()
    accepted = Signal()

    def __init__(
        self,
        theme: Theme,
        parent: QWidget | None = None,
        *,
        accept_key: bool = False,
    ) -> None:
        super().__init__(parent)
        self._target = KeyTarget(self)
        self._keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(theme.gap_px())
        for index, digit in enumerate("123456789"):
            self._add_digit(digit, theme, grid, index // 3, index % 3)
        back = make_key("⌫", theme, self)
        back.setAutoRepeat(True)  # holding the key keeps erasing, as on a phone
        back.clicked.connect(self._erase)
        self._keys[BACKSPACE] = back
        grid.addWidget(back, 3, 0)
        self._add_digit("0", theme, grid, 3, 1)
        if accept_key:
            ok = make_key("✓", theme, self)
            ok.clicked.connect(self.accepted)
            self._keys[ACCEPT] = ok
            grid.addWidget(ok, 3, 2)
        self.retranslate()

    def _add_digit(self, digit: str, theme: Theme, grid: QGridLayout, row: int, col: int) -> None:
        key = make_key(digit, theme, self)
        key.clicked.connect(lambda: self._type(digit))
        self._keys[digit] = key
        grid.addWidget(key, row, col)

    def _type(self, text: str) -> None:
        self._target.insert(text)
        self.typed.emit(text)

    def _erase(self) -> None:
        self._target.backspace()
        self.erased.emit()

    def bind(self, edit: QLineEdit | None) -> None:
        """Send the keys to `edit` (None: only emit the signals)."""
        self._target.set_edit(edit)

    def bound_edit(self) -> QLineEdit | None:
        return self._target.edit()

    def key(self, name: str) -> QPushButton:
        """The key "0".."9", "backspace" or "accept" (for tests and the tour)."""
        return self._keys[name]

    def retranslate(self) -> None:
        self._keys[BACKSPACE].setAccessibleName(self.tr("Borrar"))
        self._keys[BACKSPACE].setToolTip(self.tr("Borrar"))
        if ACCEPT in self._keys:
            self._keys[ACCEPT].setAccessibleName(self.tr("Listo"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
