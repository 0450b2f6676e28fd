"""Procedure: the kind of procedure ("tipo de trámite") to book a turn for."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Language, Procedure
from kiosk.ui.choice import ChoiceItem
from kiosk.views._choice import ChoiceStepView


class ProcedureView(ChoiceStepView):
    step = Step.PROCEDURE

    def set_procedures(self, procedures: Sequence[Procedure], lang: Language | str) -> None:
        self._set_items([ChoiceItem(p.code, p.name.get(lang)) for p in procedures], lang)

    def value(self) -> str:
        """The code of the chosen procedure."""
        return self._chosen_key()

    def show_state(self, draft: Draft) -> None:
        self.list.select(draft.procedure_code)

    def title(self) -> str:
        return self.tr("Elija el tipo de trámite")

    def help_text(self) -> str:
        return self.tr("Solo se muestran los trámites que se atienden en su provincia.")
