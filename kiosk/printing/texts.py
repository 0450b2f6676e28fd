"""The slip's wording in Spanish and English, and dates written out without the OS locale.

The slip is printed, not shown in Qt, so its strings live here rather than in the .ts files.
Day and month names are tables so a kiosk with a C or English locale still prints Spanish.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from kiosk.domain.dates import DAY_NAMES, written_date
from kiosk.domain.models import Language, OpeningHours

MAINLAND_ZONE = "America/Guayaquil"

TEXTS: dict[str, dict[Language, str]] = {
    "title": {
        Language.ES: "Confirmación del Turno en Línea",
        Language.EN: "Online Appointment Confirmation",
    },
    "code": {Language.ES: "Su turno", Language.EN: "Your turn"},
    "procedure": {Language.ES: "Trámite", Language.EN: "Procedure"},
    "agency": {Language.ES: "Centro de atención", Language.EN: "Attention centre"},
    "address": {Language.ES: "Dirección", Language.EN: "Address"},
    "when": {Language.ES: "Fecha y hora", Language.EN: "Date and time"},
    "name": {Language.ES: "Nombre", Language.EN: "Name"},
    "id": {Language.ES: "Identificación", Language.EN: "ID number"},
    "arrive": {
        Language.ES: "Preséntese 10 minutos antes con su cédula original.",
        Language.EN: "Please arrive 10 minutes early with your original identity card.",
    },
    "requirements": {
        Language.ES: "Requisitos (marque lo que lleva)",
        Language.EN: "Requirements (tick what you bring)",
    },
    "no_cost": {
        Language.ES: "El trámite no tiene costo.",
        Language.EN: "This procedure is free of charge.",
    },
    "hours": {Language.ES: "Horario de atención", Language.EN: "Opening hours"},
    "contact": {Language.ES: "Atención ciudadana", Language.EN: "Citizen helpline"},
    "scan": {
        Language.ES: "Presente este código en ventanilla",
        Language.EN: "Show this code at the counter",
    },
    "issued": {
        Language.ES: "Emitido el {when} en el quiosco {kiosk}",
        Language.EN: "Issued on {when} at kiosk {kiosk}",
    },
}

ZONE_NAMES: dict[str, dict[Language, str]] = {
    "Pacific/Galapagos": {Language.ES: "hora de Galápagos", Language.EN: "Galápagos time"},
}


def text(key: str, lang: Language) -> str:
    return TEXTS[key][lang]


def _offset(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_note(moment: dt.datetime, zone: str, lang: Language) -> str:
    """Empty on the mainland, else the zone and offset: "hora de Galápagos, UTC−6"."""
    if zone == MAINLAND_ZONE:
        return ""
    name = ZONE_NAMES.get(zone, {}).get(lang, zone)
    return f"{name}, {_offset(moment)}"


def format_date(day: dt.date, lang: Language) -> str:
    return written_date(day, lang)


def format_appointment(start: dt.datetime, zone: str, lang: Language) -> str:
    """E.g. "lunes 30 de noviembre de 2026, 09:30", in the agency's zone, named off the mainland."""
    local = start.astimezone(ZoneInfo(zone))
    out = f"{format_date(local.date(), lang)}, {local:%H:%M}"
    note = zone_note(local, zone, lang)
    return f"{out} ({note})" if note else out


def format_issued(moment: dt.datetime, zone: str) -> str:
    """Short numeric stamp, the same in both languages: 27/11/2026 14:05."""
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local:%d/%m/%Y %H:%M}"


def _day_runs(weekdays: Iterable[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for day in sorted(set(weekdays)):
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _join(items: list[str], lang: Language) -> str:
    conjunction = " y " if lang == Language.ES else " and "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + conjunction + items[-1]


def format_hours(line: OpeningHours, lang: Language) -> str:
    """E.g. "lunes a viernes, 08:00 a 17:00" / "Monday to Friday, 08:00 to 17:00"."""
    to = " a " if lang == Language.ES else " to "
    names = DAY_NAMES[lang]
    parts = []
    for first, last in _day_runs(line.weekdays):
        if first == last:
            parts.append(names[first - 1])
        elif last == first + 1:
            parts.append(_join([names[first - 1], names[last - 1]], lang))
        else:
            parts.append(names[first - 1] + to + names[last - 1])
    days = _join(parts, lang)
    return f"{days}, {line.opens:%H:%M}{to}{line.closes:%H:%M}"
