"""The catalogue models' own rules."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.backend.parse import parse_catalog
from kiosk.domain.models import (
    Audience,
    Day,
    DayState,
    Localized,
    Procedure,
    Requirement,
)
from turnos.demo_catalog import demo_catalog

REQUEST = Requirement(Localized("Solicitud de entrega de clave"))
# Artisans listed early on purpose: a conditional requirement always comes last.
ARTISAN = Requirement(Localized("Calificación Artesanal"), applies_to=Audience.QUALIFIED_ARTISANS)
CEDULA = Requirement(Localized("Cédula"), applies_to=Audience.CEDULA)
CODE = Requirement(Localized("Código"), applies_to=Audience.FOREIGNER_CODE)
PASSPORT = Requirement(Localized("Pasaporte"), applies_to=Audience.PASSPORT)
VISA = Requirement(Localized("Visa"), applies_to=Audience.PASSPORT)
ANY_FOREIGNER = Requirement(Localized("Traducción"), applies_to=Audience.FOREIGNERS)
AGREEMENT = Requirement(Localized("Acuerdo"))
PROCEDURE = Procedure(
    "CLAVE_PATRONAL",
    Localized("Clave"),
    (REQUEST, ARTISAN, CEDULA, CODE, PASSPORT, VISA, ANY_FOREIGNER, AGREEMENT),
)


@pytest.mark.parametrize(
    ("document_type", "expected"),
    [
        ("cedula", (REQUEST, CEDULA, AGREEMENT, ARTISAN)),
        ("ruc", (REQUEST, CEDULA, AGREEMENT, ARTISAN)),  # the legal representative's cédula
        ("passport", (REQUEST, PASSPORT, VISA, ANY_FOREIGNER, AGREEMENT, ARTISAN)),
        ("foreigner_code", (REQUEST, CODE, ANY_FOREIGNER, AGREEMENT, ARTISAN)),
        (None, (REQUEST, CEDULA, CODE, PASSPORT, VISA, ANY_FOREIGNER, AGREEMENT, ARTISAN)),
    ],
)
def test_each_person_brings_what_applies_to_them_conditions_last(
    document_type: str | None, expected: tuple[Requirement, ...]
) -> None:
    assert PROCEDURE.requirements_for(document_type) == expected
    assert [r.conditional for r in expected] == [False] * (len(expected) - 1) + [True]


@pytest.mark.parametrize(
    ("document_type", "titles"),
    [
        (
            "cedula",
            [
                "Solicitud de entrega de clave",
                "Cédula",
                "Acuerdo de Responsabilidad y Uso de la información",
                "Calificación Artesanal",
            ],
        ),
        (
            "passport",
            [
                "Solicitud de entrega de clave",
                "Pasaporte",
                "Visa",
                "Acuerdo de Responsabilidad y Uso de la información",
                "Calificación Artesanal",
            ],
        ),
        (
            "foreigner_code",
            [
                "Solicitud de entrega de clave",
                "Código de identificación para extranjeros",
                "Acuerdo de Responsabilidad y Uso de la información",
                "Calificación Artesanal",
            ],
        ),
    ],
)
def test_the_demo_catalogue_follows_the_seed_per_document(
    document_type: str, titles: list[str]
) -> None:
    procedure = parse_catalog(demo_catalog()).procedure("CLAVE_PATRONAL")
    assert procedure is not None
    assert [r.title.es for r in procedure.requirements_for(document_type)] == titles


def test_a_day_is_available_only_when_open_with_places() -> None:
    day = dt.date(2030, 12, 24)
    assert Day(day, 3).effective_state is DayState.OPEN  # an older service: by the places
    assert Day(day, 0).effective_state is DayState.FULL
    assert Day(day, 3, DayState.OPEN).available
    for state in (DayState.FULL, DayState.CLOSED, DayState.NOT_OPEN):
        assert not Day(day, 3, state).available
    assert not Day(day, 0, DayState.OPEN).available
