"""Month and weekday names in the language on the screen.

The names themselves are kept once, in `kiosk.domain.dates` (the slip and the service's
messages read them there, without Qt). Here their Spanish form goes through Qt's translations
in this class's context ("DateWords"), so a language switch changes them with every other text,
and screen and slip say the same words.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from kiosk.domain.dates import DATE_PATTERNS, DAY_NAMES, MONTH_NAMES, fill_date
from kiosk.domain.models import Language
from kiosk.ui.text import first_upper


class DateWords(QObject):
    """Dates in words through Qt's translations. It holds nothing: make one per widget that
    shows dates (or a parentless one where it is needed), not one per date shown, since a
    parented QObject lives as long as its parent."""

    def month(self, number: int) -> str:
        return self.tr(MONTH_NAMES[Language.ES][number - 1])

    def weekday(self, iso: int) -> str:
        return self.tr(DAY_NAMES[Language.ES][iso - 1])

    def weekday_initials(self) -> list[str]:
        # Translators: initials of Monday..Sunday, separated by spaces.
        return self.tr("Lu Ma Mi Ju Vi Sá Do").split()

    def long_date(self, day: dt.date) -> str:
        """ "martes 1 de diciembre de 2026" / "Tuesday 1 December 2026"."""
        pattern = self.tr(DATE_PATTERNS[Language.ES])
        return fill_date(pattern, day, self.weekday(day.isoweekday()), self.month(day.month))

    def month_title(self, year: int, month: int) -> str:
        return (
            self.tr("{month} de {year}")
            .replace("{month}", first_upper(self.month(month)))
            .replace("{year}", str(year))
        )
