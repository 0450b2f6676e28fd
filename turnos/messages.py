"""What the service writes to citizens (email and SMS), in Spanish or English. Pure text.

Dates and hours are written out with fixed tables, never the process locale: "lunes 30 de
noviembre de 2026, 08:00" / "Monday 30 November 2026, 08:00", in the agency's time zone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from kiosk.domain import dates

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
class TurnFacts:
    """What a citizen needs to recognise a turn, already in their language."""

    code: str
    procedure: str
    agency: str
    address: str
    when: str


def confirmation_mail(facts: TurnFacts, token: str, language: Language) -> Mail:
    if language == "en":
        return Mail(
            f"IESS turn {facts.code} confirmed",
            f"Your turn {facts.code} is confirmed.\n\n"
            f"Procedure: {facts.procedure}\n"
            f"Agency: {facts.agency}\n"
            f"Address: {facts.address}\n"
            f"Date and time: {facts.when}\n\n"
            f"Show the attached QR code (turno-qr.png) at the counter. If it cannot be "
            f"scanned, the counter can type the turn code {facts.code} and your id number.\n\n"
            f"The QR code as text:\n{token}\n",
        )
    return Mail(
        f"Turno IESS {facts.code} confirmado",
        f"Su turno {facts.code} está confirmado.\n\n"
        f"Trámite: {facts.procedure}\n"
        f"Agencia: {facts.agency}\n"
        f"Dirección: {facts.address}\n"
        f"Fecha y hora: {facts.when}\n\n"
        f"Presente el código QR adjunto (turno-qr.png) en la ventanilla. Si no se puede leer, "
        f"en la ventanilla pueden escribir el código del turno {facts.code} y su número de "
        f"identificación.\n\n"
        f"El código QR en texto:\n{token}\n",
    )


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
