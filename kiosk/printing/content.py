"""What the slip says, resolved to one language: shared by the PDF and the ESC/POS layouts.

Keeping the wording here means both layouts print the same facts, and each layout only decides
where they go. The slip is what the citizen carries to the counter and what the clerk reads:
the turn, when and where, who, the QR, and a short list of what to bring. The requirements'
details travel in the confirmation email; they are printed only when no email was sent, since
then the slip is the citizen's only copy.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.domain.models import Agency, Booking, Language, Procedure, Requirement
from kiosk.printing.texts import (
    DOCUMENT_TYPES,
    arrive_text,
    conditional_title,
    format_day_and_time,
    format_issued,
    id_label,
    text,
)

# The catalogue states the handwritten-signature rule only in words, as the procedure page
# does ("Fírmela a mano", "firmado a mano", "de forma manuscrita"), so the Spanish detail is
# what is read, its accents set aside.
_HANDWRITTEN = re.compile(r"\bfirm\w*\s+a\s+mano\b|\bmanuscrit", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SlipData:
    """Everything a slip is made from; nothing here is read from the machine.

    `procedure.requirements` are printed as given: the caller passes only those that apply to
    this citizen (`Procedure.requirements_for`).
    """

    booking: Booking
    agency: Agency
    procedure: Procedure
    token: str
    kiosk_id: str
    issued_at: dt.datetime  # aware
    language: Language
    contact_phone: str
    institution: str = ""  # printed above the title when given (branding name)
    #: the document the citizen identified with: an `IdType` value or "ruc". It names the
    #: document to show ("con su pasaporte original"); None says "documento de identidad".
    document_type: str | None = None
    #: where the confirmation was emailed, already masked (`mask_email`); "" when none was.
    masked_email: str = ""

    def __post_init__(self) -> None:
        if self.issued_at.tzinfo is None or self.booking.start.tzinfo is None:
            raise ValueError("slip times must be timezone-aware")
        if self.procedure.code != self.booking.procedure_code:
            raise ValueError("procedure does not match the booking")
        if self.agency.id != self.booking.agency_id:
            raise ValueError("agency does not match the booking")
        if self.document_type is not None and self.document_type not in DOCUMENT_TYPES:
            raise ValueError(f"unknown document type {self.document_type!r}")

    def __repr__(self) -> str:  # the token and citizen data stay out of logs
        return f"SlipData(booking={self.booking.id!r}, language={self.language.value!r})"


@dataclass(frozen=True, slots=True)
class RequirementLine:
    title: str  # with its condition first when it has one ("Si es artesano calificado: …")
    detail: str = ""  # only when no email carries the details


@dataclass(frozen=True, slots=True)
class SlipContent:
    language: Language
    institution: str
    title: str
    code: str
    day: str  # "lunes 30 de noviembre de 2026"
    time: str  # "09:30"
    zone: str  # "hora de Galápagos, UTC−6" off the mainland, else ""
    agency: str
    address: str
    fields: tuple[tuple[str, str], ...]  # (label, value) in print order
    arrive: str
    scan_hint: str
    requirements_title: str
    requirements: tuple[RequirementLine, ...]
    signature: str  # the handwritten-signature rule, "" when no requirement asks for it
    no_cost: str
    emailed: str  # "" when no email was sent
    contact_label: str
    contact_phone: str  # the helpline, "" when none is configured
    issued: str
    token: str


def _without_accents(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def signed_by_hand(requirements: Iterable[Requirement]) -> bool:
    """Whether any of these requirements must be signed by hand."""
    return any(_HANDWRITTEN.search(_without_accents(r.detail.es)) for r in requirements)


def _requirement_line(req: Requirement, lang: Language, with_detail: bool) -> RequirementLine:
    title = req.title.get(lang)
    if req.conditional:
        title = conditional_title(req.applies_to, title, lang)
    return RequirementLine(title, req.detail.get(lang) if with_detail else "")


def build_content(data: SlipData) -> SlipContent:
    lang = data.language
    booking, agency = data.booking, data.agency
    day, time, zone = format_day_and_time(booking.start, agency.time_zone, lang)
    issued = text("issued", lang).format(
        when=format_issued(data.issued_at, agency.time_zone), kiosk=data.kiosk_id
    )
    requirements = data.procedure.requirements
    emailed = bool(data.masked_email)
    return SlipContent(
        language=lang,
        institution=data.institution,
        title=text("title", lang),
        code=booking.code,
        day=day,
        time=time,
        zone=zone,
        agency=agency.name.get(lang),
        # Addresses are proper names: the Spanish one is printed in both languages.
        address=agency.address.es,
        fields=(
            (text("procedure", lang), data.procedure.name.get(lang)),
            (text("name", lang), booking.masked_name),
            (id_label(data.document_type, lang), booking.masked_id),
        ),
        arrive=arrive_text(data.document_type, lang),
        scan_hint=text("scan", lang),
        requirements_title=text("requirements", lang),
        requirements=tuple(_requirement_line(r, lang, not emailed) for r in requirements),
        signature=text("signature", lang) if signed_by_hand(requirements) else "",
        no_cost=text("no_cost", lang),
        emailed=text("emailed", lang).replace("{email}", data.masked_email) if emailed else "",
        contact_label=text("contact", lang),
        contact_phone=data.contact_phone,
        issued=issued,
        token=data.token,
    )
