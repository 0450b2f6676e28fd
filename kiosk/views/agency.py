"""Agency: only those of the province that offer the procedure, each with its address."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Agency, Language, OpeningHours
from kiosk.ui.choice import ChoiceItem
from kiosk.ui.date_words import DateWords
from kiosk.ui.text import first_upper
from kiosk.ui.theme import Theme
from kiosk.views._choice import ChoiceStepView


class AgencyView(ChoiceStepView):
    step = Step.AGENCY

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        # One for the view: one per opening-hours line on every fill was never freed.
        self._words = DateWords(self)

    def set_agencies(self, agencies: Sequence[Agency], lang: Language | str) -> None:
        items = [ChoiceItem(str(a.id), a.name.get(lang), self._detail(a, lang)) for a in agencies]
        self._set_items(items, lang)

    def _detail(self, agency: Agency, lang: Language | str) -> str:
        hours = "; ".join(self._hours(h) for h in agency.hours)
        address = agency.address.get(lang)
        return f"{address}. {hours}" if hours else address

    def _hours(self, hours: OpeningHours) -> str:
        words = self._words
        days = sorted(hours.weekdays)
        if len(days) > 1 and days == list(range(days[0], days[-1] + 1)):
            span = (
                self.tr("{first} a {last}")
                .replace("{first}", words.weekday(days[0]))
                .replace("{last}", words.weekday(days[-1]))
            )
        else:
            span = ", ".join(words.weekday(d) for d in days)
        return (
            self.tr("{days} de {opens} a {closes}")
            .replace("{days}", first_upper(span))
            .replace("{opens}", hours.opens.strftime("%H:%M"))
            .replace("{closes}", hours.closes.strftime("%H:%M"))
        )

    def value(self) -> int:
        """The id of the chosen agency."""
        return int(self._chosen_key())

    def show_state(self, draft: Draft) -> None:
        self.list.select(None if draft.agency_id is None else str(draft.agency_id))

    def title(self) -> str:
        return self.tr("¿En qué agencia desea ser atendido?")

    def help_text(self) -> str:
        return self.tr("Solo se muestran las agencias que atienden este trámite.")
