"""Done: the turn in full (code, day and hour, agency and address), this citizen's documents,
where the slip comes out, and where the confirmation was also emailed.

The slip's place is said last, at the bottom of the screen, nearest the slot it names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Catalog, Confirmation, Language
from kiosk.ui.labels import label
from kiosk.ui.layout import apply_theme, is_landscape, split_layout
from kiosk.ui.step_view import StepView
from kiosk.views._turn import (
    BringList,
    TurnBlock,
    TurnFacts,
    TurnWords,
    message,
    turn_facts,
)

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class DoneView(StepView):
    step = Step.DONE

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = TurnWords(self)
        self._facts: TurnFacts | None = None
        self._lang = Language.ES
        split = split_layout(theme, self)
        self.turn = TurnBlock(theme)

        self.bring = BringList(theme)

        after = QVBoxLayout()
        after.setContentsMargins(0, 0, 0, 0)
        after.setSpacing(theme.gap_px() * 2)
        after.addWidget(self.bring, 1)
        # Shown with the rest of the screen, before anything can be tapped: no room reserved.
        self.emailed = message("ok")
        self.slip = label("", "value")
        self.slip.setObjectName("slipPlace")
        after.addWidget(self.emailed)
        after.addWidget(self.slip)
        split.addWidget(self.turn, 1 if is_landscape(theme) else 0)
        split.addLayout(after, 1)
        self.retranslate()

    # -- from the controller ----------------------------------------------------------------

    def show_turn(self, facts: TurnFacts, lang: Language | str) -> None:
        self._facts, self._lang = facts, Language(lang)
        self.retranslate()

    def show_confirmation(
        self,
        confirmation: Confirmation,
        catalog: Catalog | None,
        lang: Language | str,
        *,
        document_type: str | None = None,
        email: str | None = None,
    ) -> None:
        """The same, from the parts (`document_type` as `IdType` values; email in full)."""
        self.show_turn(turn_facts(confirmation, catalog, document_type, email), lang)

    def facts(self) -> TurnFacts | None:
        return self._facts

    # -- StepView ---------------------------------------------------------------------------

    def show_state(self, draft: Draft) -> None:
        self._lang = draft.language
        self.retranslate()

    def title(self) -> str:
        return self.tr("Su turno está reservado")

    def next_label(self) -> str:
        return self.tr("Terminar")

    def clear(self) -> None:
        self._facts = None
        self.retranslate()

    def set_theme(self, theme: Theme) -> None:
        apply_theme(self, theme)

    def retranslate(self) -> None:
        facts = self._facts
        self.turn.show_facts(facts)
        self.bring.show_documents(facts, self._lang)
        email = facts.masked_email if facts else None
        self.emailed.set_text(self._words.emailed(email) if email else None)
        self.slip.setText(self.tr("↓ Retire su comprobante en la ranura de abajo."))
        self.changed.emit()
