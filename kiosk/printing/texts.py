"""The slip's wording in Spanish and English, and dates written out without the OS locale.

The slip is printed, not shown in Qt, so its strings live here rather than in the .ts files.
Day and month names are tables so a kiosk with a C or English locale still prints Spanish.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from kiosk.domain.dates import DAY_NAMES, written_date
from kiosk.domain.models import Audience, Language, OpeningHours, pick

MAINLAND_ZONE = "America/Guayaquil"

TEXTS: dict[str, dict[Language, str]] = {
    "title": {Language.ES: "Confirmación del Turno", Language.EN: "Appointment Confirmation"},
    "procedure": {Language.ES: "Trámite", Language.EN: "Procedure"},
    "name": {Language.ES: "Nombre", Language.EN: "Name"},
    "requirements": {Language.ES: "Lleve a su cita", Language.EN: "Bring to your appointment"},
    # The catalogue says "signed by hand" in a requirement's detail; the slip keeps the rule
    # in one line because a document signed electronically is refused at the counter.
    "signature": {
        Language.ES: "Firma a mano, no electrónica.",
        Language.EN: "Sign by hand, not electronically.",
    },
    "emailed": {
        Language.ES: "Detalles enviados a {email}",
        Language.EN: "Details sent to {email}",
    },
    "no_cost": {
        Language.ES: "El trámite no tiene costo.",
        Language.EN: "This procedure is free of charge.",
    },
    "contact": {Language.ES: "Atención ciudadana", Language.EN: "Citizen helpline"},
    "scan": {
        Language.ES: "Muestre este QR en la ventanilla",
        Language.EN: "Show this QR code at the counter",
    },
    "issued": {
        Language.ES: "Emitido el {when} en el quiosco {kiosk}",
        Language.EN: "Issued on {when} at kiosk {kiosk}",
    },
}

#: The identity document a citizen shows at the counter, by the document they identified with
#: (`IdType` values, and "ruc": a company, whose legal representative shows their cédula).
#: None: the kiosk does not know (a reprint, a test print).
ARRIVE: dict[str | None, dict[Language, str]] = {
    "cedula": {
        Language.ES: "Preséntese 10 minutos antes con su cédula original.",
        Language.EN: "Please arrive 10 minutes early with your original identity card (cédula).",
    },
    "ruc": {
        Language.ES: "Preséntese 10 minutos antes con la cédula original del representante legal.",
        Language.EN: "Please arrive 10 minutes early with the legal representative's original "
        "identity card (cédula).",
    },
    "passport": {
        Language.ES: "Preséntese 10 minutos antes con su pasaporte original.",
        Language.EN: "Please arrive 10 minutes early with your original passport.",
    },
    "foreigner_code": {
        Language.ES: "Preséntese 10 minutos antes con el documento de su código de "
        "identificación para extranjeros.",
        Language.EN: "Please arrive 10 minutes early with the document of your identification "
        "code for foreigners.",
    },
    None: {
        Language.ES: "Preséntese 10 minutos antes con su documento de identidad original.",
        Language.EN: "Please arrive 10 minutes early with your original identity document.",
    },
}

#: The label of the masked number, named after the document it is the number of.
ID_LABELS: dict[str | None, dict[Language, str]] = {
    "cedula": {Language.ES: "Cédula", Language.EN: "Cédula"},
    "ruc": {Language.ES: "RUC", Language.EN: "RUC"},
    "passport": {Language.ES: "Pasaporte", Language.EN: "Passport"},
    "foreigner_code": {Language.ES: "Código de extranjero", Language.EN: "Foreigner code"},
    None: {Language.ES: "Identificación", Language.EN: "ID number"},
}

DOCUMENT_TYPES = frozenset(key for key in ARRIVE if key is not None)

#: A conditional requirement as one short line: the condition first, then the document.
CONDITIONS: dict[Audience, dict[Language, str]] = {
    Audience.QUALIFIED_ARTISANS: {
        Language.ES: "Si es artesano calificado: {title}",
        Language.EN: "If you are a qualified artisan: {title}",
    },
}

ZONE_NAMES: dict[str, dict[Language, str]] = {
    "Pacific/Galapagos": {Language.ES: "hora de Galápagos", Language.EN: "Galápagos time"},
}


def text(key: str, lang: Language) -> str:
    return pick(TEXTS[key], lang)


def arrive_text(document_type: str | None, lang: Language) -> str:
    return pick(ARRIVE[document_type], lang)


def id_label(document_type: str | None, lang: Language) -> str:
    return pick(ID_LABELS[document_type], lang)


def conditional_title(audience: Audience, title: str, lang: Language) -> str:
    """ "Si es artesano calificado: Calificación Artesanal"; the title alone for no condition."""
    wording = CONDITIONS.get(audience)
    return pick(wording, lang).replace("{title}", title) if wording else title


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
    name = pick(ZONE_NAMES[zone], lang) if zone in ZONE_NAMES else zone
    return f"{name}, {_offset(moment)}"


def format_date(day: dt.date, lang: Language) -> str:
    return written_date(day, lang)


def format_appointment(start: dt.datetime, zone: str, lang: Language) -> str:
    """E.g. "lunes 30 de noviembre de 2026, 09:30", in the agency's zone, named off the mainland."""
    local = start.astimezone(ZoneInfo(zone))
    out = f"{format_date(local.date(), lang)}, {local:%H:%M}"
    note = zone_note(local, zone, lang)
    return f"{out} ({note})" if note else out


def format_day_and_time(start: dt.datetime, zone: str, lang: Language) -> tuple[str, str, str]:
    """The appointment in three parts for the slip's own lines: the written date, the hour
    and, off the mainland, the zone ("hora de Galápagos, UTC−6"; else "")."""
    local = start.astimezone(ZoneInfo(zone))
    return format_date(local.date(), lang), f"{local:%H:%M}", zone_note(local, zone, lang)


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
    conjunction = " and " if lang == Language.EN else " y "  # Spanish for a language without rules
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + conjunction + items[-1]


def format_hours(line: OpeningHours, lang: Language) -> str:
    """E.g. "lunes a viernes, 08:00 a 17:00" / "Monday to Friday, 08:00 to 17:00"."""
    to = " to " if lang == Language.EN else " a "
    names = pick(DAY_NAMES, lang)
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
