"""The catalogue models' own rules."""

from __future__ import annotations

from kiosk.domain.models import Audience, Localized, Procedure, Requirement

CEDULA = Requirement(Localized("Cédula"))
PASSPORT = Requirement(Localized("Pasaporte"), applies_to=Audience.FOREIGNERS)
ARTISAN = Requirement(Localized("Calificación Artesanal"), applies_to=Audience.QUALIFIED_ARTISANS)
PROCEDURE = Procedure("CLAVE_PATRONAL", Localized("Clave"), (CEDULA, PASSPORT, ARTISAN))


def test_a_cedula_holder_does_not_need_the_foreigners_alternatives() -> None:
    assert PROCEDURE.requirements_for("cedula") == (CEDULA, ARTISAN)


def test_passport_and_foreigner_code_holders_see_everything() -> None:
    for document_type in ("passport", "foreigner_code", None):
        assert PROCEDURE.requirements_for(document_type) == PROCEDURE.requirements
