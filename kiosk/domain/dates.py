"""Dates written out in words, the same on the slip, in the service's messages and wherever
else a citizen reads them: fixed tables, never the process locale (a kiosk's locale is
whatever the image shipped)."""

from __future__ import annotations

import datetime as dt

from kiosk.domain.models import Language

DAY_NAMES: dict[Language, tuple[str, ...]] = {  # ISO weekday 1..7 at index 0..6
    Language.ES: ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    Language.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

MONTH_NAMES: dict[Language, tuple[str, ...]] = {
    Language.ES: (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    Language.EN: (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def written_date(day: dt.date, lang: Language | str) -> str:
    """`lunes 30 de noviembre de 2026` / `Monday 30 November 2026`."""
    language = Language.EN if str(lang) == Language.EN else Language.ES
    weekday = DAY_NAMES[language][day.isoweekday() - 1]
    month = MONTH_NAMES[language][day.month - 1]
    if language is Language.ES:
        return f"{weekday} {day.day} de {month} de {day.year}"
    return f"{weekday} {day.day} {month} {day.year}"
