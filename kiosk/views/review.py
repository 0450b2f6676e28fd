"""Review: everything on one page (personal data masked), the hold's countdown, and the
documents this citizen must bring, each with its detail in full (the handwritten-signature rule
is in a detail, and was missed behind a «Ver detalles» button).

Portrait: the booking over the documents; landscape: side by side. The documents scroll by
finger inside their own area, with a cue while more lies below, so nothing is cut unseen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.contact import mask_email, mask_phone
from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Catalog, Language
from kiosk.ui.countdown import Countdown, countdown_text
from kiosk.ui.labels import label
from kiosk.ui.layout import apply_theme, is_landscape, split_layout
from kiosk.ui.step_view import StepView
from kiosk.views._turn import (
    CuedScroll,
    DocumentList,
    TurnWords,
    agency_address,
    agency_name,
    message,
)

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

# The turn first (what, where, when: what the citizen came to check), then who it is for.
_ROWS = ("procedure", "agency", "date", "time", "id", "name", "email", "phone")


class ReviewView(StepView):
    step = Step.REVIEW

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = TurnWords(self)
        self._draft: Draft | None = None
        self._catalog: Catalog | None = None
        self._lang = Language.ES
        self._expired = False
        self._refused = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 2)
        # Nothing on this screen is typed or tapped (Confirmar sits in the action bar), so a
        # message may take its room when it comes.
        self.printer_problem = message("error")
        self.error = message("error")
        self.hold = message("ok")
        column.addWidget(self.printer_problem)
        column.addWidget(self.error)
        column.addWidget(self.hold)

        self.summary = QWidget()
        grid = QGridLayout(self.summary)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(theme.gap_px() * 3)
        grid.setVerticalSpacing(theme.gap_px())
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(_ROWS):
            caption = label("", "help", wrap=False)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            # One face for every value, masked or not: body size, bold, easy to compare.
            value = label("", "value")
            self.captions[key], self.values[key] = caption, value
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(_ROWS), 1)

        documents = QWidget()
        bring = QVBoxLayout(documents)
        bring.setContentsMargins(0, 0, theme.gap_px(), 0)
        bring.setSpacing(theme.gap_px() * 2)
        self.bring_caption = label("", "value")
        self.requirements = DocumentList(theme, details=True)
        bring.addWidget(self.bring_caption)
        bring.addWidget(self.requirements)
        bring.addStretch(1)
        self.documents = CuedScroll(documents, theme)

        split = split_layout(theme)
        if is_landscape(theme):
            # Side by side, each half scrolls on its own when large text needs more room.
            split.addWidget(CuedScroll(self.summary, theme), 1)
        else:
            split.addWidget(self.summary)
        split.addWidget(self.documents, 1)
        column.addLayout(split, 1)

        self._countdown = Countdown(self)
        self._countdown.tick.connect(lambda _s: self._show_hold())
        self._countdown.finished.connect(self._on_expired)
        self.retranslate()

    # -- from the controller ----------------------------------------------------------------

    def show_review(self, draft: Draft, catalog: Catalog, lang: Language | str) -> None:
        self._draft, self._catalog, self._lang = draft, catalog, Language(lang)
        self._fill()

    def set_hold_countdown(self, seconds: int) -> None:
        """The slot stays held for `seconds`; the screen counts down by itself."""
        self._expired = False
        self._set_refused(False)
        self._countdown.start(seconds)
        self._show_hold()
        self.changed.emit()

    def hold_seconds_left(self) -> int:
        return self._countdown.remaining()

    def set_printer_problem(self, text: str | None) -> None:
        """Warn before confirming that the slip cannot be printed (it will be emailed)."""
        self.printer_problem.set_text(text)

    def refuse(self, text: str) -> None:
        """The service will not book now (the citizen's quota), and a new try would be refused
        the same: say why and what to do, and offer no «Confirmar», no hold counting down and
        no documents to bring to a turn that is not booked. «Atrás» and «Empezar de nuevo»
        stay, and give the hold back."""
        self._countdown.stop()
        self._set_refused(True)
        self.error.set_text(text)
        self.changed.emit()

    def _set_refused(self, refused: bool) -> None:
        self._refused = refused
        self.documents.setVisible(not refused)
        self._show_hold()

    def _on_expired(self) -> None:
        self._expired = True
        self._show_hold()
        self.changed.emit()

    def _show_hold(self) -> None:
        if self._refused:
            self.hold.set_text(None)
        elif self._expired:
            self.hold.set_text(None)
            self.error.set_text(
                self.tr("El tiempo para confirmar terminó. Toque «Atrás» y elija otra hora.")
            )
        elif self._countdown.running():
            self.hold.set_text(
                self.tr("Guardamos esta hora para usted durante {time}.").replace(
                    "{time}", countdown_text(self._countdown.remaining())
                )
            )
        else:
            self.hold.set_text(None)

    def _fill(self) -> None:
        d, catalog, lang = self._draft, self._catalog, self._lang
        if d is None or catalog is None:
            for value in self.values.values():
                value.clear()
            self.requirements.set_requirements((), lang)
            return
        procedure = catalog.procedure(d.procedure_code or "")
        agency = catalog.agency(d.agency_id) if d.agency_id is not None else None
        texts = {
            "id": d.document.masked if d.document else "",
            "name": d.masked_name or "",
            "email": mask_email(d.email) if d.email else "",
            "phone": mask_phone(d.phone) if d.phone else "",
            "procedure": procedure.name.get(lang) if procedure else "",
            "agency": f"{agency_name(agency)}\n{agency_address(agency)}" if agency else "",
            "date": self._words.day(d.day) if d.day else "",
            "time": d.slot.start.strftime("%H:%M") if d.slot else "",
        }
        for key, text in texts.items():
            self.values[key].setText(text)
            visible = bool(text)
            self.values[key].setVisible(visible)
            self.captions[key].setVisible(visible)
        # Only this citizen's documents; the one they identified with is among them (the
        # catalogue's "Cédula", "Pasaporte"...), so no line of our own repeats it.
        document_type = d.document.type.value if d.document else None
        needed = procedure.requirements_for(document_type) if procedure else ()
        self.requirements.set_requirements(needed, lang)

    # -- StepView ---------------------------------------------------------------------------

    def is_valid(self) -> bool:
        return not self._expired and not self._refused

    def title(self) -> str:
        if self._refused:
            return self.tr("Por ahora no podemos reservar este turno")
        return self.tr("Revise su turno")

    def help_text(self) -> str:
        if self._refused:
            return ""
        return self.tr("Si todo está bien, toque «Confirmar».")

    def next_label(self) -> str:
        if self._refused:
            return ""
        return self.tr("Confirmar")

    def show_state(self, draft: Draft) -> None:
        self._draft = draft
        self._lang = draft.language
        self._fill()

    def clear(self) -> None:
        self._draft = None
        self._expired = False
        self._countdown.stop()
        self._set_refused(False)
        self._fill()
        self.error.set_text(None)
        self.printer_problem.set_text(None)
        self.hold.set_text(None)
        self.changed.emit()

    def set_error(self, text: str | None) -> None:
        self.error.set_text(text)

    def set_theme(self, theme: Theme) -> None:
        apply_theme(self, theme)

    def retranslate(self) -> None:
        captions = {
            "id": self.tr("Documento"),
            "name": self.tr("Nombre"),
            "email": self.tr("Correo"),
            "phone": self.tr("Celular"),
            "procedure": self.tr("Trámite"),
            "agency": self.tr("Agencia"),
            "date": self.tr("Día"),
            "time": self.tr("Hora"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.bring_caption.setText(self.tr("Lleve a su cita:"))
        self._show_hold()
        self._fill()
        self.changed.emit()
