"""Dates written out in words, the same on the slip, in the service's messages and on the
kiosk's screens: fixed tables, never the process locale (a kiosk's locale is whatever the image
shipped).

These tables are the one list of month and weekday names. The slip and the service read both
languages from them; the kiosk's screens pass the Spanish words through Qt's translations
(`kiosk.ui.date_words.DateWords`), so that they switch with every other text when a citizen
changes the language. `QT_TRANSLATE_NOOP` only marks them for Qt's lupdate, which reads the
source: the domain itself imports no Qt.
"""

from __future__ import annotations

import datetime as dt

from kiosk.domain.models import Language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark `text` for translation in Qt's `context`; give it back unchanged."""
    return text


DAY_NAMES: dict[Language, tuple[str, ...]] = {  # ISO weekday 1..7 at index 0..6
    Language.ES: (
        QT_TRANSLATE_NOOP("DateWords", "lunes"),
        QT_TRANSLATE_NOOP("DateWords", "martes"),
        QT_TRANSLATE_NOOP("DateWords", "miércoles"),
        QT_TRANSLATE_NOOP("DateWords", "jueves"),
        QT_TRANSLATE_NOOP("DateWords", "viernes"),
        QT_TRANSLATE_NOOP("DateWords", "sábado"),
        QT_TRANSLATE_NOOP("DateWords", "domingo"),
    ),
    Language.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

MONTH_NAMES: dict[Language, tuple[str, ...]] = {
    Language.ES: (
        QT_TRANSLATE_NOOP("DateWords", "enero"),
        QT_TRANSLATE_NOOP("DateWords", "febrero"),
        QT_TRANSLATE_NOOP("DateWords", "marzo"),
        QT_TRANSLATE_NOOP("DateWords", "abril"),
        QT_TRANSLATE_NOOP("DateWords", "mayo"),
        QT_TRANSLATE_NOOP("DateWords", "junio"),
        QT_TRANSLATE_NOOP("DateWords", "julio"),
        QT_TRANSLATE_NOOP("DateWords", "agosto"),
        QT_TRANSLATE_NOOP("DateWords", "septiembre"),
        QT_TRANSLATE_NOOP("DateWords", "octubre"),
        QT_TRANSLATE_NOOP("DateWords", "noviembre"),
        QT_TRANSLATE_NOOP("DateWords", "diciembre"),
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

#: a date in words; {weekday} and {month} are the names above, {day} and {year} numbers
DATE_PATTERNS: dict[Language, str] = {
    Language.ES: QT_TRANSLATE_NOOP("DateWords", "{weekday} {day} de {month} de {year}"),
    Language.EN: "{weekday} {day} {month} {year}",
}


def fill_date(pattern: str, day: dt.date, weekday: str, month: str) -> str:
    """`pattern` (one of DATE_PATTERNS, or its translation) with the names given."""
    return (
        pattern.replace("{weekday}", weekday)
        .replace("{day}", str(day.day))
        .replace("{month}", month)
        .replace("{year}", str(day.year))
    )


def written_date(day: dt.date, lang: Language | str) -> str:
    """`lunes 30 de noviembre de 2026` / `Monday 30 November 2026`."""
    language = Language.EN if str(lang) == Language.EN else Language.ES
    weekday = DAY_NAMES[language][day.isoweekday() - 1]
    month = MONTH_NAMES[language][day.month - 1]
    return fill_date(DATE_PATTERNS[language], day, weekday, month)
