"""What the slip says, resolved to one language: shared by the PDF and the ESC/POS layouts.

Keeping the wording here means both layouts print the same facts, and each layout only decides
where they go.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.domain.models import Agency, Booking, Language, Procedure
from kiosk.printing.texts import (
    format_appointment,
    format_hours,
    format_issued,
    text,
)


@dataclass(frozen=True, slots=True)
class SlipData:
    """Everything a slip is made from; nothing here is read from the machine."""

    booking: Booking
    agency: Agency
    procedure: Procedure
    token: str
    kiosk_id: str
    issued_at: dt.datetime  # aware
    language: Language
    contact_phone: str
    institution: str = ""  # printed above the title when given (branding name)

    def __post_init__(self) -> None:
        if self.issued_at.tzinfo is None or self.booking.start.tzinfo is None:
            raise ValueError("slip times must be timezone-aware")
        if self.procedure.code != self.booking.procedure_code:
            raise ValueError("procedure does not match the booking")
        if self.agency.id != self.booking.agency_id:
            raise ValueError("agency does not match the booking")

    def __repr__(self) -> str:  # the token and citizen data stay out of logs
        return f"SlipData(booking={self.booking.id!r}, language={self.language.value!r})"


@dataclass(frozen=True, slots=True)
class RequirementLine:
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class SlipContent:
    language: Language
    institution: str
    title: str
    code_label: str
    code: str
    fields: tuple[tuple[str, str], ...]  # (label, value) in print order
    arrive: str
    requirements_title: str
    requirements: tuple[RequirementLine, ...]
    no_cost: str
    hours_title: str
    hours: tuple[str, ...]
    contact_label: str
    contact_phone: str
    scan_hint: str
    issued: str
    token: str


def _capitalized(value: str) -> str:
    return value[:1].upper() + value[1:]


def build_content(data: SlipData) -> SlipContent:
    lang = data.language
    booking, agency = data.booking, data.agency
    when = format_appointment(booking.start, agency.time_zone, lang)
    issued = text("issued", lang).format(
        when=format_issued(data.issued_at, agency.time_zone), kiosk=data.kiosk_id
    )
    return SlipContent(
        language=lang,
        institution=data.institution,
        title=text("title", lang),
        code_label=text("code", lang),
        code=booking.code,
        fields=(
            (text("procedure", lang), data.procedure.name.get(lang)),
            (text("agency", lang), agency.name.get(lang)),
            (text("address", lang), agency.address.get(lang)),
            (text("when", lang), when),
            (text("name", lang), booking.masked_name),
            (text("id", lang), booking.masked_id),
        ),
        arrive=text("arrive", lang),
        requirements_title=text("requirements", lang),
        requirements=tuple(
            RequirementLine(r.title.get(lang), r.detail.get(lang))
            for r in data.procedure.requirements
        ),
        no_cost=text("no_cost", lang),
        hours_title=text("hours", lang),
        hours=tuple(_capitalized(format_hours(h, lang)) for h in agency.hours),
        contact_label=text("contact", lang),
        contact_phone=data.contact_phone,
        scan_hint=text("scan", lang),
        issued=issued,
        token=data.token,
    )
