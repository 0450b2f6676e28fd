"""How much paper one turn takes and how small its text gets, measured from the PDF itself; and
that each citizen's slip names the document they identified with (issue 9, findings 4 and 9)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.models import Agency, Language, Localized, Procedure, Requirement
from kiosk.printing.content import SlipData, build_content
from kiosk.printing.paper import Paper, slip_length_mm
from kiosk.printing.sample import DEMO_AGENCY, DEMO_MASKED_EMAIL, sample_slip
from kiosk.printing.slip import render_slip
from tests.printing.raster import (
    pdf_length_mm,
    pdf_pages,
    pdf_text,
    pdf_text_sizes,
    rasterise,
    read_qr,
)

MAX_80MM_CEDULA_MM = 200.0
SMALLEST_PT = 9.0  # the smallest text the slip had before it was shortened
INSTITUTION = "Instituto Ecuatoriano de Seguridad Social"


def _words(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def _slip(
    lang: Language,
    document_type: str | None,
    *,
    agency: Agency = DEMO_AGENCY,
    masked_email: str = DEMO_MASKED_EMAIL,
) -> SlipData:
    return sample_slip(
        lang,
        institution=INSTITUTION,
        document_type=document_type,
        agency=agency,
        masked_email=masked_email,
    )


def _long_slip(lang: Language, document_type: str | None) -> SlipData:
    """As long as a real booking gets: the longest date of the year written out, a long agency
    name and address, four masked names and a long email domain."""
    agency = replace(
        DEMO_AGENCY,
        name=Localized(
            "Agencia de demostración Puerto Francisco de Orellana Centro",
            "Demo agency Puerto Francisco de Orellana Centre",
        ),
        address=Localized(
            "Calle Ficticia 100, Puerto Francisco de Orellana (dirección de demostración)"
        ),
    )
    data = _slip(lang, document_type, agency=agency, masked_email="m•••@empresa-ejemplo.com.ec")
    start = dt.datetime(2026, 9, 30, 16, 40, tzinfo=ZoneInfo(agency.time_zone))
    booking = replace(data.booking, start=start, masked_name="M•••• J•••• P•••• G••••")
    return replace(data, booking=booking)


def _assert_readable_and_scannable(pdf: bytes, data: SlipData) -> None:
    sizes = pdf_text_sizes(pdf)
    assert sizes, "no text found in the PDF"
    smallest = min(size for size, _ in sizes)
    assert smallest >= SMALLEST_PT, [run for run in sizes if run[0] < SMALLEST_PT]
    assert max(size for size, _ in sizes) >= 28.0  # the turn code stays large
    assert [b.text for b in read_qr(rasterise(pdf, mono=True))] == [data.token]


@pytest.mark.parametrize("lang", list(Language))
@pytest.mark.parametrize("longest", [False, True], ids=["sample", "longest"])
def test_a_cedula_holders_slip_on_80mm_is_at_most_200mm_with_no_text_under_9pt(
    lang: Language, longest: bool
) -> None:
    data = _long_slip(lang, "cedula") if longest else _slip(lang, "cedula")
    pdf = render_slip(data, Paper.ROLL_80)
    length = pdf_length_mm(pdf)
    assert length <= MAX_80MM_CEDULA_MM, f"{length:.1f} mm"
    assert slip_length_mm(pdf) == pytest.approx(length, abs=0.05)
    _assert_readable_and_scannable(pdf, data)


@pytest.mark.parametrize("lang", list(Language))
def test_a_passport_holders_slip_names_the_passport_and_lists_only_their_documents(
    lang: Language,
) -> None:
    data = _slip(lang, "passport")
    pdf = render_slip(data, Paper.ROLL_80)
    text = _words(pdf)
    if lang is Language.ES:
        assert "Preséntese 10 minutos antes con su pasaporte original." in text
        assert "Pasaporte: AB•••••67" in text
        assert "☐ Pasaporte" in text
        assert "☐ Visa" in text
        assert "cédula" not in text.lower()
    else:
        assert "Please arrive 10 minutes early with your original passport." in text
        assert "Passport: AB•••••67" in text
        assert "☐ Visa" in text
        assert "identity card" not in text
        assert "cédula" not in text.lower()
    assert pdf_length_mm(pdf) <= 210.0  # a document more than a cédula holder's, no more
    _assert_readable_and_scannable(pdf, data)


@pytest.mark.parametrize(
    ("document_type", "es", "en"),
    [
        ("cedula", "con su cédula original.", "with your original identity card (cédula)."),
        (
            "ruc",
            "con la cédula original del representante legal.",
            "with the legal representative's original identity card (cédula).",
        ),
        (
            "foreigner_code",
            "con el documento de su código de identificación para extranjeros.",
            "with the document of your identification code for foreigners.",
        ),
        (None, "con su documento de identidad original.", "with your original identity document."),
    ],
)
def test_the_document_to_show_is_the_one_the_citizen_identified_with(
    document_type: str | None, es: str, en: str
) -> None:
    assert build_content(_slip(Language.ES, document_type)).arrive.endswith(es)
    assert build_content(_slip(Language.EN, document_type)).arrive.endswith(en)


def test_an_unknown_document_type_is_refused() -> None:
    with pytest.raises(ValueError, match="document type"):
        _slip(Language.ES, "dni")


@pytest.mark.parametrize("paper", [Paper.ROLL_58, Paper.A4, Paper.LETTER])
@pytest.mark.parametrize("document_type", ["cedula", "passport"])
def test_other_papers_stay_sensible(paper: Paper, document_type: str) -> None:
    data = _long_slip(Language.ES, document_type)
    pdf = render_slip(data, paper)
    assert pdf_pages(pdf) == 1
    if paper is Paper.ROLL_58:
        assert pdf_length_mm(pdf) <= 250.0  # narrower, so longer, but no longer than before
    _assert_readable_and_scannable(pdf, data)


def test_without_an_email_the_details_are_printed_as_the_only_copy() -> None:
    emailed = render_slip(_slip(Language.ES, "cedula"), Paper.ROLL_80)
    data = _slip(Language.ES, "cedula", masked_email="")
    pdf = render_slip(data, Paper.ROLL_80)
    text = _words(pdf)
    assert "Detalles enviados" not in text
    assert "Autorización de Retiro de Contraseña" in text  # a requirement's detail
    assert "Autorización de Retiro" not in _words(emailed)
    _assert_readable_and_scannable(pdf, data)


def test_the_signature_line_appears_only_when_a_requirement_asks_for_it() -> None:
    data = _slip(Language.ES, "cedula")
    unsigned = Procedure(
        data.procedure.code,
        data.procedure.name,
        (Requirement(Localized("Cédula"), Localized("Presente el original.")),),
    )
    assert build_content(data).signature == "Firma a mano, no electrónica."
    assert build_content(replace(data, procedure=unsigned)).signature == ""
    for wording in (
        "La suscripción del documento de forma manuscrita es imprescindible.",  # the seed
        "Fírmelo a mano.",  # the demo catalogue
        "Entréguela firmada a mano en ventanilla.",
    ):
        signed = Requirement(Localized("Acuerdo"), Localized(wording))
        procedure = replace(unsigned, requirements=(signed,))
        assert build_content(replace(data, procedure=procedure)).signature, wording
    handed = Requirement(Localized("Solicitud"), Localized("Entréguela en mano al funcionario."))
    procedure = replace(unsigned, requirements=(handed,))
    assert build_content(replace(data, procedure=procedure)).signature == ""
