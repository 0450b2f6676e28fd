"""What the service writes to citizens (email and SMS), in Spanish or English. Pure text.

Dates and hours are written out with fixed tables, never the process locale: "lunes 30 de
noviembre de 2026, 08:00" / "Monday 30 November 2026, 08:00", in the agency's time zone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo

from kiosk.domain import dates
from kiosk.domain.models import Audience, Localized, Procedure, Requirement
from kiosk.domain.models import Language as DomainLanguage

Language = Literal["es", "en"]
LANGUAGES: tuple[Language, ...] = ("es", "en")


def language_of(value: str | None) -> Language:
    return "en" if value == "en" else "es"


def local_time(epoch: int, zone: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, ZoneInfo(zone))


def written_date(day: dt.date, language: Language) -> str:
    """`lunes 30 de noviembre de 2026` / `Monday 30 November 2026`."""
    return dates.written_date(day, language)


def written_when(start: dt.datetime, end: dt.datetime, language: Language) -> str:
    """`lunes 30 de noviembre de 2026, de 08:00 a 08:20` (local times of the agency)."""
    date = written_date(start.date(), language)
    a, b = start.strftime("%H:%M"), end.strftime("%H:%M")
    if language == "en":
        return f"{date}, {a} to {b}"
    return f"{date}, de {a} a {b}"


@dataclass(frozen=True)
class Mail:
    subject: str
    text: str


# The subject the seed names; kept in Spanish for both languages so citizens recognise it.
VERIFICATION_SUBJECT = "Verificar IESS turno online"


def verification_mail(code: str, minutes: int, language: Language) -> Mail:
    if language == "en":
        text = (
            f"Your verification code to book a turn at the IESS is:\n\n    {code}\n\n"
            f"It expires in {minutes} minutes and works only once. If you did not ask for "
            f"it, ignore this message.\n"
        )
    else:
        text = (
            f"Su código de verificación para agendar un turno en el IESS es:\n\n    {code}\n\n"
            f"Vence en {minutes} minutos y sirve una sola vez. Si usted no lo pidió, "
            f"ignore este mensaje.\n"
        )
    return Mail(VERIFICATION_SUBJECT, text)


def verification_sms(code: str, minutes: int, language: Language) -> str:
    # Plain ASCII: one GSM-7 segment on any gateway.
    if language == "en":
        return f"IESS turn: your code is {code} (expires in {minutes} min)."
    return f"IESS turno: su codigo es {code} (vence en {minutes} min)."


@dataclass(frozen=True)
class Document:
    """One thing to bring, in the citizen's language."""

    title: str
    detail: str = ""
    # Set for a requirement under a condition only the citizen knows ("Si es artesano
    # calificado"): the text says it as a condition.
    condition: str | None = None


@dataclass(frozen=True)
class TurnFacts:
    """What a citizen needs to recognise a turn, already in their language."""

    code: str
    procedure: str
    agency: str
    address: str
    when: str
    # What this citizen must bring (by the document they identified with); the agency's
    # opening hours in words. Only the confirmation email uses them.
    documents: tuple[Document, ...] = ()
    hours: str = ""


#: How a conditional requirement (`kiosk.domain.models.Audience`) is introduced.
CONDITIONS: dict[str, dict[Language, str]] = {
    "qualified_artisans": {
        "es": "Si es artesano calificado",
        "en": "If you are a qualified artisan",
    },
}


def documents_for(
    requirements: list[dict[str, Any]], document_type: str | None, language: Language
) -> tuple[Document, ...]:
    """What a citizen who identified with `document_type` must bring, from a procedure's
    stored requirements, by the kiosk's own rule (`Procedure.requirements_for`)."""
    procedure = Procedure("", Localized(""), tuple(_requirement(r) for r in requirements))
    out = []
    for r in procedure.requirements_for(document_type):
        detail = r.detail.get(language).strip()
        condition = CONDITIONS.get(r.applies_to.value)
        out.append(
            Document(
                title=r.title.get(language),
                detail="" if detail == "-" else detail,  # "-": the import's "no detail"
                condition=condition[language] if condition else None,
            )
        )
    return tuple(out)


def _requirement(stored: dict[str, Any]) -> Requirement:
    try:
        audience = Audience(stored.get("applies_to", "all"))
    except ValueError:
        audience = Audience.ALL
    detail = stored.get("detail") or {}
    return Requirement(
        title=Localized(stored["title"]["es"], stored["title"].get("en", "")),
        detail=Localized(detail.get("es", ""), detail.get("en", "")),
        applies_to=audience,
    )


def written_hours(hours: list[dict[str, Any]], language: Language) -> str:
    """`de lunes a viernes, de 08:00 a 17:00` / `Monday to Friday, 08:00 to 17:00`; several
    lines of hours are joined by "; "."""
    lines = []
    for line in hours:
        days = _written_weekdays(line["weekdays"], language)
        if language == "en":
            lines.append(f"{days}, {line['opens']} to {line['closes']}")
        else:
            lines.append(f"{days}, de {line['opens']} a {line['closes']}")
    return "; ".join(lines)


def _written_weekdays(weekdays: list[int], language: Language) -> str:
    """Runs of three days or more as ranges: `de lunes a viernes y sábado`."""
    names = dates.DAY_NAMES[DomainLanguage(language)]
    runs: list[list[int]] = []
    for day in sorted(set(weekdays)):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            first, last = names[run[0] - 1], names[run[-1] - 1]
            parts.append(f"{first} to {last}" if language == "en" else f"de {first} a {last}")
        else:
            parts.extend(names[d - 1] for d in run)
    if len(parts) == 1:
        return parts[0]
    joiner = " and " if language == "en" else " y "
    return ", ".join(parts[:-1]) + joiner + parts[-1]


def cancellation_mail(facts: TurnFacts, reason: str, language: Language) -> Mail:
    if language == "en":
        return Mail(
            f"IESS turn {facts.code} cancelled",
            f"Your turn {facts.code} ({facts.procedure}) at {facts.agency} on {facts.when} "
            f"was cancelled because the agency will be closed ({reason}). "
            f"Please book a new turn.\n",
        )
    return Mail(
        f"Turno IESS {facts.code} cancelado",
        f"Su turno {facts.code} ({facts.procedure}) en {facts.agency} del {facts.when} fue "
        f"cancelado porque la agencia estará cerrada ({reason}). Por favor agende un nuevo "
        f"turno.\n",
    )


def cancellation_sms(facts: TurnFacts, language: Language) -> str:
    if language == "en":
        return f"IESS: your turn {facts.code} on {facts.when} was cancelled (agency closed)."
    return f"IESS: su turno {facts.code} del {facts.when} fue cancelado (agencia cerrada)."
