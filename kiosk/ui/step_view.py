"""The contract between a citizen screen and the shell.

It lives beside the shell, which needs nothing else of a screen; every citizen screen
subclasses it. A view shows state and reports what the citizen typed or chose; it never calls
the service and never decides where the flow goes. The shell reads `is_valid()` and
`next_label()` to set the action bar (Atrás / Empezar de nuevo / Siguiente) in one place, as
Electrum's wizard does.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from kiosk.domain.flow import Draft, Step


class StepView(QWidget):
    """Base class of every citizen screen."""

    #: validity, busy state or error changed: the shell re-reads is_valid()/next_label().
    changed = Signal()
    #: the citizen confirmed inside the view (e.g. the keypad's OK key): same as Siguiente.
    submitted = Signal()

    step: ClassVar[Step]

    def title(self) -> str:
        """The one question of the screen, translated."""
        raise NotImplementedError

    def help_text(self) -> str:
        """One line of help under the title, translated; may be empty."""
        return ""

    def is_valid(self) -> bool:
        """Whether the primary action (Siguiente, Consultar, ...) may be pressed."""
        return True

    def next_label(self) -> str:
        return self.tr("Siguiente")

    def show_state(self, draft: Draft) -> None:
        """Fill the widgets from the draft (personal data only in masked form)."""

    def clear(self) -> None:
        """Wipe every personal value from the widgets (idle wipe, start over)."""

    def set_error(self, text: str | None) -> None:
        """Show (or hide) an error next to the field it concerns."""

    def retranslate(self) -> None:
        """Re-set every visible string after a language switch."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
