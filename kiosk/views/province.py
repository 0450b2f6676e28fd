"""Province: where the citizen wants to be attended; the search finds a province by its name
or by one of its main cities ("quito" finds Pichincha, shown with "Quito" under it)."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Language, Province
from kiosk.domain.provinces import cities_of
from kiosk.ui.choice import ChoiceItem
from kiosk.ui.text import fold
from kiosk.views._choice import ChoiceStepView


class ProvinceView(ChoiceStepView):
    step = Step.PROVINCE

    def set_provinces(self, provinces: Sequence[Province], lang: Language | str) -> None:
        items = sorted(
            (ChoiceItem(p.code, p.name.get(lang), keywords=cities_of(p.code)) for p in provinces),
            key=lambda i: fold(i.title),  # Spanish order: Cañar before Carchi, Bolívar after Azuay
        )
        self._set_items(items, lang)

    def value(self) -> str:
        """The INEC code of the chosen province."""
        return self._chosen_key()

    def show_state(self, draft: Draft) -> None:
        self.list.select(draft.province_code)

    def title(self) -> str:
        return self.tr("¿En qué provincia desea ser atendido?")

    def help_text(self) -> str:
        return self.tr("Toque una provincia, o búsquela por su nombre o el de una ciudad.")
