"""Review: everything on one page (personal data masked), the hold's countdown, what to bring."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.contact import mask_email, mask_phone
from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Catalog, Language
from kiosk.ui.widgets import (
    Countdown,
    DateWords,
    ErrorLabel,
    MessageLabel,
    apply_theme,
    countdown_text,
    discard,
    first_upper,
    label,
    touch_button,
)
from kiosk.views.base import StepView

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

MARK_TODO = "☐"  # a box to tick at home, not a control
_ROWS = ("id", "name", "email", "phone", "procedure", "agency", "date", "time")


class RequirementList(QWidget):
    """What to bring, as a checklist of short titles (☐ + title); the service's long details
    stay behind «Ver detalles», in smaller type, so the screen is not a wall of text."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []
        self._rows: list[QWidget] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(theme.gap_px())
        self.toggle = touch_button("", theme, "secondary", wrap=True)
        self.toggle.setObjectName("requirementDetails")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._on_toggled)
        row = QHBoxLayout()
        row.addWidget(self.toggle)
        row.addStretch(1)
        self._column.addLayout(row)
        self.retranslate()

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        """(title, detail) pairs; the detail may be empty."""
        self._items = list(items)
        self.toggle.setChecked(False)
        self._render()

    def _on_toggled(self, _on: bool) -> None:
        self.retranslate()
        self._render()

    def details_shown(self) -> bool:
        return self.toggle.isChecked()

    def text(self) -> str:
        """Every title and detail, one a line (what the screen can show)."""
        return "\n".join(f"{t}: {d}" if d else t for t, d in self._items)

    def _render(self) -> None:
        for widget in self._rows:
            discard(widget)
        self._rows = []
        details = self.toggle.isChecked()
        for index, (title, detail) in enumerate(self._items):
            row = QWidget()
            grid = QGridLayout(row)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(self._column.spacing())
            grid.setVerticalSpacing(0)
            box = label(MARK_TODO, None, wrap=False)
            box.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, 0, 0)
            grid.addWidget(label(title, "value"), 0, 1)
            if detail and details:
                grid.addWidget(label(detail, "small"), 1, 1)
            grid.setColumnStretch(1, 1)
            self._column.insertWidget(index, row)
            row.show()
            self._rows.append(row)
        self.toggle.setVisible(any(d for _t, d in self._items))

    def refresh_theme(self, theme: Theme) -> None:
        self._column.setSpacing(theme.gap_px())

    def retranslate(self) -> None:
        self.toggle.setText(
            self.tr("Ocultar detalles") if self.toggle.isChecked() else self.tr("Ver detalles")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ReviewView(StepView):
    step = Step.REVIEW

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = DateWords(self)
        self._draft: Draft | None = None
        self._catalog: Catalog | None = None
        self._lang = Language.ES
        self._expired = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 2)
        self.printer_problem = ErrorLabel()
        self.error = ErrorLabel()
        self.hold = MessageLabel("ok")
        column.addWidget(self.printer_problem)
        column.addWidget(self.error)
        column.addWidget(self.hold)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, theme.gap_px(), 0)
        body.setSpacing(theme.gap_px() * 2)
        grid = QGridLayout()
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
        body.addLayout(grid)
        self.bring_caption = label("", "value")
        self.requirements = RequirementList(theme)
        body.addWidget(self.bring_caption)
        body.addWidget(self.requirements)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        QScroller.grabGesture(
            scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        column.addWidget(scroll, 1)

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
        self._countdown.start(seconds)
        self._show_hold()
        self.changed.emit()

    def hold_seconds_left(self) -> int:
        return self._countdown.remaining()

    def set_printer_problem(self, text: str | None) -> None:
        """Warn before confirming that the slip cannot be printed (it will be emailed)."""
        self.printer_problem.set_text(text)

    def _on_expired(self) -> None:
        self._expired = True
        self._show_hold()
        self.changed.emit()

    def _show_hold(self) -> None:
        if self._expired:
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
            self.requirements.set_items([])
            return
        procedure = catalog.procedure(d.procedure_code or "")
        agency = catalog.agency(d.agency_id) if d.agency_id is not None else None
        texts = {
            "id": d.document.masked if d.document else "",
            "name": d.masked_name or "",
            "email": mask_email(d.email) if d.email else "",
            "phone": mask_phone(d.phone) if d.phone else "",
            "procedure": procedure.name.get(lang) if procedure else "",
            "agency": f"{agency.name.get(lang)}\n{agency.address.get(lang)}" if agency else "",
            "date": first_upper(self._words.long_date(d.day)) if d.day else "",
            "time": d.slot.start.strftime("%H:%M") if d.slot else "",
        }
        for key, text in texts.items():
            self.values[key].setText(text)
            visible = bool(text)
            self.values[key].setVisible(visible)
            self.captions[key].setVisible(visible)
        document_type = d.document.type.value if d.document else None
        requirements = procedure.requirements_for(document_type) if procedure else ()
        items = [(r.title.get(lang), r.detail.get(lang)) for r in requirements]
        items.append((self.tr("Su cédula original (o el documento con el que se identificó)"), ""))
        self.requirements.set_items(items)

    # -- StepView ---------------------------------------------------------------------------

    def is_valid(self) -> bool:
        return not self._expired

    def title(self) -> str:
        return self.tr("Revise su turno")

    def help_text(self) -> str:
        return self.tr("Si todo está bien, toque «Confirmar».")

    def next_label(self) -> str:
        return self.tr("Confirmar")

    def show_state(self, draft: Draft) -> None:
        self._draft = draft
        self._fill()

    def clear(self) -> None:
        self._draft = None
        self._expired = False
        self._countdown.stop()
        self._fill()
        self.error.set_text(None)
        self.printer_problem.set_text(None)
        self.hold.set_text(None)
        self.changed.emit()

    def set_error(self, text: str | None) -> None:
        self.error.set_text(text)

    def set_theme(self, theme: Theme) -> None:
        self.requirements.refresh_theme(theme)
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
