"""What the province, procedure and agency screens share: one large list with a search."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.models import Language
from kiosk.ui.choice import ChoiceItem, ChoiceList
from kiosk.ui.labels import ErrorLabel
from kiosk.ui.layout import apply_theme, is_landscape
from kiosk.ui.step_view import StepView

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class ChoiceStepView(StepView):
    """A screen whose one answer is a choice from a list."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = Language.ES
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px())
        self.list = ChoiceList(theme)
        self.list.chosen.connect(self._on_chosen)
        self.list.selection_dropped.connect(self.changed.emit)
        if is_landscape(theme):
            # Under the list and beside the keys, which gives up room at its bottom edge when
            # it shows: nothing moves, and no room is kept empty on a screen that needs it all.
            self.error = ErrorLabel(reserve_chars=0)
            column.addWidget(self.list, 1)
            column.addWidget(self.error)
        else:
            # Portrait has the room: above the list, in room kept for it (under the list it
            # would lift the keys below).
            self.error = ErrorLabel()
            column.addWidget(self.error)
            column.addWidget(self.list, 1)

    def _set_items(self, items: Sequence[ChoiceItem], lang: Language | str) -> None:
        self._lang = Language(lang)
        kept = self.list.value()
        self.list.set_items(items)
        if kept is not None and any(i.key == kept for i in items):
            self.list.select(kept)  # a language switch keeps the choice
        self.error.set_text(None)
        self.changed.emit()

    def _on_chosen(self, _key: str) -> None:
        self.error.set_text(None)
        self.changed.emit()

    def is_valid(self) -> bool:
        return self.list.value() is not None

    def _chosen_key(self) -> str:
        key = self.list.value()
        if key is None:
            raise LookupError("nothing chosen")
        return key

    def clear(self) -> None:
        self.list.clear()
        self.error.set_text(None)
        self.changed.emit()

    def set_error(self, text: str | None) -> None:
        self.error.set_text(text)

    def set_theme(self, theme: Theme) -> None:
        apply_theme(self, theme)

    def retranslate(self) -> None:
        self.list.retranslate()
        self.changed.emit()
