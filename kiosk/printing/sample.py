"""A sample slip for `kiosk print-test` and the tests: clearly fake data, a real signed token.

The token is signed by a throwaway key generated on the spot, so it scans and decodes like a
real one but no counter will accept it (its key is in no published key set).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.ids import mask_id
from kiosk.domain.masking import ascii_masked
from kiosk.domain.models import (
    Agency,
    Audience,
    Booking,
    Language,
    Localized,
    OpeningHours,
    Procedure,
    Requirement,
)
from kiosk.domain.token import Claims, encode
from kiosk.printing.content import SlipData

# The requirements of the procedure page (../shared/seed/), each for whom it applies to.
DEMO_PROCEDURE = Procedure(
    code="CLAVE_PATRONAL",
    name=Localized(
        "Generación de clave patronal de acceso al portal IESS",
        "Employer password for the IESS portal",
    ),
    requirements=(
        Requirement(
            Localized("Solicitud de entrega de clave", "Password delivery request"),
            Localized(
                "Firmada a mano. Si la presenta un tercero, con la «Autorización de Retiro de "
                "Contraseña» llena y la cédula original del autorizado.",
                "Signed by hand. If someone else brings it, with the password collection "
                "authorisation filled in and the authorised person's original ID card.",
            ),
        ),
        Requirement(
            Localized("Cédula", "Identity card (cédula)"),
            Localized(
                "El representante legal presenta el documento en ventanilla universal.",
                "The legal representative shows the document at the universal counter.",
            ),
            Audience.CEDULA,
        ),
        Requirement(
            Localized(
                "Acuerdo de Responsabilidad y Uso de la información",
                "Responsibility and Information Use Agreement",
            ),
            Localized(
                "Entregue el documento firmado a mano.", "Hand in the document, signed by hand."
            ),
        ),
        Requirement(
            Localized(
                "Código de identificación para extranjeros", "Identification code for foreigners"
            ),
            Localized(
                "El representante legal entrega una copia en ventanilla universal.",
                "The legal representative hands in a copy at the universal counter.",
            ),
            Audience.FOREIGNER_CODE,
        ),
        Requirement(
            Localized("Pasaporte", "Passport"),
            Localized("Presente el original.", "Show the original."),
            Audience.PASSPORT,
        ),
        Requirement(
            Localized("Visa", "Visa"),
            Localized("Presente el original de la visa.", "Show the original visa."),
            Audience.PASSPORT,
        ),
        Requirement(
            Localized("Calificación Artesanal", "Artisan qualification"),
            Localized(
                "Presente una copia simple del documento.", "Bring a plain copy of the document."
            ),
            Audience.QUALIFIED_ARTISANS,
        ),
    ),
)

#: A sample number per document, masked as the service masks it.
DEMO_NUMBERS = {
    "cedula": "1710034065",
    "ruc": "1790012345001",
    "passport": "AB1234567",
    "foreigner_code": "EX12345678",
}
DEMO_MASKED_EMAIL = "m•••@example.com"

DEMO_AGENCY = Agency(
    id=901,
    name=Localized("Centro de Atención DEMO Quito Norte", "DEMO Attention Centre Quito North"),
    province_code="17",
    address=Localized("Av. de los Shyris y Naciones Unidas (DEMO), Quito"),
    time_zone="America/Guayaquil",
    hours=(OpeningHours((1, 2, 3, 4, 5), dt.time(8, 0), dt.time(17, 0)),),
    procedure_codes=frozenset({DEMO_PROCEDURE.code}),
)

DEMO_GALAPAGOS_AGENCY = Agency(
    id=902,
    name=Localized("Centro de Atención DEMO Puerto Ayora", "DEMO Attention Centre Puerto Ayora"),
    province_code="20",
    address=Localized("Av. Charles Darwin (DEMO), Puerto Ayora"),
    time_zone="Pacific/Galapagos",
    hours=(
        OpeningHours((1, 2, 3, 4, 5), dt.time(8, 0), dt.time(16, 30)),
        OpeningHours((6,), dt.time(9, 0), dt.time(12, 0)),
    ),
    procedure_codes=frozenset({DEMO_PROCEDURE.code}),
)

DEMO_ISSUER = "turnos-demo"


def demo_token(booking: Booking, agency: Agency, issued_at: dt.datetime) -> str:
    """A real token for `booking`, signed by a key that is thrown away at once."""
    claims = Claims(
        issuer=DEMO_ISSUER,
        issued_at=int(issued_at.timestamp()),
        expires_at=int((booking.start + dt.timedelta(days=1)).timestamp()),
        booking_id=b"DEMO0001",
        turn_code=booking.code,
        agency_id=agency.id,
        procedure_code=booking.procedure_code,
        turn_start=int(booking.start.timestamp()),
        masked_id=ascii_masked(booking.masked_id),
    )
    return encode(claims, Ed25519PrivateKey.generate())


def sample_slip(
    language: Language = Language.ES,
    *,
    kiosk_id: str = "KIOSK-DEMO-01",
    contact_phone: str = "593 23945666",
    agency: Agency = DEMO_AGENCY,
    issued_at: dt.datetime | None = None,
    institution: str = "",
    document_type: str | None = "cedula",
    masked_email: str = DEMO_MASKED_EMAIL,
) -> SlipData:
    """A cédula holder's slip by default; `document_type` None is a slip whose reader the
    kiosk does not know (every requirement, the generic wording), `masked_email` "" one whose
    confirmation was not emailed (the details are printed)."""
    zone = ZoneInfo(agency.time_zone)
    start = dt.datetime(2026, 11, 30, 9, 30, tzinfo=zone)
    booking = Booking(
        id="demo-0001",
        code="CP-042",
        agency_id=agency.id,
        procedure_code=DEMO_PROCEDURE.code,
        start=start,
        end=start + dt.timedelta(minutes=15),
        masked_name="M•••• P•••• (DEMO)",
        masked_id=mask_id(DEMO_NUMBERS.get(document_type or "cedula", "1710034065")),
    )
    issued = issued_at or dt.datetime.now(dt.UTC)
    return SlipData(
        booking=booking,
        agency=agency,
        procedure=replace(
            DEMO_PROCEDURE, requirements=DEMO_PROCEDURE.requirements_for(document_type)
        ),
        token=demo_token(booking, agency, issued),
        kiosk_id=kiosk_id,
        issued_at=issued,
        language=language,
        contact_phone=contact_phone,
        institution=institution,
        document_type=document_type,
        masked_email=masked_email,
    )
